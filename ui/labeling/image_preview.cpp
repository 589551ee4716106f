#include "ui/labeling/image_preview.h"

#include <cstdint>
#include <span>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "core/imaging/image_decoder.h"
#include "core/imaging/jpeg_scaled_decoder.h"
#include "ui/common/background_job.h"
#include "ui/common/rgb_qimage.h"

namespace tstudio::ui {

namespace {

/** Worker thread. */
ImagePreview::Loaded load(const QString& path) {
    ImagePreview::Loaded result;
    result.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    QByteArray bytes = file.readAll();
    {
        // The header alone gives the format and the stored size.
        QBuffer buffer(&bytes);
        QImageReader reader(&buffer);
        result.format = QString::fromLatin1(reader.format()).toUpper();
        result.size = reader.size();
    }
    const std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                             static_cast<std::size_t>(bytes.size()));
    // A preview needs no more than kSide pixels: the scaled DCT skips most of a big photo.
    std::optional<imaging::RgbImage> rgb =
        result.format == QLatin1String("JPEG")
            ? imaging::decodeJpegAtLeast(data, ImagePreview::kSide)
            : std::nullopt;
    if (!rgb) {
        auto decoded = imaging::decodeImageBytes(data, path.toStdString());
        if (!decoded) {
            result.error = QString::fromStdString(decoded.message());
            return result;
        }
        rgb = std::move(decoded).value();
    }
    if (!result.size.isValid()) {
        result.size = QSize(rgb->width, rgb->height);
    }
    result.image = fittedQImage(*rgb, ImagePreview::kSide);
    return result;
}

} // namespace

ImagePreview::ImagePreview(QWidget* parent)
    : QWidget(parent), m_picture(new QLabel(this)), m_facts(new QLabel(this)),
      m_decode(new BackgroundJob(this)) {
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(160, 120);
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_facts);
}

ImagePreview::~ImagePreview() = default; // the job forgets a decode under way

void ImagePreview::setImage(const QString& path, const QString& className, const QString& split,
                            bool excluded, const QStringList& problems) {
    m_problems = problems;
    m_className = className;
    m_split = split;
    m_excluded = excluded;
    if (path != m_path) {
        m_path = path;
        m_loaded = {};
        m_picture->clear();
        if (!path.isEmpty()) {
            m_picture->setText(tr("Loading…"));
            m_decode->start([path](JobControl&) -> Result<Loaded> { return load(path); },
                            [this](Loaded loaded) { onLoaded(std::move(loaded)); });
        }
    }
    updateFacts();
}

void ImagePreview::onLoaded(Loaded result) {
    if (result.path != m_path) {
        return; // moved on meanwhile; the newer decode is under way
    }
    m_loaded = std::move(result);
    updatePicture();
    updateFacts();
    Q_EMIT loaded(m_path);
}

void ImagePreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updatePicture();
}

void ImagePreview::updatePicture() {
    if (m_loaded.path.isEmpty()) {
        return;
    }
    if (m_loaded.image.isNull()) {
        m_picture->setText(tr("This image cannot be shown:\n%1").arg(m_loaded.error));
        return;
    }
    const QSize room = m_picture->size();
    QImage shown = m_loaded.image;
    if (shown.width() > room.width() || shown.height() > room.height()) {
        shown = shown.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    m_picture->setPixmap(QPixmap::fromImage(shown));
}

QString ImagePreview::factsText() const {
    return m_facts->text();
}

void ImagePreview::updateFacts() {
    if (m_path.isEmpty()) {
        m_facts->setText(tr("No image selected."));
        return;
    }
    QStringList lines;
    lines << QFileInfo(m_path).fileName();
    if (m_loaded.size.isValid()) {
        lines << tr("%1 × %2 pixels, %3")
                     .arg(m_loaded.size.width())
                     .arg(m_loaded.size.height())
                     .arg(m_loaded.format.isEmpty() ? tr("unknown format") : m_loaded.format);
    }
    for (const QString& problem : m_problems) {
        lines << tr("Problem: %1").arg(problem);
    }
    lines << tr("Label: %1").arg(m_className.isEmpty() ? tr("none") : m_className);
    lines << tr("Split: %1").arg(m_split);
    if (m_excluded) {
        lines << tr("Excluded from training");
    }
    m_facts->setText(lines.join(QLatin1Char('\n')));
}

} // namespace tstudio::ui
