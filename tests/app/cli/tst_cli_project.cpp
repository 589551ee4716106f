// `--data project.tsproj`: a dataset labelled in the window trains, evaluates and is inspected
// from the command line, on exactly the project's labels (unlabeled and excluded images left
// out, missing ones named).

#include <filesystem>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_opener.h"
#include "core/project/project_file.h"
#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

QString str(const fs::path& path) {
    return QString::fromStdString(path.string());
}

/**
 * 24 loose images: i % 4 == 0 unlabeled, i == 1 excluded, the rest labelled by i % 2 ("dark",
 * "light"); train/val by i % 3 != 0. Usable: train 11, val 6 (listed in the test).
 */
project::Project makeProject(const fs::path& folder) {
    for (int i = 0; i < 24; ++i) {
        test::writeBytes(folder / ("img" + std::to_string(100 + i) + ".png"),
                         test::pngBytes(24, 24, i % 2 == 0 ? 20 + i : 200 + i));
    }
    project::Project p;
    p.dataset.dataset = std::move(data::openDataset(folder, {}, true)).value();
    data::Dataset& d = p.dataset.dataset;
    d.addClass("dark");
    d.addClass("light");
    for (std::size_t i = 0; i < d.size(); ++i) {
        d.relabel(i, i % 4 == 0 ? data::kUnlabeled : static_cast<int>(i % 2));
        d.setSplit(i, i % 3 != 0 ? data::Split::Train : data::Split::Val);
    }
    d.setExcluded(1, true);
    return p;
}

} // namespace

class TestCliProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainsOnExactlyTheProjectsLabels() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project p = makeProject(root / "photos");
        const data::Dataset& d = p.dataset.dataset;
        const auto total = [](const std::vector<std::size_t>& v) {
            std::size_t n = 0;
            for (std::size_t x : v) {
                n += x;
            }
            return n;
        };
        const std::size_t train = total(d.countPerClass(data::Split::Train));
        const std::size_t val = total(d.countPerClass(data::Split::Val));
        QCOMPARE(train, std::size_t{11});
        QCOMPARE(val, std::size_t{6});
        const fs::path file = root / "labels.tsproj";
        QVERIFY(project::saveProject(p, file));

        const test::CliRun run = test::runCli(
            {QStringLiteral("train"), QStringLiteral("--data"), str(file), QStringLiteral("--out"),
             str(root / "run"), QStringLiteral("--epochs"), QStringLiteral("1"),
             QStringLiteral("--arch"), QStringLiteral("mobilenet_v3_small"),
             QStringLiteral("--weights"), QStringLiteral("none"), QStringLiteral("--size"),
             QStringLiteral("32"), QStringLiteral("--batch"), QStringLiteral("4"),
             QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString log = QString::fromUtf8(run.err);
        const QString counts =
            QStringLiteral("2 classes; %1 training, %2 validation, 0 test images")
                .arg(train)
                .arg(val);
        QVERIFY2(log.contains(counts), run.err.constData());

        // evaluate reads the project too: the validation split's usable images.
        const test::CliRun evaluated = test::runCli(
            {QStringLiteral("evaluate"), QStringLiteral("--model"), str(root / "run/model.tsmodel"),
             QStringLiteral("--data"), str(file), QStringLiteral("--split"), QStringLiteral("val"),
             QStringLiteral("--json")});
        QVERIFY2(evaluated.exitCode == 0, evaluated.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(evaluated.out).object();
        QCOMPARE(result[QStringLiteral("count")].toInteger(), static_cast<qint64>(val));
    }

    void inspectNamesMissingImagesAndKeepsGoing() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project p = makeProject(root / "photos");
        const fs::path file = root / "labels.tsproj";
        QVERIFY(project::saveProject(p, file));
        const fs::path gone = p.dataset.dataset.sample(5).path;
        QVERIFY(fs::remove(gone));
        const test::CliRun run = test::runCli({QStringLiteral("data"), QStringLiteral("inspect"),
                                               QStringLiteral("--quick"), str(file)});
        // The report is made, and the missing file is one of the problems it lists (exit code 1:
        // some inputs failed), not a failure to read the project.
        QVERIFY2(run.exitCode == 1, run.err.constData());
        QVERIFY(run.out.contains(gone.filename().string().c_str()));
        const QByteArray expected =
            QByteArray("missing image (left out, label kept): ") + gone.string().c_str();
        QVERIFY2(run.err.contains(expected), run.err.constData());
    }

    void damagedProjectFailsWithItsName() {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "broken.tsproj";
        test::writeText(file, "{\"format\": \"tstudio-project\", \"version\": 1, \"data");
        const test::CliRun run =
            test::runCli({QStringLiteral("train"), QStringLiteral("--data"), str(file),
                          QStringLiteral("--out"), tmp.filePath(QStringLiteral("run")),
                          QStringLiteral("--arch"), QStringLiteral("mobilenet_v3_small")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("broken.tsproj") && run.err.contains("not valid JSON"),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
