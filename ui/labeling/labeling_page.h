#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include <QList>
#include <QUrl>
#include <QWidget>

#include "core/data/dataset_report.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QSlider;
class QUndoStack;

namespace tstudio::ui {

class ClassPanel;
class ImageFilterModel;
class ImageGridModel;
class ImagePreview;
class LabelSuggestions;
class ProjectState;
class ThumbnailLoader;
struct DroppedImages;

/**
 * The Label step: every image of the project as a thumbnail grid (filtered and sorted), the
 * current one large with its facts, and the classes as buttons. Label the selection by clicking
 * a class, pressing its key (1…9, a…z) or dragging thumbnails onto it; Space skips, X excludes,
 * 0 or Backspace clears the label; after a label the next unlabeled image is selected (on by
 * default, remembered). With "Suggest labels" on, unlabeled images show a proposed class and
 * its confidence once two classes have labels (LabelSuggestions); Enter accepts the proposals
 * of the selection, Delete rejects them, and "Least confident first" orders the grid for the
 * most useful labelling. Files and folders dropped on the page are added to the project,
 * unlabeled, or labelled when dropped on a class. Every edit is an undoable command on undo.
 * Works from the keyboard alone: the grid holds the focus and takes the keys. While a run
 * trains on the dataset, nothing can be edited here. GUI thread.
 */
class LabelingPage final : public QWidget {
    Q_OBJECT

public:
    /** loader: null makes one with the default disk cache. */
    LabelingPage(ProjectState* state, QUndoStack* undo, ThumbnailLoader* loader = nullptr,
                 QWidget* parent = nullptr);

    QListView* grid() const { return m_grid; }
    ImageGridModel* gridModel() const { return m_model; }
    ImageFilterModel* filterModel() const { return m_filter; }
    ClassPanel* classPanel() const { return m_classes; }
    ImagePreview* preview() const { return m_preview; }
    ThumbnailLoader* thumbnails() const { return m_loader; }
    QComboBox* filterCombo() const { return m_filterCombo; }
    QComboBox* orderCombo() const { return m_orderCombo; }
    QSlider* zoomSlider() const { return m_zoom; }
    QCheckBox* autoAdvanceBox() const { return m_autoAdvance; }
    QCheckBox* suggestBox() const { return m_suggest; }
    QComboBox* suggestSourceCombo() const { return m_suggestSource; }
    LabelSuggestions* suggestions() const { return m_suggestions; }
    QPushButton* skipButton() const { return m_skip; }
    QPushButton* excludeButton() const { return m_exclude; }
    QPushButton* clearButton() const { return m_clear; }

    /** The selected samples (the current one when nothing is selected), ascending. */
    std::vector<std::size_t> selectedSamples() const;
    /** The current sample, or -1. */
    int currentSample() const;
    /** Makes sample the current and only selected image; false when the filter hides it. */
    bool selectSample(std::size_t sample);

    /** Labels the selection as class classIndex, then moves on (auto-advance). */
    void labelSelection(int classIndex);
    /** Labels these samples without moving (a drop on a class). */
    void labelSamples(const std::vector<std::size_t>& samples, int classIndex);
    /** Excludes the selection, or brings it back when all of it is excluded. */
    void toggleExcluded();
    void clearLabel();
    /** Labels the selected images that have a suggestion as suggested (one undoable step). */
    void acceptSuggestions();
    /** Drops the suggestions of the selected images (they stay unlabeled), then moves on. */
    void rejectSuggestions();
    /** Moves on: to the next unlabeled image with auto-advance, else to the next image. */
    void skip();
    /** Adds the images in urls (files, folders scanned off the GUI thread) with label
        (data::kUnlabeled or a class); imagesAdded follows. */
    void addImages(const QList<QUrl>& urls, int label);
    /** The page's keys (hotkeys, Space, X, 0, Backspace, Enter, Delete); false for any other
        key. */
    bool handleKey(const QKeyEvent* event);

Q_SIGNALS:
    void statusMessage(const QString& message);
    /** A drop of files has been added (count may be 0 when all were there already). */
    void imagesAdded(int count);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* createToolBar();
    void rebuildFilterCombo();
    /** The "last trained model" source: its name, and enabled only when it can suggest. */
    void updateSuggestSource();
    /** How many images have a problem of each kind the dataset check found. */
    std::map<data::ProblemKind, int> imagesPerProblemKind() const;
    void applyFilter();
    void applyZoom(int size);
    void updatePreview();
    void updateCounts();
    void onDatasetChanged();
    void onImagesCollected(const DroppedImages& dropped, int label);
    /** The next unlabeled, not excluded sample from row fromRow on (wrapping), not in skip. */
    int nextUnlabeled(const std::vector<std::size_t>& skip, int fromRow) const;
    /** The row after the current one (0 when there is none). */
    int rowAfterCurrent() const;
    bool autoAdvance() const;
    /** False while a run trains on the dataset (says so in the status bar). */
    bool checkEditable();
    void onTrainingChanged(bool training);

    ProjectState* m_state;
    QUndoStack* m_undo;
    ThumbnailLoader* m_loader;
    ImageGridModel* m_model;
    ImageFilterModel* m_filter;
    QListView* m_grid = nullptr;
    ImagePreview* m_preview = nullptr;
    ClassPanel* m_classes = nullptr;
    QComboBox* m_filterCombo = nullptr;
    QComboBox* m_orderCombo = nullptr;
    QSlider* m_zoom = nullptr;
    QCheckBox* m_autoAdvance = nullptr;
    QCheckBox* m_suggest = nullptr;
    QComboBox* m_suggestSource = nullptr;
    QLabel* m_suggestStatus = nullptr;
    LabelSuggestions* m_suggestions = nullptr;
    QPushButton* m_skip = nullptr;
    QPushButton* m_exclude = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_counts = nullptr;
};

} // namespace tstudio::ui
