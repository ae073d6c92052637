#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run a command against a private, throw-away, unlocked GNOME Keyring.
#
#   installer/with-test-keyring.sh CMD [ARGS...]
#   e.g. installer/with-test-keyring.sh build/dev/tests/core/tst_keychainsecretstore
#        installer/with-test-keyring.sh ctest --test-dir build/dev -R tst_keychainsecretstore
#
# What it does:
#   1. creates a temporary directory and points HOME and every XDG_* base directory into it, so the keyring file,
#      the keyring control socket and any D-Bus service files live there and a developer's real keyring is never
#      read or written;
#   2. starts a private D-Bus session bus (dbus-run-session), so nothing talks to the desktop's session bus;
#   3. inside it, starts gnome-keyring-daemon with only the Secret Service component, creating and unlocking the
#      "login" collection with a random throw-away password read from stdin (--unlock), and exports the
#      environment variables the daemon prints;
#   4. checks that the "default" alias points at an unlocked collection (otherwise libsecret would try to show an
#      unlock/create prompt, which hangs or fails without a display) and does a store/lookup/clear round trip;
#   5. runs CMD with TILLBRIDGE_REQUIRE_KEYRING=1, so keyring tests fail instead of skipping if something is wrong;
#   6. stops the daemon, removes the temporary directory and exits with CMD's exit code.
#
# Works headless (no X, no Wayland) and as root on Debian 12. Needs: dbus (dbus-run-session, dbus-send),
# gnome-keyring; libsecret-tools (secret-tool) is used for the extra self-check when installed.
set -euo pipefail

SELF="$(readlink -f "${BASH_SOURCE[0]}")"
readonly SELF
readonly INNER_FLAG="--tillbridge-inside-private-session"
readonly SECRETS_NAME="org.freedesktop.secrets"
readonly SECRETS_PATH="/org/freedesktop/secrets"

log() { printf 'with-test-keyring: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the value of a one-value dbus-send reply ("   object path "/x"" -> /x, "   boolean true" -> true).
dbus_value() {
    dbus-send --session --print-reply=literal "$@" | awk '{ print $NF }'
}

# Stops exactly the daemon this script started (by pid). It would also exit when the private bus goes away, but do
# not rely on that: the temporary directory is removed right afterwards.
stop_daemon() {
    if [[ -n "${DAEMON_PID:-}" ]] && process_running "$DAEMON_PID"; then
        kill "$DAEMON_PID" 2>/dev/null || true
        for _ in $(seq 1 25); do
            process_running "$DAEMON_PID" || return 0
            sleep 0.2
        done
        log "gnome-keyring-daemon (pid $DAEMON_PID) did not exit after SIGTERM"
    fi
    return 0
}

# True while process $1 exists and has not exited. A daemon that exited stays a zombie until init reaps it, and
# "kill -0" still succeeds on a zombie, so look at the state in /proc instead.
process_running() {
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }" # drop "pid (comm) "; comm may contain spaces and parentheses
    [[ "${stat:0:1}" != "Z" ]]
}

