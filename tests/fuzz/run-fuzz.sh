#!/usr/bin/env bash
# Runs one fuzz target on a corpus seeded from the project's own test data, either fuzzing for SECONDS or,
# with "replay", running every seed once (libFuzzer -runs=0); a crash, leak, sanitizer report or timeout
# fails, and so does a replay that finds no seed. usage: run-fuzz.sh FUZZER SECONDS|replay WORKDIR SEED_GLOB...
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: run-fuzz.sh FUZZER SECONDS|replay WORKDIR SEED_GLOB..." >&2
    exit 2
fi
fuzzer=$1 mode=$2 work=$3
shift 3
name=$(basename "$fuzzer")
case $mode in
replay)
    # exactly the seeds, without what timed runs added
    corpus=$work/replay/$name
    rm -rf "$corpus"
    run=(-runs=0)
    log=$work/$name.replay.log
    ;;
'' | *[!0-9]*)
    echo "run-fuzz.sh: SECONDS must be a number or 'replay', not '$mode'" >&2
    exit 2
    ;;
*)
    # the corpus grows from run to run
    corpus=$work/corpus/$name
    run=(-max_total_time="$mode")
    log=$work/$name.log
    ;;
esac
mkdir -p "$corpus" "$work/artifacts"
for pattern in "$@"; do
    for f in $pattern; do # a glob: left as it is when it matches nothing
        if [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && [ ! -e "$corpus/${f##*/}" ]; then
            cp "$f" "$corpus/"
        fi
    done
done
seeds=$(find "$corpus" -type f | wc -l)
if [ "$mode" = replay ] && [ "$seeds" -eq 0 ]; then
    echo "$name: no seed matched the patterns: $*"
    exit 1
fi

status=0
"$fuzzer" "${run[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$work/artifacts/$name-" -print_final_stats=1 "$corpus" >"$log" 2>&1 || status=$?
tail -n 12 "$log"
if [ "$status" -ne 0 ]; then
    echo "$name: FINDING (exit $status); see $log and $work/artifacts/"
    exit 1
fi
if [ "$mode" = replay ]; then
    # libFuzzer runs the seeds and one empty input: fewer means some seed was not run
    executed=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)$/\1/p' "$log")
    if [ -z "$executed" ] || [ "$executed" -lt "$seeds" ]; then
        echo "$name: ran ${executed:-no} inputs, fewer than the $seeds seeds"
        exit 1
    fi
    echo "$name: no finding in $seeds seeds"
else
    echo "$name: no finding in $mode s"
fi
