#include "ui/classify/classify_page.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/models/registry.h"
#include "ui/classify/classify_worker.h"
#include "ui/common/worker_thread.h"
#include "ui/weights/download_progress.h"
#include "ui/weights/weight_download_job.h"

namespace tstudio::ui {

namespace {
constexpr int kTopK = 5;

QStringList localFiles(const QMimeData* mime) {
    QStringList files;
    if (mime == nullptr || !mime->hasUrls()) {
        return files;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
        }
    }
    return files;
}
} // namespace

ClassifyPage::ClassifyPage(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    // Built top to bottom: the order of creation is the keyboard focus order.
    QHBoxLayout* weightsRow = buildWeightsRow();
    m_results = new QTreeWidget(this);
    m_results->setColumnCount(2);
    m_results->setHeaderLabels({tr("Image / class"), tr("Probability")});
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->setIconSize(QSize(64, 64));
    m_results->setAlternatingRowColors(true);
    QHBoxLayout* actionRow = buildActionRow();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(weightsRow);
    layout->addWidget(m_results, 1);
    layout->addLayout(actionRow);

    connect(m_chooseWeights, &QPushButton::clicked, this, &ClassifyPage::chooseWeightsFile);
    connect(m_chooseImages, &QPushButton::clicked, this, &ClassifyPage::chooseImages);
    connect(m_cancel, &QPushButton::clicked, this, &ClassifyPage::cancel);
    connect(m_download, &QPushButton::clicked, this, &ClassifyPage::downloadWeights);

    connectDownloadJob();
    connectWorker();
    updateHint();
}

QHBoxLayout* ClassifyPage::buildWeightsRow() {
    m_weightsEdit = new QLineEdit(this);
    m_weightsEdit->setReadOnly(true);
    m_weightsEdit->setPlaceholderText(
        tr("No weights file: download the official one or choose a file"));
    m_chooseWeights = new QPushButton(tr("Choose weights…"), this);
    m_chooseWeights->setToolTip(tr("Use a local .pth or .safetensors file for this backbone"));
    m_download = new QPushButton(tr("Download"), this);
    m_download->setToolTip(
        tr("Download the official torchvision weights into the torch hub cache"));
    auto* weightsRow = new QHBoxLayout;
    weightsRow->addWidget(new QLabel(tr("Weights:"), this));
    weightsRow->addWidget(m_weightsEdit, 1);
    weightsRow->addWidget(m_download);
    weightsRow->addWidget(m_chooseWeights);
    return weightsRow;
}

QHBoxLayout* ClassifyPage::buildActionRow() {
    m_chooseImages = new QPushButton(tr("Classify images…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_chooseImages);
    actionRow->addWidget(m_progress, 1);
    actionRow->addWidget(m_cancel);
    return actionRow;
}

void ClassifyPage::connectDownloadJob() {
    m_downloadJob = new WeightDownloadJob(this);
    connect(m_downloadJob, &WeightDownloadJob::progress, this,
            [this](qint64 received, qint64 total) {
                showDownloadProgress(m_progress, received, total);
            });
    connect(m_downloadJob, &WeightDownloadJob::finished, this,
            [this](const QString& arch, const QString& path) {
                setBusy(false);
                if (arch == m_arch) {
                    setBackbone(m_arch, m_displayName, path);
                }
                Q_EMIT statusMessage(tr("Weights saved to %1").arg(path));
                Q_EMIT weightsDownloaded(arch, path);
                Q_EMIT jobEnded();
            });
    connect(m_downloadJob, &WeightDownloadJob::failed, this,
            [this](const QString&, const QString& message) {
                setBusy(false);
                Q_EMIT statusMessage(message);
                auto* item = new QTreeWidgetItem(m_results, {message});
                item->setToolTip(0, message);
                item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
                Q_EMIT jobEnded();
            });
    connect(m_downloadJob, &WeightDownloadJob::cancelled, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Download cancelled"));
        Q_EMIT jobEnded();
    });
}

void ClassifyPage::connectWorker() {
    m_worker = new ClassifyWorker;
    m_thread = std::make_unique<WorkerThread>(m_worker, QStringLiteral("classify-worker"));
    connect(m_worker, &ClassifyWorker::started, this, [this](int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(0);
    });
    connect(m_worker, &ClassifyWorker::imageClassified, this, &ClassifyPage::addResult);
    connect(m_worker, &ClassifyWorker::finished, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Classified %1 image(s)").arg(m_progress->value()));
        Q_EMIT jobEnded();
    });
    connect(m_worker, &ClassifyWorker::cancelled, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Classification cancelled"));
        Q_EMIT jobEnded();
    });
    connect(m_worker, &ClassifyWorker::failed, this, [this](const QString& message) {
        setBusy(false);
        auto* item = new QTreeWidgetItem(m_results, {message});
        item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_results->scrollToItem(item);
        Q_EMIT statusMessage(message);
        Q_EMIT jobEnded();
    });
}

