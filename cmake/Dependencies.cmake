# Third-party packages, all from Debian bookworm (see cmake/studio.sh for the apt list).
# LibTorch 2.x with CUDA works too: point CMAKE_PREFIX_PATH at it.
find_package(Torch REQUIRED)
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs dnn)
# libpng and libjpeg(-turbo) directly: huge PNGs are decoded row by row at reduced size, JPEGs
# for the decode-once cache at 1/2, 1/4 or 1/8 scale straight to RGB (core/imaging).
find_package(PNG REQUIRED)
find_package(JPEG REQUIRED)
# zlib's crc32 checks and writes the CRC-32 of .pth zip members (core/weights).
find_package(ZLIB REQUIRED)
# xxHash's XXH3: content keys of the decode cache and duplicate detection (core/data). No CMake
# package in Debian's libxxhash-dev: pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

set(_tstudio_qt_components Core Gui Network)
if(TSTUDIO_BUILD_TESTS)
    list(APPEND _tstudio_qt_components Test)
endif()
if(TSTUDIO_BUILD_GUI)
    list(APPEND _tstudio_qt_components Widgets PrintSupport) # QCustomPlot links PrintSupport
endif()
find_package(Qt6 6.2 REQUIRED COMPONENTS ${_tstudio_qt_components})
if(TSTUDIO_BUILD_GUI)
    find_package(QCustomPlotQt6 REQUIRED)
endif()
set(CMAKE_AUTOMOC ON)
set(CMAKE_AUTORCC ON)

# LibTorch's CMake config exports a plain `torch` target whose flags are not all usage
# requirements; wrap it once so every consumer gets the same ABI and include set.
if(NOT TARGET tstudio_torch)
    add_library(tstudio_torch INTERFACE)
    target_link_libraries(tstudio_torch INTERFACE ${TORCH_LIBRARIES})
    separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
    target_compile_options(tstudio_torch INTERFACE ${_torch_flags})
endif()
