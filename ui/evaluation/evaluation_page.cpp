#include "ui/evaluation/evaluation_page.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/evaluation/evaluation_queries.h"
#include "core/evaluation/report_files.h"
#include "core/training/model_bundle.h"
#include "ui/common/background_job.h"
#include "ui/evaluation/class_metrics_model.h"
#include "ui/evaluation/confusion_matrix_plot.h"
#include "ui/evaluation/image_outcome_model.h"
#include "ui/labeling/label_commands.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/models/run_text.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kTopLosses = 60;
constexpr int kGalleryThumbnail = 128; // drawn size; the loader makes them larger
const QString kLastExportDir = QStringLiteral("evaluation/lastExportDir");

QString splitTitle(data::Split split) {
    switch (split) {
    case data::Split::Val:
        return EvaluationPage::tr("validation images");
    case data::Split::Test:
        return EvaluationPage::tr("test images");
    default:
        return EvaluationPage::tr("all labelled images");
    }
}

} // namespace

EvaluationPage::EvaluationPage(ProjectState* state, QUndoStack* undo, ThumbnailLoader* loader,
                               QWidget* parent)
    : QWidget(parent), m_state(state), m_undo(undo), m_loader(loader) {
    if (m_loader == nullptr) {
        m_ownLoader = std::make_unique<ThumbnailLoader>(kGalleryThumbnail);
        m_loader = m_ownLoader.get();
    }
    m_classModel = new ClassMetricsModel(this);
    m_cellModel = new ImageOutcomeModel(state, m_loader, this);
    m_lossModel = new ImageOutcomeModel(state, m_loader, this);
    m_job = new BackgroundJob(this);
    m_exportJob = new BackgroundJob(this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(buildResults(), 1);

    connect(m_job, &BackgroundJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
        m_progress->setValue(static_cast<int>(done));
    });
    connect(m_job, &BackgroundJob::failed, this, [this](const QString& message) {
        setBusy(false);
        m_summary->setText(message);
        Q_EMIT statusMessage(message);
        Q_EMIT evaluationEnded();
    });
    connect(m_job, &BackgroundJob::cancelled, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Evaluation cancelled"));
        Q_EMIT evaluationEnded();
    });
    connect(m_exportJob, &BackgroundJob::failed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("The report was not written: %1").arg(message));
        updateActions();
        Q_EMIT exportEnded(false);
    });

    connect(state, &ProjectState::runsChanged, this, &EvaluationPage::refreshBundles);
    connect(state, &ProjectState::lastBundleChanged, this, [this](const QString& path) {
        if (path.isEmpty()) {
            return;
        }
        setBundle(path);
        m_reportStale = true;
        if (isVisible() && !m_state->isTraining()) {
            evaluate();
        }
    });
    // The report's sample indices name the dataset it measured.
    connect(state, &ProjectState::datasetChanged, this, &EvaluationPage::clearReport);
    connect(state, &ProjectState::samplesRemoved, this, &EvaluationPage::clearReport);
    connect(state, &ProjectState::trainingChanged, this, &EvaluationPage::updateActions);
    connect(state, &ProjectState::classesChanged, this, &EvaluationPage::fillRelabelClasses);
    connect(state, &ProjectState::datasetChanged, this, &EvaluationPage::fillRelabelClasses);
    fillRelabelClasses();
    refreshBundles();
    updateActions();
}

EvaluationPage::~EvaluationPage() = default;

QWidget* EvaluationPage::buildControls() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_bundleCombo = new QComboBox(bar);
    m_bundleCombo->setObjectName(QStringLiteral("evaluationModel"));
    m_bundleCombo->setMinimumContentsLength(36);
    m_bundleCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* modelLabel = new QLabel(tr("&Model:"), bar);
    modelLabel->setBuddy(m_bundleCombo);
    connect(m_bundleCombo, &QComboBox::activated, this, [this](int index) {
        if (m_bundleCombo->itemData(index).toString().isEmpty()) {
            chooseOtherBundle();
        }
        updateActions();
    });
    m_splitCombo = new QComboBox(bar);
    m_splitCombo->addItem(tr("Validation split"), static_cast<int>(data::Split::Val));
    m_splitCombo->addItem(tr("Test split"), static_cast<int>(data::Split::Test));
    m_splitCombo->addItem(tr("All labelled images"), static_cast<int>(data::Split::None));
    auto* splitLabel = new QLabel(tr("&Images:"), bar);
    splitLabel->setBuddy(m_splitCombo);
    m_evaluateButton = new QPushButton(tr("&Evaluate"), bar);
    m_evaluateButton->setShortcut(QKeySequence(Qt::Key_F5));
    m_evaluateButton->setToolTip(tr("Measure the model on these images (F5)"));
    connect(m_evaluateButton, &QPushButton::clicked, this, &EvaluationPage::evaluate);
    m_progress = new QProgressBar(bar);
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"), bar);
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &EvaluationPage::cancel);
    m_exportButton = new QPushButton(tr("E&xport Report…"), bar);
    m_exportButton->setToolTip(
        tr("Per-class table and per-image predictions as CSV, the confusion matrix as PNG"));
    connect(m_exportButton, &QPushButton::clicked, this, &EvaluationPage::exportReport);
    row->addWidget(modelLabel);
    row->addWidget(m_bundleCombo, 1);
    row->addWidget(splitLabel);
    row->addWidget(m_splitCombo);
    row->addWidget(m_evaluateButton);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelButton);
    row->addStretch();
    row->addWidget(m_exportButton);
    return bar;
}

