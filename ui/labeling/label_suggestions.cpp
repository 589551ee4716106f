#include "ui/labeling/label_suggestions.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>

#include <QFileInfo>
#include <QPointer>
#include <QStringList>

#include "core/inference/label_suggester.h"
#include "core/training/model_bundle.h"
#include "core/training/model_suggestions.h"
#include "ui/common/background_job.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kDefaultRefreshMs = 1500;

inference::ModelSpec specOf(const training::TrainingConfig& config) {
    inference::ModelSpec spec;
    spec.arch = config.arch;
    spec.weights = config.weights;
    spec.inputSize = config.inputSize;
    spec.device = config.device;
    return spec;
}

bool sameSpec(const inference::ModelSpec& a, const inference::ModelSpec& b) {
    return a.arch == b.arch && a.weights == b.weights && a.inputSize == b.inputSize &&
           a.device == b.device;
}

} // namespace

/**
 * The suggester with its feature cache, and the last trained model, kept across runs and used
 * by one run at a time: a new run waits on the pool thread (never the GUI thread) for a
 * cancelled one to let go, which it does within one batch.
 */
struct LabelSuggestions::Engine {
    std::mutex mutex;
    std::optional<inference::LabelSuggester> suggester;
    inference::ModelSpec spec;
    std::optional<training::BundleClassifier> model;
    std::filesystem::path modelPath;
};

namespace {

QString joined(const std::vector<std::string>& names) {
    QStringList list;
    for (const std::string& name : names) {
        list << QString::fromStdString(name);
    }
    return list.join(QStringLiteral(", "));
}

} // namespace

LabelSuggestions::LabelSuggestions(ProjectState* state, QObject* parent)
    : QObject(parent), m_state(state), m_job(new BackgroundJob(this)),
      m_bundleInfo(new BackgroundJob(this)), m_engine(std::make_shared<Engine>()) {
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kDefaultRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &LabelSuggestions::refresh);
    connect(m_job, &BackgroundJob::progress, this, &LabelSuggestions::progress);
    connect(m_job, &BackgroundJob::failed, this,
            [this](const QString& message) { Q_EMIT finished(false, message); });
    connect(m_job, &BackgroundJob::cancelled, this,
            [this] { Q_EMIT finished(false, tr("Suggestions cancelled")); });

    // Suggestions are by sample index: any change of the sample list makes them stale.
    connect(m_state, &ProjectState::datasetChanged, this, [this] {
        clearAll();
        scheduleRefresh();
    });
    connect(m_state, &ProjectState::samplesAdded, this, [this] { scheduleRefresh(); });
    connect(m_state, &ProjectState::samplesRemoved, this, [this] {
        clearAll();
        scheduleRefresh();
    });
    connect(m_state, &ProjectState::classesChanged, this, [this] {
        clearAll();
        Q_EMIT lastModelChanged(); // its classes may be the project's now, or no more
        scheduleRefresh();
    });
    connect(m_state, &ProjectState::lastBundleChanged, this, &LabelSuggestions::readLastBundle);
    connect(m_bundleInfo, &BackgroundJob::failed, this, [this](const QString& message) {
        m_bundlePath = m_state->lastBundle();
        m_bundleError = message;
        Q_EMIT lastModelChanged();
    });
    readLastBundle(m_state->lastBundle());
    connect(m_state, &ProjectState::samplesChanged, this,
            [this](const std::vector<std::size_t>& samples) {
                dropFor(samples); // labelled (or excluded) now: nothing to suggest for them
                scheduleRefresh();
            });
    connect(m_state, &ProjectState::configChanged, this, [this] {
        if (!sameSpec(specOf(m_state->config()), m_engine->spec)) {
            scheduleRefresh();
        }
    });
}

LabelSuggestions::~LabelSuggestions() = default;

bool LabelSuggestions::isRunning() const {
    return m_job->isRunning();
}

void LabelSuggestions::setEnabled(bool enabled) {
    if (enabled == m_enabled) {
        return;
    }
    m_enabled = enabled;
    if (enabled) {
        refresh();
    } else {
        cancel();
        clearAll();
    }
}

