#pragma once

// Private to core/training: what a training run does differently as one of several data-parallel
// processes, in one place. Without a process group (the usual single process) every call is the
// identity or does nothing, so the engine calls them unconditionally.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/training/metrics.h"
#include "core/training/prefix_cache.h"
#include "core/training/training_events.h"

namespace tstudio::distributed {
class OverlappedGradientAverager;
class ProcessGroup;
} // namespace tstudio::distributed

namespace tstudio::training {

class DataParallel {
public:
    /** group: the run's process group, or null for a single process. Not owned. */
    explicit DataParallel(distributed::ProcessGroup* group = nullptr) : m_group(group) {}

    /** More than one process takes part. */
    bool active() const;
    /** Rank 0, or the only process: the one that writes the log, checkpoints and bundle. */
    bool isMain() const;
    int rank() const;
    int worldSize() const;

    /** The device this rank trains on: with several processes a plain "cuda" becomes
        "cuda:<local rank>", one GPU each, as torchrun's users set it; others stay as given. */
    std::string rankDevice(const std::string& device) const;

    /** What a phase's progress shows: with several processes the whole set's (this rank's share
        times the ranks, which keep pace with each other, at most whole), else mine. */
    PhaseProgress wholeProgress(const PhaseProgress& mine, std::int64_t whole) const;

    /** This rank's share of an epoch's training order (DistributedSampler: padded, strided). */
    std::vector<std::size_t> trainingPart(const std::vector<std::size_t>& order) const;
    /** This rank's share of an evaluation: each item on exactly one rank. */
    std::vector<std::size_t> evaluationPart(const std::vector<std::size_t>& indices) const;

    /** Rank 0's values into every rank's tensors (the initial weights, as DDP does). */
    void broadcastFromMain(const std::vector<torch::Tensor>& tensors);
    /**
     * Created before backward() of a step: the averaging of parameters' gradients overlapped with
     * backward (buckets start as their gradients arrive), or null without a group or where it is
     * turned off (TSTUDIO_GRAD_OVERLAP=0). Hand it to averageGradients() after backward().
     */
    std::unique_ptr<distributed::OverlappedGradientAverager>
    overlapGradients(const std::vector<torch::Tensor>& parameters);
    /** Each defined gradient of parameters replaced by its mean over the ranks: what overlap
        started is finished, or else everything is averaged now. */
    void averageGradients(const std::vector<torch::Tensor>& parameters,
                          distributed::OverlappedGradientAverager* overlap = nullptr);
    /** Each tensor replaced by its mean over the ranks, in place (as timm's distribute_bn
        does with batch-norm statistics at an epoch's end). */
    void averageInPlace(const std::vector<torch::Tensor>& tensors);
    /** flags (floats) summed over the ranks: non-zero where any rank raised one. */
    torch::Tensor anyRank(const torch::Tensor& flags);
    /** metrics summed over the ranks, in place: afterwards every rank holds the whole set's. */
    void sumMetrics(MetricAccumulator& metrics);
    /** Every rank's part of a frozen-prefix cache (each computed its evaluationPart), gathered
        so that every rank holds the whole cache. */
    void gatherCache(PrefixCache& cache);
    /** success when tensors are bit-identical on every rank; otherwise which ranks differ. */
    Status checkIdentical(const std::vector<torch::Tensor>& tensors);
    /** The seed of a step's random draws (dropout) on this rank: rank 0 keeps seed, others
        draw their own masks. */
    std::uint64_t rankSeed(std::uint64_t seed) const;

private:
    distributed::ProcessGroup* m_group;
};

} // namespace tstudio::training
