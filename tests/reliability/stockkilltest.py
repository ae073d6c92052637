#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""R14 kill test (reliability.md §6.2): the stock push never applies a change twice and never goes backwards.

Starts the sandbox (Sitoo + Prima on 127.0.0.1), grows it to 5,000 stock levels (SKU × store), lets `sync --once`
post the day's sales (Prima lowers its available-to-sell) and learn the stores, then runs
`tillbridge-cli stock push` again and again with TILLBRIDGE_FAILPOINT=push.after_stock_put_before_commit:N, so the
process kills itself after Sitoo took a batch and before the push committed it — while a second thread keeps
changing Prima's stock. After the kills it lets the push finish and checks, from the sandboxes' control endpoints:

    * every level in Sitoo equals Prima's current available-to-sell (100 % of levels);
    * every value Sitoo ever showed for a level was one Prima had, in version order (no double-applied delta, no
      step back to an older version);
    * the cache passes PRAGMA integrity_check and the audit chain verifies.

The last line of output is the figures as one JSON object. Exit 0 on pass, 1 on a failed check, 2 when the run
itself could not be carried out.

CI:  stockkilltest.py --cli build/test/app/tillbridge-cli --levels 5000 --kills 20
"""

import argparse
import base64
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

FAILPOINT = "push.after_stock_put_before_commit"


def log(message):
    print(message, file=sys.stderr, flush=True)


def http(url, body=None, method=None, user=None, password=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"))
    request.add_header("Content-Type", "application/json")
    if user is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def thousandths(text):
    whole, _, fraction = text.partition(".")
    return int(whole) * 1000 + int((fraction + "000")[:3])


class Sandbox:
    def __init__(self, cli, workdir, seed):
        self.mappings = os.path.join(workdir, "mappings.json")
        command = [cli, "sandbox", "--seed", str(seed), "--stores", "4", "--days", "1", "--defect-rate", "0",
                   "--data-dir", workdir, "--json", "--write-mappings", self.mappings]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        self.e = json.loads(line)
        self.prima_root = self.e["prima_base_url"].split("/prima/")[0]
        self.sitoo_root = self.e["sitoo_base_url"].split("/v2/")[0]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def sitoo(self, path, body=None, method=None):
        return http(f"{self.e['sitoo_base_url']}/{path}", body, method, self.e["sitoo_api_id"], self.e["sitoo_password"])

    def set_stock(self, levels):
        return http(f"{self.prima_root}/__sandbox/stock", {"levels": levels})["levels"]

    def history(self):
        return http(f"{self.prima_root}/__sandbox/stock-history", timeout=120)["history"]

    def writes(self):
        return http(f"{self.sitoo_root}/__sandbox/stock-writes", timeout=120)["writes"]


def grow(sandbox, wanted, rng):
    """Adds SKUs (a Sitoo product on every site, a Prima level at every store) until there are `wanted` levels."""
    history = sandbox.history()
    levels = {(h["sku"], h["location"]) for h in history}
    locations = sorted({h["location"] for h in history})
    missing = max(0, wanted - len(levels))
    new_skus = [f"R14-{i:05d}" for i in range((missing + len(locations) - 1) // len(locations))]
    sites = [site["eshopid"] for site in sandbox.sitoo("sites.json")["items"]]
    for site in sites:
        for start in range(0, len(new_skus), 500):
            chunk = [{"sku": sku, "title": f"R14 test item {sku}"} for sku in new_skus[start:start + 500]]
            replies = sandbox.sitoo(f"sites/{site}/products.json", chunk)
            bad = [r for r in replies if r.get("statuscode") != 200]
            if bad:
                raise RuntimeError(f"Sitoo refused test products: {bad[:3]}")
    added = []
    for sku in new_skus:
        for location in locations:
            if len(levels) + len(added) >= wanted:
                break
            added.append({"sku": sku, "location": location, "availableToSell": rng.randint(0, 40)})
    for start in range(0, len(added), 1000):
        sandbox.set_stock(added[start:start + 1000])
    return len(levels) + len(added)


class Mutator(threading.Thread):
    """Changes Prima's stock while the push runs: a few random levels every 100 ms."""

    def __init__(self, sandbox, keys, rng):
        super().__init__(daemon=True)
        self.sandbox, self.keys, self.rng = sandbox, keys, rng
        self.stop_event = threading.Event()
        self.changes = 0

    def run(self):
        while not self.stop_event.is_set():
            batch = [{"sku": sku, "location": location, "availableToSell": self.rng.randint(0, 60)}
                     for sku, location in self.rng.sample(self.keys, 20)]
            try:
                self.sandbox.set_stock(batch)
                self.changes += len(batch)
            except OSError as error:
                log(f"stock change failed: {error}")
            self.stop_event.wait(0.1)


