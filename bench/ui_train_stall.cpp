// How fluid the GUI stays while a real training run streams into the Train page: a 5 ms timer
// on the GUI thread records the gaps between its ticks (a gap is how long the event loop could
// not run) while a short CPU run trains through TrainPage. Prints JSON.
//
//   QT_QPA_PLATFORM=offscreen ui_train_stall [--arch resnet18] [--epochs 3] [--size 64]
//                                            [--images 32] [--batch 8]

#include <algorithm>
#include <cstdio>
#include <vector>

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include "core/common/threads.h"
#include "core/data/dataset_opener.h"
#include "ui/project/project_state.h"
#include "ui/train/live_plot.h"
#include "ui/train/train_page.h"

namespace {
QString option(const QStringList& args, const QString& name, const QString& fallback) {
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
}

void writeImages(const QString& root, int perClass, int px) {
    QRandomGenerator random(1);
    for (int c = 0; c < 2; ++c) {
        const QString folder = QDir(root).filePath(QStringLiteral("class%1").arg(c));
        QDir().mkpath(folder);
        for (int i = 0; i < perClass; ++i) {
            QImage image(px, px, QImage::Format_RGB32);
            image.fill(c == 0 ? QColor(200, 60, 60) : QColor(60, 60, 200));
            for (int n = 0; n < px * px / 4; ++n) {
                image.setPixel(static_cast<int>(random.bounded(px)),
                               static_cast<int>(random.bounded(px)),
                               qRgb(static_cast<int>(random.bounded(256)),
                                    static_cast<int>(random.bounded(256)),
                                    static_cast<int>(random.bounded(256))));
            }
            image.save(QDir(folder).filePath(QStringLiteral("%1.png").arg(i)));
        }
    }
}
} // namespace

int main(int argc, char** argv) {
    tstudio::tuneOpenMpWaiting(argv); // as the app does: measure what users run
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int epochs = option(args, QStringLiteral("--epochs"), QStringLiteral("3")).toInt();
    const int size = option(args, QStringLiteral("--size"), QStringLiteral("64")).toInt();
    const int images = option(args, QStringLiteral("--images"), QStringLiteral("32")).toInt();
    const int batch = option(args, QStringLiteral("--batch"), QStringLiteral("8")).toInt();
    const QString arch = option(args, QStringLiteral("--arch"), QStringLiteral("resnet18"));

    QTemporaryDir data, runs;
    writeImages(data.path(), images / 2, size);
    auto dataset = tstudio::data::openDataset(data.path().toStdString());
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.message().c_str());
        return 1;
    }
    tstudio::ui::ProjectState project;
    project.setDataset(std::move(dataset).value());
    tstudio::training::TrainingConfig config;
    config.arch = arch.toStdString();
    config.fromScratch = true;
    config.inputSize = size;
    config.mode = tstudio::training::TrainMode::FineTune;
    config.epochs = epochs;
    config.batchSize = batch;
    config.augment = false;
    config.outDir = runs.path().toStdString();
    project.setConfig(config);

    tstudio::ui::TrainPage page(&project);
    page.resize(1280, 800);
    page.show();

    std::vector<double> gaps;
    std::vector<double> gapEnds; ///< seconds since the start, for telling where a stall was
    QElapsedTimer sinceTick;
    QElapsedTimer wall;
    QTimer ticker;
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &page, [&] {
        if (sinceTick.isValid()) {
            gaps.push_back(static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
            gapEnds.push_back(static_cast<double>(wall.nsecsElapsed()) / 1e9);
        }
        sinceTick.start();
    });
    bool ok = false;
    double runEndedAt = 0.0;
    QObject::connect(&page, &tstudio::ui::TrainPage::runEnded, &app, [&](bool finished) {
        ok = finished;
        runEndedAt = static_cast<double>(wall.nsecsElapsed()) / 1e9;
        ticker.stop();
        app.quit();
    });
    QTimer::singleShot(0, &page, [&] {
        wall.start();
        ticker.start();
        page.start();
    });
    app.exec();

    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const auto percentile = [&](double p) {
        if (sorted.empty()) {
            return 0.0;
        }
        return sorted[std::min(sorted.size() - 1,
                               static_cast<size_t>(p * static_cast<double>(sorted.size())))];
    };
    QJsonArray longest;
    std::vector<size_t> order(gaps.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return gaps[a] > gaps[b]; });
    for (size_t i = 0; i < std::min<size_t>(5, order.size()); ++i) {
        longest.append(QJsonObject{{QStringLiteral("gap_ms"), gaps[order[i]]},
                                   {QStringLiteral("ended_at_s"), gapEnds[order[i]]}});
    }
    QJsonObject result{
        {QStringLiteral("bench"), QStringLiteral("ui_train_stall")},
        {QStringLiteral("arch"), arch},
        {QStringLiteral("input_size"), size},
        {QStringLiteral("images"), images},
        {QStringLiteral("batch_size"), batch},
        {QStringLiteral("epochs"), epochs},
        {QStringLiteral("threads"), tstudio::useAllCores()},
        {QStringLiteral("run_ok"), ok},
        {QStringLiteral("error"), page.errorText()},
        {QStringLiteral("wall_s"), static_cast<double>(wall.elapsed()) / 1000.0},
        {QStringLiteral("ticks"), static_cast<qint64>(gaps.size())},
        {QStringLiteral("tick_interval_ms"), 5},
        {QStringLiteral("max_gap_ms"), sorted.empty() ? 0.0 : sorted.back()},
        {QStringLiteral("p99_gap_ms"), percentile(0.99)},
        {QStringLiteral("p50_gap_ms"), percentile(0.5)},
        {QStringLiteral("gaps_over_50ms"),
         static_cast<qint64>(
             std::count_if(gaps.begin(), gaps.end(), [](double gap) { return gap > 50.0; }))},
        {QStringLiteral("run_ended_at_s"), runEndedAt},
        {QStringLiteral("longest_gaps"), longest},
        {QStringLiteral("loss_points"),
         page.lossPlot()->pointCount(tstudio::ui::TrainPage::TrainBatchLoss)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return ok ? 0 : 1;
}
