// TrainingRun's state over the run: what changes while it trains, checkpoints, the final bundle.

#include <map>

#include <QDateTime>

#include "core/training/bundle_writer.h"
#include "core/training/training_run.h"

namespace tstudio::training {

void TrainingRun::release() {
    if (m_trainLoader) {
        m_trainLoader->requestStop();
    }
    m_trainLoader.reset();
    m_valLoader.reset();
    m_trainCache.reset();
    m_valCache.reset();
    releaseDeviceMemory(m_device);
}

std::set<std::string> TrainingRun::changingTensorNames() const {
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

weights::StateDict TrainingRun::snapshot() const {
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

void TrainingRun::restore(const weights::StateDict& dict) {
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

QJsonObject TrainingRun::checkpointConfig() const {
    TrainingConfig config = m_config;
    config.batchSize *= m_parallel.worldSize();
    return resultDefiningConfig(config);
}

Status TrainingRun::saveCheckpoint() {
    if (m_config.outDir.empty() || !m_parallel.isMain()) {
        return success();
    }
    Checkpoint checkpoint;
    checkpoint.config = checkpointConfig();
    checkpoint.state = toJson(m_state);
    checkpoint.model = snapshot();
    checkpoint.best = m_bestWeights;
    return writeCheckpoint(checkpointFile(m_config.outDir), checkpoint, *m_optimizer.optimizer);
}

Status TrainingRun::writeFinalBundle(TrainingSummary& summary) {
    if (m_config.outDir.empty() || !m_parallel.isMain()) {
        return success();
    }
    BundleInfo info;
    info.config = m_config;
    info.classes = m_dataset.classes();
    info.preprocessing = m_eval;
    info.history = m_state.history;
    info.test = summary.test;
    ImagesPerClass counts;
    const std::pair<data::Split, std::vector<std::int64_t>*> splits[] = {
        {data::Split::Train, &counts.train},
        {data::Split::Val, &counts.val},
        {data::Split::Test, &counts.test}};
    for (const auto& [split, values] : splits) {
        for (const std::size_t count : m_dataset.countPerClass(split)) {
            values->push_back(static_cast<std::int64_t>(count));
        }
    }
    info.imagesPerClass = std::move(counts);
    // The epoch whose weights the bundle holds: finish() restored the best epoch's when the run
    // keeps them, else they are the last epoch's.
    const bool bestWeights = m_config.keepBest && !m_bestWeights.empty();
    const std::optional<EvaluationResult>& validation =
        bestWeights ? m_state.bestValidation : m_state.lastValidation;
    if (validation) {
        info.validation = BundleValidation{bestWeights ? m_state.best.epoch()
                                                       : static_cast<int>(m_state.history.size()),
                                           *validation};
    }
    info.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    summary.bundle = bundleFile(m_config.outDir);
    if (auto status = writeBundle(summary.bundle, *m_net, info); !status) {
        return status.error();
    }
    m_log("Model bundle written: " + summary.bundle.string());
    return success();
}

} // namespace tstudio::training
