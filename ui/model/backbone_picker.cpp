#include "ui/model/backbone_picker.h"

#include <algorithm>

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

#include "core/models/registry.h"
#include "ui/models/backbone_table_model.h"
#include "ui/project/project_state.h"
#include "ui/weights/download_progress.h"
#include "ui/weights/weight_download_job.h"

namespace tstudio::ui {

namespace {
const models::BackboneInfo* infoOf(const QString& arch) {
    return models::findBackbone(arch.toStdString());
}
} // namespace

BackbonePicker::BackbonePicker(ProjectState* project, QWidget* parent)
    : QWidget(parent), m_project(project) {
    buildTable();
    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buildWeightsGrid());
    layout->addWidget(m_statusLabel);

    connectDownloadJob();
    connectControls();
    syncFromConfig();
    setEditingEnabled(!m_project->isTraining());
}

void BackbonePicker::buildTable() {
    m_backbones = new BackboneTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_backbones);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    // The family is in the name already; the weights column matters more in a narrow pane.
    m_table->hideColumn(BackboneTableModel::Family);
    m_table->resizeColumnsToContents();
}

QGridLayout* BackbonePicker::buildWeightsGrid() {
    m_official = new QRadioButton(tr("Official ImageNet weights"), this);
    m_local = new QRadioButton(tr("Local file"), this);
    m_scratch = new QRadioButton(tr("From scratch (random initialisation)"), this);
    auto* sources = new QButtonGroup(this);
    sources->addButton(m_official);
    sources->addButton(m_local);
    sources->addButton(m_scratch);

    m_officialStatus = new QLabel(this);
    m_download = new QPushButton(tr("Download"), this);
    m_download->setToolTip(tr("Download the official torchvision file into the torch hub cache"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_localPath = new QLineEdit(this);
    m_localPath->setReadOnly(true);
    m_localPath->setPlaceholderText(tr("A .pth or .safetensors file"));
    m_chooseFile = new QPushButton(tr("Choose a file…"), this);

    auto* weights = new QGridLayout;
    weights->addWidget(m_official, 0, 0);
    auto* officialRow = new QHBoxLayout;
    officialRow->addWidget(m_officialStatus, 1);
    officialRow->addWidget(m_progress, 1);
    officialRow->addWidget(m_download);
    officialRow->addWidget(m_cancel);
    weights->addLayout(officialRow, 0, 1);
    weights->addWidget(m_local, 1, 0);
    auto* localRow = new QHBoxLayout;
    localRow->addWidget(m_localPath, 1);
    localRow->addWidget(m_chooseFile);
    weights->addLayout(localRow, 1, 1);
    weights->addWidget(m_scratch, 2, 0, 1, 2);
    weights->setColumnStretch(1, 1);
    return weights;
}

void BackbonePicker::connectDownloadJob() {
    m_downloadJob = new WeightDownloadJob(this);
    connect(m_downloadJob, &WeightDownloadJob::progress, this,
            [this](qint64 received, qint64 total) {
                const QString arch = QString::fromStdString(m_project->config().arch);
                const int percent =
                    total > 0 ? static_cast<int>(100 * received / std::max<qint64>(total, 1)) : -1;
                m_backbones->setDownloadProgress(arch, percent);
                showDownloadProgress(m_progress, received, total);
            });
    connect(m_downloadJob, &WeightDownloadJob::finished, this,
            [this](const QString&, const QString& path) {
                m_backbones->clearDownload();
                m_backbones->refresh();
                updateStatus();
                Q_EMIT statusMessage(tr("Weights saved to %1").arg(path));
                Q_EMIT downloadEnded();
            });
    connect(m_downloadJob, &WeightDownloadJob::failed, this,
            [this](const QString&, const QString& message) {
                m_backbones->clearDownload();
                updateStatus();
                m_statusLabel->setText(tr("Download failed: %1").arg(message));
                Q_EMIT statusMessage(message);
                Q_EMIT downloadEnded();
            });
    connect(m_downloadJob, &WeightDownloadJob::cancelled, this, [this] {
        m_backbones->clearDownload();
        updateStatus();
        Q_EMIT statusMessage(tr("Download cancelled"));
        Q_EMIT downloadEnded();
    });
}

void BackbonePicker::connectControls() {
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            if (m_syncing || !current.isValid()) {
                return;
            }
            const QString arch =
                m_backbones->index(current.row(), 0).data(BackboneTableModel::ArchRole).toString();
            if (arch.toStdString() == m_project->config().arch) {
                return;
            }
            auto config = m_project->config();
            config.arch = arch.toStdString();
            // Another network: a local file and the input size of the last one do not fit.
            config.inputSize = 0;
            if (!config.fromScratch) {
                config.weights.clear();
            }
            config.freeze.rules.clear();
            config.twoStage.stage2Freeze.rules.clear();
            config.lrMultipliers.clear();
            m_project->setConfig(std::move(config));
        });
    connect(m_official, &QRadioButton::clicked, this, [this] { useSource(Source::Official); });
    connect(m_local, &QRadioButton::clicked, this, [this] {
        if (m_localPath->text().isEmpty()) {
            chooseWeightsFile();
        } else {
            useWeightsFile(m_localPath->text());
        }
        syncFromConfig(); // a cancelled dialog leaves the previous source selected
    });
    connect(m_scratch, &QRadioButton::clicked, this, [this] { useSource(Source::FromScratch); });
    connect(m_download, &QPushButton::clicked, this, &BackbonePicker::downloadWeights);
    connect(m_cancel, &QPushButton::clicked, this, &BackbonePicker::cancelDownload);
    connect(m_chooseFile, &QPushButton::clicked, this, &BackbonePicker::chooseWeightsFile);
    connect(m_backbones, &QAbstractItemModel::dataChanged, this, &BackbonePicker::updateStatus);
    connect(m_project, &ProjectState::configChanged, this, &BackbonePicker::syncFromConfig);
    connect(m_project, &ProjectState::trainingChanged, this,
            [this](bool training) { setEditingEnabled(!training); });
}

