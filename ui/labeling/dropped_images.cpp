#include "ui/labeling/dropped_images.h"

#include "core/imaging/image_format.h"
#include "core/inference/image_paths.h"

namespace tstudio::ui {

DroppedImages collectDroppedImages(const QList<QUrl>& urls) {
    std::vector<std::filesystem::path> arguments;
    for (const QUrl& url : urls) {
        if (url.isLocalFile()) {
            arguments.emplace_back(url.toLocalFile().toStdString());
        }
    }
    DroppedImages dropped;
    for (std::filesystem::path& file : inference::expandImagePaths(arguments).files) {
        // expandImagePaths takes a named file as given; a dropped text file is no sample.
        if (imaging::looksLikeImageFile(file) || imaging::hasImageExtension(file)) {
            dropped.files.push_back(std::move(file));
        } else {
            dropped.ignored.push_back(QString::fromStdString(file.filename().string()));
        }
    }
    return dropped;
}

} // namespace tstudio::ui
