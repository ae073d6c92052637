#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the app icon's PNG sizes (hicolor theme, window icon), the Windows .ico and the macOS .icns from the SVG.
# The results are committed, so building needs no SVG renderer; run this after changing the SVG and commit what it
# writes. Needs rsvg-convert (librsvg2-bin), ImageMagick's convert (.ico) and png2icns (icnsutils).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
svg="$here/app.tillbridge.Tillbridge.svg"
mkdir -p "$here/png"
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" "$svg" --output "$here/png/tillbridge-$size.png"
done
convert "$here"/png/tillbridge-{16,24,32,48,64,128,256}.png "$here/tillbridge.ico"
# Retina sizes only go into the .icns.
scratch="$(mktemp -d)"
trap 'rm -rf -- "$scratch"' EXIT
rsvg-convert --width 512 --height 512 "$svg" --output "$scratch/tillbridge-512.png"
png2icns "$here/tillbridge.icns" "$here"/png/tillbridge-{16,32,48,128,256}.png "$scratch/tillbridge-512.png" >/dev/null
