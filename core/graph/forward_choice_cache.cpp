#include "core/graph/forward_choice_cache.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "core/common/atomic_file.h"

namespace tstudio::graph {

namespace {

std::filesystem::path cacheFile() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (folder.isEmpty()) {
        return {};
    }
    return std::filesystem::path(folder.toStdString()) / "transfer-studio" / "forward-choices.json";
}

QJsonObject readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string text = bytes.str();
    // Only a small file of our own is expected; anything larger is not ours.
    if (text.size() > 1'000'000) {
        return {};
    }
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

struct ChoiceCache {
    std::mutex mutex;
    std::map<std::string, bool> choices;
};

ChoiceCache& cache() {
    static ChoiceCache instance;
    return instance;
}

} // namespace

std::optional<bool> cachedGraphChoice(const std::string& key) {
    ChoiceCache& c = cache();
    const std::lock_guard lock(c.mutex);
    if (const auto it = c.choices.find(key); it != c.choices.end()) {
        return it->second;
    }
    const std::filesystem::path path = cacheFile();
    if (path.empty()) {
        return std::nullopt;
    }
    const QJsonValue value = readFile(path).value(QString::fromStdString(key));
    if (!value.isString()) {
        return std::nullopt;
    }
    const bool graph = value.toString() == QLatin1String("graph");
    if (!graph && value.toString() != QLatin1String("eager")) {
        return std::nullopt;
    }
    c.choices[key] = graph;
    return graph;
}

void rememberGraphChoice(const std::string& key, bool graph) {
    ChoiceCache& c = cache();
    const std::lock_guard lock(c.mutex);
    c.choices[key] = graph;
    const std::filesystem::path path = cacheFile();
    if (path.empty()) {
        return;
    }
    QJsonObject file = readFile(path);
    file.insert(QString::fromStdString(key),
                graph ? QStringLiteral("graph") : QStringLiteral("eager"));
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    (void)writeFileAtomically(path, QJsonDocument(file).toJson().toStdString());
}

} // namespace tstudio::graph
