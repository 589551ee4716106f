#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QImage>
#include <QList>
#include <QTimer>
#include <QWidget>

#include "core/data/augmentation.h"
#include "core/data/decoded_image_cache.h"
#include "core/data/sample.h"
#include "core/imaging/eval_transform.h"

class QGridLayout;
class QLabel;
class QToolButton;

namespace tstudio::ui {

class BackgroundJob;

/**
 * A grid of augmented versions of one sample image, so the augmentation settings can be judged
 * by eye. Decoding and augmenting run off the GUI thread (a BackgroundJob); changes are coalesced
 * by a single-shot timer and a change during a run starts one more run after it, never two at once.
 * The person can step through the given samples and draw a new random set.
 */
class AugmentationPreview final : public QWidget {
    Q_OBJECT

public:
    explicit AugmentationPreview(QWidget* parent = nullptr);
    ~AugmentationPreview() override;

    /** The images the preview can show (e.g. one per class); it starts with the first. */
    void setSamples(std::vector<data::Sample> samples);
    void setConfig(const data::AugmentationConfig& config);
    /** Show what a training run of this evaluation transform sees. Augmenting: the augmented
        versions of its fast decode (shrunk to the transform's resize; shared with the run's disk
        cache). Not augmenting: the evaluation crop of the exact decode, the same every epoch.
        Without it, images are decoded in full and augmented. */
    void setTrainingSource(const imaging::EvalTransform& eval, bool augmenting);
    void setCount(int count);
    int count() const { return m_count; }

    /** The augmented images of the last finished run. */
    const QList<QImage>& images() const { return m_images; }
    bool isComputing() const;

Q_SIGNALS:
    void previewReady(int count);
    void previewFailed(const QString& message);

private:
    void scheduleUpdate();
    void run();
    /** Settings changed while a run was going: its outcome is stale, one more run starts. */
    bool rerunIfPending();
    void showImages(const QList<QImage>& images);
    void showFailure(const QString& message);
    void showSample(int index);
    void rebuildTiles();

    std::vector<data::Sample> m_samples;
    /** Shared with the running task, which may outlive a change of source. */
    /** Its options say what is shown: an exactEval source means training does not augment,
        and the preview shows that transform's centre crop. */
    std::shared_ptr<data::DecodedImageCache> m_source;
    int m_sampleIndex = 0;
    data::AugmentationConfig m_config;
    int m_count = 8;
    std::uint64_t m_seed = 1;
    bool m_pending = false;

    QTimer m_timer;
    BackgroundJob* m_job = nullptr;
    QList<QImage> m_images;

    QLabel* m_caption = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_shuffle = nullptr;
    QLabel* m_message = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<QLabel*> m_tiles;
};

} // namespace tstudio::ui
