// File > Export Labelled Dataset: folder and CSV exports run off the GUI thread and report how
// they ended; a refused target says why.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include "core/data/csv_source.h"
#include "core/data/dataset_opener.h"
#include "tests/core/data/dataset_fixtures.h"
#include "ui/project/dataset_export_actions.h"
#include "ui/project/project_state.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

void fill(ui::ProjectState& state, const fs::path& root) {
    for (const char* name : {"a.png", "b.png", "c.png"}) {
        test::writeBytes(root / name, test::pngBytes(8, 8, name[0]));
    }
    data::Dataset dataset = std::move(data::openDataset(root, {}, true)).value();
    dataset.addClass("ant");
    dataset.addClass("bee");
    dataset.relabel(0, 0);
    dataset.relabel(1, 1);
    state.setDataset(dataset);
}

} // namespace

class TestDatasetExportActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportsFoldersAndCsv() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        QWidget window;
        ui::ProjectState state;
        fill(state, root / "photos");
        ui::DatasetExportActions actions(&state, &window);
        QSignalSpy finished(&actions, &ui::DatasetExportActions::finished);

        actions.exportFolder(tmp.filePath(QStringLiteral("tree")), false);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(fs::exists(root / "tree/ant/a.png"));
        QVERIFY(fs::exists(root / "tree/bee/b.png"));
        QVERIFY(!fs::exists(root / "tree/ant/c.png")); // unlabeled: left out

        actions.exportCsv(tmp.filePath(QStringLiteral("labels.csv")));
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.at(1).at(0).toBool());
        QCOMPARE(data::readCsvDataset(root / "labels.csv")->size(), std::size_t{2});

        actions.exportFolder(tmp.filePath(QStringLiteral("tree")), false); // not empty now
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.at(2).at(0).toBool());
        QVERIFY(finished.at(2).at(1).toString().contains(QStringLiteral("not empty")));
    }
};

QTEST_MAIN(TestDatasetExportActions)
#include "tst_dataset_export_actions.moc"
