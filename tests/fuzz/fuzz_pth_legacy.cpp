// libFuzzer target: torch.save's legacy (non-zip) stream of pickles and raw storages.
#include <cstddef>
#include <cstdint>

#include "core/weights/pth_legacy_format.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    if (auto records = tstudio::weights::formats::parsePthLegacy(data)) {
        tstudio::fuzz::checkParsed(*records, data);
    }
    return 0;
}
