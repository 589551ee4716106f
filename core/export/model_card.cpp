#include "core/export/model_card.h"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include <QDateTime>

#include "core/models/registry.h"

namespace tstudio::modelexport {

namespace {

/** Appends the parts in order. (Appending in steps, not with "text" + std::string, also keeps
    GCC 12's false -Wstringop-overflow at -O3 away.) */
void add(std::string& md, std::initializer_list<std::string_view> parts) {
    for (const std::string_view part : parts) {
        md.append(part);
    }
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string percent(double fraction) {
    std::string text = fixed(100.0 * fraction, 2);
    text += " %";
    return text;
}

std::string number(std::int64_t value) {
    return std::to_string(value);
}

std::string weightsText(const training::TrainingConfig& config,
                        const models::BackboneInfo& backbone) {
    std::string text;
    if (config.fromScratch) {
        text = "none: trained from random initialisation";
    } else if (config.weights.empty()) {
        add(text, {"torchvision's official ImageNet weights (", backbone.weights.fileName, ")"});
    } else {
        add(text, {"`", config.weights.string(), "`"});
    }
    return text;
}

/** The epoch with the best validation accuracy, ties to the lower validation loss (as the run
    chose it), or nullptr without validation. */
const training::EpochMetrics* bestEpoch(const std::vector<training::EpochMetrics>& history) {
    const training::EpochMetrics* best = nullptr;
    for (const training::EpochMetrics& m : history) {
        if (!std::isnan(m.valAccuracy) &&
            (best == nullptr || m.valAccuracy > best->valAccuracy ||
             (m.valAccuracy == best->valAccuracy && m.valLoss < best->valLoss))) {
            best = &m;
        }
    }
    return best;
}

void appendConfusion(std::string& md, const training::EvaluationResult& result,
                     const std::vector<std::string>& classes) {
    md += "Confusion matrix (rows: true class, columns: predicted):\n\n| |";
    for (const std::string& name : classes) {
        add(md, {" ", name, " |"});
    }
    md += "\n|---|";
    for (std::size_t i = 0; i < classes.size(); ++i) {
        md += "---|";
    }
    md += "\n";
    for (std::size_t row = 0; row < result.confusion.size() && row < classes.size(); ++row) {
        add(md, {"| **", classes[row], "** |"});
        for (const std::int64_t cell : result.confusion[row]) {
            add(md, {" ", number(cell), " |"});
        }
        md += "\n";
    }
}

void appendData(std::string& md, const training::BundleInfo& bundle) {
    md += "## Training data\n\n";
    const auto& counts = bundle.imagesPerClass;
    const std::size_t classes = bundle.classes.size();
    if (counts && counts->train.size() == classes && counts->val.size() == classes &&
        counts->test.size() == classes) {
        md += "Images per class and split:\n\n| Class | Training | Validation | Test |\n"
              "|---|---|---|---|\n";
        for (std::size_t i = 0; i < bundle.classes.size(); ++i) {
            add(md, {"| ", bundle.classes[i], " | ", number(counts->train.at(i)), " | ",
                     number(counts->val.at(i)), " | ", number(counts->test.at(i)), " |\n"});
        }
        add(md, {"\nIt was trained for ", number(static_cast<std::int64_t>(bundle.history.size())),
                 " epoch(s).\n\n"});
        return;
    }
    if (bundle.test) {
        md += "Test split, images per class:\n\n| Class | Test images |\n|---|---|\n";
        for (std::size_t i = 0; i < bundle.classes.size() && i < bundle.test->perClass.size();
             ++i) {
            add(md,
                {"| ", bundle.classes[i], " | ", number(bundle.test->perClass[i].support), " |\n"});
        }
        md += "\n";
    }
    md += "The model file does not record how many training and validation images each class "
          "had";
    md += bundle.test ? " (only the test split's counts above)." : ".";
    add(md, {" It was trained for ", number(static_cast<std::int64_t>(bundle.history.size())),
             " epoch(s).\n\n"});
}

void appendSettings(std::string& md, const training::BundleInfo& bundle, int inputSize) {
    const training::TrainingConfig& c = bundle.config;
    const std::string size = number(inputSize);
    md += "## Settings\n\n";
    add(md, {"- Head: `", training::formatHeadSpec(c.head), "`\n"});
    add(md, {"- Input size: ", size, " x ", size, "\n"});
    add(md, {"- Mode: ", training::toString(c.mode), ", ", number(c.epochs), " epochs, batch ",
             number(c.batchSize), "\n"});
    add(md, {"- Optimizer: ", training::toString(c.optimizer.kind), ", learning rate ",
             fixed(c.optimizer.lr, 6), ", weight decay ", fixed(c.optimizer.weightDecay, 6),
             ", schedule ", training::toString(c.schedule.kind), "\n"});
    add(md, {"- Augmentation: ", c.augment ? "on" : "off", ", label smoothing ",
             fixed(c.labelSmoothing, 3), ", seed ", std::to_string(c.seed), "\n\n"});
}

/** Per-class precision, recall, F1 and support, then the confusion matrix. */
void appendEvaluation(std::string& md, const training::EvaluationResult& result,
                      const std::vector<std::string>& classes) {
    md += "| Class | Precision | Recall | F1 | Support |\n|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < classes.size() && i < result.perClass.size(); ++i) {
        const training::ClassMetrics& m = result.perClass[i];
        add(md, {"| ", classes[i], " | ", fixed(m.precision, 3), " | ", fixed(m.recall, 3), " | ",
                 fixed(m.f1, 3), " | ", number(m.support), " |\n"});
    }
    md += "\n";
    appendConfusion(md, result, classes);
    md += "\n";
}

void appendValidation(std::string& md, const training::BundleInfo& bundle) {
    md += "## Validation\n\n";
    const training::EpochMetrics* best = bestEpoch(bundle.history);
    if (best == nullptr) {
        md += "No validation figures: the run had no validation split.\n\n";
        return;
    }
    add(md, {"Best epoch ", number(best->epoch), " (stage ", number(best->stage), "): accuracy ",
             percent(best->valAccuracy), ", loss ", fixed(best->valLoss, 4)});
    if (best->valTop5) {
        add(md, {", top-5 ", percent(*best->valTop5)});
    }
    md += ".\n\n";
    if (!bundle.validation) {
        md += "The model file does not record the validation confusion matrix (it was written "
              "before runs recorded it).\n\n";
        return;
    }
    const training::EvaluationResult& v = bundle.validation->result;
    add(md, {"The weights in this file are epoch ", number(bundle.validation->epoch), "'s; on its ",
             number(v.count), " validation images: accuracy ", percent(v.top1), ", loss ",
             fixed(v.loss, 4)});
    if (v.top5) {
        add(md, {", top-5 ", percent(*v.top5)});
    }
    md += ".\n\n";
    appendEvaluation(md, v, bundle.classes);
}

void appendTest(std::string& md, const training::BundleInfo& bundle) {
    md += "## Test\n\n";
    if (!bundle.test) {
        md += "No test result: the run had no test split.\n\n";
        return;
    }
    const training::EvaluationResult& t = *bundle.test;
    add(md, {number(t.count), " images: accuracy ", percent(t.top1), ", loss ", fixed(t.loss, 4)});
    if (t.top5) {
        add(md, {", top-5 ", percent(*t.top5)});
    }
    md += ".\n\n";
    appendEvaluation(md, t, bundle.classes);
}

void appendLoading(std::string& md, ExportFormat format, const ExportResult& result) {
    const std::string file = result.weightsFile.filename().string();
    md += "## Loading\n\n";
    if (format == ExportFormat::TorchScript) {
        add(md, {"```python\nimport torch\nmodel = torch.jit.load(\"", file,
                 "\")\nmodel.eval()\nlogits = model(images)  # [N, 3, size, size], normalised\n"
                 "print(model.classes, model.input_size, model.mean, model.std)\n```\n\n"});
    } else if (format == ExportFormat::Onnx) {
        add(md, {"```python\nimport cv2\nnet = cv2.dnn.readNetFromONNX(\"", file,
                 "\")\nnet.setInput(images)  # [N, 3, size, size] float32, normalised\n"
                 "logits = net.forward()\n```\n\nONNX opset 17, input `input`, output `logits`, "
                 "dynamic batch axis; the model's metadata_props hold the classes and the "
                 "preprocessing.\n\n"});
    } else if (result.torchvision.loadsStrictly) {
        add(md, {"```python\nimport torch, torchvision\nmodel = ", result.torchvision.constructor,
                 "\n"});
        if (format == ExportFormat::Pth) {
            add(md, {"model.load_state_dict(torch.load(\"", file, "\"))\n"});
        } else {
            add(md, {"from safetensors.torch import load_file\nmodel.load_state_dict(load_file(\"",
                     file, "\"))\n"});
        }
        md += "model.eval()\n```\n\n";
    } else {
        add(md, {result.torchvision.note, "\n\n"});
    }
    add(md,
        {"Preprocessing, class order and the head are in `", result.sidecarFile.filename().string(),
         "`. Verified on export: the file read back gives the trained model's logits within ",
         fixed(result.maxAbsDifference, 8), " (largest absolute difference over ",
         number(result.verifiedInputs), " inputs).\n\n"});
}

} // namespace

std::string modelCard(const training::BundleInfo& bundle, const models::BackboneInfo& backbone,
                      int inputSize, ExportFormat format, const ExportResult& result) {
    std::string md;
    add(md, {"# Model card: ", result.weightsFile.filename().string(), "\n\n"});
    add(md, {"An image classifier for ", number(static_cast<std::int64_t>(bundle.classes.size())),
             " classes: "});
    for (std::size_t i = 0; i < bundle.classes.size(); ++i) {
        add(md, {i ? ", " : "", bundle.classes[i]});
    }
    md += " (output index order).\n\n## Backbone\n\n";
    add(md, {"- Architecture: ", backbone.displayName, " (`", backbone.name, "`)\n"});
    add(md, {"- Starting weights: ", weightsText(bundle.config, backbone), "\n\n"});
    appendData(md, bundle);
    appendSettings(md, bundle, inputSize);
    appendValidation(md, bundle);
    appendTest(md, bundle);
    appendLoading(md, format, result);
    add(md, {"Trained ", bundle.createdAt.empty() ? "(date unknown)" : bundle.createdAt,
             "; exported ", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(),
             " by Transfer Studio " TSTUDIO_VERSION ".\n"});
    return md;
}

} // namespace tstudio::modelexport
