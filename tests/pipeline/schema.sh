#!/bin/sh
# Validates the JSON report of `parscore ARGS...` against doc/parscore-report.schema.json.
# usage: schema.sh PARSCORE SCHEMA EXPECTED_STATUS ARGS...
set -u
bin=$1 schema=$2 want=$3
shift 3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" --format json "$@" >"$out" 2>/dev/null
status=$?
[ "$status" -eq "$want" ] || { echo "exit status $status, expected $want"; exit 1; }
/usr/bin/python3 "$(dirname "$0")/validate.py" "$schema" "$out"
