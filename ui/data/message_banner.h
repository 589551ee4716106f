#pragma once

#include <QFrame>

class QLabel;

namespace tstudio::ui {

/**
 * An inline message above a page's content: a warning or error in the style's own icon and the
 * palette's colours, closed by the person or replaced by the next message.
 */
class MessageBanner final : public QFrame {
    Q_OBJECT

public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, Level level = Level::Error);
    QString text() const;

private:
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
};

} // namespace tstudio::ui
