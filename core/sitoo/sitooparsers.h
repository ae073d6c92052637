// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"
#include "core/result.h"
#include "core/sitoo/sitootypes.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace Tillbridge::Core {

/**
 * Parsers for the Sitoo replies other than orders (sitoo-api.md §2 and §3). Pure functions: bytes in, values out,
 * no I/O, no exceptions, no floating point for amounts or quantities.
 *
 * List parsers accept both an envelope `{"totalcount": N, "items": [...]}` and a bare array (payment types and
 * Z-reports come bare, §2.1). They fail only when the body as a whole is unusable; an element that cannot be read is
 * left out of `items` and described in `problems`, so one bad record never hides the others.
 */
namespace SitooParsers {

/**
 * A collection envelope (§2.1). `totalcount` may be a number or text of digits. A missing or null "items" is an
 * empty page when totalcount is 0 and an error otherwise.
 */
Result<SitooCollection> parseCollection(const QByteArray &body);

/**
 * Sitoo's error body `{"statuscode": 404, "errortext": "..."}` (§2.6). Fails when the body is not one (an HTML page
 * from a proxy, for example); the caller then relies on the HTTP status alone.
 */
Result<SitooError> parseError(const QByteArray &body);

/**
 * A batch write's reply: one `{statuscode, return}` per input element, in input order (§2.5). Elements are never
 * dropped, because the reply is matched to the input by position: one that cannot be read has statusCode 0 and an
 * errorText saying why.
 */
Result<QList<SitooBatchElementResult>> parseBatchResults(const QByteArray &body);

/** The bare JSON value a single write returns: the new id (`503`) or `true` (§2.5). */
Result<QJsonValue> parseWriteReturn(const QByteArray &body);

/** Products (§3.4). Prices are read in `priceCurrency`, the site's (price list's) currency, which must be valid. */
Result<SitooList<SitooProduct>> parseProducts(const QByteArray &body, Currency priceCurrency);

/** One product from GET …/products/{productid}.json. The error lists every problem, one per line. */
Result<SitooProduct> parseProduct(const QByteArray &body, Currency priceCurrency);

/** Product groups (§3.5): which VAT rate each vatid applies. */
Result<SitooList<SitooProductGroup>> parseProductGroups(const QByteArray &body);

/** Stores (§3.3). */
Result<SitooList<SitooStore>> parseStores(const QByteArray &body);

/** Warehouses (§3.8). */
Result<SitooList<SitooWarehouse>> parseWarehouses(const QByteArray &body);

/**
 * Stock levels of one warehouse (§3.8). The stock value `moneytotal` is read only when `stockValueCurrency` (the
 * warehouse's currency) is valid; the usual stock-count projection leaves it out anyway.
 */
Result<SitooList<SitooWarehouseItem>> parseWarehouseItems(const QByteArray &body,
                                                          Currency stockValueCurrency = Currency());

/** POS payment types (§3.7.5; a bare array). */
Result<SitooList<SitooPaymentType>> parsePaymentTypes(const QByteArray &body);

/** Z-reports from GET /pos-z-reports (§3.11; a bare array of at most 500). Each report is in its own currency. */
Result<SitooList<SitooZReport>> parseZReports(const QByteArray &body);

} // namespace SitooParsers

} // namespace Tillbridge::Core
