#!/usr/bin/env bash
# The README's two commands, on a fresh Debian bookworm machine:
#   cmake/studio.sh run    installs what is missing, builds the app and the CLI (release
#                          preset), opens the app on its embedded demo project
#   cmake/studio.sh test   installs what is missing, builds (ci preset: warnings as errors),
#                          runs every test suite and the bounded fuzzing runs
# Safe to run again: packages already installed and targets already built are skipped.
# Tests that need real data read $TSTUDIO_SHARED (.ci/run sets it to ../shared).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly BUILD_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins libqt6svg6
    libtorch-dev libopencv-dev libpng-dev libjpeg-dev zlib1g-dev libxxhash-dev libqcustomplot-dev libqcustomplot2.1-qt6
    libopenblas0-openmp
    libgloo-dev # c10d ProcessGroupGloo's headers (core/distributed)
)
# clang-format: the format check; python3-torch/-torchvision: the tests that check our files
# against Python's torch.load; dpkg-dev (dpkg-shlibdeps), desktop-file-utils and appstream: the
# package test (tests/packaging), which builds the .deb and validates its desktop files.
readonly TEST_PACKAGES=(clang-14 libclang-rt-14-dev xvfb xauth clang-format python3-torch
    python3-torchvision dpkg-dev desktop-file-utils appstream)

ensure_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    echo "studio: installing ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# TSTUDIO_LIBTORCH=/path builds against that LibTorch (a 2.x with CUDA: the root of the
# libtorch archive from pytorch.org, or `python3 -c 'import torch;print(torch.utils.cmake_prefix_path)'`)
# instead of Debian's CPU-only 1.13, in its own folder build/<preset>-libtorch.
build_dir() {
    if [[ -n "${TSTUDIO_LIBTORCH:-}" ]]; then
        echo "build/$1-libtorch"
    else
        echo "build/$1"
    fi
}

# build PRESET [TARGET...]: configure, then build the targets named (default: all of them).
build() {
    local preset=$1
    shift
    local targets=()
    (($# == 0)) || targets=(--target "$@")
    if [[ -n "${TSTUDIO_LIBTORCH:-}" ]]; then
        [[ -d "$TSTUDIO_LIBTORCH" ]] || {
            echo "studio: TSTUDIO_LIBTORCH=$TSTUDIO_LIBTORCH is not a folder" >&2
            exit 2
        }
        cmake --preset "$preset" -B "$(build_dir "$preset")" \
            "-DCMAKE_PREFIX_PATH=$TSTUDIO_LIBTORCH" >/dev/null
        cmake --build "$(build_dir "$preset")" "${targets[@]}"
    else
        cmake --preset "$preset" >/dev/null
        cmake --build --preset "$preset" "${targets[@]}"
    fi
}

case "${1:-}" in
run)
    ensure_packages "${BUILD_PACKAGES[@]}"
    # The two executables only, not every test and benchmark: 180 build steps instead of 428,
    # so a first run on a small machine reaches the window in well under half the time.
    build release transfer-studio tstudio
    shift
    # No arguments: open on the embedded demo project, so a first run has something to show.
    (($# > 0)) || set -- --demo
    exec "$(build_dir release)/app/gui/transfer-studio" "$@"
    ;;
test)
    ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    # Formatting first: it takes seconds, so a slip fails before the long build, not after it.
    # Every tracked .cpp/.h (find in a checkout that is not a git work tree: a source archive).
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        mapfile -t sources < <(git ls-files -- '*.cpp' '*.h')
    else
        mapfile -t sources < <(find app bench core tests ui \( -name '*.cpp' -o -name '*.h' \) | sort)
    fi
    if ! format_errors=$(clang-format --dry-run --Werror "${sources[@]}" 2>&1); then
        echo "studio: not formatted as .clang-format says (fix: clang-format -i FILE...):" >&2
        # The file names of clang-format's "FILE:LINE:COLUMN: error: ..." lines, or all it said.
        sed -n 's/^\(.*\.\(cpp\|h\)\):[0-9]*:[0-9]*: error: .*/  \1/p' <<<"$format_errors" |
            sort -u | grep . >&2 || echo "$format_errors" >&2
        exit 1
    fi
    start=$(date +%s)
    build ci
    echo "studio: build took $(($(date +%s) - start)) s"
    if [[ -n "${TSTUDIO_LIBTORCH:-}" ]]; then
        # The ci test preset's settings, on the other build folder.
        ctest --test-dir "$(build_dir ci)" --output-on-failure --no-tests=error --timeout 900
    else
        ctest --preset ci
    fi
    # The weight-file readers are untrusted-input parsers: fuzz each one for a bounded time.
    cmake -S tests/fuzz -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build/fuzz
    tests/fuzz/run_fuzzers.sh build/fuzz "${TSTUDIO_FUZZ_SECONDS:-30}"
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
