#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QBuffer>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QImageReader>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/common/blas_info.h"
#include "core/common/devices.h"
#include "core/common/threads.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "ui/classify/classify_page.h"
#include "ui/common/background_job.h"
#include "ui/common/blas_label.h"
#include "ui/common/settings_keys.h"
#include "ui/data/data_page.h"
#include "ui/evaluation/evaluation_page.h"
#include "ui/export/model_export_dialog.h"
#include "ui/labeling/labeling_page.h"
#include "ui/model/model_page.h"
#include "ui/project/dataset_export_actions.h"
#include "ui/project/project_document.h"
#include "ui/project/project_file_actions.h"
#include "ui/project/project_state.h"
#include "ui/project/run_history_dock.h"
#include "ui/train/train_page.h"
#include "ui/train/training_session.h"

namespace tstudio::ui {

namespace {
/**
 * An icon from :/icons/<name>.svg drawn in the palette's text colours (the SVGs paint with
 * currentColor), at the sizes toolbars and menus ask for and their high-DPI doubles.
 */
QIcon themedIcon(const QString& name, const QPalette& palette) {
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        return {}; // resources not linked (tests): text-only actions
    }
    const QByteArray svg = file.readAll();
    QIcon icon;
    const auto addMode = [&](QPalette::ColorGroup group, QIcon::Mode mode) {
        QByteArray colored = svg;
        colored.replace("currentColor",
                        palette.color(group, QPalette::WindowText).name().toLatin1());
        for (int size : {16, 22, 24, 32, 48, 64, 96}) {
            QBuffer buffer(&colored);
            QImageReader reader(&buffer, "svg");
            reader.setScaledSize(QSize(size, size));
            const QImage image = reader.read();
            if (!image.isNull()) {
                icon.addPixmap(QPixmap::fromImage(image), mode);
            }
        }
    };
    addMode(QPalette::Active, QIcon::Normal);
    addMode(QPalette::Disabled, QIcon::Disabled);
    return icon;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Transfer Studio"));
    setObjectName(QStringLiteral("MainWindow"));
    createDocument();
    m_stack = new QStackedWidget(this);
    setCentralWidget(m_stack);
    createActions();
    createStepBar();
    createMenus();
    createSteps();
    m_deviceLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_deviceLabel);
    showDevice();
    statusBar()->addPermanentWidget(new BlasLabel(loadedBlas(), this));
    connectSteps();
    restoreSession();
    refreshIcons();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::showStatus(const QString& message) {
    statusBar()->showMessage(message, 8000);
}

void MainWindow::createDocument() {
    m_project = new ProjectState(this);
    m_document = new ProjectDocument(m_project, this);
    m_projectActions = new ProjectFileActions(m_document, this);
    m_exportActions = new DatasetExportActions(m_project, this);
    connect(m_exportActions, &DatasetExportActions::statusMessage, this, &MainWindow::showStatus);
    m_modelExport = new ModelExportDialog(this);
    // The run just finished is what a person most likely wants to export.
    connect(m_project, &ProjectState::lastBundleChanged, m_modelExport,
            &ModelExportDialog::setBundle);
    connect(m_projectActions, &ProjectFileActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_document, &ProjectDocument::titleChanged, this, &MainWindow::updateTitle);
}

void MainWindow::createStepBar() {
    m_stepBar = new QToolBar(tr("Steps"), this);
    m_stepBar->setObjectName(QStringLiteral("stepBar"));
    m_stepBar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_stepBar->setIconSize(QSize(32, 32));
    m_stepBar->setMovable(false);
    addToolBar(Qt::LeftToolBarArea, m_stepBar);
    m_stepGroup = new QActionGroup(this);
    m_stepGroup->setExclusive(true);
}

void MainWindow::createSteps() {
    // The steps, in order.
    m_dataPage = new DataPage(m_project, this);
    addPage(m_dataPage, tr("Data"), QStringLiteral("step-data"));
    m_labelingPage = new LabelingPage(m_project, m_document->undoStack(), nullptr, this);
    m_labelStep =
        addPage(m_labelingPage, tr("Label"), QStringLiteral("step-data"), PageNeeds::Dataset);
    m_modelPage = new ModelPage(m_project, this);
    addPage(m_modelPage, tr("Model"), QStringLiteral("step-model"), PageNeeds::Dataset);
    m_trainPage = new TrainPage(m_project, this);
    addPage(m_trainPage, tr("Train"), QStringLiteral("step-train"), PageNeeds::Dataset);
    // One thumbnail cache for the Label step and the evaluation galleries.
    m_evaluationPage =
        new EvaluationPage(m_project, m_document->undoStack(), m_labelingPage->thumbnails(), this);
    addPage(m_evaluationPage, tr("Evaluate"), QStringLiteral("step-evaluate"), PageNeeds::Dataset);
    addPage(createClassifyStep(), tr("Classify"), QStringLiteral("step-classify"));
}

void MainWindow::connectSteps() {
    connect(m_project, &ProjectState::datasetChanged, this, &MainWindow::updatePageAvailability);
    connect(m_project, &ProjectState::configChanged, this, &MainWindow::onConfigChanged);
    connect(m_dataPage, &DataPage::datasetOpened, this, &MainWindow::onDatasetOpened);
    connect(m_modelPage, &ModelPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_trainPage, &TrainPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_labelingPage, &LabelingPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_evaluationPage, &EvaluationPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_dataPage, &DataPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_dataPage, &DataPage::busyChanged, this,
            [this](bool busy) { m_newDemo->setEnabled(!busy); });
    connect(m_classifyPage, &ClassifyPage::weightsChosen, this,
            [this](const QString& arch, const QString& path) {
                if (arch == QString::fromStdString(m_project->config().arch)) {
                    useWeightsFile(path);
                } else {
                    QSettings().setValue(settings_keys::weightsFor(arch), path);
                }
            });
    connect(m_classifyPage, &ClassifyPage::weightsDownloaded, this, [this] { onConfigChanged(); });
    connect(m_classifyPage, &ClassifyPage::statusMessage, this, &MainWindow::showStatus);
}

void MainWindow::onDatasetOpened(const QString& path) {
    QSettings settings;
    settings.setValue(settings_keys::lastDataset(), QDir::cleanPath(path));
    // A dataset opened on its own starts a new untitled project on it.
    settings.setValue(settings_keys::lastProject(), QString());
    m_document->startUntitled();
    // A folder of unsorted photos has nothing to do on the other steps before labelling.
    const data::Dataset& dataset = m_project->dataset();
    if (dataset.size() > 0 &&
        dataset.unlabeledCount() + dataset.excludedCount() == dataset.size()) {
        setCurrentPage(m_labelStep);
    }
}

void MainWindow::restoreSession() {
    QSettings settings;
    restoreTrainingConfig();
    if (!selectBackbone(settings.value(settings_keys::backbone(), settings_keys::defaultBackbone())
                            .toString())) {
        selectBackbone(QString::fromStdString(models::backboneRegistry().front().name));
    }
    restoreGeometry(settings.value(settings_keys::windowGeometry()).toByteArray());
    restoreState(settings.value(settings_keys::windowState()).toByteArray());
    m_dataPage->restoreState(settings_keys::dataPageGroup());
    if (settings.value(settings_keys::windowGeometry()).isNull()) {
        resizeToFitScreen();
    }
    updatePageAvailability();
    const QString page = settings.value(settings_keys::currentPage()).toString();
    int restored = 0;
    for (int i = 0; i < pageCount(); ++i) {
        if (m_pages[i].widget->objectName() == page) {
            restored = i;
        }
    }
    if (!setCurrentPage(restored)) {
        // The step needs the dataset that is still opening: go there once it is open.
        m_pendingPage = restored;
        setCurrentPage(0);
    }
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("%1[*] — Transfer Studio").arg(m_document->displayName()));
    setWindowModified(m_document->hasWorkToSave());
}

