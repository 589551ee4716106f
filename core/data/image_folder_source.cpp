#include "core/data/image_folder_source.h"

#include <algorithm>
#include <optional>
#include <system_error>
#include <vector>

#include "core/data/progress_throttle.h"
#include "core/imaging/image_format.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

/** Non-hidden subfolders of dir, sorted by name. */
std::vector<fs::path> subfolders(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeEc;
        if (it->is_directory(typeEc) && !isHidden(it->path())) {
            out.push_back(it->path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Walker {
    const ScanControl& control;
    ProgressThrottle throttle;
    std::int64_t found = 0;

    /** Appends every image file below dir to out; false when cancelled. */
    bool collect(const fs::path& dir, std::vector<fs::path>& out) {
        std::error_code ec;
        const auto options = fs::directory_options::skip_permission_denied;
        fs::recursive_directory_iterator it(dir, options, ec);
        for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
            if (control.cancelled()) {
                return false;
            }
            const fs::path& path = it->path();
            if (isHidden(path)) {
                if (it->is_directory(ec)) {
                    it.disable_recursion_pending();
                }
                ec.clear();
                continue;
            }
            // The directory entry's cached type: no stat() per file.
            if (it->is_regular_file(ec) && imaging::hasImageExtension(path)) {
                out.push_back(path);
                throttle.tick(++found);
            }
            ec.clear();
        }
        return true;
    }
};

Error notAFolder(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        return fail(dir.string() + ": no such folder");
    }
    return fail(dir.string() + ": not a folder; give the folder that holds the images");
}

Error cancelled() {
    return fail(kCancelledMessage);
}

/** Adds the classes found in splitDir (or dir) with their files. */
bool addClassFolders(Dataset& dataset, const fs::path& dir, Split split, Walker& walker) {
    for (const fs::path& classDir : subfolders(dir)) {
        std::vector<fs::path> files;
        if (!walker.collect(classDir, files)) {
            return false;
        }
        std::sort(files.begin(), files.end());
        const int label = dataset.addClass(classDir.filename().string());
        for (fs::path& file : files) {
            Sample sample;
            sample.path = std::move(file);
            sample.label = label;
            sample.split = split;
            dataset.addSample(std::move(sample));
        }
    }
    return true;
}

/** Rebuilds dataset with classes sorted by name (splits may list them in different orders). */
Dataset withSortedClasses(const Dataset& in) {
    std::vector<std::string> names = in.classes();
    std::sort(names.begin(), names.end());
    Dataset out(in.kind(), in.root());
    for (const std::string& name : names) {
        out.addClass(name);
    }
    for (Sample sample : in.samples()) {
        sample.label = out.classIndex(in.classes()[static_cast<std::size_t>(sample.label)]);
        out.addSample(std::move(sample));
    }
    return out;
}

} // namespace

Result<Dataset> scanImageFolder(const fs::path& dir, const ScanControl& control) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return notAFolder(dir);
    }
    Walker walker{control, ProgressThrottle(control)};
    Dataset dataset(DatasetKind::ImageFolder, dir);
    const std::vector<fs::path> top = subfolders(dir);
    const bool preSplit =
        !top.empty() && std::all_of(top.begin(), top.end(), [](const fs::path& p) {
            const auto split = parseSplit(p.filename().string());
            return split && *split != Split::None;
        });
    if (preSplit) {
        for (const fs::path& splitDir : top) {
            if (!addClassFolders(dataset, splitDir, *parseSplit(splitDir.filename().string()),
                                 walker)) {
                return cancelled();
            }
        }
        dataset = withSortedClasses(dataset);
    } else if (!addClassFolders(dataset, dir, Split::None, walker)) {
        return cancelled();
    }
    walker.throttle.finish(walker.found);
    return dataset;
}

Result<Dataset> scanUnlabeledFolder(const fs::path& dir, const ScanControl& control) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return notAFolder(dir);
    }
    Walker walker{control, ProgressThrottle(control)};
    std::vector<fs::path> files;
    if (!walker.collect(dir, files)) {
        return cancelled();
    }
    std::sort(files.begin(), files.end());
    Dataset dataset(DatasetKind::UnlabeledFolder, dir);
    for (fs::path& file : files) {
        Sample sample;
        sample.path = std::move(file);
        dataset.addSample(std::move(sample));
    }
    walker.throttle.finish(walker.found);
    return dataset;
}

} // namespace tstudio::data
