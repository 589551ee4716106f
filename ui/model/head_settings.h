#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tstudio::ui {

class ProjectState;

/**
 * Input size and the new head (pooling, hidden dense layers, dropout) of the project's config.
 * Hidden layers are typed as the CLI's --head takes them ("512:relu:0.2, 256:gelu") and parsed
 * by the engine's own parser; a typo is shown, not applied.
 */
class HeadSettings final : public QWidget {
    Q_OBJECT

public:
    explicit HeadSettings(ProjectState* project, QWidget* parent = nullptr);

private:
    void syncFromConfig();
    void apply();

    ProjectState* m_project;
    QSpinBox* m_inputSize = nullptr;
    QComboBox* m_pooling = nullptr;
    QLineEdit* m_hidden = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QLabel* m_problem = nullptr;
    bool m_syncing = false;
};

} // namespace tstudio::ui
