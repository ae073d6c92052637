#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the seed corpora in tests/fuzz/corpus/ (R12, reliability.md §5).

Seeds come from three places, so that the fuzzer starts from what Tillbridge really reads:
  1. the sandbox (`tillbridge-cli sandbox`): the scenario generator's orders (including its realistic defects),
     products, stores, warehouses, stock, payment types and Z-reports from the emulated Sitoo, and the emulated
     Prima's answers (items, stock, tax codes, locations, periods, health, ledger, a posted document, a batch
     answer and its problem+json errors);
  2. the reference payloads in the JSON blocks of ../shared/docs/sitoo-api.md and docs/configuration.md;
  3. the fixtures of the parsers' unit tests (tests/core/sitoo/data).
Money, Retry-After and config seeds are written out below. Files are named by the SHA-1 of their content (as
libFuzzer names them), so re-running adds nothing twice. Crashers that were fixed live in corpus/<target>/ too,
named regression-*; this script never deletes anything.

usage: tests/fuzz/make-corpus.py --cli build/dev/app/tillbridge-cli [--seed 7]
"""
import argparse
import base64
import hashlib
import json
import pathlib
import re
import subprocess
import sys
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"
SHARED_DOCS = ROOT.parent / "shared/docs"
MAX_SEED = 64 * 1024  # bytes; larger pages are cut to fewer elements


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / hashlib.sha1(data).hexdigest()
    if not path.exists():
        path.write_bytes(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def fetch(url, headers=None, data=None, method=None):
    request = urllib.request.Request(url, headers=headers or {}, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def page(items, total=None):
    return {"totalcount": len(items) if total is None else total, "items": items}


def from_sandbox(cli, seed):
    process = subprocess.Popen([cli, "sandbox", "--seed", str(seed), "--stores", "4", "--days", "2",
                                "--defect-rate", "0.3", "--json", "--duration", "120"],
                               stdout=subprocess.PIPE, text=True)
    try:
        endpoints = json.loads(process.stdout.readline())
        sitoo = endpoints["sitoo_base_url"]
        token = base64.b64encode(f"{endpoints['sitoo_api_id']}:{endpoints['sitoo_password']}".encode()).decode()
        auth = {"Authorization": "Basic " + token}

        def sitoo_get(path):
            status, body = fetch(sitoo + path, auth)
            return body

        orders = json.loads(sitoo_get("/orders.json?num=300&sort=orderid"))
        for order in orders["items"]:
            add("sitoo_order", compact(order))
        for start in range(0, 60, 6):
            add("sitoo_order", compact(page(orders["items"][start:start + 3], orders["totalcount"])))
        add("sitoo_order", compact(orders["items"][:4]))  # a bare array
        add("sitoo_order", sitoo_get("/orders.json?num=2&sort=orderid"))  # as Sitoo formats it

        sites = json.loads(sitoo_get("/sites.json"))
        for site in sites["items"][:2]:
            eshop = site["eshopid"]
            products = json.loads(sitoo_get(f"/sites/{eshop}/products.json?num=40"))
            for start in range(0, len(products["items"]), 8):
                add("sitoo_product", compact(page(products["items"][start:start + 8], products["totalcount"])))
            for product in products["items"][:6]:
                add("sitoo_product", compact(product))
            add("sitoo_product", sitoo_get(f"/sites/{eshop}/productgroups.json"))
            add("sitoo_warehouse", sitoo_get(f"/sites/{eshop}/stores.json"))
            add("sitoo_envelope", sitoo_get(f"/sites/{eshop}/stores.json"))
            warehouses = json.loads(sitoo_get(f"/sites/{eshop}/warehouses.json"))
            add("sitoo_warehouse", compact(warehouses))
            for warehouse in warehouses["items"][:2]:
                items = json.loads(sitoo_get(
                    f"/sites/{eshop}/warehouses/{warehouse['warehouseid']}/warehouseitems.json?num=12"))
                add("sitoo_warehouse", compact(items))
            add("sitoo_envelope", sitoo_get(f"/sites/{eshop}/pospaymenttypes.json"))
        zreports = json.loads(sitoo_get("/pos-z-reports?num=4") or b"[]")
        if isinstance(zreports, list):
            add("sitoo_envelope", compact(zreports[:3]))
        add("sitoo_envelope", sitoo_get("/nothing-here.json"))  # Sitoo's error body

        prima = endpoints["prima_base_url"]
        bearer = {"Authorization": "Bearer " + endpoints["prima_token"]}
        for path in ["/items?limit=6", "/stock?limit=8", "/tax-codes", "/locations", "/periods", "/health",
                     "/ledger/postings?from=2020-01-01&to=2030-12-31&limit=10", "/documents"]:
            status, body = fetch(prima + path, bearer)
            if len(body) <= MAX_SEED:
                add("prima_response", body)
        add("prima_response", fetch(prima + "/items", {})[1])  # 401 problem+json
        add("prima_response", fetch(prima + "/nowhere", bearer)[1])
    finally:
        process.terminate()
        process.wait(timeout=30)


def from_docs():
    blocks = []
    for name in ["sitoo-api.md", "prima-gateway.md"]:
        path = SHARED_DOCS / name
        if path.exists():
            blocks += re.findall(r"```json\n(.*?)```", path.read_text(), re.S)
    for block in blocks:
        text = block.strip()
        if '"orderid"' in text:
            add("sitoo_order", text)
        elif '"productid"' in text:
            add("sitoo_product", text)
        elif '"warehouseitemid"' in text or '"warehouseid"' in text:
            add("sitoo_warehouse", text)
        elif '"statuscode"' in text:
            add("sitoo_envelope", text)
    config_doc = (ROOT / "docs/configuration.md").read_text()
    for block in re.findall(r"```json\n(.*?)```", config_doc, re.S):
        text = block.strip()
        if '"cache"' in text:
            add("config_import", text)
        elif '"tax_rate"' in text:
            add("mapping_import", text)


def from_fixtures():
    data = ROOT / "tests/core/sitoo/data"
    for path in sorted(data.glob("*.json")):
        name = path.name
        target = ("sitoo_order" if name.startswith("order") else
                  "sitoo_product" if name.startswith("product") else
                  "sitoo_warehouse" if name.startswith("warehouse") else "sitoo_envelope")
        add(target, path.read_bytes())


def handwritten():
    for text in ["123.50", "-2990.00", "5.000", "0", "+1.5", "150", "1.250", "-0.01", "25", "12.5", "7.7",
                 "9223372036854775807", "-9223372036854775808", "92233720368547758.07", "0.000000000000000001",
                 "SEK", "1e3", "12,50", ".5", "5."]:
        add("money_text", text)
    for text in ["120", "0", "  3600 ", "Fri, 27 Nov 2026 09:00:30 GMT",
                 "Fri, 27 Nov 2026 09:01:00 GMT\nFri, 27 Nov 2026 09:00:00 GMT",
                 "Friday, 27-Nov-26 09:00:30 GMT", "Fri Nov 27 09:00:30 2026", "-1", "999999999999",
                 "1.5", "Thu, 01 Jan 1970 00:00:00 GMT\nFri, 27 Nov 2026 09:00:00 GMT"]:
        add("retry_after", text)
    add("mapping_import", compact({"tax_rate": {"25": "SE25", "12.0": "SE12", "20.00": "UK20"},
                                   "payment_method": {"Card": "CARD", " Cash ": "CASH"},
                                   "promotion": {"SUMMER10": "PROMO-SUMMER"}, "store": {"SE001": "STO-01"},
                                   "refund_reason": {"102": "RESTOCK", "103": "WRITE_OFF", "104": "QUARANTINE",
                                                     "105": "NO_STOCK_MOVEMENT"}}))
    add("mapping_import", compact({"tax_rate": {"25": "SE25", "25.0": "SE25B"}}))
    add("mapping_import", "{}")
    add("config_import", compact({
        "cache": "cache.sqlite", "mappings": "mappings.json", "credentials": "environment",
        "sitoo": {"baseUrl": "http://127.0.0.1:8080/v2/accounts/90001", "accountId": "90001", "apiId": "90001-1",
                  "eshopId": 2},
        "prima": {"baseUrl": "https://erp.example.com/prima/v1"},
        "schedule": {"orderPullSeconds": 30, "postingBatchSize": 100, "primaRequestsPerSecond": 2.5},
        "reconciliation": {"toleranceMinor": 100, "vatAccount": "2611"}}))
    add("prima_response", compact({"results": [
        {"status": 201, "idempotencyReplayed": False,
         "body": {"documentNo": "SO-000123", "externalRef": "sitoo:90001:order:20001", "postingDate": "2026-10-31",
                  "status": "POSTED", "currency": "GBP", "taxAdjustment": "0.01"}},
        {"status": 429, "retryAfter": 2, "body": {"code": "RATE_LIMITED", "status": 429, "title": "Slow down"}},
        {"status": 409, "body": {"code": "DUPLICATE_EXTERNAL_REF", "documentNo": "SO-000099", "status": 409}}]}))
    add("prima_response", compact({"items": [
        {"postingId": 81, "postingDate": "2026-10-31", "account": "1910", "location": "LDN-01", "amount": "-12.50",
         "currency": "GBP", "sourceDocumentNo": "SO-000123", "externalRef": "sitoo:90001:order:20001",
         "tender": "CARD"},
        {"postingId": "82", "postingDate": "2026-10-31", "account": "VAT:S20", "location": "LDN-01",
         "amount": "2.08", "currency": "GBP", "sourceDocumentNo": "SO-000123", "externalRef": "", "tender": None}],
        "nextCursor": "c2"}))
    add("prima_response", compact({"items": [
        {"documentNo": "CN-000007", "externalRef": "sitoo:90001:order:20002", "type": "CREDIT_NOTE",
         "postingDate": "2026-11-01", "status": "POSTED", "currency": "SEK", "taxAdjustment": "-0.01"}]}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", help="tillbridge-cli, for the sandbox seeds")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.cli:
        from_sandbox(args.cli, args.seed)
    from_docs()
    from_fixtures()
    handwritten()
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    print(f"corpus: {sum(1 for p in CORPUS.rglob('*') if p.is_file())} files, {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
