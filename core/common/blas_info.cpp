#include "core/common/blas_info.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

#include <dlfcn.h>

namespace tstudio {

namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

/** " (OpenMP)", " (pthreads)", " (serial)" or "": Debian's folder suffix, else the file name. */
std::string threadingOf(std::string_view folder, std::string_view file) {
    if (folder.ends_with("-openmp")) {
        return " (OpenMP)";
    }
    if (folder.ends_with("-pthread")) {
        return " (pthreads)";
    }
    if (folder.ends_with("-serial")) {
        return " (serial)";
    }
    // Fedora's OpenBLAS builds: libopenblaso (OpenMP), libopenblasp (pthreads). Debian names
    // every variant's file libopenblasp, which is why its folder is asked first.
    if (file.starts_with("libopenblaso")) {
        return " (OpenMP)";
    }
    if (file.starts_with("libopenblasp")) {
        return " (pthreads)";
    }
    return {};
}

} // namespace

BlasInfo classifyBlasLibrary(const std::string& resolvedPath) {
    const std::filesystem::path path(resolvedPath);
    const std::string folder = lowercase(path.parent_path().filename().string());
    const std::string file = lowercase(path.filename().string());
    BlasInfo info;
    info.library = resolvedPath;
    if (folder == "blas" && file.starts_with("libblas.so")) {
        info.name = "reference BLAS (netlib)";
        info.isReference = true;
    } else if (contains(folder, "openblas") || contains(file, "openblas")) {
        info.name = "OpenBLAS" + threadingOf(folder, file);
    } else if (contains(folder, "blis") || contains(file, "blis")) {
        info.name = "BLIS" + threadingOf(folder, file);
    } else if (contains(folder, "atlas") || contains(file, "atlas")) {
        info.name = "ATLAS";
    } else if (contains(folder, "mkl") || contains(file, "mkl")) {
        info.name = "Intel MKL";
    } else {
        info.name = "unknown";
    }
    return info;
}

BlasInfo loadedBlas() {
    // RTLD_DEFAULT finds the definition the dynamic linker binds LibTorch's sgemm_ calls to.
    Dl_info where{};
    void* symbol = ::dlsym(RTLD_DEFAULT, "sgemm_");
    if (symbol == nullptr || ::dladdr(symbol, &where) == 0 || where.dli_fname == nullptr ||
        where.dli_fname[0] == '\0') {
        return BlasInfo{"none found", {}, false};
    }
    // The loader reports the name it opened (/lib/<triplet>/libblas.so.3); the implementation
    // shows only behind /etc/alternatives.
    std::error_code error;
    const auto resolved = std::filesystem::canonical(where.dli_fname, error);
    return classifyBlasLibrary(error ? std::string(where.dli_fname) : resolved.string());
}

} // namespace tstudio
