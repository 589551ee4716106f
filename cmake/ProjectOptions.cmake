# tstudio_options: the one INTERFACE target that carries the language level, warnings and Qt
# hygiene defines to every target of the project (qBittorrent's CommonConfig, in small).
add_library(tstudio_options INTERFACE)
target_compile_features(tstudio_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

target_compile_definitions(tstudio_options INTERFACE
    QT_NO_KEYWORDS                 # torch headers define a member called `slots`
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(tstudio_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-qual
        -Wno-unused-parameter)
    if(TSTUDIO_WERROR)
        target_compile_options(tstudio_options INTERFACE -Werror)
    endif()
endif()

# Sanitizer builds (the asan preset) set TSTUDIO_SANITIZE to e.g. "address,undefined".
set(TSTUDIO_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list")
if(TSTUDIO_SANITIZE)
    target_compile_options(tstudio_options INTERFACE -fsanitize=${TSTUDIO_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(tstudio_options INTERFACE -fsanitize=${TSTUDIO_SANITIZE})
endif()

find_program(TSTUDIO_CCACHE ccache)
if(TSTUDIO_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${TSTUDIO_CCACHE}")
endif()
