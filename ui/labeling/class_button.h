#pragma once

#include <cstddef>
#include <vector>

#include <QList>
#include <QPushButton>
#include <QUrl>

namespace tstudio::ui {

/**
 * One class in the class panel: clicked (or its hotkey) labels the selection with it, and
 * thumbnails dragged from the grid or image files dragged from a file manager can be dropped on
 * it. GUI thread.
 */
class ClassButton final : public QPushButton {
    Q_OBJECT

public:
    ClassButton(int classIndex, QWidget* parent = nullptr);
    int classIndex() const { return m_classIndex; }

Q_SIGNALS:
    /** Thumbnails of these samples were dropped here. */
    void samplesDropped(int classIndex, const std::vector<std::size_t>& samples);
    /** Files or folders were dropped here. */
    void filesDropped(int classIndex, const QList<QUrl>& urls);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    int m_classIndex;
};

} // namespace tstudio::ui
