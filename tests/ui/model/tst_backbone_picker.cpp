#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "core/models/registry.h"
#include "ui/model/backbone_picker.h"
#include "ui/model/head_settings.h"
#include "ui/model/model_page.h"
#include "ui/models/backbone_table_model.h"
#include "ui/project/project_state.h"

using tstudio::ui::BackbonePicker;
using tstudio::ui::BackboneTableModel;
using tstudio::ui::ProjectState;
using Status = tstudio::ui::BackbonePicker::WeightsStatus;
using State = tstudio::ui::BackboneTableModel::WeightsState;

namespace {
State tableState(const BackboneTableModel& model, const char* arch) {
    return static_cast<State>(model.index(model.rowOf(QString::fromLatin1(arch)), 0)
                                  .data(BackboneTableModel::WeightsStateRole)
                                  .toInt());
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
} // namespace

class TestBackbonePicker : public QObject {
    Q_OBJECT

    QTemporaryDir m_torchHome;

    QString hubDir() const { return m_torchHome.filePath(QStringLiteral("hub/checkpoints")); }

private Q_SLOTS:
    void initTestCase() {
        // An empty, private hub cache: the states below do not depend on this machine's cache.
        QVERIFY(m_torchHome.isValid());
        qputenv("TORCH_HOME", m_torchHome.path().toLocal8Bit());
        QVERIFY(QDir().mkpath(hubDir()));
    }

    void cleanup() {
        QDir(hubDir()).removeRecursively();
        QDir().mkpath(hubDir());
    }

    void listsEveryBackboneWithItsState() {
        ProjectState project;
        BackbonePicker picker(&project);
        BackboneTableModel* model = picker.backbones();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), static_cast<int>(tstudio::models::backboneRegistry().size()));
        QCOMPARE(tableState(*model, "resnet18"), State::Downloadable);
        QCOMPARE(
            model
                ->index(model->rowOf(QStringLiteral("resnet18")), BackboneTableModel::WeightsStatus)
                .data()
                .toString(),
            QStringLiteral("downloadable"));
        QCOMPARE(project.config().arch, std::string("mobilenet_v2"));
        QCOMPARE(picker.weightsStatus(), Status::Downloadable);

        // A file of the official name in the cache: found after a refresh.
        const auto* info = tstudio::models::findBackbone("mobilenet_v2");
        writeFile(QDir(hubDir()).filePath(QString::fromStdString(info->weights.fileName)), "x");
        model->refresh();
        QCOMPARE(tableState(*model, "mobilenet_v2"), State::InCache);
        QCOMPARE(picker.weightsStatus(), Status::InCache);
        QVERIFY(picker.statusText().contains(QString::fromStdString(info->weights.fileName)));