ClassifyPage::~ClassifyPage() {
    m_worker->requestCancel(); // m_thread then lets the worker end on its own
}

void ClassifyPage::setBackbone(const QString& arch, const QString& displayName,
                               const QString& weightsPath) {
    m_arch = arch;
    m_displayName = displayName;
    m_weightsPath = weightsPath;
    m_weightsEdit->setText(weightsPath);
    updateHint();
}

void ClassifyPage::updateHint() {
    if (m_arch.isEmpty()) {
        m_hint->setText(tr("Pick a backbone on the left."));
    } else if (m_weightsPath.isEmpty()) {
        m_hint->setText(tr("<b>%1</b> has no weights yet. Download the official ImageNet "
                           "weights or choose a weights file (.pth or .safetensors) to name the "
                           "ImageNet classes of your photos.")
                            .arg(m_displayName.toHtmlEscaped()));
    } else {
        m_hint->setText(tr("Drop photos or folders here: <b>%1</b> names what they show "
                           "(top %2 of the 1000 ImageNet classes).")
                            .arg(m_displayName.toHtmlEscaped())
                            .arg(kTopK));
    }
    m_chooseImages->setEnabled(!m_arch.isEmpty() && !m_weightsPath.isEmpty() && !m_busy);
    m_download->setVisible(!m_arch.isEmpty() && m_weightsPath.isEmpty());
    m_download->setEnabled(!m_busy);
}

void ClassifyPage::chooseWeightsFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose weights for %1").arg(m_displayName), QString(),
        tr("Weight files (*.pth *.pt *.safetensors);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    setBackbone(m_arch, m_displayName, path);
    Q_EMIT weightsChosen(m_arch, path);
}

void ClassifyPage::chooseImages() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Images to classify"), QString(),
        tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"));
    if (!paths.isEmpty()) {
        classifyFiles(paths);
    }
}

void ClassifyPage::classifyFiles(const QStringList& paths) {
    if (m_busy) {
        Q_EMIT statusMessage(tr("Still classifying: wait or cancel first"));
        return;
    }
    if (m_arch.isEmpty() || m_weightsPath.isEmpty()) {
        Q_EMIT statusMessage(tr("Choose a backbone and its weights first"));
        return;
    }
    setBusy(true);
    m_worker->prepareJob(); // before queueing: a cancel from now on cancels this job
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, arch = m_arch, weights = m_weightsPath,
                                         paths] { worker->classify(arch, weights, paths, kTopK); });
}

void ClassifyPage::downloadWeights() {
    const models::BackboneInfo* info = models::findBackbone(m_arch.toStdString());
    if (info == nullptr || m_busy) {
        return;
    }
    setBusy(true);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Connecting…"));
    m_downloadJob->start(*info);
    Q_EMIT statusMessage(tr("Downloading %1…").arg(QString::fromStdString(info->weights.url)));
}

void ClassifyPage::cancel() {
    if (m_busy) {
        m_worker->requestCancel();
        m_downloadJob->cancel();
    }
}

void ClassifyPage::setBusy(bool busy) {
    m_busy = busy;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_chooseWeights->setEnabled(!busy);
    updateHint();
    Q_EMIT busyChanged(busy);
}

void ClassifyPage::addResult(const ClassifiedImage& result, int done, int total) {
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2").arg(done).arg(total));
    auto* item = new QTreeWidgetItem(m_results);
    item->setText(0, QFileInfo(result.path).fileName());
    item->setToolTip(0, result.path);
    if (!result.thumbnail.isNull()) {
        item->setIcon(0, QIcon(QPixmap::fromImage(result.thumbnail)));
    }
    if (!result.error.isEmpty()) {
        item->setText(1, tr("unreadable"));
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        if (result.path.isEmpty()) {
            item->setText(0, result.error); // a path that names nothing: the message says which
            item->setToolTip(0, result.error);
        } else {
            auto* reason = new QTreeWidgetItem(item, {result.error});
            reason->setToolTip(0, result.error);
            item->setExpanded(true);
        }
    } else if (!result.top.empty()) {
        item->setText(
            0, QStringLiteral("%1 — %2").arg(QFileInfo(result.path).fileName(),
                                             QString::fromStdString(result.top.front().label)));
        item->setText(
            1, QStringLiteral("%1 %").arg(100.0 * result.top.front().probability, 0, 'f', 1));
        for (const auto& score : result.top) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(0, QString::fromStdString(score.label));
            child->setText(1, QStringLiteral("%1 %").arg(100.0 * score.probability, 0, 'f', 1));
        }
        item->setExpanded(true);
    }
    m_results->scrollToItem(item);
}

void ClassifyPage::dragEnterEvent(QDragEnterEvent* event) {
    if (!localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ClassifyPage::dropEvent(QDropEvent* event) {
    const QStringList files = localFiles(event->mimeData());
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        classifyFiles(files);
    }
}

} // namespace tstudio::ui
