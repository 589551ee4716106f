#include "core/training/checkpoint.h"

#include <fstream>
#include <sstream>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/common/atomic_file.h"

namespace tstudio::training {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

// Archive keys may not contain dots (they become TorchScript attribute names), so tensors are
// stored by position and their names in the JSON.
void writeDict(torch::serialize::OutputArchive& archive, const std::string& prefix,
               const weights::StateDict& dict, QJsonArray& names) {
    for (std::size_t i = 0; i < dict.size(); ++i) {
        archive.write(prefix + std::to_string(i), dict[i].second.detach().to(torch::kCPU),
                      /*is_buffer=*/true);
        names.append(QString::fromStdString(dict[i].first));
    }
}

weights::StateDict readDict(torch::serialize::InputArchive& archive, const std::string& prefix,
                            const QJsonArray& names) {
    weights::StateDict dict;
    for (qsizetype i = 0; i < names.size(); ++i) {
        torch::Tensor tensor;
        archive.read(prefix + std::to_string(i), tensor, /*is_buffer=*/true);
        dict.emplace_back(names.at(i).toString().toStdString(), tensor);
    }
    return dict;
}

Result<std::string> readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail("Cannot read the checkpoint " + path.string() + ".");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

Status writeCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                       torch::optim::Optimizer& optimizer) {
    torch::serialize::OutputArchive archive;
    QJsonArray modelNames, bestNames;
    writeDict(archive, "m", checkpoint.model, modelNames);
    writeDict(archive, "b", checkpoint.best, bestNames);
    QJsonObject state = checkpoint.state;
    state.insert(key("modelTensors"), modelNames);
    state.insert(key("bestTensors"), bestNames);
    const QByteArray json = QJsonDocument(state).toJson(QJsonDocument::Compact);
    archive.write(
        "state",
        torch::from_blob(const_cast<char*>(json.constData()), {json.size()}, torch::kUInt8).clone(),
        /*is_buffer=*/true);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    std::ostringstream bytes;
    archive.save_to(bytes);
    return writeFileAtomically(path, bytes.str());
}

Result<Checkpoint> readCheckpoint(const std::filesystem::path& path) {
    auto bytes = readAll(path);
    if (!bytes) {
        return bytes.error();
    }
    try {
        std::istringstream in(*bytes);
        torch::serialize::InputArchive archive;
        archive.load_from(in);
        torch::Tensor stateBytes;
        archive.read("state", stateBytes, /*is_buffer=*/true);
        const QByteArray json(reinterpret_cast<const char*>(stateBytes.data_ptr<std::uint8_t>()),
                              static_cast<qsizetype>(stateBytes.numel()));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return fail("The checkpoint " + path.string() + " is damaged.");
        }
        Checkpoint checkpoint;
        checkpoint.state = document.object();
        checkpoint.model =
            readDict(archive, "m", checkpoint.state.value(key("modelTensors")).toArray());
        checkpoint.best =
            readDict(archive, "b", checkpoint.state.value(key("bestTensors")).toArray());
        return checkpoint;
    } catch (const c10::Error& e) {
        return fail("The checkpoint " + path.string() +
                    " cannot be read: " + e.what_without_backtrace());
    }
}

Status loadCheckpointOptimizer(const std::filesystem::path& path,
                               torch::optim::Optimizer& optimizer) {
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path.string());
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer.load(optimizerArchive);
        return success();
    } catch (const c10::Error& e) {
        return fail("The optimizer state in " + path.string() +
                    " does not fit this run: " + e.what_without_backtrace());
    }
}

} // namespace tstudio::training
