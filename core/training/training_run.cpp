#include "core/training/training_run.h"

#include <algorithm>
#include <thread>

#include "core/common/threads.h"
#include "core/data/dataset_file.h"
#include "core/distributed/process_group.h"
#include "core/inference/memory_format.h"
#include "core/inference/pretrained_model.h"
#include "core/models/registry.h"
#include "core/training/epoch_order.h"
#include "core/training/training_messages.h"
#include "core/training/transfer_net_graph.h"
#include "core/weights/hub_cache.h"

namespace tstudio::training {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kPrefixCacheBudgetBytes = std::int64_t{2} << 30;

std::vector<Stage> stagesOf(const TrainingConfig& config) {
    if (config.mode == TrainMode::TwoStage) {
        return {
            Stage{1, config.twoStage.headEpochs, effectiveFreeze(config, 1), config.optimizer.lr},
            Stage{2, config.epochs, effectiveFreeze(config, 2), config.twoStage.stage2Lr}};
    }
    return {Stage{1, config.epochs, effectiveFreeze(config, 1), config.optimizer.lr}};
}

Status checkNumbers(const TrainingConfig& config) {
    if (config.epochs < 0 || config.batchSize < 1 ||
        (config.mode == TrainMode::TwoStage && config.twoStage.headEpochs < 0)) {
        return fail(text::kBadEpochsOrBatch);
    }
    if (!(config.labelSmoothing >= 0.0 && config.labelSmoothing < 1.0)) {
        return fail(text::kBadLabelSmoothing);
    }
    return success();
}

} // namespace

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

TrainingRun::TrainingRun(const TrainingConfig& config, TrainingObserver& observer,
                         TrainingControl& control, distributed::ProcessGroup* group)
    : m_config(config), m_control(control), m_parallel(group),
      // Only the main process writes into outDir (the others may share the folder).
      m_log(observer,
            config.outDir.empty() || !m_parallel.isMain() ? fs::path() : config.outDir / "run.log"),
      m_observer(observer), m_device(torch::kCPU), m_precision(torch::kCPU, false),
      m_state(config.earlyStopping) {}

Error TrainingRun::failure(const std::string& message, ErrorKind kind) {
    m_log("Failed: " + message);
    return fail(kind, message);
}

