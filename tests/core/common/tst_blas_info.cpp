// Which BLAS serves LibTorch: the path classifier on the paths Debian and others install, and the
// look-up in this process (linked with LibTorch, so a BLAS is loaded through libtorch_cpu).

#include <filesystem>

#include <QTest>

#include <torch/torch.h>

#include "core/common/blas_info.h"

using tstudio::BlasInfo;
using tstudio::classifyBlasLibrary;
using tstudio::loadedBlas;

class TestBlasInfo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classifiesByPath_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("reference");
        QTest::newRow("netlib") << "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"
                                << "reference BLAS (netlib)" << true;
        QTest::newRow("netlib arm64") << "/usr/lib/aarch64-linux-gnu/blas/libblas.so.3"
                                      << "reference BLAS (netlib)" << true;
        QTest::newRow("openblas openmp") << "/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3"
                                         << "OpenBLAS (OpenMP)" << false;
        QTest::newRow("openblas openmp core")
            << "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblasp-r0.3.21.so"
            << "OpenBLAS (OpenMP)" << false;
        QTest::newRow("openblas pthread")
            << "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"
            << "OpenBLAS (pthreads)" << false;
        QTest::newRow("openblas serial") << "/usr/lib/x86_64-linux-gnu/openblas-serial/libblas.so.3"
                                         << "OpenBLAS (serial)" << false;
        QTest::newRow("fedora openblas openmp") << "/usr/lib64/libopenblaso-r0.3.26.so"
                                                << "OpenBLAS (OpenMP)" << false;
        QTest::newRow("blis") << "/usr/lib/x86_64-linux-gnu/blis-openmp/libblas.so.3"
                              << "BLIS (OpenMP)" << false;
        QTest::newRow("atlas") << "/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3.10.3"
                               << "ATLAS" << false;
        QTest::newRow("mkl") << "/usr/lib/x86_64-linux-gnu/libmkl_rt.so"
                             << "Intel MKL" << false;
        // A netlib-named file outside Debian's blas/ folder proves nothing about what it is.
        QTest::newRow("unknown") << "/opt/vendor/lib/libblas.so.3"
                                 << "unknown" << false;
        QTest::newRow("blas folder, other library") << "/usr/lib/x86_64-linux-gnu/blas/libcustom.so"
                                                    << "unknown" << false;
    }
    void classifiesByPath() {
        QFETCH(QString, path);
        QFETCH(QString, name);
        QFETCH(bool, reference);
        const BlasInfo info = classifyBlasLibrary(path.toStdString());
        QCOMPARE(QString::fromStdString(info.name), name);
        QCOMPARE(info.isReference, reference);
        QCOMPARE(QString::fromStdString(info.library), path);
    }

    void findsTheBlasThisProcessCalls() {
        // A matrix product through LibTorch: the BLAS it binds to is the one being looked up.
        const auto product = torch::mm(torch::ones({64, 64}), torch::ones({64, 64}));
        QCOMPARE(product[0][0].item<float>(), 64.0f);
        const BlasInfo info = loadedBlas();
        QVERIFY2(!info.library.empty(), info.name.c_str());
        QVERIFY2(std::filesystem::is_regular_file(info.library), info.library.c_str());
        // Resolved: no link left to follow (Debian's libblas.so.3 sits behind /etc/alternatives).
        QVERIFY2(!std::filesystem::is_symlink(info.library), info.library.c_str());
        QCOMPARE(info.name, classifyBlasLibrary(info.library).name);
        qInfo("BLAS: %s (%s)", info.name.c_str(), info.library.c_str());
    }
};

QTEST_GUILESS_MAIN(TestBlasInfo)
#include "tst_blas_info.moc"
