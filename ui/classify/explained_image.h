#pragma once

#include <memory>

#include <QMetaType>
#include <QString>

#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::ui {

/**
 * The large preview of one classified image, made on the classify worker: the image shrunk to
 * preview size and, when asked for, its Grad-CAM heat map at the same size. Shared pointers, so
 * the page's cache and the overlay job share the pixels without copies.
 */
struct ExplainedImage {
    QString path;
    int requestedClass = -1; ///< -1: the predicted class
    bool gradCam = false;
    QString error; ///< empty on success
    std::shared_ptr<const imaging::RgbImage> image;
    std::shared_ptr<const imaging::HeatMap> heatMap; ///< null without Grad-CAM
};

} // namespace tstudio::ui

Q_DECLARE_METATYPE(tstudio::ui::ExplainedImage)
