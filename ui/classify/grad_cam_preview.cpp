#include "ui/classify/grad_cam_preview.h"

#include <algorithm>
#include <numeric>

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QVBoxLayout>

#include "core/imaging/heat_map_overlay.h"
#include "ui/classify/classified_image.h"
#include "ui/classify/preview_pixels.h"
#include "ui/common/background_job.h"
#include "ui/common/settings_keys.h"

namespace tstudio::ui {

namespace {
constexpr int kCachedPreviews = 24;
} // namespace

GradCamPreview::GradCamPreview(QWidget* parent) : QWidget(parent), m_cache(kCachedPreviews) {
    m_picture = new QLabel(this);
    m_picture->setObjectName(QStringLiteral("classifyPreview"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(160, 160);
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Select a result to see it large."));

    const QSettings settings;
    m_gradCam = new QCheckBox(tr("&Grad-CAM"), this);
    m_gradCam->setToolTip(tr("Colour where the model found evidence for the class: red most, "
                             "blue least"));
    m_gradCam->setChecked(settings.value(settings_keys::classifyGradCam(), true).toBool());
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(
        settings
            .value(settings_keys::classifyGradCamOpacity(), settings_keys::kDefaultGradCamOpacity)
            .toInt());
    m_opacity->setToolTip(tr("Opacity of the Grad-CAM overlay"));
    auto* opacityLabel = new QLabel(tr("&Opacity:"), this);
    opacityLabel->setBuddy(m_opacity);
    m_class = new QComboBox(this);
    m_class->setToolTip(tr("The class the overlay explains"));
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_class->setMinimumContentsLength(16);
    auto* classLabel = new QLabel(tr("&Class:"), this);
    classLabel->setBuddy(m_class);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_gradCam);
    controls->addWidget(opacityLabel);
    controls->addWidget(m_opacity, 1);
    auto* classRow = new QHBoxLayout;
    classRow->addWidget(classLabel);
    classRow->addWidget(m_class, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_caption);
    layout->addLayout(controls);
    layout->addLayout(classRow);

    m_overlayJob = new BackgroundJob(this);
    connect(m_overlayJob, &BackgroundJob::failed, this,
            [this](const QString& message) { m_caption->setText(message); });
    connect(m_gradCam, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(settings_keys::classifyGradCam(), on);
        m_opacity->setEnabled(on);
        m_class->setEnabled(on);
        request();
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        QSettings().setValue(settings_keys::classifyGradCamOpacity(), value);
        if (const ExplainedImage* cached = m_cache.object(cacheKey())) {
            render(*cached);
        }
    });
    connect(m_class, &QComboBox::activated, this, [this] { request(); });
    m_opacity->setEnabled(m_gradCam->isChecked());
    m_class->setEnabled(m_gradCam->isChecked());
}

GradCamPreview::~GradCamPreview() = default;

bool GradCamPreview::gradCamEnabled() const {
    return m_gradCam->isChecked();
}

int GradCamPreview::opacityPercent() const {
    return m_opacity->value();
}

int GradCamPreview::chosenClass() const {
    return m_class->currentIndex() < 0 ? -1 : m_class->currentData().toInt();
}

void GradCamPreview::showImage(const ClassifiedImage& image, const QStringList& classes) {
    m_path = image.ok() ? image.path : QString();
    m_classes = classes;
    m_class->clear();
    if (m_path.isEmpty()) {
        showPicture({});
        m_caption->setText(image.error.isEmpty() ? tr("Select a result to see it large.")
                                                 : image.error);
        return;
    }
    // The predicted class first, then every class by falling probability for this image.
    const auto predicted = static_cast<std::size_t>(image.top.front().index);
    m_class->addItem(tr("Predicted: %1").arg(classes.value(static_cast<qsizetype>(predicted))), -1);
    std::vector<int> order(image.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return image.probabilities[static_cast<std::size_t>(a)] >
               image.probabilities[static_cast<std::size_t>(b)];
    });
    for (const int index : order) {
        m_class->addItem(QStringLiteral("%1 — %2 %")
                             .arg(classes.value(index))
                             .arg(100.0 * static_cast<double>(
                                              image.probabilities[static_cast<std::size_t>(index)]),
                                  0, 'f', 1),
                         index);
    }
    request();
}

void GradCamPreview::clear(bool forgetCache) {
    if (forgetCache) {
        m_cache.clear();
    }
    m_path.clear();
    m_class->clear();
    m_overlayJob->cancel();
    showPicture({});
    m_caption->setText(tr("Select a result to see it large."));
}

QString GradCamPreview::cacheKey() const {
    const bool cam = m_gradCam->isChecked();
    return m_path + QLatin1Char('|') + QString::number(cam ? chosenClass() : -2);
}

void GradCamPreview::request() {
    if (m_path.isEmpty()) {
        return;
    }
    if (const ExplainedImage* cached = m_cache.object(cacheKey())) {
        render(*cached);
        return;
    }
    m_overlayJob->cancel();
    m_caption->setText(m_gradCam->isChecked() ? tr("Computing Grad-CAM…") : tr("Loading…"));
    Q_EMIT explainRequested(m_path, m_gradCam->isChecked() ? chosenClass() : -1,
                            m_gradCam->isChecked());
}

void GradCamPreview::setExplained(const ExplainedImage& explained) {
    const QString key = explained.path + QLatin1Char('|') +
                        QString::number(explained.gradCam ? explained.requestedClass : -2);
    if (explained.error.isEmpty()) {
        m_cache.insert(key, new ExplainedImage(explained));
    }
    if (key != cacheKey() || explained.path != m_path) {
        return; // an answer for an earlier selection
    }
    if (!explained.error.isEmpty()) {
        showPicture({});
        m_caption->setText(explained.error);
        return;
    }
    render(explained);
}

void GradCamPreview::render(const ExplainedImage& explained) {
    updateCaption(&explained);
    if (!explained.heatMap || !m_gradCam->isChecked() || !explained.image) {
        m_overlayJob->cancel();
        showPicture(explained.image ? toQImage(*explained.image) : QImage());
        return;
    }
    const float opacity = static_cast<float>(m_opacity->value()) / 100.0F;
    m_overlayJob->start(
        [image = explained.image, map = explained.heatMap, opacity](JobControl&) -> Result<QImage> {
            return toQImage(imaging::overlayHeatMap(*image, *map, opacity));
        },
        [this](const QImage& blended) { showPicture(blended); });
}

void GradCamPreview::updateCaption(const ExplainedImage* explained) {
    const QString name = QFileInfo(m_path).fileName();
    if (explained == nullptr || !explained->heatMap || !m_gradCam->isChecked()) {
        m_caption->setText(name);
        return;
    }
    const QString className = m_classes.value(explained->heatMap->classIndex,
                                              tr("class %1").arg(explained->heatMap->classIndex));
    m_caption->setText(tr("%1 — Grad-CAM for <b>%2</b>: red where the model found the most "
                          "evidence for it")
                           .arg(name.toHtmlEscaped(), className.toHtmlEscaped()));
}

void GradCamPreview::showPicture(const QImage& image) {
    m_shown = image;
    if (image.isNull()) {
        m_picture->clear();
        return;
    }
    m_picture->setPixmap(QPixmap::fromImage(image).scaled(m_picture->size(), Qt::KeepAspectRatio,
                                                          Qt::SmoothTransformation));
    Q_EMIT pictureShown();
}

void GradCamPreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (!m_shown.isNull()) {
        m_picture->setPixmap(QPixmap::fromImage(m_shown).scaled(
            m_picture->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
}

} // namespace tstudio::ui
