// libFuzzer target: a project file (`*.tsproj`), read as File > Open and `tstudio --data` read
// it (core/project/project_json.cpp): the JSON, its migrations, the embedded dataset with every
// sample's path, label, split and exclusion, the training settings and the run history. A
// project is a file on disk, so untrusted. What parses must also write and parse again.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/project/project_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    namespace project = tstudio::project;
    const QByteArray data(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    const auto parsed = project::projectFromJson(data, "/nonexistent/fuzz/p.tsproj");
    if (!parsed) {
        return 0;
    }
    const QByteArray written = project::projectToJson(*parsed, "/nonexistent/fuzz/p.tsproj");
    const auto again = project::projectFromJson(written, "/nonexistent/fuzz/p.tsproj");
    if (!again || again->dataset.dataset.size() != parsed->dataset.dataset.size() ||
        again->runs.size() != parsed->runs.size()) {
        __builtin_trap(); // what we write, we read back
    }
    return 0;
}
