#!/bin/sh
# Runs one fuzz target for SECONDS on a corpus seeded from the project's own test data; a crash fails.
# usage: run-fuzz.sh FUZZER SECONDS WORKDIR SEED_GLOB...
set -u
fuzzer=$1 seconds=$2 work=$3
shift 3
name=$(basename "$fuzzer")
corpus=$work/corpus/$name
mkdir -p "$corpus" "$work/artifacts"
for pattern in "$@"; do
    for f in $pattern; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp -n "$f" "$corpus/" 2>/dev/null
    done
done
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$work/artifacts/$name-" -print_final_stats=1 "$corpus" >"$work/$name.log" 2>&1
status=$?
tail -n 12 "$work/$name.log"
if [ $status -ne 0 ]; then
    echo "$name: FINDING (exit $status); see $work/$name.log and $work/artifacts/"
    exit 1
fi
echo "$name: no finding in $seconds s"
