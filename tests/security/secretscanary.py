#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""R9 secrets canary (reliability.md §4.1, §6.2): a secret stored in the keychain leaks nowhere else.

Run under installer/with-test-keyring.sh (a real, throw-away GNOME Keyring on a private D-Bus session):

  1. starts the sandbox with a random seed, so its Sitoo API password and Prima token are unique canaries;
  2. stores both through KeychainSecretStore (tillbridge-store-secrets, the store the app uses);
  3. runs `tillbridge-cli sync --once` with "credentials": "keychain" and every tillbridge logging category at
     debug level, with HOME, XDG_* and TMPDIR pointing into a fresh folder;
  4. greps every file in that folder -- the cache with its -wal/-shm, settings, logs, temporary files -- for each
     canary: raw, UTF-16, base64 (also of "apiId:password" as HTTP Basic sends it), URL-encoded and hex. Pass: 0 hits,
     after a positive control proves the scanner finds every form;
  5. without a D-Bus session (no keychain at all) storing a secret must fail with a message that says so, and nothing
     may be written.

Prints one JSON line with the figures; exit 0 on pass, 1 on a failed check, 2 when the run could not be carried out.
Usage: secretscanary.py --cli build/.../tillbridge-cli --store build/.../tillbridge-store-secrets
"""
import argparse
import base64
import binascii
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse


def log(message):
    print(message, file=sys.stderr, flush=True)


def forms(secret, user=None):
    """Every encoding in which a secret could plausibly sit in a file."""
    raw = secret.encode("utf-8")
    out = {
        "raw": raw,
        "utf16le": secret.encode("utf-16-le"),
        "base64": base64.b64encode(raw).rstrip(b"="),
        "base64url": base64.urlsafe_b64encode(raw).rstrip(b"="),
        "url": urllib.parse.quote(secret, safe="").encode(),
        "url-plus": urllib.parse.quote_plus(secret).encode(),
        "hex": binascii.hexlify(raw),
        "HEX": binascii.hexlify(raw).upper(),
    }
    if user is not None:  # HTTP Basic: base64("user:password") does not contain base64(password)
        out["basic"] = base64.b64encode(f"{user}:{secret}".encode()).rstrip(b"=")
    return {name: value for name, value in out.items() if len(value) >= 8}


def scan(root, needles):
    """{(file, canary, form)} for every occurrence; also the number of files and bytes read."""
    hits, files, size = [], 0, 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            files += 1
            size += len(data)
            for canary, encodings in needles.items():
                for form, needle in encodings.items():
                    if needle in data:
                        hits.append((os.path.relpath(path, root), canary, form))
    return hits, files, size


class Sandbox:
    def __init__(self, cli, workdir, seed):
        self.mappings = os.path.join(workdir, "mappings.json")
        command = [cli, "sandbox", "--seed", str(seed), "--stores", "2", "--days", "2", "--defect-rate", "0.1",
                   "--data-dir", workdir, "--json", "--write-mappings", self.mappings]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        self.endpoints = json.loads(line)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def app_env(home):
    env = dict(os.environ)
    for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("TMPDIR", "tmp")):
        path = os.path.join(home, sub)
        os.makedirs(path, exist_ok=True)
        env[name] = path
    env["QT_LOGGING_RULES"] = "tillbridge.*.debug=true"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("TILLBRIDGE_SITOO_PASSWORD", None)
    env.pop("TILLBRIDGE_PRIMA_TOKEN", None)
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--store", required=True, help="tillbridge-store-secrets")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the scanned folder")
    args = parser.parse_args()
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        log("no D-Bus session: run me under installer/with-test-keyring.sh")
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
    failures = []
    outside = tempfile.mkdtemp(prefix="tillbridge-canary-sandbox.")  # the sandbox's own files: not the app's
    home = tempfile.mkdtemp(prefix="tillbridge-canary-app.")
    sandbox = None
    try:
        sandbox = Sandbox(args.cli, outside, seed)
        e = sandbox.endpoints
        canaries = {"sitoo_password": (e["sitoo_password"], e["sitoo_api_id"]), "prima_token": (e["prima_token"], None)}
        for name, (secret, _) in canaries.items():
            if len(secret) < 12:
                failures.append(f"canary {name} is only {len(secret)} characters: too short to be unique")
        env = app_env(home)
        cache = os.path.join(env["XDG_DATA_HOME"], "Tillbridge", "cache.sqlite")
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        config = os.path.join(env["XDG_CONFIG_HOME"], "sync.json")
        with open(config, "w", encoding="utf-8") as fh:
            json.dump({"cache": cache,
                       "sitoo": {"baseUrl": e["sitoo_base_url"], "accountId": e["sitoo_account_id"],
                                 "apiId": e["sitoo_api_id"]},
                       "prima": {"baseUrl": e["prima_base_url"]},
                       "mappings": sandbox.mappings, "credentials": "keychain",
                       "schedule": {"primaRequestsPerSecond": 200}}, fh)

        # 2. Through the keychain.
        stored = subprocess.run([args.store, "--config", config], input=f"{e['sitoo_password']}\n{e['prima_token']}\n",
                                capture_output=True, text=True, env=env, timeout=60)
        if stored.returncode != 0:
            failures.append(f"storing the canaries failed: {stored.stderr.strip()}")

        # 3. A sync with debug logging; its output is a log file in the scanned folder.
        log_path = os.path.join(env["XDG_STATE_HOME"], "sync.log")
        # The -wal and -shm files exist only while the engine runs (a clean close checkpoints and removes the WAL),
        # so copies are taken into the scanned folder while it runs.
        snapshots = os.path.join(env["XDG_STATE_HOME"], "wal-snapshots")
        os.makedirs(snapshots)
        wal_copies = 0
        with open(log_path, "wb") as fh:
            sync = subprocess.Popen([args.cli, "sync", "--config", config, "--once"], stdout=fh,
                                    stderr=subprocess.STDOUT, env=env)
            deadline = time.monotonic() + 600
            while sync.poll() is None and time.monotonic() < deadline:
                for suffix in ("-wal", "-shm"):
                    try:
                        shutil.copyfile(cache + suffix, os.path.join(snapshots, f"{wal_copies % 40}{suffix}"))
                        wal_copies += 1
                    except OSError:
                        pass
                time.sleep(0.05)
            if sync.poll() is None:
                sync.kill()
            sync.wait()
        with open(log_path, "rb") as fh:
            log_lines = fh.read().decode("utf-8", "replace").splitlines()
        debug_lines = sum(1 for line in log_lines if "tillbridge." in line)
        ledger = subprocess.run(["sqlite3", os.path.join(outside, "prima-ledger.sqlite"),
                                 "SELECT COUNT(*) FROM documents"], capture_output=True, text=True)
        posted = int(ledger.stdout.strip() or 0) if ledger.returncode == 0 else 0
        if sync.returncode not in (0, 1):
            failures.append(f"sync exited {sync.returncode}; see {log_path}")
        if posted == 0:
            failures.append("nothing reached Prima: the canaries were not exercised")
        if debug_lines == 0:
            failures.append("no tillbridge.* log lines: debug logging was not on")

        # 4. Positive control, then the real scan.
        needles = {name: forms(secret, user) for name, (secret, user) in canaries.items()}
        control = tempfile.mkdtemp(prefix="tillbridge-canary-control.")
        try:
            for name, encodings in needles.items():
                for form, needle in encodings.items():
                    with open(os.path.join(control, f"{name}.{form}"), "wb") as fh:
                        fh.write(b"prefix " + needle + b" suffix")
            control_hits, _, _ = scan(control, needles)
            expected = sum(len(v) for v in needles.values())
            found = {(c, f) for _, c, f in control_hits}
            if len(found) != expected:
                failures.append(f"positive control: the scanner found {len(found)} of {expected} planted forms")
        finally:
            shutil.rmtree(control, ignore_errors=True)
        hits, files, size = scan(home, needles)
        for path, canary, form in hits:
            failures.append(f"canary {canary} ({form}) found in {path}")
        if wal_copies == 0:
            failures.append("no -wal/-shm copy was taken while the engine ran")

        # 5. No keychain at all: the store refuses, says why, and writes nothing.
        no_bus = app_env(os.path.join(home, "nobus"))
        no_bus["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + os.path.join(home, "nobus", "no-such-bus")
        refused = subprocess.run([args.store, "--config", config], input="canary-nobus-0123456789\nx-0123456789\n",
                                 capture_output=True, text=True, env=no_bus, timeout=120)
        message = refused.stderr.strip()
        if refused.returncode == 0:
            failures.append("without a keychain the secret was reported stored")
        elif "keychain" not in message.lower() and "keyring" not in message.lower():
            failures.append(f"without a keychain the message does not say so: {message!r}")
        nobus_hits, _, _ = scan(home, {"nobus": forms("canary-nobus-0123456789")})
        if nobus_hits:
            failures.append(f"the refused secret was written to {nobus_hits[0][0]}")

        figures = {"test": "R9", "seed": seed, "canaries": len(canaries),
                   "forms": sum(len(v) for v in needles.values()), "files_scanned": files, "bytes_scanned": size,
                   "wal_shm_copies": wal_copies, "debug_log_lines": debug_lines, "documents_posted": posted, "hits": len(hits),
                   "no_keychain_refused": refused.returncode != 0, "no_keychain_message": message[:200],
                   "failures": len(failures)}
        for failure in failures:
            log("FAIL: " + failure)
        print(json.dumps(figures), flush=True)
        return 1 if failures else 0
    finally:
        if sandbox:
            sandbox.stop()
        shutil.rmtree(outside, ignore_errors=True)
        if args.keep:
            log(f"kept {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, RuntimeError, subprocess.SubprocessError, ValueError) as error:
        log(f"could not run: {error}")
        sys.exit(2)
