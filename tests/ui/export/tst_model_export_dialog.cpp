// File > Export Model…: the dialog exports through core's exportModel off the GUI thread and
// shows the verification; Inception v3 exports its graph formats; a damaged bundle writes
// nothing; the main window presets the last run's bundle.

#include <filesystem>
#include <fstream>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui/export/model_export_dialog.h"
#include "ui/main_window.h"
#include "ui/project/project_state.h"

#include "export_fixtures.h"

using tstudio::ui::MainWindow;
using tstudio::ui::ModelExportDialog;
namespace fs = std::filesystem;

namespace {

QString outcomeOf(const ModelExportDialog& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("exportOutcome"))->text();
}

bool formatEnabled(const ModelExportDialog& dialog, const QString& name) {
    const auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    const auto* items = qobject_cast<const QStandardItemModel*>(combo->model());
    return items->item(combo->findData(name))->isEnabled();
}

} // namespace

class TestModelExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exportsEachFormatVerified() {
        QTemporaryDir dir;
        const auto made = tstudio::test::makeBundle(dir.path().toStdString(), "resnet18");
        ModelExportDialog dialog;
        dialog.setBundle(QString::fromStdString(made.path.string()));
        for (const QString& format : {QStringLiteral("pth"), QStringLiteral("safetensors"),
                                      QStringLiteral("torchscript"), QStringLiteral("onnx")}) {
            QVERIFY(dialog.setFormat(format));
            const QString extension =
                format == QStringLiteral("torchscript") ? QStringLiteral("pt") : format;
            // Suggested beside the bundle, with the format's own suffix.
            QCOMPARE(QFileInfo(dialog.output()).suffix(), extension);
            QCOMPARE(QFileInfo(dialog.output()).absolutePath(),
                     QFileInfo(dir.path()).absoluteFilePath());
            QSignalSpy finished(&dialog, &ModelExportDialog::finished);
            dialog.startExport();
            QVERIFY(finished.wait(120000));
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(outcomeOf(dialog)));
            const fs::path out = dialog.output().toStdString();
            QVERIFY(fs::exists(out));
            QVERIFY(fs::exists(fs::path(out.string() + ".json")));
            QVERIFY(fs::exists(fs::path(out.string() + ".md")));
            QVERIFY2(outcomeOf(dialog).contains(QStringLiteral("largest difference")),
                     qPrintable(outcomeOf(dialog)));
            if (format == QStringLiteral("pth")) {
                QVERIFY(outcomeOf(dialog).contains(
                    QStringLiteral("torchvision.models.resnet18(num_classes=3)")));
            }
        }
    }

    void theOutcomeGoesWhenTheFormatOrTheFileChanges() {
        QTemporaryDir dir;
        const auto made = tstudio::test::makeBundle(dir.path().toStdString(), "mobilenet_v2");
        ModelExportDialog dialog;
        dialog.setBundle(QString::fromStdString(made.path.string()));
        QVERIFY(dialog.setFormat(QStringLiteral("pth")));
        dialog.setOutput(dir.filePath(QStringLiteral("missing/model.pth")));
        QSignalSpy finished(&dialog, &ModelExportDialog::finished);
        dialog.startExport();
        QVERIFY(finished.count() == 1 || finished.wait(60000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(outcomeOf(dialog).contains(QStringLiteral("does not exist")),
                 qPrintable(outcomeOf(dialog)));
        // Typing in the file name: the message about the old name goes.
        auto* output = dialog.findChild<QLineEdit*>(QStringLiteral("exportOutput"));
        QTest::keyClick(output, Qt::Key_Backspace);
        QVERIFY2(outcomeOf(dialog).isEmpty(), qPrintable(outcomeOf(dialog)));

        dialog.setOutput(dir.filePath(QStringLiteral("model.pth")));
        dialog.startExport();
        QVERIFY(finished.count() == 2 || finished.wait(120000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(outcomeOf(dialog)));
        QVERIFY(outcomeOf(dialog).contains(QStringLiteral("model.pth")));
        // Another format: the .pth's success would read as the ONNX file's.
        QVERIFY(dialog.setFormat(QStringLiteral("onnx")));
        QCOMPARE(QFileInfo(dialog.output()).fileName(), QStringLiteral("model.onnx"));
        QVERIFY2(outcomeOf(dialog).isEmpty(), qPrintable(outcomeOf(dialog)));
    }

    void theKeyboardFocusComesBackAfterAnExport() {
        QTemporaryDir dir;
        const auto made = tstudio::test::makeBundle(dir.path().toStdString(), "mobilenet_v2");
        ModelExportDialog dialog;
        dialog.setBundle(QString::fromStdString(made.path.string()));
        dialog.setOutput(dir.filePath(QStringLiteral("model.pth")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QPushButton* exportButton = nullptr;
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("&Export")) {
                exportButton = button;
            }
        }
        QVERIFY(exportButton != nullptr);
        exportButton->setFocus();
        QVERIFY(exportButton->hasFocus());
        QSignalSpy finished(&dialog, &ModelExportDialog::finished);
        dialog.startExport();
        // While it runs the button is disabled and Qt moves the focus on.
        QVERIFY(!exportButton->hasFocus());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(outcomeOf(dialog)));
        // Back on Export, not on Browse… (where Return would open a file dialog).
        QVERIFY(exportButton->hasFocus());
    }

    /** Inception v3 (asymmetric convolutions, transform_input) offers every format, and its
        graph formats export verified. */
    void inceptionOffersAndExportsTheGraphFormats() {
        QTemporaryDir dir;
        const auto made = tstudio::test::makeBundle(dir.path().toStdString(), "inception_v3");
        ModelExportDialog dialog;
        dialog.setBundle(QString::fromStdString(made.path.string()));
        for (const QString& format : {QStringLiteral("pth"), QStringLiteral("safetensors"),
                                      QStringLiteral("torchscript"), QStringLiteral("onnx")}) {
            QVERIFY2(formatEnabled(dialog, format), qPrintable(format));
        }
        for (const QString& format : {QStringLiteral("torchscript"), QStringLiteral("onnx")}) {
            QVERIFY(dialog.setFormat(format));
            QSignalSpy finished(&dialog, &ModelExportDialog::finished);
            dialog.startExport();
            QVERIFY(finished.wait(120000));
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(outcomeOf(dialog)));
            QVERIFY(fs::exists(fs::path(dialog.output().toStdString())));
            QVERIFY2(outcomeOf(dialog).contains(QStringLiteral("largest difference")),
                     qPrintable(outcomeOf(dialog)));
        }
    }

    void aDamagedBundleIsRefusedAndNothingIsWritten() {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("broken.tsmodel"));
        std::ofstream(bundle.toStdString()) << "not a bundle";
        ModelExportDialog dialog;
        dialog.setBundle(bundle);
        QVERIFY(!outcomeOf(dialog).isEmpty());
        const QString out = dir.filePath(QStringLiteral("broken.pth"));
        dialog.setOutput(out);
        QSignalSpy finished(&dialog, &ModelExportDialog::finished);
        dialog.startExport();
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!QFileInfo::exists(out));
    }

    void theWindowPresetsTheLastRunsBundle() {
        QTemporaryDir dir;
        const auto made = tstudio::test::makeBundle(dir.path().toStdString(), "mobilenet_v2");
        MainWindow window;
        const QString bundle = QString::fromStdString(made.path.string());
        window.project()->setLastBundle(bundle);
        QCOMPARE(window.modelExportDialog()->bundle(), bundle);
        QAction* action = nullptr;
        for (QAction* candidate : window.findChildren<QAction*>()) {
            if (candidate->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)) {
                action = candidate;
            }
        }
        QVERIFY(action != nullptr);
        action->trigger();
        QVERIFY(window.modelExportDialog()->isVisible());
        QCOMPARE(QFileInfo(window.modelExportDialog()->output()).suffix(), QStringLiteral("pth"));
    }
};

QTEST_MAIN(TestModelExportDialog)
#include "tst_model_export_dialog.moc"