def write_config(workdir, sandbox, cache):
    e = sandbox.e
    config = {
        "cache": cache,
        "sitoo": {"baseUrl": e["sitoo_base_url"], "accountId": e["sitoo_account_id"], "apiId": e["sitoo_api_id"]},
        "prima": {"baseUrl": e["prima_base_url"]},
        "mappings": sandbox.mappings,
        "credentials": "environment",
        "schedule": {"primaRequestsPerSecond": 200},
        # Small batches so that a run has many commits to be killed between.
        "stock": {"batchSize": 50, "sitooRequestsPerSecond": 100, "primaRequestsPerSecond": 100,
                  "retryDelaySeconds": 0},
    }
    path = os.path.join(workdir, "sync.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(config, file)
    return path


def check(sandbox, cache, cli, run):
    history = sandbox.history()
    versions = {}
    for h in history:
        versions.setdefault((h["sku"], h["location"]), []).append((h["version"], max(0, h["availableToSell"])))
    db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    warehouse_of = {row[0]: row[1] for row in db.execute(
        "SELECT prima_location, sitoo_warehouse_id FROM stores WHERE prima_location IS NOT NULL")}
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    exceptions = db.execute("SELECT COUNT(*) FROM exceptions WHERE kind = 'STOCK_PUSH_FAILED' AND state IN "
                            "('open', 'assigned')").fetchone()[0]
    db.close()
    location_of = {warehouse: location for location, warehouse in warehouse_of.items()}
    written = {}
    for w in sandbox.writes():
        location = location_of.get(w["warehouseid"])
        if location is not None:
            written.setdefault((w["sku"], location), []).append(thousandths(w["decimaltotal"]))

    mismatched = missing = unknown_values = backwards = duplicate_writes = 0
    for key, steps in versions.items():
        steps.sort()
        current = steps[-1][1]
        values = written.get(key, [])
        if not values:
            missing += 1
            continue
        if values[-1] != current * 1000:
            mismatched += 1
        known = {ats * 1000 for _, ats in steps}
        position = 0
        for index, value in enumerate(values):
            if value not in known:
                unknown_values += 1
                continue
            # In version order: the value must come from this version or a later one.
            found = next((i for i in range(position, len(steps)) if steps[i][1] * 1000 == value), None)
            if found is None:
                backwards += 1
            else:
                position = found
            if index > 0 and values[index - 1] == value:
                duplicate_writes += 1
    audit = subprocess.run([cli, "audit", "verify", "--db", cache], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    result = {
        "levels": len(versions), "versions": len(history), "writes": sum(len(v) for v in written.values()),
        "equal": len(versions) - mismatched - missing, "mismatched": mismatched, "missing": missing,
        "unknown_values": unknown_values, "backwards": backwards, "rewrites_same_value": duplicate_writes,
        "open_stock_exceptions": exceptions, "integrity_check": integrity,
        "audit_chain": "ok" if audit.returncode == 0 else audit.stdout.strip(), **run,
    }
    result["pass"] = (mismatched == 0 and missing == 0 and unknown_values == 0 and backwards == 0
                      and integrity == "ok" and result["audit_chain"] == "ok"
                      and run["failpoint_kills"] >= run["wanted_kills"])
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="path to tillbridge-cli")
    parser.add_argument("--levels", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="tillbridge-r14-")
    try:
        sandbox = Sandbox(args.cli, workdir, args.seed)
    except Exception as error:
        log(f"kill test could not run: {error}")
        return 2
    try:
        levels = grow(sandbox, args.levels, rng)
        log(f"sandbox: {levels} stock levels")
        cache = os.path.join(workdir, "cache.sqlite")
        config = write_config(workdir, sandbox, cache)
        env = dict(os.environ)
        env["TILLBRIDGE_SITOO_PASSWORD"] = sandbox.e["sitoo_password"]
        env["TILLBRIDGE_PRIMA_TOKEN"] = sandbox.e["prima_token"]
        env.setdefault("QT_LOGGING_RULES", "*.info=false")
        # Stores into the cache, and the day's sales posted to Prima (which lowers its available-to-sell).
        code = subprocess.run([args.cli, "sync", "--config", config, "--once"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=600).returncode
        if code not in (0, 1):
            raise RuntimeError(f"sync --once ended with {code}")
        keys = sorted({(h["sku"], h["location"]) for h in sandbox.history()})
        mutator = Mutator(sandbox, keys, random.Random(args.seed + 1))
        mutator.start()
        command = [args.cli, "stock", "push", "--config", config]
        kills = runs = 0
        while kills < args.kills:
            runs += 1
            if runs > args.kills * 5:
                raise RuntimeError(f"only {kills} kills in {runs} runs: the work ran out first")
            run_env = dict(env)
            run_env["TILLBRIDGE_FAILPOINT"] = f"{FAILPOINT}:{rng.randint(1, 8)}"
            fast = rng.random() < 0.3
            code = subprocess.run(command + (["--fast-lane"] if fast else []), env=run_env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600).returncode
            if code == -signal.SIGKILL:
                kills += 1
            log(f"run {runs}{' (fast lane)' if fast else ''}: exit {code}; kills {kills}")
        mutator.stop_event.set()
        mutator.join()
        # Let it finish: a run that ends on its own with nothing left to write.
        drain = None
        for _ in range(10):
            finished = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                      timeout=600)
            runs += 1
            drain = finished.returncode
            if drain == 0 and " 0 written" in finished.stdout:
                break
        result = check(sandbox, cache, args.cli, {"runs": runs, "failpoint_kills": kills, "wanted_kills": args.kills,
                                                 "prima_changes_during_push": mutator.changes, "drain_exit": drain})
    except Exception as error:  # the run could not be carried out: not a verdict on the push
        log(f"kill test could not run: {error}")
        return 2
    finally:
        sandbox.stop()
    print(f"levels {result['levels']}, equal {result['equal']}, mismatched {result['mismatched']}, missing "
          f"{result['missing']}, unknown values {result['unknown_values']}, backwards {result['backwards']}, kills "
          f"{result['failpoint_kills']}, integrity {result['integrity_check']}, audit {result['audit_chain']}: "
          f"{'PASS' if result['pass'] else 'FAIL'}")
    print(json.dumps({"scenario": "r14-stock-kill", **result}))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