QWidget* EvaluationPage::buildResults() {
    auto* results = new QWidget(this);
    auto* layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(tr("Train a model, or choose one, then Evaluate."), results);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Horizontal, results);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_confusion = new ConfusionMatrixPlot(left);
    m_normalised = new QCheckBox(tr("&Row-normalised (share of each true class)"), left);
    m_normalised->setChecked(QSettings().value(QStringLiteral("evaluation/normalised")).toBool());
    m_confusion->setNormalised(m_normalised->isChecked());
    connect(m_normalised, &QCheckBox::toggled, this, [this](bool on) {
        m_confusion->setNormalised(on);
        QSettings().setValue(QStringLiteral("evaluation/normalised"), on);
    });
    connect(m_confusion, &ConfusionMatrixPlot::cellClicked, this, &EvaluationPage::showCell);
    leftLayout->addWidget(m_confusion, 1);
    leftLayout->addWidget(m_normalised);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(right);
    m_classTable = new QTableView(m_tabs);
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_classModel);
    sorted->setSortRole(ClassMetricsModel::kValueRole);
    m_classTable->setModel(sorted);
    m_classTable->setObjectName(QStringLiteral("classMetrics"));
    m_classTable->setSortingEnabled(true);
    // The bundle's class order (the confusion matrix's) until a header click; setSortingEnabled
    // alone would sort the first column descending.
    m_classTable->sortByColumn(-1, Qt::AscendingOrder);
    m_classTable->verticalHeader()->hide();
    m_classTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_classTable, tr("Per class"));
    m_tabs->addTab(buildGallery(m_cellView, m_cellModel, QStringLiteral("cellGallery")),
                   tr("Cell images"));
    m_tabs->addTab(buildGallery(m_lossView, m_lossModel, QStringLiteral("lossGallery")),
                   tr("Top losses"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &EvaluationPage::updateActions);
    rightLayout->addWidget(m_tabs, 1);

    auto* actions = new QHBoxLayout();
    m_relabelCombo = new QComboBox(right);
    m_relabelButton = new QPushButton(tr("Re&label as"), right);
    m_relabelButton->setToolTip(tr("The label may be what is wrong: give the selected images "
                                   "this class (Ctrl+Z undoes it)"));
    connect(m_relabelButton, &QPushButton::clicked, this,
            [this] { relabelSelection(m_relabelCombo->currentIndex()); });
    m_excludeButton = new QPushButton(tr("E&xclude"), right);
    m_excludeButton->setToolTip(tr("Leave the selected images out of training (X)"));
    connect(m_excludeButton, &QPushButton::clicked, this, &EvaluationPage::excludeSelection);
    actions->addWidget(m_relabelButton);
    actions->addWidget(m_relabelCombo, 1);
    actions->addWidget(m_excludeButton);
    rightLayout->addLayout(actions);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    return results;
}

QWidget* EvaluationPage::buildGallery(QListView*& view, ImageOutcomeModel* model,
                                      const QString& name) {
    view = new QListView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setViewMode(QListView::IconMode);
    view->setResizeMode(QListView::Adjust);
    view->setMovement(QListView::Static);
    // Not uniform: a relabelled image's caption has a second line ("now bees").
    view->setUniformItemSizes(false);
    view->setIconSize(QSize(kGalleryThumbnail, kGalleryThumbnail));
    view->setGridSize(QSize(kGalleryThumbnail + 40, kGalleryThumbnail + 52));
    view->setWordWrap(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EvaluationPage::updateActions);
    auto* exclude = new QShortcut(QKeySequence(Qt::Key_X), view);
    exclude->setContext(Qt::WidgetShortcut);
    connect(exclude, &QShortcut::activated, this, &EvaluationPage::excludeSelection);
    return view;
}

