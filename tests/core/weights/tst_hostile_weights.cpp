#include <QTest>

#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "core/weights/state_dict.h"
#include "core/weights/tensor_conversion.h"
#include "core/weights/weight_file.h"
#include "weight_fixtures.h"

using namespace tstudio::weights;
using tstudio::test::weightFixture;

namespace {

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

// Parses bytes like readStateDict does; whatever parses must also convert to tensors.
bool parsesAndConverts(const std::string& bytes, bool verifyChecksums) {
    auto records = formats::parseWeightFile(bytes, verifyChecksums);
    if (!records) {
        return false;
    }
    auto dict = tensorsFromRecords(*records, bytes);
    return dict.ok();
}

} // namespace

class TestHostileWeights : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejectsWithClearMessage_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GLOBAL os.system + REDUCE")
            << QStringLiteral("evil_os_system.pth") << QStringLiteral("'posix.system'");
        QTest::newRow("STACK_GLOBAL builtins.eval, legacy")
            << QStringLiteral("evil_eval_legacy.pth") << QStringLiteral("'builtins.eval'");
        QTest::newRow("size overflows int64")
            << QStringLiteral("huge_size.pth") << QStringLiteral("more elements than fit");
        QTest::newRow("stride overflows int64")
            << QStringLiteral("overflow_stride.pth") << QStringLiteral("beyond 64-bit range");
        QTest::newRow("offset past the storage")
            << QStringLiteral("offset_past_end.pth") << QStringLiteral("past the end of its");
        QTest::newRow("negative stride")
            << QStringLiteral("negative_stride.pth") << QStringLiteral("negative stride");
        QTest::newRow("numel larger than storage")
            << QStringLiteral("numel_too_large.pth") << QStringLiteral("claims 1000");
        QTest::newRow("zero strides expanding to terabytes")
            << QStringLiteral("zero_stride_expansion.pth") << QStringLiteral("refusing");
        QTest::newRow("storage member missing")
            << QStringLiteral("missing_storage.pth") << QStringLiteral("has no member");
        QTest::newRow("TorchScript archive")
            << QStringLiteral("torchscript.pt") << QStringLiteral("TorchScript");
        QTest::newRow("zip repacked with deflate")
            << QStringLiteral("deflated_zip.pth") << QStringLiteral("is compressed (method 8)");
        QTest::newRow("zip truncated")
            << QStringLiteral("truncated_zip.pth") << QStringLiteral("truncated");
        QTest::newRow("zip bit flip in tensor data")
            << QStringLiteral("bitflip_zip.pth") << QStringLiteral("CRC-32");
        QTest::newRow("legacy truncated")
            << QStringLiteral("truncated_legacy.pth") << QStringLiteral("truncated");
        QTest::newRow("safetensors truncated")
            << QStringLiteral("truncated.safetensors") << QStringLiteral("truncated");
        QTest::newRow("safetensors header length 2^63")
            << QStringLiteral("huge_header.safetensors") << QStringLiteral("header length");
        QTest::newRow("safetensors offsets past end")
            << QStringLiteral("offsets_past_end.safetensors") << QStringLiteral("data_offsets");
        QTest::newRow("safetensors shape vs bytes") << QStringLiteral("shape_mismatch.safetensors")
                                                    << QStringLiteral("does not match its shape");
    }

    void rejectsWithClearMessage() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::filesystem::path path = weightFixture(file.toStdString());
        QVERIFY(std::filesystem::exists(path));
        auto dict = readStateDict(path);
        QVERIFY(!dict.ok());
        const QString message = QString::fromStdString(dict.message());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(QString::fromStdString(path.string())), qPrintable(message));
    }

    void hostilePicklesRunNothing() {
        const std::filesystem::path marks[] = {"/tmp/tstudio-weights-pwned",
                                               "/tmp/tstudio-weights-pwned-eval"};
        for (const auto& mark : marks) {
            std::filesystem::remove(mark);
        }
        QVERIFY(!readStateDict(weightFixture("evil_os_system.pth")).ok());
        QVERIFY(!readStateDict(weightFixture("evil_eval_legacy.pth")).ok());
        for (const auto& mark : marks) {
            QVERIFY(!std::filesystem::exists(mark));
        }
    }

    void rejectsNonWeightFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("hello world") << QStringLiteral("not a weight file");
        QTest::newRow("git lfs") << QByteArray("version https://git-lfs.github.com/spec/v1\n")
                                 << QStringLiteral("Git LFS");
    }

    void rejectsNonWeightFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        auto records = formats::parseWeightFile(std::string(bytes.constData(), bytes.size()));
        QVERIFY(!records.ok());
        QVERIFY2(QString::fromStdString(records.message()).contains(expected),
                 records.message().c_str());
    }

    void missingFileNamesThePath() {
        auto dict = readStateDict("/nonexistent/weights.pth");
        QVERIFY(!dict.ok());
        QVERIFY2(dict.message().find("/nonexistent/weights.pth") != std::string::npos,
                 dict.message().c_str());
    }

    // Every truncation and every single-byte corruption of the good fixtures must either parse
    // or fail cleanly; none may crash (the fuzzers go further, this runs in every test build).
    void corruptedFilesNeverCrash_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("zip") << QStringLiteral("dtypes_zip.pth");
        QTest::newRow("legacy") << QStringLiteral("dtypes_legacy.pth");
        QTest::newRow("safetensors") << QStringLiteral("python.safetensors");
    }

    void corruptedFilesNeverCrash() {
        QFETCH(QString, file);
        const std::string good = readBytes(weightFixture(file.toStdString()));
        QVERIFY(parsesAndConverts(good, true));
        int parsed = 0;
        for (std::size_t length = 0; length < good.size(); ++length) {
            parsed += parsesAndConverts(good.substr(0, length), true);
        }
        QCOMPARE(parsed, 0); // no prefix of a file is a valid file of these formats
        for (std::size_t i = 0; i < good.size(); ++i) {
            std::string bad = good;
            bad[i] = static_cast<char>(bad[i] ^ 0x5A);
            parsesAndConverts(bad, /*verifyChecksums=*/false); // reaches deepest into the parsers
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileWeights)
#include "tst_hostile_weights.moc"
