// The predictions CSV that `tstudio predict --csv` and the Classify page's export share, and the
// top-k order both print.

#include <fstream>
#include <sstream>

#include <QTemporaryDir>
#include <QTest>

#include "core/inference/prediction_csv.h"
#include "core/inference/top_classes.h"

using namespace tstudio;

class TestPredictionCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headerRowsAndQuoting() {
        inference::PredictionCsv csv({"cat", "dog, large", "say \"hi\""});
        csv.addRow("/photos/a.jpg", "cat", {0.5F, 0.25F, 0.25F});
        csv.addRow("/photos/b,c.png", "dog, large", {1e-7F, 0.9999999F, 0.0F});
        QCOMPARE(csv.text(), std::string("path,predicted,cat,\"dog, large\",\"say \"\"hi\"\"\"\n"
                                         "/photos/a.jpg,cat,0.5,0.25,0.25\n"
                                         "\"/photos/b,c.png\",\"dog, large\",1e-07,1,0\n"));
    }

    void writesTheWholeFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("out.csv")).toStdString();
        inference::PredictionCsv csv({"a", "b"});
        csv.addRow("x.png", "b", {0.125F, 0.875F});
        QVERIFY(csv.write(path).ok());
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        QCOMPARE(text.str(), csv.text());
        const Status bad =
            csv.write(dir.filePath(QStringLiteral("no/such/dir/out.csv")).toStdString());
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.message()).contains(QStringLiteral("out.csv")));
    }

    void topClassesLargestFirst() {
        const std::vector<float> p{0.1F, 0.4F, 0.05F, 0.45F};
        QCOMPARE(inference::topClassIndices(p, 2), (std::vector<int>{3, 1}));
        QCOMPARE(inference::topClassIndices(p, 10), (std::vector<int>{3, 1, 0, 2}));
        QVERIFY(inference::topClassIndices(p, 0).empty());
        QVERIFY(inference::topClassIndices({}, 3).empty());
    }
};

QTEST_GUILESS_MAIN(TestPredictionCsv)
#include "tst_prediction_csv.moc"
