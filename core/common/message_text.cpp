#include "core/common/message_text.h"

#include <optional>
#include <string_view>

#include <QCoreApplication>
#include <QStringList>

namespace tstudio {

namespace {

// Nested reasons go two or three deep ("Cannot read weights from …: the .safetensors header …");
// the bound only keeps a pathological message from recursing without end.
constexpr int kMaxDepth = 6;

int placeholderAt(const QString& text, qsizetype i) {
    if (text[i] != QLatin1Char('%') || i + 1 >= text.size()) {
        return 0;
    }
    const int digit = text[i + 1].digitValue();
    return digit >= 1 && digit <= 9 ? digit : 0;
}

QString fillWith(const QString& text, const QStringList& args) {
    QString filled;
    filled.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int number = placeholderAt(text, i);
        if (number > 0 && number <= args.size()) {
            filled += args[number - 1];
            ++i;
            continue;
        }
        filled += text[i];
    }
    return filled;
}

QStringList qtArgs(const std::vector<std::string>& args) {
    QStringList list;
    list.reserve(static_cast<qsizetype>(args.size()));
    for (const std::string& arg : args) {
        list.append(QString::fromStdString(arg));
    }
    return list;
}

} // namespace

QString fillMessageText(const QString& text, const std::vector<std::string>& args) {
    return fillWith(text, qtArgs(args));
}

std::string fillMessage(const char* text, const std::vector<std::string>& args) {
    // On bytes, not through QString: a file name that is not valid UTF-8 stays as it is.
    const std::string_view view(text);
    std::string filled;
    filled.reserve(view.size());
    for (std::size_t i = 0; i < view.size(); ++i) {
        if (view[i] == '%' && i + 1 < view.size() && view[i + 1] >= '1' && view[i + 1] <= '9') {
            const auto number = static_cast<std::size_t>(view[i + 1] - '0');
            if (number <= args.size()) {
                filled += args[number - 1];
                ++i;
                continue;
            }
        }
        filled += view[i];
    }
    return filled;
}

struct MessageCatalog::Pattern {
    MessageTemplate source;
    QStringList literals;      ///< the fixed text around the placeholders: one more than them
    std::vector<int> numbers;  ///< the placeholders' numbers, in the order they appear
    qsizetype fixedLength = 0; ///< characters of the template that are not placeholders
};

namespace {

// A message splits into a template's arguments in more than one way only where an argument holds
// the text that follows it; a handful of ways is plenty, and the bound keeps matching cheap.
constexpr std::size_t kMaxSplits = 32;

/**
 * Every way message (from pos on) splits into the arguments of pattern from placeholder k on,
 * each a list of the captured texts; captured holds those before k.
 */
template <typename PatternT>
void collectSplits(const PatternT& pattern, const QString& message, qsizetype pos, std::size_t k,
                   QStringList& captured, std::vector<QStringList>& splits) {
    if (splits.size() >= kMaxSplits) {
        return;
    }
    if (k == pattern.numbers.size()) {
        if (pos != message.size()) {
            return;
        }
        // A placeholder used twice stands for the same text both times.
        for (std::size_t i = 0; i < pattern.numbers.size(); ++i) {
            for (std::size_t j = i + 1; j < pattern.numbers.size(); ++j) {
                if (pattern.numbers[i] == pattern.numbers[j] &&
                    captured[static_cast<qsizetype>(i)] != captured[static_cast<qsizetype>(j)]) {
                    return;
                }
            }
        }
        splits.push_back(captured);
        return;
    }
    const QString& next = pattern.literals[static_cast<qsizetype>(k) + 1];
    if (k + 1 == pattern.numbers.size()) {
        // The last placeholder runs up to the fixed text that ends the message.
        const qsizetype end = message.size() - next.size();
        if (end >= pos && message.endsWith(next)) {
            captured.append(message.mid(pos, end - pos));
            collectSplits(pattern, message, message.size(), k + 1, captured, splits);
            captured.removeLast();
        }
        return;
    }
    // Only the last placeholder may span lines (a summary of several); a name, path or number
    // before it never does, so "%1 (model %2, file %3)" cannot swallow a whole summary.
    const qsizetype lineEnd = message.indexOf(QLatin1Char('\n'), pos);
    for (qsizetype at = message.indexOf(next, pos); at >= 0 && (lineEnd < 0 || at <= lineEnd);
         at = message.indexOf(next, at + 1)) {
        captured.append(message.mid(pos, at - pos));
        collectSplits(pattern, message, at + next.size(), k + 1, captured, splits);
        captured.removeLast();
        if (splits.size() >= kMaxSplits) {
            return;
        }
    }
}

} // namespace

