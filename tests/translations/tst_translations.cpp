// The committed translations against the sources: lupdate, run as the update_translations target
// runs it but into a scratch copy, must find no string to add and none to drop; every entry is
// finished and keeps its source's placeholders. A failure names the strings and the fix.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;          ///< the disambiguation: part of the message's identity
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty when translated
    QStringList translations; ///< one, or one per plural form
};

/** Context, source and disambiguation: what identifies a message for QTranslator. */
QString keyOf(const Message& message) {
    return message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"') +
           (message.comment.isEmpty() ? QString()
                                      : QStringLiteral(" (") + message.comment + QLatin1Char(')'));
}

/** The messages of a .ts file by keyOf; error is set when it cannot be read. */
QMap<QString, Message> readTs(const QString& path, QString& error) {
    QMap<QString, Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path + QStringLiteral(": ") + file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                message = Message{context, {}, {}, {}, {}};
            } else if (name == QLatin1String("source") && inMessage) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("comment") && inMessage) {
                message.comment = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                // A plural message holds one <numerusform> per form, read as they come.
                if (!numerus) {
                    message.translations.append(xml.readElementText());
                }
            } else if (name == QLatin1String("numerusform") && inMessage) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            messages.insert(keyOf(message), message);
        }
    }
    if (xml.hasError()) {
        error = path + QStringLiteral(": ") + xml.errorString();
    }
    return messages;
}

/** The placeholders of a text: %1 … %99 and their localised %L1 forms. */
QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%L?[1-9][0-9]?"));
    QSet<QString> found;
    for (const auto& match : placeholder.globalMatch(text)) {
        found.insert(match.captured());
    }
    return found;
}

/**
 * A failure text: what is wrong and how to fix it. The messages go to the log in full first (a
 * test's failure text is cut at about a thousand characters).
 */
QByteArray report(const QString& what, const QStringList& keys, const QString& fix) {
    for (const QString& key : keys) {
        qWarning("%s", qUtf8Printable(key));
    }
    return (QString::number(keys.size()) + QLatin1Char(' ') + what +
            QStringLiteral(" (listed above). ") + fix)
        .toUtf8();
}

const QString kUpdate = QStringLiteral(
    "Fix: cmake --build --preset ci --target update_translations, then translate every "
    "<translation type=\"unfinished\"> of the .ts file (Qt Linguist, or by hand).");

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QStringList m_tsFiles;

private Q_SLOTS:
    void initTestCase() {
        m_tsFiles = QStringLiteral(TSTUDIO_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        QVERIFY(!m_tsFiles.isEmpty());
    }

    void upToDateWithTheSources() {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        for (const QString& ts : std::as_const(m_tsFiles)) {
            const QString copy = scratch.filePath(QFileInfo(ts).fileName());
            QVERIFY(QFile::copy(ts, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            QProcess lupdate;
            lupdate.setWorkingDirectory(QStringLiteral(TSTUDIO_SOURCE_DIR));
            lupdate.start(QStringLiteral(TSTUDIO_LUPDATE),
                          QStringLiteral(TSTUDIO_LUPDATE_OPTIONS).split(QLatin1Char('|')) +
                              QStringLiteral(TSTUDIO_LUPDATE_SOURCES).split(QLatin1Char('|')) +
                              QStringList{QStringLiteral("-ts"), copy});
            QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
            QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                     lupdate.readAllStandardError().constData());

            QString error;
            const auto committed = readTs(ts, error);
            const auto fresh = readTs(copy, error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QStringList missing;
            QStringList stale;
            for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
                if (!committed.contains(it.key())) {
                    missing.append(it.key());
                }
            }
            for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
                if (!fresh.contains(it.key())) {
                    stale.append(it.key());
                }
            }
            QVERIFY2(missing.isEmpty(),
                     report(ts + QStringLiteral(" lacks strings of the sources"), missing, kUpdate)
                         .constData());
            QVERIFY2(stale.isEmpty(),
                     report(ts + QStringLiteral(" holds strings the sources no longer have"), stale,
                            kUpdate)
                         .constData());
        }
    }

    void everyEntryIsFinishedAndKeepsItsPlaceholders() {
        for (const QString& ts : std::as_const(m_tsFiles)) {
            QString error;
            const auto messages = readTs(ts, error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(!messages.isEmpty());
            QStringList unfinished;
            QStringList placeholderMismatch;
            for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
                const Message& message = it.value();
                bool empty = message.translations.isEmpty();
                for (const QString& translation : message.translations) {
                    empty = empty || translation.isEmpty();
                    if (placeholders(translation) != placeholders(message.source)) {
                        placeholderMismatch.append(it.key() + QStringLiteral(" → \"") +
                                                   translation + QLatin1Char('"'));
                    }
                }
                if (!message.type.isEmpty() || empty) {
                    unfinished.append(it.key());
                }
            }
            QVERIFY2(
                unfinished.isEmpty(),
                report(ts + QStringLiteral(" has unfinished or empty entries"), unfinished, kUpdate)
                    .constData());
            QVERIFY2(placeholderMismatch.isEmpty(),
                     report(ts + QStringLiteral(" has translations whose %1, %2 … differ from "
                                                "their source's"),
                            placeholderMismatch,
                            QStringLiteral("Fix: every placeholder of the source, once."))
                         .constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
