#include "core/data/idx_source.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <vector>

#include "core/data/progress_throttle.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803; // unsigned bytes, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801; // unsigned bytes, 1 dimension

bool isImagesName(const fs::path& path) {
    return path.filename().string().find("-images-idx3-ubyte") != std::string::npos &&
           path.extension() != ".gz";
}

fs::path labelsFor(const fs::path& images) {
    std::string name = images.filename().string();
    const auto at = name.find("-images-idx3-ubyte");
    name.replace(at, std::string("-images-idx3-ubyte").size(), "-labels-idx1-ubyte");
    return images.parent_path() / name;
}

std::vector<fs::path> imageFiles(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isImagesName(it->path())) {
            out.push_back(it->path());
        }
    }
    // "t10k" sorts before "train": train first reads better.
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string().rfind("train", 0) == 0 &&
               b.filename().string().rfind("train", 0) != 0;
    });
    return out;
}

std::uint32_t bigEndian(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

Result<std::vector<std::uint8_t>> readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) {
        std::error_code ec;
        return fail(file.string() + (fs::exists(file, ec)
                                         ? ": cannot be opened for reading (check permissions)"
                                         : ": no such file (IDX images need their labels file "
                                           "beside them)"));
    }
    std::vector<std::uint8_t> bytes(
        static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()))) {
        return fail(file.string() + ": read error");
    }
    return bytes;
}

std::vector<std::string> classNamesFor(const fs::path& path) {
    std::string lowered = fs::absolute(path).string();
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lowered.find("fashion") != std::string::npos) {
        return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    }
    return {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
}

Status readPair(Dataset& dataset, const fs::path& imagesFile, const ScanControl& control,
                ProgressThrottle& throttle, std::int64_t& found) {
    auto images = readAll(imagesFile);
    if (!images) {
        return images.error();
    }
    const fs::path labelsFile = labelsFor(imagesFile);
    auto labels = readAll(labelsFile);
    if (!labels) {
        return labels.error();
    }
    const auto& img = *images;
    const auto& lab = *labels;
    if (img.size() < 16 || bigEndian(img.data()) != kImagesMagic) {
        return fail(imagesFile.string() +
                    ": not an IDX images file (magic number 2051 expected); if it ends in .gz, "
                    "gunzip it first");
    }
    if (lab.size() < 8 || bigEndian(lab.data()) != kLabelsMagic) {
        return fail(labelsFile.string() + ": not an IDX labels file (magic number 2049 expected)");
    }
    const std::uint64_t count = bigEndian(img.data() + 4);
    const std::uint64_t rows = bigEndian(img.data() + 8);
    const std::uint64_t cols = bigEndian(img.data() + 12);
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096 ||
        img.size() != 16 + count * rows * cols) {
        return fail(imagesFile.string() + ": the header announces " + std::to_string(count) +
                    " images of " + std::to_string(rows) + "x" + std::to_string(cols) +
                    " but the file holds " + std::to_string(img.size()) +
                    " bytes: it is cut off or damaged");
    }
    if (bigEndian(lab.data() + 4) != count || lab.size() != 8 + count) {
        return fail(labelsFile.string() + ": holds " + std::to_string(lab.size() - 8) +
                    " labels for " + std::to_string(count) + " images in " +
                    imagesFile.filename().string() + "; the two files do not belong together");
    }
    const Split split =
        imagesFile.filename().string().rfind("train", 0) == 0 ? Split::Train : Split::Test;
    const std::size_t plane = rows * cols;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (control.cancelled()) {
            return fail(kCancelledMessage);
        }
        const std::uint8_t label = lab[8 + i];
        if (label >= dataset.classes().size()) {
            return fail(labelsFile.string() + ": label " + std::to_string(label) + " of image " +
                        std::to_string(i) + " is not a class (0-9); the file is damaged");
        }
        auto image = std::make_shared<imaging::RgbImage>();
        image->width = static_cast<int>(cols);
        image->height = static_cast<int>(rows);
        image->pixels.resize(plane * 3);
        const std::uint8_t* gray = img.data() + 16 + i * plane;
        for (std::size_t p = 0; p < plane; ++p) {
            image->pixels[p * 3] = image->pixels[p * 3 + 1] = image->pixels[p * 3 + 2] = gray[p];
        }
        Sample sample;
        sample.path = imagesFile;
        sample.record = static_cast<std::int64_t>(i);
        sample.image = std::move(image);
        sample.label = label;
        sample.split = split;
        dataset.addSample(std::move(sample));
        throttle.tick(++found);
    }
    return success();
}

} // namespace

bool looksLikeIdx(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        return isImagesName(path);
    }
    return fs::is_directory(path, ec) && !imageFiles(path).empty();
}

Result<Dataset> readIdxDataset(const fs::path& path, const ScanControl& control) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
    } else {
        files = imageFiles(path);
    }
    if (files.empty()) {
        return fail(path.string() +
                    ": no IDX images file (train-images-idx3-ubyte, t10k-images-idx3-ubyte) "
                    "here; gunzip downloaded .gz files first");
    }
    Dataset dataset(DatasetKind::Idx, path);
    for (const std::string& name : classNamesFor(path)) {
        dataset.addClass(name);
    }
    ProgressThrottle throttle(control);
    std::int64_t found = 0;
    for (const fs::path& file : files) {
        if (Status status = readPair(dataset, file, control, throttle, found); !status) {
            return status.error();
        }
    }
    throttle.finish(found);
    return dataset;
}

} // namespace tstudio::data
