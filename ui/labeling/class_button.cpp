#include "ui/labeling/class_button.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

#include "ui/labeling/image_grid_model.h"

namespace tstudio::ui {

namespace {

bool acceptable(const QMimeData* mime) {
    return mime != nullptr &&
           (mime->hasFormat(ImageGridModel::samplesMimeType()) || mime->hasUrls());
}

} // namespace

ClassButton::ClassButton(int classIndex, QWidget* parent)
    : QPushButton(parent), m_classIndex(classIndex) {
    setAcceptDrops(true);
}

void ClassButton::dragEnterEvent(QDragEnterEvent* event) {
    if (acceptable(event->mimeData())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void ClassButton::dragMoveEvent(QDragMoveEvent* event) {
    if (acceptable(event->mimeData())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void ClassButton::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    // The grid's drags carry file URLs as well: its own images are labelled, never re-added.
    if (mime->hasFormat(ImageGridModel::samplesMimeType())) {
        Q_EMIT samplesDropped(m_classIndex, ImageGridModel::samplesFromMime(mime));
    } else if (mime->hasUrls()) {
        Q_EMIT filesDropped(m_classIndex, mime->urls());
    } else {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

} // namespace tstudio::ui
