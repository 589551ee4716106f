#pragma once

// How the window names a run and its parts, the same in every list, chooser and legend.

#include <cstddef>
#include <string>

#include <QColor>
#include <QString>

#include "core/project/project.h"

namespace tstudio::ui {

/** "74.5 %", or "–" for NaN (no validation split). */
QString percentText(double value);
/** The backbone's display name ("MobileNetV2"), or the key when the zoo has no such entry. */
QString backboneText(const std::string& arch);
QString modeText(training::TrainMode mode);
/** When the run started, in the person's locale and time zone (short format). */
QString startedText(const project::RunRecord& run);
/** One line for a chooser or a legend: "01/12/2026 16:44 · MobileNetV2 · Features + head ·
    94.8 %". */
QString runTitle(const project::RunRecord& run);

/** The colour of the index-th run compared: its curves, and its column in the settings. */
QColor runColor(std::size_t index);
/** The same run in two lists: same start and same bundle. */
bool isSameRun(const project::RunRecord& a, const project::RunRecord& b);

} // namespace tstudio::ui
