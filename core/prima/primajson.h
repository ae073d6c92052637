// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/creditnote.h"
#include "core/domain/salesorder.h"
#include "core/prima/primatypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

/**
 * The JSON of the Prima gateway contract v1 (prima-gateway.md §3), as pure functions: domain and contract types to
 * request and response bodies, and back.
 *
 * Wire rules: money is a decimal string with the currency's decimals ("123.50", Money::toWireString) next to a
 * `currency` code, and is never read from or written as a JSON number (a number for an amount is an error, not a
 * guess); quantities are integers; dates are YYYY-MM-DD; timestamps are RFC 3339 in UTC ("2026-10-31T15:04:11Z",
 * with milliseconds only when they are not zero). Readers are tolerant where it is safe: unknown members are
 * ignored, unknown status values become the enum's Unknown, unknown error codes keep their text. A page in which one
 * record cannot be read fails as a whole, naming the record, because dropping a record silently could lose stock or
 * a posting.
 */
namespace Tillbridge::Core::PrimaJson {

// ---- scalars -----------------------------------------------------------------------------------------------------

/** "2026-10-31"; null for an invalid date. */
QJsonValue dateToJson(const QDate &date);
/** RFC 3339 UTC: "2026-10-31T15:04:11Z" (or "...11.250Z"); null for an invalid timestamp. */
QJsonValue timestampToJson(const QDateTime &timestamp);
/** Parses "2026-10-31"; null/absent gives a null date; anything else is an error. */
Result<QDate> dateFromJson(const QJsonValue &value);
/** Parses an RFC 3339 timestamp with an offset or Z, returned in UTC; null/absent gives an invalid QDateTime. */
Result<QDateTime> timestampFromJson(const QJsonValue &value);
/** Parses a decimal string amount exactly (Money::parse). Numbers, null and absent values are errors. */
Result<Money> moneyFromJson(const QJsonValue &value, Currency currency);

/** An IMF-fixdate as HTTP wants it in Date and Retry-After: "Fri, 27 Nov 2026 09:00:00 GMT". */
QByteArray httpDate(const QDateTime &timestamp);
/** Parses an IMF-fixdate; an invalid QDateTime for anything else. */
QDateTime parseHttpDate(const QByteArray &text);

/** Compact UTF-8 JSON, as sent on the wire. QJsonObject orders keys, so equal objects give equal bytes. */
QByteArray toBody(const QJsonObject &object);
/** As toBody() for a top-level array. */
QByteArray toBody(const QJsonArray &array);

// ---- requests (Tillbridge -> Prima) ------------------------------------------------------------------------------

/**
 * The POST /sales-orders body (§3.1). `storeId` is SalesOrder::location (a Prima location id). Line gross is
 * net + tax; totals.net and totals.tax are the sums of the lines; totals.gross is SalesOrder::total minus the rounding
 * when total is set (so that an order whose total disagrees with its lines is refused by Prima as TOTALS_MISMATCH
 * instead of being papered over), else the sum of the lines. Fails on amounts in another currency than the order's
 * and on overflow.
 */
Result<QJsonObject> salesOrderToJson(const SalesOrder &order);

/** The POST /credit-notes body: as a sales order, plus originalExternalRef, reasonCode, per-line disposition and
 * returnToLocation, and refundTenders instead of tenders. Amounts are positive. */
Result<QJsonObject> creditNoteToJson(const CreditNote &note);

/** Path of an operation relative to the base URL: "/sales-orders" or "/credit-notes". */
QString batchOperationPath(PrimaBatchOperation::Kind kind);

/** The POST /batches body: {"mode":"independent","operations":[{"method","path","idempotencyKey","body"}]}. */
Result<QJsonObject> batchToJson(const QList<PrimaBatchOperation> &operations);

// ---- responses (Prima -> Tillbridge) -----------------------------------------------------------------------------

QJsonObject documentResultToJson(const PrimaDocumentResult &document);
QJsonObject itemToJson(const PrimaItem &item);
QJsonObject stockLevelToJson(const PrimaStockLevel &level);
QJsonObject taxCodeToJson(const PrimaTaxCode &taxCode);
QJsonObject locationToJson(const PrimaLocation &location);
QJsonObject ledgerPostingToJson(const PrimaLedgerPosting &posting);
QJsonObject periodToJson(const PrimaPeriod &period);
QJsonObject healthToJson(const PrimaHealth &health);
/** An RFC 9457 body: type, title, status, code, detail, and documentNo for DUPLICATE_EXTERNAL_REF. */
QJsonObject problemToJson(const PrimaError &error);

Result<PrimaDocumentResult> documentResultFromJson(const QJsonObject &object);
Result<PrimaItem> itemFromJson(const QJsonObject &object);
Result<PrimaStockLevel> stockLevelFromJson(const QJsonObject &object);
Result<PrimaTaxCode> taxCodeFromJson(const QJsonObject &object);
Result<PrimaLocation> locationFromJson(const QJsonObject &object);
Result<PrimaLedgerPosting> ledgerPostingFromJson(const QJsonObject &object);
Result<PrimaPeriod> periodFromJson(const QJsonObject &object);
Result<PrimaHealth> healthFromJson(const QJsonObject &object);

/** The 201 body of a write (or its replay). `replayed` is not in the body; the caller sets it from the header. */
Result<PrimaDocumentResult> parseDocumentResult(const QByteArray &body);
/** GET /documents: {"items":[document...]}. */
Result<QList<PrimaDocumentResult>> parseDocumentList(const QByteArray &body);
/** GET /items: {"items":[...],"nextCursor":null|"..."}. */
Result<PrimaPage<PrimaItem>> parseItemsPage(const QByteArray &body);
/** GET /stock. */
Result<PrimaPage<PrimaStockLevel>> parseStockPage(const QByteArray &body);
/** GET /ledger/postings. */
Result<PrimaPage<PrimaLedgerPosting>> parseLedgerPage(const QByteArray &body);
/** GET /tax-codes: a top-level array (an {"items":[...]} envelope is accepted too). */
Result<QList<PrimaTaxCode>> parseTaxCodes(const QByteArray &body);
/** GET /locations. */
Result<QList<PrimaLocation>> parseLocations(const QByteArray &body);
/** GET /periods. */
Result<QList<PrimaPeriod>> parsePeriods(const QByteArray &body);
/** GET /health. */
Result<PrimaHealth> parseHealth(const QByteArray &body);

/**
 * Maps an error answer to a PrimaError. Never fails: a body that is not problem+json still gives the status, and a
 * code derived from it where the contract implies one (429 RATE_LIMITED, 503 UNAVAILABLE). The existing document of a
 * DUPLICATE_EXTERNAL_REF is read from "documentNo" (or "existingDocumentNo"). Retry-After is not in the body; the
 * caller adds it from the header.
 */
PrimaError parseProblem(int httpStatus, const QByteArray &body);

/** One entry of a POST /batches answer: what the operation would have answered on its own. */
struct BatchEntry
{
    int status = 0;
    bool replayed = false;                         ///< as the Idempotency-Replayed header would say
    std::optional<std::chrono::seconds> retryAfter; ///< as the Retry-After header would say (seconds only)
    QByteArray body;                               ///< the operation's own answer body, compact JSON
};

/** The POST /batches answer body: {"results":[{"status","idempotencyReplayed","retryAfter","body"}]}. */
QJsonObject batchResultsToJson(const QList<BatchEntry> &entries);
Result<QList<BatchEntry>> parseBatchResults(const QByteArray &body);

} // namespace Tillbridge::Core::PrimaJson
