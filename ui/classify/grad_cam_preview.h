#pragma once

#include <QCache>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "ui/classify/explained_image.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace tstudio::ui {

class BackgroundJob;
struct ClassifiedImage;

/**
 * The large preview of the selected result, with the Grad-CAM overlay for the predicted or a
 * chosen class: where in the image the model found evidence for it. A "Grad-CAM" toggle and
 * the opacity are remembered settings. The preview asks for pixels and heat maps through
 * explainRequested() (the classify worker computes them) and keeps the answers in a small
 * cache; the overlay is blended off the GUI thread by the core's imaging::overlayHeatMap,
 * the same as `tstudio gradcam` writes. GUI thread.
 */
class GradCamPreview final : public QWidget {
    Q_OBJECT

public:
    explicit GradCamPreview(QWidget* parent = nullptr);
    ~GradCamPreview() override;

    /** Shows image (classified with a model whose class names are classes); asks for pixels. */
    void showImage(const ClassifiedImage& image, const QStringList& classes);
    /** Shows nothing; forgets the cache when forgetCache (another model's results). */
    void clear(bool forgetCache);
    /** The worker's answer: cached, and shown if it is what the preview waits for. */
    void setExplained(const ExplainedImage& explained);

    bool gradCamEnabled() const;
    int opacityPercent() const;
    /** The class the overlay explains: -1 for the predicted one. */
    int chosenClass() const;
    /** What is painted now (null while waiting). */
    const QImage& shownImage() const { return m_shown; }

Q_SIGNALS:
    void explainRequested(const QString& path, int classIndex, bool gradCam);
    /** A new picture was painted (for tests). */
    void pictureShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QString cacheKey() const;
    void request();
    void render(const ExplainedImage& explained);
    void showPicture(const QImage& image);
    void updateCaption(const ExplainedImage* explained);

    QLabel* m_picture = nullptr;
    QLabel* m_caption = nullptr;
    QCheckBox* m_gradCam = nullptr;
    QSlider* m_opacity = nullptr;
    QComboBox* m_class = nullptr;
    BackgroundJob* m_overlayJob = nullptr;

    QString m_path;
    QStringList m_classes;
    QCache<QString, ExplainedImage> m_cache;
    QImage m_shown;
};

} // namespace tstudio::ui
