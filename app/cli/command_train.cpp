// tstudio train: transfer learning on a dataset (feature extraction, fine-tuning or both in two
// stages), reporting every epoch, ending with the model bundle.

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <unistd.h>

#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/common/parse_number.h"
#include "core/distributed/process_group.h"
#include "core/training/data_parallel_training.h"
#include "core/training/trainer.h"
#include "distributed_options.h"
#include "exit_codes.h"
#include "json_output.h"
#include "training_options.h"

namespace tstudio::cli {

namespace {

/** The run Ctrl+C stops; a pointer store and load are all a signal handler may do. */
std::atomic<training::TrainingControl*> g_interruptible{nullptr};

void onInterrupt(int) {
    if (training::TrainingControl* control = g_interruptible.load()) {
        control->stop.store(true);
    }
    static const char kMessage[] =
        "\ntstudio train: stopping after this batch; the bundle is still written "
        "(Ctrl+C again aborts)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    std::signal(SIGINT, SIG_DFL); // a second Ctrl+C ends the process at once
}

/** The engine's camelCase keys as the peer's snake_case (train_acc, val_loss, lr, ...). */
QString snakeKey(const QString& key) {
    if (key == QLatin1String("learningRate")) {
        return QStringLiteral("lr");
    }
    QString camel = key;
    camel.replace(QLatin1String("Accuracy"), QLatin1String("Acc"));
    QString snake;
    for (const QChar c : camel) {
        if (c.isUpper()) {
            snake += QLatin1Char('_');
            snake += c.toLower();
        } else {
            snake += c;
        }
    }
    return snake;
}

QJsonObject snakeCase(const QJsonObject& json) {
    QJsonObject out;
    for (auto it = json.begin(); it != json.end(); ++it) {
        out.insert(snakeKey(it.key()), it.value());
    }
    return out;
}

std::string duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) {
        return "?";
    }
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) {
        std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, s / 60 % 60);
    } else {
        std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
    }
    return text;
}

std::string percent(double fraction) {
    if (!std::isfinite(fraction)) {
        return "-";
    }
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * fraction);
    return text;
}

/** Epoch lines (JSON or text) on stdout, a live progress line on a terminal, the log on stderr. */
/** What a speed counts: head steps over cached prefix outputs are not images read. */
const char* speedUnit(bool cachedFeatures) {
    return cachedFeatures ? "cached features/s" : "img/s";
}

class CliObserver final : public training::TrainingObserver {
public:
    CliObserver(bool json, bool live) : m_json(json), m_live(live) {}

    void log(const std::string& line) override {
        endLiveLine();
        std::fprintf(stderr, "%s\n", line.c_str());
    }

    void batch(const training::BatchProgress& p) override {
        if (!m_live) {
            return;
        }
        // \r + erase to the end of the line: one line that updates in place.
        std::printf("\r\033[K%sepoch %d/%d  batch %lld/%lld  loss %.4f  %.1f %s  ETA %s",
                    p.stage > 1 ? "stage 2  " : "", p.epoch, p.epochs,
                    static_cast<long long>(p.batch), static_cast<long long>(p.batches), p.loss,
                    p.imagesPerSecond, speedUnit(p.cachedFeatures), duration(p.etaSeconds).c_str());
        std::fflush(stdout);
        m_lineOpen = true;
    }

    void epoch(const training::EpochMetrics& m) override {
        endLiveLine();
        if (m_json) {
            printJsonLine(snakeCase(training::toJson(m)));
            return;
        }
        std::printf("%sepoch %3d  train loss %.4f acc %6s  val loss %.4f acc %6s  lr %.2e  "
                    "%.1f s  %.1f %s\n",
                    m.stage > 1 ? "stage 2  " : "", m.epoch, m.trainLoss,
                    percent(m.trainAccuracy).c_str(), m.valLoss, percent(m.valAccuracy).c_str(),
                    m.learningRate, m.seconds, m.trainImagesPerSecond, speedUnit(m.cachedFeatures));
        std::fflush(stdout);
    }

    void endLiveLine() {
        if (m_lineOpen) {
            std::printf("\r\033[K");
            std::fflush(stdout);
            m_lineOpen = false;
        }
    }

private:
    bool m_json;
    bool m_live;
    bool m_lineOpen = false;
};

