#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::inference {

/** Which network to run, and where. Plain data. */
struct ModelSpec {
    std::string arch;                 ///< registry name, e.g. "mobilenet_v2"
    std::filesystem::path weights;    ///< empty: the official file from the hub cache
    int inputSize = 0;                ///< 0: the registry's default
    std::string device = "cpu";       ///< "cpu" or "cuda" / "cuda:N"
};

struct ClassScore {
    int index = 0;
    std::string label;
    float probability = 0.0f;
};

/** The top classes for one image. */
struct Prediction {
    std::filesystem::path path;
    std::vector<ClassScore> top;
};

/**
 * "Classifier as is": a pretrained ImageNet backbone that names the 1000 ImageNet classes of any
 * photo. Decodes with the project's image decoder and preprocesses per the registry entry.
 * Not thread-safe: one instance per thread. open() and classify() fail with clear messages (bad
 * weights, unreadable image, unknown device) and never throw.
 */
class ImageClassifier {
public:
    static Result<ImageClassifier> open(const ModelSpec& spec);

    ImageClassifier(ImageClassifier&&) noexcept;
    ImageClassifier& operator=(ImageClassifier&&) noexcept;
    ~ImageClassifier();

    /** Top-k classes of the image file at path. */
    Result<Prediction> classify(const std::filesystem::path& path, int topk = 5);

    /** The input size in use (after defaults). */
    int inputSize() const;

private:
    struct Impl;
    explicit ImageClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::inference
