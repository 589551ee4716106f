#include "ui/train/train_page.h"

#include <algorithm>
#include <cmath>

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

#include "core/project/project.h"
#include "core/training/model_bundle.h"
#include "ui/common/duration_text.h"
#include "ui/project/project_state.h"
#include "ui/train/live_plot.h"
#include "ui/train/lr_finder_view.h"
#include "ui/train/training_session.h"
#include "ui/train/training_settings.h"

namespace tstudio::ui {

namespace {
constexpr int kProgressSteps = 1000;
constexpr int kMaxLogLines = 5000;
} // namespace

TrainPage::TrainPage(ProjectState* project, QWidget* parent) : QWidget(parent), m_project(project) {
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("trainSplitter"));
    splitter->addWidget(buildSettingsScroll());
    splitter->addWidget(buildRunPanel());
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connectControls();
    connectSession();
    updateButtons();
}

QScrollArea* TrainPage::buildSettingsScroll() {
    m_settings = new TrainingSettings(m_project, this);
    auto* settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(m_settings);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setMinimumWidth(m_settings->sizeHint().width() + 24);
    return settingsScroll;
}

QTabWidget* TrainPage::buildPlots() {
    m_lossPlot = new LivePlot(tr("epoch"), tr("loss"), this);
    m_lossPlot->addSeries(tr("train (batches)"), QColor(31, 119, 180, 70));
    m_lossPlot->addSeries(tr("train (smoothed)"), QColor(31, 119, 180));
    m_lossPlot->addSeries(tr("train (epoch)"), QColor(31, 119, 180), LivePlot::Style::LineAndPoints,
                          Qt::DashLine);
    m_lossPlot->addSeries(tr("validation (epoch)"), QColor(214, 39, 40),
                          LivePlot::Style::LineAndPoints);
    m_accuracyPlot = new LivePlot(tr("epoch"), tr("accuracy (%)"), this);
    m_accuracyPlot->addSeries(tr("train"), QColor(31, 119, 180), LivePlot::Style::LineAndPoints);
    m_accuracyPlot->addSeries(tr("validation"), QColor(214, 39, 40),
                              LivePlot::Style::LineAndPoints);
    m_lrPlot = new LivePlot(tr("epoch"), tr("learning rate"), this);
    m_lrPlot->addSeries(tr("learning rate"), QColor(44, 160, 44));
    m_lrFinder = new LrFinderView(this);

    m_plots = new QTabWidget(this);
    m_plots->addTab(m_lossPlot, tr("Loss"));
    m_plots->addTab(m_accuracyPlot, tr("Accuracy"));
    m_plots->addTab(m_lrPlot, tr("Learning rate"));
    m_plots->addTab(m_lrFinder, tr("LR finder"));
    return m_plots;
}

QHBoxLayout* TrainPage::buildControls() {
    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start"), this);
    m_pause = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"), this);
    m_stop = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this);
    m_continue = new QPushButton(style()->standardIcon(QStyle::SP_MediaSeekForward),
                                 tr("Continue Run"), this);
    // Keys for the whole run, so training needs no mouse: Ctrl+Enter starts, Ctrl+Shift+Enter
    // pauses or resumes, Ctrl+. stops (F5 is the View menu's refresh).
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Start a run with these settings (Ctrl+Enter)"));
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_pause->setToolTip(tr("Pause or resume the run (Ctrl+Shift+Enter)"));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Stop after the current batch; the model is saved when at least one "
                          "epoch finished (Ctrl+.)"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("Not started"));
    m_speed = new QLabel(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_start);
    controls->addWidget(m_pause);
    controls->addWidget(m_stop);
    controls->addWidget(m_continue);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_speed);
    return controls;
}

QWidget* TrainPage::buildRunPanel() {
    QTabWidget* plots = buildPlots();
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; "
                       "border-radius: 4px; padding: 6px; }"));
    m_error->setVisible(false);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QHBoxLayout* controls = buildControls();
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    // Wrapped: the epoch lines and folder paths are longer than the panel is wide, and a log
    // read by scrolling sideways hides exactly the figures people look for.
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The run's log appears here."));

    auto* rightSplitter = new QSplitter(Qt::Vertical, this);
    rightSplitter->addWidget(plots);
    rightSplitter->addWidget(m_log);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_error);
    rightLayout->addLayout(controls);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(rightSplitter, 1);
    return right;
}

void TrainPage::connectControls() {
    connect(m_start, &QPushButton::clicked, this, &TrainPage::start);
    connect(m_pause, &QPushButton::clicked, this, &TrainPage::togglePause);
    connect(m_stop, &QPushButton::clicked, this, &TrainPage::stop);
    connect(m_continue, &QPushButton::clicked, this, &TrainPage::continueRun);
    connect(m_settings, &TrainingSettings::findLearningRateRequested, this,
            &TrainPage::findLearningRate);
    connect(m_lrFinder, &LrFinderView::learningRateChosen, this, [this](double lr) {
        auto config = m_project->config();
        config.optimizer.lr = lr;
        m_project->setConfig(std::move(config));
        Q_EMIT statusMessage(tr("Learning rate set to %1").arg(QString::number(lr, 'g', 3)));
    });
}

