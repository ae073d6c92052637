#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop integration files are valid and agree with each other:
#   desktop-metadata.sh INSTALLER_SOURCE_DIR CONFIGURED_METAINFO "ICON SIZES"
# desktop-file-validate (desktop-file-utils) and appstreamcli (appstream) judge the entry and the metainfo; the
# desktop entry names the icon and the program that the package installs; every PNG is the size it is installed as.
set -euo pipefail

installer="$1"
metainfo="$2"
read -r -a sizes <<<"${3//;/ }" # CTest passes the CMake list with semicolons
fail() { printf 'desktop-metadata: FAIL: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "'$1' is missing (apt install $2; it is in installer/debian/packages-test.txt)"; }
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need file file

app_id="$(basename "$metainfo" .metainfo.xml)"
desktop="$installer/linux/$app_id.desktop"
icons="$installer/../resources/icons"
[[ -f "$desktop" ]] || fail "no desktop entry $desktop"

# It exits 0 on errors that "will be fatal in the future": read what it says as well.
report="$(desktop-file-validate "$desktop" 2>&1)" || fail "desktop-file-validate rejects $desktop: $report"
[[ "$report" != *error* ]] || fail "desktop-file-validate: $report"
echo "desktop-file-validate: $desktop is valid"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects $metainfo"

grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
grep -qx 'Exec=tillbridge' "$desktop" || fail "the desktop entry does not start the installed 'tillbridge'"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
grep -q '@' "$metainfo" && fail "the metainfo still has an unreplaced @VARIABLE@"

[[ -f "$icons/$app_id.svg" ]] || fail "no scalable icon $icons/$app_id.svg"
file -b "$icons/$app_id.svg" | grep -q 'SVG' || fail "$icons/$app_id.svg is not an SVG"
((${#sizes[@]} >= 6)) || fail "only ${#sizes[@]} icon sizes listed"
for size in "${sizes[@]}"; do
    png="$icons/png/tillbridge-$size.png"
    [[ -f "$png" ]] || fail "no $png"
    kind="$(file -b "$png")"
    [[ "$kind" == "PNG image data, $size x $size,"* ]] || fail "$png is '$kind', not a ${size}x$size PNG"
done
echo "icons: SVG and ${#sizes[@]} PNG sizes (${sizes[*]}) are the sizes they are installed as"
