#!/usr/bin/env bash
# Benchmark: `parscore rank` against Miller (mlr) computing the same weighted total and sort on a synthetic
# file of UNITS units (default 1,000,000) x 9 value columns; prints both times, the ratio and peak memories.
# usage: bench/rank-vs-miller.sh [UNITS]   (installs miller and time from Debian when it can)
set -euo pipefail
. "$(dirname "$0")/../scripts/setup.sh"
units=${1:-1000000}
ensure_packages $PARSCORE_PACKAGES miller time gawk bc
BUILD_DIR="$ROOT/build-bench"
build_parscore "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$work/units.csv"

# the same pseudo-random file every run: 8 criteria and SIPAS, percents with 2 decimals
gawk -v n="$units" 'BEGIN {
    srand(2023); print "unit,1,2,3,4,5,6,7,8,sipas"
    for (i = 0; i < n; i++) {
        line = sprintf("Xã %07d", i)
        for (k = 0; k < 9; k++) line = line sprintf(",%.2f", 20 + rand() * 80)
        print line
    } }' >"$input"
bytes=$(stat -c %s "$input")

measure() { # prints "seconds peak_kb" of the command, its output to $work/out.$1
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time.$name" "$@" >"$work/out.$name"
    cat "$work/time.$name"
}
read -r p_sec p_kb < <(measure parscore "$BUILD_DIR/parscore" rank --format csv --lang en "$input")
# Miller: the weighted total with the plan's illustrative max points, then the sort, best first
read -r m_sec m_kb < <(measure miller mlr --icsv --ocsv \
    put '$total = (10*${1} + 8*${2} + 14*${3} + 7.5*${4} + 10*${5} + 10*${6} + 14.5*${7} + 26*${8}) / 100' \
    then sort -nr total then cut -o -f unit,total "$input")

# both must agree on the order of the best 1000 units (ties apart, which Miller breaks otherwise)
cut -d, -f2,3 "$work/out.parscore" | sed -n '2,1001p' >"$work/top.parscore"
gawk -F, 'NR > 1 && NR <= 1001 { printf "%s,%.2f\n", $1, $2 + 1e-9 }' "$work/out.miller" >"$work/top.miller"
agree=$(paste -d'|' "$work/top.parscore" "$work/top.miller" | gawk -F'|' '{ split($1, a, ","); split($2, b, ","); if (a[2] == b[2]) n++ } END { print n + 0 }')

cpu=$(gawk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
printf 'machine: %s, %s cores, %s\n' "$cpu" "$(nproc)" "$(uname -sr)"
printf 'input: %d units, %d bytes (%.1f MB)\n' "$units" "$bytes" "$(echo "$bytes / 1000000" | bc -l)"
printf 'parscore rank: %6.2f s, peak %6.1f MB\n' "$p_sec" "$(echo "$p_kb / 1000" | bc -l)"
printf 'miller:        %6.2f s, peak %6.1f MB\n' "$m_sec" "$(echo "$m_kb / 1000" | bc -l)"
printf 'speed ratio (miller / parscore): %.1fx (goal: at least 5x)\n' "$(echo "$m_sec / $p_sec" | bc -l)"
printf 'parscore peak / input size: %.0f%% (goal: below 100%%)\n' "$(echo "$p_kb * 1024 * 100 / $bytes" | bc -l)"
printf 'top 1000 totals agree: %d/1000\n' "$agree"
