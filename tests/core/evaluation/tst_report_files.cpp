// writeEvaluationReport: the per-class and prediction CSVs (RFC 4180), the two heat maps and the
// summary JSON.

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

#include "core/evaluation/report_files.h"
#include "core/imaging/image_decoder.h"

using namespace tstudio;
using namespace tstudio::training;
using namespace tstudio::evaluation;
namespace fs = std::filesystem;

namespace {

EvaluationReport report(int classes) {
    EvaluationReport r;
    for (int c = 0; c < classes; ++c) {
        r.classes.push_back("class " + std::to_string(c));
    }
    r.classes[0] = "say \"hi\", then";
    r.summary.confusion.assign(static_cast<std::size_t>(classes),
                               std::vector<std::int64_t>(static_cast<std::size_t>(classes), 0));
    for (int i = 0; i < 3 * classes; ++i) {
        ImageOutcome image;
        image.sample = static_cast<std::size_t>(i);
        image.path = "/photos/a,b/" + std::to_string(i) + ".jpg";
        image.trueClass = i % classes;
        image.predicted = (i * 7) % classes;
        image.probabilities.assign(static_cast<std::size_t>(classes), 0.1f / classes);
        image.probabilities[static_cast<std::size_t>(image.predicted)] += 0.9f;
        image.loss = 0.25 * i;
        ++r.summary.confusion[static_cast<std::size_t>(image.trueClass)]
                             [static_cast<std::size_t>(image.predicted)];
        r.images.push_back(image);
    }
    r.summary.count = 3 * classes;
    r.summary.perClass.assign(static_cast<std::size_t>(classes), ClassMetrics{});
    for (int c = 0; c < classes; ++c) {
        r.summary.perClass[static_cast<std::size_t>(c)] = {1.0 / (c + 3), 0.5, 2.0 / 3.0, 3};
    }
    r.summary.top1 = 0.5;
    r.summary.loss = 1.25;
    return r;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestReportFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesEveryFile() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "new" / "report";
        const EvaluationReport r = report(3);
        const Status status = writeEvaluationReport(r, dir);
        QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());

        const auto perClass = parseCsv(readText(dir / "per_class.csv"));
        QCOMPARE(perClass.size(), std::size_t{4});
        QCOMPARE(perClass[0],
                 (std::vector<std::string>{"class", "precision", "recall", "f1", "support"}));
        for (std::size_t c = 0; c < 3; ++c) {
            const auto& row = perClass[c + 1];
            QCOMPARE(row.size(), std::size_t{5});
            QCOMPARE(row[0], r.classes[c]);
            // Shortest round-trip numbers: they read back exactly.
            QCOMPARE(std::stod(row[1]), r.summary.perClass[c].precision);
            QCOMPARE(std::stod(row[2]), r.summary.perClass[c].recall);
            QCOMPARE(std::stod(row[3]), r.summary.perClass[c].f1);
            QCOMPARE(std::stoll(row[4]), r.summary.perClass[c].support);
        }

        const auto predictions = parseCsv(readText(dir / "predictions.csv"));
        QCOMPARE(predictions.size(), r.images.size() + 1);
        QCOMPARE(predictions[0],
                 (std::vector<std::string>{"path", "true", "predicted", "probability", "loss",
                                           "p(say \"hi\", then)", "p(class 1)", "p(class 2)"}));
        for (std::size_t i = 0; i < r.images.size(); ++i) {
            const auto& row = predictions[i + 1];
            const ImageOutcome& image = r.images[i];
            QCOMPARE(row.size(), std::size_t{8});
            QCOMPARE(row[0], image.path.string());
            QCOMPARE(row[1], r.classes[static_cast<std::size_t>(image.trueClass)]);
            QCOMPARE(row[2], r.classes[static_cast<std::size_t>(image.predicted)]);
            QCOMPARE(static_cast<float>(std::stod(row[3])),
                     image.probabilities[static_cast<std::size_t>(image.predicted)]);
            QCOMPARE(std::stod(row[4]), image.loss);
            for (std::size_t c = 0; c < 3; ++c) {
                QCOMPARE(static_cast<float>(std::stod(row[5 + c])), image.probabilities[c]);
            }
        }

        const QJsonDocument json =
            QJsonDocument::fromJson(QByteArray::fromStdString(readText(dir / "summary.json")));
        QCOMPARE(json.object(), toJson(r.summary, r.classes));

        for (const char* name : {"confusion.png", "confusion_normalized.png"}) {
            auto image = imaging::decodeImage(dir / name);
            QVERIFY2(image.ok(), name);
            QVERIFY(image->width >= 200 && image->height >= 200);
        }
        // Nothing else: atomic writes leave no temporary files behind.
        std::size_t files = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
            ++files;
        }
        QCOMPARE(files, std::size_t{5});
    }

    void heatMapGrowsWithTheClassCount() {
        QTemporaryDir tmp;
        const fs::path few = fs::path(tmp.path().toStdString()) / "few";
        const fs::path many = fs::path(tmp.path().toStdString()) / "many";
        QVERIFY(writeEvaluationReport(report(2), few).ok());
        QVERIFY(writeEvaluationReport(report(60), many).ok());
        auto small = imaging::decodeImage(few / "confusion.png");
        auto large = imaging::decodeImage(many / "confusion.png");
        QVERIFY(small.ok() && large.ok());
        QVERIFY(large->width > small->width);
        QVERIFY(large->height > small->height);
    }

    void anUnwritableFolderFailsClearly() {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "file";
        std::ofstream(file) << "x";
        const Status status = writeEvaluationReport(report(2), file / "report");
        QVERIFY(!status.ok());
        QVERIFY2(status.message().find("report") != std::string::npos, status.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestReportFiles)
#include "tst_report_files.moc"
