#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <sstream>

#include "core/inference/feature_csv.h"
#include "core/inference/image_paths.h"
#include "core/inference/imagenet_classes.h"
#include "core/inference/npy_writer.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

void touch(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

} // namespace

class TestFeatureWriters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void npyHeaderAndData() {
        const std::vector<float> values{1.0f, -2.5f, 3.25f, 0.0f, 1e-8f, 65504.0f};
        QTemporaryDir dir;
        const fs::path path = dir.filePath(QStringLiteral("features.npy")).toStdString();
        QVERIFY(inference::writeNpy(path, values, 2, 3).ok());
        const std::string bytes = readAll(path);

        QCOMPARE(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
        const auto headerLength = static_cast<std::size_t>(
            static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8));
        const std::size_t dataStart = 10 + headerLength;
        QCOMPARE(dataStart % 64, std::size_t{0}); // numpy aligns the data to 64 bytes
        const std::string header = bytes.substr(10, headerLength);
        QCOMPARE(header.back(), '\n');
        QVERIFY(header.starts_with("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"));
        QCOMPARE(bytes.size(), dataStart + values.size() * sizeof(float));
        std::vector<float> back(values.size());
        std::memcpy(back.data(), bytes.data() + dataStart, back.size() * sizeof(float));
        QCOMPARE(back, values);
    }

    void npyEmptyAndWideShapes() {
        const std::string empty = inference::npyBytes({}, 0, 1280);
        QVERIFY(empty.find("'shape': (0, 1280), }") != std::string::npos);
        QCOMPARE(empty.size() % 64, std::size_t{0});
    }

    void npyReportsUnwritablePath() {
        const auto status = inference::writeNpy("/nonexistent-dir/f.npy", {}, 0, 0);
        QVERIFY(!status.ok());
        QVERIFY(status.message().find("/nonexistent-dir/f.npy") != std::string::npos);
    }

    void csvRowsAndQuoting() {
        const std::string csv = inference::featureCsv(
            {"data/val/ants/a.jpg", "data/val/bees/b,c.jpg", "say \"cheese\".png", "x/y\"/z.jpg"});
        QCOMPARE(csv, std::string("index,path,class\n"
                                  "0,data/val/ants/a.jpg,ants\n"
                                  "1,\"data/val/bees/b,c.jpg\",bees\n"
                                  "2,\"say \"\"cheese\"\".png\",\n"
                                  "3,\"x/y\"\"/z.jpg\",\"y\"\"\"\n"));
    }

    void expandsFoldersSortedImagesOnly() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const std::string png("\x89PNG\r\n\x1A\n....", 12);
        touch(root / "set/bees/b2.jpg", "\xFF\xD8\xFF....");
        touch(root / "set/ants/a1.jpg", "\xFF\xD8\xFF....");
        touch(root / "set/ants/noext", png);                // sniffed as PNG
        touch(root / "set/ants/notes.txt", "not an image"); // skipped
        touch(root / "set/ants/broken.jpg", "text");        // kept: the decoder will report it
        touch(root / "set/.cache/hidden.jpg", "\xFF\xD8\xFF....");
        touch(root / "single.txt", "given explicitly: kept as is");

        const auto inputs =
            inference::expandImagePaths({root / "set", root / "single.txt", root / "missing.jpg"});
        const std::vector<fs::path> expected{root / "set/ants/a1.jpg", root / "set/ants/broken.jpg",
                                             root / "set/ants/noext", root / "set/bees/b2.jpg",
                                             root / "single.txt"};
        QCOMPARE(inputs.files, expected);
        QCOMPARE(inputs.problems.size(), std::size_t{1});
        QVERIFY(inputs.problems[0].message.find("missing.jpg: no such file") != std::string::npos);
    }

    void imagenetNames() {
        const auto& names = inference::imagenetClassNames();
        QCOMPARE(names.size(), std::size_t{1000});
        QCOMPARE(names.front(), std::string("tench"));
        QCOMPARE(names[309], std::string("bee"));
        QCOMPARE(names[310], std::string("ant"));
        QCOMPARE(names[607], std::string("jack-o'-lantern"));
        QCOMPARE(names.back(), std::string("toilet tissue"));
    }
};

QTEST_GUILESS_MAIN(TestFeatureWriters)
#include "tst_feature_writers.moc"
