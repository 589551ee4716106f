#include "ui/model/freeze_panel.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStringList>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/models/registry.h"
#include "ui/model/describe_model_job.h"
#include "ui/model/freeze_edits.h"
#include "ui/models/module_tree_model.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

using training::FreezeSpec;

namespace {
/** What describeModel's answer depends on; other config edits (LR, epochs) need no new tree. */
QString describeKey(const training::TrainingConfig& config, int numClasses) {
    QStringList parts;
    parts << QString::fromStdString(config.arch) << QString::number(config.inputSize)
          << QString::fromStdString(training::formatHeadSpec(config.head))
          << QString::fromLatin1(training::toString(config.mode))
          << QString::fromStdString(training::formatFreezeSpec(config.freeze))
          << QString::fromStdString(training::formatFreezeSpec(config.twoStage.stage2Freeze))
          << QString::number(numClasses);
    for (const auto& entry : config.lrMultipliers) {
        parts << QString::fromStdString(entry.path) + QLatin1Char('=') +
                     QString::number(entry.factor);
    }
    return parts.join(QLatin1Char('|'));
}
} // namespace

FreezePanel::FreezePanel(ProjectState* project, QWidget* parent)
    : QWidget(parent), m_project(project) {
    m_model = new ModuleTreeModel(project, this);
    m_job = new DescribeModelJob(this);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ModuleTreeModel::Name, QHeaderView::Stretch);
    for (int column = ModuleTreeModel::Type; column < ModuleTreeModel::ColumnCount; ++column) {
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }

    m_trainAll = new QPushButton(tr("Train all"), this);
    m_trainAll->setToolTip(tr("Fine-tune every layer"));
    m_headOnly = new QPushButton(tr("Head only"), this);
    m_headOnly->setToolTip(tr("Freeze the backbone; train only the new classification head"));
    m_lastBlocks = new QPushButton(tr("Last blocks:"), this);
    m_lastBlocks->setToolTip(tr("Train the head and the last N blocks of the backbone"));
    m_blockCount = new QSpinBox(this);
    m_blockCount->setRange(1, 1);
    m_freezeAll = new QPushButton(tr("Freeze all"), this);
    m_freezeAll->setToolTip(tr("Freeze everything, then tick what should train"));
    auto* presets = new QHBoxLayout;
    presets->addWidget(new QLabel(tr("Presets:"), this));
    presets->addWidget(m_trainAll);
    presets->addWidget(m_headOnly);
    presets->addWidget(m_lastBlocks);
    presets->addWidget(m_blockCount);
    presets->addWidget(m_freezeAll);
    presets->addStretch(1);

    m_totals = new QLabel(this);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_state = new QLabel(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(presets);
    layout->addWidget(m_view, 1);
    // Each on its own wrapping line: a long message must not widen the panel past the window.
    m_totals->setWordWrap(true);
    m_state->setWordWrap(true);
    layout->addWidget(m_totals);
    layout->addWidget(m_state);
    layout->addWidget(m_notice);

    connect(m_trainAll, &QPushButton::clicked, this,
            [this] { applyPreset(static_cast<int>(FreezeSpec::Preset::None)); });
    connect(m_headOnly, &QPushButton::clicked, this,
            [this] { applyPreset(static_cast<int>(FreezeSpec::Preset::HeadOnly)); });
    connect(m_lastBlocks, &QPushButton::clicked, this,
            [this] { applyPreset(static_cast<int>(FreezeSpec::Preset::LastBlocks)); });
    connect(m_freezeAll, &QPushButton::clicked, this,
            [this] { applyPreset(static_cast<int>(FreezeSpec::Preset::All)); });
    connect(m_model, &ModuleTreeModel::configEdited, this, [this](bool switchedMode) {
        if (switchedMode) {
            showSwitchedToFineTuning();
        }
    });
    connect(m_job, &DescribeModelJob::described, this, &FreezePanel::onDescribed);
    connect(m_job, &DescribeModelJob::failed, this, [this](const QString& message) {
        m_notice->setText(tr("Could not describe the network: %1").arg(message));
        m_describedKey.clear();
        updateEditable();
        Q_EMIT describeFailed(message);
    });
    connect(m_job, &DescribeModelJob::busyChanged, this, [this] { updateEditable(); });
    connect(m_project, &ProjectState::configChanged, this, &FreezePanel::requestDescription);
    connect(m_project, &ProjectState::datasetChanged, this, &FreezePanel::requestDescription);
    connect(m_project, &ProjectState::trainingChanged, this, &FreezePanel::updateEditable);
    requestDescription();
    updateEditable();
}

