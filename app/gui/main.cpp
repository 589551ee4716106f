#include <QApplication>
#include <QByteArray>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "core/common/threads.h"
#include "core/training/local_data_parallel.h"
#include "ui/classify/classify_page.h"
#include "ui/main_window.h"

namespace {

/**
 * Finds the translations of namespaced classes. moc names a class's tr() context with its
 * namespace ("tstudio::ui::DataPage"), but lupdate does not read `namespace a::b {` and files
 * the strings under the bare class name ("DataPage"), so the namespace is dropped for the lookup.
 */
class BareContextTranslator final : public QTranslator {
public:
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override {
        const QByteArray full(context);
        const qsizetype colon = full.lastIndexOf("::");
        const QByteArray bare = colon < 0 ? full : full.mid(colon + 2);
        return QTranslator::translate(bare.constData(), sourceText, disambiguation, n);
    }
};

} // namespace

int main(int argc, char* argv[]) {
    // Training runs in this process too: idle OpenMP threads must not spin against the loader.
    tstudio::tuneOpenMpWaiting(argv); // before anything else: it may re-execute us
    // A helper rank of a run the window trains on several processes: no window, just the run.
    if (const auto job = tstudio::training::helperRankJob(argc, argv)) {
        return tstudio::training::runHelperRank(*job);
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TransferStudio"));
    QApplication::setApplicationName(QStringLiteral("Transfer Studio"));
    QApplication::setApplicationVersion(QStringLiteral(TSTUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/transfer-studio.svg")));
    // Wayland names the window by this id: the installed .desktop file gives it its icon and name.
    QApplication::setDesktopFileName(QStringLiteral("io.transferstudio.TransferStudio"));

    // The app's own strings, then Qt's (dialog buttons), in the system language when we have it.
    BareContextTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("transfer-studio"), QStringLiteral("_"),
                           QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&appTranslator);
    }
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Interactive transfer learning on images."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption backbone(
        QStringLiteral("backbone"),
        QApplication::translate("main", "Backbone to select at start (e.g. mobilenet_v2)."),
        QStringLiteral("name"));
    parser.addOption(backbone);
    const QCommandLineOption weights(
        QStringLiteral("weights"),
        QApplication::translate("main", "Weights file (.pth/.safetensors) for that backbone."),
        QStringLiteral("file"));
    parser.addOption(weights);
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Start on a freshly drawn demo project (a small dataset "
                                        "of shapes) instead of the dataset opened last time."));
    parser.addOption(demo);
    parser.addPositionalArgument(QStringLiteral("images"),
                                 QApplication::translate("main", "Images to classify at start."),
                                 QStringLiteral("[images...]"));
    parser.process(app);

    tstudio::ui::MainWindow window;
    if (parser.isSet(backbone)) {
        window.selectBackbone(parser.value(backbone));
    }
    if (parser.isSet(weights)) {
        window.useWeightsFile(QFileInfo(parser.value(weights)).absoluteFilePath());
    }
    window.show();
    // What a crash left unsaved comes first; else the dataset opens off the GUI thread: the
    // window shows at once and fills in.
    if (!window.offerRecovery()) {
        window.openStartDataset(parser.isSet(demo));
    }
    if (!parser.positionalArguments().isEmpty()) {
        window.showPageOf(window.classifyPage());
        window.classifyPage()->classifyFiles(parser.positionalArguments());
    }
    return QApplication::exec();
}