void MainWindow::createActions() {
    m_openFolder = new QAction(tr("Open Dataset &Folder…"), this);
    m_openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openFolder->setToolTip(tr("Open a folder of images, one subfolder per class"));
    m_openFile = new QAction(tr("Open Dataset &File…"), this);
    m_openFile->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_openFile->setToolTip(tr("Open a CSV list, CIFAR-10 binary batches or MNIST IDX files"));
    m_newDemo = new QAction(tr("New &Demo Project"), this);
    m_newDemo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newDemo->setToolTip(tr("Draw a small dataset of shapes to try the studio on"));
    m_exportModel = new QAction(tr("Export &Model…"), this);
    m_exportModel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportModel->setToolTip(
        tr("Write a trained model as .pth, safetensors, TorchScript or ONNX, verified"));
    connect(m_exportModel, &QAction::triggered, this, [this] {
        if (m_modelExport->bundle().isEmpty() && !m_project->lastBundle().isEmpty()) {
            m_modelExport->setBundle(m_project->lastBundle());
        }
        m_modelExport->show();
        m_modelExport->raise();
        m_modelExport->activateWindow();
    });
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);

    // Each starts a new project on its data: unsaved work is saved or discarded first.
    connect(m_openFolder, &QAction::triggered, this, [this] {
        m_projectActions->whenSaved([this] {
            setCurrentPage(0);
            m_dataPage->chooseFolder();
        });
    });
    connect(m_openFile, &QAction::triggered, this, [this] {
        m_projectActions->whenSaved([this] {
            setCurrentPage(0);
            m_dataPage->chooseFile();
        });
    });
    connect(m_newDemo, &QAction::triggered, this,
            [this] { m_projectActions->whenSaved([this] { newDemoProject(); }); });
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_fileBar = new QToolBar(tr("File"), this);
    m_fileBar->setObjectName(QStringLiteral("fileBar"));
    m_fileBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fileBar->addAction(m_projectActions->openProject());
    m_fileBar->addAction(m_projectActions->save());
    m_fileBar->addSeparator();
    m_fileBar->addAction(m_openFolder);
    m_fileBar->addAction(m_openFile);
    m_fileBar->addAction(m_newDemo);
    addToolBar(Qt::TopToolBarArea, m_fileBar);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_projectActions->newProject());
    file->addAction(m_projectActions->openProject());
    file->addMenu(m_projectActions->recentMenu());
    file->addSeparator();
    file->addAction(m_openFolder);
    file->addAction(m_openFile);
    file->addAction(m_newDemo);
    file->addSeparator();
    file->addAction(m_projectActions->save());
    file->addAction(m_projectActions->saveAs());
    file->addMenu(m_exportActions->menu());
    file->addAction(m_exportModel);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z everywhere, plus the platform's own (Ctrl+Y on some).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(shiftZ)) {
        redoKeys.prepend(shiftZ);
    }
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    undo->setObjectName(QStringLiteral("editUndo"));
    redo->setObjectName(QStringLiteral("editRedo"));
    // A run trains on the labels it started with, and the Label page is locked meanwhile: Undo
    // must not change them behind its back. Connected after the stack's own updates, so this
    // has the last word whenever the stack enables an action.
    QUndoStack* stack = m_document->undoStack();
    const auto lockWhileTraining = [this, stack, undo, redo] {
        const bool training = m_project->isTraining();
        undo->setEnabled(!training && stack->canUndo());
        redo->setEnabled(!training && stack->canRedo());
    };
    connect(m_project, &ProjectState::trainingChanged, this, lockWhileTraining);
    connect(stack, &QUndoStack::canUndoChanged, this, lockWhileTraining);
    connect(stack, &QUndoStack::canRedoChanged, this, lockWhileTraining);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_stepBar->toggleViewAction());
    m_viewMenu->addAction(m_fileBar->toggleViewAction());
    auto* history = new RunHistoryDock(m_project, this);
    addDockWidget(Qt::BottomDockWidgetArea, history);
    history->hide(); // until asked for; its state is remembered with the window's
    history->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_viewMenu->addAction(history->toggleViewAction());
    QAction* refresh =
        m_viewMenu->addAction(tr("&Refresh Weight Cache"), this, &MainWindow::onConfigChanged);
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Transfer Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QWidget* MainWindow::createClassifyStep() {
    auto* step = new QWidget(this);
    step->setObjectName(QStringLiteral("classifyStep"));
    m_classifyBackbone = new QComboBox(step);
    m_classifyBackbone->setObjectName(QStringLiteral("classifyBackbone"));
    for (const models::BackboneInfo& info : models::backboneRegistry()) {
        m_classifyBackbone->addItem(QString::fromStdString(info.displayName),
                                    QString::fromStdString(info.name));
    }
    m_classifyBackbone->setToolTip(tr("The ImageNet backbone that names what the photos show"));
    connect(m_classifyBackbone, &QComboBox::activated, this,
            [this](int index) { selectBackbone(m_classifyBackbone->itemData(index).toString()); });
    auto* row = new QHBoxLayout;
    // The classify page draws its own margins; the picker row lines up with them.
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    row->setContentsMargins(margin, margin, margin, 0);
    auto* label = new QLabel(tr("&Backbone:"), step);
    label->setBuddy(m_classifyBackbone);
    row->addWidget(label);
    row->addWidget(m_classifyBackbone);
    row->addStretch(1);

    m_classifyPage = new ClassifyPage(step);
    m_classifyPage->setProject(m_project);
    auto* layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_classifyPage, 1);
    return step;
}

