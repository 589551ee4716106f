#pragma once

// Private to core: the collectives a data-parallel run needs, on torch tensors, over a
// ProcessGroup. Every rank must make the same calls, in the same order, with tensors of the same
// shapes and types. They block until all ranks took part; a rank that died or stopped answering
// makes them throw CollectiveError (after the group's timeout at the latest).

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include <torch/torch.h>

#include "core/distributed/process_group.h"

namespace tstudio::distributed {

/** A collective failed: a peer is gone or timed out. what() says so in one sentence. */
class CollectiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** PyTorch DDP's default bucket: big enough that per-message latency does not dominate. */
constexpr std::int64_t kDefaultBucketBytes = std::int64_t{25} << 20;

/**
 * Sums tensors element-wise over all ranks, in place. Tensors of one type are flattened into
 * buckets of at most bucketBytes (one larger tensor makes a bucket of its own), one allreduce per
 * bucket, then copied back (any memory format).
 */
void allreduceSum(ProcessGroup& group, const std::vector<torch::Tensor>& tensors,
                  std::int64_t bucketBytes = kDefaultBucketBytes);

/**
 * The gradients of parameters replaced by their mean over all ranks, after backward: what
 * DistributedDataParallel does before each optimizer step. The buckets are
 * OverlappedGradientAverager's (averaging after backward is that without the overlap), so ranks
 * that average one way or the other still agree. A parameter without a gradient keeps none.
 */
void averageGradients(ProcessGroup& group, const std::vector<torch::Tensor>& parameters,
                      std::int64_t bucketBytes = kDefaultBucketBytes);

/**
 * averageGradients() overlapped with the backward pass, as DistributedDataParallel's reducer does:
 * created before backward(), it hooks the parameters; each bucket (in reverse parameter order, the
 * order backward produces gradients) starts its allreduce as soon as its last gradient arrives
 * and every earlier bucket has started (so the ranks start them in the same order), while
 * backward goes on with the earlier layers. finish(), after backward(), starts what is left, waits
 * for all and leaves every parameter's gradient the mean over the ranks. Every rank must use it
 * with the same parameters. The hooks go with the object.
 */
class OverlappedGradientAverager {
public:
    OverlappedGradientAverager(ProcessGroup& group, const std::vector<torch::Tensor>& parameters,
                               std::int64_t bucketBytes = kDefaultBucketBytes);
    ~OverlappedGradientAverager();
    OverlappedGradientAverager(const OverlappedGradientAverager&) = delete;
    OverlappedGradientAverager& operator=(const OverlappedGradientAverager&) = delete;

    /** After backward(): throws CollectiveError when a peer is gone. */
    void finish();
    /** Buckets whose allreduce started during backward() (the rest started in finish()). */
    int bucketsStartedDuringBackward() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

/** Rank 0's values copied into every rank's tensors, in place (in buckets as above). */
void broadcastFromMain(ProcessGroup& group, const std::vector<torch::Tensor>& tensors,
                       std::int64_t bucketBytes = kDefaultBucketBytes);

/** [worldSize, n]: row r is rank r's values (a 1-D tensor of n, the same n on every rank). */
torch::Tensor allgatherRows(ProcessGroup& group, const torch::Tensor& values);

} // namespace tstudio::distributed
