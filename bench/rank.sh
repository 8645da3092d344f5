#!/usr/bin/env bash
# Benchmark of `parscore rank` against its floor and its peers, in one run (issue 11). It writes a synthetic
# file of UNITS units (default 1,000,000) x 9 value columns, the same every run (fixed seed), as CSV and as
# JSON input, then times whole processes, median of 3 runs each:
#   floor     bench/csv_floor.c: a bare libcsv pass over the CSV, callbacks that only count fields
#   parscore  `parscore rank` --format text, csv and json from the CSV; --format csv from the JSON
#   pandas    read the CSV, the weighted total with the plan's max points, sort, write JSON
#   Miller    the same weighted total, sort, write CSV
# and `parscore examples/scores-2023-q3.csv` against /bin/true (median of 20, they take milliseconds).
# It prints each time, peak RSS, the ratios to the floor and to the peers, and each of the issue's targets
# with "met" or "not met". It is a benchmark, not a test: it never fails on a time. It does check that
# parscore, pandas and Miller agree on every unit's total and parscore and pandas on every rank (and that
# parscore ranks the JSON input as the CSV), and exits 1 when they do not: that is a wrong answer.
# Times are wall-clock from bash's EPOCHREALTIME around the process (microseconds: /usr/bin/time's %e has
# only 10 ms); peak RSS is /usr/bin/time's %M, the largest of the runs.
# usage: bench/rank.sh [UNITS]   (installs miller, time, gawk and python3-pandas from Debian when it can;
#                                 builds parscore in Release and the floor into build-bench/)
set -euo pipefail
. "$(dirname "$0")/../scripts/setup.sh"
units=${1:-1000000}
[[ $units =~ ^[1-9][0-9]*$ ]] || { say "usage: bench/rank.sh [UNITS]   (UNITS: a whole number, default 1000000)"; exit 2; }
export LC_ALL=C.UTF-8 # a decimal point in EPOCHREALTIME, printf and sort, whatever the caller's locale
ensure_packages $PARSCORE_PACKAGES miller time gawk python3-pandas
PYTHON=/usr/bin/python3 # Debian's, where python3-pandas is (not a python3 found first on PATH)
BUILD_DIR="$ROOT/build-bench"
build_parscore "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DPARSCORE_BENCH=ON
PARSCORE="$BUILD_DIR/parscore"
FLOOR="$BUILD_DIR/csv_floor"
PLAN="$ROOT/data/sin-ho-2023.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$work/units.csv"
input_json="$work/units.json"

# the same pseudo-random units every run: 8 criteria and SIPAS, percents with 2 decimals; the JSON holds the
# same units with the numbers as written in the CSV: {"units": [{"unit": "Xã 0000000", "1": 63.82, ...}]}
gawk -v n="$units" -v json="$input_json" 'BEGIN {
    srand(2023); print "unit,1,2,3,4,5,6,7,8,sipas"
    printf "{\"units\": [" >json
    for (i = 0; i < n; i++) {
        name = sprintf("Xã %07d", i)
        line = name
        object = "{\"unit\": \"" name "\""
        for (k = 0; k < 9; k++) {
            value = sprintf("%.2f", 20 + rand() * 80)
            line = line "," value
            object = object ", \"" (k < 8 ? k + 1 : "sipas") "\": " value
        }
        print line
        printf "%s\n  %s}", (i ? "," : ""), object >json
    }
    print "\n]}" >json }' >"$input"
bytes=$(stat -c %s "$input")
bytes_json=$(stat -c %s "$input_json")

# the plan's criteria and their max points in hundredths ("7,5" -> 750): pandas reads the plan itself,
# Miller gets them written into its expression. Both compute the total exactly, in integer hundredths: in
# floats, about 1 total in 400 (those ending in an exact 5 at the third decimal) rounds the other way.
weights=$(mlr --icsv --onidx --skip-comments filter '$kind == "criterion"' then cut -o -f id,max_points "$PLAN" |
    gawk '{ sub(/,/, ".", $2); printf "%s %d\n", $1, $2 * 100 + 0.5 }')
miller_sum="" weight_sum=0
while read -r id hundredths; do
    miller_sum="$miller_sum${miller_sum:+ + }$hundredths * int(round(\${$id} * 100))"
    weight_sum=$((weight_sum + hundredths))
done <<<"$weights"