int MainWindow::addPage(QWidget* page, const QString& title, const QString& iconName,
                        PageNeeds needs) {
    const int index = pageCount();
    if (page->objectName().isEmpty()) {
        page->setObjectName(QStringLiteral("page-") + iconName);
    }
    // A step whose controls need more room than a small screen has scrolls, instead of making
    // the whole window taller than the screen (the stack's minimum is its largest page's).
    auto* scroller = new QScrollArea(m_stack);
    scroller->setFrameShape(QFrame::NoFrame);
    scroller->setWidgetResizable(true);
    scroller->setWidget(page);
    m_stack->addWidget(scroller);

    auto* action = new QAction(title, m_stepGroup);
    action->setCheckable(true);
    if (index < 9) {
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    }
    action->setIcon(themedIcon(iconName, palette()));
    connect(action, &QAction::triggered, this, [this, index] {
        m_pendingPage = -1; // the person chose a step: do not jump away from it later
        setCurrentPage(index);
    });
    m_stepBar->addAction(action);
    // Steps go above the View menu's separator, in order.
    m_viewMenu->insertAction(m_viewMenu->actions().at(index), action);

    m_pages.append(Page{page, iconName, needs, action});
    updatePageAvailability();
    return index;
}

void MainWindow::resizeToFitScreen() {
    QSize size = settings_keys::kDefaultWindowSize;
    if (const QScreen* display = screen()) {
        // Leave room for the window frame and title bar, which the available geometry excludes.
        const QSize room = display->availableGeometry().size() * 0.92;
        size = size.boundedTo(room);
    }
    resize(size);
}

