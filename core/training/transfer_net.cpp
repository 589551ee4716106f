#include "core/training/transfer_net.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/models/factory.h"
#include "core/models/registry.h"
#include "core/models/seeded_random.h"
#include "core/training/training_messages.h"

namespace tstudio::training {

namespace {

namespace nn = torch::nn;

torch::Tensor activate(const torch::Tensor& x, Activation activation) {
    switch (activation) {
    case Activation::ReLU:
        return torch::relu(x);
    case Activation::GELU:
        return torch::gelu(x);
    case Activation::SiLU:
        return torch::silu(x);
    }
    return x;
}

std::string modulePathOf(const std::string& parameterName) {
    const auto dot = parameterName.rfind('.');
    return dot == std::string::npos ? std::string() : parameterName.substr(0, dot);
}

/** The final Linear's output count a weight file holds, so checkpoints of any head load. */
std::int64_t headOutputs(const weights::StateDict& dict, const std::string& headPath) {
    for (const auto& [name, tensor] : dict) {
        if (name == headPath + ".weight" && tensor.dim() == 2) {
            return tensor.size(0);
        }
    }
    return 1000;
}

} // namespace

bool underPath(const std::string& name, const std::string& path) {
    return path.empty() || name == path ||
           (name.size() > path.size() && name.compare(0, path.size(), path) == 0 &&
            name[path.size()] == '.');
}

HeadImpl::HeadImpl(const HeadSpec& spec, std::int64_t inFeatures, std::int64_t numClasses)
    : m_spec(spec) {
    nn::ModuleList hidden;
    std::int64_t width = inFeatures;
    for (const HiddenLayer& layer : spec.hidden) {
        nn::Linear linear(width, layer.width);
        hidden->push_back(linear);
        m_hidden.push_back(linear);
        width = layer.width;
    }
    if (!m_hidden.empty()) {
        register_module("hidden", hidden);
    }
    m_fc = register_module("fc", nn::Linear(width, numClasses));
}

torch::Tensor HeadImpl::forward(torch::Tensor x) {
    for (std::size_t i = 0; i < m_hidden.size(); ++i) {
        const HiddenLayer& layer = m_spec.hidden[i];
        x = activate(m_hidden[i]->forward(x), layer.activation);
        if (layer.dropout > 0.0f) {
            x = torch::dropout(x, layer.dropout, is_training());
        }
    }
    if (m_spec.dropout > 0.0f) {
        x = torch::dropout(x, m_spec.dropout, is_training());
    }
    return m_fc->forward(x);
}

namespace {

/** What the network can be built for: two classes or more, an input size the arch takes. */
Status checkShape(const models::BackboneInfo& info, int inputSize, int numClasses) {
    if (numClasses < 2) {
        return fail(ErrorKind::Dataset,
                    fillMessage(text::kTwoClasses, {std::to_string(numClasses)}));
    }
    if (inputSize < info.minInputSize || inputSize > 2048) {
        return fail(fillMessage(text::kInputSize, {std::to_string(inputSize), info.displayName,
                                                   std::to_string(info.minInputSize),
                                                   std::to_string(info.defaultInputSize)}));
    }
    return success();
}

} // namespace

Result<TransferNet> TransferNet::create(const TrainingConfig& config, int numClasses,
                                        const weights::StateDict* backboneWeights) {
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    if (info == nullptr) {
        return fail(
            fillMessage(text::kUnknownArchitecture, {config.arch, models::knownBackboneNames()}));
    }
    const int inputSize = config.inputSize == 0 ? info->defaultInputSize : config.inputSize;
    if (auto status = checkShape(*info, inputSize, numClasses); !status) {
        return status.error();
    }
    // The initialisation is a function of the seed alone, whatever other threads draw.
    const std::int64_t fileClasses =
        backboneWeights != nullptr ? headOutputs(*backboneWeights, info->headPath) : 1000;
    Result<models::Backbone> backbone =
        models::createBackbone(info->name, fileClasses, config.seed);
    if (!backbone) {
        return backbone.error();
    }
    if (backboneWeights != nullptr) {
        auto report =
            weights::loadStateDict(**backbone, *backboneWeights, weights::LoadPolicy::Strict,
                                   (*backbone)->optionalModulePaths());
        if (!report) {
            return fail(ErrorKind::BadWeights,
                        fillMessage(text::kWeightsDoNotFit, {info->displayName, report.message()}));
        }
    }

    models::SeededRandomScope random(config.seed ^ 0x68656164ull); // the new head's draws
    TransferNet net;
    net.m_info = info;
    net.m_backbone = *backbone;
    net.m_spec = config.head;
    net.m_inputSize = inputSize;
    net.m_numClasses = numClasses;
    net.m_blockNames = net.m_backbone->blockNames();

    const bool ownHead = config.head.pooling == Pooling::Neck && config.head.hidden.empty();
    const std::string backboneHead = net.m_backbone->headPath();
    if (ownHead) {
        net.m_backbone->replaceHead(numClasses);
        return net;
    }
    net.m_excluded.push_back(backboneHead);
    if (config.head.pooling != Pooling::Neck) {
        // The neck's own layers (VGG's and MobileNetV3's hidden classifier, ConvNeXt's norm) are
        // not used: everything outside the blocks and the final Linear is the neck.
        std::vector<std::string> blockPaths;
        for (int b = 0; b < net.blockCount(); ++b) {
            for (const std::string& path : net.m_backbone->blockModulePaths(b)) {
                blockPaths.push_back(path);
            }
        }
        for (const auto& item : net.m_backbone->named_parameters(/*recurse=*/true)) {
            const bool inBlock =
                std::any_of(blockPaths.begin(), blockPaths.end(),
                            [&](const auto& p) { return underPath(item.key(), p); });
            if (!inBlock && !underPath(item.key(), backboneHead)) {
                net.m_excluded.push_back(modulePathOf(item.key()));
            }
        }
    }
    std::int64_t inFeatures = net.m_backbone->featureWidth();
    if (config.head.pooling != Pooling::Neck) {
        // The pooled width depends on the last block's output (and, for Flatten, on the input
        // size): one blank image through the blocks tells.
        torch::NoGradGuard noGrad;
        net.m_backbone->eval();
        const int size = config.head.pooling == Pooling::Flatten ? inputSize : info->minInputSize;
        const torch::Tensor blank = torch::zeros({1, 3, size, size});
        inFeatures = net.pool(net.m_backbone->forwardBlocks(blank, 0, net.blockCount())).size(1);
        net.m_backbone->train();
    }
    net.m_head = Head(config.head, inFeatures, numClasses);
    return net;
}

std::string TransferNet::headPath() const {
    return m_head ? std::string("head") : m_backbone->headPath();
}

std::vector<std::string> TransferNet::blockModulePaths(int block) const {
    return m_backbone->blockModulePaths(block);
}

bool TransferNet::includes(const std::string& name) const {
    return std::none_of(m_excluded.begin(), m_excluded.end(),
                        [&](const std::string& path) { return underPath(name, path); });
}

std::vector<std::pair<std::string, torch::Tensor>> TransferNet::namedParameters() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& item : m_backbone->named_parameters(/*recurse=*/true)) {
        if (includes(item.key())) {
            out.emplace_back(item.key(), item.value());
        }
    }
    if (m_head) {
        for (const auto& item : m_head->named_parameters(/*recurse=*/true)) {
            out.emplace_back("head." + item.key(), item.value());
        }
    }
    return out;
}

