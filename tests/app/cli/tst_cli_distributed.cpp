// tstudio train as a data-parallel run on 127.0.0.1, as a user starts it: --nproc-per-node 2
// against one process with the double batch, the environment-variable launch (torchrun's
// variables) and two --nnodes launches against the flags, a rank that never arrives, a rank that
// is killed, Ctrl+C, and options that contradict the environment.

#include <csignal>
#include <filesystem>
#include <string>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/distributed/free_port.h"
#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"

namespace fs = std::filesystem;

namespace {

using Run = tstudio::test::CliRun;
using tstudio::test::runCli;

/** Feature mode on a small backbone from scratch, a head without dropout, no augmentation:
    nothing random differs between the ranks, so the runs can be compared number by number. */
QStringList featureRun(const QString& data, const QString& out, int batch, int epochs = 2) {
    return {QStringLiteral("train"),
            QStringLiteral("--data"),
            data,
            QStringLiteral("--out"),
            out,
            QStringLiteral("--arch"),
            QStringLiteral("mobilenet_v3_small"),
            QStringLiteral("--weights"),
            QStringLiteral("none"),
            QStringLiteral("--size"),
            QStringLiteral("32"),
            QStringLiteral("--mode"),
            QStringLiteral("feature"),
            QStringLiteral("--head"),
            QStringLiteral("avg"),
            QStringLiteral("--augment"),
            QStringLiteral("none"),
            QStringLiteral("--epochs"),
            QString::number(epochs),
            QStringLiteral("--batch"),
            QString::number(batch),
            QStringLiteral("--json")};
}

/** The epoch objects of a --json run's stdout (the summary line left out). */
QList<QJsonObject> epochs(const QByteArray& out) {
    QList<QJsonObject> rows;
    for (const QByteArray& line : out.trimmed().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(QStringLiteral("epoch"))) {
            rows.push_back(object);
        }
    }
    return rows;
}

// Float rounding only: see tests/core/training/tst_data_parallel_training.cpp.
void compareEpochs(const QByteArray& a, const QByteArray& b) {
    const QList<QJsonObject> ea = epochs(a), eb = epochs(b);
    QVERIFY(!ea.isEmpty());
    QCOMPARE(ea.size(), eb.size());
    for (qsizetype i = 0; i < ea.size(); ++i) {
        for (const char* key : {"train_loss", "val_loss"}) {
            const double x = ea[i][QLatin1String(key)].toDouble();
            const double y = eb[i][QLatin1String(key)].toDouble();
            QVERIFY2(
                std::abs(x - y) <= 1e-5,
                qPrintable(QStringLiteral("%1 %2 vs %3").arg(QLatin1String(key)).arg(x).arg(y)));
        }
        QCOMPARE(ea[i][QStringLiteral("val_acc")].toDouble(),
                 eb[i][QStringLiteral("val_acc")].toDouble());
    }
}

QStringList rankEnvironment(int rank, int world, int port) {
    return {QStringLiteral("WORLD_SIZE=%1").arg(world), QStringLiteral("RANK=%1").arg(rank),
            QStringLiteral("LOCAL_RANK=%1").arg(rank), QStringLiteral("MASTER_ADDR=127.0.0.1"),
            QStringLiteral("MASTER_PORT=%1").arg(port)};
}

/** Starts tstudio with args and extra environment entries NAME=value, without waiting. */
void start(QProcess& process, const QStringList& args, const QStringList& extraEnv) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv) {
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TSTUDIO_CLI), args);
}

