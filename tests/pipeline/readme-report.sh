#!/bin/sh
# Every line of the README's example report must be a line of the real report, so the README cannot drift.
# usage: readme-report.sh PARSCORE README EXAMPLE
set -u
bin=$1 readme=$2 example=$3
actual=$(mktemp) shown=$(mktemp)
trap 'rm -f "$actual" "$shown"' EXIT
(cd "$(dirname "$readme")" && "$bin" "$example") >"$actual" 2>/dev/null || { echo "parscore failed"; exit 1; }
sed -n '/^The report for the illustrative example/,/^```$/p' "$readme" | sed -n '/^```text$/,/^```$/p' |
    grep -v -e '^```' -e '^…$' >"$shown"
[ "$(wc -l <"$shown")" -ge 10 ] || { echo "no example report found in $readme"; exit 1; }
status=0
while IFS= read -r line; do
    grep -qxF -- "$line" "$actual" || { echo "README line not in the report: $line"; status=1; }
done <"$shown"
exit $status
