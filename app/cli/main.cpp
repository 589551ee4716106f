// tstudio: the command-line face of Transfer Studio. Parses the command name and hands the rest
// of the arguments to that command (commands.cpp lists them).

#include <cstdio>
#include <string>
#include <vector>

#include <QCoreApplication>

#include "commands.h"
#include "core/common/threads.h"
#include "exit_codes.h"

namespace {

void printUsage(std::FILE* out) {
    std::string text = "Usage: tstudio COMMAND [OPTIONS] [ARGS...]\n\nCommands:\n";
    for (const auto& command : tstudio::cli::commands()) {
        text += "  " + std::string(command.name) +
                std::string(12 - std::string(command.name).size(), ' ') + command.summary + "\n";
    }
    text += "\nRun `tstudio COMMAND --help` for a command's options.\n\n" +
            tstudio::cli::exitCodesHelp();
    std::fputs(text.c_str(), out);
}

} // namespace

int main(int argc, char** argv) {
    tstudio::tuneOpenMpWaiting(argv); // before anything else: it may re-execute us
    // Qt's image plugins (GIF, ICO) need no GUI application; a core application is enough.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tstudio"));

    if (argc < 2) {
        printUsage(stderr);
        return tstudio::cli::kExitUsage;
    }
    const std::string name = argv[1];
    if (name == "-h" || name == "--help" || name == "help") {
        printUsage(stdout);
        return tstudio::cli::kExitOk;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& command : tstudio::cli::commands()) {
        if (name == command.name) {
            return command.run(args);
        }
    }
    std::fprintf(stderr, "tstudio: unknown command \"%s\"\n\n", name.c_str());
    printUsage(stderr);
    return tstudio::cli::kExitUsage;
}
