// core's messages read back into their templates: filling is one pass and byte-exact (the CLI
// prints what fillMessage makes), and a catalog words a message anew in the installed translator's
// language, its nested reasons and lines too, and leaves what it does not know as it is.

#include <map>
#include <utility>

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "core/common/message_text.h"

using namespace tstudio;

namespace {

/** Translates the given source texts of the "Test" context, as a loaded .qm file would. */
class MapTranslator final : public QTranslator {
public:
    explicit MapTranslator(std::map<QByteArray, QString> translations)
        : m_translations(std::move(translations)) {}
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char*,
                      int) const override {
        if (qstrcmp(context, "Test") != 0) {
            return {};
        }
        const auto it = m_translations.find(QByteArray(sourceText));
        return it == m_translations.end() ? QString() : it->second;
    }

private:
    std::map<QByteArray, QString> m_translations;
};

constexpr char kCannotRead[] = "Cannot read weights from %1: %2.";
constexpr char kEmpty[] = "the file is empty";
constexpr char kMatch[] = "%1 of %2 model tensors match the file.";
constexpr char kMissing[] = "Missing from the file (%1): %2";
constexpr char kTwice[] = "%1 is %1, not %2";
constexpr char kBare[] = "%1";

std::vector<MessageTemplate> templates() {
    return {{"Test", kCannotRead}, {"Test", kEmpty}, {"Test", kMatch},
            {"Test", kMissing},    {"Test", kTwice}, {"Test", kBare}};
}

MapTranslator german() {
    return MapTranslator({
        {kCannotRead, QStringLiteral("Gewichte aus %1 nicht lesbar: %2.")},
        {kEmpty, QStringLiteral("die Datei ist leer")},
        {kMatch, QStringLiteral("%1 von %2 Tensoren des Modells passen zur Datei.")},
        {kMissing, QStringLiteral("Fehlen in der Datei (%1): %2")},
        {kTwice, QStringLiteral("%1 ist %1, nicht %2")},
    });
}

} // namespace

class TestMessageText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fillsEachPlaceholderOnceOnBytes() {
        QCOMPARE(fillMessage("%1 of %2 at 100 %", {"a%2", "b"}), std::string("a%2 of b at 100 %"));
        QCOMPARE(fillMessage("%2, %1, %3", {"x", "y"}), std::string("y, x, %3"));
        // A file name that is not UTF-8 is kept byte for byte, as concatenation kept it.
        const std::string latin1Name = "/tmp/gr\xfc\xdf.pth";
        QCOMPARE(fillMessage(kCannotRead, {latin1Name, "the file is empty"}),
                 "Cannot read weights from " + latin1Name + ": the file is empty.");
        QCOMPARE(fillMessageText(QStringLiteral("%1 and %2"), {"ä", "b"}),
                 QStringLiteral("ä and b"));
    }

    void withoutATranslatorTheMessageStaysAsItIs() {
        const MessageCatalog catalog({templates()});
        for (const std::string& message :
             {fillMessage(kCannotRead, {"/w/a.pth", kEmpty}), std::string("no template fits"),
              std::string("3 of 4 model tensors match the file.\nMissing from the file (1): fc.w"),
              std::string()}) {
            QCOMPARE(catalog.translate(message), QString::fromStdString(message));
        }
    }

    void translatesTheTemplateAndItsNestedReasons() {
        const MessageCatalog catalog({templates()});
        MapTranslator translator = german();
        QVERIFY(QCoreApplication::installTranslator(&translator));
        // The reason inside is a template of its own; the path is not and stays whole, though
        // it holds the ": " that follows it in the template.
        QCOMPARE(catalog.translate(fillMessage(kCannotRead, {"/w/a: b.pth", kEmpty})),
                 QStringLiteral("Gewichte aus /w/a: b.pth nicht lesbar: die Datei ist leer."));
        // A reason no template fits stays English inside the translated sentence.
        QCOMPARE(catalog.translate(fillMessage(kCannotRead, {"/w/a.pth", "odd reason"})),
                 QStringLiteral("Gewichte aus /w/a.pth nicht lesbar: odd reason."));
        // Several lines that no template fits as a whole: each line on its own.
        const std::string summary =
            fillMessage(kMatch, {"3", "4"}) + "\n" + fillMessage(kMissing, {"1", "fc.weight"});
        QCOMPARE(catalog.translate(summary),
                 QStringLiteral("3 von 4 Tensoren des Modells passen zur Datei.\n"
                                "Fehlen in der Datei (1): fc.weight"));
        // A placeholder used twice must stand for the same text both times.
        QCOMPARE(catalog.translate("x is x, not y"), QStringLiteral("x ist x, nicht y"));
        QCOMPARE(catalog.translate("x is z, not y"), QStringLiteral("x is z, not y"));
        QCOMPARE(catalog.translate("unknown words"), QStringLiteral("unknown words"));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(catalog.translate(fillMessage(kCannotRead, {"/w/a.pth", kEmpty})),
                 QStringLiteral("Cannot read weights from /w/a.pth: the file is empty."));
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_message_text.moc"
