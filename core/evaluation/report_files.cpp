#include "core/evaluation/report_files.h"

#include <charconv>
#include <cstdio>
#include <system_error>

#include <QJsonDocument>

#include "core/common/atomic_file.h"
#include "core/common/csv_field.h"
#include "core/evaluation/confusion_image.h"
#include "core/evaluation/evaluation_queries.h"

namespace tstudio::evaluation {

namespace fs = std::filesystem;

namespace {

/** Shortest text that reads back as the same double. */
std::string number(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string className(const training::EvaluationReport& report, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < report.classes.size()
               ? report.classes[static_cast<std::size_t>(index)]
               : std::string();
}

HeatMap countsMap(const training::EvaluationReport& report) {
    HeatMap map;
    map.title = "Confusion matrix (images)";
    map.classes = report.classes;
    std::int64_t largest = 0;
    for (const auto& row : report.summary.confusion) {
        for (const std::int64_t count : row) {
            largest = std::max(largest, count);
        }
    }
    for (const auto& row : report.summary.confusion) {
        auto& shade = map.shade.emplace_back();
        auto& text = map.text.emplace_back();
        for (const std::int64_t count : row) {
            shade.push_back(
                largest == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(largest));
            text.push_back(std::to_string(count));
        }
    }
    return map;
}

HeatMap normalisedMap(const training::EvaluationReport& report) {
    HeatMap map;
    map.title = "Confusion matrix (fraction of each true class)";
    map.classes = report.classes;
    map.shade = rowNormalised(report.summary.confusion);
    for (const auto& row : map.shade) {
        auto& text = map.text.emplace_back();
        for (const double fraction : row) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%.2f", fraction);
            text.emplace_back(buffer);
        }
    }
    return map;
}

Status writePng(const HeatMap& map, const fs::path& file) {
    auto png = heatMapPng(map);
    if (!png) {
        return fail("Cannot write " + file.string() + ": " + png.message());
    }
    return writeFileAtomically(file, *png);
}

} // namespace

std::string perClassCsv(const training::EvaluationReport& report) {
    std::string text = "class,precision,recall,f1,support\n";
    for (std::size_t c = 0; c < report.summary.perClass.size(); ++c) {
        const training::ClassMetrics& m = report.summary.perClass[c];
        text += csvField(className(report, static_cast<int>(c)));
        for (const double value : {m.precision, m.recall, m.f1}) {
            text += ',';
            text += number(value);
        }
        text += ',';
        text += std::to_string(m.support);
        text += '\n';
    }
    return text;
}

std::string predictionsCsv(const training::EvaluationReport& report) {
    std::string text = "path,true,predicted,probability,loss";
    for (const std::string& name : report.classes) {
        std::string column = "p(";
        column += name;
        column += ')';
        text += ',';
        text += csvField(column);
    }
    text += '\n';
    for (const training::ImageOutcome& image : report.images) {
        text += csvField(image.path.string());
        text += ',';
        text += csvField(className(report, image.trueClass));
        text += ',';
        text += csvField(className(report, image.predicted));
        text += ',';
        const auto predicted = static_cast<std::size_t>(image.predicted);
        text += number(image.predicted >= 0 && predicted < image.probabilities.size()
                           ? static_cast<double>(image.probabilities[predicted])
                           : 0.0);
        text += ',';
        text += number(image.loss);
        for (const float p : image.probabilities) {
            text += ',';
            text += number(static_cast<double>(p));
        }
        text += '\n';
    }
    return text;
}

Status writeEvaluationReport(const training::EvaluationReport& report, const fs::path& dir) {
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) {
        return fail("Cannot create the report folder " + dir.string() + ": " + error.message() +
                    ".");
    }
    if (auto status = writeFileAtomically(dir / "per_class.csv", perClassCsv(report)); !status) {
        return status;
    }
    if (auto status = writeFileAtomically(dir / "predictions.csv", predictionsCsv(report));
        !status) {
        return status;
    }
    if (auto status = writePng(countsMap(report), dir / "confusion.png"); !status) {
        return status;
    }
    if (auto status = writePng(normalisedMap(report), dir / "confusion_normalized.png"); !status) {
        return status;
    }
    const QByteArray json =
        QJsonDocument(training::toJson(report.summary, report.classes)).toJson();
    return writeFileAtomically(dir / "summary.json", std::string_view(json.data(), json.size()));
}

} // namespace tstudio::evaluation
