// TrainingRun's compute: one optimisation step, evaluation, and the pause/stop points between
// batches.

#include <cmath>
#include <thread>

#include "core/distributed/collectives.h"
#include "core/models/seeded_random.h"
#include "core/training/training_run.h"

namespace tstudio::training {

bool TrainingRun::waitWhilePaused() {
    if (m_parallel.active()) {
        // Every rank must leave at the same step, or the others wait for it in vain: a stop
        // counts once the ranks agreed on it (agreeOnVerdict); pausing one rank would stall all.
        return !m_agreedStop;
    }
    if (m_control.pause && !m_control.stop) {
        const auto start = Clock::now();
        while (m_control.pause && !m_control.stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        m_pausedSeconds += secondsSince(start);
    }
    return !m_control.stop;
}

void TrainingRun::clipGradients() {
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

torch::Tensor TrainingRun::agreeOnVerdict(const torch::Tensor& verdict) {
    if (!m_parallel.active()) {
        return verdict;
    }
    const torch::Tensor stop = torch::full({1}, m_control.stop ? 1.0f : 0.0f);
    const torch::Tensor agreed = m_parallel.anyRank(torch::cat({verdict, stop}));
    m_agreedStop = m_agreedStop || agreed[verdict.numel()].item<float>() != 0.0f;
    return agreed.slice(0, 0, verdict.numel()).contiguous();
}

StepOutcome TrainingRun::trainStep(const DeviceBatch& batch, std::uint64_t randomSeed,
                                   MetricAccumulator& metrics, torch::Tensor& lossWindow) {
    m_optimizer.optimizer->zero_grad();
    // Data parallel only: a batch none of whose images decoded still takes part in the step.
    const bool empty = batch.size == 0;
    torch::Tensor logits;
    torch::Tensor loss;
    if (!empty) {
        {
            // Dropout draws from torch's global generator: seeded per step, owned for the forward
            // pass, so nothing another thread draws can change this run's masks.
            models::SeededRandomScope random(randomSeed);
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
        loss = torch::nn::functional::cross_entropy(
            logits, batch.labels,
            torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(
                m_config.labelSmoothing));
    }
    {
        // Averaged before anything reads them (a NaN on one rank reaches every rank's verdict),
        // bucket by bucket while backward still runs where it can.
        const auto overlap = m_parallel.overlapGradients(m_optimizer.parameters);
        if (empty) {
            for (torch::Tensor& p : m_optimizer.parameters) {
                p.mutable_grad() = torch::zeros_like(p);
            }
        } else {
            m_precision.scaleLoss(loss).backward();
        }
        m_parallel.averageGradients(m_optimizer.parameters, overlap.get());
    }
    const torch::Tensor foundInf = m_precision.unscale(m_optimizer.parameters);
    // One read of the device per step, after the backward pass is queued: a NaN or infinite loss
    // must be caught before its step is applied, and fp16 overflow decides whether to step.
    const torch::Tensor lossNotFinite =
        empty ? torch::zeros({1})
              : torch::isfinite(loss.detach()).logical_not().to(torch::kFloat32).reshape({1});
    const torch::Tensor verdict = agreeOnVerdict(
        (foundInf.defined() ? torch::cat({lossNotFinite, foundInf.to(torch::kFloat32).reshape({1})})
                            : lossNotFinite)
            .to(torch::kCPU));
    const float* flags = verdict.data_ptr<float>();
    if (flags[0] != 0.0f) {
        m_optimizer.optimizer->zero_grad();
        return StepOutcome::NotFinite;
    }
    if (m_config.gradClipNorm > 0.0) {
        clipGradients();
    }
    StepOutcome outcome = StepOutcome::Applied;
    if (m_precision.scaling()) {
        // GradScaler: skip the step when the scaled gradients overflowed, lower the scale.
        if (verdict.numel() < 2 || flags[1] == 0.0f) {
            m_optimizer.optimizer->step();
        } else {
            outcome = StepOutcome::Skipped;
        }
        m_precision.update(foundInf);
    } else {
        m_optimizer.optimizer->step();
    }
    if (!empty) {
        const torch::Tensor lossSum = loss.detach() * static_cast<double>(batch.size);
        metrics.add(logits.detach(), batch.labels, lossSum);
        lossWindow.add_(lossSum.to(torch::kFloat64));
    }
    return outcome;
}

std::optional<EvaluationResult> TrainingRun::evaluate(const std::vector<std::size_t>& indices,
                                                      const PrefixCache* cache,
                                                      PhaseProgress progress) {
    MetricAccumulator metrics(numClasses(), m_device);
    m_net->train(false);
    torch::NoGradGuard noGrad;
    progress.done = 0;
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
        torch::Tensor rows = cache->rows, labels = cache->labels;
        const std::int64_t whole = rows.size(0);
        if (m_parallel.active()) {
            // Each rank evaluates every worldSize-th row; the sums over the ranks count each once.
            const torch::Tensor mine =
                torch::arange(m_parallel.rank(), rows.size(0), m_parallel.worldSize(),
                              torch::TensorOptions().dtype(torch::kInt64).device(rows.device()));
            rows = rows.index_select(0, mine);
            labels = labels.index_select(0, mine.to(labels.device()));
        }
        const std::int64_t n = rows.size(0);
        progress.total = n;
        for (std::int64_t start = 0; start < n; start += 64) {
            const std::int64_t end = std::min(n, start + 64);
            addBatch(rows.slice(0, start, end), labels.slice(0, start, end), true);
            progress.done = end;
            m_observer.phase(m_parallel.wholeProgress(progress, whole));
            if (!waitWhilePaused()) {
                return std::nullopt;
            }
        }
        m_parallel.sumMetrics(metrics);
        return metrics.result();
    }
    std::unique_ptr<data::BatchLoader> owned;
    data::BatchLoader* loader = m_valLoader.get();
    std::vector<std::size_t> part = m_parallel.evaluationPart(indices);
    progress.total = static_cast<std::int64_t>(part.size());
    if (&indices != &m_val || loader == nullptr) {
        owned = makeLoader(std::move(part), /*augment=*/false);
        loader = owned.get();
    }
    loader->startEpoch(progress.epoch);
    while (auto batch = loader->next()) {
        if (!batch->samples.empty()) {
            const DeviceBatch input = toDevice(*batch);
            addBatch(input.input, input.labels, false);
        }
        progress.done += static_cast<std::int64_t>(batch->samples.size() + batch->failures.size());
        m_observer.phase(
            m_parallel.wholeProgress(progress, static_cast<std::int64_t>(indices.size())));
        if (!waitWhilePaused()) {
            loader->requestStop();
            return std::nullopt;
        }
    }
    m_parallel.sumMetrics(metrics);
    return metrics.result();
}

} // namespace tstudio::training
