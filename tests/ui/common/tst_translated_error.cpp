// core's own words about weight files and training runs reach the window in German when the
// German translation is installed (the .qm built from translations/transfer-studio_de.ts), and
// stay exactly core's English without it; every template core words such messages with has a
// finished German translation.

#include <filesystem>

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "core/common/file_messages.h"
#include "core/training/training_guard.h"
#include "core/training/training_messages.h"
#include "core/training/transfer_net.h"
#include "core/weights/state_dict.h"
#include "core/weights/weight_messages.h"
#include "tests/translation_file.h"
#include "ui/common/failure_message.h"

using namespace tstudio;
using tstudio::ui::failureMessage;
using tstudio::ui::translatedError;

namespace {

/** The German translation, loaded from the build's .qm file and installed while it lives. */
class GermanInstalled {
public:
    bool install() {
        m_installed = m_translator.load(QStringLiteral("transfer-studio_de"),
                                        QStringLiteral(TSTUDIO_QM_DIR)) &&
                      QCoreApplication::installTranslator(&m_translator);
        return m_installed;
    }
    ~GermanInstalled() {
        if (m_installed) {
            QCoreApplication::removeTranslator(&m_translator);
        }
    }

private:
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace

class TestTranslatedError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aWeightFileOfUnknownFormat() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.pth"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a weights file");
        file.close();
        auto dict = weights::readStateDict(path.toStdString());
        QVERIFY(!dict);
        // The English sentence core reports (and the CLI prints) is unchanged by the templates.
        const std::string english =
            "Cannot read weights from " + path.toStdString() +
            ": not a weight file this program knows: expected a PyTorch .pth/.pt (saved with "
            "torch.save) or a .safetensors file.";
        QCOMPARE(dict.message(), english);
        QCOMPARE(translatedError(dict.message()), QString::fromStdString(english));

        GermanInstalled german;
        QVERIFY2(german.install(), TSTUDIO_QM_DIR);
        QCOMPARE(translatedError(dict.message()),
                 QStringLiteral("Die Gewichte aus %1 lassen sich nicht lesen: Dies ist keine "
                                "Gewichtsdatei, die dieses Programm kennt: erwartet wird eine "
                                "PyTorch-Datei .pth/.pt (mit torch.save gespeichert) oder eine "
                                ".safetensors-Datei.")
                     .arg(path));
    }

    void weightsThatDoNotFitTheModel() {
        torch::nn::Linear linear(3, 2);
        weights::StateDict dict{{"weight", torch::zeros({2, 4})}, {"extra", torch::zeros({1})}};
        auto loaded = weights::loadStateDict(*linear, dict, weights::LoadPolicy::Strict);
        QVERIFY(!loaded);
        QCOMPARE(loaded.message(),
                 std::string("The weights do not fit the model, so nothing was loaded. 0 of 2 "
                             "model tensors match the file.\nMissing from the file (1): bias\n"
                             "In the file but not in the model (1): extra\n"
                             "Different shape (1): weight (model [2, 3], file [2, 4])"));
        GermanInstalled german;
        QVERIFY(german.install());
        QCOMPARE(translatedError(loaded.message()),
                 QStringLiteral("Die Gewichte passen nicht zum Modell; es wurde nichts geladen. "
                                "0 von 2 Tensoren des Modells passen zur Datei.\n"
                                "In der Datei fehlen (1): bias\n"
                                "In der Datei, aber nicht im Modell (1): extra\n"
                                "Andere Form (1): weight (Modell [2, 3], Datei [2, 4])"));
    }

    void trainingFailures() {
        training::TrainingConfig config;
        config.device = "cpu";
        config.batchSize = 64;
        config.inputSize = 224;
        const Error memory = training::outOfMemory(config, "");
        QCOMPARE(memory.kind, ErrorKind::OutOfMemory);
        QCOMPARE(memory.message, std::string("Out of memory on cpu with batch size 64 at input "
                                             "size 224: use a smaller batch size or input size."));
        QCOMPARE(failureMessage(memory), ui::failureAdvice(ErrorKind::OutOfMemory) +
                                             QLatin1Char('\n') +
                                             QString::fromStdString(memory.message));

        config.arch = "resnet18";
        auto oneClass = training::TransferNet::create(config, 1);
        QVERIFY(!oneClass);
        QCOMPARE(oneClass.errorKind(), ErrorKind::Dataset);

        GermanInstalled german;
        QVERIFY(german.install());
        QCOMPARE(translatedError(memory.message),
                 QStringLiteral("Kein Speicher mehr frei auf cpu bei Batchgröße 64 und "
                                "Eingabegröße 224: Verwenden Sie eine kleinere Batchgröße oder "
                                "Eingabegröße."));
        QCOMPARE(translatedError(oneClass.message()),
                 QStringLiteral("Zum Trainieren eines Klassifikators braucht es mindestens zwei "
                                "Klassen mit beschrifteten Bildern; dieser Datensatz hat 1."));
        // The explanation of the kind and core's words: both German.
        QCOMPARE(failureMessage(memory), ui::failureAdvice(ErrorKind::OutOfMemory) +
                                             QLatin1Char('\n') + translatedError(memory.message));
        QVERIFY2(!failureMessage(memory).contains(QStringLiteral("memory")),
                 qPrintable(failureMessage(memory)));
    }

    void everyTemplateHasAGermanTranslation() {
        const QSet<QString> finished = tstudio::test::finishedTranslations(
            QStringLiteral(TSTUDIO_SOURCE_DIR "/translations/transfer-studio_de.ts"));
        QVERIFY(!finished.isEmpty());
        for (const std::span<const MessageTemplate> list :
             {std::span<const MessageTemplate>(weights::kWeightMessages),
              std::span<const MessageTemplate>(training::kTrainingMessages),
              std::span<const MessageTemplate>(kFileMessages)}) {
            for (const MessageTemplate& entry : list) {
                const QString key = QString::fromUtf8(entry.context) + QLatin1Char('\n') +
                                    QString::fromUtf8(entry.text);
                QVERIFY2(finished.contains(key), entry.text);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslatedError)
#include "tst_translated_error.moc"
