#include "core/data/dataset_export.h"

#include <map>
#include <set>
#include <string>

#include "core/common/atomic_file.h"
#include "core/common/csv_field.h"
#include "core/imaging/png_encoder.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

bool anySplit(const Dataset& dataset) {
    for (const Sample& sample : dataset.samples()) {
        if (sample.usable() && sample.split != Split::None) {
            return true;
        }
    }
    return false;
}

/** A folder name for a class: path separators and the names "." and ".." cannot be used. */
std::string folderName(std::string name) {
    for (char& c : name) {
        if (c == '/' || c == '\\' || c == '\0') {
            c = '_';
        }
    }
    return name.empty() || name == "." || name == ".." ? "_" + name : name;
}

/** file's name, or "stem-2.ext", "stem-3.ext"... when used already in this folder. */
std::string uniqueName(std::set<std::string>& used, const fs::path& file, bool& renamed) {
    const std::string stem = file.stem().string();
    const std::string ext = file.extension().string();
    std::string name = file.filename().string();
    renamed = false;
    for (int n = 2; !used.insert(name).second; ++n) {
        name = stem;
        name += '-';
        name += std::to_string(n);
        name += ext;
        renamed = true;
    }
    return name;
}

/** Checks the target is new or empty, and creates it. */
Status prepareTarget(const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target, ec)) {
            return fail(target.string() + " is a file: choose a new or empty folder.");
        }
        if (!fs::is_empty(target, ec)) {
            return fail(target.string() +
                        " is not empty: choose a new or empty folder (nothing is overwritten).");
        }
    }
    fs::create_directories(target, ec);
    if (ec) {
        return fail(target.string() + ": cannot be created (" + ec.message() + ")");
    }
    return success();
}

/** Removes what an unfinished export wrote (the target was new or empty). */
void removeContents(const fs::path& target) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(target, ec)) {
        fs::remove_all(entry.path(), ec);
    }
}

} // namespace

Result<FolderExportSummary>
exportImageFolder(const Dataset& dataset, const FolderExportOptions& options,
                  const std::function<void(std::int64_t, std::int64_t)>& progress,
                  const std::atomic_bool* cancel) {
    std::int64_t total = 0;
    for (const Sample& sample : dataset.samples()) {
        total += sample.usable() ? 1 : 0;
    }
    if (total == 0) {
        return fail("There are no labelled images to export (excluded ones are left out).");
    }
    if (auto prepared = prepareTarget(options.target); !prepared) {
        return prepared.error();
    }
    const bool bySplit = anySplit(dataset);
    std::map<fs::path, std::set<std::string>> usedNames;
    FolderExportSummary summary;
    const auto abandon = [&](Error error) -> Result<FolderExportSummary> {
        removeContents(options.target);
        return error;
    };
    for (const Sample& sample : dataset.samples()) {
        if (!sample.usable()) {
            continue;
        }
        if (cancel != nullptr && cancel->load()) {
            return abandon(fail("The export was cancelled; nothing was left behind."));
        }
        fs::path folder = options.target;
        if (bySplit) {
            folder /= splitName(sample.split == Split::None ? Split::Train : sample.split);
        }
        folder /= folderName(dataset.classes()[static_cast<std::size_t>(sample.label)]);
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) {
            return abandon(fail(folder.string() + ": cannot be created (" + ec.message() + ")"));
        }
        bool renamed = false;
        if (sample.inMemory()) {
            // In steps: GCC 12 warns wrongly about "-" + std::to_string(...) at -O3.
            std::string name = sample.path.stem().string();
            name += '-';
            name += std::to_string(sample.record);
            name += ".png";
            const fs::path file = folder / uniqueName(usedNames[folder], name, renamed);
            if (auto written = imaging::writePng(*sample.image, file); !written) {
                return abandon(written.error());
            }
        } else {
            const fs::path file =
                folder / uniqueName(usedNames[folder], sample.path.filename(), renamed);
            bool linked = false;
            if (options.hardLinks) {
                fs::create_hard_link(sample.path, file, ec);
                linked = !ec;
            }
            if (!linked) {
                fs::copy_file(sample.path, file, ec);
                if (ec) {
                    return abandon(fail(sample.path.string() + ": cannot be copied to " +
                                        file.string() + " (" + ec.message() + ")"));
                }
            }
            summary.linked += linked ? 1 : 0;
        }
        summary.renamed += renamed ? 1 : 0;
        ++summary.images;
        if (progress) {
            progress(summary.images, total);
        }
    }
    return summary;
}

Status exportCsv(const Dataset& dataset, const fs::path& csvFile, bool includeUnlabeled) {
    const fs::path base = fs::absolute(csvFile).parent_path();
    std::string text = "path,label,split\n";
    std::int64_t rows = 0;
    for (const Sample& sample : dataset.samples()) {
        const bool unlabeled = sample.label == kUnlabeled && !sample.excluded;
        if (!sample.usable() && !(includeUnlabeled && unlabeled)) {
            continue;
        }
        if (sample.inMemory()) {
            return fail("Images of " + sample.path.filename().string() +
                        " are held in memory and have no file a CSV could name: export the "
                        "dataset as a folder instead.");
        }
        const fs::path absolute = fs::absolute(sample.path).lexically_normal();
        const fs::path relative = absolute.lexically_relative(base);
        // Relative inside the CSV's folder (the two move together), absolute elsewhere.
        const bool inside = !relative.empty() && *relative.begin() != "..";
        text += csvField(inside ? relative.generic_string() : absolute.string());
        text += ',';
        if (sample.label != kUnlabeled) {
            text += csvField(dataset.classes()[static_cast<std::size_t>(sample.label)]);
        }
        text += ',';
        if (sample.split != Split::None) {
            text += splitName(sample.split);
        }
        text += '\n';
        ++rows;
    }
    if (rows == 0) {
        return fail("There are no labelled images to export (excluded ones are left out).");
    }
    return writeFileAtomically(csvFile, text);
}

} // namespace tstudio::data