weights::StateDict TransferNet::stateDict() const {
    weights::StateDict dict;
    for (auto& [name, tensor] : weights::stateDictOf(*m_backbone)) {
        if (includes(name)) {
            dict.emplace_back(name, tensor);
        }
    }
    if (m_head) {
        for (auto& [name, tensor] : weights::stateDictOf(*m_head)) {
            dict.emplace_back("head." + name, tensor);
        }
    }
    return dict;
}

std::vector<torch::Tensor> TransferNet::trainingBuffers() const {
    std::vector<torch::Tensor> out;
    for (const auto& [path, module] : namedModules()) {
        if (!module->is_training()) {
            continue;
        }
        for (const torch::Tensor& buffer : module->buffers(/*recurse=*/false)) {
            if (buffer.is_floating_point()) {
                out.push_back(buffer);
            }
        }
    }
    return out;
}

Status TransferNet::loadState(const weights::StateDict& dict) {
    std::map<std::string, torch::Tensor> own;
    for (auto& [name, tensor] : stateDict()) {
        own.emplace(name, tensor);
    }
    std::map<std::string, const torch::Tensor*> given;
    for (const auto& [name, tensor] : dict) {
        given.emplace(name, &tensor);
    }
    for (const auto& [name, tensor] : own) {
        const auto it = given.find(name);
        if (it == given.end()) {
            return fail("the weights lack \"" + name + "\"");
        }
        if (it->second->sizes() != tensor.sizes()) {
            return fail("\"" + name + "\" has another shape in the weights");
        }
    }
    if (given.size() != own.size()) {
        for (const auto& [name, tensor] : given) {
            if (own.count(name) == 0) {
                return fail("the weights hold \"" + name + "\", which this model does not have");
            }
        }
    }
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : own) {
        tensor.copy_(*given.at(name));
    }
    return success();
}

