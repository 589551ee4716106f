#pragma once

// Private to core: torch types.

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include <torch/torch.h>

namespace tstudio::data {

/**
 * Recycles the memory of collated batches. A batch of 32 images at 224 px is 19 MB: allocated
 * fresh each time, the page faults of its first touch and the munmap when the consumer drops it
 * cost more than filling it (over half of a warm epoch's time). Tensors handed out return their
 * memory here when their last reference goes, from any thread, also after the pool itself is
 * gone; at most `keep` buffers wait on the shelf, the rest are freed.
 */
class BatchBufferPool {
public:
    explicit BatchBufferPool(std::size_t keep);

    /** A contiguous float32 CPU tensor of these sizes, contents unspecified. */
    torch::Tensor floatTensor(torch::IntArrayRef sizes);

    /** Buffers waiting to be reused (for tests). */
    std::size_t shelved() const;

private:
    struct Shelf;
    std::shared_ptr<Shelf> m_shelf;
};

} // namespace tstudio::data
