#include "ui/train/train_page.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

#include "core/common/devices.h"
#include "core/models/registry.h"
#include "core/training/model_bundle.h"
#include "core/weights/hub_cache.h"
#include "ui/project/project_state.h"
#include "ui/train/live_plot.h"
#include "ui/train/lr_finder_view.h"
#include "ui/train/training_settings.h"
#include "ui/train/training_worker.h"

namespace tstudio::ui {

namespace {
constexpr double kSmoothing = 0.9; ///< of the smoothed batch loss (TensorBoard's default look)
constexpr int kProgressSteps = 1000;
constexpr int kMaxLogLines = 5000;
const auto kResumableRunKey = QStringLiteral("train/resumableRun");

bool hasCheckpoint(const QString& runDir) {
    return !runDir.isEmpty() && QFileInfo::exists(QString::fromStdString(
                                    training::checkpointFile(runDir.toStdString()).string()));
}

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0.0) {
        return QStringLiteral("–");
    }
    const auto total = static_cast<qint64>(std::llround(seconds));
    if (total >= 3600) {
        return TrainPage::tr("%1 h %2 min")
            .arg(total / 3600)
            .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    if (total >= 60) {
        return TrainPage::tr("%1 min %2 s")
            .arg(total / 60)
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    }
    return TrainPage::tr("%1 s").arg(total);
}

bool deviceAvailable(const std::string& device) {
    const auto devices = availableDevices();
    if (device == "cuda") {
        return devices.size() > 1;
    }
    return std::find(devices.begin(), devices.end(), device) != devices.end();
}
} // namespace

TrainPage::TrainPage(ProjectState* project, QWidget* parent) : QWidget(parent), m_project(project) {
    m_settings = new TrainingSettings(project, this);
    auto* settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(m_settings);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setMinimumWidth(m_settings->sizeHint().width() + 24);

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

    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start"), this);
    m_pause = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"), this);
    m_stop = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this);
    m_continue = new QPushButton(style()->standardIcon(QStyle::SP_MediaSeekForward),
                                 tr("Continue Run"), this);
    m_stop->setToolTip(tr("Stop after the current batch; the model is saved when at least one "
                          "epoch finished"));
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

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    // Wrapped: the epoch lines and folder paths are longer than the panel is wide, and a log
    // read by scrolling sideways hides exactly the figures people look for.
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The run's log appears here."));

    auto* rightSplitter = new QSplitter(Qt::Vertical, this);
    rightSplitter->addWidget(m_plots);
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

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("trainSplitter"));
    splitter->addWidget(settingsScroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

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

    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &TrainingWorker::logLine, this, [this](int job, const QString& line) {
        if (job == m_jobId) {
            appendLog(line);
        }
    });
    connect(m_worker, &TrainingWorker::batchProgress, this, &TrainPage::onBatch);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainPage::onEpoch);
    connect(m_worker, &TrainingWorker::finished, this, &TrainPage::onFinished);
    connect(m_worker, &TrainingWorker::failed, this, &TrainPage::onFailed);
    connect(m_worker, &TrainingWorker::cancelled, this, &TrainPage::onCancelled);
    connect(m_worker, &TrainingWorker::lrFound, this, &TrainPage::onLrFound);
    connect(m_worker, &TrainingWorker::lrProgress, this, [this](int job, int step, int steps) {
        if (job != m_jobId || steps <= 0) {
            return;
        }
        m_progress->setValue(kProgressSteps * step / steps);
        m_progress->setFormat(tr("Learning-rate range test: step %1 of %2").arg(step).arg(steps));
    });
    m_thread.setObjectName(QStringLiteral("training-worker"));
    m_thread.start();
    // A remembered run whose folder or checkpoint has gone since is not offered.
    const QString remembered = QSettings().value(kResumableRunKey).toString();
    m_resumableRun = hasCheckpoint(remembered) ? remembered : QString();
    updateButtons();
}

