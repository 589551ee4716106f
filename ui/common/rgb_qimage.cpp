#include "ui/common/rgb_qimage.h"

#include <algorithm>

namespace tstudio::ui {

QImage borrowedQImage(const imaging::RgbImage& image) {
    return QImage(image.pixels.data(), image.width, image.height, image.width * 3,
                  QImage::Format_RGB888);
}

QImage fittedQImage(const imaging::RgbImage& image, int side) {
    const QImage view = borrowedQImage(image);
    // A copy either way: the view's pixels belong to image.
    const QImage fitted =
        std::max(image.width, image.height) > side
            ? view.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : view.copy();
    return fitted.convertToFormat(QImage::Format_RGB32);
}

} // namespace tstudio::ui
