#pragma once

#include <QMetaType>
#include <QString>

namespace tstudio::ui {

/**
 * The model the Classify step runs: a trained bundle (.tsmodel) when bundle is set, otherwise
 * the backbone arch as is with its ImageNet head, from the weights file. Plain value; crosses
 * to the classify worker's thread.
 */
struct ClassifierChoice {
    QString arch;
    QString weights;
    QString bundle;

    bool isBundle() const { return !bundle.isEmpty(); }
    bool operator==(const ClassifierChoice&) const = default;
};

} // namespace tstudio::ui

Q_DECLARE_METATYPE(tstudio::ui::ClassifierChoice)
