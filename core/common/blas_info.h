#pragma once

#include <string>

namespace tstudio {

/**
 * The BLAS library that serves LibTorch's matrix products (every Linear layer, and convolutions
 * that fall back to im2col + GEMM). Debian's LibTorch calls whatever `libblas.so.3` the
 * alternatives system selects; the reference (netlib) one is 20-25x slower than OpenBLAS.
 */
struct BlasInfo {
    std::string name;         ///< "OpenBLAS (OpenMP)", "reference BLAS (netlib)", "unknown", ...
    std::string library;      ///< the library's resolved path; empty when none was found
    bool isReference = false; ///< the unoptimised netlib implementation
};

/**
 * Classifies a BLAS library by its resolved path (symbolic links already followed): Debian keeps
 * each implementation in its own folder under /usr/lib/<triplet>/ (`blas/` for netlib,
 * `openblas-openmp/`, `blis-pthread/`, `atlas/`, ...), other distributions name the file
 * (`libopenblaso.so.0`, `libmkl_rt.so`). A path it does not recognise gives "unknown". Pure: reads
 * nothing from the file system. Any thread.
 */
BlasInfo classifyBlasLibrary(const std::string& resolvedPath);

/**
 * The BLAS this process calls: the library that defines `sgemm_` for the process's global symbol
 * lookup (the single-precision GEMM LibTorch calls), with symbolic links resolved, then
 * classified. Name "none found" and an empty library when no loaded library exports a BLAS.
 * Cheap (no matrix product runs); any thread.
 */
BlasInfo loadedBlas();

} // namespace tstudio
