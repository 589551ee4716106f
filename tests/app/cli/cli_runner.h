#pragma once

// How the CLI tests run the built tstudio binary, as a user would. TSTUDIO_CLI (its path) comes
// in as a compile definition of each test target.

#include <QByteArray>
#include <QLatin1Char>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace tstudio::test {

struct CliRun {
    int exitCode = -1; ///< -1 when the process crashed or timed out
    QByteArray out;
    QByteArray err;
};

/** Runs the tstudio binary with args and waits up to 5 minutes; extraEnv entries are NAME=value. */
inline CliRun runCli(const QStringList& args, const QStringList& extraEnv = {}) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv) {
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TSTUDIO_CLI), args);
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
    }
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/**
 * The columns of a data-driven test of command lines: args, the exitCode they must end with and
 * a text (expected) that stdout or stderr must hold. Rows go in the test's _data() function.
 */
inline void addExitCodeAndOutputColumns() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
}

/** Runs the current row of such a table and checks it: the whole body of the test function. */
inline void checkExitCodeAndOutput() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, exitCode);
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(text.contains(expected), qPrintable(text));
}

} // namespace tstudio::test