int MainWindow::currentPage() const {
    return m_stack->currentIndex();
}

bool MainWindow::isPageAvailable(int index) const {
    if (index < 0 || index >= pageCount()) {
        return false;
    }
    return m_pages[index].needs == PageNeeds::Nothing || m_project->dataset().size() > 0;
}

bool MainWindow::setCurrentPage(int index) {
    if (!isPageAvailable(index)) {
        return false;
    }
    m_stack->setCurrentIndex(index);
    m_pages[index].action->setChecked(true);
    return true;
}

bool MainWindow::showPageOf(const QWidget* widget) {
    for (int i = 0; i < pageCount(); ++i) {
        if (m_pages[i].widget == widget || m_pages[i].widget->isAncestorOf(widget)) {
            m_pendingPage = -1;
            return setCurrentPage(i);
        }
    }
    return false;
}

void MainWindow::updatePageAvailability() {
    for (int i = 0; i < pageCount(); ++i) {
        const bool available = isPageAvailable(i);
        QAction* action = m_pages[i].action;
        action->setEnabled(available);
        action->setToolTip(
            available ? tr("%1 (%2)").arg(action->text(),
                                          action->shortcut().toString(QKeySequence::NativeText))
                      : tr("%1: open a dataset first").arg(action->text()));
    }
    if (!isPageAvailable(currentPage())) {
        setCurrentPage(0);
    }
    if (m_pendingPage >= 0 && setCurrentPage(m_pendingPage)) {
        m_pendingPage = -1;
    }
}

void MainWindow::refreshIcons() {
    const QPalette colors = palette();
    for (const Page& page : std::as_const(m_pages)) {
        page.action->setIcon(themedIcon(page.iconName, colors));
    }
    m_openFolder->setIcon(themedIcon(QStringLiteral("open-folder"), colors));
    m_openFile->setIcon(themedIcon(QStringLiteral("open-file"), colors));
    m_newDemo->setIcon(themedIcon(QStringLiteral("new-demo"), colors));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_stepBar != nullptr) {
        refreshIcons(); // the system switched between light and dark
    }
}