BackbonePicker::~BackbonePicker() = default;

void BackbonePicker::showEvent(QShowEvent* event) {
    // Another page (the classifier) or another program may have filled the cache meanwhile;
    // a few stat() calls are cheap.
    if (!m_downloadJob->isRunning()) {
        m_backbones->refresh();
    }
    QWidget::showEvent(event);
}

void BackbonePicker::setDownloadSource(const QString& url, const std::filesystem::path& directory) {
    m_downloadUrl = url;
    m_downloadDirectory = directory;
}

void BackbonePicker::selectArch(const QString& arch) {
    const int row = m_backbones->rowOf(arch);
    if (row >= 0 && m_table->currentIndex().row() != row) {
        m_table->setCurrentIndex(m_backbones->index(row, 0));
        m_table->scrollTo(m_table->currentIndex());
    }
}

void BackbonePicker::syncFromConfig() {
    m_syncing = true;
    const auto& config = m_project->config();
    selectArch(QString::fromStdString(config.arch));
    const QString local = QString::fromStdString(config.weights.string());
    if (!local.isEmpty()) {
        m_localPath->setText(local);
    }
    if (config.fromScratch) {
        m_scratch->setChecked(true);
    } else if (!config.weights.empty()) {
        m_local->setChecked(true);
    } else {
        m_official->setChecked(true);
    }
    m_syncing = false;
    updateStatus();
}

void BackbonePicker::useSource(Source source) {
    auto config = m_project->config();
    switch (source) {
    case Source::Official:
        config.fromScratch = false;
        config.weights.clear();
        break;
    case Source::LocalFile:
        if (m_localPath->text().isEmpty()) {
            return;
        }
        config.fromScratch = false;
        config.weights = m_localPath->text().toStdString();
        break;
    case Source::FromScratch:
        config.fromScratch = true;
        config.weights.clear();
        break;
    }
    m_project->setConfig(std::move(config));
}

void BackbonePicker::useWeightsFile(const QString& path) {
    if (path.isEmpty()) {
        return;
    }
    m_localPath->setText(path);
    useSource(Source::LocalFile);
}

