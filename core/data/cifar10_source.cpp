#include "core/data/cifar10_source.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include "core/data/progress_throttle.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& standardClasses() {
    static const std::vector<std::string> names{"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};
    return names;
}

bool isBatchName(const fs::path& path) {
    const std::string name = path.filename().string();
    return path.extension() == ".bin" &&
           (name.rfind("data_batch", 0) == 0 || name.rfind("test_batch", 0) == 0);
}

/** The batch files of a folder, data batches first, sorted. */
std::vector<fs::path> batchFiles(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isBatchName(it->path())) {
            out.push_back(it->path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> classNames(const fs::path& dir) {
    std::ifstream in(dir / "batches.meta.txt");
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
            line.pop_back();
        }
        if (!line.empty()) {
            names.push_back(line);
        }
    }
    return names.empty() ? standardClasses() : names;
}

fs::path batchFolder(const fs::path& path) {
    if (!batchFiles(path).empty()) {
        return path;
    }
    return path / "cifar-10-batches-bin";
}

} // namespace

bool looksLikeCifar10Binary(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        const auto size = fs::file_size(path, ec);
        return !ec && isBatchName(path) && size > 0 &&
               size % static_cast<std::uintmax_t>(kCifar10RecordBytes) == 0;
    }
    return fs::is_directory(path, ec) && !batchFiles(batchFolder(path)).empty();
}

Result<Dataset> readCifar10Binary(const fs::path& path, const ScanControl& control) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::path dir;
    if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
        dir = path.parent_path();
    } else {
        dir = batchFolder(path);
        files = batchFiles(dir);
        if (files.empty()) {
            return fail(path.string() +
                        ": no CIFAR-10 batch files (data_batch_1.bin ... test_batch.bin) here; "
                        "give the folder of the binary version or one .bin file");
        }
    }
    Dataset dataset(DatasetKind::Cifar10Binary, path);
    for (const std::string& name : classNames(dir)) {
        dataset.addClass(name);
    }
    const auto classCount = dataset.classes().size();
    ProgressThrottle throttle(control);
    std::int64_t found = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary | std::ios::ate);
        if (!in) {
            return fail(file.string() + ": cannot be opened for reading (check permissions)");
        }
        const std::streamoff size = in.tellg();
        if (size <= 0 || size % kCifar10RecordBytes != 0) {
            return fail(file.string() + ": " + std::to_string(size) +
                        " bytes is not a whole number of 3073-byte CIFAR-10 records: the file "
                        "is cut off or not a CIFAR-10 binary batch; download it again");
        }
        in.seekg(0);
        const Split split =
            file.filename().string().rfind("test", 0) == 0 ? Split::Test : Split::Train;
        std::vector<std::uint8_t> record(static_cast<std::size_t>(kCifar10RecordBytes));
        constexpr int kPlane = 32 * 32;
        for (std::int64_t r = 0; r < size / kCifar10RecordBytes; ++r) {
            if (control.cancelled()) {
                return fail(kCancelledMessage);
            }
            in.read(reinterpret_cast<char*>(record.data()), kCifar10RecordBytes);
            if (!in) {
                return fail(file.string() + ": read error at record " + std::to_string(r));
            }
            if (record[0] >= classCount) {
                return fail(file.string() + ": record " + std::to_string(r) + " has label " +
                            std::to_string(record[0]) + " but there are only " +
                            std::to_string(classCount) + " classes; the file is damaged");
            }
            auto image = std::make_shared<imaging::RgbImage>();
            image->width = 32;
            image->height = 32;
            image->pixels.resize(3 * kPlane);
            // CIFAR stores planes (all R, all G, all B); RgbImage interleaves them.
            for (int i = 0; i < kPlane; ++i) {
                for (int c = 0; c < 3; ++c) {
                    image->pixels[static_cast<std::size_t>(i * 3 + c)] =
                        record[static_cast<std::size_t>(1 + c * kPlane + i)];
                }
            }
            Sample sample;
            sample.path = file;
            sample.record = r;
            sample.image = std::move(image);
            sample.label = record[0];
            sample.split = split;
            dataset.addSample(std::move(sample));
            throttle.tick(++found);
        }
    }
    throttle.finish(found);
    return dataset;
}

} // namespace tstudio::data
