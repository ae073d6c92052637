#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's two commands. On a fresh Debian 12 machine (as root, or with sudo available) it installs what is
# missing, builds, and then either launches the workbench or runs every test.
#
#   bash installer/quickstart.sh launch [tillbridge options...]   build and open the workbench
#   bash installer/quickstart.sh test                             build and run the whole test suite (CI runs this)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-}"
shift || true

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'quickstart: %s\n' "$*" >&2; exit 2; }

packages_from() { grep -vE '^\s*(#|$)' "$1"; }

install_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || die "installing ${missing[*]} needs root (or sudo)"
        sudo=(sudo)
    fi
    log "Installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    local build_dir="$1"
    shift
    local werror=OFF
    [[ "${CI:-}" == "true" ]] && werror=ON
    log "Configuring $build_dir"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTILLBRIDGE_WERROR="$werror" >/dev/null
    log "Building"
    cmake --build "$build_dir" "$@"
}

# True when the session bus offers a Secret Service (a desktop keyring), running or activatable.
has_keyring() {
    [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || return 1
    local method
    for method in ListNames ListActivatableNames; do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            "org.freedesktop.DBus.$method" 2>/dev/null | grep -q '"org.freedesktop.secrets"' && return 0
    done
    return 1
}

case "$mode" in
launch)
    mapfile -t packages < <(packages_from "$here/debian/packages-build.txt")
    install_packages "${packages[@]}" xvfb xauth dbus dbus-daemon dbus-bin gnome-keyring
    build_dir="$root/build/release"
    configure_and_build "$build_dir" --target tillbridge
    app=("$build_dir/app/tillbridge" --demo)
    # The demo keeps its generated passwords in the keychain, like any other. Without a keyring on this session
    # (a bare server, or root without a desktop session) it gets a private, throwaway one.
    if ! has_keyring; then
        log "No keyring in this session: the demo gets a private, throwaway one"
        app=("$here/with-test-keyring.sh" "${app[@]}")
    fi
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
        log "Launching the Tillbridge demo"
        exec "${app[@]}" "$@"
    fi
    # No display (a server or a container): show that it works by rendering the window off-screen.
    shot="$root/build/tillbridge-window.png"
    log "No display found: rendering the window under Xvfb to $shot"
    xvfb-run -a -s "-screen 0 1600x1000x24" "${app[@]}" --screenshot "$shot" "$@"
    log "Saved $shot"
    ;;
test)
    mapfile -t packages < <(packages_from "$here/debian/packages-build.txt" && packages_from "$here/debian/packages-test.txt")
    install_packages "${packages[@]}"
    build_dir="$root/build/test"
    configure_and_build "$build_dir"
    log "Running the test suite (headless, with a throwaway keyring)"
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen "$here/with-test-keyring.sh" \
        ctest --output-on-failure --no-tests=error -j "$(nproc)" "$@"
    ;;
*)
    die "usage: bash installer/quickstart.sh launch|test"
    ;;
esac
