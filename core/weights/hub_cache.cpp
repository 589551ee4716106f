#include "core/weights/hub_cache.h"

#include <QDir>
#include <QString>

namespace tstudio::weights {

namespace {

std::filesystem::path fromEnv(const char* name) {
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? std::filesystem::path() : std::filesystem::path(value.toStdString());
}

} // namespace

std::filesystem::path hubCheckpointDir() {
    // torch.hub.get_dir(): $TORCH_HOME, else $XDG_CACHE_HOME/torch, else ~/.cache/torch.
    std::filesystem::path torchHome = fromEnv("TORCH_HOME");
    if (torchHome.empty()) {
        std::filesystem::path cache = fromEnv("XDG_CACHE_HOME");
        if (cache.empty()) {
            cache = std::filesystem::path(QDir::homePath().toStdString()) / ".cache";
        }
        torchHome = cache / "torch";
    }
    return torchHome / "hub" / "checkpoints";
}

std::optional<std::filesystem::path> cachedOfficialWeights(const models::BackboneInfo& info) {
    if (info.weights.fileName.empty()) {
        return std::nullopt;
    }
    const std::filesystem::path path = hubCheckpointDir() / info.weights.fileName;
    std::error_code code;
    if (std::filesystem::is_regular_file(path, code) &&
        std::filesystem::file_size(path, code) > 0) {
        return path;
    }
    return std::nullopt;
}

std::string howToGetWeights(const models::BackboneInfo& info) {
    const std::string dir = hubCheckpointDir().string();
    if (info.weights.fileName.empty()) {
        return "No official ImageNet weights are known for " + info.displayName +
               ". Choose a local .pth or .safetensors file with its weights.";
    }
    return "No ImageNet weights for " + info.displayName + " were found. Download " +
           info.weights.url + " and put " + info.weights.fileName + " into " + dir +
           " (the folder torchvision uses as well), or choose any local .pth or .safetensors "
           "file with " +
           info.displayName + " weights.";
}

} // namespace tstudio::weights
