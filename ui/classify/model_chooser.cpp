#include "ui/classify/model_chooser.h"

#include <QFileDialog>
#include <QFileInfo>

#include "ui/models/run_text.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kBundleRole = Qt::UserRole + 2;
} // namespace

ModelChooser::ModelChooser(QWidget* parent) : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("The model that names the images: a trained model of this project, or the "
                  "backbone as is with its 1,000 ImageNet classes"));
    addItem(QString());
    addItem(tr("Other bundle…"));
    setItemData(1, static_cast<int>(Kind::Other), kKindRole);
    setItemData(0, static_cast<int>(Kind::Backbone), kKindRole);
    setItemData(1, tr("Open a .tsmodel file written by a training run"), Qt::ToolTipRole);
    setBackbone({}, {}, {});
    connect(this, &QComboBox::activated, this, &ModelChooser::onActivated);
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (kindAt(index) != Kind::Other) {
            m_previous = index;
            emitIfChanged();
        }
    });
}

void ModelChooser::setProject(ProjectState* project) {
    if (m_project != nullptr) {
        disconnect(m_project, nullptr, this, nullptr);
    }
    m_project = project;
    if (project != nullptr) {
        connect(project, &ProjectState::runsChanged, this, &ModelChooser::rebuildRuns);
        connect(project, &ProjectState::lastBundleChanged, this, [this](const QString& bundle) {
            if (!bundle.isEmpty()) {
                chooseBundle(bundle);
            }
        });
    }
    rebuildRuns();
}

void ModelChooser::setBackbone(const QString& arch, const QString& displayName,
                               const QString& weights) {
    m_arch = arch;
    m_displayName = displayName;
    m_weights = weights;
    setItemText(0, displayName.isEmpty()
                       ? tr("Backbone as is — ImageNet, 1,000 classes")
                       : tr("%1 as is — ImageNet, 1,000 classes").arg(displayName));
    emitIfChanged();
}

ModelChooser::Kind ModelChooser::kindAt(int index) const {
    return static_cast<Kind>(itemData(index, kKindRole).toInt());
}

int ModelChooser::findBundle(const QString& bundle) const {
    for (int i = 0; i < count(); ++i) {
        if (itemData(i, kBundleRole).toString() == bundle) {
            return i;
        }
    }
    return -1;
}

void ModelChooser::rebuildRuns() {
    const QString chosen = itemData(currentIndex(), kBundleRole).toString();
    const bool signalsWereBlocked = blockSignals(true);
    for (int i = count() - 1; i >= 0; --i) {
        if (kindAt(i) == Kind::Run) {
            removeItem(i);
        }
    }
    int row = 1;
    int newest = -1;
    if (m_project != nullptr) {
        const auto& runs = m_project->runs();
        for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
            const QString bundle = QString::fromStdString(run->summary.bundle.string());
            if (bundle.isEmpty() || findBundle(bundle) >= 0) {
                continue;
            }
            insertItem(row, runTitle(*run));
            setItemData(row, static_cast<int>(Kind::Run), kKindRole);
            setItemData(row, bundle, kBundleRole);
            setItemData(row, bundle, Qt::ToolTipRole);
            newest = newest < 0 ? row : newest;
            ++row;
        }
    }
    // A run just ended or a project was opened: its newest model is the one to try.
    const int keep = chosen.isEmpty() ? -1 : findBundle(chosen);
    setCurrentIndex(newest >= 0 ? newest : (keep >= 0 ? keep : 0));
    m_previous = currentIndex();
    blockSignals(signalsWereBlocked);
    emitIfChanged();
}

void ModelChooser::chooseBundle(const QString& bundle) {
    int row = findBundle(bundle);
    if (row < 0) {
        row = count() - 1; // just above Other bundle…
        insertItem(row, QFileInfo(bundle).fileName());
        setItemData(row, static_cast<int>(Kind::Picked), kKindRole);
        setItemData(row, bundle, kBundleRole);
        setItemData(row, bundle, Qt::ToolTipRole);
    }
    setCurrentIndex(row);
}

void ModelChooser::chooseBackbone() {
    setCurrentIndex(0);
}

ClassifierChoice ModelChooser::choice() const {
    ClassifierChoice choice;
    choice.bundle = itemData(currentIndex(), kBundleRole).toString();
    if (!choice.isBundle()) {
        choice.arch = m_arch;
        choice.weights = m_weights;
    }
    return choice;
}

void ModelChooser::onActivated(int index) {
    if (kindAt(index) == Kind::Other) {
        setCurrentIndex(m_previous);
        pickOtherBundle();
    }
}

void ModelChooser::pickOtherBundle() {
    const QString bundle =
        QFileDialog::getOpenFileName(this, tr("Choose a trained model"), QString(),
                                     tr("Transfer Studio models (*.tsmodel);;All files (*)"));
    if (!bundle.isEmpty()) {
        chooseBundle(bundle);
    }
}

void ModelChooser::emitIfChanged() {
    const ClassifierChoice now = choice();
    if (!(now == m_lastEmitted)) {
        m_lastEmitted = now;
        Q_EMIT choiceChanged(now);
    }
}

} // namespace tstudio::ui
