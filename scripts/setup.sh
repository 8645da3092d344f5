# Shared by scripts/demo and scripts/test: installs missing Debian packages, configures, builds.
# Sourced, not run. Set BUILD_DIR to build elsewhere than build/.

# what building needs; scripts/test needs TEST_PACKAGES as well, and scripts/test --full FULL_TEST_PACKAGES
PARSCORE_PACKAGES="cmake gcc make pkg-config libc6-dev libcsv-dev libcjson-dev libcmocka-dev libutf8proc-dev libxlsxwriter-dev libzip-dev libexpat1-dev"
TEST_PACKAGES="clang libclang-rt-14-dev python3 python3-jsonschema python3-openpyxl jq librsvg2-bin fonts-dejavu-core dpkg-dev file"
FULL_TEST_PACKAGES="valgrind"
FUZZ_PACKAGES="clang libclang-rt-14-dev"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}

say() { printf '%s\n' "$*" >&2; }

missing_packages() {
    local missing="" p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
    done
    printf '%s' "${missing# }"
}

# Installs what is missing, as root or through sudo; otherwise says what to install and stops.
ensure_packages() {
    local missing
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    local as=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            as="sudo"
        else
            say "parscore needs these Debian packages: $missing"
            say "Install them with:  sudo apt-get install $missing"
            exit 2
        fi
    fi
    say "Installing: $missing"
    $as env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
        $as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
        { say "apt-get could not install: $missing"; exit 2; }
}

# build_parscore [DIR [CMAKE_OPTION...]]: configures DIR (RelWithDebInfo unless an option says otherwise) when
# it has no cache yet, applies the options given to an existing one, and builds with both cores.
build_parscore() {
    local dir=${1:-$BUILD_DIR}
    shift || true
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || exit 2
    elif [ $# -gt 0 ]; then
        cmake -S "$ROOT" -B "$dir" "$@" >/dev/null || exit 2
    fi
    cmake --build "$dir" -j2 >/dev/null || { cmake --build "$dir" -j1; exit 2; }
}
