#pragma once

// Public, torch-free: train() as one process of a data-parallel run (PyTorch DDP's semantics).

#include "core/training/trainer.h"

namespace tstudio::distributed {
class ProcessGroup;
}

namespace tstudio::training {

/**
 * train(), run by every process of group with the same config and dataset. As PyTorch's
 * DistributedDataParallel: config.batchSize is per process; every epoch's seeded order is split
 * between the ranks like DistributedSampler (padded to a multiple of the world size, rank r takes
 * r, r + W, ...); all ranks start from rank 0's weights, and gradients are averaged over the
 * ranks before every optimizer step, so without augmentation and dropout W processes with batch
 * B train as one process with batch W * B, up to float rounding. Validation and test metrics are
 * summed over the ranks (each image counted once) so every rank takes the same decisions (best
 * epoch, early stopping, plateau schedule). Only rank 0 writes run.log, split.json, checkpoints
 * and the bundle; the others return a summary without a bundle path. A stop request (Ctrl+C) on
 * any rank ends all of them after the same step; pausing is not supported. Before the bundle is
 * written the ranks check that their weights are identical. Resuming reads outDir's checkpoint on
 * every rank (a folder they share), with any number of processes.
 *
 * Fails like train(), and with a message naming the rank when another rank fails, dies or does
 * not answer within the group's timeout. Blocking; any thread; one run per group at a time.
 */
Result<TrainingSummary> trainDataParallel(const TrainingConfig& config,
                                          const data::Dataset& dataset, TrainingObserver& observer,
                                          TrainingControl& control,
                                          distributed::ProcessGroup& group, bool resume = false);

} // namespace tstudio::training