# pandas: the weighted total exactly, in integer hundredths (values x 100 are whole numbers; the total is
# Σ max_points x value / Σ max_points, rounded half away from zero as parscore rounds), a stable sort, best
# first, and competition ranks (equal totals at 2 decimals share a rank: 1, 2, 2, 4)
cat >"$work/rank_pandas.py" <<'EOF'
import io
import sys

import pandas as pd

plan_path, units_path, out_path = sys.argv[1:]
with open(plan_path, encoding="utf-8") as f:
    plan = pd.read_csv(io.StringIO("".join(l for l in f if not l.startswith("#"))), dtype=str,
                       keep_default_na=False)
criteria = plan[plan["kind"] == "criterion"]
weights = {i: round(float(m.replace(",", ".")) * 100) for i, m in zip(criteria["id"], criteria["max_points"])}
units = pd.read_csv(units_path, dtype={"unit": str})
weighted = sum((units[i] * 100).round().astype("int64") * w for i, w in weights.items())
den = sum(weights.values())
units["total100"] = (2 * weighted + den) // (2 * den)
units = units.sort_values("total100", ascending=False, kind="stable")
units["rank"] = units["total100"].rank(method="min", ascending=False).astype("int64")
units["total"] = units["total100"] / 100
units[["unit", "total", "rank"]].to_json(out_path, orient="records", force_ascii=False)
EOF

# the check: every unit's total in parscore's, pandas' and Miller's output, every rank in parscore's and
# pandas', and the listing order (ties in input order); prints the first differences, exits 1 on any
cat >"$work/agree.py" <<'EOF'
import csv
import json
import sys
from decimal import Decimal

units, parscore_csv, pandas_json, miller_csv = int(sys.argv[1]), *sys.argv[2:]


def hundredths(text):
    return int(Decimal(text).scaleb(2))


def shown(h):
    return "none" if h is None else f"{h // 100}.{h % 100:02d}"


with open(parscore_csv, encoding="utf-8", newline="") as f:
    parscore = [(r["unit"], int(r["rank"]), hundredths(r["total"])) for r in csv.DictReader(f)]
with open(pandas_json, encoding="utf-8") as f:
    pandas = [(r["unit"], int(r["rank"]), round(r["total"] * 100)) for r in json.load(f)]
with open(miller_csv, encoding="utf-8", newline="") as f:
    miller = {r["unit"]: hundredths(r["total"]) for r in csv.DictReader(f)}
pandas_by_unit = {u: (rank, total) for u, rank, total in pandas}
totals = ranks = order = 0
differences = []
for i, (unit, rank, total) in enumerate(parscore):
    p_rank, p_total = pandas_by_unit.get(unit, (None, None))
    m_total = miller.get(unit)
    if total == p_total == m_total:
        totals += 1
    else:
        differences.append(f"total of {unit}: parscore {shown(total)}, pandas {shown(p_total)}, Miller {shown(m_total)}")
    if rank == p_rank:
        ranks += 1
    else:
        differences.append(f"rank of {unit}: parscore {rank}, pandas {p_rank}")
    if i < len(pandas) and pandas[i][0] == unit:
        order += 1
    else:
        differences.append(f"line {i + 1}: parscore lists {unit}, pandas {pandas[i][0] if i < len(pandas) else None}")
print(f"totals agree: {totals}/{units} (parscore, pandas and Miller)")
print(f"ranks agree: {ranks}/{units} (parscore and pandas)")
print(f"listing order agrees: {order}/{units} (parscore and pandas; ties in input order)")
counts = {len(parscore), len(pandas), len(miller)}
if counts != {units}:
    differences.insert(0, f"units listed: parscore {len(parscore)}, pandas {len(pandas)}, Miller {len(miller)}")
for d in differences[:10]:
    print("  differs:", d)
if len(differences) > 10:
    print(f"  ... {len(differences)} differences in all")
sys.exit(1 if differences else 0)
EOF