void printSummary(const training::TrainingSummary& summary, bool json) {
    if (json) {
        QJsonObject fields = snakeCase(training::toJson(summary));
        fields.remove(QStringLiteral("history")); // already streamed, one line per epoch
        printJsonLine(QJsonObject{{QStringLiteral("summary"), fields}});
        return;
    }
    std::printf("\nBest val accuracy %s (epoch %d); %d epochs in %s, %.1f %s\n",
                percent(summary.bestValAccuracy).c_str(), summary.bestEpoch, summary.epochsRun,
                duration(summary.wallSeconds).c_str(), summary.trainImagesPerSecond,
                summary.cachedFeatures ? "head steps/s over cached features" : "train images/s");
    if (summary.cacheImagesPerSecond > 0.0) {
        std::printf("Frozen-prefix cache: %.1f images/s decoded and encoded once\n",
                    summary.cacheImagesPerSecond);
    }
    if (summary.test) {
        std::printf("Test: loss %.4f, accuracy %s on %lld images\n", summary.test->loss,
                    percent(summary.test->top1).c_str(),
                    static_cast<long long>(summary.test->count));
    }
    if (summary.stoppedEarly) {
        std::printf("Stopped: %s\n", summary.stopReason.c_str());
    }
    std::printf("Model bundle: %s\n", summary.bundle.string().c_str());
}

/** The launcher's part of --nproc-per-node: start this machine's ranks, wait, say who failed. */
int launchRanks(const distributed::LocalLaunch& launch) {
    std::fprintf(stderr,
                 "tstudio train: starting %d process%s (ranks %d to %d of %d), "
                 "rendezvous at %s:%d\n",
                 launch.processesPerNode, launch.processesPerNode == 1 ? "" : "es",
                 launch.nodeRank * launch.processesPerNode,
                 (launch.nodeRank + 1) * launch.processesPerNode - 1,
                 launch.processesPerNode * launch.nodes, launch.masterAddr.c_str(),
                 launch.masterPort);
    auto outcome = distributed::launchLocalRanks(launch);
    if (!outcome) {
        std::fprintf(stderr, "tstudio train: %s\n", outcome.message().c_str());
        return kExitRunFailed;
    }
    // Ctrl+C: the ranks stopped together and rank 0 said so; "interrupted" is no failure.
    if (outcome->exitCode != 0 && outcome->exitCode != kExitInterrupted) {
        std::fprintf(stderr, "tstudio train: %s\n", outcome->message.c_str());
    }
    return outcome->exitCode;
}

} // namespace

