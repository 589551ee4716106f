#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/common/result.h"
#include "core/data/sample.h"

namespace tstudio::inference {

/** What identifies an image's content between runs: its file (and record) and the file's size
    and modification time. */
struct ImageStamp {
    std::string key; ///< the path, with "#record" for an in-memory record
    std::uintmax_t size = 0;
    std::int64_t modified = 0;
};

/**
 * One feature row per image, kept across runs so that relabelling never re-encodes an image; an
 * image whose file changed (size or modification time) is encoded again. Images that could not
 * be read are remembered too, so a broken file is tried once, not on every run.
 * Plain value type, not synchronised: one thread at a time.
 */
class FeatureCache {
public:
    /** The row, or why the image could not be read. */
    struct Entry {
        std::vector<float> features;
        std::optional<Error> error;
    };

    /** The stamp of sample's file now; fails (naming the file) when it is gone. Any thread. */
    static Result<ImageStamp> stamp(const data::Sample& sample);

    /** The entry for this image as it is now, or null when absent or stale. Shared, so a row
        in use stays valid when its image is stored again. */
    std::shared_ptr<const Entry> find(const ImageStamp& stamp) const;
    void store(const ImageStamp& stamp, Entry entry);

    std::size_t size() const { return m_entries.size(); }
    void clear() { m_entries.clear(); }

private:
    struct Stored {
        std::uintmax_t size = 0;
        std::int64_t modified = 0;
        std::shared_ptr<const Entry> entry;
    };
    std::unordered_map<std::string, Stored> m_entries;
};

} // namespace tstudio::inference