int FreezePanel::numClasses() const {
    // Before a dataset is open the head is sized for two classes; only its last layer differs.
    return std::max<int>(2, static_cast<int>(m_project->dataset().classes().size()));
}

bool FreezePanel::isUpdating() const {
    return m_job->isBusy();
}

QString FreezePanel::totalsText() const {
    return m_totals->text();
}

void FreezePanel::requestDescription() {
    const auto& config = m_project->config();
    const QString key = describeKey(config, numClasses());
    if (key == m_describedKey) {
        return;
    }
    m_describedKey = key;
    m_job->request({config, numClasses(), freezeTarget(config).stage});
    updateEditable();
}

void FreezePanel::onDescribed(const training::ModuleTree& tree,
                              const training::TrainingConfig& config) {
    m_model->setTree(tree);
    const QString arch = QString::fromStdString(config.arch);
    if (arch != m_expandedArch) {
        // A new network: show its blocks, not every conv inside them.
        m_expandedArch = arch;
        m_view->expandToDepth(0);
    }
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    const int blocks = info != nullptr ? static_cast<int>(info->blocks.size()) : 1;
    m_blockCount->setRange(1, std::max(blocks, 1));

    const QLocale locale;
    const auto total = static_cast<qint64>(tree.totalParameters());
    const auto trainable = static_cast<qint64>(tree.trainableParameters());
    const double share =
        total > 0 ? 100.0 * static_cast<double>(trainable) / static_cast<double>(total) : 0.0;
    QString text = tr("Trainable: %1 (%2 %) · Frozen: %3 · Total: %4")
                       .arg(locale.toString(trainable), locale.toString(share, 'f', 1),
                            locale.toString(total - trainable), locale.toString(total));
    if (config.mode == training::TrainMode::TwoStage) {
        text += tr(" — stage 2 of the two-stage run (stage 1 trains the head only)");
    } else if (config.mode == training::TrainMode::Feature) {
        text += tr(" — feature extraction: only the head trains");
    }
    m_totals->setText(text);
    updateEditable();
    Q_EMIT treeUpdated();
}

void FreezePanel::applyPreset(int preset) {
    if (m_project->isTraining()) {
        return;
    }
    auto config = m_project->config();
    const bool switched =
        applyFreezePreset(config, static_cast<FreezeSpec::Preset>(preset), m_blockCount->value());
    m_project->setConfig(std::move(config));
    if (switched) {
        showSwitchedToFineTuning();
    }
}

void FreezePanel::showSwitchedToFineTuning() {
    m_notice->setText(tr("Custom freezing switched the training mode to fine-tuning, with its "
                         "recommended settings (feature extraction trains only the head)."));
}

void FreezePanel::updateEditable() {
    const bool training = m_project->isTraining();
    m_model->setEditable(!training);
    for (QWidget* widget :
         {static_cast<QWidget*>(m_trainAll), static_cast<QWidget*>(m_headOnly),
          static_cast<QWidget*>(m_lastBlocks), static_cast<QWidget*>(m_blockCount),
          static_cast<QWidget*>(m_freezeAll)}) {
        widget->setEnabled(!training);
    }
    if (training) {
        m_state->setText(tr("Training is running: freezing cannot change until it ends."));
    } else if (m_job->isBusy()) {
        m_state->setText(tr("Updating the module tree…"));
    } else {
        m_state->clear();
    }
    m_state->setVisible(!m_state->text().isEmpty());
}

} // namespace tstudio::ui
