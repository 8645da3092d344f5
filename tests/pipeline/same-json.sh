#!/bin/sh
# Round trip: two inputs holding the same data (CSV and JSON) must give byte-identical JSON reports.
# usage: same-json.sh PARSCORE FILE_A FILE_B [PARSCORE_ARGS...]; both files go through standard input.
# SAME_JSON_IGNORE=KEY leaves that key out of both (notes written in another language, say), with jq.
set -u
bin=$1 a=$2 b=$3
shift 3
out_a=$(mktemp) out_b=$(mktemp)
trap 'rm -f "$out_a" "$out_b"' EXIT
"$bin" --format json "$@" - <"$a" >"$out_a" 2>/dev/null || { echo "failed on $a"; exit 1; }
"$bin" --format json "$@" - <"$b" >"$out_b" 2>/dev/null || { echo "failed on $b"; exit 1; }
[ -s "$out_a" ] || { echo "empty report for $a"; exit 1; }
if [ -n "${SAME_JSON_IGNORE:-}" ]; then
    for f in "$out_a" "$out_b"; do
        jq --arg key "$SAME_JSON_IGNORE" 'walk(if type == "object" then del(.[$key]) else . end)' "$f" >"$f.kept" &&
            mv "$f.kept" "$f" || { echo "jq failed on $f"; exit 1; }
    done
fi
cmp -s "$out_a" "$out_b" || { echo "reports differ: $a vs $b"; diff "$out_a" "$out_b" | head -20; exit 1; }
