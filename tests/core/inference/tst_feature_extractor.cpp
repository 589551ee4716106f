#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

#include "core/inference/feature_extractor.h"
#include "core/inference/image_classifier.h"
#include "inference_test_data.h"

using namespace tstudio;

namespace {

inference::FeatureSpec specFor(const std::string& layer,
                               inference::Pooling pooling = inference::Pooling::Average,
                               int batchSize = 4) {
    return {test::mobileNetV2Spec(), layer, pooling, batchSize};
}

inference::FeatureTable extractOk(const inference::FeatureSpec& spec,
                                  const std::vector<std::filesystem::path>& photos) {
    auto extractor = inference::FeatureExtractor::open(spec);
    if (!extractor) {
        qFatal("%s", extractor.message().c_str());
    }
    auto table = extractor->extract(photos);
    if (!table) {
        qFatal("%s", table.message().c_str());
    }
    return std::move(table).value();
}

float maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    float worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, std::abs(a[i] - b[i]));
    }
    return worst;
}

std::vector<std::filesystem::path> fivePhotos() {
    auto photos = test::hymenoptera("val/ants");
    photos.resize(3);
    const auto bees = test::hymenoptera("val/bees");
    photos.insert(photos.end(), bees.begin(), bees.begin() + 2);
    return photos;
}

} // namespace

class TestFeatureExtractor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TSTUDIO_REQUIRE_SHARED(); }

    void poolIsTheLastBlockAveraged() {
        // MobileNetV2's neck is a global average pool: "features.18" + avg must equal "pool".
        const auto photos = fivePhotos();
        const auto pool = extractOk(specFor("pool"), photos);
        QCOMPARE(pool.rows(), 5);
        QCOMPARE(pool.width, 1280);
        QCOMPARE(pool.paths, photos);
        const auto block = extractOk(specFor("features.18"), photos);
        QCOMPARE(block.width, 1280);
        QVERIFY(maxAbsDiff(pool.values, block.values) < 1e-5f);
    }

    void maxAndNonePooling() {
        const std::vector<std::filesystem::path> photo{fivePhotos().front()};
        const auto avg = extractOk(specFor("features.3"), photo);
        const auto max = extractOk(specFor("features.3", inference::Pooling::Max), photo);
        const auto none = extractOk(specFor("features.3", inference::Pooling::None), photo);
        QCOMPARE(avg.width, 24);
        QCOMPARE(max.width, 24);
        QCOMPARE(none.width, 24 * 56 * 56); // C*H*W of the block's map at 224x224
        for (int c = 0; c < 24; ++c) {
            const auto first = none.values.begin() + c * 56 * 56;
            const float mapMax = *std::max_element(first, first + 56 * 56);
            const double mapMean = std::accumulate(first, first + 56 * 56, 0.0) / (56 * 56);
            QCOMPARE(max.values[static_cast<std::size_t>(c)], mapMax);
            QVERIFY(std::abs(avg.values[static_cast<std::size_t>(c)] - mapMean) < 1e-4);
        }
    }

    void logitsAreTheClassifiers() {
        const auto photos = fivePhotos();
        const auto logits = extractOk(specFor("logits", inference::Pooling::Average, 1), photos);
        QCOMPARE(logits.width, 1000);
        auto classifier = inference::ImageClassifier::open(test::mobileNetV2Spec());
        QVERIFY(classifier.ok());
        const auto expected = classifier->logits(photos[2]);
        QVERIFY(expected.ok());
        const std::vector<float> row(logits.values.begin() + 2 * 1000,
                                     logits.values.begin() + 3 * 1000);
        QCOMPARE(row, *expected); // same batch shape (1), same computation
    }

    void batchSizeDoesNotChangeFeatures() {
        const auto photos = fivePhotos();
        const auto one = extractOk(specFor("pool", inference::Pooling::Average, 1), photos);
        const auto three = extractOk(specFor("pool", inference::Pooling::Average, 3), photos);
        QCOMPARE(one.rows(), three.rows());
        QVERIFY(maxAbsDiff(one.values, three.values) < 1e-4f); // only summation order differs
    }

    void unreadableImagesAreSkippedAndReported() {
        QTemporaryDir dir;
        const std::filesystem::path bad = dir.filePath(QStringLiteral("bad.jpg")).toStdString();
        QFile(QString::fromStdString(bad.string())).open(QIODevice::WriteOnly); // zero bytes
        auto photos = fivePhotos();
        photos.insert(photos.begin() + 1, bad);
        auto extractor = inference::FeatureExtractor::open(specFor("pool"));
        QVERIFY(extractor.ok());
        std::vector<std::string> skipped;
        const auto table =
            extractor->extract(photos, [&](const Error& e) { skipped.push_back(e.message); });
        QVERIFY(table.ok());
        QCOMPARE(table->rows(), 5);
        QCOMPARE(skipped.size(), std::size_t{1});
        QVERIFY(skipped[0].starts_with(bad.string()));
        photos.erase(photos.begin() + 1);
        QCOMPARE(table->paths, photos);
    }

    void unknownLayerListsTheKnownOnes() {
        const auto extractor = inference::FeatureExtractor::open(specFor("layer4"));
        QVERIFY(!extractor.ok());
        const QString message = QString::fromStdString(extractor.message());
        QVERIFY2(message.contains(QLatin1String("features.0, features.1")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("pool, logits")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestFeatureExtractor)
#include "tst_feature_extractor.moc"
