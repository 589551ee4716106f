// torchvision's Inception3 (inception_v3 with transform_input, eval mode: the AuxLogits branch
// does not run) as a NetworkGraph. Each block type is one function, in torchvision's order.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kEps = 0.001;

/** prefix + "." + name: a child module's path or parameter. */
std::string childKey(const std::string& prefix, const char* name) {
    std::string text = prefix;
    text += ".";
    text += name;
    return text;
}

/** Valid: no padding. Same: (k - 1) / 2 on each axis of the kernel, so 1x7 pads (0, 3). */
enum class Padding { Valid, Same };

/** torchvision's BasicConv2d at prefix: conv (no bias), batch norm (eps 0.001), ReLU. */
GraphValue basicConv(NetworkGraph& graph, GraphValue x, const std::string& prefix, Padding padding,
                     std::int64_t stride = 1) {
    const std::string conv = childKey(prefix, "conv");
    const torch::Tensor& weight = graph.parameter(conv + ".weight");
    ConvOptions options;
    options.stride = stride;
    if (padding == Padding::Same) {
        options.padding = (weight.size(2) - 1) / 2;
        if (weight.size(3) != weight.size(2)) {
            options.paddingWidth = (weight.size(3) - 1) / 2;
        }
    }
    x = graph.conv2d(x, conv, options);
    x = graph.batchNorm(x, childKey(prefix, "bn"), kEps);
    return graph.relu(x);
}

/** The pooling branch of blocks A, C and E: 3x3, stride 1, padding counted in the average. */
GraphValue averagePool3x3(NetworkGraph& graph, GraphValue x) {
    PoolOptions options;
    options.kernel = 3;
    options.stride = 1;
    options.padding = 1;
    options.countIncludePad = true;
    return graph.avgPool(x, options);
}

/** The stem's and the reductions' 3x3 max pool with stride 2, unpadded. */
GraphValue maxPool3x3Stride2(NetworkGraph& graph, GraphValue x) {
    PoolOptions options;
    options.kernel = 3;
    options.stride = 2;
    return graph.maxPool(x, options);
}

/** transform_input: the official weights were trained on inputs normalised with mean 0.5 and
    std 0.5; this turns an ImageNet-normalised batch into that, per channel. The constants are
    torchvision's expressions, as our eager module writes them. */
GraphValue transformInput(NetworkGraph& graph, GraphValue images) {
    return graph.channelAffine(images, {0.229 / 0.5, 0.224 / 0.5, 0.225 / 0.5},
                               {(0.485 - 0.5) / 0.5, (0.456 - 0.5) / 0.5, (0.406 - 0.5) / 0.5});
}

/** Conv2d_1a_3x3 .. Conv2d_4a_3x3 with both max pools. */
GraphValue stem(NetworkGraph& graph, GraphValue x) {
    x = basicConv(graph, x, "Conv2d_1a_3x3", Padding::Valid, /*stride=*/2);
    x = basicConv(graph, x, "Conv2d_2a_3x3", Padding::Valid);
    x = basicConv(graph, x, "Conv2d_2b_3x3", Padding::Same);
    x = maxPool3x3Stride2(graph, x);
    x = basicConv(graph, x, "Conv2d_3b_1x1", Padding::Valid);
    x = basicConv(graph, x, "Conv2d_4a_3x3", Padding::Valid);
    return maxPool3x3Stride2(graph, x);
}

/** InceptionA (Mixed_5b .. 5d): 1x1, 5x5, double 3x3 and pooling branches. */
GraphValue inceptionA(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    const GraphValue branch1x1 = basicConv(graph, x, childKey(prefix, "branch1x1"), Padding::Same);
    GraphValue branch5x5 = basicConv(graph, x, childKey(prefix, "branch5x5_1"), Padding::Same);
    branch5x5 = basicConv(graph, branch5x5, childKey(prefix, "branch5x5_2"), Padding::Same);
    GraphValue branch3x3dbl =
        basicConv(graph, x, childKey(prefix, "branch3x3dbl_1"), Padding::Same);
    branch3x3dbl =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_2"), Padding::Same);
    branch3x3dbl =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_3"), Padding::Same);
    const GraphValue branchPool =
        basicConv(graph, averagePool3x3(graph, x), childKey(prefix, "branch_pool"), Padding::Same);
    return graph.cat({branch1x1, branch5x5, branch3x3dbl, branchPool});
}

/** InceptionB (Mixed_6a), a reduction: stride-2 3x3, double 3x3 and max-pool branches. */
GraphValue inceptionB(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    const GraphValue branch3x3 =
        basicConv(graph, x, childKey(prefix, "branch3x3"), Padding::Valid, /*stride=*/2);
    GraphValue branch3x3dbl =
        basicConv(graph, x, childKey(prefix, "branch3x3dbl_1"), Padding::Same);
    branch3x3dbl =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_2"), Padding::Same);
    branch3x3dbl =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_3"), Padding::Valid,
                  /*stride=*/2);
    return graph.cat({branch3x3, branch3x3dbl, maxPool3x3Stride2(graph, x)});
}

