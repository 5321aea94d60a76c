#!/usr/bin/env bash
# `make bench`: cfdoctor against the tools users would otherwise run, side by side, in one run;
# writes BENCHMARKS.md (machine, commands, figures, ratios). See bench/README.md for what each
# figure means.
#
#   bench/bench.sh                 full run (about 6-10 minutes on a 2-core machine)
#   BENCH_QUICK=1 bench/bench.sh   fewer runs, for checking the script itself (figures are noisy)
#   BENCH_OUT=file.md              where the report goes (default BENCHMARKS.md)
#   BENCH_BASELINE=path/cfdoctor   also time another build (e.g. main's) in the same runs: before/after
#   BENCH_CALLGRIND=0              skip the instruction counts (valgrind; about 3 minutes)
#
# Tools: hyperfine and valgrind from Debian (installed only when missing); cfn-lint and checkov
# in a virtual environment under .build-bench/venv from PyPI. Nothing here is a runtime
# dependency of cfdoctor. Generated inputs go to .build-bench/inputs (never into git).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="${BENCH_WORK:-$ROOT/.build-bench}"
INPUTS="$WORK/inputs"
RESULTS="$WORK/results"
OUT="${BENCH_OUT:-$ROOT/BENCHMARKS.md}"
VENV="$WORK/venv"
QUICK="${BENCH_QUICK:-0}"
mkdir -p "$INPUTS" "$RESULTS"
rm -f "$RESULTS"/*

if [ "$QUICK" = 1 ]; then
    SMALL_RUNS=10 LINTER_RUNS=2 LARGE_RUNS=2 RSS_RUNS=1 VERIFY_SECONDS=2 PRESIGN_N=2000 CF_N=200
else
    SMALL_RUNS=40 LINTER_RUNS=8 LARGE_RUNS=7 RSS_RUNS=3 VERIFY_SECONDS=10 PRESIGN_N=20000 CF_N=2000
fi

say() { printf '\n== %s\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------------
say "tools"
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v valgrind >/dev/null || missing+=(valgrind)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ ! -x "$VENV/bin/cfn-lint" ] || [ ! -x "$VENV/bin/checkov" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check cfn-lint checkov
fi
# The signing baselines need botocore and rsa: the system python3 when it has them, else the venv.
PY=python3
if ! python3 -c 'import botocore, rsa' 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check botocore rsa
    PY="$VENV/bin/python3"
fi
# The interpreter itself, not a version manager's shim (pyenv's is a shell script that would add
# its own start-up to every json.load timing).
PYTHON_BIN="$(python3 -c 'import sys; print(sys.executable)')"

# ---- build ------------------------------------------------------------------------------------
say "release build"
make --no-print-directory build >&2
CFDOCTOR="$ROOT/.build/release/cfdoctor"
# The rate benchmarks link the Swift runtime statically too, as `make build` links cfdoctor: they
# then time the code `make install` ships (no calls through the shared runtime's PLT).
BENCH_LINK=(--static-swift-stdlib -Xswiftc -use-ld=lld)
swift build -c release --package-path bench/VerifyBench "${BENCH_LINK[@]}" >&2

# ---- inputs (deterministic generators; regenerated when the generator changes) ----------------
say "inputs"
gen() {  # gen OUT GENERATOR ARGS...
    local out="$1" generator="$2"; shift 2
    if [ ! -s "$out" ] || [ "$generator" -nt "$out" ]; then
        python3 "$generator" "$@" "$out.tmp" && mv "$out.tmp" "$out"
    fi
}
gen "$INPUTS/behaviors-40.json" bench/generate_distributions.py config --behaviors 40
gen "$INPUTS/list-1000.json" bench/generate_distributions.py list --count 1000
gen "$INPUTS/list-10000.json" bench/generate_distributions.py list --count 10000
gen "$INPUTS/plan-50mb.json" bench/generate_terraform_plan.py --megabytes 50
gen "$INPUTS/distribution.cfn.yaml" bench/generate_cloudformation.py
"$VENV/bin/cfn-lint" "$INPUTS/distribution.cfn.yaml" >&2 || { echo "cfn-lint does not pass the template" >&2; exit 1; }

ARTICLE="fixtures/distributions/article-broken.get-distribution-config.json"
ARTICLE_ARGS="--url-file fixtures/urls/article-s3.url --now 2018-09-30T14:59:00Z"

# Can this build read the file? Exit status 2 = input error (e.g. a format not supported yet).
supports() {  # supports NAME FILE: writes RESULTS/NAME.support ("yes" or the error line)
    local status=0
    "$CFDOCTOR" check "$2" >/dev/null 2>"$RESULTS/$1.stderr" || status=$?
    if [ "$status" -le 1 ]; then echo yes >"$RESULTS/$1.support"
    else head -1 "$RESULTS/$1.stderr" | sed "s|$INPUTS/||" >"$RESULTS/$1.support"; fi
    [ "$status" -le 1 ]
}

# hyperfine -N: no shell in between; -i: exit status 1 (findings) is the expected result.
hf() {  # hf NAME RUNS WARMUP -n LABEL CMD [-n LABEL CMD ...]
    local name="$1" runs="$2" warmup="$3"; shift 3
    local args=("$@") i
    for ((i = 2; i < ${#args[@]}; i += 3)); do echo "${args[i]}" | sed "s|$ROOT/||g" >>"$RESULTS/commands.txt"; done
    hyperfine -N -i --style basic --runs "$runs" --warmup "$warmup" --export-json "$RESULTS/$name.json" "$@" >&2
}

# Peak resident set (KB) of one command, the median over RSS_RUNS runs (GNU time's %M).
rss() {  # rss NAME CMD...
    local name="$1"; shift
    for _ in $(seq "$RSS_RUNS"); do
        /usr/bin/time -f %M -o "$RESULTS/rss.tmp" "$@" >/dev/null 2>&1 || true
        cat "$RESULTS/rss.tmp"
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' >"$RESULTS/$name.rss"
}

cat /proc/loadavg >"$RESULTS/load-start"

# ---- 1. cold checks and the linters on the same template ---------------------------------------
say "cold check: article example, 40 behaviors, CloudFormation template; cfn-lint; checkov"
CFN="$INPUTS/distribution.cfn.yaml"
small=(-n "cfdoctor check article example" "$CFDOCTOR check $ARTICLE $ARTICLE_ARGS"
       -n "cfdoctor check 40 behaviors" "$CFDOCTOR check $INPUTS/behaviors-40.json")
BASELINE="${BENCH_BASELINE:-}"
if [ -n "$BASELINE" ]; then
    small+=(-n "baseline check article example" "$BASELINE check $ARTICLE $ARTICLE_ARGS"
            -n "baseline check 40 behaviors" "$BASELINE check $INPUTS/behaviors-40.json")
fi
if supports cfn "$CFN"; then small+=(-n "cfdoctor check template" "$CFDOCTOR check $CFN"); fi
hf small "$SMALL_RUNS" 5 "${small[@]}"
# checkov: --skip-download, or it first tries to fetch guidelines from prismacloud.io (offline
# here: a failed request and a slower run); that is its fastest configuration.
hf linters "$LINTER_RUNS" 1 \
    -n "cfn-lint template" "$VENV/bin/cfn-lint $CFN" \
    -n "checkov -f template" "$VENV/bin/checkov -f $CFN --skip-download"

# ---- 2. large inputs, each against python's json.load in the same hyperfine run ----------------
say "large inputs: wall time and peak RSS against json.load"
for name in list-1000 list-10000 plan-50mb; do
    file="$INPUTS/$name.json"
    load=("$PYTHON_BIN" -c 'import json, sys; json.load(open(sys.argv[1]))' "$file")
    if supports "$name" "$file"; then
        baseline=()
        if [ -n "$BASELINE" ]; then
            status=0
            "$BASELINE" check "$file" >/dev/null 2>&1 || status=$?
            if [ "$status" -le 1 ]; then baseline=(-n "baseline check $name" "$BASELINE check $file"); fi
        fi
        hf "$name" "$LARGE_RUNS" 1 -n "cfdoctor check $name" "$CFDOCTOR check $file" \
            -n "json.load $name" "$PYTHON_BIN -c 'import json, sys; json.load(open(sys.argv[1]))' $file" "${baseline[@]}"
        rss "$name.cfdoctor" "$CFDOCTOR" check "$file"
        if [ ${#baseline[@]} -gt 0 ]; then rss "$name.baseline" "$BASELINE" check "$file"; fi
    else
        hf "$name" "$LARGE_RUNS" 1 -n "json.load $name" "$PYTHON_BIN -c 'import json, sys; json.load(open(sys.argv[1]))' $file"
    fi
    rss "$name.python" "${load[@]}"
    stat -c %s "$file" >"$RESULTS/$name.bytes"
done

# ---- 3. signature verification rates, one core -------------------------------------------------
say "SigV4 verifications/s (one core) against botocore"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
"${pin[@]}" bench/VerifyBench/.build/release/verify-bench fixtures/presigned/botocore-vectors.json "$VERIFY_SECONDS" \
    | tee "$RESULTS/sigv4.swift" >&2
"${pin[@]}" "$PY" bench/botocore_presign.py "$PRESIGN_N" | tee "$RESULTS/sigv4.python" >&2

say "CloudFront signatures/s (one core) against botocore's CloudFrontSigner with rsa"
"${pin[@]}" "$PY" bench/cloudfront_signer.py "$CF_N" | tee "$RESULTS/cfsign.python" >&2
# CloudFront signature verifier: bench/CFSignBench (like VerifyBench) needs the CloudFrontSigning
# library product; builds without it report "not in this build".
if grep -q 'name: "CloudFrontSigning"' Package.swift; then
    key="$INPUTS/cloudfront-bench-key.pem"
    [ -s "$key" ] || "$PY" -c 'import rsa, sys; open(sys.argv[1], "wb").write(rsa.newkeys(2048)[1].save_pkcs1())' "$key"
    swift build -c release --package-path bench/CFSignBench "${BENCH_LINK[@]}" >&2
    "${pin[@]}" bench/CFSignBench/.build/release/cfsign-bench "$key" "$VERIFY_SECONDS" | tee "$RESULTS/cfsign.swift" >&2
fi

# ---- 4. instruction counts (deterministic; what the optimisation work was measured with) ------
if [ "${BENCH_CALLGRIND:-1}" = 1 ]; then
    say "instruction counts (callgrind)"
    count() {  # count NAME BINARY ARGS...: total instructions of one run
        local name="$1" binary="$2"; shift 2
        objcopy --strip-debug "$binary" "$RESULTS/$name.bin"   # valgrind 3.19 cannot read DWARF 5
        # (the check exits 1 when it finds problems: that is the expected result, not a failure)
        { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$RESULTS/$name.bin" "$@" 2>&1 >/dev/null || true; } \
            | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' >"$RESULTS/$name.ir"
        rm -f "$RESULTS/$name.bin"
    }
    for who in cfdoctor baseline; do
        binary="$CFDOCTOR"; [ "$who" = baseline ] && binary="$BASELINE"
        [ -n "$binary" ] || continue
        # shellcheck disable=SC2086
        count "ir.$who.article" "$binary" check $ARTICLE $ARTICLE_ARGS
        count "ir.$who.behaviors-40" "$binary" check "$INPUTS/behaviors-40.json"
        count "ir.$who.list-1000" "$binary" check "$INPUTS/list-1000.json"
    done
    count "ir.python.list-1000" "$PYTHON_BIN" -c 'import json, sys; json.load(open(sys.argv[1]))' "$INPUTS/list-1000.json"
    count "ir.python.startup" "$PYTHON_BIN" -c 'pass'
fi

cat /proc/loadavg >"$RESULTS/load-end"

# ---- report -----------------------------------------------------------------------------------
say "report"
BENCH_QUICK="$QUICK" python3 bench/report.py "$RESULTS" "$OUT" \
    --cfdoctor "$CFDOCTOR" --venv "$VENV" --python "$PY" \
    --small-runs "$SMALL_RUNS" --linter-runs "$LINTER_RUNS" --large-runs "$LARGE_RUNS" --rss-runs "$RSS_RUNS" \
    --verify-seconds "$VERIFY_SECONDS" --presign-n "$PRESIGN_N" --cf-n "$CF_N" --baseline "${BASELINE:-}"
echo "wrote $OUT" >&2
