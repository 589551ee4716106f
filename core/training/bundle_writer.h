#pragma once

// Private to core/training: writing a model bundle, and the JSON of its description.

#include <filesystem>

#include <QJsonObject>

#include "core/common/result.h"
#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"

namespace tstudio::training {

/** The "tstudio" metadata of a bundle. */
QJsonObject bundleInfoToJson(const BundleInfo& info);
Result<BundleInfo> bundleInfoFromJson(const QJsonObject& json);

/** Writes net's weights with info as a bundle, atomically. */
Status writeBundle(const std::filesystem::path& path, TransferNet& net, const BundleInfo& info);

} // namespace tstudio::training
