// libFuzzer target: torch.save's zip format (zip directory, restricted pickle VM, storages).
#include <cstddef>
#include <cstdint>

#include "core/weights/pth_zip_format.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    // CRCs off: otherwise nearly every mutation stops at the checksum, before the pickle VM.
    if (auto records = tstudio::weights::formats::parsePthZip(data, /*verifyChecksums=*/false)) {
        tstudio::fuzz::checkParsed(*records, data);
    }
    return 0;
}
