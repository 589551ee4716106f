#include "core/common/atomic_file.h"

#include <QSaveFile>
#include <QString>

#include "core/common/file_messages.h"

namespace tstudio {

Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    QSaveFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(fillMessage(file_text::kCannotWrite,
                                {path.string(), file.errorString().toStdString()}));
    }
    const auto written = file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    if (written != static_cast<qint64>(bytes.size()) || !file.commit()) {
        return fail(fillMessage(file_text::kCannotWrite,
                                {path.string(), file.errorString().toStdString()}));
    }
    return success();
}

} // namespace tstudio
