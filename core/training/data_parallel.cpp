#include "core/training/data_parallel.h"

#include <cstdlib>
#include <cstring>
#include <map>

#include "core/common/seeded_shuffle.h"
#include "core/distributed/collectives.h"
#include "core/distributed/process_group.h"
#include "core/distributed/shard.h"

namespace tstudio::training {

bool DataParallel::active() const {
    return m_group != nullptr && m_group->worldSize() > 1;
}

bool DataParallel::isMain() const {
    return m_group == nullptr || m_group->isMain();
}

int DataParallel::rank() const {
    return m_group == nullptr ? 0 : m_group->rank();
}

PhaseProgress DataParallel::wholeProgress(const PhaseProgress& mine, std::int64_t whole) const {
    if (!active()) {
        return mine;
    }
    PhaseProgress shown = mine;
    shown.total = whole;
    shown.done = mine.done >= mine.total ? whole : std::min(whole, mine.done * worldSize());
    return shown;
}

std::string DataParallel::rankDevice(const std::string& device) const {
    if (!active() || device != "cuda") {
        return device;
    }
    return "cuda:" + std::to_string(m_group->config().localRank);
}

int DataParallel::worldSize() const {
    return m_group == nullptr ? 1 : m_group->worldSize();
}

std::vector<std::size_t> DataParallel::trainingPart(const std::vector<std::size_t>& order) const {
    return active() ? distributed::shardOf(order, rank(), worldSize()) : order;
}

std::vector<std::size_t>
DataParallel::evaluationPart(const std::vector<std::size_t>& indices) const {
    return active() ? distributed::strideOf(indices, rank(), worldSize()) : indices;
}

void DataParallel::broadcastFromMain(const std::vector<torch::Tensor>& tensors) {
    if (active()) {
        distributed::broadcastFromMain(*m_group, tensors);
    }
}

std::unique_ptr<distributed::OverlappedGradientAverager>
DataParallel::overlapGradients(const std::vector<torch::Tensor>& parameters) {
    const char* setting = std::getenv("TSTUDIO_GRAD_OVERLAP");
    if (!active() || (setting != nullptr && std::string(setting) == "0")) {
        return nullptr;
    }
    return std::make_unique<distributed::OverlappedGradientAverager>(*m_group, parameters);
}

void DataParallel::averageGradients(const std::vector<torch::Tensor>& parameters,
                                    distributed::OverlappedGradientAverager* overlap) {
    if (overlap != nullptr) {
        overlap->finish();
    } else if (active()) {
        distributed::averageGradients(*m_group, parameters);
    }
}

void DataParallel::averageInPlace(const std::vector<torch::Tensor>& tensors) {
    if (!active() || tensors.empty()) {
        return;
    }
    torch::NoGradGuard noGrad;
    distributed::allreduceSum(*m_group, tensors);
    for (const torch::Tensor& t : tensors) {
        t.div_(worldSize());
    }
}

torch::Tensor DataParallel::anyRank(const torch::Tensor& flags) {
    if (!active()) {
        return flags;
    }
    torch::Tensor sum = flags.to(torch::kCPU, torch::kFloat32).clone();
    distributed::allreduceSum(*m_group, {sum});
    return sum;
}

void DataParallel::sumMetrics(MetricAccumulator& metrics) {
    if (!active()) {
        return;
    }
    std::vector<torch::Tensor> sums = metrics.sums();
    const torch::Tensor count = torch::tensor({metrics.count()}, torch::kInt64);
    sums.push_back(count);
    distributed::allreduceSum(*m_group, sums);
    metrics.setCount(count.item<std::int64_t>());
}

void DataParallel::gatherCache(PrefixCache& cache) {
    if (!active()) {
        return;
    }
    torch::NoGradGuard noGrad;
    const std::int64_t local = cache.rows.size(0);
    const torch::Tensor counts =
        distributed::allgatherRows(*m_group, torch::tensor({local}, torch::kInt64));
    const std::int64_t most = counts.max().item<std::int64_t>();
    // Gloo gathers equal sizes: every rank pads its part to the largest one.
    const auto rowShape = cache.rows.sizes().slice(1).vec();
    const torch::Tensor rows = cache.rows.to(torch::kCPU).reshape({local, -1});
    const std::int64_t width = rows.size(1);
    torch::Tensor paddedRows = torch::zeros({most, width}, rows.options());
    paddedRows.slice(0, 0, local).copy_(rows);
    std::vector<std::int64_t> samples(static_cast<std::size_t>(most), -1);
    for (const auto& [sample, row] : cache.rowOf) {
        samples[static_cast<std::size_t>(row)] = static_cast<std::int64_t>(sample);
    }
    torch::Tensor paddedLabels = torch::zeros({most}, torch::kInt64);
    paddedLabels.slice(0, 0, local).copy_(cache.labels.to(torch::kCPU));
    const torch::Tensor allRows = distributed::allgatherRows(*m_group, paddedRows);
    const torch::Tensor allLabels = distributed::allgatherRows(*m_group, paddedLabels);
    const torch::Tensor allSamples =
        distributed::allgatherRows(*m_group, torch::tensor(samples, torch::kInt64));

    std::vector<torch::Tensor> parts, labelParts;
    std::map<std::size_t, std::int64_t> rowOf;
    std::int64_t next = 0;
    for (int r = 0; r < worldSize(); ++r) {
        const std::int64_t n = counts[r][0].item<std::int64_t>();
        parts.push_back(allRows[r].view({most, width}).slice(0, 0, n));
        labelParts.push_back(allLabels[r].slice(0, 0, n));
        const torch::Tensor rankSamples = allSamples[r];
        const auto sampleOf = rankSamples.accessor<std::int64_t, 1>();
        for (std::int64_t i = 0; i < n; ++i) {
            rowOf.emplace(static_cast<std::size_t>(sampleOf[i]), next++);
        }
    }
    std::vector<std::int64_t> shape{next};
    shape.insert(shape.end(), rowShape.begin(), rowShape.end());
    const torch::Device device = cache.rows.device();
    cache.rows = torch::cat(parts).view(shape).to(device);
    cache.labels = torch::cat(labelParts).to(device);
    cache.rowOf = std::move(rowOf);
    cache.bytes = cache.rows.numel() * static_cast<std::int64_t>(cache.rows.element_size());
}

Status DataParallel::checkIdentical(const std::vector<torch::Tensor>& tensors) {
    if (!active()) {
        return success();
    }
    // A hash of the exact bytes, computed serially: a sum in LibTorch would be split between
    // threads, and ranks with different thread counts (machines with different cores) would
    // round identical weights to different checksums.
    torch::NoGradGuard noGrad;
    std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
    for (const torch::Tensor& t : tensors) {
        const torch::Tensor values = t.detach().to(torch::kCPU).contiguous();
        const auto* bytes = static_cast<const unsigned char*>(values.data_ptr());
        const std::size_t size = static_cast<std::size_t>(values.nbytes());
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + i, 8);
            hash = splitMix64(hash ^ word);
        }
        for (; i < size; ++i) {
            hash = splitMix64(hash ^ bytes[i]);
        }
    }
    // Two exact 32-bit halves: the collective moves floating-point rows.
    const torch::Tensor rows = distributed::allgatherRows(
        *m_group,
        torch::tensor({static_cast<double>(hash >> 32), static_cast<double>(hash & 0xffffffffULL)},
                      torch::kFloat64));
    std::string differing;
    for (int r = 1; r < worldSize(); ++r) {
        if (!torch::equal(rows[r], rows[0])) {
            differing += differing.empty() ? "" : ", ";
            differing += std::to_string(r);
        }
    }
    if (!differing.empty()) {
        return fail("Data-parallel run: the weights of rank(s) " + differing +
                    " differ from rank 0's; the ranks did not train the same model.");
    }
    return success();
}

std::uint64_t DataParallel::rankSeed(std::uint64_t seed) const {
    return rank() == 0 ? seed : splitMix64(seed ^ splitMix64(static_cast<std::uint64_t>(rank())));
}

} // namespace tstudio::training
