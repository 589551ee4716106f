// Transfer learning on real photos, as CI runs it: the engine's feature recipe on the shared
// hymenoptera data (ants and bees, 245 training and 153 validation photos) from the shared
// ImageNet MobileNetV2 must reach 90 % validation accuracy in 2 epochs. The frozen-prefix cache
// encodes each photo once, so this takes about a minute on 2 cores.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_opener.h"
#include "core/training/trainer.h"
#include "core/training/training_config.h"
#include "tests/test_support.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

namespace {

class LineLog : public TrainingObserver {
public:
    std::vector<std::string> lines;
    void log(const std::string& line) override { lines.push_back(line); }
    bool logged(const std::string& text) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    }
};

} // namespace

class TestRealDataTraining : public QObject {
    Q_OBJECT

    QTemporaryDir m_cacheHome;

private Q_SLOTS:
    // Nothing from the person's own caches (decoded images, hub weights) may take part.
    void initTestCase() { qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit()); }

    void featureRecipeLearnsHymenoptera() {
        TSTUDIO_REQUIRE_SHARED();
        const fs::path shared = test::sharedDir().toStdString();
        auto dataset = data::openDataset(shared / "datasets/hymenoptera");
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());

        QTemporaryDir out;
        TrainingConfig config;
        config.arch = "mobilenet_v2";
        config.weights = shared / "weights/mobilenet_v2_imagenet_dequantized.pth";
        config.inputSize = 224;
        config.seed = 1;
        config.outDir = fs::path(out.path().toStdString()) / "run";
        config = withRecommendedRecipe(config, TrainMode::Feature);
        config.epochs = 2;

        LineLog log;
        TrainingControl control;
        const auto summary = train(config, *dataset, log, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QCOMPARE(summary->epochsRun, 2);
        QVERIFY(log.logged("Frozen-prefix cache: used"));
        for (const EpochMetrics& epoch : summary->history) {
            QVERIFY(std::isfinite(epoch.valAccuracy));
        }
        qInfo("best validation accuracy %.4f (epoch %d), %.1f s", summary->bestValAccuracy,
              summary->bestEpoch, summary->wallSeconds);
        QVERIFY2(summary->bestValAccuracy >= 0.90,
                 std::to_string(summary->bestValAccuracy).c_str());
    }
};

QTEST_GUILESS_MAIN(TestRealDataTraining)
#include "tst_real_data_training.moc"
