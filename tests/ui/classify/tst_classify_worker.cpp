// The classify worker's job protocol: a cancel that comes after prepareJob() but before the
// queued job starts cancels that job (it used to be dropped as the job began), and the next job
// runs again. The worker is driven on this thread here, as its thread would run the queued call.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/test_support.h"
#include "ui/classify/classify_worker.h"

using tstudio::ui::ClassifierChoice;
using tstudio::ui::ClassifyWorker;

class TestClassifyWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCancelBeforeTheJobStartsCancelsIt() {
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("bogus.pth"));
        QVERIFY(tstudio::test::writeFile(bogus, "this is not a weight file"));

        ClassifierChoice choice;
        choice.arch = QStringLiteral("mobilenet_v2");
        choice.weights = bogus;
        ClassifyWorker worker;
        QSignalSpy started(&worker, &ClassifyWorker::started);
        QSignalSpy cancelled(&worker, &ClassifyWorker::cancelled);
        QSignalSpy failed(&worker, &ClassifyWorker::failed);
        QSignalSpy finished(&worker, &ClassifyWorker::finished);

        worker.prepareJob();    // the page, as it queues the job
        worker.requestCancel(); // the person, before the worker's thread took the job up
        worker.classify(choice, {QStringLiteral("/x.jpg")}, 5);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(started.count(), 0);
        QCOMPARE(failed.count(), 0); // the bad weights were never opened
        QCOMPARE(finished.count(), 0);

        // The next job is not cancelled by the old request: it opens the weights and fails.
        worker.prepareJob();
        worker.classify(choice, {QStringLiteral("/x.jpg")}, 5);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("bogus.pth")));
    }

    void aBadBundleFailsWithItsName() {
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("notes.tsmodel"));
        QVERIFY(tstudio::test::writeFile(bogus, "not a model"));
        ClassifierChoice choice;
        choice.bundle = bogus;
        ClassifyWorker worker;
        QSignalSpy failed(&worker, &ClassifyWorker::failed);
        QSignalSpy started(&worker, &ClassifyWorker::started);
        worker.prepareJob();
        worker.classify(choice, {QStringLiteral("/x.jpg")}, 5);
        QCOMPARE(started.count(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("notes.tsmodel")),
                 qPrintable(failed.at(0).at(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestClassifyWorker)
#include "tst_classify_worker.moc"
