// The off-thread scan: exactly one of finished, failed, cancelled; progress on the way.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_scan_job.h"
#include "dataset_fixtures.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

class TestDatasetScanJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void finishesWithTheDataset() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        // Empty files: scanning never opens them, so 600 of them cost nothing to write.
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < 200; ++i) {
                test::writeText(root / ("class" + std::to_string(c)) / (std::to_string(i) + ".jpg"),
                                "");
            }
        }
        DatasetScanJob job(root, false);
        QSignalSpy finished(&job, &DatasetScanJob::finished);
        QSignalSpy failed(&job, &DatasetScanJob::failed);
        QSignalSpy cancelled(&job, &DatasetScanJob::cancelled);
        QSignalSpy progress(&job, &DatasetScanJob::progress);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(cancelled.count(), 0);
        const auto dataset = finished.at(0).at(0).value<Dataset>();
        QCOMPARE(dataset.size(), std::size_t{600});
        QCOMPARE(dataset.classes().size(), std::size_t{3});
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), 600);
    }

    void failsOnAMissingFolder() {
        DatasetScanJob job("/nonexistent/tstudio/data", false);
        QSignalSpy finished(&job, &DatasetScanJob::finished);
        QSignalSpy failed(&job, &DatasetScanJob::failed);
        job.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("no such")));
        QCOMPARE(finished.count(), 0);
    }

    void stopsWhenAsked() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeText(root / "a/1.jpg", "");
        DatasetScanJob job(root, false);
        QSignalSpy finished(&job, &DatasetScanJob::finished);
        QSignalSpy cancelled(&job, &DatasetScanJob::cancelled);
        job.requestStop();
        job.start();
        QVERIFY(cancelled.wait(10000));
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetScanJob)
#include "tst_dataset_scan_job.moc"
