#include "ui/classify/classify_page.h"

#include <QApplication>
#include <QClipboard>
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
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include "core/models/registry.h"
#include "ui/classify/classify_worker.h"
#include "ui/classify/grad_cam_preview.h"
#include "ui/classify/model_chooser.h"
#include "ui/classify/pasted_image.h"
#include "ui/classify/results_csv.h"
#include "ui/classify/top_classes_delegate.h"
#include "ui/common/background_job.h"
#include "ui/common/worker_thread.h"
#include "ui/models/classification_results_model.h"
#include "ui/weights/download_progress.h"
#include "ui/weights/weight_download_job.h"

namespace tstudio::ui {

namespace {

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

QString pastedImagesFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/pasted");
}

} // namespace

ClassifyPage::ClassifyPage(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    // Built top to bottom: the order of creation is the keyboard focus order.
    QHBoxLayout* modelRow = buildModelRow();
    QHBoxLayout* weightsRow = buildWeightsRow();
    m_weightsRow = new QWidget(this);
    weightsRow->setContentsMargins(0, 0, 0, 0);
    m_weightsRow->setLayout(weightsRow);
    QSplitter* results = buildResultsAndPreview();
    QHBoxLayout* actionRow = buildActionRow();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(modelRow);
    layout->addWidget(m_weightsRow);
    layout->addWidget(results, 1);
    layout->addLayout(actionRow);

    connect(m_chooseWeights, &QPushButton::clicked, this, &ClassifyPage::chooseWeightsFile);
    connect(m_chooseImages, &QPushButton::clicked, this, &ClassifyPage::chooseImages);
    connect(m_chooseFolder, &QPushButton::clicked, this, &ClassifyPage::chooseFolder);
    connect(m_paste, &QPushButton::clicked, this, &ClassifyPage::paste);
    connect(m_export, &QPushButton::clicked, this, &ClassifyPage::chooseCsvFile);
    connect(m_cancel, &QPushButton::clicked, this, &ClassifyPage::cancel);
    connect(m_download, &QPushButton::clicked, this, &ClassifyPage::downloadWeights);
    connect(m_chooser, &ModelChooser::choiceChanged, this, &ClassifyPage::onChoiceChanged);
    auto* pasteShortcut = new QShortcut(QKeySequence::Paste, this);
    pasteShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(pasteShortcut, &QShortcut::activated, this, &ClassifyPage::paste);

    m_pasteJob = new BackgroundJob(this);
    connect(m_pasteJob, &BackgroundJob::failed, this, &ClassifyPage::statusMessage);
    m_exportJob = new BackgroundJob(this);
    connect(m_exportJob, &BackgroundJob::failed, this, [this](const QString& message) {
        Q_EMIT statusMessage(message);
        Q_EMIT csvWritten({});
    });
    connect(m_exportJob, &BackgroundJob::cancelled, this, [this] { Q_EMIT csvWritten({}); });

    connectDownloadJob();
    connectWorker();
    onChoiceChanged(m_chooser->choice());
}

QHBoxLayout* ClassifyPage::buildModelRow() {
    m_chooser = new ModelChooser(this);
    m_chooser->setObjectName(QStringLiteral("classifyModel"));
    auto* label = new QLabel(tr("&Model:"), this);
    label->setBuddy(m_chooser);
    auto* row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_chooser);
    row->addStretch(1);
    return row;
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