QString EvaluationPage::bundle() const {
    return m_bundleCombo->currentData().toString();
}

void EvaluationPage::refreshBundles() {
    const QString current = bundle();
    m_bundleCombo->clear();
    const auto& runs = m_state->runs();
    // Newest first: the run just finished is the one a person wants to look at.
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const QString path = QString::fromStdString(it->summary.bundle.string());
        if (!path.isEmpty()) {
            m_bundleCombo->addItem(runTitle(*it), path);
            m_bundleCombo->setItemData(m_bundleCombo->count() - 1, QDir::toNativeSeparators(path),
                                       Qt::ToolTipRole);
        }
    }
    if (!m_otherBundle.isEmpty() && m_bundleCombo->findData(m_otherBundle) < 0) {
        m_bundleCombo->addItem(QFileInfo(m_otherBundle).fileName(), m_otherBundle);
    }
    m_bundleCombo->addItem(tr("Other bundle…"), QString());
    const int keep = m_bundleCombo->findData(current);
    m_bundleCombo->setCurrentIndex(keep >= 0 && !current.isEmpty() ? keep : 0);
    updateActions();
}

void EvaluationPage::setBundle(const QString& path) {
    if (m_bundleCombo->findData(path) < 0) {
        m_otherBundle = path;
        refreshBundles();
    }
    m_bundleCombo->setCurrentIndex(m_bundleCombo->findData(path));
    updateActions();
}

void EvaluationPage::setSplit(data::Split split) {
    m_splitCombo->setCurrentIndex(m_splitCombo->findData(static_cast<int>(split)));
}

void EvaluationPage::chooseOtherBundle() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Trained Model"), QFileInfo(m_otherBundle).path(),
        tr("Model bundles (*.tsmodel);;All files (*)"));
    if (path.isEmpty()) {
        refreshBundles();
        return;
    }
    setBundle(path);
}

bool EvaluationPage::isBusy() const {
    return m_job->isRunning();
}

void EvaluationPage::evaluate() {
    const QString path = bundle();
    if (path.isEmpty()) {
        Q_EMIT statusMessage(tr("Choose a trained model to evaluate"));
        return;
    }
    const auto split = static_cast<data::Split>(m_splitCombo->currentData().toInt());
    setBusy(true);
    m_summary->setText(
        tr("Evaluating %1 on the %2…").arg(QFileInfo(path).fileName(), splitTitle(split)));
    m_job->start(
        [bundlePath = path.toStdString(), dataset = m_state->dataset(),
         split](JobControl& control) -> Result<training::EvaluationReport> {
            auto classifier = training::BundleClassifier::open(bundlePath);
            if (!classifier) {
                return classifier.error();
            }
            return classifier->evaluateReport(
                dataset, split,
                [&control](std::int64_t done, std::int64_t total) {
                    control.reportProgress(done, total);
                },
                control.cancelFlag());
        },
        [this, path](training::EvaluationReport report) {
            setBusy(false);
            m_reportBundle = path;
            m_reportStale = false;
            showReport(std::make_shared<const training::EvaluationReport>(std::move(report)));
            Q_EMIT evaluationEnded();
        });
}

void EvaluationPage::cancel() {
    m_job->cancel();
}

void EvaluationPage::showReport(std::shared_ptr<const training::EvaluationReport> report) {
    m_report = std::move(report);
    const training::EvaluationResult& s = m_report->summary;
    std::int64_t correct = 0;
    for (std::size_t c = 0; c < s.confusion.size(); ++c) {
        correct += s.confusion[c][c];
    }
    QString text = tr("<b>%1</b> correct of %2 images · top-1 %3")
                       .arg(correct)
                       .arg(s.count)
                       .arg(percentText(s.top1));
    if (s.top5) {
        text += tr(" · top-5 %1").arg(percentText(*s.top5));
    }
    text += tr(" · loss %1").arg(s.loss, 0, 'f', 3);
    if (!m_report->unreadable.empty()) {
        text += tr(" · %1 unreadable (not counted)").arg(m_report->unreadable.size());
    }
    m_summary->setText(text);
    m_classModel->setMetrics(s.perClass, m_report->classes);
    m_confusion->setMatrix(s.confusion, m_report->classes);
    m_cellModel->clear();
    m_lossModel->setOutcomes(
        m_report, evaluation::topLosses(*m_report, static_cast<std::size_t>(kTopLosses)));
    updateActions();
}

