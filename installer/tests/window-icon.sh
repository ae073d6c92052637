#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts a Tillbridge workbench on the X server of $DISPLAY (run it under xvfb-run) and checks what the desktop sees
# of its window: the WM_CLASS that the desktop entry's StartupWMClass names, and the app icon in every size the
# window manager asks for (_NET_WM_ICON). Then it ends the program it started, by pid.
#   window-icon.sh EXPECTED_WM_CLASS "SIZES" PROGRAM [ARGS...]
set -euo pipefail
expected_class="$1"
read -r -a sizes <<<"${2//;/ }"
shift 2
fail() { printf 'window-icon: FAIL: %s\n' "$*" >&2; exit 1; }

"$@" >"${TMPDIR:-/tmp}/window-icon.$$.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "${TMPDIR:-/tmp}/window-icon.$$.log"' EXIT

window=""
for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { cat "${TMPDIR:-/tmp}/window-icon.$$.log"; fail "$1 exited before it showed a window"; }
    # The main window is the one that carries a WM_CLASS ("tillbridge" "Tillbridge").
    window="$(xwininfo -root -tree | awk -v class="$expected_class" 'index($0, "\"" class "\")") { print $1; exit }')"
    [[ -n "$window" ]] && break
    sleep 0.5
done
[[ -n "$window" ]] || fail "no window with WM_CLASS $expected_class appeared within 60 s"
xprop -id "$window" WM_CLASS
icons="$(xprop -id "$window" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | sort -u | tr '\n' ' ')"
echo "_NET_WM_ICON: $icons"
for size in "${sizes[@]}"; do
    [[ "$icons" == *"Icon ($size x $size)"* ]] || fail "the window has no ${size}x$size icon (it has: ${icons:-none})"
done
echo "the window shows the app icon in ${#sizes[@]} sizes and is matched to its desktop entry by WM_CLASS"
