#include "core/weights/weight_file.h"

#include "core/weights/pth_legacy_format.h"
#include "core/weights/pth_zip_format.h"
#include "core/weights/safetensors_format.h"

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
        return fail("the file is empty");
    }
    if (data.starts_with("version https://git-lfs")) {
        return fail("this is a Git LFS pointer, not the weights: fetch the real file with "
                    "git lfs pull");
    }
    return fail("not a weight file this program knows: expected a PyTorch .pth/.pt (saved with "
                "torch.save) or a .safetensors file");
}

} // namespace tstudio::weights::formats
