// Parity with torchvision 0.14: with the same deterministic weights in every state-dict entry,
// our backbones give torchvision's logits (fixtures/<arch>.json, made by
// make_parity_fixtures.py). Criterion: max |ours - ref| <= 1e-4 * max(1, max |ref|).
// torchSaveRoundTrip runs by hand only: with TSTUDIO_TORCH_SAVE_DIR pointing at the output of
// check_torch_save_roundtrip.py, real torch.save files (zip and legacy) are read by
// weights::readStateDict, loaded Strict, and must give torchvision's logits.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <string>

#include <torch/torch.h>

#include "core/models/factory.h"
#include "core/models/registry.h"
#include "core/weights/state_dict.h"
#include "deterministic_weights.h"
#include "parity_fixture.h"
#include "tests/test_support.h"

using namespace tstudio;

namespace {

constexpr double kTolerance = 1e-4;

torch::Tensor toTensor(const std::vector<std::vector<double>>& rows) {
    const auto n = static_cast<int64_t>(rows.size());
    const auto k = static_cast<int64_t>(rows.empty() ? 0 : rows.front().size());
    auto out = torch::empty({n, k}, torch::kFloat64);
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < k; ++j) {
            out[i][j] = rows[static_cast<size_t>(i)][static_cast<size_t>(j)];
        }
    }
    return out;
}

/** Max abs difference and whether it is within tolerance; message describes the worst entry. */
struct Comparison {
    double maxAbs = 0.0;
    double maxRel = 0.0; ///< maxAbs / max |ref|
    bool ok = false;
    QString message;
};

Comparison compareLogits(const torch::Tensor& ours, const torch::Tensor& ref) {
    Comparison c;
    const auto diff = (ours.to(torch::kFloat64) - ref).abs();
    const double refMax = ref.abs().max().item<double>();
    c.maxAbs = diff.max().item<double>();
    c.maxRel = c.maxAbs / std::max(refMax, 1e-30);
    const double bound = kTolerance * std::max(1.0, refMax);
    c.ok = std::isfinite(c.maxAbs) && c.maxAbs <= bound;
    const auto worst = diff.flatten().argmax().item<int64_t>();
    const int64_t k = ref.size(1);
    c.message = QStringLiteral("max|diff| %1 (bound %2, max|ref| %3); worst at [%4][%5]: "
                               "ours %6, torchvision %7")
                    .arg(c.maxAbs, 0, 'g', 4)
                    .arg(bound, 0, 'g', 4)
                    .arg(refMax, 0, 'g', 4)
                    .arg(worst / k)
                    .arg(worst % k)
                    .arg(ours.to(torch::kFloat64).flatten()[worst].item<double>(), 0, 'g', 9)
                    .arg(ref.flatten()[worst].item<double>(), 0, 'g', 9);
    return c;
}

/** <arch>.logits.json written by check_torch_save_roundtrip.py. */
bool readLogitsFile(const QString& path, std::vector<int64_t>* inputShape,
                    std::vector<std::vector<double>>* logits) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray shape = root.value(QStringLiteral("input_shape")).toArray();
    for (const QJsonValue& v : shape) {
        inputShape->push_back(v.toInteger());
    }
    const QJsonArray rows = root.value(QStringLiteral("logits")).toArray();
    for (const QJsonValue& row : rows) {
        std::vector<double> values;
        const QJsonArray rowArray = row.toArray();
        for (const QJsonValue& v : rowArray) {
            values.push_back(v.toDouble());
        }
        logits->push_back(std::move(values));
    }
    return inputShape->size() == 4 && !logits->empty();
}

} // namespace

class TestParity : public QObject {
    Q_OBJECT

private:
    /// The last model built, reused by consecutive rows of the same architecture.
    std::string m_cachedName;
    models::Backbone m_cached{nullptr};

