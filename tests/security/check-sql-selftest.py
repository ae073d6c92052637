#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves the static SQL gate can fail: every bad_* function in fixtures/sql is reported, no good_* one is."""
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "fixtures", "sql")
source = open(os.path.join(fixtures, "core", "bad.cpp"), encoding="utf-8").read()
bad = set(re.findall(r"^void (bad_\w+)\(", source, re.M))
good = set(re.findall(r"^void (good_\w+)\(", source, re.M))
proc = subprocess.run([sys.executable, os.path.join(here, "check-sql.py"), "--root", fixtures],
                      capture_output=True, text=True)
print(proc.stdout, end="")
reported = set(re.findall(r"in (\w+)\(\):", proc.stdout))
missed = sorted(bad - reported)
wrong = sorted(good & reported)
# The fixture tree has none of the real allow-list's files, so the gate also reports those entries as stale.
stale = len(re.findall(r"stale allow-list entry", proc.stdout))
# The fixture tree has no SqliteStatement either, so the gate must say its SqlText is not proven consteval.
consteval = "must be consteval" in proc.stdout
ok = proc.returncode == 1 and not missed and not wrong and stale > 0 and consteval
print("selftest: %d bad cases, %d reported, missed %s; %d good cases, wrongly reported %s; stale entries %d; "
      "consteval check %s" % (len(bad), len(bad & reported), missed, len(good), wrong, stale,
                              "fired" if consteval else "MISSING"))
sys.exit(0 if ok else 1)
