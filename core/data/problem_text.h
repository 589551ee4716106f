#pragma once

// Dataset problems in the reader's language. core words each problem as an English template
// with %1 … %9, marked with QT_TRANSLATE_NOOP("DatasetProblem", …) so that lupdate collects it,
// and keeps the texts that fill it apart (DatasetProblem::text, ::args). The CLI and the JSON
// report use the English sentence (DatasetProblem::message, the template filled in); a window
// shows translatedMessage(), which looks the template up in the installed translators first.

#include <string>
#include <vector>

#include <QString>

#include "core/data/dataset_report.h"

namespace tstudio::data {

/** fillMessageText (core/common/message_text.h): the one way core fills its templates. */
QString fillProblemText(const QString& text, const std::vector<std::string>& args);

/** A problem worded by the template text (a string literal of the "DatasetProblem" context). */
DatasetProblem makeProblem(ProblemKind kind, const char* text, std::vector<std::string> args,
                           std::vector<std::string> items);

/**
 * problem.message in the language of the installed QTranslators (English without one): the
 * template translated, then filled with the same arguments. A problem without a template gives
 * its message as it is.
 */
QString translatedMessage(const DatasetProblem& problem);

} // namespace tstudio::data