std::vector<std::pair<std::string, std::shared_ptr<nn::Module>>> TransferNet::namedModules() const {
    std::vector<std::pair<std::string, std::shared_ptr<nn::Module>>> out;
    std::set<std::string> dropped;
    for (const auto& item : m_backbone->named_modules(/*name_prefix=*/"", /*include_self=*/false)) {
        const std::string& path = item.key();
        const auto params = item.value()->named_parameters(/*recurse=*/true);
        // A container whose every parameter is left out (MobileNetV2's classifier once the new
        // head replaces its Linear) is not part of the trained model, nor is what it holds.
        const bool allLeftOut =
            params.size() > 0 && std::none_of(params.begin(), params.end(), [&](const auto& p) {
                return includes(path + "." + p.key());
            });
        if (!includes(path) || allLeftOut || dropped.count(modulePathOf(path)) != 0) {
            dropped.insert(path);
            continue;
        }
        out.emplace_back(path, item.value());
    }
    if (m_head) {
        for (const auto& item : m_head->named_modules(/*name_prefix=*/"head")) {
            out.emplace_back(item.key(), item.value());
        }
    }
    return out;
}

torch::Tensor TransferNet::pool(const torch::Tensor& features) {
    switch (m_spec.pooling) {
    case Pooling::Neck:
        return m_backbone->forwardNeck(features);
    case Pooling::Average:
        return torch::adaptive_avg_pool2d(features, {1, 1}).flatten(1);
    case Pooling::Max:
        return torch::amax(features, {2, 3});
    case Pooling::Flatten:
        return features.flatten(1);
    }
    return features;
}

torch::Tensor TransferNet::classify(const torch::Tensor& pooled) {
    if (m_head) {
        return m_head->forward(pooled);
    }
    torch::Tensor x = pooled;
    if (m_spec.dropout > 0.0f) {
        x = torch::dropout(x, m_spec.dropout, m_backbone->head()->is_training());
    }
    return m_backbone->head()->forward(x);
}

torch::Tensor TransferNet::forward(const torch::Tensor& images) {
    return classify(pool(m_backbone->forwardBlocks(images, 0, blockCount())));
}

torch::Tensor TransferNet::forwardPrefix(const torch::Tensor& images, CutPoint cut) {
    torch::Tensor x = m_backbone->forwardBlocks(images, 0, cut.blocks);
    return cut.throughPooling ? pool(x) : x;
}

torch::Tensor TransferNet::forwardSuffix(const torch::Tensor& cached, CutPoint cut) {
    if (cut.throughPooling) {
        return classify(cached);
    }
    return classify(pool(m_backbone->forwardBlocks(cached, cut.blocks, blockCount())));
}

void TransferNet::train(bool on) {
    m_backbone->train(on);
    if (m_head) {
        m_head->train(on);
    }
}

void TransferNet::to(torch::Device device) {
    m_backbone->to(device);
    if (m_head) {
        m_head->to(device);
    }
}

} // namespace tstudio::training
