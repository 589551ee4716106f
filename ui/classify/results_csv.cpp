#include "ui/classify/results_csv.h"

#include <string>

#include "core/inference/prediction_csv.h"

namespace tstudio::ui {

Status writeResultsCsv(const QString& path, const QStringList& classes,
                       const std::vector<ClassifiedImage>& images) {
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(classes.size()));
    for (const QString& name : classes) {
        names.push_back(name.toStdString());
    }
    inference::PredictionCsv csv(names);
    for (const ClassifiedImage& image : images) {
        if (image.ok()) {
            csv.addRow(image.path.toStdString(), image.top.front().label, image.probabilities);
        }
    }
    return csv.write(path.toStdString());
}

} // namespace tstudio::ui
