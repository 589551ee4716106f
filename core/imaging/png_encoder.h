#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/** Encodes image as PNG and writes it to file atomically. Fails with a message naming the file.
    Any thread. */
Status writePng(const RgbImage& image, const std::filesystem::path& file);

} // namespace tstudio::imaging
