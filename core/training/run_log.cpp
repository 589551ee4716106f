#include "core/training/run_log.h"

#include <QDateTime>
#include <QString>

namespace tstudio::training {

RunLog::RunLog(TrainingObserver& observer, const std::filesystem::path& file)
    : m_observer(observer) {
    if (!file.empty()) {
        std::error_code ignored; // the run reports a folder that cannot be made
        std::filesystem::create_directories(file.parent_path(), ignored);
        m_file.open(file, std::ios::app);
    }
}

void RunLog::operator()(const std::string& line) {
    m_observer.log(line);
    if (m_file) {
        m_file << QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString() << "  "
               << line << '\n';
        m_file.flush();
    }
}

std::string formatMegabytes(std::int64_t bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1).toStdString() +
           " MB";
}

} // namespace tstudio::training
