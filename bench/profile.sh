#!/usr/bin/env bash
# Instruction counts of one cfdoctor run under callgrind: repeatable on a shared, noisy machine
# where wall-clock times are not. Prints the total and the hottest functions (demangled).
#
#   bench/profile.sh NAME -- check .build-bench/inputs/list-1000.json
#   bench/profile.sh NAME --inclusive -- check FILE     # inclusive costs (who calls the hot spots)
#
# Writes .build-bench/prof/NAME.callgrind. Debian 12's valgrind 3.19 cannot read the DWARF 5 debug
# information Swift 6 emits ("unhandled dwarf2 abbrev form code 0x25 ... I can't recover"), so it
# profiles a copy of the release binary without debug sections (objcopy --strip-debug): function
# names come from the symbol table, which is all callgrind_annotate needs at function level.
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"; shift
inclusive=no
if [ "${1:-}" = --inclusive ]; then inclusive=yes; shift; fi
[ "${1:-}" = -- ] && shift
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind (or make bench)" >&2; exit 2; }
mkdir -p .build-bench/prof
make --no-print-directory build >&2
objcopy --strip-debug .build/release/cfdoctor .build-bench/prof/cfdoctor-nodebug
out=".build-bench/prof/$name.callgrind"
valgrind --tool=callgrind --callgrind-out-file="$out" .build-bench/prof/cfdoctor-nodebug "$@" \
    >/dev/null 2>".build-bench/prof/$name.valgrind.log" || true
grep -E "Collected" ".build-bench/prof/$name.valgrind.log" | sed 's/^==[0-9]*== //'
callgrind_annotate --inclusive="$inclusive" "$out" 2>/dev/null | sed -n '/^Ir  /,$p' | sed -n '3,40p' \
    | swift demangle --simplified | cut -c1-180