TrainPage::~TrainPage() {
    stopAndWait();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
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

QString TrainPage::checkCanStart() const {
    if (isRunning()) {
        return tr("A run is already in progress: stop it first.");
    }
    const auto& dataset = m_project->dataset();
    const auto& config = m_project->config();
    if (dataset.classes().size() < 2 || dataset.size() == 0) {
        return tr("Training needs a dataset with at least two classes: open one on the Data "
                  "page first.");
    }
    if (!deviceAvailable(config.device)) {
        return tr("The device “%1” is not available on this computer (no CUDA device was "
                  "found): choose “cpu”.")
            .arg(QString::fromStdString(config.device));
    }
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    if (info == nullptr) {
        return tr("Unknown backbone “%1”: choose one on the Model page.")
            .arg(QString::fromStdString(config.arch));
    }
    if (!config.fromScratch) {
        if (!config.weights.empty()) {
            if (!QFileInfo::exists(QString::fromStdString(config.weights.string()))) {
                return tr("The weights file %1 does not exist: choose another one on the Model "
                          "page, or use the official weights.")
                    .arg(QString::fromStdString(config.weights.string()));
            }
        } else if (!weights::cachedOfficialWeights(*info)) {
            return tr("The official ImageNet weights of %1 are not downloaded yet: download "
                      "them on the Model page, choose a local file, or train from scratch.")
                .arg(QString::fromStdString(info->displayName));
        }
    }
    return {};
}

int TrainPage::beginJob(Job job) {
    m_job = job;
    ++m_jobId;
    m_paused = false;
    m_stopRequested = false;
    m_error->setVisible(false);
    m_worker->prepareJob();
    if (job == Job::Training) {
        m_project->setTraining(true);
    }
    updateButtons();
    return m_jobId;
}

void TrainPage::endJob() {
    const bool wasTraining = m_job == Job::Training;
    m_job = Job::None;
    m_paused = false;
    if (wasTraining) {
        m_project->setTraining(false);
    }
    m_speed->clear();
    updateButtons();
}

void TrainPage::start() {
    const QString problem = checkCanStart();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    training::TrainingConfig config = m_project->config();
    // Every run gets a folder of its own inside the runs folder, named by backbone and time.
    const QString runs = config.outDir.empty() ? TrainingSettings::defaultRunsFolder()
                                               : QString::fromStdString(config.outDir.string());
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString runDir =
        QDir(runs).filePath(QString::fromStdString(config.arch) + QLatin1Char('-') + stamp);
    for (int n = 2; QFileInfo::exists(runDir); ++n) {
        runDir = QDir(runs).filePath(
            QStringLiteral("%1-%2-%3").arg(QString::fromStdString(config.arch), stamp).arg(n));
    }
    if (!QDir().mkpath(runDir)) {
        showError(tr("Cannot create the run folder %1: choose another runs folder.").arg(runDir));
        return;
    }
    beginRun(runDir, /*resume=*/false);
}

void TrainPage::continueRun() {
    if (isRunning()) {
        showError(tr("A run is already in progress: stop it first."));
        return;
    }
    const QString runDir = m_resumableRun;
    if (!hasCheckpoint(runDir)) {
        setResumableRun(QString());
        showError(tr("There is no stopped run to continue: its folder or checkpoint is gone."));
        return;
    }
    const QString problem = checkCanStart();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    beginRun(runDir, /*resume=*/true);
}

void TrainPage::beginRun(const QString& runDir, bool resume) {
    training::TrainingConfig config = m_project->config();
    config.outDir = runDir.toStdString();
    // A new run starts with empty plots; a continued one adds to what this window shows of it,
    // or, after a restart, to the epochs its stopped part saved in its bundle (a small header).
    if (!resume || m_plottedEpochs == 0) {
        clearRunViews();
        if (resume) {
            plotSavedEpochs(runDir);
        }
    }
    m_log->clear();
    m_summary->clear();
    m_progress->setFormat(resume ? tr("Resuming…") : tr("Preparing…"));
    m_plots->setCurrentWidget(m_lossPlot);
    m_runDir = runDir;
    // Until this run ends, it is the one a stop leaves to continue.
    setResumableRun(QString());

    const int job = beginJob(Job::Training);
    appendLog((resume ? tr("Continuing the run in %1") : tr("Run folder: %1")).arg(runDir));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, config, resume, dataset = m_project->dataset()] {
            worker->run(job, config, dataset, resume);
        },
        Qt::QueuedConnection);
    Q_EMIT runStarted();
    Q_EMIT statusMessage(tr("Training %1…").arg(QString::fromStdString(config.arch)));
}

