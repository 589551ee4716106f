#pragma once

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>

#include <vector>

#include "core/inference/image_classifier.h"

namespace tstudio::ui {

/** One image's outcome in the classify view: its classes, or why it could not be read. */
struct ClassifiedImage {
    QString path;
    QString error;    ///< empty on success
    QImage thumbnail; ///< small preview, made on the worker thread (null if unreadable)
    std::vector<inference::ClassScore> top; ///< the top k, most probable first
    std::vector<float> probabilities;       ///< every class, by class index (empty if unreadable)

    bool ok() const { return error.isEmpty() && !top.empty(); }
};

} // namespace tstudio::ui

Q_DECLARE_METATYPE(tstudio::ui::ClassifiedImage)
