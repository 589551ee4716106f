#include "core/distributed/collectives.h"

#include <functional>
#include <mutex>

#include "core/distributed/process_group_impl.h"

namespace tstudio::distributed {

namespace {

/** c10d's and Gloo's exception as a CollectiveError that says which rank lost the others
    during what. */
CollectiveError lostPeers(ProcessGroup& group, const char* what, const std::exception& e) {
    const auto* c10 = dynamic_cast<const c10::Error*>(&e);
    std::string detail = c10 != nullptr ? c10->what_without_backtrace() : e.what();
    detail = detail.substr(0, detail.find('\n'));
    const ProcessGroupConfig& config = group.config();
    return CollectiveError("Data-parallel run: rank " + std::to_string(config.rank) + " of " +
                           std::to_string(config.worldSize) + " lost the other processes during " +
                           what + " (" + detail +
                           "): one of them ended, failed or did not answer within " +
                           std::to_string((config.timeout.count() + 999) / 1000) + " s.");
}

/** Runs one collective and waits for it. */
void collective(ProcessGroup& group, const char* what,
                const std::function<c10::intrusive_ptr<c10d::Work>(c10d::ProcessGroupGloo&)>& op) {
    try {
        op(*group.impl().group)->wait();
    } catch (const std::exception& e) {
        throw lostPeers(group, what, e);
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

struct OverlappedGradientAverager::Impl {
    struct Slot {
        torch::Tensor parameter;
        std::size_t bucket = 0;
        std::int64_t offset = 0;
        bool arrived = false;
        unsigned hook = 0;
    };
    struct Bucket {
        torch::Tensor flat;
        std::size_t pending = 0; ///< gradients still to arrive
        c10::intrusive_ptr<c10d::Work> work;
    };

    ProcessGroup& group;
    std::vector<Slot> slots;
    std::vector<Bucket> buckets;
    std::size_t nextToStart = 0;
    int startedDuringBackward = 0;
    std::mutex mutex; // CUDA's autograd runs hooks on its device threads

    explicit Impl(ProcessGroup& g) : group(g) {}

    /** Starts the allreduce of every bucket that is complete and next in order. */
    void startReadyBuckets(bool inBackward) {
        while (nextToStart < buckets.size() && buckets[nextToStart].pending == 0) {
            Bucket& bucket = buckets[nextToStart++];
            std::vector<torch::Tensor> buffers{bucket.flat};
            try {
                bucket.work = group.impl().group->allreduce(buffers);
            } catch (const std::exception& e) {
                throw lostPeers(group, "gradient averaging", e);
            }
            startedDuringBackward += inBackward ? 1 : 0;
        }
    }

    void arrive(std::size_t index, const torch::Tensor& grad) {
        std::lock_guard<std::mutex> lock(mutex);
        Slot& slot = slots[index];
        Bucket& bucket = buckets[slot.bucket];
        torch::NoGradGuard noGrad;
        bucket.flat.slice(0, slot.offset, slot.offset + grad.numel())
            .copy_(grad.detach().reshape({-1}));
        if (!slot.arrived) {
            slot.arrived = true;
            --bucket.pending;
        }
        startReadyBuckets(/*inBackward=*/true);
    }
};

OverlappedGradientAverager::OverlappedGradientAverager(ProcessGroup& group,
                                                       const std::vector<torch::Tensor>& parameters,
                                                       std::int64_t bucketBytes)
    : m_impl(std::make_unique<Impl>(group)) {
    if (group.worldSize() == 1) {
        return;
    }
    std::vector<torch::Tensor> trainable;
    for (auto it = parameters.rbegin(); it != parameters.rend(); ++it) {
        if (it->requires_grad()) {
            trainable.push_back(*it);
        }
    }
    Impl& impl = *m_impl;
    for (const std::vector<torch::Tensor>& members : buckets(trainable, bucketBytes)) {
        std::int64_t size = 0;
        for (const torch::Tensor& p : members) {
            Impl::Slot slot;
            slot.parameter = p;
            slot.bucket = impl.buckets.size();
            slot.offset = size;
            impl.slots.push_back(slot);
            size += p.numel();
        }
        // Zeros stand for a gradient this rank has not got (a parameter its step did not use);
        // finish() leaves such a parameter without one.
        Impl::Bucket bucket;
        bucket.flat = torch::zeros({size}, members.front().options().requires_grad(false));
        bucket.pending = members.size();
        impl.buckets.push_back(std::move(bucket));
    }
    for (std::size_t i = 0; i < impl.slots.size(); ++i) {
        Impl* self = m_impl.get();
        impl.slots[i].hook = impl.slots[i].parameter.register_hook(
            [self, i](const torch::Tensor& grad) { self->arrive(i, grad); });
    }
}

OverlappedGradientAverager::~OverlappedGradientAverager() {
    for (Impl::Slot& slot : m_impl->slots) {
        slot.parameter.remove_hook(slot.hook);
    }
    // A bucket still in flight (an exception between backward and finish) must not outlive its
    // buffer's owner unnoticed: wait, ignoring a lost peer, which the run reports elsewhere.
    for (Impl::Bucket& bucket : m_impl->buckets) {
        if (bucket.work) {
            try {
                bucket.work->wait();
            } catch (const std::exception&) {
            }
        }
    }
}

void OverlappedGradientAverager::finish() {
    Impl& impl = *m_impl;
    if (impl.buckets.empty()) {
        return;
    }
    std::lock_guard<std::mutex> lock(impl.mutex);
    torch::NoGradGuard noGrad;
    // What no hook brought (averaging after backward, without overlap) comes from .grad now:
    // both ways fill the same buckets, so ranks that average differently still agree.
    for (Impl::Slot& slot : impl.slots) {
        const torch::Tensor grad = slot.parameter.grad();
        if (!slot.arrived && grad.defined()) {
            impl.buckets[slot.bucket]
                .flat.slice(0, slot.offset, slot.offset + grad.numel())
                .copy_(grad.reshape({-1}));
        }
        slot.arrived = true;
    }
    for (Impl::Bucket& bucket : impl.buckets) {
        bucket.pending = 0; // what has not arrived by now is not coming
    }
    impl.startReadyBuckets(/*inBackward=*/false);
    const double world = static_cast<double>(impl.group.worldSize());
    for (Impl::Bucket& bucket : impl.buckets) {
        try {
            bucket.work->wait();
        } catch (const std::exception& e) {
            bucket.work.reset();
            throw lostPeers(impl.group, "gradient averaging", e);
        }
        bucket.work.reset();
        bucket.flat.div_(world);
    }
    for (const Impl::Slot& slot : impl.slots) {
        torch::Tensor grad = slot.parameter.grad();
        if (grad.defined()) {
            grad.copy_(impl.buckets[slot.bucket]
                           .flat.slice(0, slot.offset, slot.offset + grad.numel())
                           .view(grad.sizes()));
        }
    }
}

int OverlappedGradientAverager::bucketsStartedDuringBackward() const {
    return m_impl->startedDuringBackward;
}

void averageGradients(ProcessGroup& group, const std::vector<torch::Tensor>& parameters,
                      std::int64_t bucketBytes) {
    // Hooks installed after backward never fire: finish() takes every gradient from .grad.
    OverlappedGradientAverager averager(group, parameters, bucketBytes);
    averager.finish();
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
