#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fstream>
#include <random>
#include <set>
#include <span>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/threads.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"
#include "core/inference/label_suggester.h"
#include "core/inference/nearest_centroid.h"
#include "core/training/model_bundle.h"
#include "core/training/model_suggestions.h"
#include "core/training/trainer.h"
#include "core/training/training_recipe.h"
#include "inference_test_data.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

constexpr int kClasses = 3;
constexpr int kPerClass = 32;
constexpr int kLabelledPerClass = 5;

/**
 * A 64x64 image whose class shows in its colour: a reddish, greenish or bluish background
 * (varied in tone), a few shapes of any colour on top, and pixel noise.
 */
cv::Mat colourImage(int cls, std::mt19937& rng) {
    std::uniform_int_distribution<int> strong(150, 255);
    std::uniform_int_distribution<int> weak(0, 90);
    std::uniform_int_distribution<int> any(0, 255);
    std::uniform_int_distribution<int> pos(0, 63);
    cv::Vec3b background;
    for (int c = 0; c < 3; ++c) {
        // OpenCV is BGR: channel 2 is red, 1 green, 0 blue.
        background[c] = static_cast<uchar>(c == 2 - cls ? strong(rng) : weak(rng));
    }
    cv::Mat image(64, 64, CV_8UC3, cv::Scalar(background[0], background[1], background[2]));
    for (int s = 0; s < 3; ++s) {
        const cv::Scalar colour(any(rng), any(rng), any(rng));
        const cv::Point a(pos(rng), pos(rng));
        if (s % 2 == 0) {
            cv::circle(image, a, 4 + pos(rng) / 8, colour, cv::FILLED);
        } else {
            cv::rectangle(image, a, cv::Point(pos(rng), pos(rng)), colour, 2);
        }
    }
    cv::Mat noise(image.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(12));
    cv::Mat noisy;
    cv::add(image, noise, noisy, cv::noArray(), CV_8UC3);
    return noisy;
}

void writeImage(const fs::path& path, const cv::Mat& image) {
    if (!cv::imwrite(path.string(), image)) {
        qFatal("cannot write %s", path.string().c_str());
    }
}

/** Truth of each sample, kept beside the dataset (whose unlabeled samples do not say). */
struct ColourSet {
    data::Dataset dataset;
    std::vector<int> truth;
};

/** kPerClass images per class under dir; the first kLabelledPerClass of each are labelled. */
ColourSet colourSet(const fs::path& dir) {
    fs::create_directories(dir);
    ColourSet set{data::Dataset(data::DatasetKind::Custom, dir), {}};
    const char* names[kClasses] = {"red", "green", "blue"};
    for (const char* name : names) {
        set.dataset.addClass(name);
    }
    std::mt19937 rng(7);
    for (int i = 0; i < kPerClass; ++i) {
        for (int cls = 0; cls < kClasses; ++cls) {
            data::Sample sample;
            sample.path = dir / (std::string(names[cls]) + "_" + std::to_string(i) +
                                 (i % 2 == 0 ? ".png" : ".jpg"));
            writeImage(sample.path, colourImage(cls, rng));
            sample.label = i < kLabelledPerClass ? cls : data::kUnlabeled;
            set.dataset.addSample(sample);
            set.truth.push_back(cls);
        }
    }
    return set;
}

inference::ModelSpec smallMobileNet() {
    inference::ModelSpec spec = test::mobileNetV2Spec();
    spec.inputSize = 96; // colour is obvious at any size; keeps the test fast on 2 cores
    return spec;
}

inference::LabelSuggester openSuggester() {
    auto suggester = inference::LabelSuggester::open(smallMobileNet());
    if (!suggester) {
        qFatal("%s", suggester.message().c_str());
    }
    return std::move(suggester).value();
}

const std::atomic_bool kNeverCancel{false};

inference::SuggestReport suggestOk(inference::LabelSuggester& suggester,
                                   const data::Dataset& dataset, int batchSize = 16) {
    inference::SuggestOptions options;
    options.batchSize = batchSize;
    auto report = suggester.suggest(dataset, options, {}, kNeverCancel);
    if (!report) {
        qFatal("%s", report.message().c_str());
    }
    return std::move(report).value();
}

} // namespace

