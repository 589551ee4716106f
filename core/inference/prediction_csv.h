#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::inference {

/**
 * The predictions CSV of `tstudio predict --csv` and of the Classify page's export, built row by
 * row: a header "path,predicted,<class>..." and then, per classified image, its path, its
 * predicted class and one probability per class (in the header's order, printed "%.6g").
 * Fields are quoted per RFC 4180 when needed. Plain value; any thread.
 */
class PredictionCsv {
public:
    explicit PredictionCsv(const std::vector<std::string>& classes);

    /** One image: probabilities holds one value per class, in the constructor's order. */
    void addRow(const std::filesystem::path& image, const std::string& predicted,
                const std::vector<float>& probabilities);

    const std::string& text() const { return m_text; }

    /** Writes the text to path atomically; fails with a message naming path and the reason. */
    Status write(const std::filesystem::path& path) const;

private:
    std::string m_text;
};

} // namespace tstudio::inference
