#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "core/models/registry.h"
#include "tests/test_support.h"
#include "ui/weights/weight_download_job.h"

using tstudio::ui::WeightDownloadJob;

namespace {
tstudio::models::BackboneInfo fakeBackbone(const QByteArray& content) {
    tstudio::models::BackboneInfo info = *tstudio::models::findBackbone("resnet18");
    info.weights.fileName = "fake-weights.pth";
    info.weights.sha256 =
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().toStdString();
    return info;
}
} // namespace

class TestWeightDownloadJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void downloadsIntoTheCacheFolder() {
        QTemporaryDir source, cache;
        const QByteArray content(200000, 'w');
        const QString sourceFile = source.filePath(QStringLiteral("fake-weights.pth"));
        QVERIFY(tstudio::test::writeFile(sourceFile, content));

        WeightDownloadJob job;
        QSignalSpy finished(&job, &WeightDownloadJob::finished);
        QSignalSpy failed(&job, &WeightDownloadJob::failed);
        QVERIFY(job.start(fakeBackbone(content), QUrl::fromLocalFile(sourceFile).toString(),
                          cache.path().toStdString()));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(fakeBackbone(content))); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][1].toString()));
        const QString path = finished[0][1].toString();
        QCOMPARE(QFileInfo(path).dir().absolutePath(), QDir(cache.path()).absolutePath());
        QCOMPARE(QFileInfo(path).size(), content.size());
        QVERIFY(!job.isRunning());
    }

    void checksumMismatchKeepsNothing() {
        QTemporaryDir source, cache;
        const QString sourceFile = source.filePath(QStringLiteral("fake-weights.pth"));
        QVERIFY(tstudio::test::writeFile(sourceFile, "tampered"));

        WeightDownloadJob job;
        QSignalSpy failed(&job, &WeightDownloadJob::failed);
        QVERIFY(job.start(fakeBackbone("original"), QUrl::fromLocalFile(sourceFile).toString(),
                          cache.path().toStdString()));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(failed[0][1].toString().contains(QStringLiteral("SHA-256"), Qt::CaseInsensitive) ||
                failed[0][1].toString().contains(QStringLiteral("checksum"), Qt::CaseInsensitive));
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void cancelStopsAStalledDownload() {
        // A local server that sends the headers and a first chunk, then nothing more.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> clients;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = server.nextPendingConnection();
            clients << socket;
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n");
                socket->write(QByteArray(4096, 'x'));
            });
        });
        QTemporaryDir cache;
        WeightDownloadJob job;
        QSignalSpy progress(&job, &WeightDownloadJob::progress);
        QSignalSpy cancelled(&job, &WeightDownloadJob::cancelled);
        QVERIFY(job.start(fakeBackbone("never complete"),
                          QStringLiteral("http://127.0.0.1:%1/w.pth").arg(server.serverPort()),
                          cache.path().toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 20000);
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_MAIN(TestWeightDownloadJob)
#include "tst_weight_download_job.moc"
