#include "core/data/problem_text.h"

#include <QCoreApplication>

namespace tstudio::data {

QString fillProblemText(const QString& text, const std::vector<std::string>& args) {
    QString filled;
    filled.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('%') && i + 1 < text.size()) {
            const int digit = text[i + 1].digitValue();
            if (digit >= 1 && static_cast<std::size_t>(digit) <= args.size()) {
                filled += QString::fromStdString(args[static_cast<std::size_t>(digit) - 1]);
                ++i;
                continue;
            }
        }
        filled += c;
    }
    return filled;
}

DatasetProblem makeProblem(ProblemKind kind, const char* text, std::vector<std::string> args,
                           std::vector<std::string> items) {
    DatasetProblem problem;
    problem.kind = kind;
    problem.text = text;
    problem.args = std::move(args);
    problem.items = std::move(items);
    problem.message = fillProblemText(QString::fromUtf8(text), problem.args).toStdString();
    return problem;
}

QString translatedMessage(const DatasetProblem& problem) {
    if (problem.text.empty()) {
        return QString::fromStdString(problem.message);
    }
    return fillProblemText(QCoreApplication::translate("DatasetProblem", problem.text.c_str()),
                           problem.args);
}

} // namespace tstudio::data
