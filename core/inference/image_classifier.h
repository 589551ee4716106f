#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"
#include "core/inference/model_spec.h"

namespace tstudio::inference {

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

/** Grad-CAM of one image: its top classes and the map. */
struct GradCamResult {
    Prediction prediction;
    imaging::HeatMap heatMap; ///< at the image's own size; heatMap.classIndex: the class explained
};

/**
 * "Classifier as is": a pretrained ImageNet backbone that names the 1000 ImageNet classes of any
 * photo. Decodes with the project's image decoder and preprocesses per the registry entry.
 * A checkpoint whose head has another class count loads too; its classes are then labelled
 * "class N". Not thread-safe: one instance per thread. open() and classify() fail with clear
 * messages (bad weights, unreadable image, unknown device) and never throw.
 */
class ImageClassifier {
public:
    static Result<ImageClassifier> open(const ModelSpec& spec);

    ImageClassifier(ImageClassifier&&) noexcept;
    ImageClassifier& operator=(ImageClassifier&&) noexcept;
    ~ImageClassifier();

    /** Top-k classes of the image file at path (k is capped at the class count). */
    Result<Prediction> classify(const std::filesystem::path& path, int topk = 5);

    /**
     * Classifies many images, batchSize per forward pass (much faster on CPU than one by one),
     * calling onPrediction for each image in order and onSkipped for each image that cannot be
     * decoded (the message names the file). Fails only when the model itself fails.
     */
    Status classifyAll(const std::vector<std::filesystem::path>& paths, int topk, int batchSize,
                       const std::function<void(const Prediction&)>& onPrediction,
                       const std::function<void(const Error&)>& onSkipped = {});

    /**
     * Class probabilities of images already decoded (imaging::decodeImage), one row per image,
     * one value per class index: for callers that also use the decoded pixels (the Classify
     * page's thumbnails decode each file once). Fails when the network fails; never throws.
     */
    Result<std::vector<std::vector<float>>>
    probabilities(const std::vector<imaging::RgbImage>& images);

    /** How many classes the head names (1000 for ImageNet). */
    int classCount() const;

    /** The raw logits of the image file at path, one per class. */
    Result<std::vector<float>> logits(const std::filesystem::path& path);

    /**
     * Grad-CAM at the backbone's last block: where in the image the network found evidence for
     * classIndex (-1: its top-1 class), with the image's top-k classes. Fails with a message
     * naming the file when it cannot be decoded, or when classIndex is out of range.
     */
    Result<GradCamResult> gradCam(const std::filesystem::path& path, int classIndex = -1,
                                  int topk = 5);

    /** gradCam() of an image already decoded; path is only copied into the prediction. */
    Result<GradCamResult> gradCam(const imaging::RgbImage& image, int classIndex = -1, int topk = 5,
                                  const std::filesystem::path& path = {});

    /** The input size in use (after defaults). */
    int inputSize() const;

    /** The weight file that was loaded (the hub cache's when the spec named none). */
    std::filesystem::path weightsPath() const;

    /** Label of class index: the ImageNet name for a 1000-class head, else "class N". */
    std::string label(int index) const;

private:
    struct Impl;
    explicit ImageClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::inference
