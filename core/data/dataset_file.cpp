#include "core/data/dataset_file.h"

#include <fstream>
#include <map>
#include <sstream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include "core/common/atomic_file.h"
#include "core/common/parse_number.h"
#include "core/data/cifar10_source.h"
#include "core/data/idx_source.h"

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

// Version 2 added "excluded"; version 1 files read as they are (nothing excluded).
constexpr int kVersion = 2;

/** The folder sample paths are relative to: the root itself, or the folder of a root file. */
fs::path baseFolder(const Dataset& dataset) {
    std::error_code ec;
    return fs::is_directory(dataset.root(), ec) ? dataset.root() : dataset.root().parent_path();
}

bool isUtf8(const std::string& bytes) {
    const QString text = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
    return text.toUtf8() == QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

void putPath(QJsonObject& object, const QString& key, const std::string& bytes) {
    if (isUtf8(bytes)) {
        object[key] = QString::fromStdString(bytes);
    } else {
        object[key + QStringLiteral("Base64")] = QString::fromLatin1(
            QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toBase64());
    }
}

std::string getPath(const QJsonObject& object, const QString& key) {
    if (object.contains(key + QStringLiteral("Base64"))) {
        return QByteArray::fromBase64(object[key + QStringLiteral("Base64")].toString().toLatin1())
            .toStdString();
    }
    return object[key].toString().toStdString();
}

} // namespace

fs::path datasetRootIn(const QJsonObject& json) {
    return fs::path(getPath(json, QStringLiteral("root")));
}

QJsonObject datasetToJsonObject(const DatasetDescription& description) {
    const Dataset& dataset = description.dataset;
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("tstudio-dataset");
    root[QStringLiteral("version")] = kVersion;
    root[QStringLiteral("kind")] = QString::fromStdString(datasetKindName(dataset.kind()));
    putPath(root, QStringLiteral("root"), dataset.root().string());
    QJsonArray classes;
    for (const std::string& name : dataset.classes()) {
        classes.append(QString::fromStdString(name));
    }
    root[QStringLiteral("classes")] = classes;
    if (description.recipe) {
        const SplitRecipe& r = *description.recipe;
        root[QStringLiteral("split")] = QJsonObject{
            {QStringLiteral("train"), r.fractions.train},
            {QStringLiteral("val"), r.fractions.val},
            {QStringLiteral("test"), r.fractions.test},
            // A string: JSON numbers lose 64-bit seeds above 2^53.
            {QStringLiteral("seed"), QString::number(r.seed)},
        };
    }
    const fs::path base = baseFolder(dataset);
    QJsonArray samples;
    for (const Sample& sample : dataset.samples()) {
        QJsonObject item;
        putPath(item, QStringLiteral("path"), sample.path.lexically_relative(base).string());
        if (sample.record >= 0) {
            item[QStringLiteral("record")] = static_cast<qint64>(sample.record);
        }
        item[QStringLiteral("label")] = sample.label;
        item[QStringLiteral("split")] = QString::fromStdString(splitName(sample.split));
        if (sample.excluded) {
            item[QStringLiteral("excluded")] = true;
        }
        samples.append(item);
    }
    root[QStringLiteral("samples")] = samples;
    return root;
}

std::string datasetToJson(const DatasetDescription& description) {
    return QJsonDocument(datasetToJsonObject(description))
        .toJson(QJsonDocument::Indented)
        .toStdString();
}

Result<DatasetDescription> datasetFromJson(const std::string& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (doc.isNull() || !doc.isObject()) {
        return fail("The dataset file is not valid JSON (" + error.errorString().toStdString() +
                    " at offset " + std::to_string(error.offset) + ").");
    }
    return datasetFromJsonObject(doc.object());
}

