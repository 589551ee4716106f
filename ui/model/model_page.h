#pragma once

#include <QWidget>

namespace tstudio::ui {

class BackbonePicker;
class FreezePanel;
class HeadSettings;
class ProjectState;

/**
 * The Model page: which backbone and starting weights (BackbonePicker), input size and head
 * (HeadSettings), and what trains (FreezePanel). Everything it edits lives in the project's
 * TrainingConfig; editing is locked while a run trains.
 */
class ModelPage final : public QWidget {
    Q_OBJECT

public:
    explicit ModelPage(ProjectState* project, QWidget* parent = nullptr);

    BackbonePicker* picker() const { return m_picker; }
    HeadSettings* headSettings() const { return m_head; }
    FreezePanel* freezePanel() const { return m_freeze; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    BackbonePicker* m_picker = nullptr;
    HeadSettings* m_head = nullptr;
    FreezePanel* m_freeze = nullptr;
};

} // namespace tstudio::ui
