// libFuzzer target: .safetensors (header length, JSON header, data offsets), plus a round trip
// of whatever parses through the writer.
#include <cstddef>
#include <cstdint>

#include "core/weights/safetensors_format.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    namespace formats = tstudio::weights::formats;
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    auto records = formats::parseSafetensors(data);
    if (!records) {
        return 0;
    }
    tstudio::fuzz::checkParsed(*records, data);
    std::vector<formats::TensorBytes> tensors;
    for (const auto& tensor : records->tensors) {
        const auto& span = records->storages[tensor.storage];
        tensors.push_back({tensor.name, tensor.dtype, tensor.shape,
                           data.substr(static_cast<std::size_t>(span.offset),
                                       static_cast<std::size_t>(span.size))});
    }
    auto written = formats::serializeSafetensors(tensors);
    if (!written) {
        __builtin_trap(); // what parsed must be writable
    }
    auto again = formats::parseSafetensors(*written);
    if (!again || again->tensors.size() != records->tensors.size()) {
        __builtin_trap();
    }
    return 0;
}
