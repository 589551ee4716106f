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
    const std::string& fileName = info.weights.fileName;
    const std::string& expected = info.weights.sha256;
    const std::string url = options.url.empty() ? info.weights.url : options.url;
    const std::filesystem::path dir =
        options.directory.empty() ? hubCheckpointDir() : options.directory;
    if (fileName.empty() || url.empty()) {
        return fail("No official weights are known for " + info.displayName +
                    "; choose a local .pth or .safetensors file.");
    }
    if (!sha256Matches(expected, expected)) {
        return fail("No valid SHA-256 is known for " + fileName +
                    ", so a download could not be verified; choose a local file instead.");
    }
    const std::filesystem::path target = dir / fileName;

    std::error_code code;
    if (std::filesystem::is_regular_file(target, code)) {
        auto digest = sha256OfFile(target);
        if (digest && sha256Matches(*digest, expected)) {
            return target;
        }
        qCWarning(lcWeights) << "cached" << QString::fromStdString(target.string())
                             << "fails its checksum; downloading it again";
    }
    if (!QCoreApplication::instance()) {
        return fail("Downloading needs a QCoreApplication in the process.");
    }
    std::filesystem::create_directories(dir, code);
    if (code) {
        return fail("Cannot create " + dir.string() + ": " + code.message() + "." +
                    putItThere(fileName, dir));
    }

    QSaveFile out(QString::fromStdString(target.string()));
    if (!out.open(QIODevice::WriteOnly)) {
        return fail("Cannot write into " + dir.string() + ": " + out.errorString().toStdString() +
                    "." + putItThere(fileName, dir));
    }
    QNetworkAccessManager manager;
    QNetworkRequest request{QUrl(QString::fromStdString(url))};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(options.inactivityTimeoutMs);
    QNetworkReply* reply = manager.get(request);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool cancelled = false;
    bool writeFailed = false;

    std::int64_t received = 0;
    const auto cancel = [&] {
        if (!cancelled) {
            cancelled = true;
            reply->abort();
        }
    };
    // Progress is reported from readyRead rather than downloadProgress: Qt chokes the latter to
    // one signal per 100 ms and may then stay silent while a stalled server sends nothing.
    const auto drain = [&] {
        while (!writeFailed && !cancelled && reply->bytesAvailable() > 0) {
            const QByteArray chunk = reply->read(kChunkBytes);
            hash.addData(chunk);
            if (out.write(chunk) != chunk.size()) {
                writeFailed = true;
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
    if (!cancelled && !writeFailed) {
        drain();
    }
    const QNetworkReply::NetworkError error = reply->error();
    const std::string errorText = reply->errorString().toStdString();
    reply->deleteLater();

    if (cancelled) {
        out.cancelWriting();
        return fail("The download of " + fileName + " was cancelled; nothing was kept.");
    }
    if (writeFailed) {
        out.cancelWriting();
        return fail("Cannot write " + target.string() + ": " + out.errorString().toStdString() +
                    " (disk full?).");
    }
    if (error != QNetworkReply::NoError) {
        out.cancelWriting();
        const QUrl parsed(QString::fromStdString(url));
        if (isHostProblem(error) && !parsed.isLocalFile()) {
            return fail("Could not reach " + parsed.host().toStdString() + " (" + errorText +
                        ") to download " + fileName + "." + putItThere(fileName, dir));
        }
        return fail("Could not download " + fileName + " from " + url + ": " + errorText + "." +
                    putItThere(fileName, dir));
    }
    const std::string digest = hash.result().toHex().toStdString();
    if (!sha256Matches(digest, expected)) {
        out.cancelWriting();
        return fail("The downloaded " + fileName +
                    " does not match its published checksum "
                    "(SHA-256 " +
                    digest.substr(0, 16) + "..., expected " + expected +
                    "...), so it was not kept: the download was damaged or the server sent "
                    "another file. Try again later." +
                    putItThere(fileName, dir));
    }
    if (!out.commit()) {
        return fail("Cannot write " + target.string() + ": " + out.errorString().toStdString() +
                    ".");
    }
    return target;
}

} // namespace tstudio::weights
