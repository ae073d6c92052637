#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package installs, runs and removes for real on this machine:
#   deb-install.sh CPACK_CONFIG VERSION APP_ID "ICON SIZES"
#
#  1. cpack builds the .deb from the build tree (into a temporary directory, not the build tree);
#  2. its control fields and file list are checked (dpkg-shlibdeps found Qt; the plugin and keyring dependencies the
#     linker cannot see are there), and lintian finds no errors;
#  3. `dpkg -i` installs it; both programs are on PATH in /usr/bin, `tillbridge-cli --version` says VERSION, the
#     installed CLI creates a cache (the SQLite plugin from the package's dependencies), and the installed workbench
#     opens the demo off-screen, takes its screenshot and exits by itself (private HOME and keyring);
#  4. `dpkg -r` removes it, and not one of its files is left behind.
#
# It needs root and a free dpkg lock, and it never touches a tillbridge that was installed before it ran: in those
# cases it skips with exit code 77 (CTest's SKIP_RETURN_CODE). CI runs as root on a fresh Debian 12 machine.
set -euo pipefail

config="$1"
version="$2"
app_id="$3"
read -r -a icon_sizes <<<"${4//;/ }" # CTest passes the CMake list with semicolons
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
with_keyring="$here/../with-test-keyring.sh"
package=tillbridge
# Only the system's directories: never the build tree's programs by accident.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin

