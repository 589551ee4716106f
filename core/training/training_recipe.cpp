#include "core/training/training_recipe.h"

#include "core/training/training_config.h"

namespace tstudio::training {

TrainingConfig recommendedConfig(TrainMode mode) {
    TrainingConfig c;
    c.mode = mode;
    c.optimizer.kind = OptimizerKind::AdamW;
    c.optimizer.lr = 1e-3;
    c.schedule.kind = ScheduleKind::Cosine;
    if (mode == TrainMode::Feature) {
        c.augment = false;
        c.epochs = 10;
        c.batchSize = 32;
        return c;
    }
    c.augment = true;
    c.epochs = 5;
    c.batchSize = 16;
    c.optimizer.weightDecay = 0.01;
    c.labelSmoothing = 0.1;
    c.schedule.warmupEpochs = 1;
    c.lrMultipliers = {{"", 0.1}, {"head", 1.0}};
    if (mode == TrainMode::TwoStage) {
        c.twoStage.headEpochs = 2;
        c.twoStage.stage2Lr = 1e-3;
    }
    return c;
}

TrainingConfig withRecommendedRecipe(TrainingConfig config, TrainMode mode) {
    const TrainingConfig recipe = recommendedConfig(mode);
    config.mode = mode;
    config.optimizer = recipe.optimizer;
    config.schedule = recipe.schedule;
    config.epochs = recipe.epochs;
    config.batchSize = recipe.batchSize;
    config.labelSmoothing = recipe.labelSmoothing;
    config.lrMultipliers = recipe.lrMultipliers;
    config.augment = recipe.augment;
    config.twoStage.headEpochs = recipe.twoStage.headEpochs;
    config.twoStage.stage2Lr = recipe.twoStage.stage2Lr;
    return config;
}

} // namespace tstudio::training
