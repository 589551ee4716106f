#pragma once

#include <string>

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

/**
 * core's message in the language of the installed translators: read back into the template core
 * filled (weight files, training runs, files written; core/common/message_text.h) and worded
 * anew with the same arguments. A message of no known template stays as core wrote it. Any
 * thread.
 */
QString translatedError(const std::string& message);

/** failureMessage(kind, translatedError(message)) of a core Error. */
QString failureMessage(const Error& error);

} // namespace tstudio::ui