void LabelSuggestions::setSource(Source source) {
    if (source == m_source) {
        return;
    }
    m_source = source;
    cancel();
    clearAll();
    if (m_enabled) {
        refresh();
    }
}

void LabelSuggestions::readLastBundle(const QString& path) {
    m_bundlePath.clear();
    m_bundleClasses.clear();
    m_bundleError.clear();
    if (path.isEmpty()) {
        m_bundleInfo->cancel();
        Q_EMIT lastModelChanged();
        return;
    }
    // Only the description (a few KB), but still a file read: not on the GUI thread.
    m_bundleInfo->start(
        [bundle = path.toStdString()](JobControl&) { return training::readBundleInfo(bundle); },
        [this, path](const training::BundleInfo& info) {
            m_bundlePath = path;
            m_bundleClasses = info.classes;
            Q_EMIT lastModelChanged();
            if (m_source == Source::LastModel) {
                scheduleRefresh();
            }
        });
    Q_EMIT lastModelChanged();
}

QString LabelSuggestions::lastModelName() const {
    return QFileInfo(m_state->lastBundle()).fileName();
}

bool LabelSuggestions::canUseLastModel(QString* whyNot) const {
    const auto no = [whyNot](const QString& reason) {
        if (whyNot != nullptr) {
            *whyNot = reason;
        }
        return false;
    };
    const QString& bundle = m_state->lastBundle();
    if (bundle.isEmpty()) {
        return no(tr("No model trained yet: train one on the Train step"));
    }
    if (m_bundlePath != bundle) {
        return no(tr("Reading the last trained model…"));
    }
    if (!m_bundleError.isEmpty()) {
        return no(tr("The last trained model cannot be read: %1").arg(m_bundleError));
    }
    const std::vector<std::string>& project = m_state->dataset().classes();
    if (std::set<std::string>(m_bundleClasses.begin(), m_bundleClasses.end()) !=
        std::set<std::string>(project.begin(), project.end())) {
        return no(tr("The last trained model knows the classes %1, the project has %2: train "
                     "again to suggest from a model")
                      .arg(joined(m_bundleClasses), joined(project)));
    }
    if (whyNot != nullptr) {
        whyNot->clear();
    }
    return true;
}

const inference::Suggestion* LabelSuggestions::suggestionFor(std::size_t sample) const {
    const auto it = m_suggestions.find(sample);
    return it == m_suggestions.end() ? nullptr : &it->second;
}

void LabelSuggestions::reject(const std::vector<std::size_t>& samples) {
    dropFor(samples);
}

void LabelSuggestions::cancel() {
    m_refresh.stop();
    if (m_job->isRunning()) {
        m_job->cancel();
    }
}

void LabelSuggestions::scheduleRefresh() {
    if (m_enabled) {
        m_refresh.start();
    }
}

void LabelSuggestions::clearAll() {
    std::vector<std::size_t> gone;
    gone.reserve(m_suggestions.size());
    for (const auto& [sample, suggestion] : m_suggestions) {
        gone.push_back(sample);
    }
    m_suggestions.clear();
    if (!gone.empty()) {
        Q_EMIT suggestionsChanged(gone);
    }
}

void LabelSuggestions::dropFor(const std::vector<std::size_t>& samples) {
    std::vector<std::size_t> gone;
    for (const std::size_t sample : samples) {
        if (m_suggestions.erase(sample) != 0) {
            gone.push_back(sample);
        }
    }
    if (!gone.empty()) {
        Q_EMIT suggestionsChanged(gone);
    }
}

void LabelSuggestions::accept(const std::vector<inference::Suggestion>& suggestions,
                              std::uint64_t run) {
    if (run != m_run) {
        return; // from a run that was replaced: its sample indices may be stale
    }
    std::vector<std::size_t> changed;
    changed.reserve(suggestions.size());
    for (const inference::Suggestion& suggestion : suggestions) {
        // Labelled meanwhile (the run saw the labels of when it started): not a suggestion.
        if (suggestion.sampleIndex < m_state->dataset().size() &&
            m_state->dataset().sample(suggestion.sampleIndex).label == data::kUnlabeled) {
            m_suggestions[suggestion.sampleIndex] = suggestion;
            changed.push_back(suggestion.sampleIndex);
        }
    }
    if (!changed.empty()) {
        Q_EMIT suggestionsChanged(changed);
    }
}

