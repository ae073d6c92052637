#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""R3 I/O-fault sweep (reliability.md §6.2), in the style of SQLite's ioerr.test.

One import → post → audit cycle (`tillbridge-cli sync --once` against the sandbox, Prima without idempotency so
that a double post would show) is first run under the fault VFS in counting mode to measure K, the number of xWrite
and xSync calls on the cache. Then, for N across 1..K and each fault kind (SQLITE_IOERR_WRITE and SQLITE_FULL on the
N-th write, SQLITE_IOERR_FSYNC on the N-th sync), a fresh sandbox and cache and:

  1. the cycle runs with the fault (faultvfs preloaded); the fault fires once;
  2. checks right after it: every POST that reached Prima has its attempt row committed in the cache (no request for
     a claim whose commit failed); no outbox row is `posted` without its document in Prima (no success recorded for a
     failed transaction); when the fault fired, the run either failed with its error or logged the SQLite error;
  3. the cycle runs again without the fault until drained ("restart"), then the R1 checker (tests/reliability/
     killtest.py): PRAGMA integrity_check = ok, 0 lost, 0 duplicated, 0 unexpected, 0 amount mismatches, audit
     chain verifies.

Prints a table per fault kind and one JSON line. Exit 0 pass, 1 a failed check, 2 the run could not be carried out.
Quick tier: --points 8 (8 values of N per kind, spread over 1..K); full sweep: --points 0 (every N).
"""
import argparse
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("killtest", os.path.join(HERE, "..", "reliability", "killtest.py"))
killtest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(killtest)

KINDS = {"write": "SQLITE_IOERR_WRITE", "full": "SQLITE_FULL", "fsync": "SQLITE_IOERR_FSYNC"}
SQLITE_MESSAGES = ("disk I/O error", "database or disk is full", "disk i/o error")


def log(message):
    print(message, file=sys.stderr, flush=True)


class Run:
    """One fresh sandbox and cache."""

    def __init__(self, args, label):
        self.args = args
        self.workdir = tempfile.mkdtemp(prefix=f"tillbridge-r3-{label}-", dir=args.tmp)
        self.sandbox = killtest.Sandbox(args.cli, self.workdir, args.seed, args.stores, args.days, "none")
        self.cache = os.path.join(self.workdir, "cache", "cache.sqlite")
        os.makedirs(os.path.dirname(self.cache))
        self.config = killtest.write_config(self.workdir, self.sandbox, self.cache)
        # Faster than the kill test's schedule: nothing here needs a run to last.
        with open(self.config, encoding="utf-8") as fh:
            config = json.load(fh)
        config["schedule"] = {"primaRequestsPerSecond": 1000, "postingBatchSize": 10}
        with open(self.config, "w", encoding="utf-8") as fh:
            json.dump(config, fh)
        self.env = dict(os.environ)
        self.env["TILLBRIDGE_SITOO_PASSWORD"] = self.sandbox.endpoints["sitoo_password"]
        self.env["TILLBRIDGE_PRIMA_TOKEN"] = self.sandbox.endpoints["prima_token"]
        self.env["QT_QPA_PLATFORM"] = "offscreen"

    def sync(self, fault=None):
        env = dict(self.env)
        report = os.path.join(self.workdir, "vfs-report.txt")
        if fault:
            env["LD_PRELOAD"] = self.args.vfs
            env["TILLBRIDGE_FAULT_VFS"] = fault
            env["TILLBRIDGE_FAULT_VFS_PATH"] = os.path.dirname(self.cache) + "/"
            env["TILLBRIDGE_FAULT_VFS_REPORT"] = report
            if os.path.exists(report):
                os.remove(report)
        proc = subprocess.run([self.args.cli, "sync", "--config", self.config, "--once"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        vfs = {}
        if fault:
            if not os.path.exists(report):
                raise RuntimeError("the fault VFS was not loaded (no report): is LD_PRELOAD honoured?")
            with open(report, encoding="utf-8") as fh:
                for item in fh.read().split():
                    key, _, value = item.partition("=")
                    vfs[key] = value
        return proc.returncode, proc.stdout, vfs

    def ledger_db(self):
        return sqlite3.connect(f"file:{os.path.join(self.workdir, 'prima-ledger.sqlite')}?mode=ro", uri=True,
                               timeout=30)

    def close(self):
        self.sandbox.stop()
        if not self.args.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


def write_ahead_violations(run):
    """Documents Prima received whose claim (attempt row) is not committed in the cache, and outbox rows marked
    posted that Prima does not hold. A batch POST carries its own key; its documents carry theirs."""
    ledger = run.ledger_db()
    keys_sent = {row[0] for row in ledger.execute(
        "SELECT idempotency_key FROM request_log WHERE method = 'POST' AND idempotency_key IS NOT NULL "
        "AND path NOT LIKE '%/batches'")}
    keys_sent |= {row[0] for row in ledger.execute("SELECT idempotency_key FROM documents "
                                                   "WHERE idempotency_key IS NOT NULL")}
    documents = {row[0] for row in ledger.execute("SELECT external_ref FROM documents")}
    ledger.close()
    if not os.path.exists(run.cache):
        return len(keys_sent), 0, len(keys_sent)
    db = sqlite3.connect(f"file:{run.cache}?mode=ro", uri=True, timeout=30)
    try:
        keys = {row[0] for row in db.execute("SELECT idempotency_key FROM posting_attempts")}
        posted = [row[0] for row in db.execute("SELECT external_ref FROM outbox WHERE state = 'posted'")]
    except sqlite3.Error:
        keys, posted = set(), []
    db.close()
    unclaimed = sum(1 for key in keys_sent if key not in keys)
    phantom = sum(1 for ref in posted if ref not in documents)
    return unclaimed, phantom, len(keys_sent)


def drain(run):
    for _ in range(5):
        code, output, _ = run.sync()
        state = killtest.outbox_open(run.cache)
        if code in (0, 1) and state and state[0] == 0:
            return code, output
    return code, output


def measure(args):
    run = Run(args, "count")
    try:
        code, output, vfs = run.sync("count")
        if code not in (0, 1):
            raise RuntimeError(f"the clean cycle failed ({code}): {output[-500:]}")
        source = run.sandbox.source_orders()
        ledger = killtest.http_json(run.sandbox.endpoints["prima_base_url"].split("/prima/")[0] + "/__sandbox/ledger")
        result = killtest.check("none", source, ledger, run.cache, args.cli, {"drain_exit": code})
        if result["lost"] or result["duplicated"] or result["integrity_check"] != "ok":
            raise RuntimeError(f"the clean cycle itself is not clean: {result}")
        return int(vfs["writes"]), int(vfs["syncs"]), len(source)
    finally:
        run.close()


def points(k, count):
    if count <= 0 or count >= k:
        return list(range(1, k + 1))
    # Spread over the whole cycle, always including the first and the last operation.
    return sorted({1 + round(i * (k - 1) / (count - 1)) for i in range(count)})


def one(args, kind, n):
    run = Run(args, f"{kind}{n}")
    try:
        code, output, vfs = run.sync(f"{kind}:{n}")
        fired = vfs.get("fired") == "1"
        # In WAL mode a transaction writes and syncs only the -wal file; a write or sync of the database file itself
        # is a checkpoint, which fails no transaction (the WAL keeps the data) and need not be reported to anyone.
        # A sync of the WAL with nothing written since its last sync is a checkpoint's, which no commit waits on.
        in_transaction = (fired and vfs.get("fired_at", "").endswith(("-wal", "-journal"))
                          and vfs.get("fired_in") != "sync-without-writes")
        unclaimed, phantom, posts = write_ahead_violations(run)
        # R6 under faults: a run that carried on must have done so in WAL mode (file header bytes 18-19 = 2, 2).
        wal_header = None
        if os.path.exists(run.cache):
            with open(run.cache, "rb") as fh:
                header = fh.read(20)
            wal_header = len(header) < 20 or header[18:20] == b"\x02\x02"
        surfaced = (not in_transaction) or code == 2 or any(m in output for m in SQLITE_MESSAGES)
        drain_code, drain_output = drain(run)
        source = run.sandbox.source_orders()
        ledger = killtest.http_json(run.sandbox.endpoints["prima_base_url"].split("/prima/")[0] + "/__sandbox/ledger")
        result = killtest.check("none", source, ledger, run.cache, args.cli, {"drain_exit": drain_code})
        failures = []
        if unclaimed:
            failures.append(f"{unclaimed} POSTs without a committed claim")
        if phantom:
            failures.append(f"{phantom} outbox rows posted without a Prima document")
        if not surfaced:
            failures.append("the fault fired but the run neither failed nor logged the SQLite error")
        if code in (0, 1) and wal_header is False:
            failures.append("the run carried on with the cache in rollback-journal mode, not WAL")
        for key in ("lost", "duplicated", "unexpected", "amount_mismatches"):
            if result[key]:
                failures.append(f"{key} = {result[key]}")
        if result["integrity_check"] != "ok":
            failures.append(f"integrity_check: {result['integrity_check']}")
        if result["audit_chain"] != "ok":
            failures.append(f"audit chain: {result['audit_chain']}")
        if drain_code not in (0, 1):
            failures.append(f"the restarted run failed ({drain_code}): {drain_output[-300:]}")
        return {"kind": kind, "n": n, "fired": fired, "in_transaction": in_transaction,
                "fired_in": vfs.get("fired_in", ""), "fired_at": vfs.get("fired_at", ""), "exit": code,
                "posts": posts, "orders": len(source), "failures": failures,
                "error_line": next((line for line in output.splitlines()
                                    if any(m in line for m in SQLITE_MESSAGES) or "failed" in line.lower()), "")}
    finally:
        run.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--vfs", required=True, help="path to libtillbridge_faultvfs.so")
    parser.add_argument("--points", type=int, default=8, help="values of N per kind (0: every N)")
    parser.add_argument("--kinds", default="write,full,fsync")
    parser.add_argument("--only", default=None, help="one case, e.g. fsync:1 (a regression)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--stores", type=int, default=1)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--tmp", default=None, help="work folder (a real disk, not tmpfs)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    args.vfs = os.path.abspath(args.vfs)
    killtest.FAULTS = "500-before=0"  # no Prima faults: the disk is the only thing failing here
    try:
        writes, syncs, orders = measure(args)
        log(f"one cycle: {orders} orders, K = {writes} writes and {syncs} syncs on the cache")
        results = []
        if args.only:
            args.kinds = args.only.split(":")[0]
        for kind in args.kinds.split(","):
            k = syncs if kind == "fsync" else writes
            for n in ([int(args.only.split(":")[1])] if args.only else points(k, args.points)):
                r = one(args, kind, n)
                log(f"{kind}:{n} fired={r['fired']} at={os.path.basename(r['fired_at'])} exit={r['exit']} posts={r['posts']} "
                    f"{'ok' if not r['failures'] else 'FAIL ' + '; '.join(r['failures'])}")
                results.append(r)
    except (OSError, RuntimeError, subprocess.SubprocessError, ValueError, KeyError) as error:
        log(f"the sweep could not run: {error}")
        return 2
    print(f"{'fault':<22}{'K':>7}{'runs':>6}{'fired':>7}{'in tx':>7}{'failed':>8}{'lost':>6}{'dup':>5}"
          f"{'integrity':>11}")
    summary = []
    for kind in args.kinds.split(","):
        rows = [r for r in results if r["kind"] == kind]
        k = syncs if kind == "fsync" else writes
        bad = [r for r in rows if r["failures"]]
        lost = sum(1 for r in rows for f in r["failures"] if f.startswith("lost"))
        dup = sum(1 for r in rows for f in r["failures"] if f.startswith("duplicated"))
        integrity = "ok" if not any("integrity" in f for r in rows for f in r["failures"]) else "FAIL"
        in_tx = sum(r["in_transaction"] for r in rows)
        print(f"{KINDS[kind]:<22}{k:>7}{len(rows):>6}{sum(r['fired'] for r in rows):>7}{in_tx:>7}{len(bad):>8}"
              f"{lost:>6}{dup:>5}{integrity:>11}")
        summary.append({"kind": KINDS[kind], "k": k, "runs": len(rows), "fired": sum(r["fired"] for r in rows),
                        "in_transaction": in_tx, "failed": len(bad)})
    failed = [r for r in results if r["failures"]]
    print(json.dumps({"test": "R3", "orders": orders, "writes": writes, "syncs": syncs, "summary": summary,
                      "failures": [{k: r[k] for k in ("kind", "n", "failures", "fired_at", "error_line")}
                                   for r in failed]}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