void MainWindow::restoreTrainingConfig() {
    // The whole recipe of the last session (mode, optimizer, schedule, head, freezing, device,
    // runs folder), in the engine's own JSON; one that no longer parses is dropped, not half-used.
    const QString saved = QSettings().value(settings_keys::trainingConfig()).toString();
    if (saved.isEmpty()) {
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(saved.toUtf8());
    auto config = training::trainingConfigFromJson(document.object());
    if (config) {
        m_project->setConfig(std::move(config.value()));
    }
}

bool MainWindow::selectBackbone(const QString& arch) {
    const models::BackboneInfo* info = models::findBackbone(arch.toStdString());
    if (info == nullptr) {
        return false;
    }
    training::TrainingConfig config = m_project->config();
    if (config.arch != info->name || m_classifyPage->weightsPath().isEmpty()) {
        config.arch = info->name;
        config.weights =
            QSettings().value(settings_keys::weightsFor(arch)).toString().toStdString();
        config.fromScratch = false;
        m_project->setConfig(std::move(config));
    }
    QSettings().setValue(settings_keys::backbone(), arch);
    return true;
}

void MainWindow::useWeightsFile(const QString& path) {
    training::TrainingConfig config = m_project->config();
    QSettings().setValue(settings_keys::weightsFor(QString::fromStdString(config.arch)), path);
    config.weights = path.toStdString();
    config.fromScratch = false;
    m_project->setConfig(std::move(config));
}

QString MainWindow::weightsFor(const QString& arch) const {
    const training::TrainingConfig& config = m_project->config();
    if (!config.weights.empty()) {
        return QString::fromStdString(config.weights.string());
    }
    const models::BackboneInfo* info = models::findBackbone(arch.toStdString());
    if (info == nullptr) {
        return {};
    }
    const auto cached = weights::cachedOfficialWeights(*info);
    return cached ? QString::fromStdString(cached->string()) : QString();
}

void MainWindow::onConfigChanged() {
    const training::TrainingConfig& config = m_project->config();
    const QString arch = QString::fromStdString(config.arch);
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    const QString displayName = info != nullptr ? QString::fromStdString(info->displayName) : arch;
    const QString weights = weightsFor(arch);
    const int row = m_classifyBackbone->findData(arch);
    if (row >= 0) {
        m_classifyBackbone->setCurrentIndex(row);
    }
    m_classifyPage->setBackbone(arch, displayName, weights);

    // Remembered as they change, not only when the window closes, so a killed app keeps them:
    // the backbone's weight file (empty: the official one) and the whole training recipe.
    QSettings settings;
    if (!config.fromScratch) {
        settings.setValue(settings_keys::weightsFor(arch),
                          QString::fromStdString(config.weights.string()));
    }
    settings.setValue(
        settings_keys::trainingConfig(),
        QString::fromUtf8(QJsonDocument(training::toJson(config)).toJson(QJsonDocument::Compact)));
}

bool MainWindow::offerRecovery() {
    return m_projectActions->offerRecovery();
}

void MainWindow::openStartDataset(bool demo) {
    const QString project = QSettings().value(settings_keys::lastProject()).toString();
    if (!demo && !project.isEmpty() && QFileInfo::exists(project)) {
        m_document->open(project);
        return;
    }
    const QString last = QSettings().value(settings_keys::lastDataset()).toString();
    if (demo || last.isEmpty() || !QFileInfo::exists(last)) {
        newDemoProject();
    } else {
        m_dataPage->openPath(last);
    }
}

QString MainWindow::demoDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/demo");
}

void MainWindow::newDemoProject() {
    m_pendingPage = -1;
    if (m_project->isTraining()) {
        QMessageBox::information(this, tr("New Demo Project"),
                                 tr("A training run is going: stop it before starting the demo "
                                    "project."));
        return;
    }
    setCurrentPage(0);
    m_dataPage->createDemoProject(demoDirectory());
}

