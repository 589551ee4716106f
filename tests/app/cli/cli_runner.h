#pragma once

// How the CLI tests run the built tstudio binary, as a user would. TSTUDIO_CLI (its path) comes
// in as a compile definition of each test target.

#include <QByteArray>
#include <QLatin1Char>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

} // namespace tstudio::test
