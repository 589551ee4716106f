#include "core/data/csv_source.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/common/parse_number.h"
#include "core/data/progress_throttle.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/**
 * Splits the next record of in into fields. A quoted field may hold commas, doubled quotes and
 * line breaks. False at end of input; line counts physical lines.
 */
bool readRecord(std::istream& in, std::vector<std::string>& fields, int& line, bool& badQuote) {
    fields.clear();
    badQuote = false;
    std::string text;
    if (!std::getline(in, text)) {
        return false;
    }
    ++line;
    std::string field;
    bool quoted = false;
    bool wasQuoted = false;
    for (std::size_t i = 0;; ++i) {
        if (i == text.size()) {
            if (quoted) {
                std::string next;
                if (!std::getline(in, next)) {
                    badQuote = true;
                    break;
                }
                ++line;
                field += '\n';
                text = std::move(next);
                i = static_cast<std::size_t>(-1);
                continue;
            }
            break;
        }
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
        } else if (c == '"' && trimmed(field).empty()) {
            quoted = true;
            wasQuoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(wasQuoted ? field : trimmed(field));
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    fields.push_back(wasQuoted ? field : trimmed(field));
    return true;
}

bool isHeader(const std::vector<std::string>& fields) {
    static const std::vector<std::string> pathNames{"path",     "file",  "filename",   "file_name",
                                                    "filepath", "image", "image_path", "img"};
    static const std::vector<std::string> labelNames{"label",  "class",      "category",
                                                     "target", "class_name", "labels"};
    const auto in = [](const std::vector<std::string>& names, const std::string& value) {
        return std::find(names.begin(), names.end(), lower(value)) != names.end();
    };
    return in(pathNames, fields[0]) || (fields.size() > 1 && in(labelNames, fields[1]));
}

struct Row {
    fs::path path;
    std::string label;
    Split split = Split::None;
};

/** Sorted label names: by value when all are integers ("2" before "10"), else by text. */
std::vector<std::string> sortedLabels(std::vector<std::string> labels) {
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    const auto number = [](const std::string& label) {
        return parseNumber<long long>(label);
    };
    const bool numeric = std::all_of(labels.begin(), labels.end(),
                                     [&](const std::string& l) { return number(l).has_value(); });
    if (numeric) {
        std::sort(labels.begin(), labels.end(), [&](const std::string& x, const std::string& y) {
            return *number(x) < *number(y);
        });
    }
    return labels;
}

} // namespace

Result<Dataset> readCsvDataset(const fs::path& csvFile, const ScanControl& control) {
    std::ifstream in(csvFile, std::ios::binary);
    if (!in) {
        std::error_code ec;
        return fail(csvFile.string() + (fs::exists(csvFile, ec)
                                            ? ": cannot be opened for reading (check permissions)"
                                            : ": no such file"));
    }
    const fs::path base = csvFile.parent_path();
    ProgressThrottle throttle(control);
    std::vector<Row> rows;
    std::vector<std::string> fields;
    int line = 0;
    bool badQuote = false;
    bool first = true;
    while (readRecord(in, fields, line, badQuote)) {
        if (control.cancelled()) {
            return fail(kCancelledMessage);
        }
        const std::string where = csvFile.string() + ", line " + std::to_string(line);
        if (badQuote) {
            return fail(where + ": a quoted field is never closed; add the closing '\"'");
        }
        if (first && !fields.empty() && fields[0].size() >= 3 &&
            fields[0].compare(0, 3, "\xEF\xBB\xBF") == 0) {
            fields[0].erase(0, 3); // a UTF-8 byte order mark, as spreadsheet programs write
        }
        if (fields.size() == 1 && fields[0].empty()) {
            continue; // blank line
        }
        if (first) {
            first = false;
            if (isHeader(fields)) {
                continue;
            }
        }
        if (fields.size() > 3 || fields[0].empty()) {
            return fail(where +
                        ": expected `path,label` or `path,label,split` with a non-empty path, "
                        "found " +
                        std::to_string(fields.size()) + " fields");
        }
        Row row;
        row.path = fs::path(fields[0]);
        if (row.path.is_relative()) {
            row.path = base / row.path;
        }
        row.label = fields.size() > 1 ? fields[1] : std::string();
        if (fields.size() > 2 && !fields[2].empty()) {
            const auto split = parseSplit(fields[2]);
            if (!split) {
                return fail(where + ": unknown split \"" + fields[2] +
                            "\"; use train, val or test (or leave it empty)");
            }
            row.split = *split;
        }
        rows.push_back(std::move(row));
        throttle.tick(static_cast<std::int64_t>(rows.size()));
    }

    std::vector<std::string> labels;
    for (const Row& row : rows) {
        if (!row.label.empty()) {
            labels.push_back(row.label);
        }
    }
    Dataset dataset(DatasetKind::Csv, csvFile);
    for (const std::string& name : sortedLabels(std::move(labels))) {
        dataset.addClass(name);
    }
    for (Row& row : rows) {
        Sample sample;
        sample.path = std::move(row.path);
        sample.label = row.label.empty() ? kUnlabeled : dataset.classIndex(row.label);
        sample.split = row.split;
        dataset.addSample(std::move(sample));
    }
    throttle.finish(static_cast<std::int64_t>(rows.size()));
    return dataset;
}

} // namespace tstudio::data
