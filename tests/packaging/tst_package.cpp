// The Debian package as a user gets it: cpack packs this build folder, dpkg -x unpacks the
// package into a scratch root, and the executables run from there; the desktop entry and the
// AppStream metadata pass their validators, and dpkg-shlibdeps filled in the dependencies.

#include <filesystem>
#include <string>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/core/data/dataset_fixtures.h"

namespace fs = std::filesystem;

namespace {

struct Ran {
    int exitCode = -1; ///< -1 when the process did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QByteArray both() const { return out + err; }
};

/** Runs program with args (5 minutes at most); env entries are NAME=value, NAME= removes one. */
Ran run(const QString& program, const QStringList& args, const QStringList& env = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : env) {
        const QString name = entry.section(QLatin1Char('='), 0, 0);
        const QString value = entry.section(QLatin1Char('='), 1);
        if (value.isEmpty()) {
            environment.remove(name);
        } else {
            environment.insert(name, value);
        }
    }
    process.setProcessEnvironment(environment);
    process.start(program, args);
    Ran ran;
    if (!process.waitForStarted()) {
        ran.err = process.errorString().toUtf8();
        return ran;
    }
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
    }
    ran.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    ran.out = process.readAllStandardOutput();
    ran.err = process.readAllStandardError();
    return ran;
}

/** The tools this test needs and the Debian package each comes from (cmake/studio.sh installs
 * them). */
