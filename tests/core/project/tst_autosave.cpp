// Autosave and recovery: a live session's autosave is never offered, a killed one's is, with the
// project as it was at the last write; a clean end leaves nothing.

#include <csignal>
#include <cstdlib>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/project/autosave.h"
#include "core/project/project_json.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCrashEnv = "TSTUDIO_TEST_AUTOSAVE_THEN_DIE";

project::Project smallProject(int epochs) {
    project::Project p;
    p.dataset.dataset = data::Dataset(data::DatasetKind::Custom, "/nonexistent/photos");
    p.dataset.dataset.addClass("ant");
    p.dataset.dataset.addClass("bee");
    data::Sample sample;
    sample.path = "/nonexistent/photos/a.jpg";
    sample.label = 1;
    p.dataset.dataset.addSample(sample);
    p.config.epochs = epochs;
    return p;
}

/** The child process: autosaves twice, as the window would, then is killed (no destructors). */
[[noreturn]] void autosaveThenDie(const char* dir) {
    auto* slot = new project::AutosaveSlot(dir); // never deleted: a crash runs no destructor
    (void)slot->write(smallProject(3), "/somewhere/labels.tsproj");
    (void)slot->write(smallProject(4), "/somewhere/labels.tsproj");
    std::raise(SIGKILL);
    std::abort();
}

std::size_t filesIn(const fs::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); it != fs::directory_iterator(); ++it) {
        ++n;
    }
    return n;
}

} // namespace

class TestAutosave : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void liveSessionsAreNotOffered() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        project::AutosaveSlot first(dir);
        project::AutosaveSlot second(dir);
        QVERIFY(first.write(smallProject(1), {}));
        QVERIFY(second.write(smallProject(2), "/x/y.tsproj"));
        QVERIFY(first.file() != second.file());
        QVERIFY(project::findRecoverable(dir).empty());
    }

    void cleanEndLeavesNothing() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        {
            project::AutosaveSlot slot(dir);
            QVERIFY(slot.write(smallProject(1), {}));
            QVERIFY(fs::exists(slot.file()));
        }
        QCOMPARE(filesIn(dir), std::size_t{0});
        project::AutosaveSlot saved(dir);
        QVERIFY(saved.write(smallProject(1), {}));
        saved.discard(); // the user saved
        QCOMPARE(filesIn(dir), std::size_t{0});
    }

    void killedSessionIsRecovered() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kCrashEnv), tmp.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const auto found = project::findRecoverable(dir);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].original, fs::path("/somewhere/labels.tsproj"));
        QVERIFY(!found[0].savedAt.empty());
        auto recovered = project::recoverProject(found[0]);
        QVERIFY2(recovered, recovered ? "" : recovered.message().c_str());
        QCOMPARE(recovered->config.epochs, 4); // the last write
        QCOMPARE(recovered->dataset.dataset.sample(0).label, 1);

        project::discardRecoverable(found[0]);
        QVERIFY(project::findRecoverable(dir).empty());
        QCOMPARE(filesIn(dir), std::size_t{0});
    }

    void damagedAutosaveIsSkipped() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        QFile junk(tmp.filePath(QStringLiteral("x.tsautosave")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"format\": \"tstudio-autosave\", \"project\": ");
        junk.close();
        QVERIFY(project::findRecoverable(dir).empty());
    }
};

int main(int argc, char** argv) {
    if (const char* dir = std::getenv(kCrashEnv)) {
        autosaveThenDie(dir);
    }
    QCoreApplication app(argc, argv);
    TestAutosave test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave.moc"
