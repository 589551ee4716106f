#include <QTest>

#include <clocale>
#include <cstdint>
#include <string>

#include "core/common/parse_number.h"

using tstudio::parseNumber;

class TestParseNumber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void doubles_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("value");
        QTest::newRow("decimal") << QStringLiteral("0.5") << true << 0.5;
        QTest::newRow("exponent") << QStringLiteral("1e-3") << true << 1e-3;
        QTest::newRow("negative") << QStringLiteral("-2") << true << -2.0;
        QTest::newRow("no leading digit") << QStringLiteral(".25") << true << 0.25;
        QTest::newRow("empty") << QString() << false << 0.0;
        QTest::newRow("leading space") << QStringLiteral(" 1") << false << 0.0;
        QTest::newRow("trailing space") << QStringLiteral("1 ") << false << 0.0;
        QTest::newRow("trailing text") << QStringLiteral("1x") << false << 0.0;
        QTest::newRow("decimal comma") << QStringLiteral("0,5") << false << 0.0;
        QTest::newRow("plus sign") << QStringLiteral("+1") << false << 0.0;
        QTest::newRow("hexadecimal") << QStringLiteral("0x10") << false << 0.0;
        QTest::newRow("infinity") << QStringLiteral("inf") << false << 0.0;
        QTest::newRow("nan") << QStringLiteral("nan") << false << 0.0;
        QTest::newRow("overflow") << QStringLiteral("1e999") << false << 0.0;
    }
    void doubles() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, value);
        const auto parsed = parseNumber<double>(text.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(*parsed, value);
        }
    }

    void floatRangeIsTheFloats() {
        QCOMPARE(parseNumber<float>("0.2").value_or(0), 0.2f);
        QVERIFY(!parseNumber<float>("1e39")); // finite as a double, not as a float
    }

    void integers() {
        QCOMPARE(parseNumber<int>("42").value_or(0), 42);
        QCOMPARE(parseNumber<int>("-7").value_or(0), -7);
        QVERIFY(!parseNumber<int>("4.2"));
        QVERIFY(!parseNumber<int>("1e3"));
        QVERIFY(!parseNumber<int>("99999999999"));
        QVERIFY(!parseNumber<std::uint64_t>("-1"));
        QCOMPARE(parseNumber<std::uint64_t>("18446744073709551615").value_or(0),
                 std::uint64_t{18446744073709551615u});
    }

    // strtod and std::stod follow LC_NUMERIC (which QCoreApplication sets from the environment):
    // in a German locale they would stop at "0.5"'s point. parseNumber must not.
    void ignoresTheProcessLocale() {
        const std::string previous = std::setlocale(LC_NUMERIC, nullptr);
        if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
            QSKIP("the de_DE.UTF-8 locale is not installed");
        }
        const auto parsed = parseNumber<double>("0.5");
        const auto comma = parseNumber<double>("0,5");
        std::setlocale(LC_NUMERIC, previous.c_str());
        QCOMPARE(parsed.value_or(0), 0.5);
        QVERIFY(!comma);
    }
};

QTEST_GUILESS_MAIN(TestParseNumber)
#include "tst_parse_number.moc"