void TrainPage::connectSession() {
    m_session = new TrainingSession(this);
    connect(m_session, &TrainingSession::runStarted, this, &TrainPage::onRunStarted);
    connect(m_session, &TrainingSession::lrFinderStarted, this, [this] {
        m_trainingJob = false;
        m_error->setVisible(false);
        m_progress->setValue(0);
        setProgressText(tr("Learning-rate range test: preparing…"));
        m_plots->setCurrentWidget(m_lrFinder);
    });
    connect(m_session, &TrainingSession::logLine, this, &TrainPage::appendLog);
    connect(m_session, &TrainingSession::batchProgress, this, &TrainPage::onBatch);
    connect(m_session, &TrainingSession::phaseProgress, this, &TrainPage::onPhase);
    connect(m_session, &TrainingSession::epochFinished, this, &TrainPage::plotEpoch);
    connect(m_session, &TrainingSession::runFinished, this, &TrainPage::onFinished);
    connect(m_session, &TrainingSession::failed, this, &TrainPage::onFailed);
    connect(m_session, &TrainingSession::cancelled, this, &TrainPage::onCancelled);
    connect(m_session, &TrainingSession::lrFound, this, &TrainPage::onLrFound);
    connect(m_session, &TrainingSession::lrProgress, this, [this](int step, int steps) {
        if (steps <= 0) {
            return;
        }
        m_progress->setValue(kProgressSteps * step / steps);
        setProgressText(tr("Learning-rate range test: step %1 of %2").arg(step).arg(steps));
    });
    connect(m_session, &TrainingSession::stateChanged, this, &TrainPage::updateButtons);
}

TrainPage::~TrainPage() = default;

bool TrainPage::isRunning() const {
    return m_session->isRunning();
}

bool TrainPage::isPaused() const {
    return m_session->isPaused();
}

QString TrainPage::resumableRun() const {
    return m_session->resumableRun();
}

QString TrainPage::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

QString TrainPage::summaryText() const {
    return m_summary->text();
}

QString TrainPage::logText() const {
    return m_log->toPlainText();
}

void TrainPage::start() {
    const QString problem =
        m_session->startRun(m_project->config(), m_project->dataset(), m_settings->processes());
    if (!problem.isEmpty()) {
        showError(problem);
    }
}

void TrainPage::continueRun() {
    const QString problem =
        m_session->continueRun(m_project->config(), m_project->dataset(), m_settings->processes());
    if (!problem.isEmpty()) {
        showError(problem);
    }
}

void TrainPage::onRunStarted(const QString& runDir, bool resumed) {
    m_trainingJob = true;
    m_error->setVisible(false);
    // A new run starts with empty plots; a continued one adds to what this window shows of it,
    // or, after a restart, to the epochs its stopped part saved in its bundle (a small header).
    if (!resumed || m_plottedEpochs == 0) {
        clearRunViews();
        if (resumed) {
            plotSavedEpochs(runDir);
        }
    }
    m_log->clear();
    m_summary->clear();
    setProgressText(resumed ? tr("Resuming…") : tr("Preparing…"));
    m_plots->setCurrentWidget(m_lossPlot);
    m_project->setTraining(true);
    appendLog((resumed ? tr("Continuing the run in %1") : tr("Run folder: %1")).arg(runDir));
    Q_EMIT runStarted();
    Q_EMIT statusMessage(tr("Training %1…").arg(QString::fromStdString(m_project->config().arch)));
}

void TrainPage::clearRunViews() {
    m_lossPlot->clear();
    m_accuracyPlot->clear();
    m_lrPlot->clear();
    m_smoother.reset();
    m_plottedEpochs = 0;
    for (LivePlot* plot : {m_lossPlot, m_accuracyPlot, m_lrPlot}) {
        plot->setXSpan(1.0, 0.0);
    }
    m_progress->setValue(0);
}

void TrainPage::plotSavedEpochs(const QString& runDir) {
    const auto info = training::readBundleInfo(training::bundleFile(runDir.toStdString()));
    if (!info) {
        return; // nothing saved to show: the continued epochs still plot
    }
    for (const training::EpochMetrics& metrics : info->history) {
        plotEpoch(metrics);
        m_lrPlot->addPoint(0, metrics.epoch, metrics.learningRate);
    }
}

