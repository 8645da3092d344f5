#!/usr/bin/env bash
# shellcheck disable=SC2015,SC2317 # (`A && pass || fail`: pass always succeeds; cleanup runs from a trap)
# The installation and the Debian package, each into a scratch directory that is removed at the end;
# nothing outside it is touched (the build tree's install_manifest.txt, which `cmake --install` and
# cpack rewrite, is put back as it was).
#
#   install-test.sh tree BUILD_DIR SOURCE_DIR VERSION [CPACK [CONFIG]]
#       cmake --install BUILD_DIR --prefix SCRATCH, then the installed files and the installed binary
#   install-test.sh deb  BUILD_DIR SOURCE_DIR VERSION [CPACK [CONFIG]]
#       cpack -G DEB into SCRATCH, its control fields (Depends from dpkg-shlibdeps) and contents, then
#       dpkg-deb -x into a scratch root and the binary from there; exits 77 (skipped) without
#       dpkg-deb, dpkg-shlibdeps (package dpkg-dev) or file, which CPack needs for the Depends line
#
# Prints one line per check and closes with "N passed, M failed"; exits 1 when a check failed.
set -u

mode=${1:?usage: install-test.sh tree|deb BUILD_DIR SOURCE_DIR VERSION [CPACK [CONFIG]]}
build=${2:?build directory}
source=${3:?source directory}
version=${4:?project version}
cpack=${5:-cpack}
config=${6:-} # the build configuration (multi-config generators need it)
build=$(cd "$build" && pwd) && source=$(cd "$source" && pwd) || exit 2

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'ok      %s\n' "$1"; }
fail() {
    failed=$((failed + 1))
    printf 'FAILED  %s\n' "$1"
    [ -n "${2-}" ] && printf '%s\n' "$2" | sed 's/^/        /'
    return 0
}
# check NAME COMMAND...: passes when the command succeeds; its output is shown when it does not
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}
finish() {
    printf '%d passed, %d failed\n' "$passed" "$failed"
    [ "$failed" -eq 0 ]
    exit
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/parscore-install-test.XXXXXX") || exit 2
manifest=$build/install_manifest.txt
had_manifest=false
if [ -e "$manifest" ]; then
    cp -p "$manifest" "$scratch/install_manifest.saved" && had_manifest=true
fi
cleanup() {
    if $had_manifest; then
        cp -p "$scratch/install_manifest.saved" "$manifest"
    else
        rm -f "$manifest"
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
unset DESTDIR # an inherited DESTDIR would move the installation out of the scratch directory
export LC_ALL=C.UTF-8
mkdir "$scratch/empty" # the working directory of the completion checks: no file names to offer

# runs the binary: RUN_STATUS, RUN_OUT (stdout) and RUN_ERR (stderr)
run() {
    RUN_OUT=$("$@" 2>"$scratch/stderr")
    RUN_STATUS=$?
    RUN_ERR=$(cat "$scratch/stderr")
}
# expect_run NAME STATUS TEXT COMMAND...: the exit status is STATUS and stdout contains TEXT
expect_run() {
    local name=$1 status=$2 text=$3
    shift 3
    run "$@"
    if [ "$RUN_STATUS" -ne "$status" ]; then
        fail "$name" "exit status $RUN_STATUS, expected $status; stderr: $RUN_ERR"
    elif [[ $RUN_OUT != *"$text"* ]]; then
        fail "$name" "stdout lacks '$text':
$RUN_OUT"
    else
        pass "$name"
    fi
}

# The files an installation holds, relative to its prefix, sorted: what the tree and the package must
# hold exactly (no test program, no library, nothing else).
expected_files() {
    {
        echo bin/parscore
        echo share/man/man1/parscore.1
        echo share/bash-completion/completions/parscore
        echo share/parscore/sin-ho-2023.csv
        echo share/parscore/parscore-report.schema.json
        echo share/doc/parscore/README.md
        for f in "$source"/examples/*.csv "$source"/examples/*.xlsx; do
            echo "share/doc/parscore/examples/${f##*/}"
        done
    } | LC_ALL=C sort
}
files_under() { (cd "$1" && find . -type f -o -type l) | sed 's#^\./##' | LC_ALL=C sort; }
# same_files NAME ACTUAL_LIST: the list equals expected_files
same_files() {
    local diffs
    if diffs=$(diff <(expected_files) <(printf '%s\n' "$2") 2>&1); then
        pass "$1"
    else
        fail "$1" "$(printf '%s\n(< expected, > found)' "$diffs")"
    fi
}
# the installed data files are the sources', byte for byte
same_data() {
    local prefix=$1 what=$2 f
    check "$what: man page is doc/parscore.1" cmp "$source/doc/parscore.1" "$prefix/share/man/man1/parscore.1"
    check "$what: bash completion is doc/parscore.bash-completion" \
        cmp "$source/doc/parscore.bash-completion" "$prefix/share/bash-completion/completions/parscore"
    check "$what: plan is data/sin-ho-2023.csv" cmp "$source/data/sin-ho-2023.csv" "$prefix/share/parscore/sin-ho-2023.csv"
    check "$what: schema is doc/parscore-report.schema.json" \
        cmp "$source/doc/parscore-report.schema.json" "$prefix/share/parscore/parscore-report.schema.json"
    check "$what: README.md" cmp "$source/README.md" "$prefix/share/doc/parscore/README.md"
    local bad=""
    for f in "$source"/examples/*.csv "$source"/examples/*.xlsx; do
        cmp -s "$f" "$prefix/share/doc/parscore/examples/${f##*/}" || bad="$bad ${f##*/}"
    done
    if [ -z "$bad" ]; then pass "$what: examples are examples/*.csv and *.xlsx"; else fail "$what: examples differ or are missing:$bad"; fi
}
# the installed binary and data work together
run_installed() {
    local prefix=$1 what=$2
    local ps=$prefix/bin/parscore ex=$prefix/share/doc/parscore/examples
    check "$what: bin/parscore is executable" test -x "$ps"
    expect_run "$what: parscore --version" 0 "parscore $version" "$ps" --version
    expect_run "$what: parscore --help" 0 "parscore check" "$ps" --help
    expect_run "$what: report on the installed example" 0 "64,94" "$ps" "$ex/scores-2023-q3.csv"
    expect_run "$what: report in English" 0 "64.94" "$ps" --lang en "$ex/scores-2023-q3.csv"
    expect_run "$what: report with the installed plan (--plan)" 0 "64,94" \
        "$ps" --plan "$prefix/share/parscore/sin-ho-2023.csv" "$ex/scores-2023-q3.csv"
    expect_run "$what: rank of the installed communes" 0 "Pa Tần" "$ps" rank "$ex/communes-2023.csv"
    expect_run "$what: --peers with the installed peers" 0 "64,94" \
        "$ps" --peers "$ex/peers-2022.csv" "$ex/scores-2023-q3.csv"
    expect_run "$what: JSON report" 0 '"schema_version":' "$ps" --format json "$ex/scores-2023-q3.csv"
    expect_run "$what: check exits 1 on the example (a target is missed)" 1 "" "$ps" check "$ex/scores-2023-q3.csv"
    # shellcheck disable=SC2016 # $1.. are for the inner sh
    check "$what: a workbook to -o (a zip file)" sh -c '"$1" --format xlsx -o "$2" "$3" && [ "$(head -c 2 "$2")" = PK ]' \
        sh "$ps" "$scratch/report.xlsx" "$ex/scores-2023-q3.csv"
    # shellcheck disable=SC2016
    check "$what: a workbook in (the example's)" sh -c '"$1" "$2" | grep -q "64,94"' sh "$ps" "$ex/scores-2023-q3.xlsx"
}
# the installed completion registers _parscore and completes (plain bash, no bash-completion loaded)
completion_works() {
    local file=$1 what=$2 out
    out=$(cd "$scratch/empty" && bash --norc --noprofile -c '
        source "$1" || exit 1
        complete -p parscore || exit 1
        comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                 COMPREPLY=(); _parscore; echo "${COMPREPLY[*]}"; }
        comp parscore ""
        comp parscore --form
        comp parscore --format ""
        comp parscore --lang ""
        comp parscore --by ""
        comp parscore check --on' bash "$file" 2>&1)
    # line by line: patterns, as the commands and formats may grow
    local want=('complete -F _parscore parscore' 'report check rank*' '--format' 'text json csv*' 'vi en' 'owner'
        '--only')
    local i line ok=true
    for ((i = 0; i < ${#want[@]}; i++)); do
        line=$(printf '%s\n' "$out" | sed -n "$((i + 1))p")
        # shellcheck disable=SC2053
        [[ $line == ${want[i]} ]] || ok=false
    done
    if $ok; then pass "$what: bash completion"; else fail "$what: bash completion" "$out"; fi
}

case $mode in
tree)
    prefix=$scratch/prefix
    if out=$(cmake --install "$build" ${config:+--config "$config"} --prefix "$prefix" 2>&1); then
        pass "cmake --install --prefix SCRATCH"
    else
        fail "cmake --install --prefix SCRATCH" "$out"
        finish
    fi
    same_files "installed files are exactly the expected ones" "$(files_under "$prefix")"
    same_data "$prefix" installed
    check "installed: man page has its header" grep -q '^\.TH PARSCORE 1 ' "$prefix/share/man/man1/parscore.1"
    if command -v man >/dev/null 2>&1; then
        # shellcheck disable=SC2016 # $1 is for the inner sh
        check "installed: man -l renders the page" sh -c 'man -l "$1" 2>/dev/null | grep -q scorecard' sh \
            "$prefix/share/man/man1/parscore.1"
    fi
    if command -v jq >/dev/null 2>&1; then
        check "installed: schema is JSON" jq empty "$prefix/share/parscore/parscore-report.schema.json"
    fi
    completion_works "$prefix/share/bash-completion/completions/parscore" installed
    run_installed "$prefix" installed
    ;;
deb)
    missing=""
    for tool in dpkg dpkg-deb dpkg-shlibdeps file; do
        command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
    done
    if [ -n "$missing" ]; then
        echo "SKIPPED: the Debian package test needs:$missing (Debian packages dpkg-dev and file)"
        printf '%d passed, %d failed\n' "$passed" "$failed"
        exit 77
    fi
    arch=$(dpkg --print-architecture)
    deb=$scratch/pkg/parscore_${version}_${arch}.deb
    # as `make package` does, from the build tree (cpack first brings it up to date: its preinstall
    # target); everything it writes goes to the output directory -B, in the scratch directory
    if out=$(cd "$build" && "$cpack" -G DEB ${config:+-C "$config"} --config "$build/CPackConfig.cmake" -B "$scratch/pkg" 2>&1); then
        pass "cpack -G DEB -B SCRATCH"
    else
        fail "cpack -G DEB -B SCRATCH" "$out"
        finish
    fi
    if [ -f "$deb" ]; then pass "package is ${deb##*/}"; else
        fail "package is ${deb##*/}" "found: $(ls "$scratch/pkg")"
        finish
    fi
    info=$(dpkg-deb --info "$deb" 2>&1) || fail "dpkg-deb --info" "$info"
    printf '%s\n' "$info" | sed -n 's/^ \(Depends\|Installed-Size\): /        &/p'
    field() { dpkg-deb --field "$deb" "$1" 2>/dev/null; }
    [ "$(field Package)" = parscore ] && pass "Package: parscore" || fail "Package: parscore" "$info"
    [ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version: $version" "$info"
    [ "$(field Architecture)" = "$arch" ] && pass "Architecture: $arch" || fail "Architecture: $arch" "$info"
    [ "$(field Section)" = utils ] && pass "Section: utils" || fail "Section: utils" "$info"
    [[ $(field Maintainer) == ?*' <'?*'>' ]] && pass "Maintainer: Name <email>" || fail "Maintainer: Name <email>" "$info"
    [[ $(field Description) == *'PAR INDEX'*SIPAS* ]] && pass "Description names PAR INDEX and SIPAS" ||
        fail "Description names PAR INDEX and SIPAS" "$info"
    depends=$(field Depends)
    for lib in libc6 libcsv3 libcjson1 libutf8proc2 libxlsxwriter4 libzip4 libexpat1; do
        # a whole package name in the comma-separated list, with or without a version
        if printf '%s\n' "$depends" | tr ',' '\n' | grep -Eq "^ *$lib( |$)"; then
            pass "Depends names $lib"
        else
            fail "Depends names $lib" "Depends: $depends"
        fi
    done
    contents=$(dpkg-deb --contents "$deb" 2>&1) || fail "dpkg-deb --contents" "$contents"
    listed=$(printf '%s\n' "$contents" | awk '$1 !~ /^d/ { print $6 }' | sed 's#^\./usr/##' | LC_ALL=C sort)
    same_files "package holds exactly the expected files under /usr" "$listed"
    if printf '%s\n' "$contents" | awk '{ print $6 }' | grep -Eq '(^|/)(test_|fuzz_)|/tests?/|\.a$|\.so(\.|$)'; then
        fail "no test programs or libraries in the package" "$contents"
    else
        pass "no test programs or libraries in the package"
    fi
    if printf '%s\n' "$contents" | awk '$2 != "root/root"' | grep -q .; then
        fail "every file is owned by root/root" "$contents"
    else
        pass "every file is owned by root/root"
    fi

    root=$scratch/root
    check "dpkg-deb -x into a scratch root" dpkg-deb -x "$deb" "$root"
    executables=$(cd "$root" && find . -type f -perm /111 | sed 's#^\./##')
    [ "$executables" = usr/bin/parscore ] && pass "the only executable is usr/bin/parscore" ||
        fail "the only executable is usr/bin/parscore" "$executables"
    kind=$(file -b "$root/usr/bin/parscore")
    [[ $kind == *ELF*', stripped'* ]] && pass "usr/bin/parscore is a stripped ELF binary" ||
        fail "usr/bin/parscore is a stripped ELF binary" "$kind"
    same_data "$root/usr" package
    completion_works "$root/usr/share/bash-completion/completions/parscore" package
    run_installed "$root/usr" package
    ;;
*)
    echo "install-test.sh: unknown mode '$mode' (tree or deb)" >&2
    exit 2
    ;;
esac
finish
