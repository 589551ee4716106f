#pragma once

// Helpers shared by the test suites: where committed fixtures and shared real data live.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace tstudio::test {

/** Root of the source tree (fixtures under tests/ are found from here, not from the cwd). */
inline QString sourceDir() {
    return QStringLiteral(TSTUDIO_SOURCE_DIR);
}

/** The shared data folder from TSTUDIO_SHARED, or an empty string when it is not set. */
inline QString sharedDir() {
    return QString::fromLocal8Bit(qgetenv("TSTUDIO_SHARED"));
}

/** Writes bytes into a new file at path (in a test's temporary folder); false if it cannot. */
inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace tstudio::test

/** Skips the current test with a visible reason when TSTUDIO_SHARED is not set. CI sets it. */
#define TSTUDIO_REQUIRE_SHARED()                                                                   \
    do {                                                                                           \
        if (tstudio::test::sharedDir().isEmpty())                                                  \
            QSKIP("TSTUDIO_SHARED is not set: point it at the shared/ folder to run this test");   \
    } while (false)
