#include "ui/data/augmentation_editor.h"

#include <cmath>
#include <memory>
#include <vector>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tstudio::ui {

namespace {

int toPercent(float probability) {
    return static_cast<int>(std::lround(probability * 100.0f));
}

float fromPercent(const QSpinBox* box) {
    return static_cast<float>(box->value()) / 100.0f;
}

float value(const QDoubleSpinBox* box) {
    return static_cast<float>(box->value());
}

} // namespace

QSpinBox* AugmentationEditor::percentBox() {
    auto* box = new QSpinBox(this);
    box->setRange(0, 100);
    box->setSingleStep(5);
    box->setSuffix(tr(" %"));
    box->setToolTip(tr("How often this augmentation is applied to a training image"));
    connect(box, &QSpinBox::valueChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    return box;
}

QDoubleSpinBox* AugmentationEditor::factorBox(double minimum, double maximum, double step) {
    auto* box = new QDoubleSpinBox(this);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setDecimals(2);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this] { Q_EMIT changed(); });
    return box;
}

AugmentationEditor::AugmentationEditor(QWidget* parent) : QWidget(parent) {
    m_augment = new QCheckBox(tr("Augment training images"), this);
    m_augment->setToolTip(
        tr("Random changes to every training image, so the model learns what stays the same"));

    m_crop = new QGroupBox(tr("Random resized crop"), this);
    m_crop->setCheckable(true);
    m_cropScaleMin = factorBox(0.01, 1.0, 0.05);
    m_cropScaleMax = factorBox(0.01, 1.0, 0.05);
    m_cropScaleMin->setToolTip(tr("Smallest share of the image area a crop keeps"));
    m_cropScaleMax->setToolTip(tr("Largest share of the image area a crop keeps"));
    auto* cropForm = new QFormLayout(m_crop);
    cropForm->addRow(tr("Scale from"), m_cropScaleMin);
    cropForm->addRow(tr("Scale to"), m_cropScaleMax);
    connect(m_crop, &QGroupBox::toggled, this, [this] { Q_EMIT changed(); });

    auto* geometry = new QGroupBox(tr("Flips and rotation"), this);
    m_horizontalFlip = percentBox();
    m_verticalFlip = percentBox();
    m_rotation = percentBox();
    m_rotationDegrees = factorBox(0.0, 180.0, 5.0);
    m_rotationDegrees->setSuffix(tr("°"));
    m_rotationDegrees->setToolTip(tr("Largest angle, either way"));
    auto* geometryForm = new QFormLayout(geometry);
    geometryForm->addRow(tr("Horizontal flip"), m_horizontalFlip);
    geometryForm->addRow(tr("Vertical flip"), m_verticalFlip);
    geometryForm->addRow(tr("Rotation"), m_rotation);
    geometryForm->addRow(tr("Up to"), m_rotationDegrees);

    auto* color = new QGroupBox(tr("Colour"), this);
    m_jitter = percentBox();
    m_brightness = factorBox(0.0, 1.0, 0.05);
    m_contrast = factorBox(0.0, 1.0, 0.05);
    m_saturation = factorBox(0.0, 1.0, 0.05);
    m_hue = factorBox(0.0, 0.5, 0.01);
    m_grayscale = percentBox();
    auto* colorForm = new QFormLayout(color);
    colorForm->addRow(tr("Colour jitter"), m_jitter);
    colorForm->addRow(tr("Brightness ±"), m_brightness);
    colorForm->addRow(tr("Contrast ±"), m_contrast);
    colorForm->addRow(tr("Saturation ±"), m_saturation);
    colorForm->addRow(tr("Hue ±"), m_hue);
    colorForm->addRow(tr("Grayscale"), m_grayscale);

    auto* other = new QGroupBox(tr("Blur and erasing"), this);
    m_blur = percentBox();
    m_blurKernel = new QSpinBox(this);
    m_blurKernel->setRange(3, 31);
    m_blurKernel->setSingleStep(2);
    m_blurKernel->setSuffix(tr(" px"));
    m_blurKernel->setToolTip(tr("Size of the Gaussian kernel (odd)"));
    connect(m_blurKernel, &QSpinBox::valueChanged, this, [this](int kernel) {
        if (kernel % 2 == 0) {
            m_blurKernel->setValue(kernel + 1); // OpenCV's Gaussian needs an odd kernel
            return;
        }
        Q_EMIT changed();
    });
    m_blurSigmaMax = factorBox(0.1, 10.0, 0.1);
    m_blurSigmaMax->setToolTip(tr("Largest blur strength (sigma)"));
    m_erasing = percentBox();
    m_erasingScaleMax = factorBox(0.02, 0.9, 0.05);
    m_erasingScaleMax->setToolTip(tr("Largest share of the image a rectangle erases"));
    auto* otherForm = new QFormLayout(other);
    otherForm->addRow(tr("Blur"), m_blur);
    otherForm->addRow(tr("Kernel"), m_blurKernel);
    otherForm->addRow(tr("Sigma up to"), m_blurSigmaMax);
    otherForm->addRow(tr("Erasing"), m_erasing);
    otherForm->addRow(tr("Area up to"), m_erasingScaleMax);

    m_fields = new QWidget(this);
    auto* fields = new QVBoxLayout(m_fields);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addWidget(m_crop);
    fields->addWidget(geometry);
    fields->addWidget(color);
    fields->addWidget(other);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_augment);
    layout->addWidget(m_fields);
    layout->addStretch(1);
    connect(m_augment, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });

    setConfig({});
    setAugmentEnabled(true);
}