void TrainPage::clearRunViews() {
    m_lossPlot->clear();
    m_accuracyPlot->clear();
    m_lrPlot->clear();
    m_smoothedLoss = 0.0;
    m_smoothedCount = 0;
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

void TrainPage::setResumableRun(const QString& runDir) {
    m_resumableRun = runDir;
    // Remembered across restarts: closing the window during a run stops it, and the next start
    // can continue it.
    QSettings settings;
    if (runDir.isEmpty()) {
        settings.remove(kResumableRunKey);
    } else {
        settings.setValue(kResumableRunKey, runDir);
    }
    updateButtons();
}

void TrainPage::findLearningRate() {
    const QString problem = checkCanStart();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    m_progress->setValue(0);
    m_progress->setFormat(tr("Learning-rate range test: preparing…"));
    m_plots->setCurrentWidget(m_lrFinder);
    const int job = beginJob(Job::LrFinder);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, config = m_project->config(), dataset = m_project->dataset(),
         options = m_lrOptions] { worker->findLearningRate(job, config, dataset, options); },
        Qt::QueuedConnection);
}

void TrainPage::togglePause() {
    if (m_job != Job::Training) {
        return;
    }
    m_paused = !m_paused;
    m_worker->setPaused(m_paused);
    m_speed->setText(m_paused ? tr("Paused") : QString());
    appendLog(m_paused ? tr("Paused by the user") : tr("Resumed"));
    updateButtons();
}

void TrainPage::stop() {
    if (!isRunning() || m_stopRequested) {
        return;
    }
    m_stopRequested = true;
    m_paused = false;
    m_worker->requestStop();
    m_progress->setFormat(tr("Stopping after the current batch…"));
    Q_EMIT statusMessage(tr("Stopping after the current batch…"));
    updateButtons();
}

bool TrainPage::stopAndWait(unsigned long msecs) {
    if (!isRunning()) {
        return true;
    }
    stop();
    const bool idle = m_worker->waitUntilIdle(msecs);
    // The job's last signals are queued to this page: handle them now (bundle path, summary),
    // since the caller may be closing the window and never return to the event loop.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    return idle && !isRunning();
}

