// How a failure from core reads in the window: the kind's explanation, then core's detail; and
// every explanation has its German translation in the shipped .ts file.

#include <map>

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

#include "ui/common/failure_message.h"

using tstudio::ErrorKind;
using tstudio::ui::failureAdvice;
using tstudio::ui::failureMessage;

namespace {
const ErrorKind kExplainedKinds[] = {ErrorKind::BadWeights, ErrorKind::Dataset,
                                     ErrorKind::NotFinite, ErrorKind::OutOfMemory,
                                     ErrorKind::DeviceUnavailable};

/** source text -> translation (empty when unfinished) of one context of a Qt Linguist file. */
std::map<QString, QString> translationsOf(const QString& path, const QString& context) {
    std::map<QString, QString> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    QXmlStreamReader xml(&file);
    QString currentContext, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            currentContext = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && currentContext == context) {
            const bool unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText();
            out[source] = unfinished ? QString() : text;
        }
    }
    return out;
}
} // namespace

class TestFailureMessage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explainedKindsComeFirstThenTheDetail() {
        const QString detail = QStringLiteral("/data/resnet.pth: not a zip archive");
        for (ErrorKind kind : kExplainedKinds) {
            const QString advice = failureAdvice(kind);
            QVERIFY(!advice.isEmpty());
            QCOMPARE(failureMessage(kind, detail), advice + QLatin1Char('\n') + detail);
            QCOMPARE(failureMessage(kind, QString()), advice);
        }
        QCOMPARE(failureMessage(ErrorKind::General, detail), detail);
        QVERIFY(failureAdvice(ErrorKind::General).isEmpty());
        QVERIFY(failureAdvice(ErrorKind::OutOfMemory).contains(QStringLiteral("batch size")));
        QVERIFY(failureAdvice(ErrorKind::NotFinite).contains(QStringLiteral("learning rate")));
    }

    void everyExplanationIsTranslatedToGerman() {
        const auto german =
            translationsOf(QStringLiteral(TSTUDIO_SOURCE_DIR "/translations/transfer-studio_de.ts"),
                           QStringLiteral("FailureMessage"));
        QVERIFY(!german.empty());
        for (ErrorKind kind : kExplainedKinds) {
            const auto found = german.find(failureAdvice(kind));
            QVERIFY2(found != german.end(), qPrintable(failureAdvice(kind)));
            QVERIFY2(!found->second.isEmpty(), qPrintable(failureAdvice(kind)));
            QVERIFY(found->second != found->first);
        }
    }
};

QTEST_GUILESS_MAIN(TestFailureMessage)
#include "tst_failure_message.moc"
