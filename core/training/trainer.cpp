#include "core/training/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <QDateTime>
#include <QJsonArray>

#include "core/common/threads.h"
#include "core/data/batch_loader.h"
#include "core/data/dataset_file.h"
#include "core/data/decoded_image_cache.h"
#include "core/inference/pretrained_model.h"
#include "core/models/registry.h"
#include "core/training/bundle_writer.h"
#include "core/training/checkpoint.h"
#include "core/training/device_support.h"
#include "core/training/freezing.h"
#include "core/training/lr_schedule.h"
#include "core/training/metrics.h"
#include "core/training/optimizer_factory.h"
#include "core/training/transfer_net.h"
#include "core/weights/hub_cache.h"

namespace tstudio::training {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kPrefixCacheBudgetBytes = std::int64_t{2} << 30;
constexpr auto kReportInterval = std::chrono::milliseconds(250);

QString key(const char* name) {
    return QString::fromLatin1(name);
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/** SplitMix64: independent seeds for (seed, epoch). */
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t epochSeed(std::uint64_t seed, int epoch) {
    return mix(seed ^ mix(0x7472616eull + static_cast<std::uint64_t>(epoch)));
}

/** The epoch's sample order: a function of (seed, epoch) only, so a resumed run sees the same
    batches as an uninterrupted one. Own Fisher-Yates: std::shuffle differs between libraries. */
std::vector<std::size_t> epochOrder(std::vector<std::size_t> order, std::uint64_t seed, int epoch) {
    std::mt19937_64 rng(epochSeed(seed, epoch));
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::uint64_t bound = i;
        const std::uint64_t limit = ~std::uint64_t{0} - ~std::uint64_t{0} % bound;
        std::uint64_t value = rng();
        while (value >= limit) {
            value = rng();
        }
        std::swap(order[i - 1], order[value % bound]);
    }
    return order;
}

std::string formatMegabytes(std::int64_t bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1).toStdString() +
           " MB";
}

std::string formatNumber(double value, int digits = 4) {
    return QString::number(value, 'g', digits).toStdString();
}

/** Observer lines, also appended to outDir/run.log with a time stamp. */
class RunLog {
public:
    RunLog(TrainingObserver& observer, const fs::path& file) : m_observer(observer) {
        if (!file.empty()) {
            std::error_code ignored; // prepare() reports a folder that cannot be made
            fs::create_directories(file.parent_path(), ignored);
            m_file.open(file, std::ios::app);
        }
    }
    void operator()(const std::string& line) {
        m_observer.log(line);
        if (m_file) {
            m_file << QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString() << "  "
                   << line << '\n';
            m_file.flush();
        }
    }

private:
    TrainingObserver& m_observer;
    std::ofstream m_file;
};

class SilentObserver : public TrainingObserver {};

struct Stage {
    int number = 1;
    int epochs = 0;
    FreezeSpec freeze;
    double lr = 0.0;
};

std::vector<Stage> stagesOf(const TrainingConfig& config) {
    if (config.mode == TrainMode::TwoStage) {
        return {
            Stage{1, config.twoStage.headEpochs, effectiveFreeze(config, 1), config.optimizer.lr},
            Stage{2, config.epochs, effectiveFreeze(config, 2), config.twoStage.stage2Lr}};
    }
    return {Stage{1, config.epochs, effectiveFreeze(config, 1), config.optimizer.lr}};
}

/** The config's fields that decide the run's result (not where it runs or writes). */
QJsonObject resultDefiningConfig(const TrainingConfig& config) {
    QJsonObject json = toJson(config);
    for (const char* name : {"outDir", "device", "workers"}) {
        json.remove(key(name));
    }
    return json;
}

/** A batch on the compute device. */
struct DeviceBatch {
    torch::Tensor input; ///< images, or cached prefix outputs
    torch::Tensor labels;
    std::int64_t size = 0;
};

/** Outputs of the frozen prefix, one row per sample, computed once. */
struct PrefixCache {
    torch::Tensor rows;
    std::map<std::size_t, std::int64_t> rowOf; ///< dataset index -> row
    torch::Tensor labels;                      ///< per row, on the device
    std::int64_t bytes = 0;
};

std::string exceptionMessage(const std::exception& e) {
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&e)) {
        return c10->what_without_backtrace();
    }
    return e.what();
}

bool isOutOfMemory(const std::string& message) {
    return message.find("out of memory") != std::string::npos ||
           message.find("std::bad_alloc") != std::string::npos ||
           message.find("DefaultCPUAllocator: can't allocate") != std::string::npos;
}

/** The run: everything train() and findLearningRate() share. */
class Run {
public:
    Run(const TrainingConfig& config, TrainingObserver& observer, TrainingControl& control)
        : m_config(config), m_control(control),
          m_log(observer, config.outDir.empty() ? fs::path() : config.outDir / "run.log"),
          m_observer(observer), m_device(torch::kCPU), m_precision(torch::kCPU, false) {}

    Status prepare(const data::Dataset& dataset, bool writeSplit);
    Status setupStage(std::size_t stageIndex);
    Result<TrainingSummary> train(bool resume);
    Result<LrFinderResult> findLearningRate(const LrFinderOptions& options,
                                            const std::function<void(int, int)>& progress);

private:
    // Data
    void startTrainEpoch(int epoch);
    std::optional<DeviceBatch> nextTrainBatch();
    DeviceBatch toDevice(const data::Batch& batch);
    Result<PrefixCache> buildCache(const std::vector<std::size_t>& indices, const char* what);
    std::unique_ptr<data::BatchLoader> makeLoader(std::vector<std::size_t> indices, bool augment,
                                                  int batchSize = 0);

    // Compute
    torch::Tensor trainStep(const DeviceBatch& batch, MetricAccumulator& metrics,
                            torch::Tensor& lossWindow);
    EvaluationResult evaluate(const std::vector<std::size_t>& indices, const PrefixCache* cache,
                              int epoch);
    void clipGradients();

