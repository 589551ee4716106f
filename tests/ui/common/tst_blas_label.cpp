// The status bar's BLAS line: the implementation's name, and a warning with the cure when it is
// the reference BLAS. BlasInfo values come from the path classifier, so no system change is needed.

#include <QTest>

#include "core/common/blas_info.h"
#include "ui/common/blas_label.h"

using tstudio::classifyBlasLibrary;
using tstudio::ui::BlasLabel;

class TestBlasLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAnOptimisedBlas() {
        const BlasLabel label(
            classifyBlasLibrary("/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3"));
        QCOMPARE(label.text(), QStringLiteral("BLAS: OpenBLAS (OpenMP)"));
        QVERIFY2(label.toolTip().contains(
                     QStringLiteral("/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3")),
                 qPrintable(label.toolTip()));
        QVERIFY(!label.toolTip().contains(QStringLiteral("libopenblas0-openmp")));
    }

    void warnsAboutTheReferenceBlas() {
        const BlasLabel label(
            classifyBlasLibrary("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"));
        QVERIFY2(label.text().contains(QStringLiteral("slow")), qPrintable(label.text()));
        QVERIFY2(label.text().contains(QStringLiteral("libopenblas0-openmp")),
                 qPrintable(label.text()));
        QVERIFY2(label.toolTip().contains(QStringLiteral("Linear")), qPrintable(label.toolTip()));
        QVERIFY2(label.toolTip().contains(QStringLiteral("sudo apt install libopenblas0-openmp")),
                 qPrintable(label.toolTip()));
        QVERIFY2(label.toolTip().contains(
                     QStringLiteral("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0")),
                 qPrintable(label.toolTip()));
    }

    void saysWhenNoBlasWasFound() {
        const BlasLabel label(tstudio::BlasInfo{"none found", {}, false});
        QCOMPARE(label.text(), QStringLiteral("BLAS: none found"));
        QVERIFY(!label.toolTip().isEmpty());
    }
};

QTEST_MAIN(TestBlasLabel)
#include "tst_blas_label.moc"
