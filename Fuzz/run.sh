#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each target for FUZZ_SECONDS seconds (default 20),
# starting from the committed seeds in Fuzz/corpus/<target>/ (never written to: new inputs go to
# a scratch copy under Fuzz/.build/). Prints executions per target; exits 1 if any target found
# a crash, a sanitizer error, a leak-free OOM or a timeout, leaving the input in
# Fuzz/.build/artifacts/ and printing how to reproduce it.
#
#   Fuzz/run.sh                 every target, 20 s each
#   FUZZ_SECONDS=600 Fuzz/run.sh url xml
set -uo pipefail
cd "$(dirname "$0")"
FUZZ_DIR=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-20}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(url xml json yaml settings check cfurl cloudformation terraform)
SWIFT=${SWIFT:-swift}

# Release: -O runs several times more executions per second than a debug build. The gold
# warnings "Cannot export local symbol '__asan_…'" are harmless (toolchain notes §6).
echo "building the fuzz harnesses (release, -sanitize=fuzzer,address)"
mkdir -p .build
# SwiftPM names a path dependency after its directory: a checkout in a directory called "fuzz"
# (any case) collides with this package's own identity ("Fuzz"), and the build fails with
# "product 'Checking' … not found". Build from a copy under another name then.
PACKAGE=$FUZZ_DIR
if [ "$(basename "$(cd .. && pwd)" | tr '[:upper:]' '[:lower:]')" = fuzz ]; then
    mirror=${TMPDIR:-/tmp}/cfdoctor-fuzz-mirror/cfdoctor
    mkdir -p "$mirror"
    (cd .. && tar --exclude=./.build --exclude='./.build-*' --exclude=./Fuzz/.build -cf - .) | tar -C "$mirror" -xf -
    PACKAGE=$mirror/Fuzz
fi
if ! $SWIFT build --package-path "$PACKAGE" -c release --product CFDoctorFuzz -Xswiftc -sanitize=fuzzer,address \
        >.build/fuzz-build.log 2>&1; then
    grep -v "Cannot export local symbol" .build/fuzz-build.log >&2; exit 2
fi
BIN=$($SWIFT build --package-path "$PACKAGE" -c release --show-bin-path)/CFDoctorFuzz

# Swift's backtracer makes ASan report a spurious stack-buffer-underflow on a crash (notes §6).
export SWIFT_BACKTRACE=enable=no
mkdir -p .build/artifacts .build/corpus
status=0
printf '%-14s %12s %8s %10s  %s\n' target executions seconds exec/s result
for target in "${TARGETS[@]}"; do
    work=.build/corpus/$target
    mkdir -p "$work"
    log=.build/fuzz-$target.log
    start=$(date +%s)
    # -rss_limit_mb: a harness that needs more than 2 GB for any input is a finding (memory must
    # stay bounded). -timeout: 10 s on one input is a hang. -max_len: bigger than every seed.
    "$BIN" "$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix=".build/artifacts/$target-" \
        "$work" "corpus/$target" >"$log" 2>&1
    rc=$?
    elapsed=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=${runs:-0}
    rate=$(( elapsed > 0 ? runs / elapsed : runs ))
    result=clean
    if [ $rc -ne 0 ]; then
        result="FOUND (exit $rc): see Fuzz/$log"
        status=1
        grep -E "^==[0-9]+==ERROR|deadly signal|Fatal error|timeout|out-of-memory|Test unit written" "$log" | head -5 >&2
        echo "reproduce: SWIFT_BACKTRACE=enable=no $BIN $target Fuzz/.build/artifacts/$target-<…>" >&2
    fi
    printf '%-14s %12s %8s %10s  %s\n' "$target" "$runs" "$elapsed" "$rate" "$result"
done
exit $status