QTableView* ClassifyPage::buildResultsView() {
    m_results = new ClassificationResultsModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_results);
    m_sorted->setSortRole(ClassificationResultsModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("classifyResults"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // classification order until a header click
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setIconSize(QSize(ClassifyWorker::kThumbnailSide, ClassifyWorker::kThumbnailSide));
    m_view->setItemDelegateForColumn(ClassificationResultsModel::TopClasses,
                                     new TopClassesDelegate(m_view));
    m_view->verticalHeader()->setVisible(false);
    // Rows fit a thumbnail or the top-k bars, whichever is taller; fixed, so a large folder
    // never makes the view measure every row.
    const int barsHeight = ClassifyPage::kTopK * (fontMetrics().height() + 2) + 8;
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(
        std::max(ClassifyWorker::kThumbnailSide + 8, barsHeight));
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(ClassificationResultsModel::File, QHeaderView::Interactive);
    header->resizeSection(ClassificationResultsModel::File, ClassifyWorker::kThumbnailSide + 200);
    header->setSectionResizeMode(ClassificationResultsModel::TopClass,
                                 QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClassificationResultsModel::Probability,
                                 QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClassificationResultsModel::TopClasses, QHeaderView::Stretch);
    return m_view;
}

QSplitter* ClassifyPage::buildResultsAndPreview() {
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildResultsView());
    m_preview = new GradCamPreview(splitter);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClassifyPage::showSelectedResult);
    connect(m_preview, &GradCamPreview::explainRequested, this,
            [this](const QString& path, int classIndex, bool gradCam) {
                QMetaObject::invokeMethod(
                    m_worker, [worker = m_worker, choice = m_resultsChoice, path, classIndex,
                               gradCam] { worker->explain(choice, path, classIndex, gradCam); });
            });
    return splitter;
}

void ClassifyPage::showSelectedResult() {
    const QModelIndex current = m_sorted->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_preview->clear(/*forgetCache=*/false);
        return;
    }
    m_preview->showImage(m_results->image(current.row()), m_results->classes());
}

QHBoxLayout* ClassifyPage::buildActionRow() {
    m_chooseImages = new QPushButton(tr("Open images…"), this);
    m_chooseImages->setToolTip(tr("Classify image files (or drop images and folders here)"));
    m_chooseFolder = new QPushButton(tr("Open folder…"), this);
    m_chooseFolder->setToolTip(tr("Classify every image in a folder and its subfolders"));
    m_paste = new QPushButton(tr("Paste"), this);
    m_paste->setToolTip(
        tr("Classify the image on the clipboard (%1)")
            .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(
        tr("Save the results as tstudio predict --csv does: path, class, every probability"));
    m_export->setEnabled(false);
    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_chooseImages);
    actionRow->addWidget(m_chooseFolder);
    actionRow->addWidget(m_paste);
    actionRow->addWidget(m_progress, 1);
    actionRow->addWidget(m_cancel);
    actionRow->addStretch(0);
    actionRow->addWidget(m_export);
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
    connect(m_worker, &ClassifyWorker::started, this, &ClassifyPage::onStarted);
    connect(m_worker, &ClassifyWorker::imagesClassified, this, &ClassifyPage::addResults);
    connect(m_worker, &ClassifyWorker::explained, m_preview, &GradCamPreview::setExplained);
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
    m_chooser->setBackbone(arch, displayName, weightsPath);
    updateHint();
}

void ClassifyPage::setProject(ProjectState* project) {
    m_chooser->setProject(project);
}

void ClassifyPage::onChoiceChanged(const ClassifierChoice& choice) {
    m_weightsRow->setVisible(!choice.isBundle());
    updateHint();
}

void ClassifyPage::updateHint() {
    const ClassifierChoice choice = m_chooser->choice();
    const bool ready = choice.isBundle() || (!m_arch.isEmpty() && !m_weightsPath.isEmpty());
    if (choice.isBundle()) {
        m_hint->setText(
            tr("Drop images or folders here, paste an image (%1) or open them: "
               "the trained model <b>%2</b> names their classes.")
                .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText),
                     QFileInfo(choice.bundle).fileName().toHtmlEscaped()));
    } else if (m_arch.isEmpty()) {
        m_hint->setText(tr("Pick a backbone on the left."));
    } else if (m_weightsPath.isEmpty()) {
        m_hint->setText(tr("<b>%1</b> has no weights yet. Download the official ImageNet "
                           "weights or choose a weights file (.pth or .safetensors) to name the "
                           "ImageNet classes of your photos.")
                            .arg(m_displayName.toHtmlEscaped()));
    } else {
        m_hint->setText(
            tr("Drop images or folders here, paste an image (%1) or open them: "
               "<b>%2</b> names what they show (top %3 of the 1,000 ImageNet "
               "classes).")
                .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText),
                     m_displayName.toHtmlEscaped())
                .arg(kTopK));
    }
    for (QPushButton* button : {m_chooseImages, m_chooseFolder, m_paste}) {
        button->setEnabled(ready && !m_busy);
    }
    m_download->setVisible(!m_arch.isEmpty() && m_weightsPath.isEmpty());
    m_download->setEnabled(!m_busy);
    m_export->setEnabled(!m_busy && m_results->classifiedCount() > 0);
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