data::AugmentationConfig AugmentationEditor::config() const {
    data::AugmentationConfig config = m_base;
    config.crop.enabled = m_crop->isChecked();
    config.crop.scaleMin = value(m_cropScaleMin);
    config.crop.scaleMax = std::max(value(m_cropScaleMax), config.crop.scaleMin);
    config.horizontalFlip = fromPercent(m_horizontalFlip);
    config.verticalFlip = fromPercent(m_verticalFlip);
    config.rotation.probability = fromPercent(m_rotation);
    config.rotation.degrees = value(m_rotationDegrees);
    config.colorJitter.probability = fromPercent(m_jitter);
    config.colorJitter.brightness = value(m_brightness);
    config.colorJitter.contrast = value(m_contrast);
    config.colorJitter.saturation = value(m_saturation);
    config.colorJitter.hue = value(m_hue);
    config.grayscale = fromPercent(m_grayscale);
    config.blur.probability = fromPercent(m_blur);
    config.blur.kernel = m_blurKernel->value() | 1;
    config.blur.sigmaMax = std::max(value(m_blurSigmaMax), config.blur.sigmaMin);
    config.erasing.probability = fromPercent(m_erasing);
    config.erasing.scaleMax = std::max(value(m_erasingScaleMax), config.erasing.scaleMin);
    return config;
}

void AugmentationEditor::setConfig(const data::AugmentationConfig& config) {
    m_base = config;
    const QList<QWidget*> editors = findChildren<QWidget*>();
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QWidget* editor : editors) {
        blockers.push_back(std::make_unique<QSignalBlocker>(editor));
    }
    m_crop->setChecked(config.crop.enabled);
    m_cropScaleMin->setValue(config.crop.scaleMin);
    m_cropScaleMax->setValue(config.crop.scaleMax);
    m_horizontalFlip->setValue(toPercent(config.horizontalFlip));
    m_verticalFlip->setValue(toPercent(config.verticalFlip));
    m_rotation->setValue(toPercent(config.rotation.probability));
    m_rotationDegrees->setValue(config.rotation.degrees);
    m_jitter->setValue(toPercent(config.colorJitter.probability));
    m_brightness->setValue(config.colorJitter.brightness);
    m_contrast->setValue(config.colorJitter.contrast);
    m_saturation->setValue(config.colorJitter.saturation);
    m_hue->setValue(config.colorJitter.hue);
    m_grayscale->setValue(toPercent(config.grayscale));
    m_blur->setValue(toPercent(config.blur.probability));
    m_blurKernel->setValue(config.blur.kernel);
    m_blurSigmaMax->setValue(config.blur.sigmaMax);
    m_erasing->setValue(toPercent(config.erasing.probability));
    m_erasingScaleMax->setValue(config.erasing.scaleMax);
    updateEnabled();
}

bool AugmentationEditor::augmentEnabled() const {
    return m_augment->isChecked();
}

void AugmentationEditor::setAugmentEnabled(bool enabled) {
    const QSignalBlocker blocker(m_augment);
    m_augment->setChecked(enabled);
    updateEnabled();
}

void AugmentationEditor::updateEnabled() {
    m_fields->setEnabled(m_augment->isChecked());
    // A parameter matters only when its augmentation can happen at all.
    m_rotationDegrees->setEnabled(m_rotation->value() > 0);
    for (QDoubleSpinBox* box : {m_brightness, m_contrast, m_saturation, m_hue}) {
        box->setEnabled(m_jitter->value() > 0);
    }
    m_blurKernel->setEnabled(m_blur->value() > 0);
    m_blurSigmaMax->setEnabled(m_blur->value() > 0);
    m_erasingScaleMax->setEnabled(m_erasing->value() > 0);
}

} // namespace tstudio::ui
