#include "core/weights/weight_file.h"

#include "core/weights/pth_legacy_format.h"
#include "core/weights/pth_zip_format.h"
#include "core/weights/safetensors_format.h"
#include "core/weights/weight_messages.h"

namespace tstudio::weights::formats {

Result<WeightRecords> parseWeightFile(std::string_view data, bool verifyChecksums) {
    if (data.starts_with("PK\x03\x04")) {
        return parsePthZip(data, verifyChecksums);
    }
    if (looksLikeLegacyPth(data)) {
        return parsePthLegacy(data);
    }
    if (looksLikeSafetensors(data)) {
        return parseSafetensors(data);
    }
    if (data.empty()) {
        return fail(text::kEmptyFile);
    }
    if (data.starts_with("version https://git-lfs")) {
        return fail(text::kGitLfsPointer);
    }
    return fail(text::kUnknownFormat);
}

} // namespace tstudio::weights::formats
