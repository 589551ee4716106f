#pragma once

// Decoded pixels (core's RgbImage) as QImages: the one conversion every view and thumbnail uses.

#include <QImage>

#include "core/imaging/rgb_image.h"

namespace tstudio::ui {

/** A QImage (RGB888) that borrows image's pixels: valid only while image lives, unchanged. */
QImage borrowedQImage(const imaging::RgbImage& image);

/** image shrunk to fit side x side (never enlarged), as its own RGB32 QImage (fast to paint). */
QImage fittedQImage(const imaging::RgbImage& image, int side);

} // namespace tstudio::ui
