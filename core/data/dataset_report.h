#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QMetaType>

#include "core/data/dataset_kind.h"
#include "core/data/split.h"

namespace tstudio::data {

/** What is wrong with a file or with the dataset as a whole. */
enum class ProblemKind {
    Missing,               ///< the file does not exist or cannot be opened
    ZeroByte,              ///< the file is empty
    NotAnImage,            ///< the content is no image format, whatever the extension says
    Truncated,             ///< the data stops early (cut-off download or copy)
    Unreadable,            ///< an image header, but the decoder cannot read the pixels
    WrongExtension,        ///< a readable image whose extension names another format
    Duplicate,             ///< byte-identical files within one split
    DuplicateAcrossSplits, ///< byte-identical files in different splits (leaks into validation)
    TooSmall,              ///< shorter side below the chosen input size: will be upscaled
    TooFewImages,          ///< a class with fewer than 2 images cannot be both trained and checked
    Imbalance,             ///< the largest class outnumbers the smallest by far
};

/** "missing", "zero-byte", "not-an-image", ... (stable: used in JSON). */
std::string problemKindName(ProblemKind kind);
/** True for the kinds that make a file unusable (Missing … Unreadable). */
bool isUnusable(ProblemKind kind);

struct DatasetProblem {
    ProblemKind kind = ProblemKind::Unreadable;
    std::string message;            ///< one actionable sentence, in English
    std::vector<std::string> items; ///< the files concerned (or class names), may be empty
    /// message as an English template with %1 … %9 (marked for lupdate in the "DatasetProblem"
    /// context) and the texts that fill it, so a window can show the sentence translated
    /// (data::translatedMessage). message is this template filled in. ({}: a problem written as
    /// {kind, message, items} stays free of -Wmissing-field-initializers.)
    std::string text{};
    std::vector<std::string> args{};
};

struct ClassSummary {
    std::string name;
    std::array<std::int64_t, kSplitCount> perSplit{}; ///< indexed by Split
    std::int64_t total = 0;
};

struct SizeStats {
    std::int64_t measured = 0; ///< images whose size is known
    int minWidth = 0;
    int minHeight = 0;
    int maxWidth = 0;
    int maxHeight = 0;
    double meanWidth = 0;
    double meanHeight = 0;
    std::string smallest; ///< the image with the fewest pixels
    std::string largest;  ///< the image with the most pixels
};

/**
 * Everything `tstudio data inspect` prints and the GUI's dataset page shows: counts per class and
 * split, image sizes, formats, and every problem found. Plain value type, any thread.
 */
struct DatasetReport {
    std::string source;
    DatasetKind kind = DatasetKind::Custom;
    int inputSize = 224;
    std::int64_t sampleCount = 0;
    std::int64_t unlabeledCount = 0;
    std::array<std::int64_t, kSplitCount> perSplit{};
    std::vector<ClassSummary> classes;
    SizeStats sizes;
    std::map<std::string, std::int64_t> formats; ///< "JPEG" → count, by content
    std::vector<DatasetProblem> problems;

    /** Files that cannot be used (Missing, ZeroByte, NotAnImage, Truncated, Unreadable). */
    std::vector<std::string> unusableFiles() const;
};

} // namespace tstudio::data

Q_DECLARE_METATYPE(tstudio::data::DatasetReport)