Result<DatasetDescription> datasetFromJsonObject(const QJsonObject& root,
                                                 const fs::path& rootOverride) {
    if (root[QStringLiteral("format")].toString() != QStringLiteral("tstudio-dataset")) {
        return fail("Not a Transfer Studio dataset file.");
    }
    if (const int version = root[QStringLiteral("version")].toInt(); version > kVersion) {
        return fail("The dataset file was written by a newer Transfer Studio (dataset format " +
                    std::to_string(version) + "; this build reads up to " +
                    std::to_string(kVersion) + "). Open it with that version or a later one.");
    } else if (version < 1) {
        return fail("The dataset file has no valid format version; the file is damaged.");
    }
    const auto kind = parseDatasetKind(root[QStringLiteral("kind")].toString().toStdString());
    if (!kind) {
        return fail("The dataset file names an unknown kind of dataset.");
    }
    DatasetDescription description;
    Dataset& dataset = description.dataset;
    dataset = Dataset(*kind, rootOverride.empty() ? datasetRootIn(root) : rootOverride);
    for (const QJsonValue& name : root[QStringLiteral("classes")].toArray()) {
        dataset.addClass(name.toString().toStdString());
    }
    if (root.contains(QStringLiteral("split"))) {
        const QJsonObject s = root[QStringLiteral("split")].toObject();
        SplitRecipe recipe;
        recipe.fractions = {s[QStringLiteral("train")].toDouble(),
                            s[QStringLiteral("val")].toDouble(),
                            s[QStringLiteral("test")].toDouble()};
        // Written as a string: a JSON number (a double) would round a 64-bit seed.
        recipe.seed = parseNumber<std::uint64_t>(s[QStringLiteral("seed")].toString().toStdString())
                          .value_or(0);
        description.recipe = recipe;
    }

    // Binary sources keep their pixels in memory: read them again and attach by record.
    std::map<std::pair<fs::path, std::int64_t>, std::shared_ptr<const imaging::RgbImage>> pixels;
    if (*kind == DatasetKind::Cifar10Binary || *kind == DatasetKind::Idx) {
        // The reader of the kind named, not openDataset: a damaged file must not make us scan
        // whatever folder it names for images.
        auto source = *kind == DatasetKind::Cifar10Binary ? readCifar10Binary(dataset.root())
                                                          : readIdxDataset(dataset.root());
        if (!source) {
            return fail("The dataset's source cannot be read again: " + source.message());
        }
        for (const Sample& sample : source->samples()) {
            pixels[{sample.path.lexically_normal(), sample.record}] = sample.image;
        }
    }
    const fs::path base = baseFolder(dataset);
    const auto classCount = static_cast<int>(dataset.classes().size());
    for (const QJsonValue& value : root[QStringLiteral("samples")].toArray()) {
        const QJsonObject item = value.toObject();
        Sample sample;
        sample.path = (base / getPath(item, QStringLiteral("path"))).lexically_normal();
        sample.record = item[QStringLiteral("record")].toInteger(-1);
        sample.label = item[QStringLiteral("label")].toInt(kUnlabeled);
        if (sample.label < kUnlabeled || sample.label >= classCount) {
            return fail("The dataset file gives " + sample.path.string() + " label " +
                        std::to_string(sample.label) + ", but there are " +
                        std::to_string(classCount) + " classes; the file is damaged.");
        }
        const auto split = parseSplit(item[QStringLiteral("split")].toString().toStdString());
        sample.split = split.value_or(Split::None);
        sample.excluded = item[QStringLiteral("excluded")].toBool(false);
        if (sample.record >= 0) {
            const auto it = pixels.find({sample.path, sample.record});
            if (it == pixels.end()) {
                return fail(sample.path.string() + " has no record " +
                            std::to_string(sample.record) + " any more; the source changed.");
            }
            sample.image = it->second;
        }
        dataset.addSample(std::move(sample));
    }
    return description;
}

Status saveDataset(const DatasetDescription& description, const fs::path& file) {
    return writeFileAtomically(file, datasetToJson(description));
}

Result<DatasetDescription> loadDataset(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(file.string() + ": cannot be opened for reading");
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto description = datasetFromJson(text.str());
    if (!description) {
        return fail(file.string() + ": " + description.message());
    }
    return description;
}

} // namespace tstudio::data