void TrainPage::findLearningRate() {
    const QString problem =
        m_session->findLearningRate(m_project->config(), m_project->dataset(), m_lrOptions);
    if (!problem.isEmpty()) {
        showError(problem);
    }
}

void TrainPage::togglePause() {
    if (m_session->job() != TrainingSession::Job::Training || m_session->isStopping() ||
        m_session->runProcesses() > 1) {
        return;
    }
    const bool paused = !m_session->isPaused();
    m_session->setPaused(paused);
    m_speed->setText(paused ? tr("Paused") : QString()); // the next batch shows the speed
    appendLog(paused ? tr("Paused by the user") : tr("Resumed"));
    setProgressText(m_progressText); // adds or removes "Paused ·", keeps the numbers
}

void TrainPage::stop() {
    if (!isRunning() || m_session->isStopping()) {
        return;
    }
    m_session->stop();
    m_progress->setFormat(tr("Stopping after the current batch…"));
    Q_EMIT statusMessage(tr("Stopping after the current batch…"));
}

void TrainPage::setProgressText(const QString& text) {
    m_progressText = text;
    if (m_session->isStopping()) {
        return; // "Stopping…" stays until the job ends
    }
    m_progress->setFormat(m_session->isPaused() ? tr("Paused · %1").arg(text) : text);
}

void TrainPage::updateButtons() {
    const bool running = isRunning();
    const bool training = m_session->job() == TrainingSession::Job::Training;
    const bool paused = m_session->isPaused();
    const QString resumable = m_session->resumableRun();
    m_start->setEnabled(!running);
    // The ranks of a data-parallel run wait for each other at every step: none can pause alone.
    const bool pausable = m_session->runProcesses() == 1;
    m_pause->setEnabled(training && pausable && !m_session->isStopping());
    m_pause->setToolTip(training && !pausable
                            ? tr("A run on several processes cannot be paused; Stop keeps what "
                                 "it trained, and Continue resumes it on any number of processes")
                            : tr("Pause or resume the run (Ctrl+Shift+Enter)"));
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stop->setEnabled(running && !m_session->isStopping());
    m_continue->setVisible(!resumable.isEmpty());
    m_continue->setEnabled(!running && !resumable.isEmpty());
    m_continue->setToolTip(
        tr("Continue the stopped run in %1 from its last finished epoch, with the same settings")
            .arg(resumable));
    m_settings->findLrButton()->setEnabled(!running);
}

void TrainPage::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(true);
    Q_EMIT statusMessage(message);
}

