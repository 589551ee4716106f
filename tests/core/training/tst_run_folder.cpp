// What counts as a run folder, and that deleting one removes it and nothing else.

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

#include "core/training/run_folder.h"
#include "core/training/trainer.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file) {
    std::ofstream(file) << "x";
}

/** A folder as train() leaves it: bundle, checkpoint, log and split. */
fs::path runFolder(const fs::path& parent, const char* name) {
    const fs::path folder = parent / name;
    fs::create_directories(folder);
    touch(training::bundleFile(folder));
    touch(training::checkpointFile(folder));
    touch(folder / "run.log");
    touch(folder / "split.json");
    return folder;
}

} // namespace

class TestRunFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsWhatTrainWritesAndDeletesIt() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path folder = runFolder(root, "mobilenet_v2-20261201-101500");
        touch(root / "neighbour.txt"); // beside the run folder: must survive
        // A crash during an atomic write leaves the temporary beside its target.
        touch(folder / "checkpoint.pt.Ab12Cd");
        const Status check = training::checkRunFolder(folder);
        QVERIFY2(check.ok(), check.ok() ? "" : check.message().c_str());
        const auto removed = training::removeRunFolder(folder);
        QVERIFY2(removed.ok(), removed.ok() ? "" : removed.message().c_str());
        QCOMPARE(*removed, training::RunFolderRemoval::Removed);
        QVERIFY(!fs::exists(folder));
        QVERIFY(fs::exists(root / "neighbour.txt"));
    }

    void aFolderAlreadyGoneIsNoError() {
        QTemporaryDir tmp;
        const auto removed =
            training::removeRunFolder(fs::path(tmp.path().toStdString()) / "deleted-by-hand");
        QVERIFY(removed.ok());
        QCOMPARE(*removed, training::RunFolderRemoval::AlreadyGone);
    }

    void refusesAFolderWithOtherFilesAndKeepsAll() {
        QTemporaryDir tmp;
        const fs::path folder = runFolder(fs::path(tmp.path().toStdString()), "run");
        touch(folder / "notes.txt");
        const auto removed = training::removeRunFolder(folder);
        QVERIFY(!removed.ok());
        QVERIFY2(removed.message().find("notes.txt") != std::string::npos,
                 removed.message().c_str());
        QVERIFY(fs::exists(folder / "notes.txt"));
        QVERIFY(fs::exists(training::bundleFile(folder)));
    }

    void refusesAFolderWithASubfolderOrALink() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path withFolder = runFolder(root, "a");
        fs::create_directories(withFolder / "images");
        QVERIFY(!training::checkRunFolder(withFolder).ok());
        QVERIFY(training::checkRunFolder(withFolder).message().find("images") != std::string::npos);

        // A link named like a run file is still not a file train() wrote.
        const fs::path withLink = runFolder(root, "b");
        touch(root / "precious.log");
        fs::remove(withLink / "run.log");
        fs::create_symlink(root / "precious.log", withLink / "run.log");
        QVERIFY(!training::removeRunFolder(withLink).ok());
        QVERIFY(fs::exists(root / "precious.log"));
    }

    void refusesAFolderWithoutRunOutput() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path empty = root / "empty";
        fs::create_directories(empty);
        QVERIFY(!training::removeRunFolder(empty).ok());
        QVERIFY(fs::exists(empty));
        const fs::path splitOnly = root / "split-only";
        fs::create_directories(splitOnly);
        touch(splitOnly / "split.json");
        QVERIFY(!training::checkRunFolder(splitOnly).ok());
        touch(root / "file");
        QVERIFY(!training::removeRunFolder(root / "file").ok()); // not a folder
        QVERIFY(fs::exists(root / "file"));
    }

    void namesTheFilesTrainWrites() {
        const auto names = training::runFolderFileNames();
        for (const char* expected : {"model.tsmodel", "checkpoint.pt", "run.log", "split.json"}) {
            QVERIFY2(std::find(names.begin(), names.end(), expected) != names.end(), expected);
        }
    }
};

QTEST_MAIN(TestRunFolder)
#include "tst_run_folder.moc"
