// The state dicts Python users commonly save load into our zoo: DataParallel's "module." prefix,
// inception_v3(aux_logits=False) without AuxLogits.*, training checkpoints holding "state_dict"
// or "model"; and what still does not fit says so.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include "core/models/factory.h"
#include "core/weights/state_dict.h"

using namespace tstudio;

namespace {

std::filesystem::path dirPath(const QTemporaryDir& dir) {
    return dir.path().toStdString();
}

models::Backbone backbone(const char* arch) {
    auto net = models::createBackbone(arch, 1000, /*seed=*/3);
    if (!net) {
        qFatal("%s", net.message().c_str());
    }
    return *net;
}

weights::StateDict prefixed(const weights::StateDict& dict, const std::string& prefix) {
    weights::StateDict out;
    for (const auto& [name, tensor] : dict) {
        out.emplace_back(prefix + name, tensor);
    }
    return out;
}

bool havePythonTorchvision() {
    return QFile::exists(QStringLiteral("/usr/bin/python3")) &&
           QProcess::execute(QStringLiteral("/usr/bin/python3"),
                             {QStringLiteral("-c"), QStringLiteral("import torchvision")}) == 0;
}

} // namespace

class TestCommonStateDicts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dataParallelPrefixIsRemoved() {
        QTemporaryDir dir;
        auto source = backbone("resnet18");
        const std::filesystem::path file = dirPath(dir) / "dp.pth";
        QVERIFY(weights::writePth(file, prefixed(weights::stateDictOf(*source), "module.")));
        auto dict = weights::readStateDict(file);
        QVERIFY2(dict, dict ? "" : dict.message().c_str());
        QCOMPARE(dict->front().first, std::string("conv1.weight"));
        auto target = backbone("resnet18");
        auto report = weights::loadStateDict(*target, *dict, weights::LoadPolicy::Strict);
        QVERIFY2(report, report ? "" : report.message().c_str());
        QVERIFY(target->named_parameters()["conv1.weight"].equal(
            source->named_parameters()["conv1.weight"]));
    }

    void aPartialPrefixIsLeftAndNamedInTheMessage() {
        QTemporaryDir dir;
        weights::StateDict dict = weights::stateDictOf(*backbone("resnet18"));
        dict.front().first = "module." + dict.front().first;
        const std::filesystem::path file = dirPath(dir) / "odd.pth";
        QVERIFY(weights::writePth(file, dict));
        auto read = weights::readStateDict(file);
        QVERIFY(read);
        QCOMPARE(read->front().first, std::string("module.conv1.weight"));
        auto target = backbone("resnet18");
        auto report = weights::loadStateDict(*target, *read, weights::LoadPolicy::Strict);
        QVERIFY(!report);
        QVERIFY2(report.message().find("module.conv1.weight") != std::string::npos,
                 report.message().c_str());
    }

    void inceptionWithoutAuxLogitsLoads() {
        weights::StateDict dict;
        for (auto& entry : weights::stateDictOf(*backbone("inception_v3"))) {
            if (!entry.first.starts_with("AuxLogits.")) {
                dict.push_back(entry);
            }
        }
        auto target = backbone("inception_v3");
        QVERIFY(!weights::loadStateDict(*target, dict, weights::LoadPolicy::Strict));
        auto report = weights::loadStateDict(*target, dict, weights::LoadPolicy::Strict,
                                             target->optionalModulePaths());
        QVERIFY2(report, report ? "" : report.message().c_str());
        QVERIFY(report->missing.empty());
        QVERIFY(!report->keptOwn.empty());
        QVERIFY(report->summary().find("AuxLogits.") != std::string::npos);
        // Only parts that never run are optional: a missing block still fails.
        dict.erase(dict.begin());
        QVERIFY(!weights::loadStateDict(*target, dict, weights::LoadPolicy::Strict,
                                        target->optionalModulePaths()));
    }

    /** Files made by Python's torch and torchvision, as their users save them; our backbone
        loads each strictly and gives torchvision's logits. */
    void pythonFiles_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("save");
        QTest::newRow("DataParallel checkpoint") << "resnet18"
                                                 << "{'epoch': 3, 'state_dict': "
                                                    "torch.nn.DataParallel(model).state_dict()}";
        QTest::newRow("checkpoint with model")
            << "mobilenet_v2"
            << "{'model': model.state_dict(), 'optimizer': {'lr': 0.1}}";
        QTest::newRow("inception_v3(aux_logits=False)") << "inception_v3"
                                                        << "model.state_dict()";
    }

    void pythonFiles() {
        QFETCH(QString, arch);
        QFETCH(QString, save);
        if (!havePythonTorchvision()) {
            QSKIP("/usr/bin/python3 with torchvision is not installed");
        }
        QTemporaryDir dir;
        const QString weightsFile = dir.filePath(QStringLiteral("weights.pth"));
        const QString expectedFile = dir.filePath(QStringLiteral("expected.pth"));
        const QString extra = arch == QLatin1String("inception_v3")
                                  ? QStringLiteral(", aux_logits=False, init_weights=False")
                                  : QString();
        const QString script =
            QStringLiteral("import sys, torch, torchvision\n"
                           "torch.manual_seed(0)\n"
                           "model = torchvision.models.%1(%2).eval()\n"
                           "torch.save(%3, sys.argv[1])\n"
                           "x = torch.randn(1, 3, 96, 96)\n"
                           "with torch.no_grad():\n"
                           "    torch.save({'inputs': x, 'logits': model(x)}, sys.argv[2])\n")
                .arg(arch, extra.mid(2), save);
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), script, weightsFile, expectedFile});
        QVERIFY(python.waitForFinished(300'000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

        auto dict = weights::readStateDict(weightsFile.toStdString());
        QVERIFY2(dict, dict ? "" : dict.message().c_str());
        auto net = backbone(arch.toLatin1().constData());
        auto report = weights::loadStateDict(*net, *dict, weights::LoadPolicy::Strict,
                                             net->optionalModulePaths());
        QVERIFY2(report, report ? "" : report.message().c_str());
        auto expected = weights::readStateDict(expectedFile.toStdString());
        QVERIFY(expected);
        net->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = net->forward((*expected)[0].second);
        const double difference = (logits - (*expected)[1].second).abs().max().item<double>();
        qInfo("%s: largest difference %.3g", qPrintable(arch), difference);
        QVERIFY(difference <= 1e-4);
    }

    void whatDoesNotFitSaysSo() {
        auto resnet = weights::stateDictOf(*backbone("resnet18"));
        auto mobilenet = backbone("mobilenet_v2");
        auto report = weights::loadStateDict(*mobilenet, resnet, weights::LoadPolicy::Strict);
        QVERIFY(!report);
        QVERIFY2(report.message().find("do not fit") != std::string::npos,
                 report.message().c_str());
        if (!havePythonTorchvision()) {
            QSKIP("/usr/bin/python3 with torchvision is not installed");
        }
        // A whole pickled model, not a state dict: refused, with what to save instead.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("model.pth"));
        QCOMPARE(QProcess::execute(QStringLiteral("/usr/bin/python3"),
                                   {QStringLiteral("-c"),
                                    QStringLiteral("import sys, torch, torchvision\n"
                                                   "torch.save(torchvision.models.resnet18(), "
                                                   "sys.argv[1])"),
                                    file}),
                 0);
        auto dict = weights::readStateDict(file.toStdString());
        QVERIFY(!dict);
        QVERIFY2(dict.message().find("model.state_dict()") != std::string::npos,
                 dict.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCommonStateDicts)
#include "tst_common_state_dicts.moc"
