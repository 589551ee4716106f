#include "core/inference/feature_cache.h"

#include <filesystem>
#include <system_error>

namespace tstudio::inference {

Result<ImageStamp> FeatureCache::stamp(const data::Sample& sample) {
    std::error_code ec;
    ImageStamp stamp;
    stamp.size = std::filesystem::file_size(sample.path, ec);
    if (!ec) {
        stamp.modified =
            std::filesystem::last_write_time(sample.path, ec).time_since_epoch().count();
    }
    if (ec) {
        return fail(sample.path.string() + ": cannot be read (" + ec.message() +
                    "); was it moved or deleted?");
    }
    stamp.key = sample.path.string();
    if (sample.record >= 0) {
        stamp.key += '#' + std::to_string(sample.record);
    }
    return stamp;
}

std::shared_ptr<const FeatureCache::Entry> FeatureCache::find(const ImageStamp& stamp) const {
    const auto it = m_entries.find(stamp.key);
    if (it == m_entries.end() || it->second.size != stamp.size ||
        it->second.modified != stamp.modified) {
        return nullptr;
    }
    return it->second.entry;
}

void FeatureCache::store(const ImageStamp& stamp, Entry entry) {
    m_entries.insert_or_assign(stamp.key, Stored{stamp.size, stamp.modified,
                                                 std::make_shared<const Entry>(std::move(entry))});
}

} // namespace tstudio::inference