void EvaluationPage::clearReport() {
    m_job->cancel();
    m_report.reset();
    m_cellModel->clear();
    m_lossModel->clear();
    m_classModel->setMetrics({}, {});
    m_confusion->setMatrix({}, {});
    m_summary->setText(tr("The images changed: Evaluate again to see the model on them."));
    updateActions();
}

void EvaluationPage::showCell(int trueClass, int predicted) {
    if (!m_report) {
        return;
    }
    const auto images = evaluation::imagesInCell(*m_report, trueClass, predicted);
    const auto name = [&](int c) {
        return QString::fromStdString(m_report->classes.at(static_cast<std::size_t>(c)));
    };
    m_cellModel->setOutcomes(m_report, images);
    m_tabs->setTabText(m_tabs->indexOf(m_cellView),
                       tr("%1 → %2 (%3)").arg(name(trueClass), name(predicted)).arg(images.size()));
    m_tabs->setCurrentWidget(m_cellView);
    m_cellView->setFocus();
    if (!images.empty()) {
        m_cellView->setCurrentIndex(m_cellModel->index(0));
    }
}

QListView* EvaluationPage::currentGallery() const {
    QWidget* current = m_tabs->currentWidget();
    return current == m_cellView ? m_cellView : current == m_lossView ? m_lossView : nullptr;
}

std::vector<std::size_t> EvaluationPage::selectedSamples() const {
    std::vector<std::size_t> samples;
    const QListView* view = currentGallery();
    if (view == nullptr || !m_report) {
        return samples;
    }
    for (const QModelIndex& index : view->selectionModel()->selectedIndexes()) {
        const auto sample = index.data(ImageOutcomeModel::SampleRole).toULongLong();
        if (sample < m_state->dataset().size()) {
            samples.push_back(static_cast<std::size_t>(sample));
        }
    }
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

void EvaluationPage::relabelSelection(int label) {
    const auto samples = selectedSamples();
    if (samples.empty() || m_state->isTraining() || label < 0 ||
        label >= static_cast<int>(m_state->dataset().classes().size())) {
        return;
    }
    m_undo->push(new LabelCommand(m_state, samples, label));
}

void EvaluationPage::excludeSelection() {
    const auto samples = selectedSamples();
    if (samples.empty() || m_state->isTraining()) {
        return;
    }
    m_undo->push(new ExcludeCommand(m_state, samples, true));
}

void EvaluationPage::exportReport() {
    if (!m_report) {
        return;
    }
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export the Evaluation Report into"),
        settings.value(kLastExportDir, QDir::homePath()).toString());
    if (dir.isEmpty()) {
        return;
    }
    settings.setValue(kLastExportDir, dir);
    exportReportTo(dir);
}

void EvaluationPage::exportReportTo(const QString& dir) {
    if (!m_report) {
        Q_EMIT exportEnded(false);
        return;
    }
    m_exportButton->setEnabled(false);
    m_exportJob->start(
        [report = m_report, dir = dir.toStdString()](JobControl&) -> Result<bool> {
            if (auto status = evaluation::writeEvaluationReport(*report, dir); !status) {
                return status.error();
            }
            return true;
        },
        [this, dir](bool) {
            Q_EMIT statusMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(dir)));
            updateActions();
            Q_EMIT exportEnded(true);
        });
}

void EvaluationPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Opening the step after a run: show that run without another click.
    if ((!m_report || m_reportStale) && !bundle().isEmpty() && !isBusy() &&
        !m_state->isTraining()) {
        evaluate();
    }
}

void EvaluationPage::fillRelabelClasses() {
    m_relabelCombo->clear();
    for (const std::string& name : m_state->dataset().classes()) {
        m_relabelCombo->addItem(QString::fromStdString(name));
    }
    updateActions();
}

void EvaluationPage::setBusy(bool busy) {
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
    }
    updateActions();
}

void EvaluationPage::updateActions() {
    const bool busy = isBusy();
    m_evaluateButton->setEnabled(!busy && !bundle().isEmpty());
    m_bundleCombo->setEnabled(!busy);
    m_splitCombo->setEnabled(!busy);
    m_exportButton->setEnabled(m_report != nullptr && !m_exportJob->isRunning());
    const QListView* view = currentGallery();
    const bool selection = view != nullptr && view->selectionModel()->hasSelection();
    const bool editable = selection && !m_state->isTraining();
    m_relabelButton->setEnabled(editable && m_relabelCombo->count() > 0);
    m_relabelCombo->setEnabled(editable);
    m_excludeButton->setEnabled(editable);
}

} // namespace tstudio::ui
