#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

/**
 * Reads a CSV list of images: `path,label[,split]`, paths relative to the CSV's folder (or
 * absolute), with or without a header row (recognised by its column names: path/file/image...,
 * label/class/...). Quoted fields ("a, b.jpg") follow RFC 4180. An empty label leaves the image
 * unlabeled. Classes are sorted (numerically when every label is a number). The files are not
 * opened: the dataset report checks them. Any thread; fails naming the line of a malformed row.
 */
Result<Dataset> readCsvDataset(const std::filesystem::path& csvFile,
                               const ScanControl& control = {});

} // namespace tstudio::data
