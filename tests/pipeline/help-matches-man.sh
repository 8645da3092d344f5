#!/bin/sh
# The man page and --help (both languages) must list the same options and commands.
# usage: help-matches-man.sh PARSCORE MANPAGE
set -u
bin=$1 man=$2
opts_help() { "$bin" --help --lang "$1" | grep -oE '(^|[ ,])--?[a-zA-Z][a-z-]*' | sed 's/^[ ,]*//' | sort -u; }
opts_man() { sed 's/\\-/-/g' "$man" | grep -oE '(^|[ ,"])--?[a-zA-Z][a-z-]*' | sed 's/^[ ,"]*//' | sort -u; }
status=0
for lang in vi en; do
    if ! diff -u "$(t=$(mktemp); opts_man >"$t"; echo "$t")" "$(t=$(mktemp); opts_help "$lang" >"$t"; echo "$t")"; then
        echo "options differ between $man (-) and --help --lang $lang (+)"
        status=1
    fi
done
for cmd in report check rank trend template; do
    grep -q "^\.B $cmd\$" "$man" || { echo "man page does not describe the command $cmd"; status=1; }
done
[ "$(opts_help vi | wc -l)" -ge 8 ] || { echo "too few options found in --help"; status=1; }
exit $status
