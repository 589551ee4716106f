#include "training_fixtures.h"

#include <random>

#include "core/weights/state_dict.h"

namespace tstudio::test {

data::Dataset colourDataset(int perClass, int valPerClass, int testPerClass) {
    data::Dataset dataset(data::DatasetKind::Custom, "/in-memory");
    const char* names[] = {"red", "green", "blue"};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> noise(0, 90);
    std::int64_t record = 0;
    for (int c = 0; c < 3; ++c) {
        dataset.addClass(names[c]);
    }
    for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < perClass + valPerClass + testPerClass; ++i) {
            auto image = std::make_shared<imaging::RgbImage>();
            image->width = 24;
            image->height = 24;
            image->pixels.resize(24 * 24 * 3);
            for (std::size_t p = 0; p < image->pixels.size(); ++p) {
                const int channel = static_cast<int>(p % 3);
                image->pixels[p] =
                    static_cast<std::uint8_t>((channel == c ? 150 : 40) + noise(rng));
            }
            data::Sample sample;
            sample.path = "/in-memory/" + std::string(names[c]) + std::to_string(i);
            sample.record = record++;
            sample.image = image;
            sample.label = c;
            sample.split = i < perClass                 ? data::Split::Train
                           : i < perClass + valPerClass ? data::Split::Val
                                                        : data::Split::Test;
            dataset.addSample(sample);
        }
    }
    return dataset;
}

training::TrainingConfig tinyConfig(const std::filesystem::path& outDir) {
    training::TrainingConfig c;
    c.arch = "mobilenet_v3_small";
    c.fromScratch = true;
    c.inputSize = 32;
    c.head = *training::parseHeadSpec("neck");
    c.mode = training::TrainMode::FineTune;
    c.epochs = 2;
    c.batchSize = 8;
    c.optimizer.lr = 3e-3;
    c.augment = false;
    c.seed = 11;
    c.workers = 2;
    c.outDir = outDir;
    return c;
}

training::TrainingConfig dataParallelFeatureConfig(const std::filesystem::path& outDir, int batch,
                                                   int epochs) {
    training::TrainingConfig config = tinyConfig(outDir);
    config.mode = training::TrainMode::Feature;
    config.head = *training::parseHeadSpec("avg,16:relu");
    config.epochs = epochs;
    config.batchSize = batch;
    return config;
}

std::map<std::string, std::vector<float>> readWeights(const std::filesystem::path& file) {
    std::map<std::string, std::vector<float>> out;
    auto dict = weights::readStateDict(file);
    if (!dict) {
        return out;
    }
    for (const auto& [name, tensor] : *dict) {
        const torch::Tensor t = tensor.to(torch::kFloat32).contiguous();
        out.emplace(name, std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel()));
    }
    return out;
}

} // namespace tstudio::test