    // State
    std::set<std::string> changingTensorNames() const;
    weights::StateDict snapshot() const;
    void restore(const weights::StateDict& dict);
    Status saveCheckpoint(std::size_t stageIndex, int stageEpochsDone);
    Status writeFinalBundle(TrainingSummary& summary);
    Error failure(const std::string& message, ErrorKind kind = ErrorKind::General) {
        m_log("Failed: " + message);
        return fail(kind, message);
    }

    const TrainingConfig& m_config;
    TrainingControl& m_control;
    RunLog m_log;
    TrainingObserver& m_observer;

    data::Dataset m_dataset;
    std::vector<std::size_t> m_train, m_val, m_test;
    std::unique_ptr<data::DecodedImageCache> m_imageCache;
    imaging::EvalTransform m_eval;
    data::AugmentationConfig m_augmentation;
    int m_workers = 2;

    torch::Device m_device;
    MixedPrecision m_precision;
    std::optional<TransferNet> m_net;
    std::vector<Stage> m_stages;
    std::set<std::string> m_everTrainable;

    // Per stage
    std::set<std::string> m_trainable;
    CutPoint m_cut;
    bool m_useCache = false;
    std::optional<PrefixCache> m_trainCache, m_valCache;
    TrainableOptimizer m_optimizer;
    std::unique_ptr<LrSchedule> m_schedule;
    std::unique_ptr<data::BatchLoader> m_trainLoader, m_valLoader;
    std::vector<std::size_t> m_order;
    std::size_t m_orderPosition = 0;

    // Over the run
    std::vector<EpochMetrics> m_history;
    double m_bestAccuracy = -1.0;
    int m_bestEpoch = 0;
    weights::StateDict m_bestWeights;
    double m_earlyBest = 0.0;
    bool m_haveEarlyBest = false;
    int m_earlyBad = 0;
};

Status Run::prepare(const data::Dataset& dataset, bool writeSplit) {
    if (m_config.epochs < 0 || m_config.batchSize < 1 ||
        (m_config.mode == TrainMode::TwoStage && m_config.twoStage.headEpochs < 0)) {
        return fail("Epochs must be 0 or more and the batch size at least 1.");
    }
    if (!(m_config.labelSmoothing >= 0.0 && m_config.labelSmoothing < 1.0)) {
        return fail("Label smoothing must be in [0, 1).");
    }
    const models::BackboneInfo* info = models::findBackbone(m_config.arch);
    if (info == nullptr) {
        return fail("Unknown architecture \"" + m_config.arch +
                    "\"; known: " + models::knownBackboneNames());
    }
    auto device = inference::parseDevice(m_config.device);
    if (!device) {
        return device.error();
    }
    m_device = *device;
    if (!m_config.outDir.empty()) {
        std::error_code code;
        fs::create_directories(m_config.outDir, code);
        if (code) {
            return fail("Cannot create the output folder " + m_config.outDir.string() + ": " +
                        code.message() + ".");
        }
    }

    // The split: the dataset's own, completed by a stratified one from the config (saved for the
    // record).
    m_dataset = dataset;
    auto completed = data::completeSplit(m_dataset, m_config.split, m_config.seed);
    if (!completed) {
        return completed.error();
    }
    if (!completed->empty()) {
        if (writeSplit && !m_config.outDir.empty()) {
            data::DatasetDescription description{m_dataset,
                                                 data::SplitRecipe{m_config.split, m_config.seed}};
            if (auto status = data::saveDataset(description, m_config.outDir / "split.json");
                !status) {
                return status.error();
            }
        }
        m_log(*completed);
    }
    const int numClasses = static_cast<int>(m_dataset.classes().size());
    for (std::size_t i = 0; i < m_dataset.size(); ++i) {
        const data::Sample& s = m_dataset.sample(i);
        if (s.label == data::kUnlabeled || s.label >= numClasses) {
            continue;
        }
        switch (s.split) {
        case data::Split::Train:
            m_train.push_back(i);
            break;
        case data::Split::Val:
            m_val.push_back(i);
            break;
        case data::Split::Test:
            m_test.push_back(i);
            break;
        case data::Split::None:
            break;
        }
    }
    if (m_train.empty()) {
        return fail(ErrorKind::Dataset,
                    "The training split has no labelled images: label some images, or give the "
                    "split a larger training fraction.");
    }

    // Weights.
    std::optional<weights::StateDict> backboneWeights;
    if (!m_config.fromScratch) {
        fs::path path = m_config.weights;
        if (path.empty()) {
            const auto cached = weights::cachedOfficialWeights(*info);
            if (!cached) {
                return fail(weights::howToGetWeights(*info) +
                            " Or train from scratch (no pretrained weights).");
            }
            path = *cached;
        }
        auto dict = weights::readStateDict(path);
        if (!dict) {
            return fail(ErrorKind::BadWeights, dict.message());
        }
        backboneWeights = std::move(*dict);
        m_log("Weights: " + path.string());
    }
    const int threads = useAllCores();
    torch::manual_seed(m_config.seed);
    auto net =
        TransferNet::create(m_config, numClasses, backboneWeights ? &*backboneWeights : nullptr);
    if (!net) {
        return net.error();
    }
    m_net = std::move(*net);
    m_net->to(m_device);
    configureBackend(m_device);
    if (m_config.channelsLast) {
        std::vector<torch::Tensor> tensors;
        for (auto& [name, t] : m_net->stateDict()) {
            tensors.push_back(t);
        }
        toChannelsLast(tensors);
    }
    m_precision = MixedPrecision(m_device, m_config.mixedPrecision);

    m_eval = imaging::EvalTransform::forBackbone(*info, m_net->inputSize());
    m_augmentation = m_config.augmentation;
    m_augmentation.crop.size = m_net->inputSize();
    data::CacheOptions cacheOptions;
    // Decode once, at the size the transforms need (JPEGs decode at a reduced scale).
    cacheOptions.shortSide = m_eval.resizeShortSide;
    cacheOptions.diskDir = data::defaultDiskCacheDir();
    m_imageCache = std::make_unique<data::DecodedImageCache>(cacheOptions);
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_workers = m_config.workers > 0 ? m_config.workers : std::clamp(cores, 1, 4);

    m_stages = stagesOf(m_config);
    for (const Stage& stage : m_stages) {
        auto trainable = resolveTrainable(*m_net, stage.freeze);
        if (!trainable) {
            return trainable.error();
        }
        if (trainable->empty() && stage.epochs > 0) {
            return fail("Nothing would train in stage " + std::to_string(stage.number) +
                        ": the freeze spec \"" + formatFreezeSpec(stage.freeze) +
                        "\" freezes every parameter.");
        }
        m_everTrainable.insert(trainable->begin(), trainable->end());
    }
    m_log("Model: " + info->displayName + " at " + std::to_string(m_net->inputSize()) +
          " px, head \"" + formatHeadSpec(m_config.head) + "\", " + std::to_string(numClasses) +
          " classes; " + std::to_string(m_train.size()) + " training, " +
          std::to_string(m_val.size()) + " validation, " + std::to_string(m_test.size()) +
          " test images.");
    m_log("Device: " + m_device.str() +
          (m_device.is_cpu() ? ", " + std::to_string(threads) + " threads" : "") +
          ", mixed precision " + m_precision.describe() +
          (m_config.channelsLast ? ", channels-last" : "") + ", " + std::to_string(m_workers) +
          " loader threads.");
    return success();
}

