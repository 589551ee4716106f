// Dataset problems reach a window in its language: each is a template of the "DatasetProblem"
// context plus the texts that fill it. The English message is that template filled in; with a
// translator installed the same arguments fill the translated template; and every template the
// dataset check writes has a German translation in translations/transfer-studio_de.ts.

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "core/data/dataset_inspector.h"
#include "core/data/dataset_opener.h"
#include "core/data/problem_text.h"
#include "dataset_fixtures.h"
#include "tests/translation_file.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

/** Translates one source text of the "DatasetProblem" context, as a loaded .qm file would. */
class OneMessageTranslator final : public QTranslator {
public:
    OneMessageTranslator(const char* source, QString translation)
        : m_source(source), m_translation(std::move(translation)) {}
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char*,
                      int) const override {
        return qstrcmp(context, "DatasetProblem") == 0 && m_source == sourceText ? m_translation
                                                                                 : QString();
    }

private:
    QByteArray m_source;
    QString m_translation;
};

/** The source texts of the "DatasetProblem" context that have a finished translation. */
QSet<QString> translatedProblemTexts(const QString& tsFile) {
    const QString prefix = QStringLiteral("DatasetProblem\n");
    QSet<QString> translated;
    for (const QString& entry : test::finishedTranslations(tsFile)) {
        if (entry.startsWith(prefix)) {
            translated.insert(entry.mid(prefix.size()));
        }
    }
    return translated;
}

} // namespace

class TestProblemText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fillsEachPlaceholderOnce() {
        QCOMPARE(fillProblemText(QStringLiteral("%1 of %2 at 100 %"), {"a%2", "b"}),
                 QStringLiteral("a%2 of b at 100 %"));
        QCOMPARE(fillProblemText(QStringLiteral("%2, %1, %3"), {"x", "y"}),
                 QStringLiteral("y, x, %3"));
        const DatasetProblem problem = makeProblem(
            ProblemKind::TooFewImages, "class \"%1\" has %2 images", {"cat", "0"}, {"cat"});
        QCOMPARE(problem.message, std::string("class \"cat\" has 0 images"));
        QCOMPARE(problem.items, std::vector<std::string>{"cat"});
    }

    void translatesTheTemplateThenFillsIt() {
        const DatasetProblem problem =
            makeProblem(ProblemKind::Imbalance, "\"%1\" has %2 images", {"cat", "12"}, {"cat"});
        QCOMPARE(translatedMessage(problem), QStringLiteral("\"cat\" has 12 images"));
        OneMessageTranslator german("\"%1\" has %2 images", QStringLiteral("„%1“ hat %2 Bilder"));
        QVERIFY(QCoreApplication::installTranslator(&german));
        QCOMPARE(translatedMessage(problem), QStringLiteral("„cat“ hat 12 Bilder"));
        // A message with no template (another source's words) is shown as it is.
        DatasetProblem plain;
        plain.message = "\"%1\" has %2 images";
        QCOMPARE(translatedMessage(plain), QStringLiteral("\"%1\" has %2 images"));
        QCoreApplication::removeTranslator(&german);
    }

    void everyProblemOfTheCheckHasAGermanTemplate() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        for (int i = 0; i < 8; ++i) {
            test::writeBytes(root / "train/big" / (std::to_string(i) + ".png"),
                             test::pngBytes(40, 30, i));
        }
        test::writeBytes(root / "train/small/a.jpg", test::jpegBytes(40, 40, 100));
        test::writeBytes(root / "val/small/b.jpg", test::jpegBytes(40, 40, 100)); // same bytes
        test::writeBytes(root / "train/small/c.jpg", test::jpegBytes(40, 40, 101));
        test::writeBytes(root / "train/small/d.jpg", test::jpegBytes(40, 40, 101)); // same split
        test::writeBytes(root / "val/big/tiny.png", test::pngBytes(10, 12, 50));
        auto jpeg = test::jpegBytes(40, 40, 7);
        jpeg.resize(jpeg.size() / 2);
        test::writeBytes(root / "val/big/cut.jpg", jpeg);
        test::writeText(root / "val/big/empty.jpg", "");
        test::writeText(root / "val/big/text.jpg", "this is a text file, not a picture");
        test::writeBytes(root / "val/lonely/x.bmp", test::pngBytes(40, 30, 9)); // PNG named .bmp

        auto dataset = openDataset(root);
        if (!dataset) {
            QFAIL(dataset.message().c_str());
        }
        InspectOptions options;
        options.inputSize = 20;
        auto report = inspectDataset(*dataset, options);
        if (!report) {
            QFAIL(report.message().c_str());
        }

        const QSet<QString> german = translatedProblemTexts(
            QStringLiteral(TSTUDIO_SOURCE_DIR "/translations/transfer-studio_de.ts"));
        QVERIFY(!german.isEmpty());
        QSet<ProblemKind> kinds;
        for (const DatasetProblem& problem : report->problems) {
            kinds.insert(problem.kind);
            QVERIFY2(!problem.text.empty(), problem.message.c_str());
            QCOMPARE(QString::fromStdString(problem.message),
                     fillProblemText(QString::fromStdString(problem.text), problem.args));
            QVERIFY2(german.contains(QString::fromStdString(problem.text)), problem.text.c_str());
        }
        for (const ProblemKind kind :
             {ProblemKind::ZeroByte, ProblemKind::NotAnImage, ProblemKind::Truncated,
              ProblemKind::WrongExtension, ProblemKind::Duplicate,
              ProblemKind::DuplicateAcrossSplits, ProblemKind::TooSmall, ProblemKind::TooFewImages,
              ProblemKind::Imbalance}) {
            QVERIFY2(kinds.contains(kind), problemKindName(kind).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestProblemText)
#include "tst_problem_text.moc"
