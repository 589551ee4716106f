// The Data page against real folders: the demo opens with its counts, a corrupt file is listed
// as a problem (and the report shared with the project), a split is applied to an unsplit folder, a
// missing folder is reported, a cancelled opening opens nothing.

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "core/data/demo_dataset.h"
#include "tests/test_support.h"
#include "ui/data/augmentation_preview.h"
#include "ui/data/data_page.h"
#include "ui/models/class_count_model.h"
#include "ui/project/project_state.h"

using namespace tstudio;
using tstudio::ui::ClassCountModel;
using tstudio::ui::DataPage;
using tstudio::ui::ProjectState;

namespace {

constexpr int kTimeoutMs = 60000;

QPushButton* button(QWidget* page, const QString& text) {
    for (QPushButton* candidate : page->findChildren<QPushButton*>()) {
        if (candidate->text() == text) {
            return candidate;
        }
    }
    return nullptr;
}

qint64 count(const ClassCountModel* model, int row, int column) {
    return model->index(row, column).data(ClassCountModel::CountRole).toLongLong();
}

/** Every file listed under a problem, as "problem kind: file". */
QStringList listedProblems(QWidget* page) {
    QStringList listed;
    auto* tree = page->findChild<QTreeWidget*>(QStringLiteral("problemList"));
    for (int i = 0; tree != nullptr && i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* problem = tree->topLevelItem(i);
        for (int f = 0; f < problem->childCount(); ++f) {
            listed << problem->data(0, Qt::UserRole).toString() + QStringLiteral(": ") +
                          problem->child(f)->text(0);
        }
    }
    return listed;
}

} // namespace

class TestDataPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensTheDemoProject() {
        QTemporaryDir tmp;
        ProjectState project;
        DataPage page(&project);
        QSignalSpy opened(&page, &DataPage::datasetOpened);
        QSignalSpy reported(&page, &DataPage::reportReady);
        QSignalSpy previewed(page.preview(), &ui::AugmentationPreview::previewReady);
        page.createDemoProject(tmp.filePath(QStringLiteral("demo")));
        QVERIFY(page.isBusy());
        QVERIFY(opened.wait(kTimeoutMs));
        QVERIFY(!page.isBusy());

        QCOMPARE(project.dataset().size(), std::size_t{4 * (40 + 12)});
        const ClassCountModel* counts = page.classCounts();
        QCOMPARE(counts->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(count(counts, row, ClassCountModel::Train), 40);
            QCOMPARE(count(counts, row, ClassCountModel::Val), 12);
        }
        // The demo comes split: the page uses its split and does not offer another.
        QVERIFY(!button(&page, QStringLiteral("Apply split"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!reported.isEmpty(), kTimeoutMs);
        QCOMPARE(page.report().sampleCount, 208);
        for (const QString& problem : listedProblems(&page)) {
            QVERIFY2(!problem.startsWith(QStringLiteral("not-an-image")), qPrintable(problem));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), kTimeoutMs);
        QCOMPARE(page.preview()->images().size(), page.preview()->count());
    }