void MainWindow::showDevice() {
    const int threads = useAllCores();
    m_deviceLabel->setText(tr("CPU · %1 threads").arg(threads));
    m_deviceLabel->setToolTip(
        tr("Training and classification run on the CPU with %1 threads").arg(threads));
    // Asking LibTorch for CUDA devices initialises the driver (up to seconds): off the GUI thread.
    auto* query = new BackgroundJob(this);
    connect(query, &BackgroundJob::failed, query, &QObject::deleteLater); // the CPU line stays
    query->start(
        [](const JobControl&) -> Result<std::vector<std::string>> { return availableDevices(); },
        [this, query, threads](const std::vector<std::string>& devices) {
            query->deleteLater();
            int gpus = 0;
            for (const std::string& device : devices) {
                gpus += device.starts_with("cuda") ? 1 : 0;
            }
            if (gpus > 0) {
                showGpus(gpus, threads);
            }
        });
}

void MainWindow::showGpus(int count, int threads) {
    m_deviceLabel->setText(tr("CUDA · %1 GPU(s) · CPU %2 threads").arg(count).arg(threads));
    // LibTorch's C++ API has no device names on every build; the driver's tool has them.
    auto* smi = new QProcess(this);
    connect(smi, &QProcess::finished, this, [this, smi, count, threads](int exitCode) {
        smi->deleteLater();
        const QStringList lines = QString::fromLocal8Bit(smi->readAllStandardOutput())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (exitCode != 0 || lines.isEmpty()) {
            return;
        }
        const QStringList first = lines.first().split(QLatin1Char(','));
        if (first.size() < 2) {
            return;
        }
        const double gib = first[1].trimmed().toDouble() / 1024.0;
        m_deviceLabel->setText(tr("CUDA · %1 · %2 GiB%3 · CPU %4 threads")
                                   .arg(first[0].trimmed())
                                   .arg(gib, 0, 'f', 0)
                                   .arg(count > 1 ? tr(" (+%1 more)").arg(count - 1) : QString())
                                   .arg(threads));
        m_deviceLabel->setToolTip(lines.join(QLatin1Char('\n')));
    });
    connect(smi, &QProcess::errorOccurred, this, [smi](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            smi->deleteLater(); // no nvidia-smi: the count alone stays shown
        }
    });
    smi->start(QStringLiteral("nvidia-smi"), {QStringLiteral("--query-gpu=name,memory.total"),
                                              QStringLiteral("--format=csv,noheader,nounits")});
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Transfer Studio"),
                       tr("<h3>Transfer Studio %1</h3><p>Interactive transfer learning on "
                          "images: ImageNet backbones, your own dataset, live training.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    TrainingSession* session = m_trainPage->session();
    if (session->isRunning()) {
        // The window stays open and responsive while the run finishes its batch and writes its
        // checkpoint and bundle; it closes when the session says the run ended. There is no
        // "quit now": the write cannot be told apart from the batch from here, and killing it
        // half-way would lose the run.
        event->ignore();
        if (m_closeAfterRun) {
            statusBar()->showMessage(
                tr("Still stopping: the window closes as soon as the run has saved."));
            return;
        }
        if (session->job() == TrainingSession::Job::Training) {
            const auto answer = QMessageBox::question(
                this, tr("Quit Transfer Studio"),
                tr("A training run is going. Stop it after the current batch and quit? The "
                   "model is saved when at least one epoch has finished."));
            // The run may have ended while the question was open: then close at once.
            if (answer != QMessageBox::Yes) {
                return;
            }
            if (!session->isRunning()) {
                close();
                return;
            }
        }
        m_closeAfterRun = true;
        connect(session, &TrainingSession::ended, this, &QWidget::close, Qt::QueuedConnection);
        m_trainPage->stop();
        statusBar()->showMessage(tr("Stopping after this batch, saving…"));
        return;
    }
    if (!m_closeConfirmed && m_document->hasWorkToSave()) {
        // Asked once; Save closes when the file is written, Cancel keeps the window.
        event->ignore();
        m_projectActions->whenSaved([this] {
            m_closeConfirmed = true;
            close();
        });
        return;
    }
    m_classifyPage->cancel();
    m_dataPage->cancel();
    QSettings settings;
    settings.setValue(settings_keys::windowGeometry(), saveGeometry());
    settings.setValue(settings_keys::windowState(), saveState());
    settings.setValue(settings_keys::currentPage(), m_pages[currentPage()].widget->objectName());
    m_dataPage->saveState(settings_keys::dataPageGroup());
    event->accept();
}

} // namespace tstudio::ui
