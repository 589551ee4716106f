// The dataset report: counts, sizes and every kind of problem, on files made here.

#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_inspector.h"
#include "core/data/dataset_opener.h"
#include "core/data/dataset_report_json.h"
#include "core/data/sample_problems.h"
#include "dataset_fixtures.h"
#include "tests/test_support.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

const DatasetProblem* findProblem(const DatasetReport& report, ProblemKind kind) {
    for (const auto& problem : report.problems) {
        if (problem.kind == kind) {
            return &problem;
        }
    }
    return nullptr;
}

std::vector<std::string> itemsOf(const DatasetReport& report, ProblemKind kind) {
    std::vector<std::string> items;
    for (const auto& problem : report.problems) {
        if (problem.kind == kind) {
            items.insert(items.end(), problem.items.begin(), problem.items.end());
        }
    }
    std::sort(items.begin(), items.end());
    return items;
}

DatasetReport inspect(const fs::path& root, InspectOptions options = {}) {
    auto dataset = openDataset(root);
    if (!dataset) {
        qFatal("%s", dataset.message().c_str());
    }
    auto report = inspectDataset(*dataset, options);
    if (!report) {
        qFatal("%s", report.message().c_str());
    }
    return std::move(report).value();
}

} // namespace

class TestDatasetInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsEveryKindOfProblem() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        for (int i = 0; i < 8; ++i) {
            test::writeBytes(root / "train/big" / (std::to_string(i) + ".png"),
                             test::pngBytes(40, 30, i));
        }
        test::writeBytes(root / "train/small/a.jpg", test::jpegBytes(40, 40, 100));
        test::writeBytes(root / "val/small/b.jpg", test::jpegBytes(40, 40, 100)); // same bytes
        test::writeBytes(root / "val/big/copy.png", test::pngBytes(40, 30, 3));   // as train/big/3
        test::writeBytes(root / "val/big/tiny.png", test::pngBytes(10, 12, 50));
        auto jpeg = test::jpegBytes(40, 40, 7);
        jpeg.resize(jpeg.size() / 2);
        test::writeBytes(root / "val/big/cut.jpg", jpeg);
        test::writeText(root / "val/big/empty.jpg", "");
        test::writeText(root / "val/big/text.jpg", "this is a text file, not a picture");
        auto png = test::pngBytes(40, 30, 8);
        std::fill(png.begin() + 60, png.end() - 20, 0x5a); // IHDR intact, pixel data garbage
        test::writeBytes(root / "val/big/garbage.png", png);
        test::writeBytes(root / "val/lonely/x.bmp", test::pngBytes(40, 30, 9)); // PNG named .bmp

        InspectOptions options;
        options.inputSize = 20;
        const DatasetReport report = inspect(root, options);
        QCOMPARE(report.sampleCount, std::int64_t{17});
        QCOMPARE(report.classes.size(), std::size_t{3});
        QCOMPARE(report.classes[0].name, std::string("big"));
        QCOMPARE(report.classes[0].perSplit[int(Split::Train)], std::int64_t{8});
        QCOMPARE(report.classes[0].perSplit[int(Split::Val)], std::int64_t{6});

        const auto p = [&](const std::string& rel) {
            return (root / rel).string();
        };
        QCOMPARE(itemsOf(report, ProblemKind::ZeroByte),
                 std::vector<std::string>{p("val/big/empty.jpg")});
        QCOMPARE(itemsOf(report, ProblemKind::NotAnImage),
                 std::vector<std::string>{p("val/big/text.jpg")});
        QCOMPARE(itemsOf(report, ProblemKind::Truncated),
                 std::vector<std::string>{p("val/big/cut.jpg")});
        QCOMPARE(itemsOf(report, ProblemKind::Unreadable),
                 std::vector<std::string>{p("val/big/garbage.png")});
        QCOMPARE(report.unusableFiles().size(), std::size_t{4});
        QCOMPARE(itemsOf(report, ProblemKind::WrongExtension),
                 std::vector<std::string>{p("val/lonely/x.bmp")});
        QCOMPARE(itemsOf(report, ProblemKind::DuplicateAcrossSplits),
                 (std::vector<std::string>{p("train/big/3.png"), p("train/small/a.jpg"),
                                           p("val/big/copy.png"), p("val/small/b.jpg")}));
        QVERIFY(!findProblem(report, ProblemKind::Duplicate));
        QCOMPARE(itemsOf(report, ProblemKind::TooSmall),
                 std::vector<std::string>{p("val/big/tiny.png")});
        QCOMPARE(itemsOf(report, ProblemKind::TooFewImages), std::vector<std::string>{"lonely"});
        // 14 "big" against 1 "lonely".
        QCOMPARE(itemsOf(report, ProblemKind::Imbalance),
                 (std::vector<std::string>{"big", "lonely"}));
        QCOMPARE(report.sizes.minWidth, 10);
        QCOMPARE(report.sizes.maxWidth, 40);
        QCOMPARE(report.sizes.smallest, p("val/big/tiny.png"));
        QCOMPARE(report.formats.at("PNG"), std::int64_t{11}); // x.bmp is a PNG
        QCOMPARE(report.formats.at("JPEG"), std::int64_t{2});

        const QString json = QString::fromStdString(reportToJson(report));
        QVERIFY(json.contains(QStringLiteral("\"kind\":\"duplicate-across-splits\"")));
        QVERIFY(json.contains(QStringLiteral("\"unusable\":4")));
    }

    void problemsFindTheirSamples() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "a/good.png", test::pngBytes(40, 30, 1));
        test::writeBytes(root / "a/copy.png", test::pngBytes(40, 30, 1));
        test::writeText(root / "a/text.jpg", "not a picture");
        test::writeBytes(root / "b/only.png", test::pngBytes(40, 30, 2));
        auto dataset = openDataset(root);
        QVERIFY(dataset.ok());
        InspectOptions options;
        options.inputSize = 20;
        const auto report = inspectDataset(*dataset, options);
        QVERIFY(report.ok());
        QVERIFY(findProblem(*report, ProblemKind::TooFewImages)); // class "b": not a file's

        const auto perSample = problemsPerSample(*report, *dataset);
        QCOMPARE(perSample.size(), dataset->size());
        const auto kindsOf = [&](const std::string& rel) {
            std::vector<ProblemKind> kinds;
            for (std::size_t i = 0; i < dataset->size(); ++i) {
                if (dataset->sample(i).path == root / rel) {
                    for (const std::size_t p : perSample[i]) {
                        kinds.push_back(report->problems[p].kind);
                    }
                }
            }
            return kinds;
        };
        QCOMPARE(kindsOf("a/good.png"), std::vector<ProblemKind>{ProblemKind::Duplicate});
        QCOMPARE(kindsOf("a/copy.png"), std::vector<ProblemKind>{ProblemKind::Duplicate});
        QCOMPARE(kindsOf("a/text.jpg"), std::vector<ProblemKind>{ProblemKind::NotAnImage});
        QVERIFY(kindsOf("b/only.png").empty());
        QCOMPARE(reportItemName(dataset->sample(0)), dataset->sample(0).path.string());
        Sample record = dataset->sample(0);
        record.record = 7;
        QCOMPARE(reportItemName(record), dataset->sample(0).path.string() + "#7");

        // A report of another dataset matches by name: a sample it never saw has no problems.
        Dataset other(DatasetKind::Custom, root);
        Sample stranger;
        stranger.path = root / "elsewhere.png";
        other.addSample(stranger);
        for (std::size_t i = 0; i < dataset->size(); ++i) {
            if (dataset->sample(i).path == root / "a/text.jpg") {
                other.addSample(dataset->sample(i));
            }
        }
        QCOMPARE(other.size(), std::size_t{2});
        const auto otherProblems = problemsPerSample(*report, other);
        QVERIFY(otherProblems[0].empty());
        QCOMPARE(otherProblems[1].size(), std::size_t{1});
    }

    void quickModeMissesOnlyWhatNeedsADecode() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "a/1.png", test::pngBytes(40, 30, 1));
        auto png = test::pngBytes(40, 30, 8);
        std::fill(png.begin() + 60, png.end() - 20, 0x5a);
        test::writeBytes(root / "a/garbage.png", png);
        test::writeText(root / "a/empty.png", "");
        InspectOptions options;
        options.decode = false;
        const DatasetReport report = inspect(root, options);
        QCOMPARE(report.unusableFiles(), std::vector<std::string>{(root / "a/empty.png").string()});
    }

    void duplicatesWithinASplitAndBalancedClasses() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "a/1.png", test::pngBytes(30, 30, 1));
        test::writeBytes(root / "a/2.png", test::pngBytes(30, 30, 1));
        test::writeBytes(root / "b/3.png", test::pngBytes(30, 30, 2));
        test::writeBytes(root / "b/4.png", test::pngBytes(30, 30, 3));
        const DatasetReport report = inspect(root);
        QCOMPARE(
            itemsOf(report, ProblemKind::Duplicate),
            (std::vector<std::string>{(root / "a/1.png").string(), (root / "a/2.png").string()}));
        QVERIFY(!findProblem(report, ProblemKind::Imbalance));
        QVERIFY(!findProblem(report, ProblemKind::TooFewImages));
        QCOMPARE(itemsOf(report, ProblemKind::TooSmall).size(), std::size_t{4}); // 30 < 224
    }

    void inMemorySamplesAreCheckedByPixels() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        test::writeBytes(dir / "t10k-images-idx3-ubyte", test::idxImages(300, 2, 2));
        test::writeBytes(dir / "t10k-labels-idx1-ubyte", test::idxLabels(300));
        const DatasetReport report = inspect(dir);
        QCOMPARE(report.sampleCount, std::int64_t{300});
        QVERIFY(report.unusableFiles().empty());
        // Pixels (i + p) % 256 repeat every 256 images: images 0..43 have a twin in 256..299.
        std::size_t groups = 0;
        for (const auto& problem : report.problems) {
            groups += problem.kind == ProblemKind::Duplicate ? 1 : 0;
        }
        QCOMPARE(groups, std::size_t{44});
        QCOMPARE(report.formats.at("in memory"), std::int64_t{300});
    }

    void cancels() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "a/1.png", test::pngBytes(30, 30, 1));
        auto dataset = openDataset(root);
        QVERIFY(dataset.ok());
        std::atomic_bool stop{true};
        ScanControl control;
        control.cancel = &stop;
        auto report = inspectDataset(*dataset, {}, control);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string(kCancelledMessage));
    }

    void sharedHymenopteraReadsEveryFile() {
        TSTUDIO_REQUIRE_SHARED();
        const DatasetReport report =
            inspect(fs::path(test::sharedDir().toStdString()) / "datasets/hymenoptera");
        QCOMPARE(report.sampleCount, std::int64_t{398});
        QCOMPARE(report.perSplit[int(Split::Train)], std::int64_t{245});
        QCOMPARE(report.perSplit[int(Split::Val)], std::int64_t{153});
        QVERIFY(report.unusableFiles().empty());
        // train/ants/imageNotFound.gif is a real GIF with a .gif name: read, not a problem.
        QVERIFY(itemsOf(report, ProblemKind::WrongExtension).empty());
        QCOMPARE(report.sizes.maxWidth, 2592);
        QCOMPARE(report.sizes.maxHeight, 1984);
        QCOMPARE(report.formats.at("GIF"), std::int64_t{1});
        QCOMPARE(report.formats.at("JPEG"), std::int64_t{397});
    }

    void sharedHymenopteraCorruptedCopyListsExactlyThoseFiles() {
        TSTUDIO_REQUIRE_SHARED();
        const fs::path source = fs::path(test::sharedDir().toStdString()) / "datasets/hymenoptera";
        QTemporaryDir tmp;
        const fs::path root = fs::path(tmp.path().toStdString()) / "hymenoptera";
        fs::copy(source, root, fs::copy_options::recursive);
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
        }
        fs::permissions(root, fs::perms::owner_write, fs::perm_options::add);
        auto dataset = openDataset(root);
        QVERIFY(dataset.ok());
        std::vector<fs::path> jpegs;
        for (const auto& s : dataset->samples()) {
            if (s.path.extension() == ".jpg") {
                jpegs.push_back(s.path);
            }
        }
        // Four different damages, spread over both splits and classes.
        const fs::path cut = jpegs[3];
        const fs::path empty = jpegs[150];
        const fs::path text = jpegs[260];
        const fs::path header = jpegs[390];
        fs::resize_file(cut, fs::file_size(cut) * 2 / 3);
        fs::resize_file(empty, 0);
        test::writeText(text, "<html>404 Not Found</html>");
        {
            std::vector<std::uint8_t> bytes{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
            test::writeBytes(header, bytes);
        }
        const DatasetReport report = inspect(root);
        auto unusable = report.unusableFiles();
        std::sort(unusable.begin(), unusable.end());
        std::vector<std::string> expected{cut.string(), empty.string(), text.string(),
                                          header.string()};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(unusable, expected);
        QCOMPARE(report.sampleCount, std::int64_t{398});
    }

    void sharedMnist() {
        TSTUDIO_REQUIRE_SHARED();
        const DatasetReport report =
            inspect(fs::path(test::sharedDir().toStdString()) / "datasets/mnist");
        QCOMPARE(report.sampleCount, std::int64_t{10000});
        QCOMPARE(report.perSplit[int(Split::Test)], std::int64_t{10000});
        QCOMPARE(report.classes[1].total, std::int64_t{1135});
        QCOMPARE(report.sizes.maxWidth, 28);
    }
};

QTEST_GUILESS_MAIN(TestDatasetInspector)
#include "tst_dataset_inspector.moc"
