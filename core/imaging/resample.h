#pragma once

#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/** Resampling filters, as PIL names them. */
enum class ResampleFilter { Bilinear, Bicubic };

/**
 * Resizes like PIL's Image.resize(size, BILINEAR|BICUBIC) on an RGB image, bit for bit: a
 * separable convolution whose filter support grows with the downscale factor (antialiasing),
 * 8-bit fixed-point coefficients, horizontal pass first. torchvision's Resize on PIL images is
 * exactly this, so models see the pixels they were trained on; OpenCV's INTER_LINEAR does not
 * antialias and INTER_AREA only approximates it. Any thread.
 */
RgbImage resample(const RgbImage& image, int width, int height, ResampleFilter filter);

} // namespace tstudio::imaging