int runTrain(const std::vector<std::string>& args) {
    ArgParser parser(
        "tstudio train --data PATH --arch NAME --out DIR [--weights FILE|none]\n"
        "       [--mode feature|finetune|two-stage] [--freeze SPEC] [--head SPEC] [--epochs N]\n"
        "       [--batch N] [--size N] [--optimizer NAME] [--lr X] [--schedule NAME]\n"
        "       [--augment PRESET] [--seed N] [--device cpu|cuda] [--resume] [--json]\n"
        "       [--nproc-per-node N] [--nnodes M --node-rank R --master-addr HOST]",
        "Trains a classifier on a dataset, starting from a pretrained backbone: the train split "
        "trains,\nval is measured after every epoch, test (if any) once at the end. A dataset "
        "without a split\nis split by --val and --seed; one without val gets --val of train as "
        "val. DIR receives\ncheckpoint.pt (every epoch), run.log, split.json (when the run split "
        "the data) and the\nmodel bundle model.tsmodel (best epoch by val accuracy), "
        "which `tstudio predict` and\n`tstudio evaluate` use. Ctrl+C stops cleanly after the "
        "current batch, still writing the bundle.");
    addTrainingOptions(parser);
    parser.addOption("out", "DIR", "Output folder (required).");
    parser.addOption("epochs", "N", "Epochs (two-stage: of stage 2; default: per mode, below).");
    parser.addOption("head-epochs", "N", "two-stage: epochs of stage 1, head only (default: 2).");
    parser.addOption("stage2-lr", "X",
                     "two-stage: base learning rate of stage 2 (default: 0.001).");
    parser.addOption("schedule", "constant|step|cosine|onecycle|plateau", "Learning-rate schedule.",
                     "cosine");
    parser.addFlag("resume", "Continue the stopped run in DIR from its last checkpoint; give\n"
                             "the options it was started with. Fails when DIR has none.");
    parser.addFlag("json", "One JSON object per epoch (epoch, train_loss, train_acc, val_loss,\n"
                           "val_acc, lr, seconds, ...), then {\"summary\": {best_val_acc,\n"
                           "wall_seconds, train_images_per_second, bundle, ...}}.");
    addDistributedOptions(parser);
    parser.setEpilogue(trainingOptionsHelp() + distributedOptionsHelp() + exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio train: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    if (!parser.positional().empty()) {
        std::fprintf(stderr,
                     "tstudio train: unexpected argument \"%s\"; the data goes in --data "
                     "(see --help)\n",
                     parser.positional()[0].c_str());
        return kExitUsage;
    }
    auto config = trainingConfigFrom(parser, "train");
    if (!config) {
        return kExitUsage;
    }
    if (parser.value("out").empty()) {
        std::fprintf(stderr, "tstudio train: --out DIR is required (see --help)\n");
        return kExitUsage;
    }
    config->outDir = parser.value("out");
    if ((parser.isSet("epochs") && !parseInt(parser.value("epochs"), 1, 100000, config->epochs)) ||
        (parser.isSet("head-epochs") &&
         !parseInt(parser.value("head-epochs"), 1, 100000, config->twoStage.headEpochs))) {
        std::fprintf(stderr, "tstudio train: --epochs and --head-epochs need a number >= 1\n");
        return kExitUsage;
    }
    if (parser.isSet("stage2-lr")) {
        const std::optional<double> lr = parseNumber<double>(parser.value("stage2-lr"));
        if (!lr || !(*lr > 0)) {
            std::fprintf(stderr, "tstudio train: --stage2-lr needs a positive number\n");
            return kExitUsage;
        }
        config->twoStage.stage2Lr = *lr;
    }
    if (parser.isSet("schedule")) {
        const auto schedule = training::scheduleFromString(parser.value("schedule"));
        if (!schedule) {
            std::fprintf(stderr,
                         "tstudio train: --schedule is constant, step, cosine, onecycle or "
                         "plateau, not \"%s\"\n",
                         parser.value("schedule").c_str());
            return kExitUsage;
        }
        config->schedule.kind = *schedule;
    }
    const auto plan = distributedPlanFrom(parser, args, "train");
    if (!plan) {
        return kExitUsage;
    }
    if (plan->role == DistributedPlan::Role::Launcher) {
        return launchRanks(plan->launch);
    }
    const auto dataset = openTrainingData(parser, "train");
    if (!dataset) {
        return kExitUsage;
    }
    if (!modelAvailable(*config, "train")) {
        return kExitModelUnavailable;
    }
    std::error_code ec;
    std::filesystem::create_directories(config->outDir, ec);
    if (ec) {
        std::fprintf(stderr, "tstudio train: cannot create %s: %s\n",
                     config->outDir.string().c_str(), ec.message().c_str());
        return kExitOutputFailed;
    }

    std::unique_ptr<distributed::ProcessGroup> group;
    if (plan->role == DistributedPlan::Role::Rank) {
        auto joined = distributed::ProcessGroup::join(plan->group);
        if (!joined) {
            std::fprintf(stderr, "tstudio train: %s\n", joined.message().c_str());
            return kExitRunFailed;
        }
        group = std::move(*joined);
    }
    // Rank 0 (or the only process) speaks for the run; the other ranks report only failures.
    const bool main = group == nullptr || group->isMain();
    const std::string who = main ? "" : "rank " + std::to_string(group->rank()) + ": ";
    const bool json = parser.isSet("json");
    CliObserver observer(json, !json && ::isatty(STDOUT_FILENO) != 0);
    training::TrainingObserver quiet;
    training::TrainingControl control;
    g_interruptible.store(&control);
    const auto previous = std::signal(SIGINT, onInterrupt);
    const bool resume = parser.isSet("resume");
    auto summary = group ? training::trainDataParallel(
                               *config, *dataset,
                               main ? static_cast<training::TrainingObserver&>(observer) : quiet,
                               control, *group, resume)
                         : training::train(*config, *dataset, observer, control, resume);
    std::signal(SIGINT, previous);
    g_interruptible.store(nullptr);
    observer.endLiveLine();
    if (!summary) {
        std::fprintf(stderr, "tstudio train: %s%s\n", who.c_str(), summary.message().c_str());
        return kExitRunFailed;
    }
    if (main) {
        printSummary(*summary, json);
    }
    return control.stop.load() ? kExitInterrupted : kExitOk;
}

} // namespace tstudio::cli
