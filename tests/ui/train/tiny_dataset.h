#pragma once

#include <QString>

#include "core/data/dataset.h"

namespace tstudio::test {

/**
 * Writes classes x perClass PNG images of side px into root/<class>/ (class c is mostly one
 * colour, with noise, so a network can tell them apart in a few epochs) and opens the folder.
 */
data::Dataset writeTinyDataset(const QString& root, int classes = 2, int perClass = 8, int px = 32);

} // namespace tstudio::test
