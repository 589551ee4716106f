#include <QTest>

#include "core/common/csv_field.h"

class TestCsvField : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainTextStaysAsItIs() {
        QCOMPARE(tstudio::csvField("ants/photo 1.jpg"), std::string("ants/photo 1.jpg"));
        QCOMPARE(tstudio::csvField(""), std::string());
    }
    void separatorsAndQuotesAreQuoted() {
        QCOMPARE(tstudio::csvField("a,b"), std::string("\"a,b\""));
        QCOMPARE(tstudio::csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
        QCOMPARE(tstudio::csvField("two\nlines"), std::string("\"two\nlines\""));
        QCOMPARE(tstudio::csvField("cr\r"), std::string("\"cr\r\""));
    }
};

QTEST_APPLESS_MAIN(TestCsvField)
#include "tst_csv_field.moc"
