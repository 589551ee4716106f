// How fluid the Label step is on a big unsorted folder: writes N small JPEGs (not timed), opens
// them as an unlabeled dataset, shows the LabelingPage and measures the time until the grid is
// usable (every thumbnail of the first screen shown), then scrolls the grid from top to bottom
// one screen at a time while a 1 ms timer on the GUI thread records the gaps between its ticks
// (a gap is how long the event loop could not run). The thumbnail disk cache starts empty.
// Prints JSON.
//
//   QT_QPA_PLATFORM=offscreen ui_label_grid [--images 20000] [--step-ms 20]

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include "core/data/dataset_opener.h"
#include "ui/labeling/image_filter_model.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/labeling_page.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

namespace {

QString option(const QStringList& args, const QString& name, const QString& fallback) {
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
}

void writeImages(const QString& root, int count) {
    // 100 per folder, as a camera or phone export nests them.
    for (int i = 0; i < count; ++i) {
        const QString folder =
            QDir(root).filePath(QStringLiteral("roll%1").arg(i / 100, 3, 10, QLatin1Char('0')));
        if (i % 100 == 0) {
            QDir().mkpath(folder);
        }
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 80 + (i * 13) % 170, 120 + (i * 7) % 130));
        QPainter painter(&image);
        painter.fillRect(8 + i % 24, 6 + i % 18, 24, 18, QColor::fromHsv((i * 91) % 360, 220, 230));
        painter.end();
        image.save(
            QDir(folder).filePath(QStringLiteral("IMG_%1.jpg").arg(i, 5, 10, QLatin1Char('0'))),
            "JPG", 85);
    }
}

/** The proxy rows the grid's viewport shows now. */
std::vector<QModelIndex> visibleIndexes(QListView* grid) {
    std::set<int> rows;
    std::vector<QModelIndex> indexes;
    const QSize cell = grid->gridSize();
    const QRect area = grid->viewport()->rect();
    for (int y = cell.height() / 2; y < area.height(); y += cell.height()) {
        for (int x = cell.width() / 2; x < area.width(); x += cell.width()) {
            const QModelIndex index = grid->indexAt(QPoint(x, y));
            if (index.isValid() && rows.insert(index.row()).second) {
                indexes.push_back(index);
            }
        }
    }
    return indexes;
}

/** Every visible thumbnail is there (or failed); none visible counts as not loaded. */
bool viewportLoaded(QListView* grid, tstudio::ui::ThumbnailLoader* loader) {
    const std::vector<QModelIndex> visible = visibleIndexes(grid);
    return !visible.empty() &&
           std::all_of(visible.begin(), visible.end(), [&](const QModelIndex& i) {
               const QString path = i.data(tstudio::ui::ImageGridModel::PathRole).toString();
               return loader->hasFailed(path) || !loader->thumbnail(path).isNull();
           });
}

struct Gaps {
    std::vector<double> ms;
    double max() const { return ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()); }
    double p99() const {
        if (ms.empty()) {
            return 0.0;
        }
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
    }
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int images = option(args, QStringLiteral("--images"), QStringLiteral("20000")).toInt();
    const int stepMs = option(args, QStringLiteral("--step-ms"), QStringLiteral("20")).toInt();

    QTemporaryDir data, cache;
    QElapsedTimer clock;
    clock.start();
    writeImages(data.path(), images);
    const double writeS = static_cast<double>(clock.elapsed()) / 1000.0;

    // The scan as the Data step runs it (there off the GUI thread).
    clock.restart();
    auto dataset = tstudio::data::openDataset(data.path().toStdString(), {}, /*unlabeled=*/true);
    const double scanMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.message().c_str());
        return 1;
    }
    const auto found = static_cast<qint64>(dataset.value().size());

    tstudio::ui::ProjectState project;
    QUndoStack undo;
    tstudio::ui::ThumbnailLoader loader(tstudio::ui::ThumbnailLoader::kDefaultSize, cache.path());
    tstudio::ui::LabelingPage page(&project, &undo, &loader);
    page.resize(1280, 800);
    page.show();
    QListView* grid = page.grid();

    Gaps openGaps, scrollGaps;
    Gaps* recording = &openGaps;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(1);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &page, [&] {
        if (sinceTick.isValid() && recording != nullptr) {
            recording->ms.push_back(static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
        }
        sinceTick.start();
    });

    double setDatasetMs = 0.0;
    double usableMs = -1.0;
    double scrollMs = 0.0;
    double lastScreenMs = -1.0;
    int steps = 0;
    QElapsedTimer phase;
    QTimer check;
    check.setInterval(5);
    QTimer scroller;
    scroller.setInterval(stepMs);

    QObject::connect(&check, &QTimer::timeout, &page, [&] {
        if (!viewportLoaded(grid, &loader)) {
            return;
        }
        check.stop();
        if (usableMs < 0) {
            usableMs = static_cast<double>(phase.nsecsElapsed()) / 1e6;
            recording = &scrollGaps;
            sinceTick.invalidate();
            phase.restart();
            scroller.start();
        } else {
            lastScreenMs = static_cast<double>(phase.nsecsElapsed()) / 1e6;
            app.quit();
        }
    });
    QObject::connect(&scroller, &QTimer::timeout, &page, [&] {
        QScrollBar* bar = grid->verticalScrollBar();
        if (bar->value() >= bar->maximum()) {
            scroller.stop();
            scrollMs = static_cast<double>(phase.nsecsElapsed()) / 1e6;
            recording = nullptr;
            phase.restart();
            check.start(); // until the last screen's thumbnails are in
            return;
        }
        bar->setValue(bar->value() + grid->viewport()->height());
        ++steps;
    });
    int thumbnails = 0;
    QObject::connect(&loader, &tstudio::ui::ThumbnailLoader::thumbnailReady, &page,
                     [&thumbnails] { ++thumbnails; });
    QTimer::singleShot(100, &page, [&] {
        ticker.start();
        sinceTick.start(); // so the first gap holds setDataset itself
        phase.start();
        project.setDataset(std::move(dataset).value());
        setDatasetMs = static_cast<double>(phase.nsecsElapsed()) / 1e6;
        check.start();
    });
    app.exec();

    QJsonObject out;
    out[QStringLiteral("images")] = found;
    out[QStringLiteral("write_s")] = writeS;
    out[QStringLiteral("scan_ms")] = scanMs;
    out[QStringLiteral("set_dataset_ms")] = setDatasetMs;
    out[QStringLiteral("usable_ms")] = usableMs;
    out[QStringLiteral("open_max_stall_ms")] = openGaps.max();
    out[QStringLiteral("scroll_steps")] = steps;
    out[QStringLiteral("scroll_ms")] = scrollMs;
    out[QStringLiteral("scroll_max_stall_ms")] = scrollGaps.max();
    out[QStringLiteral("scroll_p99_stall_ms")] = scrollGaps.p99();
    out[QStringLiteral("scroll_ticks")] = static_cast<qint64>(scrollGaps.ms.size());
    out[QStringLiteral("last_screen_ms")] = lastScreenMs;
    out[QStringLiteral("thumbnails_made")] = thumbnails;
    out[QStringLiteral("disk_cache_hits")] = loader.diskHits();
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
