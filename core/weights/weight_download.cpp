#include "core/weights/weight_download.h"

#include <algorithm>
#include <cctype>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>
#include <QUrl>

#include "core/weights/hub_cache.h"

Q_LOGGING_CATEGORY(lcWeights, "tstudio.core.weights")

namespace tstudio::weights {

namespace {

constexpr qint64 kChunkBytes = qint64{1} << 20;
constexpr int kCancelPollMs = 20;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isHostProblem(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::SslHandshakeFailedError:
        return true;
    default:
        return false;
    }
}

std::string putItThere(const std::string& fileName, const std::filesystem::path& dir) {
    return " Put " + fileName + " into " + dir.string() +
           " yourself, or choose a local .pth or .safetensors file.";
}

// The backbone's weight file, with the options' overrides applied.
struct OfficialFile {
    std::string fileName;
    std::string expected; ///< the SHA-256, or the prefix torchvision puts in file names
    std::string url;
    std::filesystem::path dir;
    std::filesystem::path target;
};

// How a download ended, kept so that the reply can go before the messages are written.
struct Transfer {
    bool cancelled = false;
    bool writeFailed = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    std::string errorText;
    std::string digest; ///< lower-case hex SHA-256 of what was received
};

bool cachedCopyMatches(const OfficialFile& file) {
    std::error_code code;
    if (!std::filesystem::is_regular_file(file.target, code)) {
        return false;
    }
    auto digest = sha256OfFile(file.target);
    if (digest && sha256Matches(*digest, file.expected)) {
        return true;
    }
    qCWarning(lcWeights) << "cached" << QString::fromStdString(file.target.string())
                         << "fails its checksum; downloading it again";
    return false;
}

// Streams url into out, hashing as it goes, in an event loop of the calling thread.
Transfer download(const std::string& url, const DownloadOptions& options, QSaveFile& out) {
    QNetworkAccessManager manager;
    QNetworkRequest request{QUrl(QString::fromStdString(url))};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(options.inactivityTimeoutMs);
    QNetworkReply* reply = manager.get(request);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Transfer transfer;

    std::int64_t received = 0;
    const auto cancel = [&] {
        if (!transfer.cancelled) {
            transfer.cancelled = true;
            reply->abort();
        }
    };
    // Progress is reported from readyRead rather than downloadProgress: Qt chokes the latter to
    // one signal per 100 ms and may then stay silent while a stalled server sends nothing.
    const auto drain = [&] {
        while (!transfer.writeFailed && !transfer.cancelled && reply->bytesAvailable() > 0) {
            const QByteArray chunk = reply->read(kChunkBytes);
            hash.addData(chunk);
            if (out.write(chunk) != chunk.size()) {
                transfer.writeFailed = true;
                reply->abort();
                return;
            }
            received += chunk.size();
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            const std::int64_t total = length.isValid() ? length.toLongLong() : -1;
            if (options.progress && !options.progress(received, total)) {
                cancel();
            }
        }
    };
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A queued slot cannot interrupt this loop from another thread, so poll the flag instead.
    QTimer poll;
    poll.setInterval(kCancelPollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (options.cancel && options.cancel->load()) {
            cancel();
        }
    });
    poll.start();
    if (options.cancel && options.cancel->load()) {
        cancel();
    }
    if (!reply->isFinished()) {
        loop.exec();
    }
    poll.stop();
    if (!transfer.cancelled && !transfer.writeFailed) {
        drain();
    }
    transfer.error = reply->error();
    transfer.errorText = reply->errorString().toStdString();
    transfer.digest = hash.result().toHex().toStdString();
    reply->deleteLater();
    return transfer;
}

// Renames the download into place only if it is complete and its checksum matches.
Result<std::filesystem::path> keepIfVerified(const OfficialFile& file, const Transfer& transfer,
                                             QSaveFile& out) {
    if (transfer.cancelled) {
        out.cancelWriting();
        return fail("The download of " + file.fileName + " was cancelled; nothing was kept.");
    }
    if (transfer.writeFailed) {
        out.cancelWriting();
        return fail("Cannot write " + file.target.string() + ": " +
                    out.errorString().toStdString() + " (disk full?).");
    }
    if (transfer.error != QNetworkReply::NoError) {
        out.cancelWriting();
        const QUrl parsed(QString::fromStdString(file.url));
        if (isHostProblem(transfer.error) && !parsed.isLocalFile()) {
            return fail("Could not reach " + parsed.host().toStdString() + " (" +
                        transfer.errorText + ") to download " + file.fileName + "." +
                        putItThere(file.fileName, file.dir));
        }
        return fail("Could not download " + file.fileName + " from " + file.url + ": " +
                    transfer.errorText + "." + putItThere(file.fileName, file.dir));
    }
    if (!sha256Matches(transfer.digest, file.expected)) {
        out.cancelWriting();
        return fail("The downloaded " + file.fileName +
                    " does not match its published checksum "
                    "(SHA-256 " +
                    transfer.digest.substr(0, 16) + "..., expected " + file.expected +
                    "...), so it was not kept: the download was damaged or the server sent "
                    "another file. Try again later." +
                    putItThere(file.fileName, file.dir));
    }
    if (!out.commit()) {
        return fail("Cannot write " + file.target.string() + ": " +
                    out.errorString().toStdString() + ".");
    }
    return file.target;
}

} // namespace

bool sha256Matches(std::string_view hexDigest, std::string_view expected) {
    const std::string want = lower(expected);
    if (want.size() < 8 || want.size() > 64 ||
        !std::all_of(want.begin(), want.end(), [](unsigned char c) { return std::isxdigit(c); })) {
        return false;
    }
    return lower(hexDigest).starts_with(want);
}

Result<std::string> sha256OfFile(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail("Cannot read " + path.string() + ": " + file.errorString().toStdString());
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return fail("Cannot read " + path.string() + ": " + file.errorString().toStdString());
    }
    return hash.result().toHex().toStdString();
}

Result<std::filesystem::path> fetchOfficialWeights(const models::BackboneInfo& info,
                                                   const DownloadOptions& options) {
    OfficialFile file{info.weights.fileName,
                      info.weights.sha256,
                      options.url.empty() ? info.weights.url : options.url,
                      options.directory.empty() ? hubCheckpointDir() : options.directory,
                      {}};
    if (file.fileName.empty() || file.url.empty()) {
        return fail("No official weights are known for " + info.displayName +
                    "; choose a local .pth or .safetensors file.");
    }
    if (!sha256Matches(file.expected, file.expected)) {
        return fail("No valid SHA-256 is known for " + file.fileName +
                    ", so a download could not be verified; choose a local file instead.");
    }
    file.target = file.dir / file.fileName;
    if (cachedCopyMatches(file)) {
        return file.target;
    }
    if (!QCoreApplication::instance()) {
        return fail("Downloading needs a QCoreApplication in the process.");
    }
    std::error_code code;
    std::filesystem::create_directories(file.dir, code);
    if (code) {
        return fail("Cannot create " + file.dir.string() + ": " + code.message() + "." +
                    putItThere(file.fileName, file.dir));
    }
    QSaveFile out(QString::fromStdString(file.target.string()));
    if (!out.open(QIODevice::WriteOnly)) {
        return fail("Cannot write into " + file.dir.string() + ": " +
                    out.errorString().toStdString() + "." + putItThere(file.fileName, file.dir));
    }
    const Transfer transfer = download(file.url, options, out);
    return keepIfVerified(file, transfer, out);
}

} // namespace tstudio::weights
