#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace tstudio::models {

/**
 * The common shape of every backbone in the zoo.
 *
 * A backbone is torchvision's network with torchvision's module tree (so state-dict keys map one
 * to one), seen as: a chain of blocks (the natural freeze/feature points, e.g. `layer1`..`layer4`
 * or `features.0`..`features.18`), then a neck that turns the last block's output into the
 * head's input (global pooling, flatten, and for VGG/MobileNetV3 the hidden classifier layers),
 * then the final linear layer (the head), which is the only part `replaceHead` swaps.
 *
 * forward(x) == head(neck(forwardBlocks(x, 0, blockNames().size()))) in eval mode, bit for bit
 * the same computation torchvision does.
 *
 * Thread: a module is used by one thread at a time.
 */
class BackboneImpl : public torch::nn::Module {
public:
    /**
     * Names of the blocks in execution order, e.g. {"stem", "layer1", ..., "layer4"} or
     * {"features.0", ..., "features.18"}. A name is a module path where one module is the block;
     * otherwise (ResNet's "stem", VGG's "block1") blockModulePaths() says what it covers.
     */
    virtual std::vector<std::string> blockNames() const = 0;

    /** Module paths that make up block i (its parameters are frozen together). */
    virtual std::vector<std::string> blockModulePaths(int block) const {
        return {blockNames().at(static_cast<size_t>(block))};
    }

    /** Runs blocks [first, last) on x. With first == 0, x is the normalized image batch. */
    virtual torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) = 0;

    /** From the last block's output to the head's input, shape [N, featureWidth()]. */
    virtual torch::Tensor forwardNeck(torch::Tensor x) = 0;

    /** The final linear layer. */
    virtual torch::nn::Linear head() const = 0;

    /** Module path of the final linear layer, e.g. "fc" or "classifier.1". */
    virtual std::string headPath() const = 0;

    /** Replaces the final linear layer by a fresh one of numClasses outputs (torchvision init). */
    virtual void replaceHead(int64_t numClasses) = 0;

    /** Module paths a weight file may leave out (the network keeps its own initialisation
        there): parts never run in eval mode, such as Inception's auxiliary classifier, which
        Python's inception_v3(aux_logits=False) does not save. */
    virtual std::vector<std::string> optionalModulePaths() const { return {}; }

    /** Width of the head's input. */
    int64_t featureWidth() const { return head()->options.in_features(); }

    /** Number of output classes of the current head. */
    int64_t numClasses() const { return head()->options.out_features(); }

    /** The whole network: logits [N, numClasses()]. */
    torch::Tensor forward(torch::Tensor x) {
        const int n = static_cast<int>(blockNames().size());
        return head()->forward(forwardNeck(forwardBlocks(std::move(x), 0, n)));
    }
};

TORCH_MODULE(Backbone);

} // namespace tstudio::models
