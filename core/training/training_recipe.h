#pragma once

// Public, torch-free: the engine's recommended settings per training mode. Declared apart from
// the types (training_config.h includes this file, so its callers see these functions).

namespace tstudio::training {

struct TrainingConfig;
enum class TrainMode;

/**
 * Our defaults for a mode, better than the PyTorch tutorial's (SGD 1e-3, StepLR):
 * Feature: augmentation off (so the frozen backbone's output is computed once per image, see
 * train()), AdamW lr 1e-3, cosine, 10 epochs, batch 32.
 * FineTune/TwoStage: augmentation on, AdamW lr 1e-3 for the head and 0.1x for the backbone
 * (LrMultiplier "" 0.1 then "head" 1.0), weight decay 0.01, label smoothing 0.1, cosine with one
 * warm-up epoch, 5 epochs, batch 16 (TwoStage: 2 head epochs first).
 * An LrMultiplier or freeze rule path "head" always means the new head, also where it is the
 * backbone's own replaced Linear (Pooling::Neck without hidden layers). Any thread.
 */
TrainingConfig recommendedConfig(TrainMode mode);

/**
 * config with the mode and the recipe of recommendedConfig(mode): optimizer, schedule, epochs,
 * batch size, label smoothing, LR multipliers, augmentation on/off and the two-stage plan. What
 * the person chose about the model, the data and the machine (backbone, weights, input size,
 * head, freezing, augmentation parameters, device, seed, folders) is kept. The GUI applies it
 * when the mode changes, so its defaults are the CLI's. Any thread.
 */
TrainingConfig withRecommendedRecipe(TrainingConfig config, TrainMode mode);

} // namespace tstudio::training
