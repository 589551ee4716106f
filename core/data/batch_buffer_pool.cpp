#include "core/data/batch_buffer_pool.h"

#include <cstdlib>
#include <new>

namespace tstudio::data {

namespace {

constexpr std::size_t kAlignment = 64;

std::size_t roundUp(std::size_t bytes) {
    return (bytes + kAlignment - 1) / kAlignment * kAlignment;
}

} // namespace

struct BatchBufferPool::Shelf {
    struct Buffer {
        std::size_t bytes = 0;
        void* data = nullptr;
    };
    explicit Shelf(std::size_t keep) : keep(keep) {}
    ~Shelf() {
        for (const Buffer& buffer : free) {
            std::free(buffer.data);
        }
    }
    Shelf(const Shelf&) = delete;
    Shelf& operator=(const Shelf&) = delete;

    void* take(std::size_t bytes) {
        {
            std::lock_guard lock(mutex);
            for (auto it = free.begin(); it != free.end(); ++it) {
                if (it->bytes == bytes) {
                    void* data = it->data;
                    free.erase(it);
                    return data;
                }
            }
        }
        void* data = std::aligned_alloc(kAlignment, bytes);
        if (data == nullptr) {
            throw std::bad_alloc();
        }
        return data;
    }

    void give(std::size_t bytes, void* data) {
        std::lock_guard lock(mutex);
        if (free.size() < keep) {
            free.push_back({bytes, data});
            return;
        }
        std::free(data);
    }

    const std::size_t keep;
    mutable std::mutex mutex;
    std::vector<Buffer> free;
};

BatchBufferPool::BatchBufferPool(std::size_t keep) : m_shelf(std::make_shared<Shelf>(keep)) {}

torch::Tensor BatchBufferPool::floatTensor(torch::IntArrayRef sizes) {
    std::size_t elements = 1;
    for (const std::int64_t size : sizes) {
        elements *= static_cast<std::size_t>(size);
    }
    const std::size_t bytes = roundUp(std::max<std::size_t>(elements, 1) * sizeof(float));
    void* data = m_shelf->take(bytes);
    // The deleter owns a reference to the shelf: a batch may outlive its loader.
    return torch::from_blob(
        data, sizes, [shelf = m_shelf, bytes](void* p) { shelf->give(bytes, p); },
        torch::TensorOptions().dtype(torch::kFloat32));
}

std::size_t BatchBufferPool::shelved() const {
    std::lock_guard lock(m_shelf->mutex);
    return m_shelf->free.size();
}

} // namespace tstudio::data
