#include "core/data/problem_text.h"

#include <QCoreApplication>

#include "core/common/message_text.h"

namespace tstudio::data {

QString fillProblemText(const QString& text, const std::vector<std::string>& args) {
    return fillMessageText(text, args);
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
