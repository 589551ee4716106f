#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

/** Bytes of one CIFAR-10 binary record: a label byte, then 32×32 R, G and B planes. */
inline constexpr std::int64_t kCifar10RecordBytes = 1 + 3 * 32 * 32;

/**
 * Opens CIFAR-10's binary version: one batch file (`data_batch_N.bin` → train,
 * `test_batch.bin` → test), or a folder holding them (directly or in `cifar-10-batches-bin/`).
 * Class names come from `batches.meta.txt` beside the batches, else the standard ten. The
 * records are decoded into memory (3 KB each). Any thread; fails on a file whose size is not a
 * whole number of records (cut off) or a label above the class count.
 */
Result<Dataset> readCifar10Binary(const std::filesystem::path& path,
                                  const ScanControl& control = {});

/** True when path is a CIFAR-10 batch file or a folder with one (by name and size only). */
bool looksLikeCifar10Binary(const std::filesystem::path& path);

} // namespace tstudio::data
