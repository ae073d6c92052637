#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""R7 random tamper (reliability.md §6.2): random single mutations of a real audit chain, made from outside the app.

A sync against the sandbox builds the cache and its chain (`tillbridge-cli sync --once`); `audit export-head`
anchors its head. Then, M times, on a fresh copy of the cache, Python's sqlite3 (another process, not the app) drops
the append-only triggers, as anyone with raw write access could, and makes one random mutation:

  modify   change one character of an entry's details, actor or action     first bad = that entry
  delete   delete an entry that is not the last                            first bad = that entry
  swap     swap the contents of two entries                                first bad = the earlier one
  forge    append an entry with a made-up hash                             first bad = the new entry
  truncate delete the last k entries                                       undetectable without the anchor;
                                                                           with it: first bad = head - k + 1

`tillbridge-cli audit verify --json` (with `--anchor` for truncation) must report the chain broken at exactly that
entry — and, for truncation without the anchor, intact (reported as "undetectable without anchor"). Prints a table
and one JSON line; exit 0 when every mutation is detected at the right entry.
Quick: --mutations 100; the specification's run: --mutations 1000.
"""
import argparse
import importlib.util
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("killtest", os.path.join(HERE, "..", "reliability", "killtest.py"))
killtest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(killtest)

KINDS = ("modify", "delete", "swap", "forge", "truncate")
COLUMNS = ("occurred_at", "actor", "action", "entity_type", "entity_id", "details", "prev_hash", "hash")


def log(message):
    print(message, file=sys.stderr, flush=True)


def build_chain(args, workdir):
    killtest.FAULTS = "500-before=0"
    sandbox = killtest.Sandbox(args.cli, workdir, args.seed, args.stores, args.days, "none")
    try:
        cache = os.path.join(workdir, "cache.sqlite")
        config = killtest.write_config(workdir, sandbox, cache)
        env = dict(os.environ, TILLBRIDGE_SITOO_PASSWORD=sandbox.endpoints["sitoo_password"],
                   TILLBRIDGE_PRIMA_TOKEN=sandbox.endpoints["prima_token"], QT_QPA_PLATFORM="offscreen")
        sync = subprocess.run([args.cli, "sync", "--config", config, "--once"], env=env, capture_output=True,
                              text=True, timeout=1800)
        if sync.returncode not in (0, 1):
            raise RuntimeError(f"the sync failed: {sync.stdout[-500:]}{sync.stderr[-500:]}")
    finally:
        sandbox.stop()
    db = sqlite3.connect(cache)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    anchor = os.path.join(workdir, "anchor.json")
    subprocess.run([args.cli, "audit", "export-head", "--db", cache, "--out", anchor], check=True,
                   capture_output=True, timeout=120)
    return cache, anchor


def verify(cli, path, anchor=None):
    command = [cli, "audit", "verify", "--db", path, "--json"] + (["--anchor", anchor] if anchor else [])
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"intact": None, "error": proc.stdout + proc.stderr}


def mutate(db, kind, head, first, rng):
    """Applies one mutation; returns (expected first bad seq or None for 'intact', needs anchor)."""
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"):
        db.execute(f'DROP TRIGGER "{name}"')
    if kind == "modify":
        seq = rng.randint(first, head)
        column = rng.choice(("details", "actor", "action"))
        value = db.execute(f"SELECT {column} FROM audit_events WHERE seq = ?", (seq,)).fetchone()[0]
        i = rng.randrange(len(value))
        changed = value[:i] + ("x" if value[i] != "x" else "y") + value[i + 1:]
        db.execute(f"UPDATE audit_events SET {column} = ? WHERE seq = ?", (changed, seq))
        return seq, False
    if kind == "delete":
        seq = rng.randint(first, head - 1)
        db.execute("DELETE FROM audit_events WHERE seq = ?", (seq,))
        return seq, False
    if kind == "swap":
        a, b = sorted(rng.sample(range(first, head + 1), 2))
        ra = db.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_events WHERE seq = ?", (a,)).fetchone()
        rb = db.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_events WHERE seq = ?", (b,)).fetchone()
        assignments = ", ".join(f"{c} = ?" for c in COLUMNS)
        # Caches before schema 12 kept hash UNIQUE: park one row's hash while the two trade places.
        db.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", ("f" * 64, a))
        db.execute(f"UPDATE audit_events SET {assignments} WHERE seq = ?", (*ra, b))
        db.execute(f"UPDATE audit_events SET {assignments} WHERE seq = ?", (*rb, a))
        return a, False
    if kind == "forge":
        prev = db.execute("SELECT hash FROM audit_events WHERE seq = ?", (head,)).fetchone()[0]
        made_up = "%064x" % rng.getrandbits(256)
        db.execute(f"INSERT INTO audit_events (seq, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (head + 1, "2026-11-27T10:00:00.000Z", "mallory", "order.posted", "order", "99999",
                    '{"amount_minor":-100000}', prev, made_up))
        return head + 1, False
    k = rng.randint(1, min(50, head - first))
    db.execute("DELETE FROM audit_events WHERE seq > ?", (head - k,))
    return head - k + 1, True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--mutations", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--stores", type=int, default=2)
    parser.add_argument("--days", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="tillbridge-r7-")
    try:
        cache, anchor = build_chain(args, workdir)
        base = sqlite3.connect(cache)
        first, head = base.execute("SELECT MIN(seq), MAX(seq) FROM audit_events").fetchone()
        base.close()
        intact = verify(args.cli, cache, anchor)
        if not intact.get("intact"):
            log(f"the untouched chain does not verify: {intact}")
            return 2
        counts = {k: {"tried": 0, "detected": 0, "right_entry": 0} for k in KINDS}
        unanchored_truncations = 0
        failures = []
        copy = os.path.join(workdir, "tampered.sqlite")
        for i in range(args.mutations):
            kind = KINDS[i % len(KINDS)]
            shutil.copyfile(cache, copy)
            db = sqlite3.connect(copy)
            expected, needs_anchor = mutate(db, kind, head, first, rng)
            db.commit()
            db.close()
            counts[kind]["tried"] += 1
            result = verify(args.cli, copy, anchor if needs_anchor else None)
            if needs_anchor:
                # Without the anchor a truncated chain is consistent in itself: that is the documented limit.
                if verify(args.cli, copy).get("intact"):
                    unanchored_truncations += 1
            if result.get("intact") is False:
                counts[kind]["detected"] += 1
                if result.get("first_bad_seq") == expected:
                    counts[kind]["right_entry"] += 1
                    continue
            failures.append({"kind": kind, "expected": expected, "got": result})
        print(f"{'mutation':<10}{'tried':>7}{'detected':>10}{'right entry':>13}")
        for kind in KINDS:
            c = counts[kind]
            print(f"{kind:<10}{c['tried']:>7}{c['detected']:>10}{c['right_entry']:>13}")
        print(f"chain: {head - first + 1} entries; truncations intact without the anchor: {unanchored_truncations} of "
              f"{counts['truncate']['tried']} (undetectable without anchor, as documented)")
        print(json.dumps({"test": "R7", "entries": head - first + 1, "mutations": args.mutations, "counts": counts,
                          "truncation_undetectable_without_anchor": unanchored_truncations,
                          "failures": failures[:10], "failed": len(failures)}))
        return 1 if failures else 0
    except (OSError, RuntimeError, subprocess.SubprocessError, sqlite3.Error) as error:
        log(f"could not run: {error}")
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
