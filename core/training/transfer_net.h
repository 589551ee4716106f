#pragma once

// Private to core/training (torch types): the network a run trains — a zoo backbone plus the
// new head — seen through torchvision's parameter names.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/models/backbone.h"
#include "core/training/training_config.h"
#include "core/weights/state_dict.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::training {

/** The new layers: hidden Linear layers (head.hidden.N) with activation and dropout, then
    head.fc. Input: the pooled features [N, inFeatures]. */
class HeadImpl : public torch::nn::Module {
public:
    HeadImpl(const HeadSpec& spec, std::int64_t inFeatures, std::int64_t numClasses);
    torch::Tensor forward(torch::Tensor x);

private:
    HeadSpec m_spec;
    std::vector<torch::nn::Linear> m_hidden;
    torch::nn::Linear m_fc{nullptr};
};

TORCH_MODULE(Head);

/**
 * Where the network is cut for the frozen-prefix cache: after `blocks` blocks, and with
 * throughPooling also after the pooling/neck (the cached tensor is then [N, features]).
 */
struct CutPoint {
    int blocks = 0;
    bool throughPooling = false;
    bool operator==(const CutPoint&) const = default;
};

/**
 * Backbone + head. Parameter names are the backbone's torchvision keys plus "head.*"; the parts
 * the trained model does not use (the backbone's own final Linear when a new head replaces it,
 * the neck's layers when the pooling is not Neck) are left out of every list and state dict,
 * but stay in the backbone object so its ImageNet head remains usable as is.
 * Thread: one at a time.
 */
class TransferNet {
public:
    /** Builds the network with random initialisation drawn from config.seed alone (torch's
        global generator is left as it was, so a network built elsewhere cannot shift a run's).
        With weights, loads them into the backbone (its ImageNet head included) before the head
        is replaced. Fails on an unknown arch, an input size the arch cannot take, or weights
        that do not fit. */
    static Result<TransferNet> create(const TrainingConfig& config, int numClasses,
                                      const weights::StateDict* backboneWeights = nullptr);

    const models::BackboneInfo& info() const { return *m_info; }
    int inputSize() const { return m_inputSize; }
    int numClasses() const { return m_numClasses; }
    const HeadSpec& headSpec() const { return m_spec; }
    models::Backbone& backbone() { return m_backbone; }
    /** Null when the backbone's own final Linear (replaced) is the head. */
    Head& head() { return m_head; }

    /** "head", or the backbone's head path ("classifier.1") for Neck without new layers. */
    std::string headPath() const;
    int blockCount() const { return static_cast<int>(m_blockNames.size()); }
    const std::vector<std::string>& blockNames() const { return m_blockNames; }
    /** Module paths a block covers (what freezing a block freezes). */
    std::vector<std::string> blockModulePaths(int block) const;

    /** True for a parameter/buffer name, or module path, that belongs to the trained model. */
    bool includes(const std::string& name) const;

    std::vector<std::pair<std::string, torch::Tensor>> namedParameters() const;
    /** Parameters and buffers, torchvision keys plus head.*, in the backbone's order. */
    weights::StateDict stateDict() const;
    /** The floating-point buffers of the modules in training mode: the batch-norm running
        statistics that training steps change (frozen modules in eval mode keep theirs). */
    std::vector<torch::Tensor> trainingBuffers() const;
    /** Loads a state dict made by stateDict() (strict: every key, equal shapes). */
    Status loadState(const weights::StateDict& dict);

    /** Every module of the trained model with its path (root first, depth first). */
    std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> namedModules() const;

    torch::Tensor forward(const torch::Tensor& images);
    torch::Tensor forwardPrefix(const torch::Tensor& images, CutPoint cut);
    torch::Tensor forwardSuffix(const torch::Tensor& cached, CutPoint cut);

    void train(bool on);
    void to(torch::Device device);

private:
    torch::Tensor pool(const torch::Tensor& features);
    torch::Tensor classify(const torch::Tensor& pooled);

    const models::BackboneInfo* m_info = nullptr;
    models::Backbone m_backbone{nullptr};
    Head m_head{nullptr};
    HeadSpec m_spec;
    int m_inputSize = 224;
    int m_numClasses = 0;
    std::vector<std::string> m_blockNames;
    std::vector<std::string> m_excluded; ///< module paths left out of the trained model
};

/** True when name is path or lies under it ("" covers everything). */
bool underPath(const std::string& name, const std::string& path);

} // namespace tstudio::training
