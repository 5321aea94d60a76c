#!/usr/bin/env bash
# Verifications per second of cfdoctor's SigV4 verifier (release build, one core) against
# botocore's presign in the same run. Usage: bench/run.sh [seconds-for-swift]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-10}"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi   # single core for both sides

swift build -c release --package-path VerifyBench >&2
swift_out="$("${pin[@]}" VerifyBench/.build/release/verify-bench ../fixtures/presigned/botocore-vectors.json "$seconds")"
python_out="$("${pin[@]}" python3 botocore_presign.py 20000)"
echo "$swift_out"
echo "$python_out"

swift_rate="$(echo "$swift_out" | awk -F': ' '/^swift verify/ {print $2+0}')"
presign_rate="$(echo "$python_out" | awk -F': ' '/^botocore presign/ {print $2+0}')"
verify_rate="$(echo "$python_out" | awk -F': ' '/^botocore verify/ {print $2+0}')"
awk -v s="$swift_rate" -v p="$presign_rate" -v v="$verify_rate" 'BEGIN {
    printf "ratio swift verify / botocore presign: %.1fx\n", s / p
    printf "ratio swift verify / botocore verify:  %.1fx\n", s / v
}'