        // Download progress shows in the table, and goes away.
        model->setDownloadProgress(QStringLiteral("vgg16"), 42);
        QCOMPARE(tableState(*model, "vgg16"), State::Downloading);
        QVERIFY(
            model->index(model->rowOf(QStringLiteral("vgg16")), BackboneTableModel::WeightsStatus)
                .data()
                .toString()
                .contains(QStringLiteral("42")));
        model->clearDownload();
        QCOMPARE(tableState(*model, "vgg16"), State::Downloadable);
    }

    void choosingARowAndASourceWritesTheConfig() {
        ProjectState project;
        BackbonePicker picker(&project);
        auto* table = picker.findChild<QTableView*>();
        QVERIFY(table != nullptr);
        table->setCurrentIndex(
            picker.backbones()->index(picker.backbones()->rowOf(QStringLiteral("resnet50")), 0));
        QCOMPARE(project.config().arch, std::string("resnet50"));

        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("mine.safetensors"));
        writeFile(local, "weights");
        picker.useWeightsFile(local);
        QCOMPARE(QString::fromStdString(project.config().weights.string()), local);
        QVERIFY(!project.config().fromScratch);
        QCOMPARE(picker.weightsStatus(), Status::LocalFile);

        picker.useSource(BackbonePicker::Source::FromScratch);
        QVERIFY(project.config().fromScratch);
        QVERIFY(project.config().weights.empty());
        QCOMPARE(picker.weightsStatus(), Status::Scratch);

        picker.useSource(BackbonePicker::Source::Official);
        QVERIFY(!project.config().fromScratch);
        QCOMPARE(picker.weightsStatus(), Status::Downloadable);

        // A chosen file that has gone missing says so.
        auto config = project.config();
        config.weights = dir.filePath(QStringLiteral("gone.pth")).toStdString();
        project.setConfig(config);
        QCOMPARE(picker.weightsStatus(), Status::Missing);
        QVERIFY(picker.statusText().contains(QStringLiteral("gone.pth")));

        // The config drives the picker too (another page, a loaded project).
        config.arch = "densenet121";
        config.weights.clear();
        project.setConfig(config);
        QCOMPARE(table->currentIndex().row(),
                 picker.backbones()->rowOf(QStringLiteral("densenet121")));

        // Locked while training.
        project.setTraining(true);
        QVERIFY(!table->isEnabled());
        project.setTraining(false);
        QVERIFY(table->isEnabled());
    }

    void downloadShowsProgressAndCancels() {
        // A local server that sends the headers and a first chunk, then stalls.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n");
                socket->write(QByteArray(4096, 'x'));
            });
        });
        ProjectState project;
        BackbonePicker picker(&project);
        picker.setDownloadSource(
            QStringLiteral("http://127.0.0.1:%1/w.pth").arg(server.serverPort()),
            hubDir().toStdString());
        QSignalSpy ended(&picker, &BackbonePicker::downloadEnded);
        picker.downloadWeights();
        QCOMPARE(picker.weightsStatus(), Status::Downloading);
        QCOMPARE(tableState(*picker.backbones(), "mobilenet_v2"), State::Downloading);
        QTRY_VERIFY_WITH_TIMEOUT(
            picker.backbones()
                ->index(picker.backbones()->rowOf(QStringLiteral("mobilenet_v2")),
                        BackboneTableModel::WeightsStatus)
                .data()
                .toString()
                .contains(QStringLiteral("%")),
            20000);
        picker.cancelDownload();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
        QCOMPARE(picker.weightsStatus(), Status::Downloadable);
        QCOMPARE(tableState(*picker.backbones(), "mobilenet_v2"), State::Downloadable);
        QCOMPARE(QDir(hubDir()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void aFailedDownloadSaysWhy() {
        QTemporaryDir source;
        const QString file = source.filePath(QStringLiteral("w.pth"));
        writeFile(file, "not the official file");
        ProjectState project;
        BackbonePicker picker(&project);
        picker.setDownloadSource(QUrl::fromLocalFile(file).toString(), hubDir().toStdString());
        QSignalSpy ended(&picker, &BackbonePicker::downloadEnded);
        picker.downloadWeights();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QVERIFY2(picker.statusText().startsWith(QStringLiteral("Download failed")),
                 qPrintable(picker.statusText()));
        QCOMPARE(picker.weightsStatus(), Status::Downloadable);
    }

    void headSettingsWriteTheConfig() {
        ProjectState project;
        tstudio::ui::ModelPage page(&project);
        auto* head = page.headSettings();
        auto* size = head->findChild<QSpinBox*>();
        auto* pooling = head->findChild<QComboBox*>();
        auto* hidden = head->findChild<QLineEdit*>();
        auto* dropout = head->findChild<QDoubleSpinBox*>();
        QVERIFY(size && pooling && hidden && dropout);
        QCOMPARE(size->value(), 224); // mobilenet_v2's default
        size->setValue(160);
        QCOMPARE(project.config().inputSize, 160);
        size->setValue(224);
        QCOMPARE(project.config().inputSize, 0); // the default stays "the backbone's default"
        pooling->setCurrentIndex(
            pooling->findData(static_cast<int>(tstudio::training::Pooling::Average)));
        QCOMPARE(project.config().head.pooling, tstudio::training::Pooling::Average);
        dropout->setValue(0.3);
        QCOMPARE(project.config().head.dropout, 0.3f);
        hidden->setText(QStringLiteral("512:relu:0.2, 128:gelu"));
        Q_EMIT hidden->editingFinished();
        QCOMPARE(project.config().head.hidden.size(), size_t{2});
        QCOMPARE(project.config().head.hidden[0].width, 512);
        QCOMPARE(project.config().head.hidden[1].activation, tstudio::training::Activation::GELU);
        hidden->setText(QStringLiteral("512:nonsense"));
        Q_EMIT hidden->editingFinished();
        QCOMPARE(project.config().head.hidden.size(), size_t{2}); // a typo is not applied
    }
};

QTEST_MAIN(TestBackbonePicker)
#include "tst_backbone_picker.moc"
