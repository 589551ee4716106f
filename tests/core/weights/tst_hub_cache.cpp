#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/weights/hub_cache.h"

using namespace tstudio::weights;

namespace {

tstudio::models::BackboneInfo resnet18() {
    tstudio::models::BackboneInfo info;
    info.name = "resnet18";
    info.displayName = "ResNet-18";
    info.weights.fileName = "resnet18-f37072fd.pth";
    info.weights.url = "https://download.pytorch.org/models/resnet18-f37072fd.pth";
    info.weights.sha256 = "f37072fd";
    return info;
}

} // namespace

class TestHubCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        qunsetenv("TORCH_HOME");
        qunsetenv("XDG_CACHE_HOME");
    }
    void cleanupTestCase() { init(); }

    void followsTorchHubRules() {
        qputenv("HOME", "/home/someone");
        QCOMPARE(hubCheckpointDir(),
                 std::filesystem::path("/home/someone/.cache/torch/hub/checkpoints"));
        qputenv("XDG_CACHE_HOME", "/xdg");
        QCOMPARE(hubCheckpointDir(), std::filesystem::path("/xdg/torch/hub/checkpoints"));
        qputenv("TORCH_HOME", "/opt/torch");
        QCOMPARE(hubCheckpointDir(), std::filesystem::path("/opt/torch/hub/checkpoints"));
    }

    void findsCachedOfficialFile() {
        QTemporaryDir home;
        qputenv("TORCH_HOME", home.path().toLocal8Bit());
        const auto info = resnet18();
        QVERIFY(!cachedOfficialWeights(info).has_value());
        const std::filesystem::path dir = hubCheckpointDir();
        std::filesystem::create_directories(dir);
        QFile file(QString::fromStdString((dir / info.weights.fileName).string()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("PK");
        file.close();
        QCOMPARE(cachedOfficialWeights(info), std::optional(dir / info.weights.fileName));
    }

    void explainsWhereToPutTheFile() {
        qputenv("TORCH_HOME", "/opt/torch");
        const std::string text = howToGetWeights(resnet18());
        for (const char* part : {"ResNet-18", "resnet18-f37072fd.pth",
                                 "https://download.pytorch.org/models/resnet18-f37072fd.pth",
                                 "/opt/torch/hub/checkpoints", ".safetensors"}) {
            QVERIFY2(text.find(part) != std::string::npos, text.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestHubCache)
#include "tst_hub_cache.moc"
