#pragma once

#include <QList>
#include <QMainWindow>
#include <QString>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace tstudio::ui {

class ClassifyPage;
class DataPage;
class DatasetExportActions;
class ModelExportDialog;
class EvaluationPage;
class LabelingPage;
class ModelPage;
class ProjectDocument;
class ProjectFileActions;
class ProjectState;
class TrainPage;

/**
 * The studio's main window: one page per step (Data, Label, Model, Train, Evaluate, Classify) over
 * one shared ProjectState, chosen in the step bar, the View menu or with Ctrl+1…; a step that needs
 * a dataset opens once there is one. Remembers its geometry, the current step, the last dataset,
 * the chosen backbone and the weights chosen per backbone (QSettings).
 */
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    /** What a step needs before it can be opened. */
    enum class PageNeeds { Nothing, Dataset };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectState* project() const { return m_project; }
    /** The open project as a file: its name, unsaved state, save and autosave. */
    ProjectDocument* document() const { return m_document; }
    ProjectFileActions* projectActions() const { return m_projectActions; }
    DatasetExportActions* exportActions() const { return m_exportActions; }
    DataPage* dataPage() const { return m_dataPage; }
    LabelingPage* labelingPage() const { return m_labelingPage; }
    ClassifyPage* classifyPage() const { return m_classifyPage; }
    EvaluationPage* evaluationPage() const { return m_evaluationPage; }
    /** File > Export Model…'s dialog (the project's last run's bundle preset). */
    ModelExportDialog* modelExportDialog() const { return m_modelExport; }

    /**
     * Adds a step page (owned by the window from then on) with its title, the name of its icon
     * in :/icons (drawn in the palette's text colour) and what it needs; returns its index.
     * Ctrl+<index+1> opens it.
     */
    int addPage(QWidget* page, const QString& title, const QString& iconName,
                PageNeeds needs = PageNeeds::Nothing);
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    int currentPage() const;
    /** Shows the page at index; false when there is none or it cannot be opened yet. */
    bool setCurrentPage(int index);
    bool isPageAvailable(int index) const;
    /** Shows the step that holds widget (e.g. classifyPage()); false when none can show it. */
    bool showPageOf(const QWidget* widget);

    /** Selects the backbone named arch (registry key) for the project; false if there is none. */
    bool selectBackbone(const QString& arch);
    /** Uses the weights file at path for the selected backbone, and remembers the choice. */
    void useWeightsFile(const QString& path);

    /** Opens the project open last time, else the dataset opened last time, else (or when demo
        is set) a fresh demo project. */
    void openStartDataset(bool demo);
    /** Offers to recover what a crashed session left unsaved; true when it was recovered (then
        openStartDataset is not needed). Asks in dialogs: call it once the window shows. */
    bool offerRecovery();
    /** Draws the demo dataset into demoDirectory() off the GUI thread and opens it. */
    void newDemoProject();
    /** Where the demo project lives: <AppLocalDataLocation>/demo. */
    static QString demoDirectory();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Page {
        QWidget* widget = nullptr;
        QString iconName;
        PageNeeds needs = PageNeeds::Nothing;
        QAction* action = nullptr;
    };
    void createDocument();
    void createActions();
    void createStepBar();
    void createMenus();
    void createSteps();
    void connectSteps();
    void restoreSession();
    /** First start: the default size, but never larger than the screen the window is on. */
    void resizeToFitScreen();
    void onDatasetOpened(const QString& path);
    void showStatus(const QString& message);
    QWidget* createClassifyStep();
    void updatePageAvailability();
    void onConfigChanged();
    void restoreTrainingConfig();
    void refreshIcons();
    QString weightsFor(const QString& arch) const;
    void showDevice();
    void showGpus(int count, int threads);
    void showAbout();
    void updateTitle();

    ProjectState* m_project = nullptr;
    ProjectDocument* m_document = nullptr;
    ProjectFileActions* m_projectActions = nullptr;
    DatasetExportActions* m_exportActions = nullptr;
    ModelExportDialog* m_modelExport = nullptr;
    bool m_closeConfirmed = false; ///< unsaved work was saved or discarded for this close
    QStackedWidget* m_stack = nullptr;
    QToolBar* m_fileBar = nullptr;
    QToolBar* m_stepBar = nullptr;
    QActionGroup* m_stepGroup = nullptr;
    QList<Page> m_pages;
    int m_pendingPage = -1; ///< remembered step that waits for the dataset to open
    DataPage* m_dataPage = nullptr;
    LabelingPage* m_labelingPage = nullptr;
    TrainPage* m_trainPage = nullptr;
    ModelPage* m_modelPage = nullptr;
    EvaluationPage* m_evaluationPage = nullptr;
    int m_labelStep = -1;
    ClassifyPage* m_classifyPage = nullptr;
    QComboBox* m_classifyBackbone = nullptr;
    QLabel* m_deviceLabel = nullptr;
    bool m_closeAfterRun = false; ///< a close waits for the run to stop and save

    QAction* m_openFolder = nullptr;
    QAction* m_openFile = nullptr;
    QAction* m_newDemo = nullptr;
    QAction* m_exportModel = nullptr;
    QAction* m_quit = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace tstudio::ui