void ClassifyPage::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder to classify"));
    if (!folder.isEmpty()) {
        classifyFiles({folder});
    }
}

void ClassifyPage::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    const QStringList files = localFiles(mime);
    if (!files.isEmpty()) {
        classifyFiles(files);
        return;
    }
    if (mime == nullptr || !mime->hasImage()) {
        Q_EMIT statusMessage(tr("The clipboard holds no image or image file to classify"));
        return;
    }
    // Encoding and writing a large screenshot takes a moment: off the GUI thread.
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    m_pasteJob->start([image, folder = pastedImagesFolder()](
                          JobControl&) { return savePastedImage(image, folder); },
                      [this](const QString& path) { classifyFiles({path}); });
}

void ClassifyPage::classifyFiles(const QStringList& paths) {
    if (m_busy) {
        Q_EMIT statusMessage(tr("Still classifying: wait or cancel first"));
        return;
    }
    const ClassifierChoice choice = m_chooser->choice();
    if (!choice.isBundle() && (choice.arch.isEmpty() || choice.weights.isEmpty())) {
        Q_EMIT statusMessage(tr("Choose a backbone and its weights first"));
        return;
    }
    setBusy(true);
    m_jobChoice = choice;
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Opening the model…"));
    m_worker->prepareJob(); // before queueing: a cancel from now on cancels this job
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, choice, paths] { worker->classify(choice, paths, kTopK); });
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

void ClassifyPage::chooseCsvFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the results"),
                                                      QStringLiteral("predictions.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        exportCsv(path);
    }
}

void ClassifyPage::exportCsv(const QString& path) {
    m_exportJob->start([path, classes = m_results->classes(), images = m_results->images()](
                           JobControl&) { return writeResultsCsv(path, classes, images); },
                       [this, path](Done) {
                           Q_EMIT statusMessage(tr("Results saved to %1").arg(path));
                           Q_EMIT csvWritten(path);
                       });
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
    m_chooser->setEnabled(!busy);
    updateHint();
    Q_EMIT busyChanged(busy);
}

void ClassifyPage::onStarted(int total, const QStringList& classes) {
    // Rows of another model have other classes: they cannot share a table or a CSV.
    if (!(m_jobChoice == m_resultsChoice) || classes != m_results->classes()) {
        m_results->clear();
        m_results->setClasses(classes);
        m_resultsChoice = m_jobChoice;
        m_preview->clear(/*forgetCache=*/true);
    }
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m"));
}

void ClassifyPage::addResults(const QList<ClassifiedImage>& batch, int done, int total) {
    m_progress->setValue(done);
    m_progress->setMaximum(total);
    const int first = m_results->rowCount();
    m_results->appendImages(batch);
    if (!m_view->currentIndex().isValid()) {
        // The first readable result shows large at once: the preview explains what the table
        // lists.
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (batch[i].ok()) {
                const QModelIndex source =
                    m_results->index(first + static_cast<int>(i), ClassificationResultsModel::File);
                m_view->setCurrentIndex(m_sorted->mapFromSource(source));
                break;
            }
        }
    }
    if (m_view->horizontalHeader()->sortIndicatorSection() < 0) {
        m_view->scrollToBottom(); // unsorted: the newest rows are the ones to watch
    }
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
