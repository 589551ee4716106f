#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "core/models/registry.h"
#include "ui/models/backbone_table_model.h"

using tstudio::ui::BackboneTableModel;

class TestBackboneTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        // An empty hub cache of our own, so the machine's real cache cannot change the result.
        qputenv("TORCH_HOME", m_home.path().toLocal8Bit());
    }

    void passesModelTester() {
        BackboneTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
    }

    void listsEveryRegistryBackbone() {
        BackboneTableModel model;
        const auto& registry = tstudio::models::backboneRegistry();
        QCOMPARE(model.rowCount(), static_cast<int>(registry.size()));
        QVERIFY(model.rowCount() >= 14);
        for (size_t row = 0; row < registry.size(); ++row) {
            const QModelIndex index = model.index(static_cast<int>(row), 0);
            QCOMPARE(index.data(BackboneTableModel::ArchRole).toString(),
                     QString::fromStdString(registry[row].name));
            QCOMPARE(index.data().toString(), QString::fromStdString(registry[row].displayName));
        }
        QCOMPARE(model.rowOf(QStringLiteral("inception_v3")) >= 0, true);
        QCOMPARE(model.rowOf(QStringLiteral("no_such_net")), -1);
    }

    void showsCacheStatus() {
        BackboneTableModel model;
        const int row = model.rowOf(QStringLiteral("resnet18"));
        QVERIFY(row >= 0);
        const QModelIndex status = model.index(row, BackboneTableModel::WeightsStatus);
        QCOMPARE(status.data(BackboneTableModel::CachedWeightsPathRole).toString(), QString());

        // Put a file of the official name into the cache: the model must notice on refresh.
        const auto* info = tstudio::models::findBackbone("resnet18");
        QVERIFY(info != nullptr);
        QDir().mkpath(m_home.filePath(QStringLiteral("hub/checkpoints")));
        const QString file = m_home.filePath(QStringLiteral("hub/checkpoints/") +
                                             QString::fromStdString(info->weights.fileName));
        std::ofstream(file.toStdString()) << "x";
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(status.data(BackboneTableModel::CachedWeightsPathRole).toString(), file);
        QFile::remove(file);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestBackboneTableModel)
#include "tst_backbone_table_model.moc"
