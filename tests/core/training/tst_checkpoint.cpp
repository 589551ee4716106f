// Checkpoints are files on disk, read as untrusted input through our own safetensors reader:
// the optimizer state survives the round trip exactly, and damaged or foreign files fail with
// a message instead of crashing or loading something half.

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <torch/torch.h>

#include "core/training/checkpoint.h"
#include "core/training/optimizer_state.h"
#include "core/weights/state_dict.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

namespace {

struct Toy {
    torch::nn::Linear layer{torch::nn::LinearOptions(4, 3)};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
};

Toy makeToy(const QString& kind) {
    torch::manual_seed(3);
    Toy toy;
    const auto params = toy.layer->parameters();
    if (kind == QStringLiteral("adamw")) {
        toy.optimizer = std::make_unique<torch::optim::AdamW>(params, 0.01);
    } else if (kind == QStringLiteral("adam")) {
        toy.optimizer = std::make_unique<torch::optim::Adam>(
            params, torch::optim::AdamOptions(0.01).amsgrad(true));
    } else if (kind == QStringLiteral("sgd")) {
        toy.optimizer = std::make_unique<torch::optim::SGD>(
            params, torch::optim::SGDOptions(0.01).momentum(0.9));
    } else {
        toy.optimizer = std::make_unique<torch::optim::RMSprop>(
            params, torch::optim::RMSpropOptions(0.01).momentum(0.5).centered(true));
    }
    return toy;
}

void step(Toy& toy, int seed) {
    torch::manual_seed(seed);
    toy.optimizer->zero_grad();
    toy.layer->forward(torch::randn({5, 4})).pow(2).sum().backward();
    toy.optimizer->step();
}

void copyWeights(Toy& from, Toy& to) {
    torch::NoGradGuard noGrad;
    to.layer->weight.copy_(from.layer->weight);
    to.layer->bias.copy_(from.layer->bias);
}

fs::path writeBytes(const QTemporaryDir& tmp, const char* name, const std::string& bytes) {
    const fs::path path = fs::path(tmp.path().toStdString()) / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void optimizerStateRoundTripsExactly_data() {
        QTest::addColumn<QString>("kind");
        for (const char* kind : {"adamw", "adam", "sgd", "rmsprop"}) {
            QTest::newRow(kind) << QString::fromLatin1(kind);
        }
    }
    void optimizerStateRoundTripsExactly() {
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        Toy original = makeToy(kind);
        step(original, 1);
        step(original, 2);

        Checkpoint checkpoint;
        checkpoint.config = QJsonObject{{QStringLiteral("arch"), QStringLiteral("toy")}};
        checkpoint.state = QJsonObject{{QStringLiteral("stageIndex"), 0}};
        checkpoint.model = weights::stateDictOf(*original.layer);
        const fs::path path = fs::path(tmp.path().toStdString()) / "checkpoint.pt";
        QVERIFY(writeCheckpoint(path, checkpoint, *original.optimizer).ok());
        auto read = readCheckpoint(path);
        QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
        QCOMPARE(read->config, checkpoint.config);
        QCOMPARE(read->model.size(), std::size_t{2});

        // A fresh optimizer given the saved state takes the very step the original takes.
        Toy resumed = makeToy(kind);
        copyWeights(original, resumed);
        QVERIFY(loadCheckpointOptimizer(*read, *resumed.optimizer).ok());
        step(original, 3);
        step(resumed, 3);
        QVERIFY(torch::equal(original.layer->weight, resumed.layer->weight));
        QVERIFY(torch::equal(original.layer->bias, resumed.layer->bias));
    }

    void optimizerStateThatDoesNotFitIsRefused() {
        Toy toy = makeToy(QStringLiteral("adamw"));
        step(toy, 1);
        OptimizerState state = saveOptimizerState(*toy.optimizer);
        QVERIFY(!state.tensors.empty());

        OptimizerState wrongShape = state;
        wrongShape.tensors[0].second = torch::zeros({7});
        Toy target = makeToy(QStringLiteral("adamw"));
        QVERIFY(!loadOptimizerState(*target.optimizer, wrongShape).ok());
        QVERIFY(target.optimizer->state().empty()); // nothing half-loaded

        OptimizerState noSuchParameter = state;
        noSuchParameter.tensors[0].first = "9.exp_avg";
        QVERIFY(!loadOptimizerState(*target.optimizer, noSuchParameter).ok());
        OptimizerState badName = state;
        badName.tensors[0].first = "x.exp_avg";
        QVERIFY(!loadOptimizerState(*target.optimizer, badName).ok());

        Toy sgd = makeToy(QStringLiteral("sgd")); // Adam's moments do not fit SGD
        auto refused = loadOptimizerState(*sgd.optimizer, state);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().find("does not keep") != std::string::npos,
                 refused.message().c_str());
    }

    void damagedOrForeignFilesFailClearly() {
        QTemporaryDir tmp;
        Toy toy = makeToy(QStringLiteral("adamw"));
        step(toy, 1);
        Checkpoint checkpoint;
        checkpoint.config = QJsonObject{{QStringLiteral("arch"), QStringLiteral("toy")}};
        checkpoint.model = weights::stateDictOf(*toy.layer);
        const fs::path good = fs::path(tmp.path().toStdString()) / "good.pt";
        QVERIFY(writeCheckpoint(good, checkpoint, *toy.optimizer).ok());
        const std::string bytes = readBytes(good);

        const std::vector<std::pair<const char*, std::string>> cases{
            {"empty", ""},
            {"text", "this is not a checkpoint"},
            {"truncated", bytes.substr(0, bytes.size() / 2)},
            {"header only", bytes.substr(0, 8)},
            {"flipped length",
             std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) + bytes.substr(8)},
        };
        for (const auto& [name, content] : cases) {
            auto read = readCheckpoint(writeBytes(tmp, name, content));
            QVERIFY2(!read.ok(), name);
            QVERIFY2(read.message().find("cannot be read") != std::string::npos,
                     read.message().c_str());
        }

        // A valid .safetensors file that is not ours, and one whose description is damaged.
        const fs::path foreign = fs::path(tmp.path().toStdString()) / "foreign.safetensors";
        QVERIFY(weights::writeSafetensors(foreign, weights::stateDictOf(*toy.layer)).ok());
        auto notOurs = readCheckpoint(foreign);
        QVERIFY(!notOurs.ok());
        QVERIFY(notOurs.message().find("not a Transfer Studio checkpoint") != std::string::npos);
        const fs::path wrongVersion = fs::path(tmp.path().toStdString()) / "v9.pt";
        QVERIFY(weights::writeSafetensors(wrongVersion, weights::stateDictOf(*toy.layer),
                                          {{"tstudio.checkpoint", "{\"version\": 9}"}})
                    .ok());
        QVERIFY(!readCheckpoint(wrongVersion).ok());
        const fs::path strayTensor = fs::path(tmp.path().toStdString()) / "stray.pt";
        QVERIFY(weights::writeSafetensors(
                    strayTensor, weights::stateDictOf(*toy.layer),
                    {{"tstudio.checkpoint",
                      "{\"version\": 2, \"config\": {}, \"state\": {}, \"optimizerSteps\": {}}"}})
                    .ok());
        auto stray = readCheckpoint(strayTensor);
        QVERIFY(!stray.ok());
        QVERIFY(stray.message().find("unexpected tensor") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