Status TrainingRun::prepare(const data::Dataset& dataset, bool writeSplit) {
    if (auto status = checkNumbers(m_config); !status) {
        return status;
    }
    const models::BackboneInfo* info = models::findBackbone(m_config.arch);
    if (info == nullptr) {
        return fail(
            fillMessage(text::kUnknownArchitecture, {m_config.arch, models::knownBackboneNames()}));
    }
    auto device = inference::parseDevice(m_parallel.rankDevice(m_config.device));
    if (!device) {
        return device.error();
    }
    m_device = *device;
    if (!m_config.outDir.empty() && m_parallel.isMain()) {
        std::error_code code;
        fs::create_directories(m_config.outDir, code);
        if (code) {
            return fail(
                fillMessage(text::kCannotCreateOutput, {m_config.outDir.string(), code.message()}));
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
        if (writeSplit && !m_config.outDir.empty() && m_parallel.isMain()) {
            data::DatasetDescription description{m_dataset,
                                                 data::SplitRecipe{m_config.split, m_config.seed}};
            if (auto status = data::saveDataset(description, m_config.outDir / "split.json");
                !status) {
                return status.error();
            }
        }
        m_log(*completed);
    }
    if (auto status = selectSamples(); !status) {
        return status;
    }
    if (auto status = loadNetwork(*info); !status) {
        return status;
    }
    if (m_parallel.active()) {
        // As DistributedDataParallel: every rank starts from rank 0's weights and buffers.
        std::vector<torch::Tensor> state;
        for (auto& [name, t] : m_net->stateDict()) {
            state.push_back(t);
        }
        m_parallel.broadcastFromMain(state);
    }

    prepareImageSources(*info);

    m_stages = stagesOf(m_config);
    for (const Stage& stage : m_stages) {
        auto trainable = resolveTrainable(*m_net, stage.freeze);
        if (!trainable) {
            return trainable.error();
        }
        if (trainable->empty() && stage.epochs > 0) {
            return fail(fillMessage(text::kNothingTrains, {std::to_string(stage.number),
                                                           formatFreezeSpec(stage.freeze)}));
        }
        m_everTrainable.insert(trainable->begin(), trainable->end());
        m_totalEpochs += stage.epochs;
    }
    const auto trainPerRank = static_cast<std::int64_t>(m_parallel.trainingPart(m_train).size());
    m_batchesPerEpoch = (trainPerRank + m_config.batchSize - 1) / m_config.batchSize;
    m_log("Model: " + info->displayName + " at " + std::to_string(m_net->inputSize()) +
          " px, head \"" + formatHeadSpec(m_config.head) + "\", " + std::to_string(numClasses()) +
          " classes; " + std::to_string(m_train.size()) + " training, " +
          std::to_string(m_val.size()) + " validation, " + std::to_string(m_test.size()) +
          " test images.");
    m_log("Device: " + m_device.str() +
          (m_device.is_cpu() ? ", " + std::to_string(m_threads) + " threads" : "") +
          ", mixed precision " + m_precision.describe() +
          (m_config.channelsLast ? ", channels-last" : "") + ", " + std::to_string(m_workers) +
          " loader threads.");
    if (m_parallel.active()) {
        m_log("Data parallel: rank " + std::to_string(m_parallel.rank()) + " of " +
              std::to_string(m_parallel.worldSize()) + ", batch " +
              std::to_string(m_config.batchSize) + " per process (" +
              std::to_string(m_config.batchSize * m_parallel.worldSize()) + " per step), " +
              std::to_string(trainPerRank) +
              " training images per process and epoch; gradients averaged before every step.");
    }
    return success();
}

void TrainingRun::prepareImageSources(const models::BackboneInfo& info) {
    m_eval = imaging::EvalTransform::forBackbone(info, m_net->inputSize());
    m_augmentation = m_config.augmentation;
    m_augmentation.crop.size = m_net->inputSize();
    // Decode once. Augmentation resamples anyway, so it starts from a fast reduced-scale decode;
    // evaluation must see exactly what predict() and the Classify page see.
    m_augmentationImages =
        std::make_unique<data::DecodedImageCache>(data::augmentationSource(m_eval));
    m_evaluationImages = std::make_unique<data::DecodedImageCache>(data::evaluationSource(m_eval));
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_workers = m_config.workers > 0 ? m_config.workers : std::clamp(cores, 1, 4);
}

Status TrainingRun::selectSamples() {
    for (std::size_t i = 0; i < m_dataset.size(); ++i) {
        const data::Sample& s = m_dataset.sample(i);
        if (!s.usable() || s.label >= numClasses()) {
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
        const std::size_t excluded = m_dataset.excludedCount();
        const auto counts = m_dataset.countPerClass();
        const bool noneUsable =
            std::all_of(counts.begin(), counts.end(), [](std::size_t n) { return n == 0; });
        if (excluded > 0 && noneUsable) {
            return fail(ErrorKind::Dataset,
                        fillMessage(text::kAllExcluded, {std::to_string(excluded)}));
        }
        return fail(ErrorKind::Dataset, text::kNoTrainingImages);
    }
    return success();
}

Status TrainingRun::loadNetwork(const models::BackboneInfo& info) {
    std::optional<weights::StateDict> backboneWeights;
    if (!m_config.fromScratch) {
        fs::path path = m_config.weights;
        if (path.empty()) {
            const auto cached = weights::cachedOfficialWeights(info);
            if (!cached) {
                return fail(weights::howToGetWeights(info) +
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
    m_threads = useAllCores();
    auto net =
        TransferNet::create(m_config, numClasses(), backboneWeights ? &*backboneWeights : nullptr);
    if (!net) {
        return net.error();
    }
    m_net = std::move(*net);
    m_net->to(m_device);
    configureBackend(m_device);
    if (m_config.channelsLast) {
        inference::toChannelsLast(m_net->stateDict());
    }
    m_precision = MixedPrecision(m_device, m_config.mixedPrecision);
    return success();
}

std::unique_ptr<data::BatchLoader> TrainingRun::makeLoader(std::vector<std::size_t> indices,
                                                           bool augment, int batchSize) {
    data::LoaderOptions options;
    options.batchSize = batchSize > 0 ? batchSize : m_config.batchSize;
    options.workers = m_workers;
    options.shuffle = false; // the order is ours (epochOrder), identical with and without cache
    options.augment = augment;
    options.seed = m_config.seed;
    options.augmentation = m_augmentation;
    options.eval = m_eval;
    return std::make_unique<data::BatchLoader>(
        m_dataset, std::move(indices), augment ? *m_augmentationImages : *m_evaluationImages,
        options);
}

DeviceBatch TrainingRun::toDevice(const data::Batch& batch) {
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

void TrainingRun::logSkipped(const data::Batch& batch) {
    for (const std::string& message : batch.failures) {
        m_log("Skipped: " + message);
    }
}

Result<PrefixCache> TrainingRun::buildCache(const std::vector<std::size_t>& indices,
                                            const char* what, graph::FastestForward& prefix,
                                            PhaseProgress& progress) {
    PrefixCache cache;
    // Larger batches use the cores better; the training batch size does not matter here.
    auto loader = makeLoader(indices, /*augment=*/false, std::max(32, m_config.batchSize));
    loader->startEpoch(0);
    std::vector<torch::Tensor> rows;
    std::vector<std::int64_t> labels;
    std::int64_t next = 0;
    m_net->train(false);
    torch::NoGradGuard noGrad;
    while (auto batch = loader->next()) {
        progress.done += static_cast<std::int64_t>(batch->samples.size() + batch->failures.size());
        if (!waitWhilePaused()) {
            loader->requestStop();
            return fail("stopped");
        }
        logSkipped(*batch);
        if (!batch->samples.empty()) {
            const DeviceBatch input = toDevice(*batch);
            torch::Tensor out;
            {
                MixedPrecision::Scope amp(m_precision);
                out = prefix(input.input);
            }
            rows.push_back(out.to(torch::kFloat32).contiguous());
            for (std::size_t i = 0; i < batch->samples.size(); ++i) {
                cache.rowOf.emplace(batch->samples[i], next++);
                labels.push_back(batch->labels[static_cast<std::int64_t>(i)].item<std::int64_t>());
            }
        }
        m_observer.phase(m_parallel.wholeProgress(
            progress, static_cast<std::int64_t>(m_train.size() + m_val.size())));
    }
    if (rows.empty()) {
        return fail(ErrorKind::Dataset, std::string_view(what) == "training"
                                            ? text::kNoTrainingImageReadable
                                            : text::kNoValidationImageReadable);
    }
    cache.rows = torch::cat(rows);
    cache.labels = torch::tensor(labels, torch::kInt64).to(m_device);
    cache.bytes = cache.rows.numel() * static_cast<std::int64_t>(cache.rows.element_size());
    return cache;
}

Status TrainingRun::setupStage(std::size_t stageIndex) {
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

    if (auto status = setupPrefixCache(stage); !status) {
        return status;
    }
    if (!m_val.empty() && !m_valCache && !m_valLoader) {
        m_valLoader = makeLoader(m_parallel.evaluationPart(m_val), /*augment=*/false);
    }
    m_schedule =
        std::make_unique<LrSchedule>(m_config.schedule, stage.lr, stage.epochs, m_batchesPerEpoch);
    return success();
}

Status TrainingRun::buildCaches(PhaseProgress& progress) {
    // Mixed precision runs the eager modules under autocast, which a frozen graph would not see.
    graph::FastestForward prefix = m_precision.enabled()
                                       ? graph::FastestForward([this](const torch::Tensor& x) {
                                             return m_net->forwardPrefix(x, m_cut);
                                         })
                                       : prefixForward(*m_net, m_cut);
    // Data-parallel: each rank computes its part of the rows, then all ranks gather all of them.
    auto train = buildCache(m_parallel.evaluationPart(m_train), "training", prefix, progress);
    if (!train) {
        return train.error();
    }
    m_parallel.gatherCache(*train);
    m_trainCache = std::move(*train);
    if (!m_val.empty()) {
        auto val = buildCache(m_parallel.evaluationPart(m_val), "validation", prefix, progress);
        if (!val) {
            return val.error();
        }
        m_parallel.gatherCache(*val);
        m_valCache = std::move(*val);
    }
    if (prefix.choice()) {
        m_log("Frozen prefix computed with the " + prefix.choice()->text() + ".");
    }
    return success();
}

Status TrainingRun::setupPrefixCache(const Stage& stage) {
    PrefixCacheFacts facts;
    facts.prefixFrozen = m_cut.blocks > 0 || m_cut.throughPooling;
    facts.prefixName = m_cut.throughPooling
                           ? std::string("the whole backbone up to the head")
                           : "the first " + std::to_string(m_cut.blocks) + " blocks";
    facts.enabled = m_config.frozenPrefixCache;
    facts.augment = m_config.augment;
    facts.budgetBytes = kPrefixCacheBudgetBytes;
    if (facts.prefixFrozen && facts.enabled && !facts.augment) {
        // Estimate the memory from one blank image before computing anything.
        torch::NoGradGuard noGrad;
        m_net->train(false);
        const torch::Tensor blank =
            torch::zeros({1, 3, m_net->inputSize(), m_net->inputSize()}, m_device);
        facts.estimatedBytes = m_net->forwardPrefix(blank, m_cut).numel() * 4 *
                               static_cast<std::int64_t>(m_train.size() + m_val.size());
    }
    const PrefixCacheDecision decision = decidePrefixCache(facts);
    m_useCache = false;
    if (!decision.use) {
        if (!decision.reason.empty()) {
            m_log(decision.reason);
        }
        setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
        return success();
    }
    const auto start = Clock::now();
    const double pausedBefore = m_pausedSeconds;
    PhaseProgress progress;
    progress.phase = PhaseProgress::Phase::Caching;
    progress.total = static_cast<std::int64_t>(m_parallel.evaluationPart(m_train).size() +
                                               m_parallel.evaluationPart(m_val).size());
    const Status built = buildCaches(progress);
    setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
    if (!built) {
        m_trainCache.reset();
        m_valCache.reset();
        return built;
    }
    m_useCache = true;
    const std::int64_t images =
        m_trainCache->rows.size(0) + (m_valCache ? m_valCache->rows.size(0) : 0);
    const std::int64_t bytes = m_trainCache->bytes + (m_valCache ? m_valCache->bytes : 0);
    const double seconds = secondsSince(start) - (m_pausedSeconds - pausedBefore);
    m_cacheSeconds += seconds;
    m_cacheImages += images;
    m_log("Frozen-prefix cache: used. " + facts.prefixName +
          " are frozen and in eval mode and augmentation is off, so their output was computed "
          "once per image (" +
          std::to_string(images) + " images in " + formatNumber(seconds, 3) + " s" +
          (m_parallel.active() ? ", shared out between the " +
                                     std::to_string(m_parallel.worldSize()) + " processes, "
                               : ", ") +
          formatNumber(static_cast<double>(images) / std::max(1e-9, seconds), 4) +
          " images/s); it holds " + formatMegabytes(bytes) +
          ". Later speeds count head steps over these cached features.");
    return success();
}

void TrainingRun::startTrainEpoch(int epoch) {
    m_order = m_parallel.trainingPart(epochOrder(m_train, m_config.seed, epoch));
    m_orderPosition = 0;
    if (!m_useCache) {
        m_trainLoader = makeLoader(m_order, m_config.augment);
        m_trainLoader->startEpoch(epoch);
    }
}

std::optional<DeviceBatch> TrainingRun::nextTrainBatch() {
    if (m_useCache) {
        return nextCachedBatch(*m_trainCache, m_order, m_orderPosition, m_config.batchSize,
                               m_device);
    }
    while (auto batch = m_trainLoader->next()) {
        logSkipped(*batch);
        if (!batch->samples.empty()) {
            return toDevice(*batch);
        }
        if (m_parallel.active()) {
            // None of this rank's images decoded, but every rank takes every step: the ranks'
            // collectives pair up by order. trainStep contributes a zero gradient for it.
            return DeviceBatch{};
        }
    }
    return std::nullopt;
}

} // namespace tstudio::training
