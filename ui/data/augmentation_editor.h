#pragma once

#include <QWidget>

#include "core/data/augmentation.h"

class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QSpinBox;

namespace tstudio::ui {

/**
 * Edits the training augmentations (data::AugmentationConfig): random resized crop scale,
 * flips, rotation, colour jitter, grayscale, blur and erasing, each with its probability in
 * percent, plus the switch that turns augmentation on for training. Emits changed() on every
 * edit the person makes, never for setConfig().
 */
class AugmentationEditor final : public QWidget {
    Q_OBJECT

public:
    explicit AugmentationEditor(QWidget* parent = nullptr);

    data::AugmentationConfig config() const;
    void setConfig(const data::AugmentationConfig& config);
    bool augmentEnabled() const;
    void setAugmentEnabled(bool enabled);

Q_SIGNALS:
    void changed();

private:
    QSpinBox* percentBox();
    QDoubleSpinBox* factorBox(double minimum, double maximum, double step);
    void updateEnabled();

    data::AugmentationConfig m_base; ///< fields the editor does not show (crop size, ratios)
    QCheckBox* m_augment = nullptr;
    QGroupBox* m_crop = nullptr;
    QDoubleSpinBox* m_cropScaleMin = nullptr;
    QDoubleSpinBox* m_cropScaleMax = nullptr;
    QSpinBox* m_horizontalFlip = nullptr;
    QSpinBox* m_verticalFlip = nullptr;
    QSpinBox* m_rotation = nullptr;
    QDoubleSpinBox* m_rotationDegrees = nullptr;
    QSpinBox* m_jitter = nullptr;
    QDoubleSpinBox* m_brightness = nullptr;
    QDoubleSpinBox* m_contrast = nullptr;
    QDoubleSpinBox* m_saturation = nullptr;
    QDoubleSpinBox* m_hue = nullptr;
    QSpinBox* m_grayscale = nullptr;
    QSpinBox* m_blur = nullptr;
    QSpinBox* m_blurKernel = nullptr;
    QDoubleSpinBox* m_blurSigmaMax = nullptr;
    QSpinBox* m_erasing = nullptr;
    QDoubleSpinBox* m_erasingScaleMax = nullptr;
    QWidget* m_fields = nullptr;
};

} // namespace tstudio::ui
