#include "ui/labeling/label_commands.h"

#include <QCoreApplication>

#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

// Every string here is spelled QCoreApplication::translate("LabelCommand", ...): the commands
// are no QObjects, and lupdate files a string under the context it reads at the call, which must
// be the one looked up at run time.

/** "1 Image", "12 Images": the source strings are English, without a translation loaded. */
QString images(std::size_t n) {
    return n == 1 ? QCoreApplication::translate("LabelCommand", "1 Image")
                  : QCoreApplication::translate("LabelCommand", "%1 Images").arg(n);
}

QString className(const ProjectState* state, int label) {
    const auto& classes = state->dataset().classes();
    return label >= 0 && static_cast<std::size_t>(label) < classes.size()
               ? QString::fromStdString(classes[static_cast<std::size_t>(label)])
               : QString();
}

std::vector<int> labelsOf(const ProjectState* state, const std::vector<std::size_t>& samples) {
    std::vector<int> labels;
    labels.reserve(samples.size());
    for (const std::size_t i : samples) {
        labels.push_back(state->dataset().sample(i).label);
    }
    return labels;
}

} // namespace

LabelCommand::LabelCommand(ProjectState* state, std::vector<std::size_t> samples, int label)
    : m_state(state), m_samples(std::move(samples)), m_before(labelsOf(state, m_samples)),
      m_after(m_samples.size(), label) {
    setText(label == data::kUnlabeled
                ? QCoreApplication::translate("LabelCommand", "Clear the Label of %1")
                      .arg(images(m_samples.size()))
                : QCoreApplication::translate("LabelCommand", "Label %1 as %2")
                      .arg(images(m_samples.size()), className(state, label)));
}

void LabelCommand::redo() {
    m_state->setLabels(m_samples, m_after);
}

void LabelCommand::undo() {
    m_state->setLabels(m_samples, m_before);
}

ExcludeCommand::ExcludeCommand(ProjectState* state, std::vector<std::size_t> samples, bool excluded)
    : m_state(state), m_samples(std::move(samples)), m_after(m_samples.size(), excluded) {
    for (const std::size_t i : m_samples) {
        m_before.push_back(state->dataset().sample(i).excluded);
    }
    setText((excluded ? QCoreApplication::translate("LabelCommand", "Exclude %1")
                      : QCoreApplication::translate("LabelCommand", "Include %1"))
                .arg(images(m_samples.size())));
}

void ExcludeCommand::redo() {
    m_state->setExcluded(m_samples, m_after);
}

void ExcludeCommand::undo() {
    m_state->setExcluded(m_samples, m_before);
}

AddImagesCommand::AddImagesCommand(ProjectState* state, std::vector<data::Sample> samples)
    : m_state(state), m_samples(std::move(samples)) {
    setText(QCoreApplication::translate("LabelCommand", "Add %1").arg(images(m_samples.size())));
}

void AddImagesCommand::redo() {
    m_state->addSamples(m_samples);
}

void AddImagesCommand::undo() {
    // Later commands were undone first, so these are still the last samples.
    m_state->removeLastSamples(m_samples.size());
}

ClassCommand::ClassCommand(ProjectState* state, Kind kind, int a, int b, std::string name)
    : m_state(state), m_kind(kind), m_a(a), m_b(b), m_name(std::move(name)) {}

ClassCommand* ClassCommand::add(ProjectState* state, const std::string& name) {
    auto* command = new ClassCommand(state, Kind::Add, -1, -1, name);
    command->setText(QCoreApplication::translate("LabelCommand", "Add Class %1")
                         .arg(QString::fromStdString(name)));
    return command;
}

ClassCommand* ClassCommand::rename(ProjectState* state, int index, const std::string& name) {
    auto* command = new ClassCommand(state, Kind::Rename, index, -1, name);
    command->setText(QCoreApplication::translate("LabelCommand", "Rename Class %1 to %2")
                         .arg(className(state, index), QString::fromStdString(name)));
    return command;
}

ClassCommand* ClassCommand::merge(ProjectState* state, int from, int into) {
    auto* command = new ClassCommand(state, Kind::Merge, from, into, {});
    command->setText(QCoreApplication::translate("LabelCommand", "Merge Class %1 into %2")
                         .arg(className(state, from), className(state, into)));
    return command;
}

ClassCommand* ClassCommand::remove(ProjectState* state, int index) {
    auto* command = new ClassCommand(state, Kind::Remove, index, -1, {});
    command->setText(QCoreApplication::translate("LabelCommand", "Delete Class %1")
                         .arg(className(state, index)));
    return command;
}

void ClassCommand::redo() {
    const data::Dataset& dataset = m_state->dataset();
    m_classesBefore = dataset.classes();
    m_labelsBefore.clear();
    m_labelsBefore.reserve(dataset.size());
    for (const data::Sample& sample : dataset.samples()) {
        m_labelsBefore.push_back(sample.label);
    }
    switch (m_kind) {
    case Kind::Add:
        m_state->addClass(m_name);
        break;
    case Kind::Rename:
        // Checked by the caller (a name in use is refused before the command is made).
        (void)m_state->renameClass(m_a, m_name);
        break;
    case Kind::Merge:
        m_state->mergeClasses(m_a, m_b);
        break;
    case Kind::Remove:
        m_state->removeClass(m_a);
        break;
    }
}

void ClassCommand::undo() {
    m_state->restoreClasses(m_classesBefore, m_labelsBefore);
}

} // namespace tstudio::ui
