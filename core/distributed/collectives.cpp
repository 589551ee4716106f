#include "core/distributed/collectives.h"

#include <functional>

#include "core/distributed/process_group_impl.h"

namespace tstudio::distributed {

namespace {

/** Runs one collective, turning c10d's and Gloo's exceptions into a CollectiveError that says
    which rank lost the others during what. */
void collective(ProcessGroup& group, const char* what,
                const std::function<c10::intrusive_ptr<c10d::Work>(c10d::ProcessGroupGloo&)>& op) {
    try {
        op(*group.impl().group)->wait();
    } catch (const std::exception& e) {
        const auto* c10 = dynamic_cast<const c10::Error*>(&e);
        std::string detail = c10 != nullptr ? c10->what_without_backtrace() : e.what();
        detail = detail.substr(0, detail.find('\n'));
        const ProcessGroupConfig& config = group.config();
        throw CollectiveError("Data-parallel run: rank " + std::to_string(config.rank) + " of " +
                              std::to_string(config.worldSize) +
                              " lost the other processes during " + what + " (" + detail +
                              "): one of them ended, failed or did not answer within " +
                              std::to_string((config.timeout.count() + 999) / 1000) + " s.");
    }
}

/** tensors split into runs of one type and device of at most bucketBytes each. */
std::vector<std::vector<torch::Tensor>> buckets(const std::vector<torch::Tensor>& tensors,
                                                std::int64_t bucketBytes) {
    std::vector<std::vector<torch::Tensor>> out;
    std::int64_t bytes = 0;
    for (const torch::Tensor& t : tensors) {
        const std::int64_t size = t.numel() * static_cast<std::int64_t>(t.element_size());
        const bool fits = !out.empty() && out.back().front().scalar_type() == t.scalar_type() &&
                          out.back().front().device() == t.device() && bytes + size <= bucketBytes;
        if (!fits) {
            out.emplace_back();
            bytes = 0;
        }
        out.back().push_back(t);
        bytes += size;
    }
    return out;
}

/** op on each bucket as one flat tensor, the result copied back into the bucket's tensors;
    finish (may be empty) runs on the flat tensor before the copy. */
void bucketed(const std::vector<torch::Tensor>& tensors, std::int64_t bucketBytes,
              const std::function<void(torch::Tensor&)>& op) {
    torch::NoGradGuard noGrad;
    for (const std::vector<torch::Tensor>& bucket : buckets(tensors, bucketBytes)) {
        if (bucket.size() == 1 && bucket.front().is_contiguous()) {
            torch::Tensor t = bucket.front();
            op(t);
            continue;
        }
        std::vector<torch::Tensor> flat;
        flat.reserve(bucket.size());
        for (const torch::Tensor& t : bucket) {
            flat.push_back(t.reshape({-1}));
        }
        torch::Tensor buffer = torch::cat(flat);
        op(buffer);
        std::int64_t offset = 0;
        for (const torch::Tensor& t : bucket) {
            const std::int64_t n = t.numel();
            torch::Tensor target = t;
            target.copy_(buffer.slice(0, offset, offset + n).view(t.sizes()));
            offset += n;
        }
    }
}

} // namespace

void allreduceSum(ProcessGroup& group, const std::vector<torch::Tensor>& tensors,
                  std::int64_t bucketBytes) {
    if (group.worldSize() == 1) {
        return;
    }
    bucketed(tensors, bucketBytes, [&](torch::Tensor& flat) {
        std::vector<torch::Tensor> buffers{flat};
        collective(group, "a sum over the ranks",
                   [&](c10d::ProcessGroupGloo& pg) { return pg.allreduce(buffers); });
    });
}

void averageGradients(ProcessGroup& group, const std::vector<torch::Tensor>& parameters,
                      std::int64_t bucketBytes) {
    if (group.worldSize() == 1) {
        return;
    }
    std::vector<torch::Tensor> grads;
    for (const torch::Tensor& p : parameters) {
        if (p.grad().defined()) {
            grads.push_back(p.grad());
        }
    }
    const double world = static_cast<double>(group.worldSize());
    bucketed(grads, bucketBytes, [&](torch::Tensor& flat) {
        std::vector<torch::Tensor> buffers{flat};
        collective(group, "gradient averaging",
                   [&](c10d::ProcessGroupGloo& pg) { return pg.allreduce(buffers); });
        flat.div_(world);
    });
}

void broadcastFromMain(ProcessGroup& group, const std::vector<torch::Tensor>& tensors,
                       std::int64_t bucketBytes) {
    if (group.worldSize() == 1) {
        return;
    }
    bucketed(tensors, bucketBytes, [&](torch::Tensor& flat) {
        std::vector<torch::Tensor> buffers{flat};
        collective(group, "the broadcast from rank 0", [&](c10d::ProcessGroupGloo& pg) {
            c10d::BroadcastOptions options;
            options.rootRank = 0;
            return pg.broadcast(buffers, options);
        });
    });
}

torch::Tensor allgatherRows(ProcessGroup& group, const torch::Tensor& values) {
    const torch::Tensor row = values.reshape({-1}).contiguous();
    if (group.worldSize() == 1) {
        return row.unsqueeze(0).clone();
    }
    std::vector<torch::Tensor> inputs{row};
    std::vector<std::vector<torch::Tensor>> outputs(1);
    for (int r = 0; r < group.worldSize(); ++r) {
        outputs[0].push_back(torch::empty_like(row));
    }
    collective(group, "a gather over the ranks",
               [&](c10d::ProcessGroupGloo& pg) { return pg.allgather(outputs, inputs); });
    return torch::stack(outputs[0]);
}

} // namespace tstudio::distributed
