#include "ui/labeling/class_panel.h"

#include <QAction>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/labeling/class_button.h"
#include "ui/labeling/label_commands.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

QChar ClassPanel::hotkey(int index) {
    if (index < 0) {
        return {};
    }
    if (index < 9) {
        return QChar(u'1' + index);
    }
    int letter = index - 9;
    for (char16_t c = u'a'; c <= u'z'; ++c) {
        if (QChar(c) == kExcludeKey) {
            continue;
        }
        if (letter-- == 0) {
            return QChar(c);
        }
    }
    return {};
}

int ClassPanel::classOfHotkey(QChar key) {
    key = key.toLower();
    if (key >= QLatin1Char('1') && key <= QLatin1Char('9')) {
        return key.unicode() - u'1';
    }
    if (key < QLatin1Char('a') || key > QLatin1Char('z') || key == kExcludeKey) {
        return -1;
    }
    return 9 + (key.unicode() - u'a') - (key > kExcludeKey ? 1 : 0);
}

ClassPanel::ClassPanel(ProjectState* state, QUndoStack* undo, QWidget* parent)
    : QWidget(parent), m_state(state), m_undo(undo) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Classes</b> — click, press the key or drop images"), this));
    auto* buttons = new QWidget(this);
    m_buttonsLayout = new QVBoxLayout(buttons);
    m_buttonsLayout->setContentsMargins(0, 0, 0, 0);
    m_buttonsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(buttons);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    m_add = new QPushButton(tr("Add Class…"), this);
    m_add->setObjectName(QStringLiteral("addClass"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K)); // Ctrl+Shift+A is Deselect in views
    m_add->setToolTip(tr("A new class to label with (Ctrl+K); right-click a class (or "
                         "press the Menu key on it) to rename, merge or delete it"));
    connect(m_add, &QPushButton::clicked, this, &ClassPanel::askAddClass);
    layout->addWidget(m_add);

    connect(state, &ProjectState::classesChanged, this, &ClassPanel::rebuild);
    connect(state, &ProjectState::datasetChanged, this, &ClassPanel::rebuild);
    connect(state, &ProjectState::samplesChanged, this, &ClassPanel::updateCounts);
    connect(state, &ProjectState::samplesAdded, this, &ClassPanel::updateCounts);
    connect(state, &ProjectState::samplesRemoved, this, &ClassPanel::updateCounts);
    rebuild();
}

void ClassPanel::rebuild() {
    for (ClassButton* button : std::as_const(m_buttons)) {
        // Later: a rename or delete is triggered from the button's own context menu.
        button->hide();
        m_buttonsLayout->removeWidget(button);
        button->deleteLater();
    }
    m_buttons.clear();
    const auto& classes = m_state->dataset().classes();
    for (int i = 0; i < static_cast<int>(classes.size()); ++i) {
        auto* button = new ClassButton(i, this);
        button->setObjectName(QStringLiteral("classButton%1").arg(i));
        button->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* rename = new QAction(tr("Rename…"), button);
        connect(rename, &QAction::triggered, this, [this, i] { askRenameClass(i); });
        auto* merge = new QAction(tr("Merge Into…"), button);
        merge->setEnabled(classes.size() > 1);
        connect(merge, &QAction::triggered, this, [this, i] { askMergeClass(i); });
        auto* remove = new QAction(tr("Delete"), button);
        connect(remove, &QAction::triggered, this, [this, i] { deleteClass(i); });
        button->addActions({rename, merge, remove});
        connect(button, &QPushButton::clicked, this, [this, i] { Q_EMIT labelRequested(i); });
        connect(button, &ClassButton::samplesDropped, this, &ClassPanel::samplesDropped);
        connect(button, &ClassButton::filesDropped, this, &ClassPanel::filesDropped);
        // Before the stretch, in class order.
        m_buttonsLayout->insertWidget(i, button);
        m_buttons.push_back(button);
    }
    updateCounts();
}

