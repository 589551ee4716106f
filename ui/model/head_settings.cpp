#include "ui/model/head_settings.h"

#include <algorithm>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "core/models/registry.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

using training::Pooling;

namespace {
/** The hidden-layer part of the engine's head string ("512:relu:0.2,256:gelu"). */
QString hiddenText(const training::HeadSpec& head) {
    if (head.hidden.empty()) {
        return {};
    }
    training::HeadSpec hiddenOnly;
    hiddenOnly.pooling = Pooling::Average;
    hiddenOnly.hidden = head.hidden;
    // formatHeadSpec writes "<pooling>,<layer>,<layer>"; the pooling has its own widget.
    const QString text = QString::fromStdString(training::formatHeadSpec(hiddenOnly));
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    return comma < 0 ? QString() : text.mid(comma + 1);
}
} // namespace

HeadSettings::HeadSettings(ProjectState* project, QWidget* parent)
    : QWidget(parent), m_project(project) {
    m_inputSize = new QSpinBox(this);
    m_inputSize->setSuffix(tr(" px"));
    m_inputSize->setSingleStep(32);
    m_inputSize->setToolTip(tr("Images are resized and cropped to this square size. Smaller "
                               "trains faster; the backbone's default matches its ImageNet "
                               "training."));
    m_pooling = new QComboBox(this);
    m_pooling->addItem(tr("Backbone's own (replace the last layer)"),
                       static_cast<int>(Pooling::Neck));
    m_pooling->addItem(tr("Global average"), static_cast<int>(Pooling::Average));
    m_pooling->addItem(tr("Global max"), static_cast<int>(Pooling::Max));
    m_pooling->addItem(tr("Flatten"), static_cast<int>(Pooling::Flatten));
    m_hidden = new QLineEdit(this);
    m_hidden->setPlaceholderText(tr("none, or e.g. 512:relu:0.2, 256:gelu"));
    m_hidden->setToolTip(tr("Hidden dense layers before the classifier, comma separated: "
                            "width[:relu|gelu|silu[:dropout]]"));
    m_dropout = new QDoubleSpinBox(this);
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.05);
    m_dropout->setDecimals(2);
    m_dropout->setToolTip(tr("Dropout before the final classification layer"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setVisible(false);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Input size:"), m_inputSize);
    form->addRow(tr("Pooling:"), m_pooling);
    form->addRow(tr("Hidden layers:"), m_hidden);
    form->addRow(tr("Dropout:"), m_dropout);
    form->addRow(m_problem);

    connect(m_inputSize, &QSpinBox::valueChanged, this, &HeadSettings::apply);
    connect(m_pooling, &QComboBox::currentIndexChanged, this, &HeadSettings::apply);
    connect(m_hidden, &QLineEdit::editingFinished, this, &HeadSettings::apply);
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, &HeadSettings::apply);
    connect(m_project, &ProjectState::configChanged, this, &HeadSettings::syncFromConfig);
    connect(m_project, &ProjectState::trainingChanged, this,
            [this](bool training) { setEnabled(!training); });
    syncFromConfig();
    setEnabled(!m_project->isTraining());
}

void HeadSettings::syncFromConfig() {
    m_syncing = true;
    const auto& config = m_project->config();
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    const int defaultSize = info != nullptr ? info->defaultInputSize : 224;
    m_inputSize->setRange(std::max(info != nullptr ? info->minInputSize : 32, 16), 1024);
    m_inputSize->setValue(config.inputSize > 0 ? config.inputSize : defaultSize);
    m_inputSize->setSpecialValueText({});
    m_pooling->setCurrentIndex(m_pooling->findData(static_cast<int>(config.head.pooling)));
    if (!m_hidden->hasFocus()) {
        m_hidden->setText(hiddenText(config.head));
    }
    m_dropout->setValue(static_cast<double>(config.head.dropout));
    m_syncing = false;
}

void HeadSettings::apply() {
    if (m_syncing) {
        return;
    }
    auto config = m_project->config();
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    const int size = m_inputSize->value();
    config.inputSize = info != nullptr && size == info->defaultInputSize ? 0 : size;
    config.head.pooling = static_cast<Pooling>(m_pooling->currentData().toInt());
    config.head.dropout = static_cast<float>(m_dropout->value());
    const QString hidden = m_hidden->text().trimmed();
    if (hidden.isEmpty()) {
        config.head.hidden.clear();
    } else {
        auto parsed =
            training::parseHeadSpec(QString(QStringLiteral("avg,") + hidden).toStdString());
        if (!parsed) {
            m_problem->setText(
                tr("Hidden layers not applied: %1").arg(QString::fromStdString(parsed.message())));
            m_problem->setVisible(true);
            return;
        }
        config.head.hidden = parsed->hidden;
    }
    m_problem->setVisible(false);
    m_project->setConfig(std::move(config));
}

} // namespace tstudio::ui
