#include "ui/export/model_export_dialog.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "core/export/model_export.h"
#include "core/training/model_bundle.h"
#include "ui/common/background_job.h"

namespace tstudio::ui {

namespace {

using modelexport::ExportFormat;

struct FormatChoice {
    ExportFormat format;
    const char* title;     ///< shown in the combo box (translated)
    const char* extension; ///< the file's suffix, without the dot
    const char* filter;    ///< the save dialog's filter (translated)
};

constexpr std::array kFormats{
    FormatChoice{
        ExportFormat::Pth,
        QT_TRANSLATE_NOOP("ModelExportDialog", "PyTorch state dict (.pth, torchvision's keys)"),
        "pth", QT_TRANSLATE_NOOP("ModelExportDialog", "PyTorch state dict (*.pth)")},
    FormatChoice{ExportFormat::Safetensors,
                 QT_TRANSLATE_NOOP("ModelExportDialog", "safetensors (.safetensors)"),
                 "safetensors",
                 QT_TRANSLATE_NOOP("ModelExportDialog", "safetensors (*.safetensors)")},
    FormatChoice{ExportFormat::TorchScript,
                 QT_TRANSLATE_NOOP("ModelExportDialog", "TorchScript (.pt, torch.jit.load)"), "pt",
                 QT_TRANSLATE_NOOP("ModelExportDialog", "TorchScript (*.pt)")},
    FormatChoice{ExportFormat::Onnx,
                 QT_TRANSLATE_NOOP("ModelExportDialog", "ONNX (.onnx, opset 17)"), "onnx",
                 QT_TRANSLATE_NOOP("ModelExportDialog", "ONNX (*.onnx)")},
};

/** The format of the combo box's row index (rows are kFormats, in order). */
const FormatChoice& choiceAt(int index) {
    return kFormats.at(static_cast<std::size_t>(index));
}

QString nativePath(const std::filesystem::path& path) {
    return QDir::toNativeSeparators(QString::fromStdString(path.string()));
}

} // namespace

ModelExportDialog::ModelExportDialog(QWidget* parent)
    : QDialog(parent), m_job(new BackgroundJob(this)) {
    setWindowTitle(tr("Export Model"));

    m_bundle = new QLineEdit(this);
    m_bundle->setObjectName(QStringLiteral("exportBundle"));
    m_bundle->setPlaceholderText(tr("A trained model (.tsmodel)"));
    auto* chooseBundle = new QPushButton(tr("Choose…"), this);
    auto* bundleRow = new QHBoxLayout;
    bundleRow->addWidget(m_bundle, 1);
    bundleRow->addWidget(chooseBundle);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (const FormatChoice& choice : kFormats) {
        m_format->addItem(tr(choice.title), QString::fromLatin1(formatName(choice.format)));
    }
    m_formatNote = new QLabel(this);
    m_formatNote->setWordWrap(true);

    m_output = new QLineEdit(this);
    m_output->setObjectName(QStringLiteral("exportOutput"));
    auto* chooseOutput = new QPushButton(tr("Browse…"), this);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(chooseOutput);

    auto* form = new QFormLayout;
    form->addRow(tr("&Model:"), bundleRow);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_formatNote);
    form->addRow(tr("&Save as:"), outputRow);
    static_cast<QLabel*>(form->labelForField(bundleRow))->setBuddy(m_bundle);
    static_cast<QLabel*>(form->labelForField(outputRow))->setBuddy(m_output);

    // Exporting re-loads the file with another runtime and compares: seconds for large nets.
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Exporting and verifying…"));
    m_busy->setTextVisible(true);
    m_busy->hide();
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("exportOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_outcome);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    connect(chooseBundle, &QPushButton::clicked, this, &ModelExportDialog::chooseBundle);
    connect(chooseOutput, &QPushButton::clicked, this, &ModelExportDialog::chooseOutput);
    connect(m_bundle, &QLineEdit::editingFinished, this, [this] { setBundle(m_bundle->text()); });
    // The outcome speaks of the last export's format and file: once either changes it would
    // describe a file the dialog no longer shows (an earlier .pth's success under "ONNX", a
    // missing folder that has since been typed correctly), so it goes.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_outcome->clear();
        updateFormats();
        suggestOutput();
    });
    connect(m_output, &QLineEdit::textEdited, m_outcome, &QLabel::clear);
    connect(m_export, &QPushButton::clicked, this, &ModelExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_job, &BackgroundJob::failed, this,
            [this](const QString& message) { showOutcome(false, message); });
    connect(m_job, &BackgroundJob::cancelled, this, [this] { setBusy(false); });
    updateFormats();
}

void ModelExportDialog::setBundle(const QString& bundle) {
    m_bundle->setText(QDir::toNativeSeparators(bundle));
    m_arch.clear();
    m_outcome->clear();
    if (!bundle.isEmpty()) {
        // Only the description: the architecture decides the formats (no weights are read).
        if (auto info =
                training::readBundleInfo(QDir::fromNativeSeparators(bundle).toStdString())) {
            m_arch = QString::fromStdString(info->config.arch);
        } else {
            m_outcome->setText(QString::fromStdString(info.message()));
        }
    }
    updateFormats();
    suggestOutput();
}

