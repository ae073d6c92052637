#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reliability and security suite (reliability.md R3, R7–R11) in one command, with a table of figures.

  tests/security/run-suite.sh [BUILD_DIR] [--long]

Runs (from BUILD_DIR, default build/recon; the targets must be built):
  R10 static   check-sql.py and its self-test; R9/R11 static: check-forbidden.py
  R10          tst_hostileinput            hostile text through import, outbox, Prima and the queue model
  R9           secretscanary.py            canary secrets vs every file of a debug-logged sync (needs a keyring:
                                           run-suite.sh starts a throw-away one when there is no D-Bus session)
  R3           iofaultsweep.py             I/O faults across one cycle: quick 10 points per kind, --long every N
  R7           tst_auditchain              tamper detection on a 10,000-entry chain (tests/core)
               tamperfuzz.py               random single mutations made outside the app (200; --long 1000)
  R8           tst_overrideapproval, tst_makerchecker   maker-checker by API, SQL, second session
  R11          tst_tls, tst_tlsconnectors  certificate matrix for HttpClient and both connectors
Exit 0 when every part passes.
"""
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def run(command, env=None, timeout=3600):
    started = time.monotonic()
    proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                          timeout=timeout, cwd=ROOT)
    return proc.returncode, proc.stdout, time.monotonic() - started


def last_json(output):
    for line in reversed(output.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    return {}


def qtest(build, path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    code, output, seconds = run([os.path.join(build, path)], env=env)
    m = re.search(r"Totals: (\d+) passed, (\d+) failed, (\d+) skipped", output)
    passed, failed = (int(m.group(1)), int(m.group(2))) if m else (0, 1)
    return {"cases": passed + failed, "failures": failed if m else 1,
            "lost": "n/a", "seconds": seconds, "ok": code == 0, "tail": output[-2000:]}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    long_run = "--long" in sys.argv
    build = os.path.abspath(args[0] if args else os.path.join(ROOT, "build", "recon"))
    cli = os.path.join(build, "app", "tillbridge-cli")
    sec = os.path.join(build, "tests", "security")
    rows = []

    code, out, s = run([sys.executable, os.path.join(HERE, "check-sql.py"), "--root", ROOT])
    m = re.search(r"(\d+) SQL sinks checked, (\d+) allow-listed, (\d+) findings", out)
    rows.append(("R10 static SQL gate", {"cases": int(m.group(1)) if m else 0, "failures": int(m.group(3)) if m else 1,
                                         "lost": "n/a", "seconds": s, "ok": code == 0, "tail": out}))
    code2, out2, s2 = run([sys.executable, os.path.join(HERE, "check-sql-selftest.py")])
    m = re.search(r"(\d+) bad cases, (\d+) reported.*?(\d+) good cases", out2)
    rows.append(("R10 gate self-test", {"cases": int(m.group(1)) + int(m.group(3)) if m else 0,
                                        "failures": 0 if code2 == 0 else 1, "lost": "n/a", "seconds": s2,
                                        "ok": code2 == 0, "tail": out2}))
    code, out, s = run([sys.executable, os.path.join(HERE, "check-forbidden.py"), "--root", ROOT])
    m = re.search(r"(\d+) files checked, (\d+) findings", out)
    rows.append(("R9/R11 static gates", {"cases": int(m.group(1)) if m else 0, "failures": int(m.group(2)) if m else 1,
                                         "lost": "n/a", "seconds": s, "ok": code == 0, "tail": out}))
    rows.append(("R10 hostile input", qtest(build, "tests/security/tst_hostileinput")))

    code, out, s = run([sys.executable, os.path.join(HERE, "secretscanary.py"), "--cli", cli, "--store",
                        os.path.join(sec, "tillbridge-store-secrets")])
    j = last_json(out)
    rows.append(("R9 secrets canary", {"cases": j.get("files_scanned", 0) * j.get("forms", 0),
                                       "failures": j.get("failures", 1) if j else 1,
                                       "lost": f"{j.get('hits', '?')} hits", "seconds": s, "ok": code == 0,
                                       "tail": out}))

    points = "0" if long_run else "10"
    code, out, s = run([sys.executable, os.path.join(HERE, "iofaultsweep.py"), "--cli", cli, "--vfs",
                        os.path.join(sec, "libtillbridge_faultvfs.so"), "--points", points, "--tmp", sec],
                       timeout=6 * 3600)
    j = last_json(out)
    runs = sum(k["runs"] for k in j.get("summary", []))
    lost = sum(1 for f in j.get("failures", []) for x in f["failures"] if x.startswith(("lost", "duplicated")))
    rows.append(("R3 I/O-fault sweep", {"cases": runs, "failures": len(j.get("failures", [])) if j else 1,
                                        "lost": f"{lost} lost/dup", "seconds": s, "ok": code == 0, "tail": out}))

    rows.append(("R7 tamper (audit chain)", qtest(build, "tests/core/tst_auditchain")))
    code, out, s = run([sys.executable, os.path.join(HERE, "tamperfuzz.py"), "--cli", cli, "--mutations",
                        "1000" if long_run else "200"] + (["--stores", "4", "--days", "7"] if long_run else []))
    j = last_json(out)
    rows.append(("R7 random mutations", {"cases": j.get("mutations", 0), "failures": j.get("failed", 1) if j else 1,
                                         "lost": "n/a", "seconds": s, "ok": code == 0, "tail": out}))
    rows.append(("R8 maker-checker API+SQL", qtest(build, "tests/core/engine/review/tst_overrideapproval")))
    rows.append(("R8 second session", qtest(build, "tests/security/tst_makerchecker")))
    rows.append(("R11 TLS HttpClient", qtest(build, "tests/core/net/tst_tls")))
    rows.append(("R11 TLS both connectors", qtest(build, "tests/security/tst_tlsconnectors")))

    print(f"\n{'part':<28}{'cases tried':>12}{'failures':>10}{'nothing lost':>16}{'seconds':>9}  verdict")
    for name, r in rows:
        print(f"{name:<28}{r['cases']:>12}{r['failures']:>10}{str(r['lost']):>16}{r['seconds']:>9.1f}  "
              f"{'PASS' if r['ok'] else 'FAIL'}")
    failed = [name for name, r in rows if not r["ok"]]
    for name, r in rows:
        if not r["ok"]:
            print(f"\n--- {name} ---\n{r['tail']}")
    print(json.dumps({"suite": "security", "long": long_run,
                      "parts": {name: {k: r[k] for k in ("cases", "failures", "lost", "ok")} for name, r in rows}}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
