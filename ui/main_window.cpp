#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

#include "core/common/threads.h"
#include "ui/classify/classify_page.h"
#include "ui/models/backbone_table_model.h"

namespace tstudio::ui {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
const auto kSplitterKey = QStringLiteral("mainWindow/splitter");
const auto kBackboneKey = QStringLiteral("model/backbone");
QString weightsKey(const QString& arch) {
    return QStringLiteral("weights/") + arch;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Transfer Studio"));
    setObjectName(QStringLiteral("MainWindow"));

    m_backbones = new BackboneTableModel(this);
    m_backboneView = new QTableView(this);
    m_backboneView->setModel(m_backbones);
    m_backboneView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backboneView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_backboneView->verticalHeader()->hide();
    m_backboneView->horizontalHeader()->setStretchLastSection(true);
    m_backboneView->setAlternatingRowColors(true);
    m_backboneView->resizeColumnsToContents();

    m_classifyPage = new ClassifyPage(this);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_backboneView);
    splitter->addWidget(m_classifyPage);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_deviceLabel = new QLabel(tr("CPU · %1 threads").arg(useAllCores()), this);
    statusBar()->addPermanentWidget(m_deviceLabel);

    createMenus();

    connect(m_backboneView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onBackboneSelected);
    connect(m_classifyPage, &ClassifyPage::weightsChosen, this,
            [](const QString& arch, const QString& path) {
                QSettings().setValue(weightsKey(arch), path);
            });
    connect(m_classifyPage, &ClassifyPage::weightsDownloaded, this,
            [this] { m_backbones->refresh(); });
    connect(m_classifyPage, &ClassifyPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });

    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (!splitter->restoreState(settings.value(kSplitterKey).toByteArray())) {
        splitter->setSizes({560, 640}); // first start: the whole zoo table visible
    }
    if (!selectBackbone(settings.value(kBackboneKey, QStringLiteral("mobilenet_v2")).toString())) {
        selectBackbone(m_backbones->index(0, 0).data(BackboneTableModel::ArchRole).toString());
    }
    if (settings.value(kGeometryKey).isNull()) {
        resize(1200, 720);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* classify =
        file->addAction(tr("&Classify Images…"), m_classifyPage, &ClassifyPage::chooseImages);
    classify->setShortcut(QKeySequence::Open);
    QAction* weights = file->addAction(tr("Choose &Weights File…"), m_classifyPage,
                                       &ClassifyPage::chooseWeightsFile);
    weights->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refresh = view->addAction(tr("&Refresh Weight Cache"), this, [this] {
        m_backbones->refresh();
        onBackboneSelected();
    });
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Transfer Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

bool MainWindow::selectBackbone(const QString& arch) {
    const int row = m_backbones->rowOf(arch);
    if (row < 0) {
        return false;
    }
    m_backboneView->setCurrentIndex(m_backbones->index(row, 0));
    onBackboneSelected();
    return true;
}

void MainWindow::useWeightsFile(const QString& path) {
    const QModelIndex current = m_backboneView->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const QModelIndex nameIndex = m_backbones->index(current.row(), BackboneTableModel::Name);
    const QString arch = nameIndex.data(BackboneTableModel::ArchRole).toString();
    QSettings().setValue(weightsKey(arch), path);
    m_classifyPage->setBackbone(arch, nameIndex.data().toString(), path);
}

QString MainWindow::weightsFor(const QString& arch) const {
    const QString chosen = QSettings().value(weightsKey(arch)).toString();
    if (!chosen.isEmpty()) {
        return chosen;
    }
    const int row = m_backbones->rowOf(arch);
    return m_backbones->index(row, 0).data(BackboneTableModel::CachedWeightsPathRole).toString();
}

void MainWindow::onBackboneSelected() {
    const QModelIndex current = m_backboneView->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const QModelIndex nameIndex = m_backbones->index(current.row(), BackboneTableModel::Name);
    const QString arch = nameIndex.data(BackboneTableModel::ArchRole).toString();
    m_classifyPage->setBackbone(arch, nameIndex.data().toString(), weightsFor(arch));
    QSettings().setValue(kBackboneKey, arch);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Transfer Studio"),
                       tr("<h3>Transfer Studio %1</h3><p>Interactive transfer learning on "
                          "images: ImageNet backbones, point-and-click labelling, live "
                          "training.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_classifyPage->cancel();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (auto* splitter = qobject_cast<QSplitter*>(centralWidget())) {
        settings.setValue(kSplitterKey, splitter->saveState());
    }
    event->accept();
}

} // namespace tstudio::ui
