// A cache folder bounded by size: nothing happens under the limit; over it, the least recently
// used files go first, down to the target; subfolders and a missing folder are left alone.

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <fstream>
#include <string>

#include "core/common/folder_trim.h"

namespace fs = std::filesystem;

namespace {

/** A file of bytes bytes, last used minutesAgo minutes ago. */
void writeFile(const fs::path& path, std::size_t bytes, int minutesAgo) {
    std::ofstream(path, std::ios::binary) << std::string(bytes, 'x');
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutesAgo));
}

} // namespace

class TestFolderTrim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void underTheLimitKeepsEverything() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        writeFile(dir / "a", 100, 3);
        writeFile(dir / "b", 100, 2);
        const tstudio::FolderTrim trim = tstudio::trimFolder(dir, 200, 100);
        QCOMPARE(trim.bytesBefore, std::uint64_t{200});
        QCOMPARE(trim.bytesAfter, std::uint64_t{200});
        QCOMPARE(trim.removed, std::size_t{0});
        QVERIFY(fs::exists(dir / "a") && fs::exists(dir / "b"));
    }

    void overTheLimitRemovesTheLeastRecentlyUsedDownToTheTarget() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        // Names in another order than use, so neither name nor creation order can pass.
        writeFile(dir / "c-oldest", 100, 50);
        writeFile(dir / "a-newest", 100, 1);
        writeFile(dir / "d-old", 100, 40);
        writeFile(dir / "b-middle", 100, 20);
        writeFile(dir / "e-new", 100, 5);
        fs::create_directory(dir / "sub");
        writeFile(dir / "sub" / "ignored", 1000, 60);

        const tstudio::FolderTrim trim = tstudio::trimFolder(dir, 400, 250);
        QCOMPARE(trim.bytesBefore, std::uint64_t{500});
        QCOMPARE(trim.bytesAfter, std::uint64_t{200});
        QCOMPARE(trim.removed, std::size_t{3});
        QVERIFY(!fs::exists(dir / "c-oldest"));
        QVERIFY(!fs::exists(dir / "d-old"));
        QVERIFY(!fs::exists(dir / "b-middle"));
        QVERIFY(fs::exists(dir / "e-new"));
        QVERIFY(fs::exists(dir / "a-newest"));
        QVERIFY(fs::exists(dir / "sub" / "ignored"));

        // Using a file (touching it) keeps it over a newer one.
        fs::last_write_time(dir / "e-new", fs::file_time_type::clock::now());
        const tstudio::FolderTrim again = tstudio::trimFolder(dir, 150, 100);
        QCOMPARE(again.removed, std::size_t{1});
        QVERIFY(fs::exists(dir / "e-new"));
        QVERIFY(!fs::exists(dir / "a-newest"));
    }

    void aMissingFolderIsEmpty() {
        QTemporaryDir tmp;
        const tstudio::FolderTrim trim =
            tstudio::trimFolder(fs::path(tmp.path().toStdString()) / "none", 0, 0);
        QCOMPARE(trim.bytesBefore, std::uint64_t{0});
        QCOMPARE(trim.removed, std::size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestFolderTrim)
#include "tst_folder_trim.moc"
