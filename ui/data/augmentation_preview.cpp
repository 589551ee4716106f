#include "ui/data/augmentation_preview.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/imaging/image_decoder.h"
#include "ui/common/background_job.h"

namespace tstudio::ui {

namespace {

/** Whether two decode sources give the same pixels: the shrink, or the exact resize and crop. */
bool decodesAlike(const data::CacheOptions& a, const data::CacheOptions& b) {
    if (a.exactEval.has_value() != b.exactEval.has_value()) {
        return false;
    }
    if (!a.exactEval) {
        return a.shortSide == b.shortSide;
    }
    return a.exactEval->resizeShortSide == b.exactEval->resizeShortSide &&
           a.exactEval->cropSize == b.exactEval->cropSize &&
           a.exactEval->filter == b.exactEval->filter;
}

constexpr int kTileSize = 112;
constexpr int kColumns = 2;
constexpr int kCoalesceMs = 120;

QImage toQImage(const imaging::RgbImage& image) {
    QImage out(image.width, image.height, QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y) {
        std::copy_n(image.row(y), static_cast<std::size_t>(image.width) * 3, out.scanLine(y));
    }
    return out;
}

} // namespace

AugmentationPreview::AugmentationPreview(QWidget* parent) : QWidget(parent) {
    m_caption = new QLabel(this);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous sample image"));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next sample image"));
    m_shuffle = new QToolButton(this);
    m_shuffle->setText(tr("Shuffle"));
    m_shuffle->setToolTip(tr("Draw a new random set of augmentations"));
    auto* header = new QHBoxLayout;
    header->addWidget(m_caption, 1);
    header->addWidget(m_previous);
    header->addWidget(m_next);
    header->addWidget(m_shuffle);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_grid = new QGridLayout;
    m_grid->setSpacing(4);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(m_grid);
    layout->addStretch(1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(kCoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isComputing()) {
            m_pending = true;
        } else {
            run();
        }
    });
    connect(m_previous, &QToolButton::clicked, this, [this] { showSample(m_sampleIndex - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showSample(m_sampleIndex + 1); });
    connect(m_shuffle, &QToolButton::clicked, this, [this] {
        ++m_seed;
        scheduleUpdate();
    });

    m_job = new BackgroundJob(this);
    connect(m_job, &BackgroundJob::failed, this, [this](const QString& message) {
        if (!rerunIfPending()) {
            showFailure(message);
        }
    });
    rebuildTiles();
    showSample(0);
}

// The work holds copies of everything it reads; the job drops its result without waiting.
AugmentationPreview::~AugmentationPreview() = default;

void AugmentationPreview::setSamples(std::vector<data::Sample> samples) {
    m_samples = std::move(samples);
    showSample(0);
}

void AugmentationPreview::setConfig(const data::AugmentationConfig& config) {
    m_config = config;
    scheduleUpdate();
}

void AugmentationPreview::setTrainingSource(const imaging::EvalTransform& eval, bool augmenting) {
    const data::CacheOptions options =
        augmenting ? data::augmentationSource(eval) : data::evaluationSource(eval);
    if (m_source && decodesAlike(m_source->options(), options)) {
        return;
    }
    m_source = std::make_shared<data::DecodedImageCache>(options);
    scheduleUpdate();
}

void AugmentationPreview::setCount(int count) {
    m_count = std::max(1, count);
    rebuildTiles();
    scheduleUpdate();
}

bool AugmentationPreview::isComputing() const {
    return m_job->isRunning();
}

void AugmentationPreview::showSample(int index) {
    const int size = static_cast<int>(m_samples.size());
    m_sampleIndex = size == 0 ? 0 : (index % size + size) % size;
    m_previous->setEnabled(size > 1);
    m_next->setEnabled(size > 1);
    m_shuffle->setEnabled(size > 0);
    if (size == 0) {
        m_caption->setText(tr("No image to preview yet"));
        m_images.clear();
        for (QLabel* tile : std::as_const(m_tiles)) {
            tile->clear();
        }
        return;
    }
    const data::Sample& sample = m_samples[static_cast<std::size_t>(m_sampleIndex)];
    const QString name = QString::fromStdString(sample.path.filename().string());
    m_caption->setText(sample.inMemory() ? tr("%1, record %2").arg(name).arg(sample.record) : name);
    m_caption->setToolTip(QString::fromStdString(sample.path.string()));
    scheduleUpdate();
}

void AugmentationPreview::rebuildTiles() {
    qDeleteAll(m_tiles);
    m_tiles.clear();
    for (int i = 0; i < m_count; ++i) {
        auto* tile = new QLabel(this);
        tile->setFixedSize(kTileSize, kTileSize);
        tile->setAlignment(Qt::AlignCenter);
        tile->setFrameShape(QFrame::StyledPanel);
        m_grid->addWidget(tile, i / kColumns, i % kColumns);
        m_tiles.append(tile);
    }
}

void AugmentationPreview::scheduleUpdate() {
    if (!m_samples.empty()) {
        m_timer.start();
    }
}

void AugmentationPreview::run() {
    if (m_samples.empty()) {
        return;
    }
    m_job->start(
        [sample = m_samples[static_cast<std::size_t>(m_sampleIndex)], config = m_config,
         count = m_count, seed = m_seed,
         source = m_source](const JobControl&) -> Result<QList<QImage>> {
            imaging::RgbImage image;
            if (source) {
                auto decoded = source->get(sample);
                if (!decoded) {
                    return decoded.error();
                }
                image = **decoded;
            } else if (sample.inMemory()) {
                image = *sample.image;
            } else {
                auto decoded = imaging::decodeImage(sample.path);
                if (!decoded) {
                    return decoded.error();
                }
                image = std::move(decoded).value();
            }
            QList<QImage> images;
            if (source && source->options().exactEval) {
                // Without augmentation every epoch sees this one crop.
                const QImage crop =
                    toQImage(imaging::resizeAndCenterCrop(image, *source->options().exactEval));
                for (int i = 0; i < count; ++i) {
                    images.append(crop);
                }
                return images;
            }
            for (const imaging::RgbImage& augmented :
                 data::previewAugmentations(image, config, count, seed)) {
                images.append(toQImage(augmented));
            }
            return images;
        },
        [this](const QList<QImage>& images) {
            if (!rerunIfPending()) {
                showImages(images);
            }
        });
}

bool AugmentationPreview::rerunIfPending() {
    if (!m_pending) {
        return false;
    }
    m_pending = false;
    run();
    return true;
}

void AugmentationPreview::showFailure(const QString& message) {
    m_message->setText(tr("Cannot preview this image: %1").arg(message));
    m_message->setVisible(true);
    m_images.clear();
    for (QLabel* tile : std::as_const(m_tiles)) {
        tile->clear();
    }
    Q_EMIT previewFailed(message);
}

void AugmentationPreview::showImages(const QList<QImage>& images) {
    m_message->setVisible(false);
    m_images = images;
    const qreal ratio = devicePixelRatioF();
    for (int i = 0; i < m_tiles.size(); ++i) {
        if (i >= m_images.size()) {
            m_tiles[i]->clear();
            continue;
        }
        QPixmap pixmap =
            QPixmap::fromImage(m_images[i].scaled(QSize(kTileSize - 4, kTileSize - 4) * ratio,
                                                  Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(ratio);
        m_tiles[i]->setPixmap(pixmap);
    }
    Q_EMIT previewReady(static_cast<int>(m_images.size()));
}

} // namespace tstudio::ui
