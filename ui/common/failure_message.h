#pragma once

#include <QString>

#include "core/common/result.h"

namespace tstudio::ui {

/**
 * A failure from core as a window shows it: first a translated sentence for its kind (what went
 * wrong and what to do), then core's own words, which name the file or the figure concerned.
 * A General failure has no sentence of its own: core's message is shown as it is.
 */
QString failureMessage(ErrorKind kind, const QString& detail);

/** The translated sentence alone; empty for ErrorKind::General. */
QString failureAdvice(ErrorKind kind);

} // namespace tstudio::ui
