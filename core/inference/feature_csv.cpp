#include "core/inference/feature_csv.h"

#include "core/common/atomic_file.h"
#include "core/common/csv_field.h"

namespace tstudio::inference {

std::string classFolderOf(const std::filesystem::path& image) {
    return image.parent_path().filename().string();
}

std::string featureCsv(const std::vector<std::filesystem::path>& images) {
    std::string text = "index,path,class\n";
    for (std::size_t i = 0; i < images.size(); ++i) {
        text += std::to_string(i) + ',' + csvField(images[i].string()) + ',' +
                csvField(classFolderOf(images[i])) + '\n';
    }
    return text;
}

Status writeFeatureCsv(const std::filesystem::path& path,
                       const std::vector<std::filesystem::path>& images) {
    return writeFileAtomically(path, featureCsv(images));
}

} // namespace tstudio::inference