    void listsACorruptFile() {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("shapes"));
        data::DemoDatasetOptions options;
        options.trainPerClass = 4;
        options.valPerClass = 2;
        QVERIFY(data::generateDemoDataset(root.toStdString(), options).ok());
        QFile broken(root + QStringLiteral("/train/circle/broken.jpg"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("this is no JPEG at all");
        broken.close();

        ProjectState project;
        DataPage page(&project);
        QSignalSpy reported(&page, &DataPage::reportReady);
        page.openPath(root);
        QVERIFY(reported.wait(kTimeoutMs));
        QVERIFY(reported.at(0).at(0).toInt() >= 1);
        const QStringList listed = listedProblems(&page);
        bool found = false;
        for (const QString& problem : listed) {
            found = found || (problem.startsWith(QStringLiteral("not-an-image")) &&
                              problem.endsWith(QStringLiteral("broken.jpg")));
        }
        QVERIFY2(found, qPrintable(listed.join(QLatin1Char('\n'))));

        // The project shares the report, for the Label step's problem filter; a new dataset
        // drops it until its own check is in.
        QCOMPARE(project.report().problems.size(), page.report().problems.size());
        QCOMPARE(project.report().sampleCount, page.report().sampleCount);
        QSignalSpy shared(&project, &ProjectState::reportChanged);
        project.setDataset(project.dataset());
        QVERIFY(project.report().problems.empty());
        QCOMPARE(shared.count(), 0); // part of datasetChanged
        // A dataset that comes any other way (a project file, a split) is checked too.
        QVERIFY(reported.wait(kTimeoutMs));
        QVERIFY(!project.report().problems.empty());
        QCOMPARE(project.report().problems.size(), page.report().problems.size());
    }

    void appliesASplitToAnUnsplitFolder() {
        QTemporaryDir tmp;
        for (const QString& name : {QStringLiteral("cat"), QStringLiteral("dog")}) {
            QVERIFY(QDir(tmp.path()).mkpath(name));
            for (int i = 0; i < 10; ++i) {
                QImage image(40, 40, QImage::Format_RGB888);
                image.fill(QColor::fromHsv(i * 30, 200, 200));
                QVERIFY(image.save(tmp.filePath(QStringLiteral("%1/%2.png").arg(name).arg(i))));
            }
        }
        ProjectState project;
        DataPage page(&project);
        QSignalSpy opened(&page, &DataPage::datasetOpened);
        page.openPath(tmp.path());
        QVERIFY(opened.wait(kTimeoutMs));
        QVERIFY(!project.dataset().hasSplit());
        QCOMPARE(count(page.classCounts(), 0, ClassCountModel::NoSplit), 10);

        QPushButton* apply = button(&page, QStringLiteral("Apply split"));
        QVERIFY(apply != nullptr);
        QVERIFY(apply->isEnabled());
        QSignalSpy changed(&project, &ProjectState::datasetChanged);
        QSignalSpy reported(&page, &DataPage::reportReady);
        apply->click();
        QCOMPARE(changed.count(), 1);
        QVERIFY(project.dataset().hasSplit());
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::Train), 8);
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::Val), 2);
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::NoSplit), 0);
        }
        QCOMPARE(project.config().split.val, 0.2);
        // The files are checked again: duplicates across splits depend on the split.
        QTRY_VERIFY_WITH_TIMEOUT(!reported.isEmpty(), kTimeoutMs);
        QCOMPARE(page.report().perSplit[static_cast<int>(data::Split::Train)], 16);
    }

    void resplitsAFolderWhoseSplitHasNoTrainingImages() {
        // MNIST's t10k files alone: test/ only, which cannot be trained on as it is.
        QTemporaryDir tmp;
        for (const QString& name : {QStringLiteral("cat"), QStringLiteral("dog")}) {
            QVERIFY(QDir(tmp.path()).mkpath(QStringLiteral("test/") + name));
            for (int i = 0; i < 10; ++i) {
                QImage image(40, 40, QImage::Format_RGB888);
                image.fill(QColor::fromHsv(i * 30, 200, name.size() * 40));
                QVERIFY(
                    image.save(tmp.filePath(QStringLiteral("test/%1/%2.png").arg(name).arg(i))));
            }
        }
        ProjectState project;
        DataPage page(&project);
        QSignalSpy opened(&page, &DataPage::datasetOpened);
        page.openPath(tmp.path());
        QVERIFY(opened.wait(kTimeoutMs));
        QCOMPARE(count(page.classCounts(), 0, ClassCountModel::Test), 10);

        QPushButton* apply = button(&page, QStringLiteral("Apply split"));
        QVERIFY(apply != nullptr);
        QVERIFY(apply->isEnabled());
        apply->click();
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::Train), 8);
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::Val), 2);
            QCOMPARE(count(page.classCounts(), row, ClassCountModel::Test), 0);
        }
    }

    void opensMnistIdxFilesWithAPreviewOfARecord() {
        TSTUDIO_REQUIRE_SHARED();
        ProjectState project;
        DataPage page(&project);
        QSignalSpy opened(&page, &DataPage::datasetOpened);
        QSignalSpy reported(&page, &DataPage::reportReady);
        QSignalSpy previewed(page.preview(), &ui::AugmentationPreview::previewReady);
        page.openPath(test::sharedDir() + QStringLiteral("/datasets/mnist"));
        QVERIFY(opened.wait(kTimeoutMs));
        QCOMPARE(project.dataset().kind(), data::DatasetKind::Idx);
        QCOMPARE(page.classCounts()->rowCount(), 10);
        qint64 total = 0;
        for (int row = 0; row < 10; ++row) {
            total += count(page.classCounts(), row, ClassCountModel::Total);
        }
        QCOMPARE(total, static_cast<qint64>(project.dataset().size()));
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), kTimeoutMs);
        QCOMPARE(page.preview()->images().size(), page.preview()->count());
        QTRY_VERIFY_WITH_TIMEOUT(!reported.isEmpty(), kTimeoutMs);
    }

    void reportsAMissingFolder() {
        ProjectState project;
        DataPage page(&project);
        QSignalSpy failed(&page, &DataPage::failed);
        page.openPath(QStringLiteral("/nonexistent/tstudio/dataset"));
        QVERIFY(failed.wait(kTimeoutMs));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/tstudio")));
        QVERIFY(!page.isBusy());
        QCOMPARE(project.dataset().size(), std::size_t{0});
    }

    void cancelEndsTheOpeningWithoutADataset() {
        QTemporaryDir tmp;
        data::DemoDatasetOptions options;
        options.trainPerClass = 2;
        options.valPerClass = 1;
        QVERIFY(data::generateDemoDataset(tmp.path().toStdString(), options).ok());
        ProjectState project;
        DataPage page(&project);
        QSignalSpy status(&page, &DataPage::statusMessage);
        QSignalSpy opened(&page, &DataPage::datasetOpened);
        page.openPath(tmp.path());
        QVERIFY(page.isBusy());
        // Before this thread gets back to its event loop: however far the scan got, nothing
        // of it has arrived yet, so it must end cancelled.
        page.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kTimeoutMs);
        QCOMPARE(status.last().first().toString(), QStringLiteral("Opening cancelled"));
        QCOMPARE(opened.count(), 0);
        QCOMPARE(project.dataset().size(), std::size_t{0});
    }

    void augmentationEditsReachTheProject() {
        ProjectState project;
        DataPage page(&project);
        QSignalSpy configChanged(&project, &ProjectState::configChanged);
        auto* box = page.findChild<QCheckBox*>();
        QVERIFY(box != nullptr);
        // Off at first: a project starts from the feature-mode recipe (frozen features cached).
        QVERIFY(!project.config().augment);
        QVERIFY(!box->isChecked());
        box->click();
        QVERIFY(!configChanged.isEmpty());
        QVERIFY(project.config().augment);
    }
};

QTEST_MAIN(TestDataPage)
#include "tst_data_page.moc"
