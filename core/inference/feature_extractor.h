#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/imaging/rgb_image.h"
#include "core/inference/model_spec.h"

namespace tstudio::inference {

/** How a block's [N, C, H, W] output becomes one row per image. */
enum class Pooling {
    Average, ///< global average over H, W: C values
    Max,     ///< global max over H, W: C values
    None,    ///< the whole map flattened in C, H, W order: C*H*W values
};

/** Which features to take. Plain data. */
struct FeatureSpec {
    ModelSpec model;
    /// A block name of the backbone (blockNames(): "features.7", "layer3", ...), "pool" (alias
    /// "neck": the head's input, the usual embedding) or "logits".
    std::string layer = "pool";
    Pooling pooling = Pooling::Average; ///< for block layers; pool and logits are already rows
    int batchSize = 16;
};

/** Features of many images: row i belongs to paths[i]. */
struct FeatureTable {
    int64_t width = 0;
    std::vector<std::filesystem::path> paths;
    std::vector<float> values; ///< row-major, paths.size() * width

    int64_t rows() const { return static_cast<int64_t>(paths.size()); }
};

/** An image already decoded (a dataset's in-memory record) and the name its row is filed under. */
struct DecodedImage {
    std::filesystem::path name;
    std::shared_ptr<const imaging::RgbImage> image;
};

/**
 * Runs a pretrained backbone up to a chosen layer on batches of images and returns one row of
 * floats per image. Not thread-safe: one instance per thread. Never throws.
 */
class FeatureExtractor {
public:
    /** Loads the model (see ImageClassifier::open) and checks the layer name. */
    static Result<FeatureExtractor> open(const FeatureSpec& spec);

    FeatureExtractor(FeatureExtractor&&) noexcept;
    FeatureExtractor& operator=(FeatureExtractor&&) noexcept;
    ~FeatureExtractor();

    /**
     * Features of every image in paths, in order. An image that cannot be decoded is skipped
     * and reported through onSkipped (the message names the file); the others are processed.
     * Fails only when the model itself fails (e.g. out of memory).
     */
    Result<FeatureTable> extract(const std::vector<std::filesystem::path>& paths,
                                 const std::function<void(const Error&)>& onSkipped = {});

    /**
     * The same for images already decoded (CIFAR-10 and IDX records held in memory): row i
     * belongs to images[i] and is filed under its name. Fails only when the model fails.
     */
    Result<FeatureTable> extract(const std::vector<DecodedImage>& images);

    /** The layers open() accepts for this architecture: its blocks, then "pool", "logits". */
    std::vector<std::string> layerNames() const;

private:
    struct Impl;
    explicit FeatureExtractor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::inference
