#include "ui/classify/pasted_image.h"

#include <string>
#include <string_view>

#include <QBuffer>
#include <QDateTime>
#include <QDir>

#include "core/common/atomic_file.h"

namespace tstudio::ui {

Result<QString> savePastedImage(const QImage& image, const QString& folder) {
    if (image.isNull()) {
        return fail("The clipboard holds no image to classify.");
    }
    if (!QDir().mkpath(folder)) {
        // Built in steps: GCC 12 at -O3 warns falsely on toStdString() + "...".
        std::string message = "Cannot create the folder ";
        message += folder.toStdString();
        message += " for pasted images: check its permissions.";
        return fail(message);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        return fail("The pasted image could not be encoded as PNG.");
    }
    const QString name =
        QStringLiteral("pasted-%1.png")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    const QString path = QDir(folder).filePath(name);
    if (const Status written = writeFileAtomically(
            path.toStdString(),
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        !written) {
        return written.error();
    }
    return path;
}

} // namespace tstudio::ui