std::unique_ptr<data::BatchLoader> Run::makeLoader(std::vector<std::size_t> indices, bool augment,
                                                   int batchSize) {
    data::LoaderOptions options;
    options.batchSize = batchSize > 0 ? batchSize : m_config.batchSize;
    options.workers = m_workers;
    options.shuffle = false; // the order is ours (epochOrder), identical with and without cache
    options.augment = augment;
    options.seed = m_config.seed;
    options.augmentation = m_augmentation;
    options.eval = m_eval;
    return std::make_unique<data::BatchLoader>(m_dataset, std::move(indices), *m_imageCache,
                                               options);
}

DeviceBatch Run::toDevice(const data::Batch& batch) {
    DeviceBatch out;
    out.size = batch.labels.size(0);
    torch::Tensor images = batch.images;
    if (m_device.is_cuda()) {
        // Pinned host memory lets the copy run asynchronously, overlapping the compute.
        images = images.pin_memory();
    }
    out.input = images.to(m_device, /*non_blocking=*/true);
    if (m_config.channelsLast) {
        out.input = out.input.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    out.labels = batch.labels.to(m_device, /*non_blocking=*/true);
    return out;
}

Result<PrefixCache> Run::buildCache(const std::vector<std::size_t>& indices, const char* what) {
    PrefixCache cache;
    // Larger batches use the cores better; the training batch size does not matter here.
    auto loader = makeLoader(indices, /*augment=*/false, std::max(32, m_config.batchSize));
    loader->startEpoch(0);
    std::vector<torch::Tensor> rows;
    std::vector<std::int64_t> labels;
    std::int64_t next = 0;
    m_net->train(false);
    torch::NoGradGuard noGrad;
    auto lastLog = Clock::now();
    while (auto batch = loader->next()) {
        if (Clock::now() - lastLog > std::chrono::seconds(5)) {
            lastLog = Clock::now();
            m_log("Frozen-prefix cache: " + std::to_string(next) + " of " +
                  std::to_string(indices.size()) + " " + what + " images computed.");
        }
        if (m_control.stop) {
            loader->requestStop();
            return fail("stopped");
        }
        for (const std::string& message : batch->failures) {
            m_log("Skipped: " + message);
        }
        if (batch->samples.empty()) {
            continue;
        }
        const DeviceBatch input = toDevice(*batch);
        torch::Tensor out;
        {
            MixedPrecision::Scope amp(m_precision);
            out = m_net->forwardPrefix(input.input, m_cut);
        }
        rows.push_back(out.to(torch::kFloat32).contiguous());
        for (std::size_t i = 0; i < batch->samples.size(); ++i) {
            cache.rowOf.emplace(batch->samples[i], next++);
            labels.push_back(batch->labels[static_cast<std::int64_t>(i)].item<std::int64_t>());
        }
    }
    if (rows.empty()) {
        return fail(ErrorKind::Dataset,
                    std::string("none of the ") + what + " images could be read");
    }
    cache.rows = torch::cat(rows);
    cache.labels = torch::tensor(labels, torch::kInt64).to(m_device);
    cache.bytes = cache.rows.numel() * static_cast<std::int64_t>(cache.rows.element_size());
    return cache;
}

Status Run::setupStage(std::size_t stageIndex) {
    const Stage& stage = m_stages[stageIndex];
    m_trainable = *resolveTrainable(*m_net, stage.freeze);
    applyTrainable(*m_net, m_trainable);
    m_cut = frozenPrefix(*m_net, m_trainable, stage.freeze);
    setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
    m_optimizer = makeOptimizer(m_config.optimizer, m_net->namedParameters(),
                                resolveMultipliers(*m_net, m_config.lrMultipliers), stage.lr);
    m_trainLoader.reset();
    m_trainCache.reset();
    m_valCache.reset();

    std::int64_t trainableCount = 0;
    for (const auto& [name, t] : m_net->namedParameters()) {
        if (m_trainable.count(name) != 0) {
            trainableCount += t.numel();
        }
    }
    m_log("Stage " + std::to_string(stage.number) + ": freeze \"" + formatFreezeSpec(stage.freeze) +
          "\", " + std::to_string(trainableCount) + " trainable parameters in " +
          std::to_string(m_optimizer.groupMultipliers.size()) + " parameter groups, " +
          toString(m_config.optimizer.kind) + " lr " + formatNumber(stage.lr) + ", schedule " +
          toString(m_config.schedule.kind) + ", LR multipliers " +
          formatLrMultipliers(m_config.lrMultipliers) + ", label smoothing " +
          formatNumber(m_config.labelSmoothing) + ".");

    const bool prefixFrozen = m_cut.blocks > 0 || m_cut.throughPooling;
    const std::string prefixName = m_cut.throughPooling
                                       ? std::string("the whole backbone up to the head")
                                       : "the first " + std::to_string(m_cut.blocks) + " blocks";
    m_useCache = false;
    if (prefixFrozen && !m_config.frozenPrefixCache) {
        m_log("Frozen-prefix cache: off (turned off in the configuration).");
    } else if (prefixFrozen && m_config.augment) {
        m_log("Frozen-prefix cache: not used, because augmentation is on (every epoch sees "
              "different pixels); " +
              prefixName +
              " run without gradients every batch. Turn augmentation off to "
              "compute them once.");
    } else if (prefixFrozen) {
        // Estimate the memory from one blank image before computing anything.
        std::int64_t perImage = 0;
        {
            torch::NoGradGuard noGrad;
            m_net->train(false);
            const torch::Tensor blank =
                torch::zeros({1, 3, m_net->inputSize(), m_net->inputSize()}, m_device);
            perImage = m_net->forwardPrefix(blank, m_cut).numel() * 4;
        }
        const std::int64_t estimate =
            perImage * static_cast<std::int64_t>(m_train.size() + m_val.size());
        if (estimate > kPrefixCacheBudgetBytes) {
            m_log("Frozen-prefix cache: not used, it would need " + formatMegabytes(estimate) +
                  " (limit " + formatMegabytes(kPrefixCacheBudgetBytes) + ").");
        } else {
            const auto start = Clock::now();
            auto train = buildCache(m_train, "training");
            if (!train) {
                setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
                return train.error();
            }
            m_trainCache = std::move(*train);
            std::int64_t bytes = m_trainCache->bytes;
            if (!m_val.empty()) {
                auto val = buildCache(m_val, "validation");
                if (!val) {
                    setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
                    return val.error();
                }
                m_valCache = std::move(*val);
                bytes += m_valCache->bytes;
            }
            m_useCache = true;
            m_log("Frozen-prefix cache: used. " + prefixName +
                  " are frozen and in eval mode and augmentation is off, so their output was "
                  "computed once per image (" +
                  std::to_string(m_trainCache->rows.size(0) +
                                 (m_valCache ? m_valCache->rows.size(0) : 0)) +
                  " images, " + formatNumber(secondsSince(start), 3) + " s); it holds " +
                  formatMegabytes(bytes) + ".");
        }
        setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
    }
    if (!m_useCache) {
        m_trainLoader.reset();
    }
    if (!m_val.empty() && !m_valCache && !m_valLoader) {
        m_valLoader = makeLoader(m_val, /*augment=*/false);
    }
    const std::int64_t batches =
        (static_cast<std::int64_t>(m_train.size()) + m_config.batchSize - 1) / m_config.batchSize;
    m_schedule = std::make_unique<LrSchedule>(m_config.schedule, stage.lr, stage.epochs, batches);
    return success();
}

void Run::startTrainEpoch(int epoch) {
    m_order = epochOrder(m_train, m_config.seed, epoch);
    m_orderPosition = 0;
    if (!m_useCache) {
        m_trainLoader = makeLoader(m_order, m_config.augment);
        m_trainLoader->startEpoch(epoch);
    }
}

std::optional<DeviceBatch> Run::nextTrainBatch() {
    if (!m_useCache) {
        for (;;) {
            auto batch = m_trainLoader->next();
            if (!batch) {
                return std::nullopt;
            }
            for (const std::string& message : batch->failures) {
                m_log("Skipped: " + message);
            }
            if (!batch->samples.empty()) {
                return toDevice(*batch);
            }
        }
    }
    // The same batches as the loader would make from m_order (unreadable samples left out).
    while (m_orderPosition < m_order.size()) {
        const std::size_t end = std::min(
            m_order.size(), m_orderPosition + static_cast<std::size_t>(m_config.batchSize));
        std::vector<std::int64_t> rows;
        for (std::size_t p = m_orderPosition; p < end; ++p) {
            const auto it = m_trainCache->rowOf.find(m_order[p]);
            if (it != m_trainCache->rowOf.end()) {
                rows.push_back(it->second);
            }
        }
        m_orderPosition = end;
        if (rows.empty()) {
            continue;
        }
        const torch::Tensor index = torch::tensor(rows, torch::kInt64).to(m_device);
        DeviceBatch out;
        out.input = m_trainCache->rows.index_select(0, index);
        out.labels = m_trainCache->labels.index_select(0, index);
        out.size = static_cast<std::int64_t>(rows.size());
        return out;
    }
    return std::nullopt;
}

void Run::clipGradients() {
    // Own clip_grad_norm_: LibTorch 1.13's returns the norm as a double, a device sync per batch.
    std::vector<torch::Tensor> norms;
    for (const torch::Tensor& p : m_optimizer.parameters) {
        if (p.grad().defined()) {
            norms.push_back(p.grad().detach().norm(2).to(torch::kFloat32));
        }
    }
    if (norms.empty()) {
        return;
    }
    const torch::Tensor total = torch::stack(norms).norm(2);
    const torch::Tensor factor = (m_config.gradClipNorm / (total + 1e-6)).clamp_max(1.0);
    for (const torch::Tensor& p : m_optimizer.parameters) {
        if (p.grad().defined()) {
            p.grad().detach().mul_(factor.to(p.grad().scalar_type()));
        }
    }
}

torch::Tensor Run::trainStep(const DeviceBatch& batch, MetricAccumulator& metrics,
                             torch::Tensor& lossWindow) {
    m_optimizer.optimizer->zero_grad();
    torch::Tensor logits;
    {
        MixedPrecision::Scope amp(m_precision);
        torch::Tensor features = batch.input;
        if (!m_useCache && (m_cut.blocks > 0 || m_cut.throughPooling)) {
            // The frozen prefix needs no autograd graph.
            torch::NoGradGuard noGrad;
            features = m_net->forwardPrefix(batch.input, m_cut);
        }
        logits = m_net->forwardSuffix(features, m_cut);
    }
    logits = logits.to(torch::kFloat32);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(
        logits, batch.labels,
        torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(m_config.labelSmoothing));
    m_precision.scaleLoss(loss).backward();
    const torch::Tensor foundInf = m_precision.unscale(m_optimizer.parameters);
    if (m_config.gradClipNorm > 0.0) {
        clipGradients();
    }
    if (m_precision.scaling()) {
        // GradScaler skips the step when the scaled gradients overflowed; that decision needs
        // the value on the host (fp16 only; bf16 and fp32 never sync here).
        if (foundInf.item<float>() == 0.0f) {
            m_optimizer.optimizer->step();
        }
        m_precision.update(foundInf);
    } else {
        m_optimizer.optimizer->step();
    }
    const torch::Tensor lossSum = loss.detach() * static_cast<double>(batch.size);
    metrics.add(logits.detach(), batch.labels, lossSum);
    lossWindow.add_(lossSum.to(torch::kFloat64));
    return loss;
}

EvaluationResult Run::evaluate(const std::vector<std::size_t>& indices, const PrefixCache* cache,
                               int epoch) {
    const int numClasses = static_cast<int>(m_dataset.classes().size());
    MetricAccumulator metrics(numClasses, m_device);
    m_net->train(false);
    torch::NoGradGuard noGrad;
    const auto addBatch = [&](const torch::Tensor& input, const torch::Tensor& labels,
                              bool cached) {
        torch::Tensor logits;
        {
            MixedPrecision::Scope amp(m_precision);
            logits = cached ? m_net->forwardSuffix(input, m_cut) : m_net->forward(input);
        }
        logits = logits.to(torch::kFloat32);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(
            logits, labels,
            torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        metrics.add(logits, labels, loss);
    };
    if (cache != nullptr) {
        const std::int64_t n = cache->rows.size(0);
        for (std::int64_t start = 0; start < n && !m_control.stop; start += 64) {
            const std::int64_t end = std::min(n, start + 64);
            addBatch(cache->rows.slice(0, start, end), cache->labels.slice(0, start, end), true);
        }
    } else {
        std::unique_ptr<data::BatchLoader> owned;
        data::BatchLoader* loader = m_valLoader.get();
        if (&indices != &m_val || loader == nullptr) {
            owned = makeLoader(indices, /*augment=*/false);
            loader = owned.get();
        }
        loader->startEpoch(epoch);
        while (auto batch = loader->next()) {
            if (m_control.stop) {
                loader->requestStop();
                break;
            }
            if (!batch->samples.empty()) {
                const DeviceBatch input = toDevice(*batch);
                addBatch(input.input, input.labels, false);
            }
        }
    }
    return metrics.result();
}

std::set<std::string> Run::changingTensorNames() const {
    std::set<std::string> params;
    for (const auto& [name, t] : m_net->namedParameters()) {
        params.insert(name);
    }
    std::set<std::string> out;
    for (const auto& [name, t] : m_net->stateDict()) {
        if (params.count(name) == 0 || m_everTrainable.count(name) != 0) {
            out.insert(name);
        }
    }
    return out;
}

weights::StateDict Run::snapshot() const {
    const std::set<std::string> names = changingTensorNames();
    weights::StateDict dict;
    for (const auto& [name, t] : m_net->stateDict()) {
        if (names.count(name) != 0) {
            dict.emplace_back(name, t.detach().to(torch::kCPU, /*non_blocking=*/false,
                                                  /*copy=*/true));
        }
    }
    return dict;
}

void Run::restore(const weights::StateDict& dict) {
    std::map<std::string, torch::Tensor> own;
    for (auto& [name, t] : m_net->stateDict()) {
        own.emplace(name, t);
    }
    torch::NoGradGuard noGrad;
    for (const auto& [name, t] : dict) {
        if (const auto it = own.find(name); it != own.end()) {
            it->second.copy_(t);
        }
    }
}

Status Run::saveCheckpoint(std::size_t stageIndex, int stageEpochsDone) {
    if (m_config.outDir.empty()) {
        return success();
    }
    QJsonArray history;
    for (const EpochMetrics& m : m_history) {
        history.append(toJson(m));
    }
    const LrSchedule::PlateauState& plateau = m_schedule->plateau();
    Checkpoint checkpoint;
    checkpoint.state =
        QJsonObject{{key("config"), resultDefiningConfig(m_config)},
                    {key("stageIndex"), static_cast<int>(stageIndex)},
                    {key("stageEpochsDone"), stageEpochsDone},
                    {key("history"), history},
                    {key("bestAccuracy"), m_bestAccuracy},
                    {key("bestEpoch"), m_bestEpoch},
                    {key("earlyBest"), m_earlyBest},
                    {key("haveEarlyBest"), m_haveEarlyBest},
                    {key("earlyBad"), m_earlyBad},
                    {key("plateau"), QJsonObject{{key("factor"), plateau.factor},
                                                 {key("best"), plateau.best},
                                                 {key("haveBest"), plateau.haveBest},
                                                 {key("badEpochs"), plateau.badEpochs}}}};
    checkpoint.model = snapshot();
    checkpoint.best = m_bestWeights;
    return writeCheckpoint(checkpointFile(m_config.outDir), checkpoint, *m_optimizer.optimizer);
}

Status Run::writeFinalBundle(TrainingSummary& summary) {
    if (m_config.outDir.empty()) {
        return success();
    }
    BundleInfo info;
    info.config = m_config;
    info.classes = m_dataset.classes();
    info.preprocessing = m_eval;
    info.history = m_history;
    info.test = summary.test;
    info.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    summary.bundle = bundleFile(m_config.outDir);
    if (auto status = writeBundle(summary.bundle, *m_net, info); !status) {
        return status.error();
    }
    m_log("Model bundle written: " + summary.bundle.string());
    return success();
}

Result<TrainingSummary> Run::train(bool resume) {
    const auto runStart = Clock::now();
    const fs::path checkpointPath =
        m_config.outDir.empty() ? fs::path() : checkpointFile(m_config.outDir);
    std::size_t firstStage = 0;
    int firstStageEpoch = 0;
    std::optional<Checkpoint> checkpoint;
    if (resume && !checkpointPath.empty() && fs::exists(checkpointPath)) {
        auto read = readCheckpoint(checkpointPath);
        if (!read) {
            return failure(read.message());
        }
        if (read->state.value(key("config")).toObject() != resultDefiningConfig(m_config)) {
            return failure("The checkpoint in " + m_config.outDir.string() +
                           " was written by a run with other settings: resume with the same "
                           "settings, or start a fresh run in another folder.");
        }
        checkpoint = std::move(*read);
        const QJsonObject& s = checkpoint->state;
        firstStage = static_cast<std::size_t>(s.value(key("stageIndex")).toInt());
        firstStageEpoch = s.value(key("stageEpochsDone")).toInt();
        for (const QJsonValue& m : s.value(key("history")).toArray()) {
            m_history.push_back(epochMetricsFromJson(m.toObject()));
        }
        m_bestAccuracy = s.value(key("bestAccuracy")).toDouble(-1.0);
        m_bestEpoch = s.value(key("bestEpoch")).toInt();
        m_earlyBest = s.value(key("earlyBest")).toDouble();
        m_haveEarlyBest = s.value(key("haveEarlyBest")).toBool();
        m_earlyBad = s.value(key("earlyBad")).toInt();
        restore(checkpoint->model);
        m_bestWeights = checkpoint->best;
        if (firstStage < m_stages.size() && firstStageEpoch >= m_stages[firstStage].epochs) {
            ++firstStage;
            firstStageEpoch = 0;
            m_earlyBad = 0;
            m_haveEarlyBest = false;
        }
        m_log("Resuming from " + checkpointPath.string() + " after epoch " +
              std::to_string(m_history.size()) + ".");
    } else if (resume) {
        // Starting afresh would silently redo (and overwrite) what the caller meant to continue.
        return failure("Nothing to resume in " + m_config.outDir.string() +
                       ": it holds no checkpoint.pt. Start a fresh run there without resume, or "
                       "name the folder of the run to continue.");
    }

    TrainingSummary summary;
    int totalEpochs = 0;
    for (const Stage& stage : m_stages) {
        totalEpochs += stage.epochs;
    }
    const std::int64_t batchesPerEpoch =
        (static_cast<std::int64_t>(m_train.size()) + m_config.batchSize - 1) / m_config.batchSize;
    std::int64_t batchesDoneThisSession = 0;
    double trainSecondsThisSession = 0.0;
    std::int64_t imagesThisSession = 0;
    int globalEpoch = static_cast<int>(m_history.size());
    bool stopped = false;
    bool earlyStopped = false;
    const int numClasses = static_cast<int>(m_dataset.classes().size());

    for (std::size_t stageIndex = firstStage;
         stageIndex < m_stages.size() && !stopped && !earlyStopped; ++stageIndex) {
        const Stage& stage = m_stages[stageIndex];
        if (stage.epochs == 0) {
            continue;
        }
        if (auto status = setupStage(stageIndex); !status) {
            if (m_control.stop) {
                stopped = true;
                break;
            }
            return failure(status.message());
        }
        int stageEpoch = 0;
        if (checkpoint && stageIndex == firstStage && firstStageEpoch > 0) {
            if (auto status = loadCheckpointOptimizer(checkpointPath, *m_optimizer.optimizer);
                !status) {
                return failure(status.message());
            }
            const QJsonObject plateau = checkpoint->state.value(key("plateau")).toObject();
            m_schedule->setPlateau(LrSchedule::PlateauState{
                plateau.value(key("factor")).toDouble(1.0), plateau.value(key("best")).toDouble(),
                plateau.value(key("haveBest")).toBool(), plateau.value(key("badEpochs")).toInt()});
            stageEpoch = firstStageEpoch;
        }
        if (!(checkpoint && stageIndex == firstStage && firstStageEpoch > 0)) {
            // Early stopping counts within a stage.
            m_haveEarlyBest = false;
            m_earlyBad = 0;
        }

        for (; stageEpoch < stage.epochs; ++stageEpoch) {
            ++globalEpoch;
            const auto epochStart = Clock::now();
            // Dropout and any other randomness of the epoch follow from (seed, epoch) alone.
            torch::manual_seed(epochSeed(m_config.seed, globalEpoch) ^ 0x5eedull);
            startTrainEpoch(globalEpoch);
            MetricAccumulator trainMetrics(numClasses, m_device);
            torch::Tensor lossWindow =
                torch::zeros({}, torch::TensorOptions().device(m_device).dtype(torch::kFloat64));
            std::int64_t windowCount = 0;
            std::int64_t batch = 0;
            auto lastReport = Clock::now();
            const auto trainStart = Clock::now();
            double lr = m_schedule->lrAt(stageEpoch, 0);
            while (true) {
                while (m_control.pause && !m_control.stop) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
                if (m_control.stop) {
                    stopped = true;
                    break;
                }
                auto next = nextTrainBatch();
                if (!next) {
                    break;
                }
                lr = m_schedule->lrAt(stageEpoch, batch);
                setLearningRate(m_optimizer, lr);
                trainStep(*next, trainMetrics, lossWindow);
                ++batch;
                ++batchesDoneThisSession;
                windowCount += next->size;
                imagesThisSession += next->size;
                const bool last = batch >= batchesPerEpoch;
                if (Clock::now() - lastReport >= kReportInterval || last) {
                    // A reporting point: the only place the loss is read during the epoch.
                    const double windowLoss =
                        lossWindow.item<double>() /
                        static_cast<double>(std::max<std::int64_t>(1, windowCount));
                    if (!std::isfinite(windowLoss)) {
                        return failure(
                            "The training loss became " +
                                std::string(std::isnan(windowLoss) ? "NaN" : "infinite") +
                                " in epoch " + std::to_string(globalEpoch) + " (batch " +
                                std::to_string(batch) +
                                "): training diverged. The last good checkpoint is kept in " +
                                m_config.outDir.string() +
                                ". Lower the learning rate, add gradient clipping or check the "
                                "data.",
                            ErrorKind::NotFinite);
                    }
                    lossWindow.zero_();
                    windowCount = 0;
                    const double elapsed = secondsSince(trainStart);
                    trainSecondsThisSession += secondsSince(lastReport);
                    lastReport = Clock::now();
                    BatchProgress progress;
                    progress.stage = stage.number;
                    progress.epoch = globalEpoch;
                    progress.epochs = totalEpochs;
                    progress.batch = batch;
                    progress.batches = batchesPerEpoch;
                    progress.loss = windowLoss;
                    progress.learningRate = lr;
                    progress.imagesPerSecond =
                        static_cast<double>(trainMetrics.count()) / std::max(1e-9, elapsed);
                    const double perBatch =
                        secondsSince(runStart) / static_cast<double>(batchesDoneThisSession);
                    const std::int64_t remaining =
                        static_cast<std::int64_t>(totalEpochs - globalEpoch) * batchesPerEpoch +
                        (batchesPerEpoch - batch);
                    progress.etaSeconds = perBatch * static_cast<double>(remaining);
                    progress.deviceMemoryBytes = deviceMemoryAllocated(m_device);
                    m_observer.batch(progress);
                }
            }
            if (stopped) {
                if (m_trainLoader) {
                    m_trainLoader->requestStop();
                }
                --globalEpoch;
                m_log("Stopped by the user during epoch " + std::to_string(globalEpoch + 1) +
                      "; that epoch is not counted.");
                break;
            }
            const double trainSeconds = secondsSince(trainStart);
            EpochMetrics metrics;
            metrics.stage = stage.number;
            metrics.epoch = globalEpoch;
            metrics.trainLoss = trainMetrics.meanLoss();
            metrics.trainAccuracy = trainMetrics.accuracy();
            metrics.learningRate = lr;
            metrics.trainImagesPerSecond =
                static_cast<double>(trainMetrics.count()) / std::max(1e-9, trainSeconds);
            if (!std::isfinite(metrics.trainLoss)) {
                return failure(
                    "The training loss became NaN or infinite in epoch " +
                        std::to_string(globalEpoch) +
                        ": training diverged. The last good checkpoint is kept. Lower the "
                        "learning rate or add gradient clipping.",
                    ErrorKind::NotFinite);
            }
            metrics.valLoss = std::numeric_limits<double>::quiet_NaN();
            metrics.valAccuracy = std::numeric_limits<double>::quiet_NaN();
            if (!m_val.empty()) {
                const EvaluationResult val =
                    evaluate(m_val, m_valCache ? &*m_valCache : nullptr, globalEpoch);
                metrics.valLoss = val.loss;
                metrics.valAccuracy = val.top1;
                metrics.valTop5 = val.top5;
                setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
            }
            metrics.seconds = secondsSince(epochStart);
            m_history.push_back(metrics);
            m_schedule->endEpoch(metrics.valLoss);

            // Best by validation accuracy (by training loss when there is no validation split).
            const double score = m_val.empty() ? -metrics.trainLoss : metrics.valAccuracy;
            if (m_bestEpoch == 0 || score > m_bestAccuracy) {
                m_bestAccuracy = score;
                m_bestEpoch = globalEpoch;
                if (m_config.keepBest) {
                    m_bestWeights = snapshot();
                }
            }
            if (m_config.earlyStopping.patience > 0 && !m_val.empty()) {
                const bool byLoss = m_config.earlyStopping.metric == EarlyStopping::Metric::ValLoss;
                const double value = byLoss ? -metrics.valLoss : metrics.valAccuracy;
                if (!m_haveEarlyBest || value > m_earlyBest) {
                    m_earlyBest = value;
                    m_haveEarlyBest = true;
                    m_earlyBad = 0;
                } else if (++m_earlyBad >= m_config.earlyStopping.patience) {
                    earlyStopped = true;
                }
            }
            m_log("Epoch " + std::to_string(globalEpoch) + "/" + std::to_string(totalEpochs) +
                  ": train loss " + formatNumber(metrics.trainLoss) + " acc " +
                  formatNumber(metrics.trainAccuracy) + ", val loss " +
                  formatNumber(metrics.valLoss) + " acc " + formatNumber(metrics.valAccuracy) +
                  ", lr " + formatNumber(lr) + ", " + formatNumber(metrics.seconds, 3) + " s, " +
                  formatNumber(metrics.trainImagesPerSecond, 4) + " img/s.");
            m_observer.epoch(metrics);
            if (auto status = saveCheckpoint(stageIndex, stageEpoch + 1); !status) {
                return failure(status.message());
            }
            if (earlyStopped) {
                m_log("Early stopping: no improvement of " +
                      std::string(m_config.earlyStopping.metric == EarlyStopping::Metric::ValLoss
                                      ? "val_loss"
                                      : "val_accuracy") +
                      " for " + std::to_string(m_config.earlyStopping.patience) + " epochs.");
                break;
            }
        }
    }

    summary.history = m_history;
    summary.epochsRun = static_cast<int>(m_history.size());
    summary.stoppedEarly = stopped || earlyStopped;
    summary.stopReason = stopped ? "stopped by the user" : earlyStopped ? "early stopping" : "";
    if (m_history.empty()) {
        releaseDeviceMemory(m_device);
        if (stopped) {
            summary.wallSeconds = secondsSince(runStart);
            m_log("Stopped before the first epoch finished: no model written.");
            return summary;
        }
        return failure("No epoch ran: set at least one epoch.");
    }
    if (m_config.keepBest && !m_bestWeights.empty() && m_bestEpoch != summary.epochsRun) {
        restore(m_bestWeights);
        m_log("Keeping the best epoch's weights (epoch " + std::to_string(m_bestEpoch) + ").");
    }
    summary.bestEpoch = m_bestEpoch;
    summary.bestValAccuracy =
        m_val.empty() ? std::numeric_limits<double>::quiet_NaN()
                      : m_history[static_cast<std::size_t>(m_bestEpoch - 1)].valAccuracy;
    if (!m_test.empty() && !stopped) {
        summary.test = evaluate(m_test, nullptr, 0);
        m_log("Test: loss " + formatNumber(summary.test->loss) + ", top-1 " +
              formatNumber(summary.test->top1) + " on " + std::to_string(summary.test->count) +
              " images.");
    }
    summary.trainImagesPerSecond =
        trainSecondsThisSession > 0.0
            ? static_cast<double>(imagesThisSession) / trainSecondsThisSession
            : 0.0;
    if (auto status = writeFinalBundle(summary); !status) {
        return failure(status.message());
    }
    m_trainLoader.reset();
    m_valLoader.reset();
    m_trainCache.reset();
    m_valCache.reset();
    releaseDeviceMemory(m_device);
    summary.wallSeconds = secondsSince(runStart);
    m_log("Done in " + formatNumber(summary.wallSeconds, 4) + " s: best val accuracy " +
          formatNumber(summary.bestValAccuracy) + " (epoch " + std::to_string(summary.bestEpoch) +
          ")" + (summary.stopReason.empty() ? "" : ", " + summary.stopReason) + ".");
    return summary;
}

Result<LrFinderResult> Run::findLearningRate(const LrFinderOptions& options,
                                             const std::function<void(int, int)>& progress) {
    if (!(options.startLr > 0.0 && options.endLr > options.startLr) || options.steps < 2) {
        return fail("The LR finder needs 0 < start < end and at least 2 steps.");
    }
    if (auto status = setupStage(0); !status) {
        return status.error();
    }
    LrFinderResult result;
    const int numClasses = static_cast<int>(m_dataset.classes().size());
    MetricAccumulator metrics(numClasses, m_device);
    torch::Tensor window =
        torch::zeros({}, torch::TensorOptions().device(m_device).dtype(torch::kFloat64));
    double average = 0.0;
    double best = std::numeric_limits<double>::infinity();
    int epoch = 1;
    torch::manual_seed(epochSeed(m_config.seed, 0));
    startTrainEpoch(epoch);
    for (int step = 0; step < options.steps; ++step) {
        if (m_control.stop) {
            break;
        }
        auto batch = nextTrainBatch();
        if (!batch) {
            startTrainEpoch(++epoch);
            batch = nextTrainBatch();
            if (!batch) {
                break;
            }
        }
        const double lr = options.startLr * std::pow(options.endLr / options.startLr,
                                                     static_cast<double>(step) /
                                                         static_cast<double>(options.steps - 1));
        setLearningRate(m_optimizer, lr);
        const double loss = trainStep(*batch, metrics, window).item<double>();
        // fastai's smoothing: exponential average, debiased.
        average = 0.98 * average + 0.02 * loss;
        const double smoothed = average / (1.0 - std::pow(0.98, step + 1));
        if (!std::isfinite(smoothed)) {
            break;
        }
        result.learningRates.push_back(lr);
        result.losses.push_back(smoothed);
        best = std::min(best, smoothed);
        if (progress) {
            progress(step + 1, options.steps);
        }
        if (step > 0 && smoothed > options.divergeFactor * best) {
            break;
        }
    }
    if (m_trainLoader) {
        m_trainLoader->requestStop();
    }
    if (result.losses.size() < 3) {
        return fail("The LR finder stopped after " + std::to_string(result.losses.size()) +
                    " steps: too few to suggest a learning rate. Use a start LR lower, or "
                    "more training images.");
    }
    // Steepest descent of the smoothed loss against log(lr), away from the noisy ends.
    const std::size_t n = result.losses.size();
    const std::size_t first = std::max<std::size_t>(1, n / 10);
    const std::size_t last = n - std::max<std::size_t>(1, n / 20);
    double steepest = std::numeric_limits<double>::infinity();
    std::size_t at = first;
    for (std::size_t i = first; i < last; ++i) {
        const double slope =
            (result.losses[i] - result.losses[i - 1]) /
            (std::log(result.learningRates[i]) - std::log(result.learningRates[i - 1]));
        if (slope < steepest) {
            steepest = slope;
            at = i;
        }
    }
    result.suggestedLr = result.learningRates[at];
    releaseDeviceMemory(m_device);
    return result;
}

template <typename T, typename Body> Result<T> guarded(const TrainingConfig& config, Body&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return fail(ErrorKind::OutOfMemory,
                    "Out of memory: batch size " + std::to_string(config.batchSize) +
                        " at input size " + std::to_string(config.inputSize) +
                        " does not fit. Use a smaller batch size or input size.");
    } catch (const std::exception& e) {
        const std::string message = exceptionMessage(e);
        if (isOutOfMemory(message)) {
            return fail(ErrorKind::OutOfMemory, "Out of memory on " + config.device +
                                                    " with batch size " +
                                                    std::to_string(config.batchSize) +
                                                    ": use a smaller batch size or input size (" +
                                                    message.substr(0, message.find('\n')) + ").");
        }
        return fail("Training failed: " + message.substr(0, message.find('\n')));
    }
}

} // namespace

Result<TrainingSummary> train(const TrainingConfig& config, const data::Dataset& dataset,
                              TrainingObserver& observer, TrainingControl& control, bool resume) {
    return guarded<TrainingSummary>(config, [&]() -> Result<TrainingSummary> {
        Run run(config, observer, control);
        if (auto status = run.prepare(dataset, /*writeSplit=*/true); !status) {
            observer.log("Failed: " + status.message());
            return status.error();
        }
        return run.train(resume);
    });
}

Result<LrFinderResult> findLearningRate(const TrainingConfig& config, const data::Dataset& dataset,
                                        const LrFinderOptions& options, TrainingControl& control,
                                        const std::function<void(int, int)>& progress) {
    return guarded<LrFinderResult>(config, [&]() -> Result<LrFinderResult> {
        // Nothing of the run is kept: no output folder, a fresh network thrown away at the end.
        TrainingConfig probe = config;
        probe.outDir.clear();
        SilentObserver silent;
        Run run(probe, silent, control);
        if (auto status = run.prepare(dataset, /*writeSplit=*/false); !status) {
            return status.error();
        }
        return run.findLearningRate(options, progress);
    });
}

} // namespace tstudio::training