class TestLabelSuggester : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nearestCentroidScoresBySimilarity() {
        // Torch-free: two clusters around (1, 0, 0) and (0, 1, 0), one class with no rows.
        const std::vector<float> a1{1, 0.1f, 0}, a2{1, -0.1f, 0}, b1{0.1f, 1, 0}, b2{-0.1f, 1, 0};
        const std::vector<std::span<const float>> rows{a1, a2, b1, b2};
        const auto model = inference::NearestCentroid::fit(rows, {0, 0, 2, 2}, 3, 0.05f);
        QCOMPARE(model.classes(), (std::vector<int>{0, 2}));
        const std::vector<float> nearA{0.9f, 0.2f, 0.1f};
        const inference::Suggestion s = model.score(nearA);
        QCOMPARE(s.label, 0);
        QCOMPARE(s.runnerUp, 2);
        QVERIFY(s.confidence > 0.99f);
        QVERIFY(std::abs(s.confidence + s.runnerUpConfidence - 1.0f) < 1e-5f);
        const std::vector<float> between{1, 1, 0};
        const inference::Suggestion doubtful = model.score(between);
        QVERIFY(std::abs(doubtful.confidence - 0.5f) < 0.05f);
    }

    void suggestsTheObviousClass() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const ColourSet set = colourSet(dir.path().toStdString());
        auto suggester = openSuggester();
        const inference::SuggestReport report = suggestOk(suggester, set.dataset);
        QVERIFY(report.skipped.empty());
        const std::size_t unlabeled = kClasses * (kPerClass - kLabelledPerClass);
        QCOMPARE(report.suggestions.size(), unlabeled);
        QCOMPARE(suggester.stats().encoded, set.dataset.size());
        std::size_t right = 0;
        std::set<std::size_t> seen;
        for (const inference::Suggestion& s : report.suggestions) {
            QVERIFY(!set.dataset.sample(s.sampleIndex).usable());
            QVERIFY(seen.insert(s.sampleIndex).second);
            QVERIFY(s.confidence >= 0.0f && s.confidence <= 1.0f);
            QVERIFY(s.runnerUp != s.label && s.runnerUp != data::kUnlabeled);
            QVERIFY(s.runnerUpConfidence <= s.confidence);
            right += s.label == set.truth[s.sampleIndex] ? 1 : 0;
        }
        qInfo("%zu of %zu suggestions right", right, unlabeled);
        QVERIFY2(right * 10 >= unlabeled * 9, "fewer than 90 % of the suggestions are right");
    }

    void relabellingReusesFeatures() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        ColourSet set = colourSet(dir.path().toStdString());
        auto suggester = openSuggester();
        const auto first = suggestOk(suggester, set.dataset);
        const std::size_t encoded = suggester.stats().encoded;

        // Accept three suggestions, exclude one image: nothing new to encode.
        for (std::size_t i = 0; i < 3; ++i) {
            set.dataset.relabel(first.suggestions[i].sampleIndex, first.suggestions[i].label);
        }
        set.dataset.setExcluded(first.suggestions[3].sampleIndex, true);
        const std::size_t reusedBefore = suggester.stats().reused;
        const auto second = suggestOk(suggester, set.dataset);
        QCOMPARE(suggester.stats().encoded, encoded);
        QCOMPARE(suggester.stats().reused - reusedBefore, set.dataset.size() - 1);
        QCOMPARE(second.suggestions.size(), first.suggestions.size() - 4);
        for (const inference::Suggestion& s : second.suggestions) {
            QVERIFY(s.sampleIndex != first.suggestions[3].sampleIndex);
        }

        // A new image and a rewritten one are encoded; the rest come from the cache.
        std::mt19937 rng(99);
        data::Sample added;
        added.path = fs::path(dir.path().toStdString()) / "new_blue.png";
        writeImage(added.path, colourImage(2, rng));
        set.dataset.addSample(added);
        const fs::path changed = set.dataset.sample(first.suggestions[5].sampleIndex).path;
        writeImage(changed, colourImage(0, rng));
        fs::last_write_time(changed, fs::last_write_time(changed) + std::chrono::seconds(2));
        suggestOk(suggester, set.dataset);
        QCOMPARE(suggester.stats().encoded, encoded + 2);
    }

    void progressDeliversSuggestionsBeforeTheEnd() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const ColourSet set = colourSet(dir.path().toStdString());
        auto suggester = openSuggester();
        std::vector<inference::SuggestionProgress> reports;
        inference::SuggestOptions options;
        options.batchSize = 8;
        const auto report = suggester.suggest(
            set.dataset, options,
            [&reports](const inference::SuggestionProgress& p) { reports.push_back(p); },
            kNeverCancel);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        // 15 labelled images in 2 steps of 8, then 81 unlabeled in 11 steps.
        QCOMPARE(reports.size(), std::size_t(2 + 11));
        QCOMPARE(reports.front().stage, inference::SuggestStage::LabelledImages);
        QVERIFY(reports.front().suggestions.empty());
        QCOMPARE(reports[1].done, std::size_t(15));
        const inference::SuggestionProgress& firstSuggestions = reports[2];
        QCOMPARE(firstSuggestions.stage, inference::SuggestStage::Suggesting);
        QCOMPARE(firstSuggestions.suggestions.size(), std::size_t(8));
        QCOMPARE(firstSuggestions.done, std::size_t(8));
        QCOMPARE(firstSuggestions.total, report->suggestions.size());
        std::size_t streamed = 0;
        for (const auto& p : reports) {
            streamed += p.suggestions.size();
        }
        QCOMPARE(streamed, report->suggestions.size());
        QCOMPARE(reports.back().done, reports.back().total);
    }

    void cancelStopsWithinOneBatch() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const ColourSet set = colourSet(dir.path().toStdString());
        auto suggester = openSuggester();
        std::atomic_bool cancel{false};
        std::size_t suggested = 0;
        inference::SuggestOptions options;
        options.batchSize = 8;
        const auto report = suggester.suggest(
            set.dataset, options,
            [&](const inference::SuggestionProgress& p) {
                suggested += p.suggestions.size();
                if (!p.suggestions.empty()) {
                    cancel = true;
                }
            },
            cancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string(data::kCancelledMessage));
        QCOMPARE(suggested, std::size_t(8));
        const std::size_t labelled = kClasses * kLabelledPerClass;
        QCOMPARE(suggester.stats().encoded, labelled + 8);

        // The next run starts from the cache.
        suggestOk(suggester, set.dataset);
        QCOMPARE(suggester.stats().encoded, set.dataset.size());
    }

    void fewerThanTwoLabelledClassesFail() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        ColourSet set = colourSet(dir.path().toStdString());
        for (std::size_t i = 0; i < set.dataset.size(); ++i) {
            if (set.dataset.sample(i).label > 0) {
                set.dataset.relabel(i, data::kUnlabeled);
            }
        }
        auto suggester = openSuggester();
        const auto report = suggester.suggest(set.dataset, {}, {}, kNeverCancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.errorKind(), ErrorKind::Dataset);
        QVERIFY2(report.message().find("at least one image in two classes") != std::string::npos,
                 report.message().c_str());
        QVERIFY2(report.message().find("red 5") != std::string::npos, report.message().c_str());
        QCOMPARE(suggester.stats().encoded, std::size_t(0));

        // Two classes labelled, but every image of one cannot be read: the same failure.
        set.dataset.relabel(1, 1);
        std::ofstream(set.dataset.sample(1).path, std::ios::trunc) << "not an image";
        const auto unreadable = suggester.suggest(set.dataset, {}, {}, kNeverCancel);
        QVERIFY(!unreadable.ok());
        QVERIFY2(unreadable.message().find("could be read") != std::string::npos,
                 unreadable.message().c_str());
    }

    void undecodableImagesAreSkipped() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        ColourSet set = colourSet(dir.path().toStdString());
        const fs::path broken = fs::path(dir.path().toStdString()) / "broken.jpg";
        std::ofstream(broken) << "this is not a JPEG";
        data::Sample sample;
        sample.path = broken;
        set.dataset.addSample(sample);
        data::Sample gone;
        gone.path = fs::path(dir.path().toStdString()) / "gone.png";
        set.dataset.addSample(gone);
        auto suggester = openSuggester();
        const auto report = suggestOk(suggester, set.dataset);
        QCOMPARE(report.skipped.size(), std::size_t(2));
        QVERIFY(report.skipped[0].message.find("broken.jpg") != std::string::npos);
        QVERIFY(report.skipped[1].message.find("gone.png") != std::string::npos);
        QCOMPARE(report.suggestions.size(),
                 std::size_t(kClasses * (kPerClass - kLabelledPerClass)));

        // A broken file is tried once; it is still reported on the next run.
        const std::size_t encoded = suggester.stats().encoded;
        const auto again = suggestOk(suggester, set.dataset);
        QCOMPARE(suggester.stats().encoded, encoded);
        QCOMPARE(again.skipped.size(), std::size_t(2));
    }

    void inMemoryRecordsAreEncoded() {
        // CIFAR-10 and IDX datasets hold their pixels in memory; the cache keys them by record.
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const fs::path source = fs::path(dir.path().toStdString()) / "records.bin";
        std::ofstream(source) << "stands in for a CIFAR-10 batch";
        data::Dataset dataset(data::DatasetKind::Custom, source);
        dataset.addClass("red");
        dataset.addClass("blue");
        std::mt19937 rng(3);
        std::vector<int> truth;
        for (int i = 0; i < 16; ++i) {
            const int cls = i % 2;
            cv::Mat rgb;
            cv::cvtColor(colourImage(cls == 0 ? 0 : 2, rng), rgb, cv::COLOR_BGR2RGB);
            auto image = std::make_shared<imaging::RgbImage>();
            image->width = rgb.cols;
            image->height = rgb.rows;
            image->pixels.assign(rgb.data, rgb.data + rgb.total() * 3);
            data::Sample sample;
            sample.path = source;
            sample.record = i;
            sample.image = image;
            sample.label = i < 4 ? cls : data::kUnlabeled;
            dataset.addSample(sample);
            truth.push_back(cls);
        }
        auto suggester = openSuggester();
        const auto report = suggestOk(suggester, dataset);
        QCOMPARE(report.suggestions.size(), std::size_t(12));
        QCOMPARE(suggester.stats().encoded, std::size_t(16));
        for (const inference::Suggestion& s : report.suggestions) {
            QCOMPARE(s.label, truth[s.sampleIndex]);
        }
    }

    void trainedModelSuggests() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const ColourSet set = colourSet(root / "images");
        training::TrainingConfig config = training::recommendedConfig(training::TrainMode::Feature);
        config.weights = smallMobileNet().weights;
        config.inputSize = smallMobileNet().inputSize;
        config.epochs = 20;
        config.batchSize = 8;
        config.augment = false;
        config.seed = 1;
        config.outDir = root / "run";
        training::TrainingObserver quiet;
        training::TrainingControl control;
        const auto summary = training::train(config, set.dataset, quiet, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        auto model = training::BundleClassifier::open(summary->bundle);
        QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());

        // The same images in a dataset whose classes come in another order, plus one the model
        // does not know: suggestions follow the names, and never name the unknown class.
        data::Dataset renamed(data::DatasetKind::Custom, root / "images");
        for (const char* name : {"purple", "blue", "green", "red"}) {
            renamed.addClass(name);
        }
        std::vector<std::string> truth;
        for (std::size_t i = 0; i < set.dataset.size(); ++i) {
            data::Sample sample = set.dataset.sample(i);
            sample.label = data::kUnlabeled;
            renamed.addSample(sample);
            truth.push_back(set.dataset.classes()[static_cast<std::size_t>(set.truth[i])]);
        }
        std::size_t reports = 0;
        inference::SuggestOptions options;
        options.batchSize = 32;
        const auto report = training::suggestFromModel(
            *model, renamed, options,
            [&reports](const inference::SuggestionProgress&) { ++reports; }, kNeverCancel);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->suggestions.size(), renamed.size());
        QCOMPARE(reports, std::size_t(3));

        // Each suggestion is the model's own prediction, named alike; the dataset has all of the
        // model's classes, so the probabilities are the model's.
        std::vector<fs::path> paths;
        for (const inference::Suggestion& s : report->suggestions) {
            paths.push_back(renamed.sample(s.sampleIndex).path);
        }
        std::vector<Error> failed;
        const std::vector<training::Prediction> predictions = model->predict(paths, failed);
        QVERIFY(failed.empty());
        QCOMPARE(predictions.size(), paths.size());
        const std::vector<std::string>& modelClasses = model->info().classes;
        std::size_t right = 0;
        for (std::size_t i = 0; i < predictions.size(); ++i) {
            const inference::Suggestion& s = report->suggestions[i];
            const training::Prediction& p = predictions[i];
            const std::string& name = renamed.classes()[static_cast<std::size_t>(s.label)];
            QCOMPARE(name, modelClasses[static_cast<std::size_t>(p.predicted)]);
            QVERIFY(std::abs(s.confidence -
                             p.probabilities[static_cast<std::size_t>(p.predicted)]) < 1e-5f);
            QVERIFY(s.runnerUp != 0 && s.runnerUp != s.label);
            QVERIFY(s.runnerUpConfidence <= s.confidence);
            right += name == truth[s.sampleIndex] ? 1 : 0;
        }
        // Twelve training images and a linear head: well above chance (1 in 3) is all we ask.
        qInfo("trained model: %zu of %zu suggestions right", right, renamed.size());
        QVERIFY(right * 2 >= renamed.size());

        data::Dataset stranger(data::DatasetKind::Custom, root / "images");
        stranger.addClass("cat");
        stranger.addSample(set.dataset.sample(0));
        const auto none = training::suggestFromModel(*model, stranger, {}, {}, kNeverCancel);
        QVERIFY(!none.ok());
        QVERIFY2(none.message().find("none of this dataset's classes") != std::string::npos,
                 none.message().c_str());
    }
};

int main(int argc, char** argv) {
    // As the app and the benchmarks do: LibTorch's OpenMP threads must not spin while the
    // image decoder works, or this test takes minutes on a busy 2-core machine instead of seconds.
    tuneOpenMpWaiting(argv);
    QCoreApplication app(argc, argv);
    TestLabelSuggester test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_label_suggester.moc"
