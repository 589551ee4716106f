#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include "core/inference/label_suggestion.h"

namespace tstudio::ui {

class BackgroundJob;
class ProjectState;

/**
 * Suggested labels for the open project's unlabeled images, from one of two sources: the chosen
 * backbone's features (core/inference/label_suggester.h: once two classes have a labelled image,
 * each unlabeled one goes to the nearest class centroid), or the last trained model
 * (training::suggestFromModel, ProjectState::lastBundle(); usable when its classes are the
 * project's, by name). A background run proposes a class and a confidence for every unlabeled
 * image; suggestions arrive batch by batch while it runs. Labels changing start a new run a moment
 * later (features are cached, so it only re-scores); a new dataset or another backbone starts
 * afresh. Runs can be cancelled; a run is never waited for. GUI thread.
 */
class LabelSuggestions final : public QObject {
    Q_OBJECT

public:
    enum class Source { Features, LastModel };

    explicit LabelSuggestions(ProjectState* state, QObject* parent = nullptr);
    ~LabelSuggestions() override;

    /** Off: no runs, no suggestions. On: suggest now and after each change of labels. */
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isRunning() const;

    /** The suggestion for sample, or null when it has none (labelled, rejected, not yet). */
    const inference::Suggestion* suggestionFor(std::size_t sample) const;
    /** Forgets the suggestions of these samples until their labels change again. */
    void reject(const std::vector<std::size_t>& samples);
    /** Starts a run now (cancelling one under way). */
    void refresh();
    void cancel();
    Source source() const { return m_source; }
    /** Switches the source; the suggestions of the other go, a run starts (when enabled). */
    void setSource(Source source);
    /** Whether the last trained model can suggest: a bundle exists and names the project's
        classes. When not, why not in whyNot (one sentence). */
    bool canUseLastModel(QString* whyNot = nullptr) const;
    /** The last model's file name, empty before one. */
    QString lastModelName() const;

    /** Milliseconds from a label change to the next run (default 1500). */
    void setRefreshDelay(int milliseconds) { m_refresh.setInterval(milliseconds); }

Q_SIGNALS:
    /** Suggestions of these samples appeared, changed or went away. */
    void suggestionsChanged(const std::vector<std::size_t>& samples);
    void progress(qint64 done, qint64 total);
    /** A run ended: ok, or why not (e.g. "label at least one image in two classes"). */
    void finished(bool ok, const QString& message);
    /** The last trained model, or whether it can suggest, changed (canUseLastModel()). */
    void lastModelChanged();

private:
    struct Engine;
    void clearAll();
    void dropFor(const std::vector<std::size_t>& samples);
    void accept(const std::vector<inference::Suggestion>& suggestions, std::uint64_t run);
    void scheduleRefresh();
    void readLastBundle(const QString& path);
    void startFeatureRun(std::uint64_t run);
    void startModelRun(std::uint64_t run);
    /** Pool thread: hands a batch to the GUI thread, where accept() drops it if run is old. */
    static void post(const QPointer<LabelSuggestions>& self,
                     const std::vector<inference::Suggestion>& suggestions, std::uint64_t run);

    ProjectState* m_state = nullptr;
    BackgroundJob* m_job = nullptr;
    BackgroundJob* m_bundleInfo = nullptr; ///< reads the last bundle's classes
    Source m_source = Source::Features;
    QString m_bundlePath; ///< whose classes m_bundleClasses are
    std::vector<std::string> m_bundleClasses;
    QString m_bundleError; ///< why the bundle could not be read
    std::shared_ptr<Engine> m_engine;
    QTimer m_refresh;
    bool m_enabled = false;
    std::uint64_t m_run = 0; ///< counts runs: reports of a forgotten run are dropped
    std::unordered_map<std::size_t, inference::Suggestion> m_suggestions;
};

} // namespace tstudio::ui
