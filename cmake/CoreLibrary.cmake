# tstudio_core_library(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
#
# One static library per folder of core/. All of them see the repository root as include root
# (`#include "core/models/backbone.h"`), link LibTorch and Qt Core, and share one precompiled
# torch/torch.h: torch's headers dominate build time, so they are parsed once per build.
function(tstudio_core_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name}
        PUBLIC tstudio_options Qt6::Core ${ARG_PUBLIC_DEPS}
        PRIVATE tstudio_torch ${ARG_PRIVATE_DEPS})
    tstudio_use_torch_pch(${name})
endfunction()

# Reuse the one torch PCH (built by tstudio_common) in another target that includes torch.
function(tstudio_use_torch_pch target)
    if(NOT target STREQUAL "tstudio_common")
        target_precompile_headers(${target} REUSE_FROM tstudio_common)
    endif()
endfunction()
