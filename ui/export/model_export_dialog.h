#pragma once

#include <QDialog>
#include <QPointer>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tstudio::ui {

class BackgroundJob;

/**
 * File > Export Model…: a trained bundle (the project's last run by default, or any .tsmodel)
 * written as .pth, .safetensors, TorchScript or ONNX by core's exportModel — the one path
 * `tstudio export` takes — off the GUI thread. A format the bundle's architecture cannot take is
 * disabled and says why. The outcome shows the verification that is part of every export: the
 * largest logit difference of the re-loaded file against the bundle, and how to load it.
 */
class ModelExportDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ModelExportDialog(QWidget* parent = nullptr);

    /** The bundle to export; the formats and the suggested file follow it. */
    void setBundle(const QString& bundle);
    QString bundle() const;
    /** Chooses a format by its CLI name ("pth", "safetensors", "torchscript", "onnx"); false
        when the bundle's architecture does not take it. */
    bool setFormat(const QString& name);
    void setOutput(const QString& file);
    QString output() const;

    /** The Export button: checks the inputs, then exports in the background. */
    void startExport();

Q_SIGNALS:
    /** An export ended; message is what the dialog shows (tests wait for it). */
    void finished(bool ok, const QString& message);

private:
    void chooseBundle();
    void chooseOutput();
    void updateFormats();
    void suggestOutput();
    void setBusy(bool busy);
    void showOutcome(bool ok, const QString& message);

    QLineEdit* m_bundle = nullptr;
    QComboBox* m_format = nullptr;
    QLabel* m_formatNote = nullptr;
    QLineEdit* m_output = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_export = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    BackgroundJob* m_job = nullptr;
    /// Where the keyboard was when an export started: the widgets are disabled while it runs,
    /// which moves the focus on (to Choose… or Browse…, so Return would open a file dialog).
    QPointer<QWidget> m_focusBeforeExport;
    QString m_arch; ///< the bundle's architecture; empty when it cannot be read
    bool m_running = false;
};

} // namespace tstudio::ui