/** InceptionC (Mixed_6b .. 6e): 1x1, factorised 7x7 (1x7, 7x1), doubled 7x7 and pooling. */
GraphValue inceptionC(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    const GraphValue branch1x1 = basicConv(graph, x, childKey(prefix, "branch1x1"), Padding::Same);
    GraphValue branch7x7 = x;
    for (const char* name : {"branch7x7_1", "branch7x7_2", "branch7x7_3"}) {
        branch7x7 = basicConv(graph, branch7x7, childKey(prefix, name), Padding::Same);
    }
    GraphValue branch7x7dbl = x;
    for (const char* name : {"branch7x7dbl_1", "branch7x7dbl_2", "branch7x7dbl_3", "branch7x7dbl_4",
                             "branch7x7dbl_5"}) {
        branch7x7dbl = basicConv(graph, branch7x7dbl, childKey(prefix, name), Padding::Same);
    }
    const GraphValue branchPool =
        basicConv(graph, averagePool3x3(graph, x), childKey(prefix, "branch_pool"), Padding::Same);
    return graph.cat({branch1x1, branch7x7, branch7x7dbl, branchPool});
}

/** InceptionD (Mixed_7a), a reduction: 1x1 then stride-2 3x3; 1x1, 1x7, 7x1, stride-2 3x3;
    max pool. */
GraphValue inceptionD(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    GraphValue branch3x3 = basicConv(graph, x, childKey(prefix, "branch3x3_1"), Padding::Same);
    branch3x3 =
        basicConv(graph, branch3x3, childKey(prefix, "branch3x3_2"), Padding::Valid, /*stride=*/2);
    GraphValue branch7x7x3 = x;
    for (const char* name : {"branch7x7x3_1", "branch7x7x3_2", "branch7x7x3_3"}) {
        branch7x7x3 = basicConv(graph, branch7x7x3, childKey(prefix, name), Padding::Same);
    }
    branch7x7x3 = basicConv(graph, branch7x7x3, childKey(prefix, "branch7x7x3_4"), Padding::Valid,
                            /*stride=*/2);
    return graph.cat({branch3x3, branch7x7x3, maxPool3x3Stride2(graph, x)});
}

/** InceptionE (Mixed_7b, 7c): 1x1; 1x1 split into 1x3 and 3x1; 1x1, 3x3 split into 1x3 and
    3x1; pooling. torchvision concatenates each split pair first; concatenating the six parts
    at once gives the same channels in the same order. */
GraphValue inceptionE(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    const GraphValue branch1x1 = basicConv(graph, x, childKey(prefix, "branch1x1"), Padding::Same);
    const GraphValue branch3x3 =
        basicConv(graph, x, childKey(prefix, "branch3x3_1"), Padding::Same);
    const GraphValue branch3x3a =
        basicConv(graph, branch3x3, childKey(prefix, "branch3x3_2a"), Padding::Same);
    const GraphValue branch3x3b =
        basicConv(graph, branch3x3, childKey(prefix, "branch3x3_2b"), Padding::Same);
    GraphValue branch3x3dbl =
        basicConv(graph, x, childKey(prefix, "branch3x3dbl_1"), Padding::Same);
    branch3x3dbl =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_2"), Padding::Same);
    const GraphValue branch3x3dblA =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_3a"), Padding::Same);
    const GraphValue branch3x3dblB =
        basicConv(graph, branch3x3dbl, childKey(prefix, "branch3x3dbl_3b"), Padding::Same);
    const GraphValue branchPool =
        basicConv(graph, averagePool3x3(graph, x), childKey(prefix, "branch_pool"), Padding::Same);
    return graph.cat({branch1x1, branch3x3a, branch3x3b, branch3x3dblA, branch3x3dblB, branchPool});
}

} // namespace

GraphValue inceptionV3Blocks(NetworkGraph& graph, GraphValue images) {
    GraphValue x = stem(graph, transformInput(graph, images));
    for (const char* block : {"Mixed_5b", "Mixed_5c", "Mixed_5d"}) {
        x = inceptionA(graph, x, block);
    }
    x = inceptionB(graph, x, "Mixed_6a");
    for (const char* block : {"Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e"}) {
        x = inceptionC(graph, x, block);
    }
    x = inceptionD(graph, x, "Mixed_7a");
    for (const char* block : {"Mixed_7b", "Mixed_7c"}) {
        x = inceptionE(graph, x, block);
    }
    return x;
}

} // namespace tstudio::graph
