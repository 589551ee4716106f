#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace tstudio::ui {

class BackboneTableModel;
class ClassifyPage;

/**
 * The studio's main window: the backbone zoo on the left, the page for the chosen use on the
 * right. Remembers its geometry, the chosen backbone and the weights chosen per backbone.
 */
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ClassifyPage* classifyPage() const { return m_classifyPage; }
    /** Selects the backbone named arch (registry key); false if there is none. */
    bool selectBackbone(const QString& arch);
    /** Uses the weights file at path for the selected backbone, and remembers the choice. */
    void useWeightsFile(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void onBackboneSelected();
    QString weightsFor(const QString& arch) const;
    void showAbout();

    BackboneTableModel* m_backbones = nullptr;
    QTableView* m_backboneView = nullptr;
    ClassifyPage* m_classifyPage = nullptr;
    QLabel* m_deviceLabel = nullptr;
};

} // namespace tstudio::ui
