#include "ui/labeling/label_suggestions.h"

#include <algorithm>
#include <mutex>
#include <optional>

#include <QPointer>

#include "core/inference/label_suggester.h"
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
 * The suggester with its feature cache, kept across runs and used by one run at a time: a new
 * run waits on the pool thread (never the GUI thread) for a cancelled one to let go, which it
 * does within one batch.
 */
struct LabelSuggestions::Engine {
    std::mutex mutex;
    std::optional<inference::LabelSuggester> suggester;
    inference::ModelSpec spec;
};

LabelSuggestions::LabelSuggestions(ProjectState* state, QObject* parent)
    : QObject(parent), m_state(state), m_job(new BackgroundJob(this)),
      m_engine(std::make_shared<Engine>()) {
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
        scheduleRefresh();
    });
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

void LabelSuggestions::refresh() {
    m_refresh.stop();
    if (!m_enabled || m_state->dataset().size() == 0) {
        return;
    }
    const auto counts = m_state->dataset().countPerClass();
    if (std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; }) < 2 ||
        m_state->dataset().unlabeledCount() == 0) {
        // Not worth loading a network for: say what is missing instead.
        cancel();
        clearAll();
        Q_EMIT finished(false, m_state->dataset().unlabeledCount() == 0
                                   ? tr("Every image has a label")
                                   : tr("Label an image of two classes to get suggestions"));
        return;
    }
    const std::uint64_t run = ++m_run;
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
                    if (!step.suggestions.empty()) {
                        QMetaObject::invokeMethod(
                            self,
                            [self, suggestions = step.suggestions, run] {
                                if (self) {
                                    self->accept(suggestions, run);
                                }
                            },
                            Qt::QueuedConnection);
                    }
                },
                *control.cancelFlag());
            if (!report) {
                return report.error();
            }
            return report->suggestions.size();
        },
        [this](std::size_t count) { Q_EMIT finished(true, tr("%1 suggestions").arg(count)); });
}

} // namespace tstudio::ui
