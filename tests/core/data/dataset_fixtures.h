#pragma once

// Small datasets written by the tests into a temporary folder.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tstudio::test {

/** Writes bytes to path, creating its folders. */
void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);
void writeText(const std::filesystem::path& path, const std::string& text);

/** A PNG of width×height whose pixels are derived from seed (distinct seeds, distinct files). */
std::vector<std::uint8_t> pngBytes(int width, int height, int seed);
/** A baseline JPEG likewise. */
std::vector<std::uint8_t> jpegBytes(int width, int height, int seed);

/** CIFAR-10 binary records: label i % 10, pixel value (record + channel * 50 + i) % 256. */
std::vector<std::uint8_t> cifarBatch(int records);

/** An IDX images file (count × rows × cols, pixel (i + p) % 256) and its labels (i % 10). */
std::vector<std::uint8_t> idxImages(int count, int rows, int cols);
std::vector<std::uint8_t> idxLabels(int count);

} // namespace tstudio::test
