// tstudio weights download|inspect: get a backbone's official weights into the hub cache, or
// look inside any weight file (and check it against a backbone) before using it.

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>

#include <unistd.h>

#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/inference/weight_inspection.h"
#include "core/models/registry.h"
#include "core/weights/weight_download.h"
#include "exit_codes.h"
#include "json_output.h"

namespace tstudio::cli {

namespace {

std::atomic_bool g_interrupted{false};

void onInterrupt(int) {
    g_interrupted.store(true);
}

int runDownload(const std::vector<std::string>& args) {
    ArgParser parser("tstudio weights download --arch NAME [--url URL] [--json]",
                     "Downloads the backbone's official torchvision weights into the torch hub\n"
                     "cache ($TORCH_HOME/hub/checkpoints), checks their SHA-256 and reuses a good\n"
                     "file already there. Ctrl+C cancels and leaves nothing behind.");
    parser.addOption("arch", "NAME", "Backbone (see `tstudio models`).");
    parser.addOption("url", "URL", "Download from this address instead (a mirror, file://).");
    parser.addFlag("json", "Print the result as one JSON object.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args) || !parser.positional().empty() ||
        (!parser.helpRequested() && !parser.isSet("arch"))) {
        std::fprintf(stderr, "tstudio weights download: %s\n",
                     parser.error().empty() ? "needs --arch NAME and nothing else"
                                            : parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    const models::BackboneInfo* info = models::findBackbone(parser.value("arch"));
    if (info == nullptr) {
        std::fprintf(stderr, "tstudio weights download: unknown backbone \"%s\"; known: %s\n",
                     parser.value("arch").c_str(), models::knownBackboneNames().c_str());
        return kExitModelUnavailable;
    }
    weights::DownloadOptions options;
    options.url = parser.value("url");
    options.cancel = &g_interrupted;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    options.progress = [terminal](std::int64_t received, std::int64_t total) {
        if (terminal) {
            constexpr double kMiB = 1024.0 * 1024.0;
            if (total > 0) {
                std::fprintf(stderr, "\r%.1f of %.1f MiB (%3.0f %%)", received / kMiB, total / kMiB,
                             100.0 * received / total);
            } else {
                std::fprintf(stderr, "\r%.1f MiB", received / kMiB);
            }
        }
        return true;
    };
    std::signal(SIGINT, onInterrupt);
    auto fetched = weights::fetchOfficialWeights(*info, options);
    std::signal(SIGINT, SIG_DFL);
    if (terminal) {
        std::fputs("\n", stderr);
    }
    if (!fetched) {
        std::fprintf(stderr, "tstudio weights download: %s\n", fetched.message().c_str());
        return kExitModelUnavailable;
    }
    if (parser.isSet("json")) {
        printJsonLine(
            QJsonObject{{QStringLiteral("arch"), QString::fromStdString(info->name)},
                        {QStringLiteral("path"), QString::fromStdString(fetched->string())}});
    } else {
        std::printf("%s\n", fetched->string().c_str());
    }
    return kExitOk;
}

void printSummaryJson(const std::string& path, const inference::WeightFileSummary& s) {
    // int64_t is long here, which QJsonValue has no constructor for (qint64 is long long).
    const auto count = [](std::int64_t n) {
        return static_cast<qint64>(n);
    };
    QJsonObject dtypes;
    for (const auto& [name, tensors] : s.tensorsPerDtype) {
        dtypes.insert(QString::fromStdString(name), count(tensors));
    }
    QJsonObject line{{QStringLiteral("path"), QString::fromStdString(path)},
                     {QStringLiteral("tensors"), count(s.tensorCount)},
                     {QStringLiteral("elements"), count(s.elementCount)},
                     {QStringLiteral("dtypes"), dtypes}};
    if (!s.arch.empty()) {
        line.insert(QStringLiteral("arch"), QString::fromStdString(s.arch));
        line.insert(QStringLiteral("fits"), s.fitsArch);
        line.insert(QStringLiteral("backbone_fits"), s.backboneFits);
        line.insert(QStringLiteral("matched"), count(s.matched));
        line.insert(QStringLiteral("missing"), count(s.missing));
        line.insert(QStringLiteral("unexpected"), count(s.unexpected));
        line.insert(QStringLiteral("mismatched"), count(s.mismatched));
    }
    printJsonLine(line);
}

void printSummaryText(const std::string& path, const inference::WeightFileSummary& s) {
    std::printf("%s\n  %lld tensors, %lld values\n", path.c_str(),
                static_cast<long long>(s.tensorCount), static_cast<long long>(s.elementCount));
    for (const auto& [name, count] : s.tensorsPerDtype) {
        std::printf("  %-9s %lld tensors\n", name.c_str(), static_cast<long long>(count));
    }
    for (const auto& key : s.firstKeys) {
        std::printf("  key: %s\n", key.c_str());
    }
    if (!s.arch.empty()) {
        std::printf("Against %s: %s\n%s\n", s.arch.c_str(),
                    s.fitsArch       ? "fits exactly"
                    : s.backboneFits ? "the backbone fits; the head differs (a new head will train)"
                                     : "does NOT fit",
                    s.report.c_str());
    }
}

int runInspect(const std::vector<std::string>& args) {
    ArgParser parser("tstudio weights inspect [--arch NAME] [--json] FILE...",
                     "Reads weight files (.pth zip or legacy, .safetensors) with the checked\n"
                     "readers (nothing in a file is executed) and lists what they hold; with\n"
                     "--arch, says whether they fit that backbone, key by key.");
    parser.addOption("arch", "NAME", "Compare with this backbone (see `tstudio models`).");
    parser.addFlag("json", "One JSON object per file.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args) || (!parser.helpRequested() && parser.positional().empty())) {
        std::fprintf(stderr, "tstudio weights inspect: %s\n",
                     parser.error().empty() ? "needs at least one FILE" : parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    int status = kExitOk;
    for (const auto& path : parser.positional()) {
        auto summary = inference::inspectWeightFile(path, parser.value("arch"));
        if (!summary) {
            std::fprintf(stderr, "tstudio weights inspect: %s\n", summary.message().c_str());
            status = kExitModelUnavailable;
            continue;
        }
        if (parser.isSet("json")) {
            printSummaryJson(path, *summary);
        } else {
            printSummaryText(path, *summary);
        }
        if (!summary->arch.empty() && !summary->backboneFits) {
            status = kExitModelUnavailable;
        }
    }
    return status;
}

} // namespace

int runWeights(const std::vector<std::string>& args) {
    const std::string usage = "Usage: tstudio weights download|inspect [OPTIONS]\n"
                              "  download  Fetch a backbone's official weights into the hub cache\n"
                              "  inspect   List what weight files hold; check them against a "
                              "backbone\n";
    if (args.empty()) {
        std::fputs(usage.c_str(), stderr);
        return kExitUsage;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "download") {
        return runDownload(rest);
    }
    if (args[0] == "inspect") {
        return runInspect(rest);
    }
    if (args[0] == "--help" || args[0] == "-h") {
        std::fputs(usage.c_str(), stdout);
        return kExitOk;
    }
    std::fputs(usage.c_str(), stderr);
    return kExitUsage;
}

} // namespace tstudio::cli
