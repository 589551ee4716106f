#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/test_support.h"
#include "ui/classify/classify_page.h"
#include "ui/models/classification_results_model.h"

using tstudio::ui::ClassificationResultsModel;
using tstudio::ui::ClassifyPage;

class TestClassifyPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusesWithoutWeights() {
        ClassifyPage page;
        page.setBackbone(QStringLiteral("mobilenet_v2"), QStringLiteral("MobileNetV2"), {});
        QSignalSpy status(&page, &ClassifyPage::statusMessage);
        page.classifyFiles({QStringLiteral("/nonexistent.jpg")});
        QCOMPARE(status.count(), 1);
        QVERIFY(!page.isBusy());
    }

    void reportsBadWeightsFile() {
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("bogus.pth"));
        QVERIFY(tstudio::test::writeFile(bogus, "this is not a weight file"));

        ClassifyPage page;
        page.setBackbone(QStringLiteral("mobilenet_v2"), QStringLiteral("MobileNetV2"), bogus);
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        QSignalSpy status(&page, &ClassifyPage::statusMessage);
        page.classifyFiles({QStringLiteral("/nonexistent.jpg")});
        QVERIFY(page.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QVERIFY(!page.isBusy());
        QVERIFY(!status.isEmpty());
        QVERIFY2(status.last().first().toString().contains(QStringLiteral("bogus.pth")),
                 qPrintable(status.last().first().toString()));
    }

    void classifiesRealPhotosOffTheGuiThread() {
        TSTUDIO_REQUIRE_SHARED();
        const QString shared = tstudio::test::sharedDir();
        const QString weights =
            shared + QStringLiteral("/weights/mobilenet_v2_imagenet_dequantized.pth");
        const QDir bees(shared + QStringLiteral("/datasets/hymenoptera/val/bees"));
        const QStringList names =
            bees.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 3);
        const QStringList photos{bees.filePath(names[0]), bees.filePath(names[1]),
                                 bees.filePath(names[2]),
                                 shared + QStringLiteral("/no-such-photo.jpg")};

        ClassifyPage page;
        page.setBackbone(QStringLiteral("mobilenet_v2"), QStringLiteral("MobileNetV2"), weights);
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        page.classifyFiles(photos);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);

        const ClassificationResultsModel* results = page.results();
        QCOMPARE(results->rowCount(), photos.size());
        QCOMPARE(results->classes().size(), 1000); // the backbone as is: ImageNet's classes
        // A path that names nothing is reported first (while expanding), then the photos.
        QCOMPARE(results->index(0, ClassificationResultsModel::TopClass).data().toString(),
                 QStringLiteral("unreadable"));
        QVERIFY(results->index(0, ClassificationResultsModel::File)
                    .data()
                    .toString()
                    .contains(QStringLiteral("no-such-photo.jpg")));
        int beeTop5 = 0;
        for (int i = 1; i <= 3; ++i) {
            const auto& image = results->image(i);
            QCOMPARE(image.top.size(), std::size_t{5});
            QCOMPARE(image.probabilities.size(), std::size_t{1000});
            QVERIFY(!image.thumbnail.isNull());
            for (const auto& score : image.top) {
                beeTop5 += score.label == "bee" ? 1 : 0;
            }
        }
        QVERIFY2(beeTop5 >= 2, "a real ImageNet network names bees in bee photos");
    }
};

QTEST_MAIN(TestClassifyPage)
#include "tst_classify_page.moc"
