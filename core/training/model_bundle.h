#pragma once

// Public, torch-free: the trained model as one self-describing file, and what reads it.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/imaging/eval_transform.h"
#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"
#include "core/training/evaluation_report.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::training {

/**
 * A model bundle (`.tsmodel`): a safetensors file (so other tools read the weights) whose
 * `__metadata__` holds the JSON description under the key "tstudio": format version, the
 * training config (arch, head, input size, ...), class names, preprocessing (eval transform),
 * metric history and test result. Weights: torchvision's keys for the backbone, "head.*" for
 * new head layers. Written atomically.
 */
/** Usable images per class (in BundleInfo::classes order) of each split a run trained with. */
struct ImagesPerClass {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> val;
    std::vector<std::int64_t> test;
};

/** The validation split's result for the weights a bundle holds: those of one epoch (the best
    one when the run kept the best epoch's weights, else the last). */
struct BundleValidation {
    int epoch = 0; ///< 1-based over the run, as EpochMetrics::epoch
    EvaluationResult result;
};

struct BundleInfo {
    int formatVersion = 1;
    TrainingConfig config;
    std::vector<std::string> classes;
    imaging::EvalTransform preprocessing;
    std::vector<EpochMetrics> history;
    std::optional<EvaluationResult> test;
    std::string createdAt; ///< ISO 8601 UTC
    /// What the run trained and validated on (for model cards); none in bundles written before
    /// runs recorded it.
    std::optional<ImagesPerClass> imagesPerClass;
    /// The validation confusion matrix and metrics of the epoch whose weights the bundle holds;
    /// none without a validation split, and in bundles written before runs recorded it.
    std::optional<BundleValidation> validation;
};

/** Reads only the description (fast; no weights). Fails clearly on anything not a bundle. */
Result<BundleInfo> readBundleInfo(const std::filesystem::path& path);

struct Prediction {
    std::filesystem::path path;
    std::vector<float> probabilities; ///< one per class, in BundleInfo::classes order
    int predicted = -1;
};

/** Grad-CAM of one image: the prediction (all class probabilities) and the map. */
struct GradCamResult {
    Prediction prediction;
    imaging::HeatMap heatMap; ///< at the image's own size; heatMap.classIndex: the class explained
};

/**
 * A loaded bundle, ready to classify images with its own preprocessing. The GUI's prediction
 * page and `tstudio predict`/`evaluate` use this. Pimpl: torch stays inside core.
 * Thread: one thread at a time.
 */
class BundleClassifier {
public:
    BundleClassifier();
    ~BundleClassifier();
    BundleClassifier(BundleClassifier&&) noexcept;
    BundleClassifier& operator=(BundleClassifier&&) noexcept;

    static Result<BundleClassifier> open(const std::filesystem::path& bundle,
                                         const std::string& device = "cpu");
    const BundleInfo& info() const;

    /** Predictions for the files that decode; failures (one message per file) in failed. */
    std::vector<Prediction> predict(const std::vector<std::filesystem::path>& paths,
                                    std::vector<Error>& failed);

    /**
     * Class probabilities of images already decoded (imaging::decodeImage), one row per image in
     * BundleInfo::classes order: exactly what predict() computes after it decodes, for callers
     * that also use the decoded pixels (the Classify page's thumbnails decode each file once).
     * Fails with a message when the network fails (e.g. out of memory); never throws.
     */
    Result<std::vector<std::vector<float>>>
    probabilities(const std::vector<imaging::RgbImage>& images);

    /** Loss, top-1/top-5, per-class metrics and confusion on the labelled samples of dataset
        in split (Split::None: every labelled sample; classes matched by name, a dataset class
        the bundle does not know fails). progress gets (done, total). */
    Result<EvaluationResult>
    evaluate(const data::Dataset& dataset, data::Split split,
             const std::function<void(std::int64_t, std::int64_t)>& progress = {});

    /** evaluate() with every image's outcome: the same pass, so report.summary is exactly what
        evaluate() returns. Unreadable images are listed in report.unreadable and left out.
        cancel (set from any thread) stops within one batch: fails "Evaluation cancelled.". */
    Result<EvaluationReport> evaluateReport(const data::Dataset& dataset, data::Split split,
                                            const EvaluationProgress& progress = {},
                                            const std::atomic_bool* cancel = nullptr);

    /**
     * Grad-CAM at the backbone's last block: where in the image the model found evidence for
     * classIndex (-1: its top-1 class). Decodes the file itself; fails with a message naming
     * the file when it cannot, or when classIndex is not one of the bundle's classes. Slower
     * than predict(): one forward and one backward pass per image.
     */
    Result<GradCamResult> gradCam(const std::filesystem::path& path, int classIndex = -1);

    /** gradCam() of an image already decoded (e.g. the GUI's); path is only copied into the
        prediction. */
    Result<GradCamResult> gradCam(const imaging::RgbImage& image, int classIndex = -1,
                                  const std::filesystem::path& path = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::training
