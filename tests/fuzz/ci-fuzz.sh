#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# R12 short tier (CTest r12_fuzz_short; reliability.md §5): builds the libFuzzer targets with clang in a build
# directory of their own, replays every committed corpus file, then fuzzes each target briefly. Fails on any crash,
# sanitizer report, broken invariant, leak or timeout, and says how to reproduce it. Exits 77 (CTest: skipped) when
# clang or its libFuzzer runtime is missing, so a machine without them does not claim a pass.
#
#   tests/fuzz/ci-fuzz.sh [--source DIR] [--build DIR] [--seconds N] [--budget N] [target ...]
#
# --seconds is the fuzzing time per target (default 20). --budget (default 780 s; CTest's timeout is 1800 s) bounds
# the whole run: on a loaded machine where the clang build took long, each target is fuzzed for less (never less
# than 2 s) so that the replay of every corpus file, the part that guards against regressions, always happens.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build=""
seconds=20
budget=780
targets=()
while (($#)); do
    case "$1" in
        --source) source_dir="$2"; shift 2 ;;
        --build) build="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --budget) budget="$2"; shift 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
build="${build:-$source_dir/build/fuzz-ci}"
((${#targets[@]})) || targets=(sitoo_order sitoo_product sitoo_warehouse sitoo_envelope prima_response money_text
                                retry_after mapping_import config_import)

clangxx="$(command -v clang++ || command -v clang++-14 || true)"
clangc="$(command -v clang || command -v clang-14 || true)"
if [[ -z "$clangxx" || -z "$clangc" ]]; then
    echo "SKIPPED: clang is not installed (installer/debian/packages-test.txt lists clang and libclang-rt-14-dev)."
    exit 77
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n' >"$probe/p.cpp"
if ! "$clangxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
    cat "$probe/err"
    echo "SKIPPED: clang cannot link libFuzzer here (libclang-rt-14-dev missing?)."
    exit 77
fi

jobs="$(nproc 2>/dev/null || echo 2)"
start=$SECONDS
if [[ ! -f "$build/build.ninja" ]]; then
    CC="$clangc" CXX="$clangxx" cmake -S "$source_dir" -B "$build" -G Ninja -DTILLBRIDGE_FUZZ=ON \
        -DTILLBRIDGE_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 \
        || { cat "$build.configure.log"; exit 1; }
fi
# Only the fuzz executables and the parser sources they link: never the whole application.
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}") -j "$jobs"
built=$((SECONDS - start))

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=()
left=${#targets[@]}
printf '\n%-16s %8s %6s %10s %8s %6s %s\n' target replayed fuzzed executions exec/s cov result
for t in "${targets[@]}"; do
    exe="$build/tests/fuzz/fuzz_$t"
    seeds="$source_dir/tests/fuzz/corpus/$t"
    work="$build/fuzz-work/$t"
    artifacts="$build/fuzz-artifacts/$t"
    mkdir -p "$work" "$artifacts"
    dict=()
    [[ -f "$source_dir/tests/fuzz/dict/$t.dict" ]] && dict=(-dict="$source_dir/tests/fuzz/dict/$t.dict")
    result=ok
    rm -f "$build/fuzz-$t.log"
    # 1. Regression: every committed input, including fixed crashers (regression-*), once, unchanged.
    replayed=$(find "$seeds" -type f | wc -l)
    if ! "$exe" -runs=0 -timeout=25 "$seeds" >"$build/fuzz-$t-replay.log" 2>&1; then
        result="REPLAY FAILED (log: $build/fuzz-$t-replay.log)"
    else
        # 2. A short fuzz from the corpus (the working copy in the build folder grows from run to run).
        share=$(((budget - (SECONDS - start)) / left - 5))
        fuzz_time=$((share < seconds ? share : seconds))
        ((fuzz_time >= 2)) || fuzz_time=2
        if ! "$exe" "${dict[@]}" -max_total_time="$fuzz_time" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$artifacts/" "$work" "$seeds" >"$build/fuzz-$t.log" 2>&1; then
            result="FOUND $(ls -t "$artifacts" | head -1) (log: $build/fuzz-$t.log)"
        fi
    fi
    log="$build/fuzz-$t.log"
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" 2>/dev/null | grep -oE '[0-9]+$' | tail -1 || true)
    speed=$(grep -oE 'exec/s: [0-9]+' "$log" 2>/dev/null | tail -1 | grep -oE '[0-9]+' || true)
    cov=$(grep -oE 'cov: [0-9]+' "$log" 2>/dev/null | tail -1 | grep -oE '[0-9]+' || true)
    printf '%-16s %8s %6s %10s %8s %6s %s\n' "$t" "$replayed" "${fuzz_time:-0}s" "${runs:--}" "${speed:--}" "${cov:--}" \
        "$result"
    left=$((left - 1))
    fuzz_time=""
    [[ "$result" == ok ]] || failed+=("$t")
done
echo
echo "build ${built}s, total $((SECONDS - start))s"
if ((${#failed[@]})); then
    for t in "${failed[@]}"; do
        echo "--- $t"
        tail -n 40 "$build/fuzz-$t.log" 2>/dev/null || true
        tail -n 40 "$build/fuzz-$t-replay.log" 2>/dev/null || true
    done
    echo "Reproduce: $build/tests/fuzz/fuzz_<target> <the crash file>; fix it, then add the file to"
    echo "tests/fuzz/corpus/<target>/ as regression-<what> (tests/fuzz/README.md)."
    exit 1
fi
