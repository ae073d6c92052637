#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static gates for R9 and R11 (reliability.md §4.1, §4.6): production code never weakens TLS verification and never
lets QtKeychain fall back to storing a secret unencrypted.

Fails on any call of QNetworkReply/QSslSocket::ignoreSslErrors, QSslConfiguration::setPeerVerifyMode or
setMissingCertificateIsFatal, and on setInsecureFallback with anything but `false`.
Usage: check-forbidden.py [--root DIR]   (exit 0 clean, 1 findings)
"""
import argparse
import os
import re
import sys

SCAN_DIRS = ("core", "app", "ui")
RULES = (
    (re.compile(r"\bignoreSslErrors\s*\("), "ignoreSslErrors() accepts a certificate the platform rejected"),
    (re.compile(r"\bsetPeerVerifyMode\s*\("), "setPeerVerifyMode() can switch certificate verification off"),
    (re.compile(r"\bsetMissingCertificateIsFatal\s*\("), "setMissingCertificateIsFatal() weakens verification"),
    (re.compile(r"\bsetInsecureFallback\s*\(\s*(?!false\s*\))"), "setInsecureFallback() may store a secret unencrypted"),
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    args = parser.parse_args()
    findings, files = [], 0
    for d in SCAN_DIRS:
        for dirpath, _, names in os.walk(os.path.join(args.root, d)):
            for name in sorted(names):
                if not name.endswith((".cpp", ".h")):
                    continue
                files += 1
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for number, line in enumerate(fh, 1):
                        code = line.split("//", 1)[0]
                        for rule, why in RULES:
                            if rule.search(code):
                                findings.append("%s:%d: %s" % (os.path.relpath(path, args.root), number, why))
    for f in findings:
        print("check-forbidden: " + f)
    print("check-forbidden: %d files checked, %d findings" % (files, len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
