// BundleClassifier::evaluateReport: the per-image outcomes behind evaluate()'s summary, cancel,
// and unreadable images listed rather than fatal.

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

#include "core/training/model_bundle.h"
#include "core/training/trainer.h"
#include "dataset_fixtures.h"
#include "training_fixtures.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

class TestBundleEvaluation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit());
        TrainingConfig config = test::tinyConfig(fs::path(m_tmp.path().toStdString()) / "run");
        config.epochs = 2;
        TrainingControl control;
        TrainingObserver quiet;
        auto summary = train(config, test::colourDataset(8, 20), quiet, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        m_bundle = summary->bundle;
    }

    void reportSummaryIsEvaluateAndItsImages() {
        auto classifier = BundleClassifier::open(m_bundle);
        QVERIFY(classifier.ok());
        const data::Dataset dataset = test::colourDataset(8, 20);
        auto summary = classifier->evaluate(dataset, data::Split::Val);
        auto report = classifier->evaluateReport(dataset, data::Split::Val);
        QVERIFY(summary.ok() && report.ok());
        const EvaluationResult& r = report->summary;
        QCOMPARE(r.count, summary->count);
        QCOMPARE(r.loss, summary->loss);
        QCOMPARE(r.top1, summary->top1);
        QCOMPARE(r.confusion, summary->confusion);
        QCOMPARE(report->classes, classifier->info().classes);
        QVERIFY(report->unreadable.empty());

        // The images rebuild the summary: one per evaluated sample, in dataset order, their
        // (true, predicted) pairs give the confusion and their losses the mean loss.
        QCOMPARE(report->images.size(), std::size_t{60});
        std::vector<std::vector<std::int64_t>> confusion(3, std::vector<std::int64_t>(3, 0));
        double loss = 0.0;
        std::size_t previous = 0;
        for (std::size_t i = 0; i < report->images.size(); ++i) {
            const ImageOutcome& image = report->images[i];
            QVERIFY(i == 0 || image.sample > previous);
            previous = image.sample;
            const data::Sample& sample = dataset.sample(image.sample);
            QCOMPARE(sample.split, data::Split::Val);
            QCOMPARE(image.path, sample.path);
            QCOMPARE(image.trueClass, sample.label); // same class order in bundle and dataset
            QCOMPARE(image.probabilities.size(), std::size_t{3});
            float sum = 0.0f;
            int best = 0;
            for (int c = 0; c < 3; ++c) {
                sum += image.probabilities[static_cast<std::size_t>(c)];
                if (image.probabilities[static_cast<std::size_t>(c)] >
                    image.probabilities[static_cast<std::size_t>(best)]) {
                    best = c;
                }
            }
            QVERIFY(std::abs(sum - 1.0f) < 1e-5f);
            QCOMPARE(image.predicted, best);
            // The image's loss is its cross-entropy: -log p(true class).
            const double expected = -std::log(static_cast<double>(
                image.probabilities[static_cast<std::size_t>(image.trueClass)]));
            QVERIFY2(std::abs(image.loss - expected) < 1e-4,
                     (std::to_string(image.loss) + " vs " + std::to_string(expected)).c_str());
            ++confusion[static_cast<std::size_t>(image.trueClass)]
                       [static_cast<std::size_t>(image.predicted)];
            loss += image.loss;
        }
        QCOMPARE(confusion, r.confusion);
        // The summary sums each batch's losses in float32, the test in double.
        QVERIFY2(std::abs(loss / 60.0 - r.loss) < 1e-5,
                 (std::to_string(loss / 60.0) + " vs " + std::to_string(r.loss)).c_str());
    }

    void classesAreMatchedByName() {
        auto classifier = BundleClassifier::open(m_bundle);
        QVERIFY(classifier.ok());
        // The same images with the dataset's classes in another order: reported in bundle order.
        const data::Dataset original = test::colourDataset(0, 4);
        data::Dataset reordered(data::DatasetKind::Custom, "/in-memory");
        reordered.addClass("blue");
        reordered.addClass("red");
        reordered.addClass("green");
        for (data::Sample sample : original.samples()) {
            sample.label = reordered.classIndex(original.classes()[sample.label]);
            reordered.addSample(sample);
        }
        auto a = classifier->evaluateReport(original, data::Split::Val);
        auto b = classifier->evaluateReport(reordered, data::Split::Val);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->summary.confusion, b->summary.confusion);
        QCOMPARE(b->images.size(), a->images.size());
        for (std::size_t i = 0; i < a->images.size(); ++i) {
            QCOMPARE(b->images[i].trueClass, a->images[i].trueClass);
            QCOMPARE(b->images[i].probabilities, a->images[i].probabilities);
        }
    }

    void cancelStopsTheEvaluation() {
        auto classifier = BundleClassifier::open(m_bundle);
        QVERIFY(classifier.ok());
        const data::Dataset dataset = test::colourDataset(8, 20); // 60 val images: 2 batches
        std::atomic_bool cancel{false};
        int reports = 0;
        auto report = classifier->evaluateReport(
            dataset, data::Split::Val,
            [&](std::int64_t, std::int64_t) {
                ++reports;
                cancel = true; // after the first batch
            },
            &cancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("Evaluation cancelled."));
        QCOMPARE(reports, 1);

        auto before = classifier->evaluateReport(dataset, data::Split::Val, {}, &cancel);
        QVERIFY(!before.ok());
        QCOMPARE(before.message(), std::string("Evaluation cancelled."));
    }

    void anUnreadableImageIsListedNotFatal() {
        auto classifier = BundleClassifier::open(m_bundle);
        QVERIFY(classifier.ok());
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        data::Dataset dataset(data::DatasetKind::ImageFolder, root);
        for (const char* name : {"red", "green", "blue"}) {
            dataset.addClass(name);
        }
        for (int i = 0; i < 6; ++i) {
            const fs::path file = root / ("image" + std::to_string(i) + ".png");
            test::writeBytes(file, test::pngBytes(40, 30, i));
            data::Sample sample;
            sample.path = file;
            sample.label = i % 3;
            dataset.addSample(sample);
        }
        const fs::path broken = root / "broken.png";
        test::writeText(broken, "not an image");
        data::Sample sample;
        sample.path = broken;
        sample.label = 1;
        dataset.addSample(sample);

        std::int64_t lastDone = 0, lastTotal = 0;
        auto report = classifier->evaluateReport(dataset, data::Split::None,
                                                 [&](std::int64_t done, std::int64_t total) {
                                                     lastDone = done;
                                                     lastTotal = total;
                                                 });
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->images.size(), std::size_t{6});
        QCOMPARE(report->summary.count, std::int64_t{6});
        QCOMPARE(report->unreadable.size(), std::size_t{1});
        QVERIFY2(report->unreadable[0].message.find("broken.png") != std::string::npos,
                 report->unreadable[0].message.c_str());
        QCOMPARE(lastDone, std::int64_t{7});
        QCOMPARE(lastTotal, std::int64_t{7});
    }

private:
    QTemporaryDir m_cacheHome;
    QTemporaryDir m_tmp;
    fs::path m_bundle;
};

QTEST_GUILESS_MAIN(TestBundleEvaluation)
#include "tst_bundle_evaluation.moc"
