// The Classify step's model chooser: the backbone as is, then the project's runs' bundles
// newest first; the newest is chosen at first and whenever a run ends.

#include <QSignalSpy>
#include <QTest>

#include "core/project/project.h"
#include "ui/classify/model_chooser.h"
#include "ui/models/run_text.h"
#include "ui/project/project_state.h"

using tstudio::ui::ClassifierChoice;
using tstudio::ui::ModelChooser;
using tstudio::ui::ProjectState;

namespace {

tstudio::project::RunRecord run(const char* started, const char* bundle) {
    tstudio::project::RunRecord r;
    r.startedAt = started;
    r.config.arch = "mobilenet_v2";
    r.summary.bestValAccuracy = 0.9;
    r.summary.bundle = bundle;
    return r;
}

QStringList itemTexts(const ModelChooser& chooser) {
    QStringList texts;
    for (int i = 0; i < chooser.count(); ++i) {
        texts << chooser.itemText(i);
    }
    return texts;
}

} // namespace

class TestModelChooser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsTheBackboneAndTheRunsNewestFirst() {
        ProjectState project;
        project.addRun(run("2026-12-01T10:00:00Z", "/runs/1/model.tsmodel"));
        project.addRun(run("2026-12-01T11:00:00Z", "/runs/2/model.tsmodel"));
        project.addRun(run("2026-12-01T12:00:00Z", "")); // stopped before a bundle: not listed
        ModelChooser chooser;
        chooser.setBackbone(QStringLiteral("mobilenet_v2"), QStringLiteral("MobileNetV2"),
                            QStringLiteral("/w.pth"));
        chooser.setProject(&project);
        const QStringList texts = itemTexts(chooser);
        QCOMPARE(texts.size(), 4);
        QCOMPARE(texts[0], QStringLiteral("MobileNetV2 as is — ImageNet, 1,000 classes"));
        QCOMPARE(texts[1],
                 tstudio::ui::runTitle(project.runs()[1])); // named as in every other list
        QCOMPARE(texts[3], QStringLiteral("Other bundle…"));
        QCOMPARE(chooser.itemData(1, Qt::ToolTipRole).toString(),
                 QStringLiteral("/runs/2/model.tsmodel"));
        QCOMPARE(chooser.itemData(2, Qt::ToolTipRole).toString(),
                 QStringLiteral("/runs/1/model.tsmodel"));
        // The newest run's model is chosen by default.
        QCOMPARE(chooser.choice().bundle, QStringLiteral("/runs/2/model.tsmodel"));

        chooser.chooseBackbone();
        const ClassifierChoice backbone = chooser.choice();
        QVERIFY(!backbone.isBundle());
        QCOMPARE(backbone.arch, QStringLiteral("mobilenet_v2"));
        QCOMPARE(backbone.weights, QStringLiteral("/w.pth"));
    }

    void switchesToTheNewestWhenARunEnds() {
        ProjectState project;
        ModelChooser chooser;
        chooser.setBackbone(QStringLiteral("mobilenet_v2"), QStringLiteral("MobileNetV2"),
                            QStringLiteral("/w.pth"));
        chooser.setProject(&project);
        QVERIFY(!chooser.choice().isBundle()); // no run yet: the backbone as is
        QSignalSpy changed(&chooser, &ModelChooser::choiceChanged);

        project.addRun(run("2026-12-01T10:00:00Z", "/runs/1/model.tsmodel"));
        QCOMPARE(chooser.choice().bundle, QStringLiteral("/runs/1/model.tsmodel"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().value<ClassifierChoice>().bundle,
                 QStringLiteral("/runs/1/model.tsmodel"));

        chooser.chooseBackbone();
        project.addRun(run("2026-12-01T11:00:00Z", "/runs/2/model.tsmodel"));
        QCOMPARE(chooser.choice().bundle, QStringLiteral("/runs/2/model.tsmodel"));

        // The train page announces a bundle that is not (yet) in the history: it is listed too.
        chooser.chooseBackbone();
        project.setLastBundle(QStringLiteral("/elsewhere/model.tsmodel"));
        QCOMPARE(chooser.choice().bundle, QStringLiteral("/elsewhere/model.tsmodel"));
        QCOMPARE(chooser.itemText(chooser.count() - 1), QStringLiteral("Other bundle…"));

        // A bundle chosen by hand survives the list being rebuilt for a new run.
        chooser.chooseBundle(QStringLiteral("/mine/model.tsmodel"));
        QCOMPARE(chooser.choice().bundle, QStringLiteral("/mine/model.tsmodel"));
        QVERIFY(itemTexts(chooser).contains(QStringLiteral("model.tsmodel")));
    }

    void backboneWeightsChangeTheChoice() {
        ModelChooser chooser;
        QSignalSpy changed(&chooser, &ModelChooser::choiceChanged);
        chooser.setBackbone(QStringLiteral("resnet18"), QStringLiteral("ResNet-18"), {});
        chooser.setBackbone(QStringLiteral("resnet18"), QStringLiteral("ResNet-18"),
                            QStringLiteral("/r.pth"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(chooser.choice().weights, QStringLiteral("/r.pth"));
    }
};

QTEST_MAIN(TestModelChooser)
#include "tst_model_chooser.moc"
