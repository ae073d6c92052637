#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The R12 long run (reliability.md §5, §6.2): each fuzz target for a fixed time from the committed seed corpus and
# its dictionary, with a working corpus outside the tree, then a table of executions, coverage and findings.
#
#   tests/fuzz/run-long.sh [--build DIR] [--seconds N] [--jobs J] [--work DIR] [--timeout S] [target ...]
#
#   --build    the clang build with -DTILLBRIDGE_FUZZ=ON (default build/fuzz; configured and built if missing)
#   --seconds  fuzzing time per target (default 14400 = 4 h; the specification asks for 8 CPU-h with --jobs 2)
#   --jobs     libFuzzer -fork=J workers per target (default 1)
#   --work     where working corpora, logs and crashers go (default build/fuzz-work)
#   --timeout  seconds one input may run before it counts as a hang (default 25). libFuzzer measures wall time, so
#              on a machine where the fuzzers are paused now and then (SIGSTOP while a benchmark runs) use more.
#
# Findings: crash-*, leak-*, timeout-* and oom-* files in WORK/artifacts/<target>/. Minimise one with
# `fuzz_<target> -minimize_crash=1 -runs=10000 FILE`, fix it, then commit it as tests/fuzz/corpus/<target>/regression-*
# so the corpus replay keeps it fixed. `--merge` afterwards folds new coverage into the committed corpus.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build/fuzz"
seconds=14400
jobs=1
timeout=25
work=""
merge=0
targets=()
while (($#)); do
    case "$1" in
        --build) build="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --timeout) timeout="$2"; shift 2 ;;
        --merge) merge=1; shift ;;
        -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
work="${work:-$root/build/fuzz-work}"
all=(sitoo_order sitoo_product sitoo_warehouse sitoo_envelope prima_response money_text retry_after mapping_import
     config_import)
((${#targets[@]})) || targets=("${all[@]}")

if [[ ! -f "$build/build.ninja" ]]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DTILLBRIDGE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
ninja -C "$build" -j"${TILLBRIDGE_BUILD_JOBS:-1}" $(printf 'fuzz_%s ' "${targets[@]}")

summary="$work/summary.tsv"
mkdir -p "$work"
printf 'target\tseconds\tcpu_seconds\texecutions\texec/s\tcoverage(edges)\tfeatures\tcorpus\tfindings\n' >"$summary"
for t in "${targets[@]}"; do
    exe="$build/tests/fuzz/fuzz_$t"
    seeds="$root/tests/fuzz/corpus/$t"
    corpus="$work/corpus/$t"
    artifacts="$work/artifacts/$t"
    log="$work/$t.log"
    mkdir -p "$corpus" "$artifacts"
    dict=()
    [[ -f "$root/tests/fuzz/dict/$t.dict" ]] && dict=(-dict="$root/tests/fuzz/dict/$t.dict")
    fork=()
    ((jobs > 1)) && fork=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    echo "== $t: ${seconds}s, log $log"
    status=0
    # Claims are stated in CPU-hours (reliability.md §5): on a shared machine the wall time says little, so the
    # user + system time of the fuzzer and its fork workers goes into the table beside it.
    TIMEFORMAT='%R %U %S'
    { time "$exe" "${dict[@]}" "${fork[@]}" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1 || status=$?; } \
        2>"$work/$t.time"
    read -r _ user sys <"$work/$t.time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }')
    # The last status line carries the totals; -print_final_stats adds the execution count.
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    [[ -n "$runs" ]] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    speed=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
    files=$(find "$corpus" -type f | wc -l)
    findings=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$seconds" "$cpu" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
        "$files" "$findings" >>"$summary"
    ((status == 0)) || echo "   $t stopped with status $status: see $log and $artifacts" >&2
    if ((merge)); then
        # Keep only the inputs that add coverage, and keep the committed corpus small.
        mkdir -p "$work/merged/$t"
        "$exe" -merge=1 -max_len=16384 "$work/merged/$t" "$seeds" "$corpus" >>"$log" 2>&1
    fi
done
column -t -s $'\t' "$summary"
