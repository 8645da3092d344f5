#!/bin/sh
# Runs the bad-input corpus, or one case of it: usage: run.sh BINARY GENERATED_DIR [FILE ROLE [LANG]]
#
# Every case of cases.tsv (FILE, ROLE, EXPECTED_STATUS, FRAGMENT and an optional LANG, tab-separated; '#'
# lines are comments) must exit with EXPECTED_STATUS, print nothing on stdout, print FRAGMENT (a fixed
# string) on stderr, and print no sanitizer or valgrind report. FILE is relative to this folder; @gen/NAME is
# NAME in GENERATED_DIR (made by generate.sh). ROLE says how parscore gets the file:
#   scores  parscore FILE                 plan   parscore --plan FILE
#   peers   parscore --peers FILE ../../examples/scores-2023-q3.csv
#   units   parscore rank FILE            check  parscore check FILE
#   stdin   parscore - < FILE         subscores  parscore --plan ../../examples/plan-sub-criteria.csv FILE
# LANG (vi by default) is passed as --lang LANG.
#
# With FILE and ROLE (and LANG when the case has one), runs only the case of cases.tsv with exactly those
# fields, as ctest does (tests/bad/CMakeLists.txt makes one test of each case); no such case is an error.
# Prints one line per failed case and a last line "N passed, M failed"; exits 1 if any case failed.
# Environment: PARSCORE_WRAPPER goes before the binary (e.g. "valgrind --error-exitcode=99 -q");
# PARSCORE_BAD_TIMEOUT is the seconds a case may take (default 30); PARSCORE_BAD_ONLY, if set, runs only the
# cases whose FILE contains it.
set -u

if [ $# -ne 2 ] && [ $# -ne 4 ] && [ $# -ne 5 ]; then
    echo "usage: $0 BINARY GENERATED_DIR [FILE ROLE [LANG]]" >&2
    exit 2
fi

absolute() {
    case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$(pwd)" "$1" ;;
    esac
}

bin=$(absolute "$1")
gen=$(absolute "$2")
one=false
if [ $# -ge 4 ]; then
    one=true
    want_file=$3
    want_role=$4
    want_lang=${5:-}
fi
here=$(cd "$(dirname "$0")" && pwd)
wrapper=${PARSCORE_WRAPPER:-}
limit=${PARSCORE_BAD_TIMEOUT:-30}
only=${PARSCORE_BAD_ONLY:-}

if [ ! -x "$bin" ]; then
    echo "run.sh: $bin is not an executable" >&2
    exit 2
fi

cd "$here" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/parscore-bad.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

tab=$(printf '\t')
passed=0
failed=0
line_no=0

fail() {
    failed=$((failed + 1))
    printf 'FAIL cases.tsv:%s: %s (%s): %s\n' "$line_no" "$file" "$role" "$1"
}

while IFS= read -r entry || [ -n "$entry" ]; do
    line_no=$((line_no + 1))
    case $entry in
    '' | '#'*) continue ;;
    esac
    if $one; then
        case $entry in
        "$want_file$tab$want_role$tab"*) ;;
        *) continue ;;
        esac
    fi
    lang=
    IFS=$tab read -r file role status fragment lang <<EOF
$entry
EOF
    if $one && [ "$lang" != "$want_lang" ]; then
        continue
    fi
    if [ -z "${fragment:-}" ]; then
        fail "malformed line: expected FILE, ROLE, STATUS and FRAGMENT separated by tabs"
        continue
    fi
    if [ -n "$only" ]; then
        case $file in
        *"$only"*) ;;
        *) continue ;;
        esac
    fi
    case $file in
    @gen/*)
        if [ ! -d "$gen" ]; then
            fail "$gen is not a folder: run generate.sh $gen first"
            continue
        fi
        path=$gen/${file#@gen/}
        ;;
    *) path=$file ;;
    esac
    set -- --lang "${lang:-vi}"
    case $role in
    scores) set -- "$@" "$path" ;;
    plan) set -- "$@" --plan "$path" ;;
    peers) set -- "$@" --peers "$path" ../../examples/scores-2023-q3.csv ;;
    units) set -- rank "$@" "$path" ;;
    check) set -- check "$@" "$path" ;;
    stdin) set -- "$@" - ;;
    subscores) set -- "$@" --plan ../../examples/plan-sub-criteria.csv "$path" ;;
    *)
        fail "unknown role '$role'"
        continue
        ;;
    esac
    if [ "$role" = stdin ]; then
        # shellcheck disable=SC2086 # the wrapper is a command line
        timeout "$limit" $wrapper "$bin" "$@" <"$path" >"$work/out" 2>"$work/err"
    else
        # shellcheck disable=SC2086
        timeout "$limit" $wrapper "$bin" "$@" </dev/null >"$work/out" 2>"$work/err"
    fi
    got=$?
    problems=
    if [ "$got" -eq 124 ]; then
        problems="timed out after ${limit}s"
    elif [ "$got" -ne "$status" ]; then
        problems="exit status $got, expected $status"
    fi
    if [ -s "$work/out" ]; then
        problems="${problems:+$problems; }$(wc -c <"$work/out" | tr -d ' ') bytes on stdout"
    fi
    if ! LC_ALL=C grep -qF -- "$fragment" "$work/err"; then
        problems="${problems:+$problems; }stderr lacks '$fragment'"
    fi
    if LC_ALL=C grep -qE 'runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|^==[0-9]+==' \
        "$work/err"; then
        problems="${problems:+$problems; }sanitizer or valgrind report"
    fi
    if [ -n "$problems" ]; then
        fail "$problems; stderr: $(head -n 1 "$work/err" | cut -c 1-300)"
    else
        passed=$((passed + 1))
    fi
done <cases.tsv

if $one && [ $((passed + failed)) -eq 0 ]; then
    echo "run.sh: no case '$want_file' '$want_role'${want_lang:+ '$want_lang'} in cases.tsv" >&2
    exit 2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