void BackbonePicker::chooseWeightsFile() {
    const QString arch = QString::fromStdString(m_project->config().arch);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Weights for %1").arg(arch), QFileInfo(m_localPath->text()).absolutePath(),
        tr("Weight files (*.pth *.pt *.safetensors);;All files (*)"));
    useWeightsFile(path);
}

void BackbonePicker::downloadWeights() {
    const models::BackboneInfo* info = infoOf(QString::fromStdString(m_project->config().arch));
    if (info == nullptr || m_downloadJob->isRunning()) {
        return;
    }
    m_downloadJob->start(*info, m_downloadUrl, m_downloadDirectory);
    m_backbones->setDownloadProgress(QString::fromStdString(info->name), -1);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Connecting…"));
    updateStatus();
    Q_EMIT statusMessage(tr("Downloading %1…").arg(QString::fromStdString(info->weights.url)));
}

void BackbonePicker::cancelDownload() {
    m_downloadJob->cancel();
}

void BackbonePicker::updateStatus() {
    const auto& config = m_project->config();
    const models::BackboneInfo* info = infoOf(QString::fromStdString(config.arch));
    const int row = m_backbones->rowOf(QString::fromStdString(config.arch));
    const auto state =
        row < 0
            ? BackboneTableModel::WeightsState::Missing
            : static_cast<BackboneTableModel::WeightsState>(
                  m_backbones->index(row, 0).data(BackboneTableModel::WeightsStateRole).toInt());
    const bool downloading = m_downloadJob->isRunning();
    const bool training = m_project->isTraining();

    QString officialText;
    switch (state) {
    case BackboneTableModel::WeightsState::InCache:
        officialText = tr("in the cache");
        break;
    case BackboneTableModel::WeightsState::Downloadable:
        officialText = tr("not downloaded yet");
        break;
    case BackboneTableModel::WeightsState::Downloading:
        officialText = tr("downloading…");
        break;
    case BackboneTableModel::WeightsState::Missing:
        officialText = tr("no official file");
        break;
    }
    m_officialStatus->setText(officialText);
    m_download->setVisible(!downloading && state == BackboneTableModel::WeightsState::Downloadable);
    m_download->setEnabled(!training);
    m_cancel->setVisible(downloading);
    m_progress->setVisible(downloading);

    QString text;
    if (config.fromScratch) {
        m_status = WeightsStatus::Scratch;
        text = tr("Training starts from random weights: expect to need far more data and epochs "
                  "than with ImageNet weights.");
    } else if (!config.weights.empty()) {
        const QString path = QString::fromStdString(config.weights.string());
        if (QFileInfo::exists(path)) {
            m_status = WeightsStatus::LocalFile;
            text = tr("Starting weights: %1").arg(path);
        } else {
            m_status = WeightsStatus::Missing;
            text = tr("The weights file %1 does not exist: choose another file, or use the "
                      "official weights.")
                       .arg(path);
        }
    } else if (downloading) {
        m_status = WeightsStatus::Downloading;
        text = tr("Downloading the official weights…");
    } else if (state == BackboneTableModel::WeightsState::InCache) {
        m_status = WeightsStatus::InCache;
        text = tr("Starting weights: %1")
                   .arg(m_backbones->index(row, 0)
                            .data(BackboneTableModel::CachedWeightsPathRole)
                            .toString());
    } else if (state == BackboneTableModel::WeightsState::Downloadable) {
        m_status = WeightsStatus::Downloadable;
        text =
            tr("The official weights (%1) are not in the cache: download them, or choose a "
               "local file.")
                .arg(info != nullptr ? QString::fromStdString(info->weights.fileName) : QString());
    } else {
        m_status = WeightsStatus::Missing;
        text = tr("No weights for this backbone: choose a local file or train from scratch.");
    }
    m_statusLabel->setText(text);
}

QString BackbonePicker::statusText() const {
    return m_statusLabel->text();
}

void BackbonePicker::setEditingEnabled(bool enabled) {
    m_table->setEnabled(enabled);
    m_official->setEnabled(enabled);
    m_local->setEnabled(enabled);
    m_scratch->setEnabled(enabled);
    m_chooseFile->setEnabled(enabled);
    updateStatus();
}

} // namespace tstudio::ui