void LabelSuggestions::post(const QPointer<LabelSuggestions>& self,
                            const std::vector<inference::Suggestion>& suggestions,
                            std::uint64_t run) {
    if (suggestions.empty()) {
        return;
    }
    QMetaObject::invokeMethod(
        self,
        [self, suggestions, run] {
            if (self) {
                self->accept(suggestions, run);
            }
        },
        Qt::QueuedConnection);
}

void LabelSuggestions::refresh() {
    m_refresh.stop();
    if (!m_enabled || m_state->dataset().size() == 0) {
        return;
    }
    const auto stopWith = [this](const QString& message) {
        // Not worth loading a network for: say what is missing instead.
        cancel();
        clearAll();
        Q_EMIT finished(false, message);
    };
    if (m_state->dataset().unlabeledCount() == 0) {
        stopWith(tr("Every image has a label"));
        return;
    }
    if (m_source == Source::LastModel) {
        // A trained model needs no labels to suggest: only its classes must be the project's.
        QString whyNot;
        if (!canUseLastModel(&whyNot)) {
            stopWith(whyNot);
            return;
        }
        startModelRun(++m_run);
        return;
    }
    const auto counts = m_state->dataset().countPerClass();
    if (std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; }) < 2) {
        stopWith(tr("Label an image of two classes to get suggestions"));
        return;
    }
    startFeatureRun(++m_run);
}

void LabelSuggestions::startFeatureRun(std::uint64_t run) {
    const QPointer<LabelSuggestions> self(this);
    m_job->start(
        [engine = m_engine, spec = specOf(m_state->config()), dataset = m_state->dataset(), self,
         run](JobControl& control) -> Result<std::size_t> {
            std::lock_guard lock(engine->mutex);
            if (!engine->suggester || !sameSpec(spec, engine->spec)) {
                engine->suggester.reset();
                auto opened = inference::LabelSuggester::open(spec);
                if (!opened) {
                    return opened.error();
                }
                engine->suggester.emplace(std::move(opened).value());
                engine->spec = spec;
            }
            const auto report = engine->suggester->suggest(
                dataset, {},
                [&](const inference::SuggestionProgress& step) {
                    if (step.stage == inference::SuggestStage::Suggesting) {
                        control.reportProgress(static_cast<qint64>(step.done),
                                               static_cast<qint64>(step.total));
                    }
                    post(self, step.suggestions, run);
                },
                *control.cancelFlag());
            if (!report) {
                return report.error();
            }
            return report->suggestions.size();
        },
        [this](std::size_t count) { Q_EMIT finished(true, tr("%1 suggestions").arg(count)); });
}

void LabelSuggestions::startModelRun(std::uint64_t run) {
    const QPointer<LabelSuggestions> self(this);
    m_job->start(
        [engine = m_engine, bundle = std::filesystem::path(m_state->lastBundle().toStdString()),
         device = m_state->config().device, dataset = m_state->dataset(), self,
         run](JobControl& control) -> Result<std::size_t> {
            std::lock_guard lock(engine->mutex);
            if (!engine->model || engine->modelPath != bundle) {
                // Opened once per bundle: later runs (labels changed) only classify.
                engine->model.reset();
                auto opened = training::BundleClassifier::open(bundle, device);
                if (!opened) {
                    return opened.error();
                }
                engine->model.emplace(std::move(opened).value());
                engine->modelPath = bundle;
            }
            const auto report = training::suggestFromModel(
                *engine->model, dataset, {},
                [&](const inference::SuggestionProgress& step) {
                    control.reportProgress(static_cast<qint64>(step.done),
                                           static_cast<qint64>(step.total));
                    post(self, step.suggestions, run);
                },
                *control.cancelFlag());
            if (!report) {
                return report.error();
            }
            return report->suggestions.size();
        },
        [this](std::size_t count) {
            Q_EMIT finished(true, tr("%1 suggestions from the last trained model").arg(count));
        });
}

} // namespace tstudio::ui