void ClassPanel::updateCounts() {
    const data::Dataset& dataset = m_state->dataset();
    const std::vector<std::size_t> counts = dataset.countPerClass();
    for (int i = 0; i < m_buttons.size() && static_cast<std::size_t>(i) < counts.size(); ++i) {
        const QChar key = hotkey(i);
        const QString name = QString::fromStdString(dataset.classes()[static_cast<std::size_t>(i)]);
        // No '&' mnemonic: the bare key is the shortcut, and names may contain '&'.
        QString text = key.isNull() ? QStringLiteral("    ") : QString(key) + QStringLiteral("   ");
        text += QString(name).replace(QLatin1Char('&'), QStringLiteral("&&"));
        text += QStringLiteral("  (%1)").arg(counts[static_cast<std::size_t>(i)]);
        m_buttons[i]->setText(text);
        m_buttons[i]->setToolTip(
            key.isNull() ? tr("Label the selection as %1").arg(name)
                         : tr("Label the selection as %1 (%2)").arg(name, QString(key.toUpper())));
    }
}

bool ClassPanel::checkName(const QString& name, int except) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        QMessageBox::information(this, tr("Class Name"), tr("A class needs a name."));
        return false;
    }
    const int existing = m_state->dataset().classIndex(trimmed.toStdString());
    if (existing >= 0 && existing != except) {
        QMessageBox::information(
            this, tr("Class Name"),
            tr("There is already a class named “%1”. Choose another name, or use Merge Into… "
               "to put two classes together.")
                .arg(trimmed));
        return false;
    }
    return true;
}

void ClassPanel::askAddClass() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Class"), tr("Name of the new class:"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok) {
        addClass(name);
    }
}

bool ClassPanel::addClass(const QString& name) {
    if (!checkName(name, -1)) {
        return false;
    }
    m_undo->push(ClassCommand::add(m_state, name.trimmed().toStdString()));
    return true;
}

void ClassPanel::askRenameClass(int index) {
    const auto& classes = m_state->dataset().classes();
    if (index < 0 || static_cast<std::size_t>(index) >= classes.size()) {
        return;
    }
    const QString current = QString::fromStdString(classes[static_cast<std::size_t>(index)]);
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Class"), tr("New name of “%1”:").arg(current),
                              QLineEdit::Normal, current, &ok);
    if (ok && name.trimmed() != current) {
        renameClass(index, name);
    }
}

bool ClassPanel::renameClass(int index, const QString& name) {
    if (!checkName(name, index)) {
        return false;
    }
    m_undo->push(ClassCommand::rename(m_state, index, name.trimmed().toStdString()));
    return true;
}

void ClassPanel::askMergeClass(int index) {
    const auto& classes = m_state->dataset().classes();
    if (index < 0 || static_cast<std::size_t>(index) >= classes.size() || classes.size() < 2) {
        return;
    }
    QStringList others;
    std::vector<int> indices;
    for (int i = 0; i < static_cast<int>(classes.size()); ++i) {
        if (i != index) {
            others.push_back(QString::fromStdString(classes[static_cast<std::size_t>(i)]));
            indices.push_back(i);
        }
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Class"),
        tr("Move every image of “%1” into:")
            .arg(QString::fromStdString(classes[static_cast<std::size_t>(index)])),
        others, 0, false, &ok);
    const qsizetype at = others.indexOf(into);
    if (ok && at >= 0) {
        mergeClass(index, indices[static_cast<std::size_t>(at)]);
    }
}

void ClassPanel::mergeClass(int from, int into) {
    if (from != into) {
        m_undo->push(ClassCommand::merge(m_state, from, into));
    }
}

void ClassPanel::deleteClass(int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < m_state->dataset().classes().size()) {
        m_undo->push(ClassCommand::remove(m_state, index));
    }
}

} // namespace tstudio::ui