void TrainPage::updateButtons() {
    const bool running = isRunning();
    m_start->setEnabled(!running);
    m_pause->setEnabled(m_job == Job::Training && !m_stopRequested);
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(
        style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stop->setEnabled(running && !m_stopRequested);
    m_continue->setVisible(!m_resumableRun.isEmpty());
    m_continue->setEnabled(!running && !m_resumableRun.isEmpty());
    m_continue->setToolTip(
        tr("Continue the stopped run in %1 from its last finished epoch, with the same settings")
            .arg(m_resumableRun));
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

void TrainPage::onBatch(int job, const training::BatchProgress& progress) {
    if (job != m_jobId || progress.batches <= 0) {
        return;
    }
    const double x = (progress.epoch - 1) +
                     static_cast<double>(progress.batch) / static_cast<double>(progress.batches);
    m_lossPlot->addPoint(TrainBatchLoss, x, progress.loss);
    if (std::isfinite(progress.loss)) {
        // Exponential moving average with bias correction, so the first points are not
        // pulled towards zero.
        m_smoothedLoss = kSmoothing * m_smoothedLoss + (1.0 - kSmoothing) * progress.loss;
        ++m_smoothedCount;
        m_lossPlot->addPoint(TrainSmoothedLoss, x,
                             m_smoothedLoss / (1.0 - std::pow(kSmoothing, m_smoothedCount)));
    }
    m_lrPlot->addPoint(0, x, progress.learningRate);
    if (progress.epochs != m_plottedEpochs) {
        m_plottedEpochs = progress.epochs;
        for (LivePlot* plot : {m_lossPlot, m_accuracyPlot, m_lrPlot}) {
            plot->setXSpan(0.0, progress.epochs);
        }
    }

    const double done = static_cast<double>(progress.epoch - 1) +
                        static_cast<double>(progress.batch) / static_cast<double>(progress.batches);
    m_progress->setValue(
        static_cast<int>(std::lround(kProgressSteps * done / std::max(progress.epochs, 1))));
    QString format = tr("Epoch %1 of %2 · batch %3 of %4")
                         .arg(progress.epoch)
                         .arg(progress.epochs)
                         .arg(progress.batch)
                         .arg(progress.batches);
    if (progress.stage == 2) {
        format = tr("Stage 2 · %1").arg(format);
    }
    if (!m_stopRequested) {
        m_progress->setFormat(format);
    }
    if (!m_paused) {
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

void TrainPage::onEpoch(int job, const training::EpochMetrics& metrics) {
    if (job != m_jobId) {
        return;
    }
    plotEpoch(metrics);
}

void TrainPage::plotEpoch(const training::EpochMetrics& metrics) {
    const double x = metrics.epoch;
    m_lossPlot->addPoint(TrainEpochLoss, x, metrics.trainLoss);
    m_lossPlot->addPoint(ValEpochLoss, x, metrics.valLoss);
    m_accuracyPlot->addPoint(TrainAccuracy, x, 100.0 * metrics.trainAccuracy);
    m_accuracyPlot->addPoint(ValAccuracy, x, 100.0 * metrics.valAccuracy);
}

void TrainPage::onFinished(int job, const training::TrainingSummary& summary) {
    if (job != m_jobId) {
        return;
    }
    if (summary.bundle.empty()) {
        // Stopped before any epoch finished: the engine kept nothing, as when it was cancelled.
        onCancelled(job);
        return;
    }
    endJob();
    // Stopped by the person before its last epoch: the checkpoint can carry it on.
    const bool userStopped = summary.stoppedEarly && summary.stopReason != "early stopping";
    setResumableRun(userStopped && hasCheckpoint(m_runDir) ? m_runDir : QString());
    const QString bundle = QString::fromStdString(summary.bundle.string());
    m_project->setLastBundle(bundle);
    m_progress->setValue(kProgressSteps);
    m_progress->setFormat(summary.stoppedEarly ? tr("Stopped") : tr("Done"));
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

void TrainPage::onFailed(int job, const QString& message) {
    if (job != m_jobId) {
        return;
    }
    const bool wasTraining = m_job == Job::Training;
    endJob();
    m_progress->setFormat(tr("Failed"));
    showError((wasTraining ? tr("Training failed: %1") : tr("The learning-rate finder failed: %1"))
                  .arg(message));
    appendLog(message);
    if (wasTraining) {
        Q_EMIT runEnded(false);
    } else {
        Q_EMIT lrFinderEnded(false);
    }
}

void TrainPage::onCancelled(int job) {
    if (job != m_jobId) {
        return;
    }
    const bool wasTraining = m_job == Job::Training;
    endJob();
    m_progress->setFormat(tr("Stopped"));
    if (wasTraining) {
        // A continued run keeps the checkpoint it started from, and can be continued again.
        setResumableRun(hasCheckpoint(m_runDir) ? m_runDir : QString());
        m_summary->setText(tr("Stopped before the first epoch ended: no model was saved."));
        Q_EMIT runEnded(false);
    } else {
        Q_EMIT lrFinderEnded(false);
    }
}

void TrainPage::onLrFound(int job, const training::LrFinderResult& result) {
    if (job != m_jobId) {
        return;
    }
    endJob();
    m_progress->setValue(kProgressSteps);
    m_progress->setFormat(tr("Learning-rate range test done"));
    m_lrFinder->setResult(result);
    m_plots->setCurrentWidget(m_lrFinder);
    Q_EMIT lrFinderEnded(true);
}

} // namespace tstudio::ui
