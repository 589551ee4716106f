// The Label step as a person uses it: label by clicking a class, by its hotkey on the grid, by
// dragging thumbnails onto a class; drop files and folders to add them; auto-advance to the
// next unlabeled image; add, rename, merge and delete classes through the page's dialogs; and
// every one of these undone and redone on the document's undo stack.

#include <functional>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QInputDialog>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "core/data/dataset.h"
#include "ui/common/settings_keys.h"
#include "ui/labeling/class_button.h"
#include "ui/labeling/class_panel.h"
#include "ui/labeling/image_filter_model.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/image_preview.h"
#include "ui/labeling/labeling_page.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

using namespace tstudio;
using tstudio::ui::ClassPanel;
using tstudio::ui::LabelingPage;

namespace {

QString writeJpeg(const QDir& dir, const QString& name, int hue) {
    QImage image(48, 36, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(hue % 360, 200, 220));
    const QString path = dir.filePath(name);
    return image.save(path) ? path : QString();
}

/** Runs handler on the next modal dialog (QInputDialog, QMessageBox) once it is shown. */
void onNextModal(std::function<void(QWidget*)> handler) {
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handler] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handler(modal);
        }
    });
    timer->start();
}

void answerText(const QString& text) {
    onNextModal([text](QWidget* modal) {
        auto* dialog = qobject_cast<QInputDialog*>(modal);
        QVERIFY(dialog);
        dialog->setTextValue(text);
        dialog->accept();
    });
}

std::vector<int> labels(const ui::ProjectState& state) {
    std::vector<int> out;
    for (const data::Sample& sample : state.dataset().samples()) {
        out.push_back(sample.label);
    }
    return out;
}

void dropOn(QWidget* target, QMimeData* mime) {
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

} // namespace

class TestLabelingPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_images;
    QTemporaryDir m_cache;
    std::unique_ptr<ui::ProjectState> m_state;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<ui::ThumbnailLoader> m_loader;
    std::unique_ptr<LabelingPage> m_page;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_labeling_page"));
        for (int i = 0; i < 8; ++i) {
            QVERIFY(!writeJpeg(QDir(m_images.path()), QStringLiteral("img%1.jpg").arg(i), i * 40)
                         .isEmpty());
        }
    }

    /** Eight unlabeled images, classes ant and bee, a fresh page on them. */
    void init() {
        QSettings().clear();
        m_page.reset();
        m_state = std::make_unique<ui::ProjectState>();
        m_undo = std::make_unique<QUndoStack>();
        m_loader = std::make_unique<ui::ThumbnailLoader>(64, m_cache.path());
        data::Dataset dataset(data::DatasetKind::Custom, m_images.path().toStdString());
        dataset.addClass("ant");
        dataset.addClass("bee");
        for (int i = 0; i < 8; ++i) {
            data::Sample sample;
            sample.path =
                QDir(m_images.path()).filePath(QStringLiteral("img%1.jpg").arg(i)).toStdString();
            dataset.addSample(sample);
        }
        m_state->setDataset(dataset);
        m_page = std::make_unique<LabelingPage>(m_state.get(), m_undo.get(), m_loader.get());
        m_page->resize(1400, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup() {
        m_page.reset();
        m_loader.reset();
    }

    void opensOnTheFirstUnlabeledImage() {
        QCOMPARE(m_page->currentSample(), 0);
        QCOMPARE(m_page->classPanel()->buttonCount(), 2);
        QVERIFY(m_page->classPanel()->button(0)->text().startsWith(QLatin1Char('1')));
        QVERIFY(m_page->classPanel()->button(1)->text().contains(QStringLiteral("bee")));
        QCOMPARE(m_page->focusProxy(), m_page->grid());  // the keys go to the grid
        QCOMPARE(m_page->focusWidget(), m_page->grid()); // from the moment the page shows
        QTRY_VERIFY_WITH_TIMEOUT(m_page->preview()->factsText().contains(QStringLiteral("48 × 36")),
                                 10000);
        QVERIFY(m_page->preview()->factsText().contains(QStringLiteral("JPEG")));
        QVERIFY(m_page->preview()->factsText().contains(QStringLiteral("Label: none")));
    }

    void labelByClickAdvancesAndUndoes() {
        QVERIFY(m_page->selectSample(2));
        QTest::mouseClick(m_page->classPanel()->button(1), Qt::LeftButton);
        QCOMPARE(m_state->dataset().sample(2).label, 1);
        QCOMPARE(m_page->currentSample(), 3); // the next unlabeled
        QCOMPARE(m_undo->undoText(), QStringLiteral("Label 1 Image as bee"));
        QTRY_VERIFY(m_page->preview()->factsText().contains(QStringLiteral("img3.jpg")));
        m_undo->undo();
        QCOMPARE(m_state->dataset().sample(2).label, data::kUnlabeled);
        m_undo->redo();
        QCOMPARE(m_state->dataset().sample(2).label, 1);
        QVERIFY(m_page->classPanel()->button(1)->text().contains(QStringLiteral("(1)")));
    }

    void labelByHotkeyOnTheGrid() {
        QListView* grid = m_page->grid();
        QVERIFY(m_page->selectSample(0));
        QTest::keyClick(grid, Qt::Key_2);
        QCOMPARE(m_state->dataset().sample(0).label, 1);
        QCOMPARE(m_page->currentSample(), 1);
        QTest::keyClick(grid, Qt::Key_1);
        QCOMPARE(m_state->dataset().sample(1).label, 0);
        QTest::keyClick(grid, Qt::Key_Space); // skip 2
        QCOMPARE(m_page->currentSample(), 3);
        QTest::keyClick(grid, Qt::Key_X);
        QVERIFY(m_state->dataset().sample(3).excluded);
        QCOMPARE(m_page->currentSample(), 4);
        QVERIFY(m_page->selectSample(3));
        QTest::keyClick(grid, Qt::Key_X); // toggles back
        QVERIFY(!m_state->dataset().sample(3).excluded);
        QVERIFY(m_page->selectSample(0));
        QTest::keyClick(grid, Qt::Key_0);
        QCOMPARE(m_state->dataset().sample(0).label, data::kUnlabeled);
        QTest::keyClick(grid, Qt::Key_9); // no ninth class: nothing happens
        QCOMPARE(m_state->dataset().sample(0).label, data::kUnlabeled);
        // The page takes the keys too (focus on a button of the page).
        QVERIFY(m_page->selectSample(5));
        QTest::keyClick(m_page.get(), Qt::Key_2);
        QCOMPARE(m_state->dataset().sample(5).label, 1);
        // Undo walks back through each, in order.
        m_undo->undo();
        QCOMPARE(m_state->dataset().sample(5).label, data::kUnlabeled);
        m_undo->undo();
        QCOMPARE(m_state->dataset().sample(0).label, 1);
        m_undo->undo();
        m_undo->undo();
        QVERIFY(!m_state->dataset().sample(3).excluded);
        m_undo->undo();
        m_undo->undo();
        QCOMPARE(labels(*m_state), std::vector<int>(8, data::kUnlabeled));
        m_undo->redo();
        QCOMPARE(m_state->dataset().sample(0).label, 1);
    }

    void multiSelectionIsOneCommand() {
        QListView* grid = m_page->grid();
        QVERIFY(m_page->selectSample(1));
        QTest::keyClick(grid, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(grid, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(m_page->selectedSamples(), (std::vector<std::size_t>{1, 2, 3}));
        QTest::keyClick(grid, Qt::Key_1);
        QCOMPARE(labels(*m_state), (std::vector<int>{-1, 0, 0, 0, -1, -1, -1, -1}));
        QCOMPARE(m_page->currentSample(), 4);
        QCOMPARE(m_undo->count(), 1);
        m_undo->undo();
        QCOMPARE(labels(*m_state), std::vector<int>(8, data::kUnlabeled));
    }

    void autoAdvanceCanBeTurnedOffAndIsRemembered() {
        QVERIFY(m_page->autoAdvanceBox()->isChecked());
        m_page->autoAdvanceBox()->setChecked(false);
        QVERIFY(m_page->selectSample(4));
        QTest::keyClick(m_page->grid(), Qt::Key_1);
        QCOMPARE(m_state->dataset().sample(4).label, 0);
        QCOMPARE(m_page->currentSample(), 4); // stays
        QTest::keyClick(m_page->grid(), Qt::Key_Space);
        QCOMPARE(m_page->currentSample(), 5);
        QCOMPARE(QSettings().value(ui::settings_keys::labelAutoAdvance()).toBool(), false);
        LabelingPage again(m_state.get(), m_undo.get(), m_loader.get());
        QVERIFY(!again.autoAdvanceBox()->isChecked());
    }

    void advancingInTheUnlabeledView() {
        QComboBox* filter = m_page->filterCombo();
        const int unlabeled = filter->findText(QStringLiteral("Unlabeled"));
        QVERIFY(unlabeled >= 0);
        QVERIFY(filter->findText(QStringLiteral("Class: bee")) >= 0);
        filter->setCurrentIndex(unlabeled);
        QVERIFY(m_page->selectSample(0));
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(m_page->currentSample(), i);
            QTest::keyClick(m_page->grid(), i % 2 == 0 ? Qt::Key_1 : Qt::Key_2);
        }
        QCOMPARE(m_page->filterModel()->rowCount(), 0);
        QCOMPARE(labels(*m_state), (std::vector<int>{0, 1, 0, 1, 0, 1, 0, 1}));
        filter->setCurrentIndex(filter->findText(QStringLiteral("Class: bee")));
        QCOMPARE(m_page->filterModel()->rowCount(), 4);
    }

    void dropFilesAndFoldersOnThePage() {
        QTemporaryDir more;
        const QDir dir(more.path());
        const QString a = writeJpeg(dir, QStringLiteral("new_a.jpg"), 10);
        QVERIFY(dir.mkpath(QStringLiteral("sub/deeper")));
        writeJpeg(QDir(dir.filePath(QStringLiteral("sub"))), QStringLiteral("b.jpg"), 90);
        writeJpeg(QDir(dir.filePath(QStringLiteral("sub/deeper"))), QStringLiteral("c.png"), 190);
        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image");
        text.close();

        QSignalSpy added(m_page.get(), &LabelingPage::imagesAdded);
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(a), QUrl::fromLocalFile(dir.filePath(QStringLiteral("sub"))),
             QUrl::fromLocalFile(text.fileName()),
             QUrl::fromLocalFile(QDir(m_images.path()).filePath(QStringLiteral("img0.jpg")))});
        dropOn(m_page.get(), &mime);
        QVERIFY(added.wait(10000));
        QCOMPARE(added.at(0).at(0).toInt(), 3); // img0 is there already, notes.txt no image
        QCOMPARE(m_state->dataset().size(), std::size_t{11});
        QCOMPARE(m_state->dataset().sample(8).label, data::kUnlabeled);
        QCOMPARE(m_page->gridModel()->rowCount(), 11);
        m_undo->undo();
        QCOMPARE(m_state->dataset().size(), std::size_t{8});

        // Onto a class: labelled with it.
        QMimeData one;
        one.setUrls({QUrl::fromLocalFile(a)});
        dropOn(m_page->classPanel()->button(1), &one);
        QVERIFY(added.wait(10000));
        QCOMPARE(m_state->dataset().size(), std::size_t{9});
        QCOMPARE(m_state->dataset().sample(8).label, 1);
        m_undo->undo();
        QCOMPARE(m_state->dataset().size(), std::size_t{8});
        m_undo->redo();
        QCOMPARE(m_state->dataset().sample(8).label, 1);
    }

    void dragThumbnailsOntoAClass() {
        auto* filter = m_page->filterModel();
        const QModelIndexList dragged{filter->index(2, 0), filter->index(5, 0)};
        std::unique_ptr<QMimeData> mime(filter->mimeData(dragged));
        QVERIFY(mime);
        dropOn(m_page->classPanel()->button(0), mime.get());
        QCOMPARE(labels(*m_state), (std::vector<int>{-1, -1, 0, -1, -1, 0, -1, -1}));
        m_undo->undo();
        QCOMPARE(labels(*m_state), std::vector<int>(8, data::kUnlabeled));
        m_undo->redo();
        QCOMPARE(m_state->dataset().sample(5).label, 0);
        // The grid's own drag on the page is not a drop of new files.
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, mime.get(), Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(m_page.get(), &enter);
        QVERIFY(!enter.isAccepted());
        QCOMPARE(m_state->dataset().size(), std::size_t{8});
    }

    void classEditsThroughTheDialogs() {
        ClassPanel* panel = m_page->classPanel();
        // Add.
        answerText(QStringLiteral("wasp"));
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"ant", "bee", "wasp"}));
        QCOMPARE(panel->buttonCount(), 3);
        QVERIFY(panel->button(2)->text().startsWith(QLatin1Char('3')));
        QVERIFY(m_page->filterCombo()->findText(QStringLiteral("Class: wasp")) >= 0);
        QVERIFY(m_page->selectSample(0));
        QTest::keyClick(m_page->grid(), Qt::Key_3);
        QCOMPARE(m_state->dataset().sample(0).label, 2);
        QVERIFY(m_page->selectSample(1));
        QTest::keyClick(m_page->grid(), Qt::Key_1);

        // Rename, from the button's context menu actions.
        answerText(QStringLiteral("hornet"));
        panel->button(2)->actions().at(0)->trigger();
        QCOMPARE(m_state->dataset().classes().at(2), std::string("hornet"));
        QCOMPARE(m_undo->undoText(), QStringLiteral("Rename Class wasp to hornet"));
        // A name in use is refused with a message.
        bool told = false;
        onNextModal([&told](QWidget* modal) {
            auto* dialog = qobject_cast<QInputDialog*>(modal);
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("bee"));
            onNextModal([&told](QWidget* box) {
                told = qobject_cast<QMessageBox*>(box) != nullptr;
                box->close();
            });
            dialog->accept();
        });
        panel->button(2)->actions().at(0)->trigger();
        QVERIFY(told);
        QCOMPARE(m_state->dataset().classes().at(2), std::string("hornet"));
        QCOMPARE(m_undo->undoText(), QStringLiteral("Rename Class wasp to hornet"));

        // Merge hornet into ant: sample 0 becomes ant.
        answerText(QStringLiteral("ant"));
        panel->button(2)->actions().at(1)->trigger();
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"ant", "bee"}));
        QCOMPARE(m_state->dataset().sample(0).label, 0);
        QCOMPARE(panel->buttonCount(), 2);

        // Delete bee... then ant: their images become unlabeled.
        panel->button(0)->actions().at(2)->trigger();
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"bee"}));
        QCOMPARE(labels(*m_state), std::vector<int>(8, data::kUnlabeled));

        // Undo walks back through delete, merge, rename, the labels and the add.
        m_undo->undo();
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"ant", "bee"}));
        QCOMPARE(m_state->dataset().sample(0).label, 0);
        m_undo->undo();
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"ant", "bee", "hornet"}));
        QCOMPARE(m_state->dataset().sample(0).label, 2);
        m_undo->undo();
        QCOMPARE(m_state->dataset().classes().at(2), std::string("wasp"));
        QCOMPARE(panel->button(2)->text().contains(QStringLiteral("wasp")), true);
        m_undo->undo();
        m_undo->undo();
        m_undo->undo();
        QCOMPARE(m_state->dataset().classes(), (std::vector<std::string>{"ant", "bee"}));
        QCOMPARE(panel->buttonCount(), 2);
        m_undo->redo();
        QCOMPARE(panel->buttonCount(), 3);
    }

    void addAClassFromTheKeyboard() {
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_page->grid()->setFocus();
        answerText(QStringLiteral("wasp"));
        QTest::keyClick(m_page->grid(), Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(m_state->dataset().classes().size(), std::size_t{3});
        QCOMPARE(m_state->dataset().classes().at(2), std::string("wasp"));
    }

    void nothingChangesWhileARunTrains() {
        QSignalSpy said(m_page.get(), &LabelingPage::statusMessage);
        m_state->setTraining(true);
        QVERIFY(!m_page->classPanel()->isEnabled());
        QVERIFY(!m_page->excludeButton()->isEnabled());
        QVERIFY(m_page->selectSample(0));
        QTest::keyClick(m_page->grid(), Qt::Key_1);
        QTest::keyClick(m_page->grid(), Qt::Key_X);
        QCOMPARE(m_state->dataset().sample(0).label, data::kUnlabeled);
        QVERIFY(!m_state->dataset().sample(0).excluded);
        QCOMPARE(m_undo->count(), 0);
        QVERIFY(!said.isEmpty());
        QTest::keyClick(m_page->grid(), Qt::Key_Space); // looking around is fine
        QCOMPARE(m_page->currentSample(), 1);
        m_state->setTraining(false);
        QVERIFY(m_page->classPanel()->isEnabled());
        QTest::keyClick(m_page->grid(), Qt::Key_1);
        QCOMPARE(m_state->dataset().sample(1).label, 0);
    }

    void hotkeysSkipTheExcludeKey() {
        QCOMPARE(ClassPanel::hotkey(0), QLatin1Char('1'));
        QCOMPARE(ClassPanel::hotkey(8), QLatin1Char('9'));
        QCOMPARE(ClassPanel::hotkey(9), QLatin1Char('a'));
        QCOMPARE(ClassPanel::hotkey(9 + 23), QLatin1Char('y')); // x is Exclude
        QCOMPARE(ClassPanel::hotkey(9 + 24), QLatin1Char('z'));
        QVERIFY(ClassPanel::hotkey(9 + 25).isNull());
        for (int i = 0; i < 34; ++i) {
            QCOMPARE(ClassPanel::classOfHotkey(ClassPanel::hotkey(i)), i);
        }
        QCOMPARE(ClassPanel::classOfHotkey(QLatin1Char('x')), -1);
    }

    void filterByProblemAndSeeItInThePreview() {
        // Before a check the filter offers no problems: it could not know of any.
        QCOMPARE(m_page->filterCombo()->findText(QStringLiteral("Images with problems"),
                                                 Qt::MatchStartsWith),
                 -1);
        const std::string bad = m_state->dataset().sample(3).path.string();
        data::DatasetReport report;
        report.sampleCount = 8;
        report.problems.push_back({data::ProblemKind::Truncated,
                                   bad + ": the data stops early (a cut-off copy?)",
                                   {bad}});
        report.problems.push_back({data::ProblemKind::Duplicate,
                                   "2 identical images (keep one)",
                                   {m_state->dataset().sample(5).path.string(),
                                    m_state->dataset().sample(6).path.string()}});
        m_state->setReport(report);
        QComboBox* filter = m_page->filterCombo();
        const int any = filter->findText(QStringLiteral("Images with problems (3)"));
        QVERIFY(any >= 0);
        QVERIFY(filter->findText(QStringLiteral("Problem: duplicate (2)")) > any);
        const int truncated = filter->findText(QStringLiteral("Problem: truncated (1)"));
        QVERIFY(truncated > any);

        filter->setCurrentIndex(any);
        QCOMPARE(m_page->filterModel()->rowCount(), 3);
        filter->setCurrentIndex(truncated);
        QCOMPARE(m_page->filterModel()->rowCount(), 1);
        QCOMPARE(m_page->currentSample(), 3);
        const QString facts = m_page->preview()->factsText();
        QVERIFY2(facts.contains(QStringLiteral("Problem: the data stops early (a cut-off copy?)")),
                 qPrintable(facts));
        QVERIFY(facts.indexOf(QStringLiteral("Problem:")) <
                facts.indexOf(QStringLiteral("Label:")));

        // A new dataset (a new check to come) takes the problems away, and the filter with them.
        data::Dataset same = m_state->dataset();
        m_state->setDataset(same);
        QCOMPARE(filter->findText(QStringLiteral("Images with problems"), Qt::MatchStartsWith), -1);
        QCOMPARE(filter->currentIndex(), 0);
        QCOMPARE(m_page->filterModel()->rowCount(), 8);
    }

    void thumbnailsReachTheGrid() {
        const QModelIndex first = m_page->filterModel()->index(0, 0);
        (void)first.data(Qt::DecorationRole);
        QTRY_VERIFY_WITH_TIMEOUT(first.data(Qt::DecorationRole).value<QIcon>().cacheKey() !=
                                     m_loader->placeholder().cacheKey(),
                                 10000);
    }
};

QTEST_MAIN(TestLabelingPage)
#include "tst_labeling_page.moc"
