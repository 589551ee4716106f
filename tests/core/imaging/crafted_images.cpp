#include "crafted_images.h"

#include <array>
#include <fstream>

namespace tstudio::test {

namespace {

// push_back in a loop: GCC 12 at -O3 warns falsely (array-bounds) on insert() of a short list.
void append(ByteVector& out, std::initializer_list<std::uint8_t> bytes) {
    for (std::uint8_t b : bytes) {
        out.push_back(b);
    }
}

void put16(ByteVector& out, unsigned value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

void put32(ByteVector& out, std::uint32_t value) {
    put16(out, value >> 16);
    put16(out, value & 0xFFFF);
}

/** MSB-first bit writer with JPEG's byte stuffing (FF → FF 00). */
class JpegBits {
public:
    explicit JpegBits(ByteVector& out) : m_out(out) {}
    void write(unsigned value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            m_byte = static_cast<std::uint8_t>((m_byte << 1) | ((value >> i) & 1));
            if (++m_used == 8) {
                emit();
            }
        }
    }
    void flush() {
        while (m_used != 0) {
            write(1, 1); // pad with ones
        }
    }

private:
    void emit() {
        m_out.push_back(m_byte);
        if (m_byte == 0xFF) {
            m_out.push_back(0x00);
        }
        m_byte = 0;
        m_used = 0;
    }
    ByteVector& m_out;
    std::uint8_t m_byte = 0;
    int m_used = 0;
};

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0) {
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

void pngChunk(ByteVector& out, const char* type, const ByteVector& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    ByteVector body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    out.insert(out.end(), body.begin(), body.end());
    put32(out, crc32(body.data(), body.size()));
}

} // namespace

ByteVector craftFlatJpeg(int width, int height, const std::vector<int>& values) {
    const int components = static_cast<int>(values.size());
    ByteVector out{0xFF, 0xD8};
    if (components == 4) {
        // APP14 "Adobe", version 100, flags 0, transform 0 (CMYK stored as is, inverted).
        const ByteVector adobe{0xFF, 0xEE, 0x00, 0x0E, 'A',  'd',  'o',  'b',
                               'e',  0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00};
        out.insert(out.end(), adobe.begin(), adobe.end());
    }
    // One quantisation table of 8s: a flat block of DC coefficient d decodes to 128 + d.
    append(out, {0xFF, 0xDB, 0x00, 0x43, 0x00});
    out.insert(out.end(), 64, 8);
    // SOF0: 8-bit, height, width, components 1..n, 1x1 sampling, table 0.
    append(out, {0xFF, 0xC0});
    put16(out, static_cast<unsigned>(8 + 3 * components));
    out.push_back(8);
    put16(out, static_cast<unsigned>(height));
    put16(out, static_cast<unsigned>(width));
    out.push_back(static_cast<std::uint8_t>(components));
    for (int c = 0; c < components; ++c) {
        append(out, {static_cast<std::uint8_t>(c + 1), 0x11, 0x00});
    }
    // DC table 0: categories 0..11, all 4-bit codes (code == category).
    append(out, {0xFF, 0xC4, 0x00, 0x1F, 0x00});
    const std::array<std::uint8_t, 16> dcCounts{0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    out.insert(out.end(), dcCounts.begin(), dcCounts.end());
    for (std::uint8_t s = 0; s < 12; ++s) {
        out.push_back(s);
    }
    // AC table 0: only end-of-block, code "0".
    append(out, {0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01});
    out.insert(out.end(), 15, 0);
    out.push_back(0x00);
    // SOS: all components interleaved, tables 0/0, full spectral range.
    append(out, {0xFF, 0xDA});
    put16(out, static_cast<unsigned>(6 + 2 * components));
    out.push_back(static_cast<std::uint8_t>(components));
    for (int c = 0; c < components; ++c) {
        append(out, {static_cast<std::uint8_t>(c + 1), 0x00});
    }
    append(out, {0x00, 0x3F, 0x00});

    JpegBits bits(out);
    const int blocks = ((width + 7) / 8) * ((height + 7) / 8);
    for (int b = 0; b < blocks; ++b) {
        for (int c = 0; c < components; ++c) {
            // DC is coded as a difference to the previous block of the same component.
            const int diff = b == 0 ? values[static_cast<std::size_t>(c)] - 128 : 0;
            int category = 0;
            for (int magnitude = diff < 0 ? -diff : diff; magnitude != 0; magnitude >>= 1) {
                ++category;
            }
            bits.write(static_cast<unsigned>(category), 4);
            if (category > 0) {
                const int extra = diff < 0 ? diff - 1 : diff; // one's complement for negatives
                bits.write(static_cast<unsigned>(extra) & ((1u << category) - 1), category);
            }
            bits.write(0, 1); // EOB
        }
    }
    bits.flush();
    append(out, {0xFF, 0xD9});
    return out;
}

ByteVector craftGif2x2() {
    ByteVector out{'G',  'I',  'F',  '8',  '9',  'a', 2, 0, 2, 0,    0x80,
                   0,    0,    0xFF, 0x00, 0x00,                            // palette 0: red
                   0x00, 0x00, 0xFF,                                        // palette 1: blue
                   0x2C, 0,    0,    0,    0,    2,   0, 2, 0, 0x00, 0x02}; // LZW minimum code size
    // 3-bit codes: clear(4) 0 1 clear(4) 1 0 end(5); the clears keep the table below 8 entries.
    const std::array<unsigned, 7> codes{4, 0, 1, 4, 1, 0, 5};
    ByteVector data;
    unsigned accumulator = 0;
    int used = 0;
    for (unsigned code : codes) {
        accumulator |= code << used; // GIF packs codes least significant bit first
        used += 3;
        while (used >= 8) {
            data.push_back(static_cast<std::uint8_t>(accumulator & 0xFF));
            accumulator >>= 8;
            used -= 8;
        }
    }
    if (used > 0) {
        data.push_back(static_cast<std::uint8_t>(accumulator & 0xFF));
    }
    out.push_back(static_cast<std::uint8_t>(data.size()));
    out.insert(out.end(), data.begin(), data.end());
    append(out, {0x00, 0x3B});
    return out;
}

ByteVector craftPngHeader(std::uint32_t width, std::uint32_t height) {
    ByteVector out{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    ByteVector ihdr;
    put32(ihdr, width);
    put32(ihdr, height);
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0}); // 8-bit, RGB, deflate, no filter, no interlace
    pngChunk(out, "IHDR", ihdr);
    // zlib stream of one stored empty block: a valid but far too short image.
    pngChunk(out, "IDAT", {0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01});
    pngChunk(out, "IEND", {});
    return out;
}

ByteVector withExifOrientation(const ByteVector& jpeg, int orientation) {
    // APP1: "Exif\0\0", big-endian TIFF header, IFD0 with one SHORT entry 0x0112.
    ByteVector app1{0xFF, 0xE1, 0x00, 0x22, 'E',  'x',
                    'i',  'f',  0,    0,    'M',  'M',
                    0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
                    0x00, 0x01, 0x01, 0x12, 0x00, 0x03,
                    0x00, 0x00, 0x00, 0x01, 0x00, static_cast<std::uint8_t>(orientation),
                    0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    ByteVector out = jpeg;
    out.insert(out.begin() + 2, app1.begin(), app1.end());
    return out;
}

bool writeBytes(const std::string& path, const ByteVector& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

} // namespace tstudio::test
