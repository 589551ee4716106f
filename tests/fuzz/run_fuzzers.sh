#!/usr/bin/env bash
# Runs every weight-format fuzzer, the checkpoint and the project fuzzer for SECONDS each and fails if any of them finds a crash.
#
#   Build (standalone, no LibTorch needed; from the repository root):
#     cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
#           -DCMAKE_BUILD_TYPE=RelWithDebInfo
#     cmake --build build-fuzz
#   Run:
#     tests/fuzz/run_fuzzers.sh build-fuzz 60
#
# BUILD_DIR may also be a whole-project build configured with -DTSTUDIO_BUILD_FUZZERS=ON and
# clang (the targets are then under BUILD_DIR/tests/fuzz). Seeds are the committed fixtures of
# tests/core/weights/fixtures; the growing corpus and any crash input stay in
# BUILD_DIR/fuzz-work/<target>/.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../core/weights/fixtures"

find_target() {
    for candidate in "$build_dir/$1" "$build_dir/tests/fuzz/$1"; do
        if [[ -x "$candidate" ]]; then
            echo "$candidate"
            return
        fi
    done
    echo "$1 not found in $build_dir: build the fuzzers first (see the top of $0)" >&2
    exit 2
}

# Seeds per target: the fixtures whose format the target reads, chosen by their first bytes.
seed() {
    local target=$1 dir=$2 file magic
    for file in "$fixtures"/*; do
        magic=$(head -c 4 "$file" | od -An -tx1 | tr -d ' \n')
        case "$target" in
        fuzz_pth_zip) [[ $magic == 504b0304 ]] || continue ;;
        fuzz_pth_legacy) [[ $magic == 80028a0a ]] || continue ;;
        fuzz_safetensors | fuzz_checkpoint) [[ $file == *.safetensors ]] || continue ;;
        fuzz_project) continue ;;
        esac
        cp -n "$file" "$dir/" 2>/dev/null || true
    done
    [[ $target == fuzz_project ]] && cp -n "$here"/seeds/*.tsproj "$dir/" 2>/dev/null || true
}

failed=0
for target in fuzz_pth_zip fuzz_pth_legacy fuzz_safetensors fuzz_checkpoint fuzz_project; do
    binary=$(find_target "$target")
    work="$build_dir/fuzz-work/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    seed "$target" "$work/corpus"
    dict="$here/pth.dict"
    [[ $target == fuzz_safetensors ]] && dict="$here/safetensors.dict"
    [[ $target == fuzz_checkpoint ]] && dict="$here/checkpoint.dict"
    [[ $target == fuzz_project ]] && dict="$here/project.dict"
    echo "== $target: ${seconds}s, corpus $(ls "$work/corpus" | wc -l) files"
    if "$binary" "$work/corpus" -dict="$dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
        >"$work/log.txt" 2>&1; then
        grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs" "$work/log.txt" || true
    else
        echo "!! $target FAILED; see $work/log.txt and $work/artifacts/" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "$work/log.txt" >&2 || true
        failed=1
    fi
done
exit $failed
