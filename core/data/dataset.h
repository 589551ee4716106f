#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <QMetaType>

#include "core/common/result.h"
#include "core/data/dataset_kind.h"
#include "core/data/sample.h"
#include "core/data/split.h"

namespace tstudio::data {

/**
 * A labelled (or partly labelled) list of images with an ordered list of class names.
 *
 * Class order is stable: a class keeps its index until a class before it is removed or merged
 * away, and labels are renumbered then so every sample keeps its class name. Plain value type;
 * not synchronised: one thread edits it at a time, copies cross threads.
 */
class Dataset {
public:
    Dataset() = default;
    Dataset(DatasetKind kind, std::filesystem::path root);

    DatasetKind kind() const { return m_kind; }
    /** The folder, CSV file or binary file the dataset was opened from. */
    const std::filesystem::path& root() const { return m_root; }

    const std::vector<std::string>& classes() const { return m_classes; }
    const std::vector<Sample>& samples() const { return m_samples; }
    std::size_t size() const { return m_samples.size(); }
    const Sample& sample(std::size_t index) const { return m_samples[index]; }

    /** Index of the class named name, or -1. */
    int classIndex(const std::string& name) const;
    /** Appends a class (at the end of the order); returns the existing index if it exists. */
    int addClass(const std::string& name);
    /** Fails when newName is empty or names another class. */
    Status renameClass(int index, const std::string& newName);
    /** Drops a class; its samples become unlabeled (the images stay in the dataset). */
    void removeClass(int index);
    /** Moves every sample of class from into class into, then drops from. */
    void mergeClasses(int from, int into);

    void addSample(Sample sample);
    /** Removes the samples at these indices (any order, duplicates allowed). */
    void removeSamples(std::vector<std::size_t> indices);
    /** label: a class index or kUnlabeled. */
    void relabel(std::size_t index, int label);
    void setSplit(std::size_t index, Split split);
    void setExcluded(std::size_t index, bool excluded);

    /** Usable samples (Sample::usable) per class in split (size == classes().size()). */
    std::vector<std::size_t> countPerClass(Split split) const;
    /** Usable samples per class over every split. */
    std::vector<std::size_t> countPerClass() const;
    /** Samples without a label that are not excluded: the ones waiting to be labelled. */
    std::size_t unlabeledCount() const;
    std::size_t excludedCount() const;
    /** True when any sample has a split (the source had one, or a split was applied). */
    bool hasSplit() const;

private:
    DatasetKind m_kind = DatasetKind::Custom;
    std::filesystem::path m_root;
    std::vector<std::string> m_classes;
    std::vector<Sample> m_samples;
};

} // namespace tstudio::data

Q_DECLARE_METATYPE(tstudio::data::Dataset)
