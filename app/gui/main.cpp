#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "ui/classify/classify_page.h"
#include "ui/main_window.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TransferStudio"));
    QApplication::setApplicationName(QStringLiteral("Transfer Studio"));
    QApplication::setApplicationVersion(QStringLiteral(TSTUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/transfer-studio.svg")));

    // The app's own strings, then Qt's (dialog buttons), in the system language when we have it.
    QTranslator appTranslator;
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
    // The dataset opens off the GUI thread: the window shows at once and fills in.
    window.openStartDataset(parser.isSet(demo));
    if (!parser.positionalArguments().isEmpty()) {
        window.classifyPage()->classifyFiles(parser.positionalArguments());
    }
    return QApplication::exec();
}