QString ModelExportDialog::bundle() const {
    return QDir::fromNativeSeparators(m_bundle->text().trimmed());
}

bool ModelExportDialog::setFormat(const QString& name) {
    const int index = m_format->findData(name);
    if (index < 0 || !m_format->model()->index(index, 0).flags().testFlag(Qt::ItemIsEnabled)) {
        return false;
    }
    m_format->setCurrentIndex(index);
    return true;
}

void ModelExportDialog::setOutput(const QString& file) {
    m_output->setText(QDir::toNativeSeparators(file));
}

QString ModelExportDialog::output() const {
    return QDir::fromNativeSeparators(m_output->text().trimmed());
}

void ModelExportDialog::chooseBundle() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose a Trained Model"), QFileInfo(bundle()).absolutePath(),
        tr("Trained models (*.tsmodel);;All files (*)"));
    if (!file.isEmpty()) {
        setBundle(file);
    }
}

void ModelExportDialog::chooseOutput() {
    const FormatChoice& choice = choiceAt(m_format->currentIndex());
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export Model As"), output(), tr(choice.filter));
    if (!file.isEmpty()) {
        setOutput(file);
    }
}

void ModelExportDialog::updateFormats() {
    // A format the architecture cannot take stays listed, disabled, with core's reason.
    auto* items = qobject_cast<QStandardItemModel*>(m_format->model());
    QString reason;
    for (int i = 0; i < m_format->count(); ++i) {
        const Status supported =
            m_arch.isEmpty()
                ? success()
                : modelexport::supportsExport(m_arch.toStdString(), choiceAt(i).format);
        const QString why = supported ? QString() : QString::fromStdString(supported.message());
        items->item(i)->setEnabled(supported.ok());
        items->item(i)->setToolTip(why);
        if (i == m_format->currentIndex()) {
            reason = why;
        }
    }
    m_formatNote->setText(reason);
    m_formatNote->setVisible(!reason.isEmpty());
    m_export->setEnabled(!m_arch.isEmpty() && reason.isEmpty() && !m_running);
}

void ModelExportDialog::suggestOutput() {
    // Beside the bundle, named after its run folder: "…/runs/2026-12-01_mobilenet_v2.onnx".
    if (m_arch.isEmpty()) {
        return;
    }
    const QFileInfo source(bundle());
    const QFileInfo current(output());
    const QString folder = output().isEmpty() ? source.absolutePath() : current.absolutePath();
    const QString stem = output().isEmpty() ? source.dir().dirName() : current.completeBaseName();
    const FormatChoice& choice = choiceAt(m_format->currentIndex());
    setOutput(QDir(folder).filePath(stem + QLatin1Char('.') + QLatin1String(choice.extension)));
}

void ModelExportDialog::setBusy(bool busy) {
    if (busy) {
        m_focusBeforeExport = focusWidget();
    }
    m_running = busy;
    m_busy->setVisible(busy);
    m_bundle->setEnabled(!busy);
    m_format->setEnabled(!busy);
    m_output->setEnabled(!busy);
    updateFormats();
    if (!busy && m_focusBeforeExport && m_focusBeforeExport->isEnabled()) {
        m_focusBeforeExport->setFocus();
    }
}

void ModelExportDialog::showOutcome(bool ok, const QString& message) {
    setBusy(false);
    m_outcome->setText(message);
    // Grow to show the whole outcome (a few wrapped lines), never shrink what the person set.
    resize(width(), std::max(height(), sizeHint().height()));
    Q_EMIT finished(ok, message);
}

void ModelExportDialog::startExport() {
    if (m_arch.isEmpty()) {
        showOutcome(false, tr("Choose a trained model (.tsmodel) to export."));
        return;
    }
    if (output().isEmpty()) {
        showOutcome(false, tr("Choose where to save the exported model."));
        return;
    }
    const FormatChoice choice = choiceAt(m_format->currentIndex());
    m_outcome->clear();
    setBusy(true);
    m_job->start(
        [source = bundle().toStdString(), target = output().toStdString(), format = choice.format](
            JobControl&) { return modelexport::exportModel(source, format, target); },
        [this,
         stateDict = choice.format == ExportFormat::Pth ||
                     choice.format == ExportFormat::Safetensors](modelexport::ExportResult result) {
            QString text =
                tr("Exported %1, with %2 and %3 beside it.")
                    .arg(nativePath(result.weightsFile), nativePath(result.sidecarFile.filename()),
                         nativePath(result.cardFile.filename()));
            text += QLatin1Char('\n') +
                    tr("Verified: re-loaded and run on %1 inputs, largest difference %2 "
                       "(allowed %3).")
                        .arg(result.verifiedInputs)
                        .arg(result.maxAbsDifference, 0, 'g', 3)
                        .arg(result.allowedDifference, 0, 'g', 3);
            // torchvision's compatibility is the state dict's: a graph format loads on its own.
            if (stateDict && result.torchvision.loadsStrictly) {
                text += QLatin1Char('\n') +
                        tr("Loads strictly into %1.")
                            .arg(QString::fromStdString(result.torchvision.constructor));
            }
            if (stateDict && !result.torchvision.note.empty()) {
                text += QLatin1Char('\n') + QString::fromStdString(result.torchvision.note);
            }
            showOutcome(true, text);
        });
}

} // namespace tstudio::ui
