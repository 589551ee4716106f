#include "core/training/local_data_parallel.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <unistd.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/common/atomic_file.h"
#include "core/common/threads.h"
#include "core/data/dataset_file.h"
#include "core/distributed/free_port.h"
#include "core/distributed/helper_ranks.h"
#include "core/distributed/process_group.h"
#include "core/training/data_parallel_training.h"

namespace fs = std::filesystem;

namespace tstudio::training {

namespace {

constexpr const char* kJobFile = "job.json";
constexpr const char* kDatasetFile = "dataset.json";

/** A folder only this user can read, removed with everything in it when the run ends. */
class JobFolder {
public:
    static Result<JobFolder> create() {
        std::error_code code;
        const fs::path base = fs::temp_directory_path(code);
        std::string pattern = ((code ? fs::path("/tmp") : base) / "tstudio-ranks-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            return fail("Cannot create a folder for the helper processes in " +
                        fs::path(pattern).parent_path().string() + ".");
        }
        return JobFolder(pattern);
    }
    JobFolder(JobFolder&& other) noexcept : m_path(std::move(other.m_path)) {
        other.m_path.clear();
    }
    JobFolder& operator=(JobFolder&&) = delete;
    ~JobFolder() {
        if (!m_path.empty()) {
            std::error_code ignored;
            fs::remove_all(m_path, ignored);
        }
    }
    const fs::path& path() const { return m_path; }

private:
    explicit JobFolder(fs::path path) : m_path(std::move(path)) {}
    fs::path m_path;
};

Status writeJob(const fs::path& folder, const TrainingConfig& config, const data::Dataset& dataset,
                bool resume, std::chrono::milliseconds timeout) {
    const QJsonObject job{{QStringLiteral("config"), toJson(config)},
                          {QStringLiteral("resume"), resume},
                          {QStringLiteral("timeoutMs"), static_cast<double>(timeout.count())}};
    const QByteArray bytes = QJsonDocument(job).toJson(QJsonDocument::Compact);
    if (auto status = writeFileAtomically(folder / kJobFile, bytes.toStdString()); !status) {
        return status;
    }
    return data::saveDataset(data::DatasetDescription{dataset, std::nullopt},
                             folder / kDatasetFile);
}

/** Every report on stderr, which the starter keeps in rank-R.log. */
class StderrObserver final : public TrainingObserver {
public:
    void log(const std::string& line) override { std::fprintf(stderr, "%s\n", line.c_str()); }
};

/** The helper's own words beat rank 0's "lost the other processes". */
Error withHelperFailure(const Error& error, const std::string& helperFailure) {
    if (helperFailure.empty()) {
        return error;
    }
    Error combined = error;
    combined.message = error.message + " (" + helperFailure + ")";
    return combined;
}

/**
 * ProcessGroup::join as rank 0, which blocks until every rank arrives or the timeout ends. A
 * helper that fails before it joins, or a stop, must not keep the window waiting that long: the
 * join runs on a thread of its own, and when either happens the helpers are stopped and the
 * join is left to end on its own (at the timeout, holding only its own state).
 */
Result<std::unique_ptr<distributed::ProcessGroup>>
joinWatchingHelpers(const distributed::ProcessGroupConfig& config,
                    distributed::HelperRanks& helpers, const TrainingControl& control) {
    struct Joining {
        std::mutex mutex;
        std::condition_variable ended;
        std::optional<Result<std::unique_ptr<distributed::ProcessGroup>>> result;
    };
    auto joining = std::make_shared<Joining>();
    std::thread([joining, config] {
        auto result = distributed::ProcessGroup::join(config);
        const std::lock_guard<std::mutex> lock(joining->mutex);
        joining->result.emplace(std::move(result));
        joining->ended.notify_all();
    }).detach();
    std::unique_lock<std::mutex> lock(joining->mutex);
    while (!joining->ended.wait_for(lock, std::chrono::milliseconds(100),
                                    [&] { return joining->result.has_value(); })) {
        lock.unlock();
        const std::string failure = helpers.failure();
        if (!failure.empty() || control.stop.load()) {
            helpers.stop();
            if (!failure.empty()) {
                return fail("The helper processes did not start: " + failure);
            }
            return fail("stopped");
        }
        lock.lock();
    }
    if (!*joining->result) {
        return withHelperFailure(joining->result->error(), helpers.failure());
    }
    return std::move(**joining->result);
}

} // namespace

