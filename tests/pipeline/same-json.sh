#!/bin/sh
# Round trip: two inputs holding the same data (CSV and JSON) must give byte-identical JSON reports.
# usage: same-json.sh PARSCORE FILE_A FILE_B [PARSCORE_ARGS...]; both files go through standard input.
set -u
bin=$1 a=$2 b=$3
shift 3
out_a=$(mktemp) out_b=$(mktemp)
trap 'rm -f "$out_a" "$out_b"' EXIT
"$bin" --format json "$@" - <"$a" >"$out_a" 2>/dev/null || { echo "failed on $a"; exit 1; }
"$bin" --format json "$@" - <"$b" >"$out_b" 2>/dev/null || { echo "failed on $b"; exit 1; }
[ -s "$out_a" ] || { echo "empty report for $a"; exit 1; }
cmp -s "$out_a" "$out_b" || { echo "reports differ: $a vs $b"; diff "$out_a" "$out_b" | head -20; exit 1; }
