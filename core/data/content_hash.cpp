#include "core/data/content_hash.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace tstudio::data {

std::string contentHash(std::span<const std::uint8_t> bytes) {
    const QByteArray digest =
        QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<qsizetype>(bytes.size())),
                                 QCryptographicHash::Blake2b_256);
    return digest.toHex().toStdString();
}

} // namespace tstudio::data