Result<TrainingSummary> trainOnLocalProcesses(const TrainingConfig& config,
                                              const data::Dataset& dataset,
                                              TrainingObserver& observer, TrainingControl& control,
                                              const LocalProcesses& processes, bool resume) {
    if (processes.processes < 2) {
        return train(config, dataset, observer, control, resume);
    }
    // The helpers open the dataset again from its files; pixels that live only in this process
    // (a dataset assembled in memory) cannot reach them. CIFAR-10 and IDX files reopen.
    if (dataset.kind() == data::DatasetKind::Custom) {
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            if (dataset.sample(i).inMemory()) {
                return fail("This dataset's images exist only in memory, so other processes "
                            "cannot read them: train it on one process.");
            }
        }
    }
    if (::access(processes.program.c_str(), X_OK) != 0) {
        return fail("Cannot start the helper processes: " + processes.program.string() +
                    " is not an executable program.");
    }
    auto folder = JobFolder::create();
    if (!folder) {
        return folder.error();
    }
    if (auto status = writeJob(folder->path(), config, dataset, resume, processes.timeout);
        !status) {
        return status.error();
    }
    auto port = distributed::freeLocalPort();
    if (!port) {
        return port.error();
    }
    distributed::HelperRanks::Options options;
    options.program = processes.program.string();
    options.arguments = {std::string(kHelperRankArgument), folder->path().string()};
    options.processes = processes.processes;
    options.masterPort = *port;
    options.logFolder = folder->path();
    auto helpers = distributed::HelperRanks::start(options);
    if (!helpers) {
        return helpers.error();
    }
    const CoreLimit share((*helpers)->threadsOfMainRank());
    observer.log(
        "Starting " + std::to_string(processes.processes - 1) + " helper process" +
        (processes.processes == 2 ? "" : "es") + " on this machine (this process is rank 0 of " +
        std::to_string(processes.processes) + ", " + std::to_string(useAllCores()) + " threads).");

    distributed::ProcessGroupConfig group;
    group.worldSize = processes.processes;
    group.masterPort = *port;
    group.timeout = processes.timeout;
    auto joined = joinWatchingHelpers(group, **helpers, control);
    if (!joined) {
        return joined.error();
    }
    auto summary = trainDataParallel(config, dataset, observer, control, **joined, resume);
    if (!summary) {
        // A helper that already failed is the likely cause; else the helpers end on losing
        // rank 0, and one that ends badly matters only when rank 0 lost them.
        std::string helperFailure = (*helpers)->failure();
        const std::string later = (*helpers)->finish(std::chrono::seconds(3), false);
        if (helperFailure.empty() &&
            summary.message().find("lost the other processes") != std::string::npos) {
            helperFailure = later;
        }
        return withHelperFailure(summary.error(), helperFailure);
    }
    // The helpers end with the run.
    const std::string helperFailure = (*helpers)->finish(std::chrono::seconds(30));
    if (!helperFailure.empty()) {
        observer.log("After the run: " + helperFailure);
    }
    return summary;
}

std::optional<fs::path> helperRankJob(int argc, char** argv) {
    if (argc == 3 && argv[1] == kHelperRankArgument) {
        return fs::path(argv[2]);
    }
    return std::nullopt;
}

int runHelperRank(const fs::path& jobFolder) {
    // Qt's image plugins (GIF, ICO), which decoding may use, need an application object: without
    // one a helper could fail on images rank 0 reads, and take fewer steps than the others.
    std::optional<QCoreApplication> application;
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "tstudio-rank";
        static char* argv[] = {name, nullptr};
        application.emplace(argc, argv);
    }
    QFile file(QString::fromStdString((jobFolder / kJobFile).string()));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "Cannot read the helper's job %s: %s\n",
                     file.fileName().toLocal8Bit().constData(),
                     file.errorString().toLocal8Bit().constData());
        return 2;
    }
    const QJsonObject job = QJsonDocument::fromJson(file.readAll()).object();
    auto config = trainingConfigFromJson(job.value(QStringLiteral("config")).toObject());
    auto dataset = data::loadDataset(jobFolder / kDatasetFile);
    auto group = distributed::processGroupFromEnvironment();
    if (!config || !dataset || !group || !*group) {
        std::fprintf(stderr, "The helper's job in %s is not readable: %s\n",
                     jobFolder.string().c_str(),
                     !config    ? config.message().c_str()
                     : !dataset ? dataset.message().c_str()
                     : !group   ? group.message().c_str()
                                : "no WORLD_SIZE above 1 in the environment");
        return 2;
    }
    (*group)->timeout =
        std::chrono::milliseconds(job.value(QStringLiteral("timeoutMs")).toInteger(120000));
    useAllCores(); // this helper's share, as its affinity says
    auto joined = distributed::ProcessGroup::join(**group);
    if (!joined) {
        std::fprintf(stderr, "%s\n", joined.message().c_str());
        return 1;
    }
    StderrObserver observer;
    TrainingControl control;
    auto summary = trainDataParallel(*config, dataset->dataset, observer, control, **joined,
                                     job.value(QStringLiteral("resume")).toBool());
    if (!summary) {
        std::fprintf(stderr, "%s\n", summary.message().c_str());
        return 1;
    }
    return 0;
}

} // namespace tstudio::training
