// The queries behind the Evaluate step: a confusion cell's images, the top losses, and the
// row-normalised matrix.

#include <QTest>

#include "core/evaluation/evaluation_queries.h"

using namespace tstudio;
using namespace tstudio::training;
using namespace tstudio::evaluation;

namespace {

ImageOutcome outcome(int trueClass, int predicted, float confidence, double loss) {
    ImageOutcome image;
    image.trueClass = trueClass;
    image.predicted = predicted;
    image.probabilities.assign(3, (1.0f - confidence) / 2.0f);
    image.probabilities[static_cast<std::size_t>(predicted)] = confidence;
    image.loss = loss;
    return image;
}

EvaluationReport report() {
    EvaluationReport r;
    r.classes = {"a", "b", "c"};
    r.images = {
        outcome(0, 0, 0.6f, 0.5),  // 0
        outcome(0, 1, 0.7f, 1.2),  // 1
        outcome(0, 0, 0.9f, 0.1),  // 2
        outcome(1, 1, 0.8f, 0.2),  // 3
        outcome(0, 1, 0.95f, 3.0), // 4
        outcome(2, 0, 0.7f, 1.2),  // 5: ties image 1's loss
        outcome(0, 0, 0.6f, 0.5),  // 6: ties image 0 in confidence and loss
        outcome(0, 1, 0.5f, 0.9),  // 7
    };
    for (std::size_t i = 0; i < r.images.size(); ++i) {
        r.images[i].sample = i;
    }
    return r;
}

using Indices = std::vector<std::size_t>;

} // namespace

class TestEvaluationQueries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imagesInCellAreThatPairMostConfidentFirst() {
        const EvaluationReport r = report();
        QCOMPARE(imagesInCell(r, 0, 0), (Indices{2, 0, 6}));
        QCOMPARE(imagesInCell(r, 0, 1), (Indices{4, 1, 7}));
        QCOMPARE(imagesInCell(r, 1, 1), (Indices{3}));
        QCOMPARE(imagesInCell(r, 2, 0), (Indices{5}));
        QCOMPARE(imagesInCell(r, 1, 0), Indices{});
        QCOMPARE(imagesInCell(r, 7, 0), Indices{});
        // Every image is in exactly one cell.
        std::size_t total = 0;
        for (int t = 0; t < 3; ++t) {
            for (int p = 0; p < 3; ++p) {
                for (const std::size_t i : imagesInCell(r, t, p)) {
                    QCOMPARE(r.images[i].trueClass, t);
                    QCOMPARE(r.images[i].predicted, p);
                    ++total;
                }
            }
        }
        QCOMPARE(total, r.images.size());
    }

    void topLossesHighestFirstTiesInOrder() {
        const EvaluationReport r = report();
        QCOMPARE(topLosses(r, 4), (Indices{4, 1, 5, 7}));
        QCOMPARE(topLosses(r, 100), (Indices{4, 1, 5, 7, 0, 6, 3, 2}));
        QCOMPARE(topLosses(r, 0), Indices{});
        QCOMPARE(topLosses(EvaluationReport{}, 3), Indices{});
    }

    void rowNormalisedKeepsZeroRows() {
        const std::vector<std::vector<std::int64_t>> counts{{3, 1, 0}, {0, 0, 0}, {2, 2, 4}};
        const auto rows = rowNormalised(counts);
        QCOMPARE(rows.size(), std::size_t{3});
        QCOMPARE(rows[0], (std::vector<double>{0.75, 0.25, 0.0}));
        QCOMPARE(rows[1], (std::vector<double>{0.0, 0.0, 0.0}));
        QCOMPARE(rows[2], (std::vector<double>{0.25, 0.25, 0.5}));
        QVERIFY(rowNormalised({}).empty());
    }
};

QTEST_GUILESS_MAIN(TestEvaluationQueries)
#include "tst_evaluation_queries.moc"
