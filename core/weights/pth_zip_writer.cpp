#include "core/weights/pth_zip_format.h"

#include <algorithm>
#include <cstdint>

#include "core/weights/byte_reader.h"
#include "core/weights/pickle_machine.h"
#include "core/weights/zip_archive.h"

namespace tstudio::weights::formats {

namespace {

// Emits the pickle torch.save writes for an OrderedDict of tensors (protocol 2), without the memo:
// each tensor is _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict()).
class PickleWriter {
public:
    void proto() { m_out += "\x80\x02"; }
    void global(std::string_view module, std::string_view name) {
        m_out += 'c';
        m_out += module;
        m_out += '\n';
        m_out += name;
        m_out += '\n';
    }
    void text(std::string_view value) {
        m_out += 'X';
        appendLittle<std::uint32_t>(m_out, static_cast<std::uint32_t>(value.size()));
        m_out += value;
    }
    void integer(std::int64_t value) {
        if (value >= INT32_MIN && value <= INT32_MAX) {
            m_out += 'J';
            appendLittle<std::uint32_t>(m_out, static_cast<std::uint32_t>(value));
        } else {
            m_out += "\x8a\x08"; // LONG1, 8 bytes
            appendLittle<std::uint64_t>(m_out, static_cast<std::uint64_t>(value));
        }
    }
    void intTuple(const std::vector<std::int64_t>& values) {
        mark();
        for (const std::int64_t value : values) {
            integer(value);
        }
        op('t');
    }
    void mark() { m_out += '('; }
    void op(char code) { m_out += code; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

std::vector<std::int64_t> contiguousStrides(const std::vector<std::int64_t>& shape) {
    std::vector<std::int64_t> strides(shape.size(), 1);
    for (std::size_t i = shape.size(); i-- > 1;) {
        strides[i - 1] = strides[i] * std::max<std::int64_t>(shape[i], 1);
    }
    return strides;
}

} // namespace

Result<std::string> serializePthZip(const std::vector<TensorBytes>& tensors) {
    PickleWriter pickle;
    pickle.proto();
    pickle.global("collections", "OrderedDict");
    pickle.op(')');
    pickle.op('R');
    pickle.mark();
    std::vector<std::pair<std::string, std::string_view>> members;
    members.emplace_back("archive/data.pkl", std::string_view());
    members.emplace_back("archive/byteorder", "little");
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const TensorBytes& tensor = tensors[i];
        const auto count = elementCount(tensor.shape);
        if (!count) {
            return fail("tensor '" + tensor.name + "': " + count.message());
        }
        if (static_cast<std::uint64_t>(*count) * dtypeSize(tensor.dtype) != tensor.data.size()) {
            return fail("tensor '" + tensor.name + "' has " + std::to_string(tensor.data.size()) +
                        " bytes for its shape");
        }
        const std::string key = std::to_string(i);
        pickle.text(tensor.name);
        pickle.global("torch._utils", "_rebuild_tensor_v2");
        pickle.mark();
        pickle.mark();
        pickle.text("storage");
        pickle.global("torch", storageTypeName(tensor.dtype));
        pickle.text(key);
        pickle.text("cpu");
        pickle.integer(*count);
        pickle.op('t');
        pickle.op('Q'); // BINPERSID
        pickle.integer(0);
        pickle.intTuple(tensor.shape);
        pickle.intTuple(contiguousStrides(tensor.shape));
        pickle.op('\x89'); // requires_grad = False
        pickle.global("collections", "OrderedDict");
        pickle.op(')');
        pickle.op('R'); // backward hooks: an empty OrderedDict, as torch writes
        pickle.op('t');
        pickle.op('R');
        members.emplace_back("archive/data/" + key, tensor.data);
    }
    pickle.op('u'); // SETITEMS
    pickle.op('.');
    const std::string pickleBytes = pickle.take();
    members[0].second = pickleBytes;
    members.emplace_back("archive/version", "3\n");
    return writeZipArchive(members);
}

} // namespace tstudio::weights::formats
