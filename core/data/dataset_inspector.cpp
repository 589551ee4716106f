#include "core/data/dataset_inspector.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <unordered_map>

#include "core/common/file_extension.h"
#include "core/data/content_hash.h"
#include "core/data/file_check.h"
#include "core/data/problem_text.h"
#include "core/data/sample_problems.h"
#include "core/imaging/image_format.h"

namespace tstudio::data {

namespace {

std::string sampleName(const Sample& sample) {
    return reportItemName(sample); // the labelling grid finds its samples by this name
}

FileCheck checkInMemory(const Sample& sample) {
    FileCheck check;
    check.width = sample.image->width;
    check.height = sample.image->height;
    check.hash = contentHash(sample.image->pixels);
    return check;
}

/** The format an extension names, to spot a GIF called .jpg. */
imaging::ImageFormat formatOfExtension(const std::filesystem::path& path) {
    const std::string ext = lowercaseExtension(path);
    using F = imaging::ImageFormat;
    if (ext == ".jpg" || ext == ".jpeg" || ext == ".jpe") {
        return F::Jpeg;
    }
    if (ext == ".png") {
        return F::Png;
    }
    if (ext == ".gif") {
        return F::Gif;
    }
    if (ext == ".bmp") {
        return F::Bmp;
    }
    if (ext == ".tif" || ext == ".tiff") {
        return F::Tiff;
    }
    if (ext == ".webp") {
        return F::WebP;
    }
    if (ext == ".pbm" || ext == ".pgm" || ext == ".ppm" || ext == ".pnm") {
        return F::Pnm;
    }
    if (ext == ".ico") {
        return F::Ico;
    }
    return F::Unknown;
}

/** Checks every sample on `threads` threads; false when cancelled. */
bool checkAll(const Dataset& dataset, const InspectOptions& options, const ScanControl& control,
              std::vector<FileCheck>& checks) {
    checks.assign(dataset.size(), {});
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> done{0};
    const auto worker = [&]() {
        for (std::size_t i = next++; i < checks.size(); i = next++) {
            if (control.cancelled()) {
                return;
            }
            const Sample& sample = dataset.sample(i);
            checks[i] = sample.inMemory() ? checkInMemory(sample)
                                          : checkImageFile(sample.path, options.decode);
            ++done;
        }
    };
    int threads = options.threads > 0 ? options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, 64);
    std::vector<std::future<void>> futures;
    for (int t = 0; t < threads; ++t) {
        futures.push_back(std::async(std::launch::async, worker));
    }
    // This thread only reports: progress callbacks stay on the caller's thread.
    for (auto& future : futures) {
        while (future.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
            if (control.progress) {
                control.progress(done.load());
            }
        }
        future.get();
    }
    if (control.progress) {
        control.progress(done.load());
    }
    return !control.cancelled();
}

void addFileProblems(const Dataset& dataset, const std::vector<FileCheck>& checks,
                     DatasetReport& report) {
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const FileCheck& check = checks[i];
        const std::string name = sampleName(dataset.sample(i));
        if (check.problem) {
            // The check names the file by its file name, the report by the grid's name for it.
            std::vector<std::string> args = check.args;
            args.front() = name;
            report.problems.push_back(
                makeProblem(*check.problem, check.text.c_str(), std::move(args), {name}));
            continue;
        }
        if (check.format != imaging::ImageFormat::Unknown) {
            const auto named = formatOfExtension(dataset.sample(i).path);
            if (named != imaging::ImageFormat::Unknown && named != check.format) {
                report.problems.push_back(makeProblem(
                    ProblemKind::WrongExtension,
                    QT_TRANSLATE_NOOP("DatasetProblem",
                                      "%1: a %2 file named like a %3; it is read by content, "
                                      "rename it to avoid confusing other tools"),
                    {name, imaging::formatName(check.format), imaging::formatName(named)}, {name}));
            }
        }
    }
}

void addDuplicates(const Dataset& dataset, const std::vector<FileCheck>& checks,
                   DatasetReport& report) {
    std::unordered_map<std::string, std::vector<std::size_t>> byHash;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (!checks[i].hash.empty()) {
            byHash[checks[i].hash].push_back(i);
        }
    }
    std::vector<std::vector<std::size_t>> groups;
    for (auto& [hash, members] : byHash) {
        if (members.size() > 1) {
            groups.push_back(std::move(members));
        }
    }
    // Sample order, so the report reads the same on every run.
    std::sort(groups.begin(), groups.end());
    for (const auto& group : groups) {
        std::vector<std::string> items;
        bool acrossSplits = false;
        bool acrossLabels = false;
        for (std::size_t i : group) {
            items.push_back(sampleName(dataset.sample(i)));
            acrossSplits |= dataset.sample(i).split != dataset.sample(group[0]).split;
            acrossLabels |= dataset.sample(i).label != dataset.sample(group[0]).label;
        }
        // Whole sentences, one per case: a translation needs them whole, not in pieces.
        const char* text = nullptr;
        if (acrossSplits) {
            text = acrossLabels
                       ? QT_TRANSLATE_NOOP("DatasetProblem",
                                           "%1 identical images in different splits (the same "
                                           "image is trained on and evaluated: remove all but "
                                           "one); they carry different labels")
                       : QT_TRANSLATE_NOOP("DatasetProblem",
                                           "%1 identical images in different splits (the same "
                                           "image is trained on and evaluated: remove all but "
                                           "one)");
        } else {
            text = acrossLabels
                       ? QT_TRANSLATE_NOOP("DatasetProblem",
                                           "%1 identical images (keep one); they carry "
                                           "different labels")
                       : QT_TRANSLATE_NOOP("DatasetProblem", "%1 identical images (keep one)");
        }
        report.problems.push_back(
            makeProblem(acrossSplits ? ProblemKind::DuplicateAcrossSplits : ProblemKind::Duplicate,
                        text, {std::to_string(group.size())}, std::move(items)));
    }
}

