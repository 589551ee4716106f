#pragma once

// Messages core words for a person, in the reader's language. core builds each such message from
// an English template with %1 … %9, marked with QT_TRANSLATE_NOOP(context, …) so that lupdate
// collects it, and hands on the English sentence alone (Error::message): the CLI prints it as it
// is. A window reads the sentence back into its template and arguments (MessageCatalog) and shows
// the translated template filled with the same arguments. An argument that is itself a message of
// the catalog (a reason inside "Cannot read weights from %1: %2.") is translated the same way.

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <QString>

namespace tstudio {

/** An English template with %1 … %9 and the translation context it is marked in. */
struct MessageTemplate {
    const char* context;
    const char* text;
};

/**
 * text with each %1 … %9 replaced by args[0] … args[8], in one pass: a %2 inside an argument
 * stays as it is. A placeholder without an argument stays too.
 */
QString fillMessageText(const QString& text, const std::vector<std::string>& args);

/** fillMessageText on the UTF-8 bytes of a template: the English message core reports. */
std::string fillMessage(const char* text, const std::vector<std::string>& args);

/**
 * Templates that English messages are read back into. Immutable once built: any thread may
 * translate with one catalog at the same time (QCoreApplication::translate is thread-safe).
 */
class MessageCatalog {
public:
    /** The templates of every list, in order (each list a module's, e.g. kWeightMessages). */
    explicit MessageCatalog(std::initializer_list<std::span<const MessageTemplate>> lists);
    ~MessageCatalog();
    MessageCatalog(const MessageCatalog&) = delete;
    MessageCatalog& operator=(const MessageCatalog&) = delete;

    /**
     * message in the language of the installed QTranslators (English without one). Of the
     * templates that fit the whole message, the one with the most fixed text wins, and its
     * arguments are translated in turn (where an argument may end in more than one place, the
     * split whose arguments are messages of their own wins). A message of several lines that no
     * template fits is translated line by line; text that no template fits is kept as it is.
     */
    QString translate(const std::string& message) const;

private:
    struct Pattern;
    void addTemplates(std::span<const MessageTemplate> templates);
    /** The message as a template fits it, translated; none when no template fits it whole. */
    std::optional<QString> translateKnown(const QString& message, int depth) const;
    QString translateLines(const QString& message, int depth) const;

    std::vector<Pattern> m_patterns;
};

} // namespace tstudio