void TrainPage::appendLog(const QString& line) {
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void TrainPage::onBatch(const training::BatchProgress& progress) {
    if (progress.batches <= 0) {
        return;
    }
    const double x = (progress.epoch - 1) +
                     static_cast<double>(progress.batch) / static_cast<double>(progress.batches);
    m_lossPlot->addPoint(TrainBatchLoss, x, progress.loss);
    if (std::isfinite(progress.loss)) {
        m_lossPlot->addPoint(TrainSmoothedLoss, x,
                             m_smoother.add(progress.loss, progress.batch, progress.batches));
    }
    m_lrPlot->addPoint(0, x, progress.learningRate);
    m_epochs = progress.epochs;
    if (progress.epochs != m_plottedEpochs) {
        m_plottedEpochs = progress.epochs;
        for (LivePlot* plot : {m_lossPlot, m_accuracyPlot, m_lrPlot}) {
            plot->setXSpan(0.0, progress.epochs);
        }
    }

    m_progress->setValue(
        static_cast<int>(std::lround(kProgressSteps * x / std::max(progress.epochs, 1))));
    QString text = tr("Epoch %1 of %2 · batch %3 of %4")
                       .arg(progress.epoch)
                       .arg(progress.epochs)
                       .arg(progress.batch)
                       .arg(progress.batches);
    if (progress.stage == 2) {
        text = tr("Stage 2 · %1").arg(text);
    }
    setProgressText(text);
    if (!m_session->isPaused()) {
        // Head steps over cached prefix outputs are not images read: say which it is.
        QString speed = (progress.cachedFeatures ? tr("%1 cached features/s · %2 left")
                                                 : tr("%1 images/s · %2 left"))
                            .arg(QLocale().toString(progress.imagesPerSecond, 'f', 0),
                                 formatDuration(progress.etaSeconds));
        if (progress.deviceMemoryBytes > 0) {
            speed += tr(" · %1 MiB on the GPU").arg(progress.deviceMemoryBytes / (1024 * 1024));
        }
        m_speed->setText(speed);
    }
}

void TrainPage::onPhase(const training::PhaseProgress& progress) {
    const QString done = QLocale().toString(static_cast<qlonglong>(progress.done));
    const QString total = QLocale().toString(static_cast<qlonglong>(progress.total));
    switch (progress.phase) {
    case training::PhaseProgress::Phase::Caching:
        // Before the first epoch: the bar shows this once-only work filling up.
        if (progress.total > 0) {
            m_progress->setValue(static_cast<int>(kProgressSteps * progress.done / progress.total));
        }
        setProgressText(tr("Computing features once: %1 of %2 images").arg(done, total));
        break;
    case training::PhaseProgress::Phase::Validating:
        setProgressText(tr("Epoch %1 of %2 · validating %3 of %4")
                            .arg(progress.epoch)
                            .arg(std::max(m_epochs, progress.epoch))
                            .arg(done, total));
        break;
    case training::PhaseProgress::Phase::Testing:
        setProgressText(tr("Testing %1 of %2").arg(done, total));
        break;
    }
}

void TrainPage::plotEpoch(const training::EpochMetrics& metrics) {
    const double x = metrics.epoch;
    m_lossPlot->addPoint(TrainEpochLoss, x, metrics.trainLoss);
    m_lossPlot->addPoint(ValEpochLoss, x, metrics.valLoss);
    m_accuracyPlot->addPoint(TrainAccuracy, x, 100.0 * metrics.trainAccuracy);
    m_accuracyPlot->addPoint(ValAccuracy, x, 100.0 * metrics.valAccuracy);
}

void TrainPage::onFinished(const training::TrainingSummary& summary) {
    m_project->setTraining(false);
    m_speed->clear();
    // The project's history keeps every finished run: its settings (editing is locked while it
    // runs, so they are the project's), its curves and where its bundle is. The run is in the
    // history before its bundle is announced, so choosers list it as that run.
    training::TrainingConfig ran = m_project->config();
    ran.outDir = summary.bundle.parent_path();
    m_project->addRun(project::makeRunRecord(ran, summary));
    const QString bundle = QString::fromStdString(summary.bundle.string());
    m_project->setLastBundle(bundle);
    m_progress->setValue(kProgressSteps);
    setProgressText(summary.stoppedEarly ? tr("Stopped") : tr("Done"));
    QString text = (summary.cachedFeatures
                        ? tr("<b>Best validation accuracy %1 %</b> (epoch %2) · %3 epochs in %4 · "
                             "%5 cached features/s")
                        : tr("<b>Best validation accuracy %1 %</b> (epoch %2) · %3 epochs in %4 · "
                             "%5 images/s"))
                       .arg(QLocale().toString(100.0 * summary.bestValAccuracy, 'f', 1))
                       .arg(summary.bestEpoch)
                       .arg(summary.epochsRun)
                       .arg(formatDuration(summary.wallSeconds),
                            QLocale().toString(summary.trainImagesPerSecond, 'f', 0));
    if (summary.cacheImagesPerSecond > 0.0) {
        // What a cached run's speed rests on: the one pass of images through the frozen part.
        text += tr(" · features computed at %1 images/s")
                    .arg(QLocale().toString(summary.cacheImagesPerSecond, 'f', 0));
    }
    if (summary.test) {
        text += tr(" · test accuracy %1 % on %2 images")
                    .arg(QLocale().toString(100.0 * summary.test->top1, 'f', 1))
                    .arg(summary.test->count);
    }
    if (!summary.stopReason.empty()) {
        text += QStringLiteral(" · ") + QString::fromStdString(summary.stopReason);
    }
    text += QStringLiteral("<br>") + tr("Model saved to %1").arg(bundle.toHtmlEscaped());
    m_summary->setText(text);
    appendLog(tr("Model saved to %1").arg(bundle));
    Q_EMIT statusMessage(tr("Training finished: model saved to %1").arg(bundle));
    Q_EMIT runEnded(true);
}

void TrainPage::onFailed(const QString& message) {
    m_speed->clear();
    setProgressText(tr("Failed"));
    showError(
        (m_trainingJob ? tr("Training failed: %1") : tr("The learning-rate finder failed: %1"))
            .arg(message));
    appendLog(message);
    if (m_trainingJob) {
        m_project->setTraining(false);
        Q_EMIT runEnded(false);
    } else {
        Q_EMIT lrFinderEnded(false);
    }
}

void TrainPage::onCancelled() {
    m_speed->clear();
    setProgressText(tr("Stopped"));
    if (m_trainingJob) {
        m_project->setTraining(false);
        m_summary->setText(tr("Stopped before the first epoch ended: no model was saved."));
        Q_EMIT runEnded(false);
    } else {
        Q_EMIT lrFinderEnded(false);
    }
}

void TrainPage::onLrFound(const training::LrFinderResult& result) {
    m_speed->clear();
    m_progress->setValue(kProgressSteps);
    setProgressText(tr("Learning-rate range test done"));
    m_lrFinder->setResult(result);
    m_plots->setCurrentWidget(m_lrFinder);
    Q_EMIT lrFinderEnded(true);
}

} // namespace tstudio::ui