    models::Backbone filledModel(const std::string& name, int64_t numClasses) {
        if (m_cachedName != name) {
            m_cached = models::Backbone(nullptr);
            m_cachedName.clear();
            auto built = models::createBackbone(name, numClasses);
            if (!built.ok()) {
                QTest::qFail(built.message().c_str(), __FILE__, __LINE__);
                return models::Backbone(nullptr);
            }
            m_cached = std::move(built).value();
            m_cached->eval();
            tstudio::test::fillDeterministic(*m_cached);
            m_cachedName = name;
        }
        return m_cached;
    }

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(0); }

    void formulaMatchesPython_data() {
        // Spot values printed by deterministic_weights.py: the two formulas must agree bit for
        // bit, or every parity row below fails for a reason that has nothing to do with models.
        QTest::addColumn<QString>("key");
        QTest::addColumn<QList<qint64>>("shape");
        QTest::addColumn<int>("index");
        QTest::addColumn<double>("expected");
        QTest::newRow("conv weight") << QStringLiteral("features.0.0.weight")
                                     << QList<qint64>{4, 3, 3, 3} << 1 << -0.2550908029079437;
        QTest::newRow("residual bn scale")
            << QStringLiteral("layer1.0.bn2.weight") << QList<qint64>{3} << 2 << 0.4520969092845917;
        QTest::newRow("se bias") << QStringLiteral("features.1.0.block.2.fc2.bias")
                                 << QList<qint64>{2} << 0 << 1.9877208471298218;
        QTest::newRow("running var")
            << QStringLiteral("x.running_var") << QList<qint64>{2} << 1 << 0.7671121954917908;
    }

    void formulaMatchesPython() {
        QFETCH(QString, key);
        QFETCH(QList<qint64>, shape);
        QFETCH(int, index);
        QFETCH(double, expected);
        const std::vector<int64_t> dims(shape.begin(), shape.end());
        const auto values =
            tstudio::test::deterministicValues(key.toStdString(), dims, torch::kFloat32);
        QCOMPARE(static_cast<double>(values.flatten()[index].item<float>()), expected);
    }

    void inputMatchesPython() {
        QCOMPARE(tstudio::test::fnv1a64("input"), uint64_t{0x1ebbae8f5810b65bULL});
        const auto x = tstudio::test::deterministicInput({1, 3, 2, 2}).flatten();
        QCOMPARE(static_cast<double>(x[0].item<float>()), -1.3931981325149536);
        QCOMPARE(static_cast<double>(x[2].item<float>()), -1.0266755819320679);
    }

    void logits_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("caseIndex");
        for (const auto& info : models::backboneRegistry()) {
            for (int c = 0; c < 2; ++c) {
                const QString arch = QString::fromStdString(info.name);
                QTest::newRow(qPrintable(arch + QStringLiteral("/case%1").arg(c))) << arch << c;
            }
        }
    }

    void logits() {
        QFETCH(QString, arch);
        QFETCH(int, caseIndex);
        const std::string name = arch.toStdString();
        QString error;
        const auto fixture = tstudio::test::loadParityFixture(name, &error);
        QVERIFY2(fixture.has_value(), qPrintable(error));
        QVERIFY(caseIndex < static_cast<int>(fixture->cases.size()));
        const auto& parityCase = fixture->cases[static_cast<size_t>(caseIndex)];

        auto model = filledModel(name, fixture->numClasses);
        QVERIFY(!model.is_empty());
        torch::NoGradGuard noGrad;
        const auto input = tstudio::test::deterministicInput(parityCase.inputShape);
        const auto logits = model->forward(input);
        const auto ref = toTensor(parityCase.logits);
        QCOMPARE(logits.sizes().vec(), ref.sizes().vec());
        QCOMPARE(logits.scalar_type(), torch::kFloat32);
        const auto c = compareLogits(logits, ref);
        qInfo("%s %s: max|diff| %.3g, relative %.3g", qPrintable(arch),
              qPrintable(QString::number(parityCase.inputShape[2]) + QStringLiteral("px")),
              c.maxAbs, c.maxRel);
        QVERIFY2(c.ok, qPrintable(c.message));
    }

    // By hand: files that Python's torch.save really wrote, read by our reader, loaded Strict.
    void torchSaveRoundTrip_data() {
        if (qEnvironmentVariableIsEmpty("TSTUDIO_TORCH_SAVE_DIR")) {
            QSKIP("TSTUDIO_TORCH_SAVE_DIR is not set: fill it with check_torch_save_roundtrip.py");
        }
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("format");
        for (const auto& info : models::backboneRegistry()) {
            const QString arch = QString::fromStdString(info.name);
            for (const QString& format : {QStringLiteral("zip"), QStringLiteral("legacy")}) {
                QTest::newRow(qPrintable(arch + QLatin1Char('/') + format)) << arch << format;
            }
        }
    }

    void torchSaveRoundTrip() {
        QFETCH(QString, arch);
        QFETCH(QString, format);
        const QString dir = QString::fromLocal8Bit(qgetenv("TSTUDIO_TORCH_SAVE_DIR"));
        const std::string name = arch.toStdString();
        const QString pth =
            QDir(dir).filePath(arch + QLatin1Char('.') + format + QStringLiteral(".pth"));
        std::vector<int64_t> inputShape;
        std::vector<std::vector<double>> refLogits;
        QVERIFY2(readLogitsFile(QDir(dir).filePath(arch + QStringLiteral(".logits.json")),
                                &inputShape, &refLogits),
                 qPrintable(QStringLiteral("no logits for %1 in %2").arg(arch, dir)));

        auto dict = weights::readStateDict(pth.toStdString());
        QVERIFY2(dict.ok(), dict.ok() ? "" : dict.message().c_str());
        for (const auto& [key, tensor] : *dict) {
            const auto expected =
                tstudio::test::deterministicValues(key, tensor.sizes(), tensor.scalar_type());
            QVERIFY2(torch::equal(tensor.contiguous(), expected),
                     qPrintable(QStringLiteral("%1: %2 differs from what torch.save wrote")
                                    .arg(pth, QString::fromStdString(key))));
        }

        auto built = models::createBackbone(name, 10);
        QVERIFY2(built.ok(), built.ok() ? "" : built.message().c_str());
        auto model = std::move(built).value();
        model->eval();
        auto loaded = weights::loadStateDict(*model, *dict, weights::LoadPolicy::Strict);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QVERIFY2(loaded->clean(), loaded->summary().c_str());

        torch::NoGradGuard noGrad;
        const auto logits = model->forward(tstudio::test::deterministicInput(inputShape));
        const auto ref = toTensor(refLogits);
        QCOMPARE(logits.sizes().vec(), ref.sizes().vec());
        const auto c = compareLogits(logits, ref);
        qInfo("%s %s: %zu tensors, max|diff| %.3g, relative %.3g", qPrintable(arch),
              qPrintable(format), dict->size(), c.maxAbs, c.maxRel);
        QVERIFY2(c.ok, qPrintable(c.message));
    }
};

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
