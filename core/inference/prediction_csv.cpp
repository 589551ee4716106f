#include "core/inference/prediction_csv.h"

#include <cstdio>

#include "core/common/atomic_file.h"
#include "core/common/csv_field.h"

namespace tstudio::inference {

namespace {

std::string probability(float p) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", static_cast<double>(p));
    return text;
}

} // namespace

PredictionCsv::PredictionCsv(const std::vector<std::string>& classes) : m_text("path,predicted") {
    for (const auto& name : classes) {
        m_text += ',';
        m_text += csvField(name);
    }
    m_text += '\n';
}

void PredictionCsv::addRow(const std::filesystem::path& image, const std::string& predicted,
                           const std::vector<float>& probabilities) {
    m_text += csvField(image.string());
    m_text += ',';
    m_text += csvField(predicted);
    for (const float value : probabilities) {
        // Appended in two steps: GCC 12 at -O3 warns falsely on "," + string here.
        m_text += ',';
        m_text += probability(value);
    }
    m_text += '\n';
}

Status PredictionCsv::write(const std::filesystem::path& path) const {
    return writeFileAtomically(path, m_text);
}

} // namespace tstudio::inference
