#pragma once

// `--gradcam DIR` of tstudio predict and classify: one loop for both, whatever the model.

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/imaging/image_decoder.h"
#include "core/inference/grad_cam_files.h"

namespace tstudio::cli {

enum class GradCamOutcome { AllWritten, SomeInputsFailed, OutputFailed };

/**
 * For each file, one at a time (each needs its own backward pass, and its decoded pixels again
 * for the overlay): decode it, explain(image, path) → Result<{prediction, heatMap}>, report the
 * prediction, then write DIR/<stem>.gradcam.png and .cam.npy (stems made unique). Messages go
 * to stderr prefixed with prefix. Stops at the first file that cannot be written.
 */
template <typename Explain, typename Report>
GradCamOutcome writeGradCams(const std::vector<std::filesystem::path>& files,
                             const std::filesystem::path& dir, const char* prefix, Explain explain,
                             Report report) {
    bool anyFailed = false;
    const std::vector<std::string> stems = inference::uniqueStems(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto image = imaging::decodeImage(files[i]);
        if (!image) {
            std::fprintf(stderr, "%s: %s\n", prefix, image.message().c_str());
            anyFailed = true;
            continue;
        }
        auto cam = explain(*image, files[i]);
        if (!cam) {
            std::fprintf(stderr, "%s: %s\n", prefix, cam.message().c_str());
            anyFailed = true;
            continue;
        }
        report(cam->prediction);
        std::fflush(stdout);
        if (const Status written =
                inference::writeGradCamFiles(dir, stems[i], *image, cam->heatMap);
            !written) {
            std::fprintf(stderr, "%s: %s\n", prefix, written.message().c_str());
            return GradCamOutcome::OutputFailed;
        }
    }
    return anyFailed ? GradCamOutcome::SomeInputsFailed : GradCamOutcome::AllWritten;
}

} // namespace tstudio::cli
