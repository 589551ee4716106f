#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"

namespace tstudio::weights {

/** Named tensors in file order, keys as torchvision writes them ("layer1.0.conv1.weight"). */
using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;

/**
 * Reads a weight file, recognising the format by content, not by extension: torch.save's zip
 * format, its legacy (non-zip) format, .safetensors, and our own files. Untrusted input: nothing
 * is executed, only an allow-list of pickle globals is accepted, every size/offset/stride is
 * checked. Checkpoints that wrap the weights ({"state_dict": ...}, {"model": ...}) are unwrapped,
 * and the "module." prefix that DataParallel/DistributedDataParallel put before every key is
 * removed (when every key has it).
 * Any thread. Fails with a message naming the file and what is wrong with it.
 */
Result<StateDict> readStateDict(const std::filesystem::path& path);

/** One key whose shape differs between the file and the model. */
struct ShapeMismatch {
    std::string key;
    std::vector<int64_t> modelShape;
    std::vector<int64_t> fileShape;
};

/** What loading a state dict into a module would do, computed before anything is changed. */
struct LoadReport {
    std::vector<std::string> missing;    ///< in the model, not in the file
    std::vector<std::string> unexpected; ///< in the file, not in the model
    std::vector<ShapeMismatch> mismatched;
    /// in the model, not in the file, but under an optional module path: the model keeps its own
    /// values (Inception's AuxLogits from a Python inception_v3(aux_logits=False))
    std::vector<std::string> keptOwn;
    int64_t matched = 0; ///< keys present in both with equal shapes
    bool clean() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
    /** A few lines a person can read: counts, then the first keys of each kind. */
    std::string summary() const;
};

/**
 * Compares the module's parameters and buffers (recursively, torchvision keys, buffers such as
 * num_batches_tracked included) with dict. Changes nothing. The thread that owns the module.
 */
LoadReport compareStateDict(const torch::nn::Module& module, const StateDict& dict);

enum class LoadPolicy {
    Strict,       ///< every key must match, or nothing is loaded
    MatchingOnly, ///< load keys present in both with equal shapes (e.g. backbone, not the head)
};

/**
 * Copies the dict's tensors into the module's parameters and buffers (converting dtype), as
 * the policy allows. Returns the report. Fails, leaving the module unchanged, when Strict finds
 * any difference, or when no key matches at all (weights of another architecture). Keys missing
 * from the file under one of optionalModules (module paths) are no difference: the module keeps
 * its own values for them (LoadReport::keptOwn). The thread that owns the module.
 */
Result<LoadReport> loadStateDict(torch::nn::Module& module, const StateDict& dict,
                                 LoadPolicy policy,
                                 const std::vector<std::string>& optionalModules = {});

/** The module's parameters and buffers as a state dict, torchvision keys and order. */
StateDict stateDictOf(const torch::nn::Module& module);

/**
 * Writes a .pth that Python's torch.load reads: torch's zip format holding an OrderedDict of
 * tensors (contiguous CPU copies). Atomic: a reader sees the old file or the whole new one.
 * Fails on dtypes no weight file carries (complex, quantized) or when the file cannot be written.
 */
Status writePth(const std::filesystem::path& path, const StateDict& dict);

/** Writes a .safetensors file (tensors in dict order, "__metadata__" {"format": "pt"} plus
    metadata's string entries). Atomic. */
Status writeSafetensors(const std::filesystem::path& path, const StateDict& dict,
                        const std::map<std::string, std::string>& metadata = {});

/** The "__metadata__" strings of a .safetensors file, reading only its header (not the tensors).
    Fails with a message naming the file when it is not a .safetensors file. */
Result<std::map<std::string, std::string>>
readSafetensorsMetadata(const std::filesystem::path& path);

} // namespace tstudio::weights
