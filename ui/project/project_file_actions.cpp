#include "ui/project/project_file_actions.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include "ui/project/project_document.h"

namespace tstudio::ui {

namespace {

constexpr int kMissingNamed = 10;

QString fileFilter() {
    return ProjectFileActions::tr("Transfer Studio projects (*.tsproj)");
}

} // namespace

ProjectFileActions::ProjectFileActions(ProjectDocument* document, QWidget* parent)
    : QObject(parent), m_document(document), m_window(parent) {
    m_new = new QAction(tr("&New Project"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Start an empty project"));
    m_open = new QAction(tr("&Open Project…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open a saved project (.tsproj)"));
    m_recent = new QMenu(tr("Open &Recent"), parent);
    m_save = new QAction(tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = new QAction(tr("Save &As…"), this);
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));

    connect(m_new, &QAction::triggered, this,
            [this] { whenSaved([this] { m_document->newProject(); }); });
    connect(m_open, &QAction::triggered, this, [this] {
        whenSaved([this] {
            const QString path = QFileDialog::getOpenFileName(
                m_window, tr("Open Project"), QFileInfo(m_document->filePath()).path(),
                fileFilter());
            if (!path.isEmpty()) {
                m_document->open(path);
            }
        });
    });
    connect(m_recent, &QMenu::aboutToShow, this, &ProjectFileActions::fillRecentMenu);
    connect(m_save, &QAction::triggered, this, [this] { saveThen({}); });
    connect(m_saveAs, &QAction::triggered, this, [this] { chooseSaveAs(); });

    connect(m_document, &ProjectDocument::busyChanged, this, [this](bool busy) {
        for (QAction* action : {m_new, m_open, m_save, m_saveAs}) {
            action->setEnabled(!busy);
        }
    });
    connect(m_document, &ProjectDocument::saved, this, [this](const QString& path) {
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_document, &ProjectDocument::opened, this,
            [this](const QString& path, const QStringList& missing) {
                Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
                if (missing.isEmpty()) {
                    return;
                }
                QStringList named = missing.mid(0, kMissingNamed);
                for (QString& name : named) {
                    name = QDir::toNativeSeparators(name);
                }
                QString text = tr("%n image(s) of this project are not on disk any more. They "
                                  "keep their labels; training leaves them out until they are "
                                  "back.",
                                  nullptr, static_cast<int>(missing.size()));
                QMessageBox box(QMessageBox::Warning, tr("Missing Images"), text, QMessageBox::Ok,
                                m_window);
                box.setDetailedText(named.join(QLatin1Char('\n')) +
                                    (missing.size() > kMissingNamed
                                         ? tr("\n… and %1 more").arg(missing.size() - kMissingNamed)
                                         : QString()));
                box.exec();
            });
    connect(m_document, &ProjectDocument::failed, this, [this](const QString& message) {
        QMessageBox::warning(m_window, tr("Project"), message);
    });
}

void ProjectFileActions::fillRecentMenu() {
    m_recent->clear();
    const QStringList recent = ProjectDocument::recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString& path = recent[i];
        QAction* action =
            m_recent->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).completeBaseName()),
                                this, [this, path] { openPath(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (recent.isEmpty()) {
        m_recent->addAction(tr("No recent projects"))->setEnabled(false);
    }
}

void ProjectFileActions::openPath(const QString& path) {
    whenSaved([this, path] { m_document->open(path); });
}

void ProjectFileActions::afterNextSave(const std::function<void()>& proceed) {
    if (!proceed) {
        return;
    }
    // Once: the next save's outcome either runs proceed or (a failure) drops it.
    auto* once = new QObject(this);
    connect(m_document, &ProjectDocument::saved, once, [once, proceed] {
        once->deleteLater();
        proceed();
    });
    connect(m_document, &ProjectDocument::failed, once, [once] { once->deleteLater(); });
}

void ProjectFileActions::saveThen(const std::function<void()>& proceed) {
    if (m_document->filePath().isEmpty()) {
        chooseSaveAs(proceed);
        return;
    }
    afterNextSave(proceed);
    m_document->save();
}

void ProjectFileActions::chooseSaveAs(const std::function<void()>& proceed) {
    const QString start =
        m_document->filePath().isEmpty()
            ? QDir::home().filePath(m_document->displayName() + QStringLiteral(".tsproj"))
            : m_document->filePath();
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Project As"), start, fileFilter());
    if (path.isEmpty()) {
        return;
    }
    afterNextSave(proceed);
    m_document->saveAs(path);
}

void ProjectFileActions::whenSaved(const std::function<void()>& proceed) {
    if (!m_document->hasWorkToSave()) {
        proceed();
        return;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved Changes"),
        tr("Save the changes to “%1” first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        saveThen(proceed);
    } else if (answer == QMessageBox::Discard) {
        proceed();
    }
}

bool ProjectFileActions::offerRecovery() {
    for (const project::Recoverable& found : m_document->recoverable()) {
        const QString name =
            found.original.empty()
                ? tr("an untitled project")
                : tr("“%1”").arg(QFileInfo(QString::fromStdString(found.original.string()))
                                     .completeBaseName());
        const QDateTime when =
            QDateTime::fromString(QString::fromStdString(found.savedAt), Qt::ISODate).toLocalTime();
        const auto answer = QMessageBox::question(
            m_window, tr("Recover Unsaved Changes"),
            tr("Transfer Studio did not close properly. Recover the unsaved changes to %1, "
               "autosaved %2?")
                .arg(name, QLocale().toString(when, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            ProjectDocument::discard(found);
            continue;
        }
        if (const Status recovered = m_document->recover(found); !recovered) {
            QMessageBox::warning(m_window, tr("Recover Unsaved Changes"),
                                 QString::fromStdString(recovered.message()));
            continue;
        }
        Q_EMIT statusMessage(tr("Recovered %1: save it to keep the changes").arg(name));
        return true;
    }
    return false;
}

} // namespace tstudio::ui