# ---------------------------------------------------------------------------------------------------------------
# Inner half: runs inside the private D-Bus session started by the outer half below.
# ---------------------------------------------------------------------------------------------------------------
inside_session() {
    local password env_output line default_path locked attempt rc
    DAEMON_PID="" # global, not local: the EXIT trap may run after this function's locals are gone

    # Throw-away password: only this run ever knows it, and the keyring file is deleted afterwards anyway.
    password="$(head -c 24 /dev/urandom | base64)"

    # --unlock reads the password from stdin and creates the "login" keyring with it (or unlocks it). The daemon
    # forks; the foreground process returns once the daemon is set up and prints KEY=VALUE lines (possibly none).
    env_output="$(printf '%s' "$password" | gnome-keyring-daemon --daemonize --unlock --components=secrets)" ||
        die "gnome-keyring-daemon failed to start"
    unset password
    while IFS= read -r line; do
        # Export only plain NAME=value lines; never eval what a program printed.
        if [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then
            export "${line%%=*}=${line#*=}"
            log "exported ${line%%=*}"
        fi
    done <<<"$env_output"

    # Wait until the daemon owns the Secret Service name. Ask the bus, not the service: a call to the service
    # itself could D-Bus-activate a second daemon that knows nothing about our unlocked keyring.
    for attempt in $(seq 1 50); do
        if [[ "$(dbus_value --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner "string:$SECRETS_NAME")" == "true" ]]; then
            break
        fi
        ((attempt == 50)) && die "gnome-keyring-daemon did not register $SECRETS_NAME on the session bus"
        sleep 0.2
    done
    DAEMON_PID="$(dbus_value --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID "string:$SECRETS_NAME")"

    trap stop_daemon EXIT

    # libsecret (and so QtKeychain) stores into the collection behind the "default" alias. If there is none it
    # asks the daemon to create one, which needs a GUI prompt. gnome-keyring normally points "default" at "login";
    # make sure, and repair it if an older daemon did not.
    default_path="$(dbus_value --dest="$SECRETS_NAME" "$SECRETS_PATH" \
        org.freedesktop.Secret.Service.ReadAlias string:default)"
    if [[ "$default_path" == "/" ]]; then
        log "no default collection; pointing the default alias at the login collection"
        dbus-send --session --print-reply --dest="$SECRETS_NAME" "$SECRETS_PATH" \
            org.freedesktop.Secret.Service.SetAlias string:default \
            "objpath:$SECRETS_PATH/collection/login" >/dev/null
        default_path="$(dbus_value --dest="$SECRETS_NAME" "$SECRETS_PATH" \
            org.freedesktop.Secret.Service.ReadAlias string:default)"
    fi
    [[ "$default_path" == "$SECRETS_PATH/collection/"* ]] || die "no default keyring collection (got '$default_path')"
    locked="$(dbus_value --dest="$SECRETS_NAME" "$default_path" org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked)"
    [[ "$locked" == "false" ]] || die "default collection $default_path is locked (Locked=$locked)"
    log "default collection $default_path is unlocked (daemon pid $DAEMON_PID)"

    # End-to-end self-check through libsecret, with timeouts so that an unexpected prompt cannot hang us.
    if command -v secret-tool >/dev/null; then
        local probe
        printf 'probe' | timeout 10 secret-tool store --label='with-test-keyring probe' \
            tillbridge-probe "$$" || die "secret-tool could not store into the test keyring"
        probe="$(timeout 10 secret-tool lookup tillbridge-probe "$$")" || die "secret-tool lookup failed"
        [[ "$probe" == "probe" ]] || die "secret-tool read back '$probe' instead of 'probe'"
        timeout 10 secret-tool clear tillbridge-probe "$$" || die "secret-tool clear failed"
        log "secret-tool store/lookup/clear round trip OK"
    else
        log "secret-tool not installed (package libsecret-tools); skipping the libsecret self-check"
    fi

    export TILLBRIDGE_REQUIRE_KEYRING=1
    log "running: $*"
    rc=0
    "$@" || rc=$?
    stop_daemon
    trap - EXIT
    return "$rc"
}

if [[ "${1:-}" == "$INNER_FLAG" ]]; then
    shift
    inside_session "$@"
    exit $?
fi

# ---------------------------------------------------------------------------------------------------------------
# Outer half: private directories and a private D-Bus session, then re-enter this script inside it.
# ---------------------------------------------------------------------------------------------------------------
if (($# == 0)); then
    printf 'usage: %s CMD [ARGS...]\n' "${BASH_SOURCE[0]}" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || die "'$tool' not found (apt install dbus gnome-keyring)"
done

TMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/tillbridge-keyring.XXXXXXXX")" # mode 0700
# shellcheck disable=SC2317 # invoked through the EXIT trap
cleanup() { rm -rf -- "$TMP_ROOT"; }
trap cleanup EXIT
# INT/TERM: exit through the EXIT trap so the directory is still removed.
trap 'exit 130' INT
trap 'exit 143' TERM

# The working directory is left alone, so a relative CMD path keeps working after HOME changes.
mkdir -p "$TMP_ROOT"/{home,data,config,cache,state,runtime}
chmod 700 "$TMP_ROOT/runtime" # XDG_RUNTIME_DIR must be private to its owner
export HOME="$TMP_ROOT/home"
export XDG_DATA_HOME="$TMP_ROOT/data"     # keyrings/login.keyring goes here
export XDG_CONFIG_HOME="$TMP_ROOT/config"
export XDG_CACHE_HOME="$TMP_ROOT/cache"
export XDG_STATE_HOME="$TMP_ROOT/state"
export XDG_RUNTIME_DIR="$TMP_ROOT/runtime" # keyring/control socket goes here

# Forget any connection to the caller's session bus and keyring daemon (dbus-run-session sets its own bus address;
# a leftover GNOME_KEYRING_CONTROL would make --unlock talk to the caller's daemon instead of starting ours).
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL GNOME_KEYRING_PID

rc=0
dbus-run-session -- bash "$SELF" "$INNER_FLAG" "$@" || rc=$?
exit "$rc"