MessageCatalog::MessageCatalog(std::initializer_list<std::span<const MessageTemplate>> lists) {
    for (const std::span<const MessageTemplate> list : lists) {
        addTemplates(list);
    }
}

void MessageCatalog::addTemplates(std::span<const MessageTemplate> templates) {
    for (const MessageTemplate& source : templates) {
        const QString text = QString::fromUtf8(source.text);
        Pattern pattern{source, {}, {}, 0};
        QString literal;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const int number = placeholderAt(text, i);
            if (number == 0) {
                literal += text[i];
                continue;
            }
            pattern.fixedLength += literal.size();
            pattern.literals.append(literal);
            literal.clear();
            pattern.numbers.push_back(number);
            ++i;
        }
        pattern.fixedLength += literal.size();
        pattern.literals.append(literal);
        if (pattern.fixedLength == 0) {
            continue; // a bare placeholder would read every message as itself
        }
        m_patterns.push_back(std::move(pattern));
    }
}

MessageCatalog::~MessageCatalog() = default;

QString MessageCatalog::translate(const std::string& message) const {
    const QString text = QString::fromStdString(message);
    if (auto known = translateKnown(text, 0)) {
        return *known;
    }
    return text.contains(QLatin1Char('\n')) ? translateLines(text, 0) : text;
}

std::optional<QString> MessageCatalog::translateKnown(const QString& message, int depth) const {
    const Pattern* best = nullptr;
    std::vector<QStringList> bestSplits;
    for (const Pattern& pattern : m_patterns) {
        if (best != nullptr && pattern.fixedLength <= best->fixedLength) {
            continue;
        }
        if (!message.startsWith(pattern.literals.front())) {
            continue;
        }
        std::vector<QStringList> splits;
        QStringList captured;
        if (pattern.numbers.empty()) {
            if (message == pattern.literals.front()) {
                splits.emplace_back();
            }
        } else {
            collectSplits(pattern, message, pattern.literals.front().size(), 0, captured, splits);
        }
        if (!splits.empty()) {
            best = &pattern;
            bestSplits = std::move(splits);
        }
    }
    if (best == nullptr) {
        return std::nullopt;
    }
    // Of the ways to split, the one whose arguments are most often messages of their own: a path
    // holding ": " then stays whole, and the reason after it is still recognised.
    QStringList bestArgs;
    int bestKnown = -1;
    for (const QStringList& split : bestSplits) {
        QStringList args;
        int known = 0;
        for (const QString& captured : split) {
            std::optional<QString> translated;
            if (depth < kMaxDepth) {
                translated = translateKnown(captured, depth + 1);
                if (!translated && captured.contains(QLatin1Char('\n'))) {
                    translated = translateLines(captured, depth + 1);
                    known -= 1; // lines are a weaker sign than a whole template
                }
            }
            known += translated ? 1 : 0;
            args.append(translated.value_or(captured));
        }
        if (known > bestKnown) {
            bestKnown = known;
            bestArgs = std::move(args);
        }
    }
    QStringList byNumber;
    for (std::size_t i = 0; i < best->numbers.size(); ++i) {
        const int number = best->numbers[i];
        while (byNumber.size() < number) {
            byNumber.append(QString());
        }
        byNumber[number - 1] = bestArgs[static_cast<qsizetype>(i)];
    }
    return fillWith(QCoreApplication::translate(best->source.context, best->source.text), byNumber);
}

QString MessageCatalog::translateLines(const QString& message, int depth) const {
    QStringList lines = message.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        if (depth < kMaxDepth) {
            line = translateKnown(line, depth + 1).value_or(line);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace tstudio
