#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <atomic>

#include "core/weights/weight_download.h"
#include "weight_fixtures.h"

using namespace tstudio::weights;
using tstudio::test::weightFixture;

namespace {

QByteArray fixtureBytes() {
    QFile file(QString::fromStdString(weightFixture("dtypes_zip.pth").string()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::string sha256Hex(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

tstudio::models::BackboneInfo tinyInfo(const std::string& sha256) {
    tstudio::models::BackboneInfo info;
    info.name = "tiny";
    info.displayName = "Tiny";
    info.weights.fileName = "tiny-" + sha256.substr(0, 8) + ".pth";
    info.weights.url = "https://download.pytorch.org/models/" + info.weights.fileName;
    info.weights.sha256 = sha256;
    return info;
}

// A one-file HTTP/1.1 server on 127.0.0.1 living in the test's thread: the download's own event
// loop serves it. With stall set it sends the headers and half the body, then waits.
class TinyHttpServer : public QObject {
public:
    explicit TinyHttpServer(QByteArray body) : m_body(std::move(body)) {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString url(const QString& path) const {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(path);
    }
    int requests = 0;
    bool stall = false;

private:
    void accept() {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_request += socket->readAll();
                if (!m_request.contains("\r\n\r\n")) {
                    return;
                }
                ++requests;
                const bool found = m_request.startsWith("GET /weights.pth ");
                m_request.clear();
                const QByteArray body = found ? m_body : QByteArray("not found");
                socket->write(
                    QByteArray(found ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") +
                    "Content-Length: " + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n\r\n");
                socket->write(stall ? body.left(body.size() / 2) : body);
                if (!stall) {
                    socket->disconnectFromHost();
                }
            });
        }
    }
    QTcpServer m_server;
    QByteArray m_body;
    QByteArray m_request;
};

std::string readAll(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

} // namespace

class TestWeightDownload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesFullDigestsAndPrefixes() {
        const std::string digest(64, 'a');
        QVERIFY(sha256Matches(digest, digest));
        QVERIFY(sha256Matches(digest, "AAAAAAAA"));
        QVERIFY(!sha256Matches(digest, "aaaaaaa")); // shorter than torchvision's 8 digits
        QVERIFY(!sha256Matches(digest, "aaaaaaab"));
        QVERIFY(!sha256Matches(digest, ""));
    }

    void downloadsFromFileUrl_data() {
        QTest::addColumn<bool>("prefixOnly");
        QTest::newRow("full digest") << false;
        QTest::newRow("8-digit prefix") << true;
    }

    void downloadsFromFileUrl() {
        QFETCH(bool, prefixOnly);
        const QByteArray body = fixtureBytes();
        QVERIFY(!body.isEmpty());
        const std::string digest = sha256Hex(body);
        const auto info = tinyInfo(prefixOnly ? digest.substr(0, 8) : digest);
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.filePath(QStringLiteral("hub/checkpoints")).toStdString();
        options.url =
            QUrl::fromLocalFile(QString::fromStdString(weightFixture("dtypes_zip.pth").string()))
                .toString()
                .toStdString();
        auto path = fetchOfficialWeights(info, options);
        QVERIFY2(path.ok(), path.ok() ? "" : path.message().c_str());
        QCOMPARE(*path, options.directory / info.weights.fileName);
        QCOMPARE(readAll(*path), body.toStdString());
    }

    void downloadsOverHttpAndReusesTheCache() {
        const QByteArray body = fixtureBytes();
        TinyHttpServer server(body);
        const auto info = tinyInfo(sha256Hex(body));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = server.url(QStringLiteral("weights.pth")).toStdString();
        std::int64_t lastReceived = 0;
        std::int64_t lastTotal = 0;
        options.progress = [&](std::int64_t received, std::int64_t total) {
            lastReceived = received;
            lastTotal = total;
            return true;
        };
        auto path = fetchOfficialWeights(info, options);
        QVERIFY2(path.ok(), path.ok() ? "" : path.message().c_str());
        QCOMPARE(readAll(*path), body.toStdString());
        QCOMPARE(server.requests, 1);
        QCOMPARE(lastReceived, static_cast<std::int64_t>(body.size()));
        QCOMPARE(lastTotal, static_cast<std::int64_t>(body.size()));

        // The verified file is reused: no second request.
        auto again = fetchOfficialWeights(info, options);
        QVERIFY2(again.ok(), again.ok() ? "" : again.message().c_str());
        QCOMPARE(server.requests, 1);

        // A damaged cached file is replaced by a fresh download.
        {
            QFile damaged(QString::fromStdString(path->string()));
            QVERIFY(damaged.open(QIODevice::WriteOnly));
            damaged.write("damaged");
        }
        auto repaired = fetchOfficialWeights(info, options);
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.message().c_str());
        QCOMPARE(server.requests, 2);
        QCOMPARE(readAll(*repaired), body.toStdString());
    }

    void checksumMismatchKeepsNothing() {
        const QByteArray body = fixtureBytes();
        TinyHttpServer server(body);
        const auto info = tinyInfo(std::string(64, '0'));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = server.url(QStringLiteral("weights.pth")).toStdString();
        auto path = fetchOfficialWeights(info, options);
        QVERIFY(!path.ok());
        QVERIFY2(path.message().find("checksum") != std::string::npos, path.message().c_str());
        QVERIFY(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void httpErrorIsReported() {
        TinyHttpServer server(fixtureBytes());
        const auto info = tinyInfo(sha256Hex(fixtureBytes()));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = server.url(QStringLiteral("missing.pth")).toStdString();
        auto path = fetchOfficialWeights(info, options);
        QVERIFY(!path.ok());
        QVERIFY2(path.message().find("Not Found") != std::string::npos, path.message().c_str());
        QVERIFY(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void cancelsThroughProgressCallback() {
        const QByteArray body(4 << 20, 'x');
        TinyHttpServer server(body);
        server.stall = true;
        const auto info = tinyInfo(sha256Hex(body));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = server.url(QStringLiteral("weights.pth")).toStdString();
        options.progress = [](std::int64_t received, std::int64_t) {
            return received == 0;
        };
        QElapsedTimer clock;
        clock.start();
        auto path = fetchOfficialWeights(info, options);
        QVERIFY(!path.ok());
        QVERIFY2(path.message().find("cancelled") != std::string::npos, path.message().c_str());
        QVERIFY(clock.elapsed() < 10000); // the server stalls: only the cancel ends this early
        QVERIFY(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void cancelsThroughFlag() {
        const QByteArray body(4 << 20, 'x');
        TinyHttpServer server(body);
        server.stall = true;
        const auto info = tinyInfo(sha256Hex(body));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = server.url(QStringLiteral("weights.pth")).toStdString();
        std::atomic_bool stop = false;
        options.cancel = &stop;
        // Fires inside the download's event loop, as a flag set by another thread would be seen.
        QTimer::singleShot(200, this, [&stop] { stop = true; });
        QElapsedTimer clock;
        clock.start();
        auto path = fetchOfficialWeights(info, options);
        QVERIFY(!path.ok());
        QVERIFY2(path.message().find("cancelled") != std::string::npos, path.message().c_str());
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY(QDir(cache.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void unreachableHostSaysWhereToPutTheFile() {
        // A port nobody listens on: bind one, note it, close it.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const auto info = tinyInfo(std::string(64, 'a'));
        QTemporaryDir cache;
        DownloadOptions options;
        options.directory = cache.path().toStdString();
        options.url = "http://127.0.0.1:" + std::to_string(port) + "/weights.pth";
        auto path = fetchOfficialWeights(info, options);
        QVERIFY(!path.ok());
        const std::string& message = path.message();
        QVERIFY2(message.find("Could not reach 127.0.0.1") != std::string::npos, message.c_str());
        QVERIFY2(message.find("Put " + info.weights.fileName + " into " +
                              cache.path().toStdString()) != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("choose a local") != std::string::npos, message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestWeightDownload)
#include "tst_weight_download.moc"