void addSizes(const Dataset& dataset, const std::vector<FileCheck>& checks,
              const InspectOptions& options, DatasetReport& report) {
    SizeStats& s = report.sizes;
    double sumW = 0;
    double sumH = 0;
    std::int64_t minPixels = 0;
    std::int64_t maxPixels = 0;
    std::vector<std::string> small;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const FileCheck& check = checks[i];
        if (check.width <= 0 || check.height <= 0 || check.problem) {
            continue;
        }
        const std::int64_t pixels = std::int64_t{check.width} * check.height;
        if (s.measured == 0) {
            s.minWidth = s.maxWidth = check.width;
            s.minHeight = s.maxHeight = check.height;
        }
        s.minWidth = std::min(s.minWidth, check.width);
        s.maxWidth = std::max(s.maxWidth, check.width);
        s.minHeight = std::min(s.minHeight, check.height);
        s.maxHeight = std::max(s.maxHeight, check.height);
        if (s.measured == 0 || pixels < minPixels) {
            minPixels = pixels;
            s.smallest = sampleName(dataset.sample(i));
        }
        if (s.measured == 0 || pixels > maxPixels) {
            maxPixels = pixels;
            s.largest = sampleName(dataset.sample(i));
        }
        sumW += check.width;
        sumH += check.height;
        ++s.measured;
        const std::string format = dataset.sample(i).inMemory() ? std::string("in memory")
                                                                : imaging::formatName(check.format);
        ++report.formats[format];
        if (std::min(check.width, check.height) < options.inputSize) {
            small.push_back(sampleName(dataset.sample(i)));
        }
    }
    if (s.measured > 0) {
        s.meanWidth = sumW / static_cast<double>(s.measured);
        s.meanHeight = sumH / static_cast<double>(s.measured);
    }
    if (!small.empty()) {
        const std::string count = std::to_string(small.size());
        report.problems.push_back(
            makeProblem(ProblemKind::TooSmall,
                        QT_TRANSLATE_NOOP("DatasetProblem",
                                          "%1 images have a side shorter than the input size %2 "
                                          "px: they will be upscaled (blurry); use a smaller "
                                          "input size or larger images"),
                        {count, std::to_string(options.inputSize)}, std::move(small)));
    }
}

void addClassProblems(const InspectOptions& options, DatasetReport& report) {
    const ClassSummary* smallest = nullptr;
    const ClassSummary* largest = nullptr;
    for (const ClassSummary& c : report.classes) {
        if (c.total < 2) {
            report.problems.push_back(makeProblem(
                ProblemKind::TooFewImages,
                c.total == 1 ? QT_TRANSLATE_NOOP("DatasetProblem",
                                                 "class \"%1\" has 1 image: at least 2 are needed "
                                                 "to train and validate; add images or merge it")
                             : QT_TRANSLATE_NOOP("DatasetProblem",
                                                 "class \"%1\" has %2 images: at least 2 are "
                                                 "needed to train and validate; add images or "
                                                 "merge it"),
                {c.name, std::to_string(c.total)}, {c.name}));
        }
        if (!smallest || c.total < smallest->total) {
            smallest = &c;
        }
        if (!largest || c.total > largest->total) {
            largest = &c;
        }
    }
    if (smallest && smallest->total > 0 &&
        static_cast<double>(largest->total) >
            options.imbalanceRatio * static_cast<double>(smallest->total)) {
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.1f",
                      static_cast<double>(largest->total) / static_cast<double>(smallest->total));
        report.problems.push_back(makeProblem(
            ProblemKind::Imbalance,
            QT_TRANSLATE_NOOP("DatasetProblem",
                              "strong class imbalance: \"%1\" has %2 images, \"%3\" only %4 "
                              "(%5x); add images to the small classes or use class weights"),
            {largest->name, std::to_string(largest->total), smallest->name,
             std::to_string(smallest->total), ratio},
            {largest->name, smallest->name}));
    }
}

} // namespace

Result<DatasetReport> inspectDataset(const Dataset& dataset, const InspectOptions& options,
                                     const ScanControl& control) {
    DatasetReport report;
    report.source = dataset.root().string();
    report.kind = dataset.kind();
    report.inputSize = options.inputSize;
    report.sampleCount = static_cast<std::int64_t>(dataset.size());
    report.unlabeledCount = static_cast<std::int64_t>(dataset.unlabeledCount());
    for (const std::string& name : dataset.classes()) {
        report.classes.push_back({name, {}, 0});
    }
    for (const Sample& sample : dataset.samples()) {
        ++report.perSplit[static_cast<std::size_t>(sample.split)];
        if (sample.usable()) {
            ClassSummary& c = report.classes[static_cast<std::size_t>(sample.label)];
            ++c.perSplit[static_cast<std::size_t>(sample.split)];
            ++c.total;
        }
    }
    std::vector<FileCheck> checks;
    if (!checkAll(dataset, options, control, checks)) {
        return fail(kCancelledMessage);
    }
    addFileProblems(dataset, checks, report);
    addDuplicates(dataset, checks, report);
    addSizes(dataset, checks, options, report);
    addClassProblems(options, report);
    return report;
}

} // namespace tstudio::data
