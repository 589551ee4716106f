#include "tiny_dataset.h"

#include <algorithm>

#include <QColor>
#include <QDir>
#include <QImage>
#include <QRandomGenerator>

#include "core/data/dataset_opener.h"

namespace tstudio::test {

data::Dataset writeTinyDataset(const QString& root, int classes, int perClass, int px) {
    QRandomGenerator random(7);
    for (int c = 0; c < classes; ++c) {
        const QString folder = QDir(root).filePath(QStringLiteral("class%1").arg(c));
        QDir().mkpath(folder);
        const QColor base = QColor::fromHsv((c * 360 / classes) % 360, 200, 200);
        for (int i = 0; i < perClass; ++i) {
            QImage image(px, px, QImage::Format_RGB32);
            for (int y = 0; y < px; ++y) {
                for (int x = 0; x < px; ++x) {
                    const int noise = static_cast<int>(random.bounded(60)) - 30;
                    image.setPixel(x, y,
                                   qRgb(std::clamp(base.red() + noise, 0, 255),
                                        std::clamp(base.green() + noise, 0, 255),
                                        std::clamp(base.blue() + noise, 0, 255)));
                }
            }
            image.save(QDir(folder).filePath(QStringLiteral("%1.png").arg(i)));
        }
    }
    auto dataset = data::openDataset(root.toStdString());
    return dataset ? std::move(dataset).value() : data::Dataset{};
}

} // namespace tstudio::test
