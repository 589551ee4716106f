#pragma once

// Reading a Qt Linguist (.ts) file in tests: which source texts have a finished translation.

#include <QFile>
#include <QSet>
#include <QString>
#include <QXmlStreamReader>

namespace tstudio::test {

/** "context\nsource" of every finished (not unfinished, not empty) translation in tsFile. */
inline QSet<QString> finishedTranslations(const QString& tsFile) {
    QSet<QString> finished;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return finished;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool done = xml.attributes().value(QLatin1String("type")).isEmpty();
            // IncludeChildElements: a plural entry holds <numerusform>s, which would otherwise
            // stop the reader there.
            if (done && !xml.readElementText(QXmlStreamReader::IncludeChildElements).isEmpty()) {
                finished.insert(context + QLatin1Char('\n') + source);
            }
        }
    }
    return finished;
}

} // namespace tstudio::test
