// Every labelling edit undoes and redoes exactly, names itself for the Edit menu, and touches
// only the samples it names.

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "ui/labeling/label_commands.h"
#include "ui/project/project_state.h"

using namespace tstudio;
using tstudio::ui::ClassCommand;
using tstudio::ui::ProjectState;

namespace {

/** Five samples, classes ant/bee: labels ant, bee, -, ant, -. */
void fill(ProjectState& state) {
    data::Dataset dataset(data::DatasetKind::Custom, "/photos");
    dataset.addClass("ant");
    dataset.addClass("bee");
    for (int label : {0, 1, data::kUnlabeled, 0, data::kUnlabeled}) {
        data::Sample sample;
        sample.path = "/photos/" + std::to_string(dataset.size()) + ".jpg";
        sample.label = label;
        dataset.addSample(sample);
    }
    state.setDataset(dataset);
}

std::vector<int> labels(const ProjectState& state) {
    std::vector<int> out;
    for (const data::Sample& sample : state.dataset().samples()) {
        out.push_back(sample.label);
    }
    return out;
}

} // namespace

class TestLabelCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelUndoRedo() {
        ProjectState state;
        fill(state);
        QUndoStack stack;
        QSignalSpy changed(&state, &ProjectState::samplesChanged);
        stack.push(new ui::LabelCommand(&state, {2, 4, 0}, 1));
        QCOMPARE(stack.undoText(), QStringLiteral("Label 3 Images as bee"));
        QCOMPARE(labels(state), (std::vector<int>{1, 1, 1, 0, 1}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<std::vector<std::size_t>>(),
                 (std::vector<std::size_t>{2, 4, 0}));
        stack.undo();
        QCOMPARE(labels(state), (std::vector<int>{0, 1, data::kUnlabeled, 0, data::kUnlabeled}));
        stack.redo();
        QCOMPARE(labels(state), (std::vector<int>{1, 1, 1, 0, 1}));
        stack.push(new ui::LabelCommand(&state, {1}, data::kUnlabeled));
        QCOMPARE(stack.undoText(), QStringLiteral("Clear the Label of 1 Image"));
    }

    void excludeUndoRedo() {
        ProjectState state;
        fill(state);
        QUndoStack stack;
        stack.push(new ui::ExcludeCommand(&state, {1, 3}, true));
        QCOMPARE(stack.undoText(), QStringLiteral("Exclude 2 Images"));
        QVERIFY(state.dataset().sample(1).excluded && state.dataset().sample(3).excluded);
        QCOMPARE(state.dataset().countPerClass(), (std::vector<std::size_t>{1, 0}));
        stack.undo();
        QVERIFY(!state.dataset().sample(1).excluded && !state.dataset().sample(3).excluded);
    }

    void addImagesUndoRedo() {
        ProjectState state;
        fill(state);
        QUndoStack stack;
        data::Sample dropped;
        dropped.path = "/elsewhere/new.png";
        dropped.label = 1;
        stack.push(new ui::AddImagesCommand(&state, {dropped, dropped}));
        QCOMPARE(state.dataset().size(), std::size_t{7});
        QCOMPARE(state.dataset().sample(6).label, 1);
        stack.undo();
        QCOMPARE(state.dataset().size(), std::size_t{5});
        stack.redo();
        QCOMPARE(state.dataset().size(), std::size_t{7});
    }

    void classEditsUndoToTheExactLabels_data() {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<std::string>>("classes");
        QTest::addColumn<std::vector<int>>("labels");
        const int u = data::kUnlabeled;
        QTest::newRow("add") << 0 << "Add Class wasp"
                             << std::vector<std::string>{"ant", "bee", "wasp"}
                             << std::vector<int>{0, 1, u, 0, u};
        QTest::newRow("rename") << 1 << "Rename Class ant to formica"
                                << std::vector<std::string>{"formica", "bee"}
                                << std::vector<int>{0, 1, u, 0, u};
        QTest::newRow("merge") << 2 << "Merge Class ant into bee" << std::vector<std::string>{"bee"}
                               << std::vector<int>{0, 0, u, 0, u};
        QTest::newRow("delete") << 3 << "Delete Class ant" << std::vector<std::string>{"bee"}
                                << std::vector<int>{u, 0, u, u, u};
    }

    void classEditsUndoToTheExactLabels() {
        QFETCH(int, edit);
        QFETCH(QString, text);
        QFETCH(std::vector<std::string>, classes);
        QFETCH(std::vector<int>, labels);
        ProjectState state;
        fill(state);
        QUndoStack stack;
        QUndoCommand* command = edit == 0   ? ClassCommand::add(&state, "wasp")
                                : edit == 1 ? ClassCommand::rename(&state, 0, "formica")
                                : edit == 2 ? ClassCommand::merge(&state, 0, 1)
                                            : ClassCommand::remove(&state, 0);
        stack.push(command);
        QCOMPARE(stack.undoText(), text);
        QCOMPARE(state.dataset().classes(), classes);
        QCOMPARE(::labels(state), labels);
        stack.undo();
        QCOMPARE(state.dataset().classes(), (std::vector<std::string>{"ant", "bee"}));
        QCOMPARE(::labels(state), (std::vector<int>{0, 1, data::kUnlabeled, 0, data::kUnlabeled}));
        stack.redo();
        QCOMPARE(state.dataset().classes(), classes);
        QCOMPARE(::labels(state), labels);
    }

    void aLongHistoryUndoesInOrder() {
        ProjectState state;
        fill(state);
        QUndoStack stack;
        stack.push(new ui::LabelCommand(&state, {2}, 0));
        stack.push(ClassCommand::add(&state, "wasp"));
        stack.push(new ui::LabelCommand(&state, {2, 4}, 2));
        stack.push(ClassCommand::remove(&state, 0));
        QCOMPARE(::labels(state), (std::vector<int>{data::kUnlabeled, 0, 1, data::kUnlabeled, 1}));
        while (stack.canUndo()) {
            stack.undo();
        }
        QCOMPARE(::labels(state), (std::vector<int>{0, 1, data::kUnlabeled, 0, data::kUnlabeled}));
        QCOMPARE(state.dataset().classes(), (std::vector<std::string>{"ant", "bee"}));
    }
};

QTEST_MAIN(TestLabelCommands)
#include "tst_label_commands.moc"