Run finish(QProcess& process) {
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestCliDistributed : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    Run m_single;

    QString path(const char* relative) const { return m_dir.filePath(QLatin1String(relative)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const fs::path root = fs::path(m_dir.path().toStdString()) / "data";
        int seed = 1;
        for (const char* name : {"cats", "dogs"}) {
            for (int i = 0; i < 8; ++i, ++seed) {
                tstudio::test::writeBytes(root / "train" / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(40, 40, seed));
            }
            for (int i = 0; i < 3; ++i, ++seed) {
                tstudio::test::writeBytes(root / "val" / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(40, 40, seed));
            }
        }
        m_data = QString::fromStdString(root.string());
        m_single = runCli(featureRun(m_data, path("single"), 8));
        QVERIFY2(m_single.exitCode == 0, m_single.err.constData());
    }

    void twoProcessesEqualOneWithTheDoubleBatch() {
        const QString out = path("two");
        const Run run =
            runCli(featureRun(m_data, out, 4) +
                   QStringList{QStringLiteral("--nproc-per-node"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("starting 2 processes (ranks 0 to 1 of 2)"), run.err.constData());
        QVERIFY2(run.err.contains("the weights are identical on all 2 processes"),
                 run.err.constData());
        compareEpochs(m_single.out, run.out);
        // Rank 0 alone speaks: 2 epoch lines and one summary, and writes one bundle.
        QCOMPARE(run.out.trimmed().split('\n').size(), 3);
        QVERIFY(QFile::exists(out + QStringLiteral("/model.tsmodel")));
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.tsmodel")}, QDir::Files).size(), 1);
    }

    void theEnvironmentLaunchIsTheSameRun() {
        const auto port = tstudio::distributed::freeLocalPort();
        QVERIFY(port.ok());
        QProcess rank0, rank1;
        start(rank0, featureRun(m_data, path("env"), 4), rankEnvironment(0, 2, *port));
        start(rank1, featureRun(m_data, path("env"), 4), rankEnvironment(1, 2, *port));
        const Run run0 = finish(rank0);
        const Run run1 = finish(rank1);
        QVERIFY2(run0.exitCode == 0, run0.err.constData());
        QVERIFY2(run1.exitCode == 0, run1.err.constData());
        QVERIFY(run1.out.isEmpty()); // rank 1 reports nothing unless it fails
        compareEpochs(m_single.out, run0.out);
        QVERIFY(QFile::exists(path("env/model.tsmodel")));
    }

    void twoNodesOnOneMachineAreTheSameRun() {
        // What two terminals (or two machines) run: --nnodes 2, each with its --node-rank.
        const auto port = tstudio::distributed::freeLocalPort();
        QVERIFY(port.ok());
        const auto node = [&](int rank) {
            return featureRun(m_data, path("nodes"), 4) +
                   QStringList{QStringLiteral("--nnodes"),      QStringLiteral("2"),
                               QStringLiteral("--node-rank"),   QString::number(rank),
                               QStringLiteral("--master-addr"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--master-port"), QString::number(*port)};
        };
        QProcess node0, node1;
        start(node0, node(0), {});
        start(node1, node(1), {});
        const Run run0 = finish(node0);
        const Run run1 = finish(node1);
        QVERIFY2(run0.exitCode == 0, run0.err.constData());
        QVERIFY2(run1.exitCode == 0, run1.err.constData());
        QVERIFY2(run1.err.contains("starting 1 process (ranks 1 to 1 of 2)"), run1.err.constData());
        compareEpochs(m_single.out, run0.out);
    }

    void aRankThatNeverArrivesEndsTheRun() {
        const auto port = tstudio::distributed::freeLocalPort();
        QVERIFY(port.ok());
        const Run run =
            runCli(featureRun(m_data, path("alone"), 4) +
                       QStringList{QStringLiteral("--dist-timeout"), QStringLiteral("2")},
                   rankEnvironment(0, 2, *port));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("not all 2 processes arrived within 2 s"), run.err.constData());
    }

    void aKilledRankEndsTheOtherWithAMessage() {
        const auto port = tstudio::distributed::freeLocalPort();
        QVERIFY(port.ok());
        const QStringList args =
            featureRun(m_data, path("killed"), 4, /*epochs=*/200) +
            QStringList{QStringLiteral("--dist-timeout"), QStringLiteral("30")};
        QProcess rank0, rank1;
        start(rank0, args, rankEnvironment(0, 2, *port));
        start(rank1, args, rankEnvironment(1, 2, *port));
        QByteArray out;
        while (!out.contains('\n') && rank0.waitForReadyRead(120'000)) {
            out += rank0.readAllStandardOutput(); // training has begun: an epoch line is out
        }
        QVERIFY(out.contains("\"epoch\""));
        rank1.kill();
        rank1.waitForFinished();
        const Run run0 = finish(rank0);
        QCOMPARE(run0.exitCode, 5);
        QVERIFY2(run0.err.contains("rank 0 of 2 lost the other processes"), run0.err.constData());
        QVERIFY(!QFile::exists(path("killed/model.tsmodel")));
    }

    void ctrlCStopsEveryRankAtTheSameStep() {
        // setsid: the launcher and its ranks in a process group of their own, as a terminal's
        // foreground job, so that SIGINT reaches all of them as Ctrl+C does.
        QProcess process;
        process.start(QStringLiteral("setsid"),
                      QStringList{QStringLiteral(TSTUDIO_CLI)} +
                          featureRun(m_data, path("ctrlc"), 4, /*epochs=*/100000) +
                          QStringList{QStringLiteral("--nproc-per-node"), QStringLiteral("2")});
        QByteArray out;
        while (!out.contains('\n') && process.waitForReadyRead(120'000)) {
            out += process.readAllStandardOutput(); // rank 0's first epoch line
        }
        QVERIFY(out.contains("\"epoch\""));
        ::kill(-static_cast<pid_t>(process.processId()), SIGINT);
        const Run run = finish(process);
        QCOMPARE(run.exitCode, 130);
        QVERIFY2(run.out.contains("\"stop_reason\":\"stopped by the user\""), run.out.constData());
        QVERIFY2(run.err.contains("the weights are identical on all 2 processes"),
                 run.err.constData());
        QVERIFY2(!run.err.contains("exited with status"), run.err.constData());
        QVERIFY(QFile::exists(path("ctrlc/model.tsmodel")));
    }

    void aFailingRankFailsTheLaunch() {
        const Run run =
            runCli(featureRun(path("missing"), path("failing"), 4) +
                   QStringList{QStringLiteral("--nproc-per-node"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 2); // the ranks' own "bad command line"
        QVERIFY2(run.err.contains("exited with status 2"), run.err.constData());
    }

    void launcherOptionsUnderALauncherAreRefused() {
        const Run run =
            runCli(featureRun(m_data, path("both"), 4) +
                       QStringList{QStringLiteral("--nproc-per-node"), QStringLiteral("2")},
                   rankEnvironment(0, 2, 29500));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("do not also give --nproc-per-node"), run.err.constData());
        const Run bad = runCli(featureRun(m_data, path("bad"), 4),
                               {QStringLiteral("WORLD_SIZE=2"), QStringLiteral("RANK=5"),
                                QStringLiteral("MASTER_ADDR=127.0.0.1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("Rank 5 does not exist in a run of 2 processes"),
                 bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDistributed)
#include "tst_cli_distributed.moc"