struct Tool {
    const char* name;
    const char* package;
};
constexpr Tool kTools[] = {{"dpkg", "dpkg"},
                           {"dpkg-deb", "dpkg"},
                           {"dpkg-shlibdeps", "dpkg-dev"},
                           {"desktop-file-validate", "desktop-file-utils"},
                           {"appstreamcli", "appstream"}};

} // namespace

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir m_scratch;
    QString m_deb;
    QString m_root;

    QString installed(const char* relative) const {
        return m_root + QLatin1Char('/') + QLatin1String(relative);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_scratch.isValid());
        for (const Tool& tool : kTools) {
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool.name)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: install the Debian package %2 "
                                               "(cmake/studio.sh test does)")
                                    .arg(QLatin1String(tool.name), QLatin1String(tool.package))));
        }
        const QString packages = m_scratch.filePath(QStringLiteral("packages"));
        const Ran packed =
            run(QStringLiteral(TSTUDIO_CPACK),
                {QStringLiteral("--config"), QStringLiteral(TSTUDIO_CPACK_CONFIG),
                 QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), packages});
        QVERIFY2(packed.exitCode == 0, packed.both().constData());
        const QStringList debs =
            QDir(packages).entryList({QStringLiteral("*.deb")}, QDir::Files, QDir::Name);
        QCOMPARE(debs.size(), 1);
        m_deb = packages + QLatin1Char('/') + debs.front();
        m_root = m_scratch.filePath(QStringLiteral("root"));
        const Ran unpacked = run(QStringLiteral("dpkg"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(unpacked.exitCode == 0, unpacked.both().constData());
    }

    void holdsTheExecutablesAndTheDesktopIntegration() {
        QStringList files{QStringLiteral("usr/bin/tstudio")};
        if (TSTUDIO_PACKAGE_HAS_GUI) {
            files << QStringLiteral("usr/bin/transfer-studio")
                  << QStringLiteral(
                         "usr/share/applications/io.transferstudio.TransferStudio.desktop")
                  << QStringLiteral(
                         "usr/share/metainfo/io.transferstudio.TransferStudio.metainfo.xml")
                  << QStringLiteral("usr/share/icons/hicolor/scalable/apps/transfer-studio.svg");
        }
        for (const QString& file : files) {
            QVERIFY2(QFileInfo::exists(m_root + QLatin1Char('/') + file), qPrintable(file));
        }
        QVERIFY(QFileInfo(installed("usr/bin/tstudio")).isExecutable());
    }

    void dependsOnWhatTheExecutablesLink() {
        const Ran fields = run(QStringLiteral("dpkg-deb"),
                               {QStringLiteral("--field"), m_deb, QStringLiteral("Depends")});
        QCOMPARE(fields.exitCode, 0);
        // Written by dpkg-shlibdeps from the executables' libraries, with minimum versions.
        for (const char* library : {"libc6 (>= ", "libqt6core6 (>= ", "libstdc++6 (>= "}) {
            QVERIFY2(fields.out.contains(library), fields.out.constData());
        }
        QVERIFY2(fields.out.contains("libopenblas0-openmp"), fields.out.constData());
    }

    void desktopEntryAndMetainfoPassTheirValidators() {
        if (!TSTUDIO_PACKAGE_HAS_GUI) {
            QSKIP("built without the GUI: no desktop entry");
        }
        const Ran desktop =
            run(QStringLiteral("desktop-file-validate"),
                {installed("usr/share/applications/io.transferstudio.TransferStudio.desktop")});
        QVERIFY2(desktop.exitCode == 0, desktop.both().constData());
        // Not even a hint (e.g. two main categories, the app listed twice in a menu).
        QVERIFY2(desktop.both().trimmed().isEmpty(), desktop.both().constData());
        const Ran metainfo =
            run(QStringLiteral("appstreamcli"),
                {QStringLiteral("validate"), QStringLiteral("--no-net"),
                 installed("usr/share/metainfo/io.transferstudio.TransferStudio.metainfo.xml")});
        QVERIFY2(metainfo.exitCode == 0, metainfo.both().constData());
        // The installed tree as a whole: the launchable .desktop file is where it says.
        const Ran tree = run(QStringLiteral("appstreamcli"),
                             {QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_root});
        QVERIFY2(tree.exitCode == 0, tree.both().constData());
    }

    void installedCliListsTheModels() {
        const Ran models = run(installed("usr/bin/tstudio"), {QStringLiteral("models")});
        QVERIFY2(models.exitCode == 0, models.both().constData());
        QVERIFY2(models.out.contains("mobilenet_v2") && models.out.contains("resnet50"),
                 models.out.constData());
    }

    void installedCliTrainsAndExports() {
        const fs::path data = fs::path(m_scratch.path().toStdString()) / "data";
        int seed = 1;
        for (const char* split : {"train", "val"}) {
            for (const char* name : {"cats", "dogs"}) {
                for (int i = 0; i < 4; ++i, ++seed) {
                    tstudio::test::writeBytes(data / split / name / (std::to_string(i) + ".png"),
                                              tstudio::test::pngBytes(48, 48, seed));
                }
            }
        }
        const QString tstudio = installed("usr/bin/tstudio");
        const QString runDir = m_scratch.filePath(QStringLiteral("run"));
        const Ran trained =
            run(tstudio, {QStringLiteral("train"), QStringLiteral("--data"),
                          QString::fromStdString(data.string()), QStringLiteral("--out"), runDir,
                          QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--arch"),
                          QStringLiteral("mobilenet_v3_small"), QStringLiteral("--weights"),
                          QStringLiteral("none"), QStringLiteral("--size"), QStringLiteral("32"),
                          QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(trained.exitCode == 0, trained.both().constData());
        const QString out = m_scratch.filePath(QStringLiteral("model.pth"));
        const Ran exported =
            run(tstudio, {QStringLiteral("export"), QStringLiteral("--model"),
                          runDir + QStringLiteral("/model.tsmodel"), QStringLiteral("--format"),
                          QStringLiteral("pth"), QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, exported.both().constData());
        QVERIFY2(exported.out.contains("Verified"), exported.out.constData());
        for (const char* suffix : {"", ".json", ".md"}) {
            QVERIFY2(QFileInfo::exists(out + QLatin1String(suffix)), suffix);
        }
    }

    void installedGuiStartsInGermanFromItsOwnTranslations() {
        if (!TSTUDIO_PACKAGE_HAS_GUI) {
            QSKIP("built without the GUI");
        }
        const QString gui = installed("usr/bin/transfer-studio");
        const Ran version = run(gui, {QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0, version.both().constData());
        QVERIFY2(version.out.contains(TSTUDIO_VERSION), version.out.constData());
        // The translations are compiled into the executable: its help changes with the language.
        const QStringList noLocale{QStringLiteral("LC_ALL="), QStringLiteral("LC_MESSAGES="),
                                   QStringLiteral("LANGUAGE=")};
        const Ran english =
            run(gui, {QStringLiteral("--help")}, noLocale + QStringList{QStringLiteral("LANG=C")});
        const Ran german = run(gui, {QStringLiteral("--help")},
                               noLocale + QStringList{QStringLiteral("LANG=de_DE.UTF-8")});
        QCOMPARE(english.exitCode, 0);
        QCOMPARE(german.exitCode, 0);
        QVERIFY2(english.out.contains("Interactive transfer learning"), english.out.constData());
        QVERIFY2(!german.out.contains("Interactive transfer learning"), german.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
