#pragma once

// What the commands print with --json: every object goes through QJsonDocument, as core's JSON
// does, so escaping and number formatting are Qt's in one place.

#include <QJsonObject>

namespace tstudio::cli {

/**
 * json as one line on stdout (QJsonDocument's compact form), flushed so that a program reading
 * the pipe sees each line as it comes. Text that is not valid UTF-8 (a file name in another
 * encoding) was already turned into U+FFFD by QString::fromStdString: JSON carries only Unicode.
 */
void printJsonLine(const QJsonObject& json);

/** value rounded to 6 significant digits (printf's %.6g), as the text and CSV output show it. */
double sixDigits(double value);

} // namespace tstudio::cli