declare -A sec kib # median seconds and peak KiB by step
median() { printf '%s\n' "$@" | sort -n | gawk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# measure NAME RUNS COMMAND...: runs COMMAND RUNS times, stdout to $work/out.NAME, under /usr/bin/time for
# its peak RSS; keeps the median wall time (s) and the largest peak (KiB)
measure() {
    local name=$1 runs=$2 i start end peak=0 rss times=()
    shift 2
    for ((i = 0; i < runs; i++)); do
        # outputs of earlier runs removed and written back first, outside the time: freeing a 138 MB file
        # on truncation, or the disk catching up with one, would slow whichever step came next
        rm -f "$work/out.$name" "$work/out.$name".*
        sync
        start=${EPOCHREALTIME/[.,]/}
        /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/out.$name"
        end=${EPOCHREALTIME/[.,]/}
        times+=($((10#$end - 10#$start)))
        rss=$(tail -n 1 "$work/rss")
        if ((rss > peak)); then peak=$rss; fi
    done
    sec[$name]=$(gawk -v us="$(median "${times[@]}")" 'BEGIN { printf "%.6f", us / 1e6 }')
    kib[$name]=$peak
}
# measure_quick NAME RUNS COMMAND...: for commands of milliseconds, timed without /usr/bin/time in between
# (one more run gives the peak RSS); stdout to /dev/null. The runs alternate with those of the others later.
quick_times_true=() quick_times_report=()
measure_quick_pair() {
    local i start end
    for ((i = 0; i < $1; i++)); do
        start=${EPOCHREALTIME/[.,]/}
        /bin/true
        end=${EPOCHREALTIME/[.,]/}
        quick_times_true+=($((10#$end - 10#$start)))
        start=${EPOCHREALTIME/[.,]/}
        "$PARSCORE" "$ROOT/examples/scores-2023-q3.csv" >/dev/null
        end=${EPOCHREALTIME/[.,]/}
        quick_times_report+=($((10#$end - 10#$start)))
    done
    sec[true]=$(gawk -v us="$(median "${quick_times_true[@]}")" 'BEGIN { printf "%.6f", us / 1e6 }')
    sec[report]=$(gawk -v us="$(median "${quick_times_report[@]}")" 'BEGIN { printf "%.6f", us / 1e6 }')
    /usr/bin/time -f %M -o "$work/rss" /bin/true
    kib[true]=$(tail -n 1 "$work/rss")
    /usr/bin/time -f %M -o "$work/rss" "$PARSCORE" "$ROOT/examples/scores-2023-q3.csv" >/dev/null
    kib[report]=$(tail -n 1 "$work/rss")
}

say "timing: $units units, 3 runs each (Miller takes longest)"
load_before=$(cut -d' ' -f1 /proc/loadavg) # other work on the machine slows every step: say how much there was
cat "$input" "$input_json" >/dev/null # in the page cache before the first run, for every step alike
measure floor 3 "$FLOOR" "$input"
measure text 3 "$PARSCORE" rank --format text --lang en "$input"
measure csv 3 "$PARSCORE" rank --format csv --lang en "$input"
measure json 3 "$PARSCORE" rank --format json --lang en "$input"
measure json_in 3 "$PARSCORE" rank --format csv --lang en "$input_json"
measure pandas 3 "$PYTHON" "$work/rank_pandas.py" "$PLAN" "$input" "$work/out.pandas.json"
measure miller 3 mlr --icsv --ocsv put "\$t100 = (2 * ($miller_sum) + $weight_sum) // $((2 * weight_sum));
        \$total = fmtnum(\$t100 / 100, \"%.2f\")" then sort -nr t100 then cut -o -f unit,total "$input"
measure_quick_pair 20

# the report: figures, then the targets of issue 11
cpu=$(gawk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(gawk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
pandas_version=$("$PYTHON" -c 'import pandas; print(pandas.__version__)')
miller_version=$(mlr --version | gawk '{ print $2 }')
printf 'bench/rank.sh, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf 'machine: %s, %s cores, %s RAM, %s\n' "$cpu" "$(nproc)" "$memory" "$(uname -sr)"
printf 'load average (1 min): %s before the runs, %s after\n' "$load_before" "$(cut -d' ' -f1 /proc/loadavg)"
printf 'input: %d units x 9 values; CSV %d bytes (%.1f MB), JSON %d bytes (%.1f MB)\n' \
    "$units" "$bytes" "$(gawk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
    "$bytes_json" "$(gawk -v b="$bytes_json" 'BEGIN { print b / 1e6 }')"
printf 'parscore %s (Release), pandas %s, Miller %s; median of 3 whole processes (20 for the last two),\n' \
    "$("$PARSCORE" --version | gawk '{ print $NF; exit }')" "$pandas_version" "$miller_version"
printf 'wall clock; peak RSS is the largest of the runs\n\n'

{
    printf 'floor\t%s\t%s\tbare libcsv pass (csv_floor)\n' "${sec[floor]}" "${kib[floor]}"
    printf 'text\t%s\t%s\tparscore rank --format text\n' "${sec[text]}" "${kib[text]}"
    printf 'csv\t%s\t%s\tparscore rank --format csv\n' "${sec[csv]}" "${kib[csv]}"
    printf 'json\t%s\t%s\tparscore rank --format json\n' "${sec[json]}" "${kib[json]}"
    printf 'json_in\t%s\t%s\tparscore rank --format csv, JSON in\n' "${sec[json_in]}" "${kib[json_in]}"
    printf 'pandas\t%s\t%s\tpandas %s\n' "${sec[pandas]}" "${kib[pandas]}" "$pandas_version"
    printf 'miller\t%s\t%s\tMiller %s\n' "${sec[miller]}" "${kib[miller]}" "$miller_version"
    printf 'true\t%s\t%s\t/bin/true\n' "${sec[true]}" "${kib[true]}"
    printf 'report\t%s\t%s\tparscore examples/scores-2023-q3.csv\n' "${sec[report]}" "${kib[report]}"
} | gawk -F'\t' -v units="$units" '
    { key[NR] = $1; s[$1] = $2; kb[$1] = $3; label[$1] = $4 }
    function t(x) { return x >= 1 ? sprintf("%7.2f s ", x) : sprintf("%7.1f ms", x * 1000) }
    function ok(c) { return c ? "met" : "not met" }
    function target(what, value, goal, pass, unit) {
        printf "  %-52s %8.2f%-4s %-10s %s\n", what, value, unit, goal unit, ok(pass)
    }
    END {
        printf "%-40s %10s %10s %8s %11s %11s\n", "", "time", "peak RSS", "x floor", "Miller/this", "pandas/this"
        for (i = 1; i <= NR; i++) {
            k = key[i]
            if (k == "true") printf "\n"
            printf "%-40s %10s %6.1f MiB", label[k], t(s[k]), kb[k] / 1024
            if (k != "true" && k != "report") printf " %8.2f", s[k] / s["floor"]
            if (k == "text" || k == "csv" || k == "json" || k == "json_in")
                printf " %11.1f %11.1f", s["miller"] / s[k], s["pandas"] / s[k]
            if (k == "report") printf " %8.2f x /bin/true", s[k] / s["true"]
            printf "\n"
        }
        printf "\ntargets (issue 11, 2 cores)\n"
        split("text csv json", formats, " ")
        for (f = 1; f <= 3; f++) {
            k = formats[f]
            target(label[k] ": time / floor", s[k] / s["floor"], "<= 3", s[k] <= 3 * s["floor"], "x")
            target(label[k] ": Miller time / its", s["miller"] / s[k], ">= 40", s["miller"] >= 40 * s[k], "x")
            target(label[k] ": pandas time / its", s["pandas"] / s[k], ">= 8", s["pandas"] >= 8 * s[k], "x")
        }
        k = "json_in"
        target(label[k] ": time / CSV in", s[k] / s["csv"], "<= 2", s[k] <= 2 * s["csv"], "x")
        n = split("text csv json json_in", all, " ")
        for (f = 1; f <= n; f++) {
            k = all[f]
            target(label[k] ": peak RSS", kb[k] / 1024, "<= 64", kb[k] <= 64 * 1024, " MiB")
        }
        target(label["report"] ": time / /bin/true", s["report"] / s["true"], "<= 2", s["report"] <= 2 * s["true"], "x")
        if (units != 1000000) printf "  (the RSS target is for 1,000,000 units; this run has %d)\n", units
    }'

printf '\nagreement (every unit, not a sample)\n'
status=0
"$PYTHON" "$work/agree.py" "$units" "$work/out.csv" "$work/out.pandas.json" "$work/out.miller" || status=1
if cmp -s "$work/out.csv" "$work/out.json_in"; then
    printf 'JSON input ranked as the CSV: the same output\n'
else
    printf 'JSON input ranked as the CSV: the outputs differ\n'
    diff "$work/out.csv" "$work/out.json_in" | head -n 6 || true
    status=1
fi
[ "$status" -eq 0 ] || say "bench/rank.sh: the answers disagree (see above): a correctness failure, not a time"
exit "$status"