step() { printf '\n== %s\n' "$*"; }
skip() { printf 'deb-install: SKIP: %s\n' "$*"; exit 77; }
fail() { printf 'deb-install: FAIL: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "'$1' is missing (apt install $2; it is in installer/debian/packages-test.txt)"; }

[[ "$(id -u)" -eq 0 ]] || skip "a real dpkg -i needs root (CI runs as root)"
command -v dpkg >/dev/null || skip "not a Debian system (no dpkg)"
need cpack cmake
need dpkg-shlibdeps dpkg-dev
need file file
need lintian lintian
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need python3 python3
need xvfb-run xvfb
need xprop x11-utils
need xwininfo x11-utils
[[ -f "$config" ]] || fail "no CPack configuration at $config (configure the build first)"

# One run at a time on this machine, whichever build tree it comes from.
exec 9>/run/lock/tillbridge-deb-install.lock
flock --nonblock 9 || skip "another deb_install test is running on this machine"

# A developer's own copy stays as it is: no replacing, no removing.
status="$(dpkg-query --show --showformat='${db:Status-Abbrev}' "$package" 2>/dev/null || true)"
if [[ -n "$status" && "$status" != un* ]]; then
    skip "package $package is already on this machine (dpkg status '${status% }'); not replacing it"
fi
for program in /usr/bin/tillbridge /usr/bin/tillbridge-cli; do
    [[ ! -e "$program" ]] || skip "$program already exists (not from a package); not overwriting it"
done

# dpkg takes fcntl locks; ask for them without waiting, and let go at once.
dpkg_locked() {
    python3 - <<'PY'
import fcntl, sys
for name in ("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock"):
    try:
        with open(name, "a") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.lockf(lock, fcntl.LOCK_UN)
    except OSError:
        sys.exit(0)
sys.exit(1)
PY
}
dpkg_locked && skip "the dpkg database is locked (apt or dpkg is running)"

work="$(mktemp -d "${TMPDIR:-/tmp}/tillbridge-deb.XXXXXXXX")"
installed=0
remove_package() {
    local attempt
    for attempt in $(seq 1 30); do
        dpkg --purge "$package" && return 0
        ((attempt < 30)) && { echo "dpkg --purge failed (locked?); retrying"; sleep 2; }
    done
    return 1
}
cleanup() {
    if ((installed)); then
        echo "cleaning up: purging the test's $package"
        remove_package || echo "deb-install: could not purge $package; remove it by hand: dpkg --purge $package" >&2
    fi
    rm -rf -- "$work"
}
trap cleanup EXIT

step "cpack -G DEB"
cpack --config "$config" -G DEB -B "$work/cpack" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
mapfile -t debs < <(find "$work/cpack" -maxdepth 1 -name '*.deb')
((${#debs[@]} == 1)) || { cat "$work/cpack.log"; fail "expected one .deb, found ${#debs[@]}"; }
deb="${debs[0]}"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

step "control fields"
dpkg-deb --field "$deb"
field() { dpkg-deb --field "$deb" "$1"; }
[[ "$(field Package)" == "$package" ]] || fail "Package is '$(field Package)'"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', the project is $version"
[[ "$(field Architecture)" == "$(dpkg --print-architecture)" ]] || fail "Architecture is '$(field Architecture)'"
[[ "$(field Section)" == misc ]] || fail "Section is '$(field Section)'"
[[ "$(field Maintainer)" == *'<'*'@'*'>' ]] || fail "Maintainer '$(field Maintainer)' has no address"
[[ "$(field Description)" == *Prima* ]] || fail "the description does not say what it is for"
depends="$(field Depends)"
depends_on() { [[ ", $depends," == *", $1"[\ ,]* ]]; }
# libqt6core6 and libqt6keychain1 come only from dpkg-shlibdeps; the plugins only from our explicit list.
for dependency in libc6 libqt6core6 libqt6widgets6 libqt6sql6 libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins; do
    depends_on "$dependency" || fail "Depends lacks $dependency: $depends"
done
[[ "$(field Recommends)" == *gnome-keyring* ]] || fail "Recommends lacks a keyring: $(field Recommends)"

step "file list"
dpkg-deb --contents "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents"
mapfile -t files < <(dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\./|/|')
cat "$work/contents"
expected=(/usr/bin/tillbridge /usr/bin/tillbridge-cli
          "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
          "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
          /usr/share/doc/tillbridge/copyright /usr/share/doc/tillbridge/changelog.gz
          /usr/share/man/man1/tillbridge.1.gz /usr/share/man/man1/tillbridge-cli.1.gz)
for size in "${icon_sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qx "$path" "$work/contents" || fail "the package lacks $path"
done
for path in "${files[@]}"; do
    [[ "$path" == /usr/bin/* || "$path" == /usr/share/* ]] || fail "the package installs $path, outside /usr/bin and /usr/share"
done
echo "all ${#expected[@]} expected files are there, and nothing outside /usr/bin and /usr/share"

step "lintian"
# Errors fail the test; warnings are listed (docs/packaging.md says which remain and why).
lintian --fail-on error --info "$deb" || fail "lintian reports errors"

step "dpkg -i"
installed=1
if ! dpkg --install "$deb" >"$work/dpkg-install.log" 2>&1; then
    cat "$work/dpkg-install.log"
    if grep -qiE 'lock.*(locked|held)|locked by another process' "$work/dpkg-install.log"; then
        installed=0
        skip "the dpkg database became locked"
    fi
    fail "dpkg -i failed (are the runtime packages of installer/debian/packages-build.txt installed?)"
fi
cat "$work/dpkg-install.log"
status="$(dpkg-query --show --showformat='${db:Status-Abbrev}' "$package")"
[[ "$status" == "ii "* ]] || fail "after dpkg -i the status is '$status', not installed"

step "installed programs"
[[ "$(command -v tillbridge)" == /usr/bin/tillbridge ]] || fail "tillbridge is not on PATH in /usr/bin"
[[ "$(command -v tillbridge-cli)" == /usr/bin/tillbridge-cli ]] || fail "tillbridge-cli is not on PATH in /usr/bin"
for program in /usr/bin/tillbridge /usr/bin/tillbridge-cli; do
    ! ldd "$program" | grep -q 'not found' || { ldd "$program"; fail "$program misses a shared library"; }
    [[ "$(file -b "$program")" == *", stripped"* ]] || fail "$program is not stripped"
done
cli_version="$(tillbridge-cli --version)"
echo "tillbridge-cli --version: $cli_version"
[[ "$cli_version" == "tillbridge-cli $version" ]] || fail "tillbridge-cli --version says '$cli_version'"
gui_version="$(QT_QPA_PLATFORM=offscreen tillbridge --version)"
echo "tillbridge --version: $gui_version"
[[ "$gui_version" == *" $version" ]] || fail "tillbridge --version says '$gui_version'"
report="$(desktop-file-validate "/usr/share/applications/$app_id.desktop" 2>&1)" && [[ "$report" != *error* ]] ||
    fail "the installed desktop entry is invalid: $report"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" || fail "the installed metainfo is invalid"

# The installed CLI opens a new cache: the QSQLITE plugin came with the package's dependencies.
migrate="$(tillbridge-cli db migrate --db "$work/cache.sqlite")" || fail "tillbridge-cli db migrate failed: $migrate"
echo "$migrate"
[[ -s "$work/cache.sqlite" ]] || fail "tillbridge-cli db migrate wrote no cache"

step "offscreen launch of the installed workbench (demo, private HOME and keyring)"
shot="$work/window.png"
rc=0
QT_QPA_PLATFORM=offscreen timeout 600 "$with_keyring" /usr/bin/tillbridge --demo --screenshot "$shot" \
    >"$work/launch.log" 2>&1 || rc=$?
tail -n 20 "$work/launch.log"
((rc != 124)) || fail "tillbridge --demo --screenshot did not exit by itself within 600 s"
((rc == 0)) || fail "tillbridge --demo --screenshot exited with $rc"
kind="$(file -b "$shot" 2>/dev/null || true)"
[[ "$kind" =~ ^PNG\ image\ data,\ ([0-9]+)\ x\ ([0-9]+) ]] || fail "no screenshot: $shot is '$kind'"
((BASH_REMATCH[1] >= 800 && BASH_REMATCH[2] >= 500)) || fail "the window is only ${BASH_REMATCH[1]}x${BASH_REMATCH[2]}"
echo "the installed workbench showed the demo and exited by itself: $kind"

step "window icon of the installed workbench (Xvfb)"
mkdir -p "$work/home"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" QT_QPA_PLATFORM=xcb \
    timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" \
    bash "$here/window-icon.sh" Tillbridge "16;24;32;48;64;128" /usr/bin/tillbridge --db "$work/cache.sqlite" ||
    fail "the installed workbench's window does not show the app icon"
grep -qx 'StartupWMClass=Tillbridge' "/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not name the window's WM_CLASS"

step "dpkg -r"
dpkg --remove "$package"
status="$(dpkg-query --show --showformat='${db:Status-Abbrev}' "$package" 2>/dev/null || true)"
[[ -z "$status" || "$status" == un* || "$status" == rc* ]] || fail "after dpkg -r the status is '$status'"
[[ "$status" != rc* ]] || dpkg --purge "$package"
installed=0
left=0
for path in "${files[@]}"; do
    if [[ -e "$path" ]]; then
        echo "left behind: $path"
        left=$((left + 1))
    fi
done
((left == 0)) || fail "$left of the package's files are still there after dpkg -r"
! command -v tillbridge-cli >/dev/null || fail "tillbridge-cli is still on PATH after dpkg -r"
echo "removed: none of the package's ${#files[@]} files is left"
