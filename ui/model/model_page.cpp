#include "ui/model/model_page.h"

#include <QGroupBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/model/backbone_picker.h"
#include "ui/model/freeze_panel.h"
#include "ui/model/head_settings.h"

namespace tstudio::ui {

ModelPage::ModelPage(ProjectState* project, QWidget* parent) : QWidget(parent) {
    m_picker = new BackbonePicker(project, this);
    m_head = new HeadSettings(project, this);
    m_freeze = new FreezePanel(project, this);

    auto* backboneBox = new QGroupBox(tr("Backbone and starting weights"), this);
    auto* backboneLayout = new QVBoxLayout(backboneBox);
    backboneLayout->addWidget(m_picker);
    auto* headBox = new QGroupBox(tr("Input and head"), this);
    auto* headLayout = new QVBoxLayout(headBox);
    headLayout->addWidget(m_head);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(backboneBox, 1);
    leftLayout->addWidget(headBox);

    auto* freezeBox = new QGroupBox(tr("What trains"), this);
    auto* freezeLayout = new QVBoxLayout(freezeBox);
    freezeLayout->addWidget(m_freeze);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("modelSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(freezeBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_picker, &BackbonePicker::statusMessage, this, &ModelPage::statusMessage);
}

} // namespace tstudio::ui
