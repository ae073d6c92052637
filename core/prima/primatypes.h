// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/creditnote.h"
#include "core/domain/salesorder.h"
#include "core/domain/stocklevel.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Tillbridge::Core {

// Value types of the Prima gateway contract v1 (prima-gateway.md §3). They carry no wire format: primajson.h maps
// them to and from JSON, and every adapter (REST today, OM Link later) fills the same types.

/** The error codes of contract §3.4, which the engine maps to exception kinds. */
enum class PrimaErrorCode {
    UnknownSku,
    SkuBlocked,
    UnknownLocation,
    UnknownTaxCode,
    TaxMismatch,
    TotalsMismatch,
    PeriodClosed,
    DuplicateExternalRef,
    IdempotencyKeyReused,
    IdempotencyInProgress,
    ValidationFailed,
    RateLimited,
    Unavailable,
    Other, ///< a code the contract does not define, or none at all; PrimaError::codeText keeps what arrived
};

/** The stable wire code of @p code ("UNKNOWN_SKU", ...); empty for PrimaErrorCode::Other. */
QString primaErrorCodeString(PrimaErrorCode code);
/** The code for wire text @p text; PrimaErrorCode::Other for anything the contract does not define. */
PrimaErrorCode primaErrorCodeFromString(QStringView text);

/**
 * What Prima (or the way to it) said when a call did not succeed: an RFC 9457 problem mapped to a contract code, or a
 * transport failure described in `detail` (then httpStatus is 0). Never contains the token.
 */
struct PrimaError
{
    int httpStatus = 0;                           ///< 0 when no HTTP status arrived (timeout, reset, no token)
    PrimaErrorCode code = PrimaErrorCode::Other;
    QString codeText;                             ///< the code as received, kept even when it is not in §3.4
    QString type;                                 ///< problem "type" URI, if any
    QString title;
    QString detail;                               ///< problem detail, or what went wrong on the way
    QString existingDocumentNo;                   ///< 409 DUPLICATE_EXTERNAL_REF: the document that already exists
    std::optional<std::chrono::milliseconds> retryAfter; ///< from Retry-After (seconds or HTTP-date), if sent

    /** A short text for logs and the exception queue: "422 UNKNOWN_SKU: SKU 200CH-G-070 is not known". */
    QString summary() const;
};

/** What Prima answered to a posted sales order or credit note (201, or its replay). */
struct PrimaDocumentResult
{
    QString documentNo;
    QString externalRef;
    QString documentType;   ///< "SALES_ORDER" or "CREDIT_NOTE" when the answer says so (look-ups do)
    QDate postingDate;
    QString status;         ///< "POSTED"
    bool replayed = false;  ///< Idempotency-Replayed: true: the original answer to the same key and body
    Money taxAdjustment;    ///< Prima's own tax minus ours (SOURCE_AUTHORITATIVE); invalid when not reported
};

/** Matrix codes of a Prima SKU: style + colour/fit + size + extra (e.g. 200CH / G / 070). */
struct PrimaMatrix
{
    QString colour;
    QString size;
    QString fit;
    QString extra;
};

/** Whether an item may be sold. */
enum class PrimaItemStatus { Active, Discontinued, Blocked, Unknown };

QString primaItemStatusString(PrimaItemStatus status); ///< "ACTIVE", "DISCONTINUED", "BLOCKED"; empty for Unknown
PrimaItemStatus primaItemStatusFromString(QStringView text);

/** One item of Prima's product master (GET /items). */
struct PrimaItem
{
    QString sku;
    QString style;
    PrimaMatrix matrix;
    QStringList gtins;
    QString description;
    PrimaItemStatus status = PrimaItemStatus::Active;
    Money priceIncVat;      ///< carries the currency
    QString vatCode;
    VatRate vatRate;
    QDateTime updatedAt;    ///< UTC
};

/**
 * Prima's stock of one SKU at one location (GET /stock). The domain's StockLevel already holds what the contract
 * sends; `asOf` maps to StockLevel::observedAt and `nextAvailableDate` to StockLevel::nextAvailableDate.
 */
using PrimaStockLevel = StockLevel;

/** A VAT code and its rate over a validity period (GET /tax-codes). */
struct PrimaTaxCode
{
    QString code;
    VatRate rate;
    QDate validFrom;
    QDate validTo; ///< null: still valid
};

/** Kind of a Prima location. */
enum class PrimaLocationType { Store, Warehouse, Unknown };

QString primaLocationTypeString(PrimaLocationType type); ///< "STORE", "WAREHOUSE"; empty for Unknown
PrimaLocationType primaLocationTypeFromString(QStringView text);

/** A store or warehouse (GET /locations). */
struct PrimaLocation
{
    QString id;
    QString name;
    PrimaLocationType type = PrimaLocationType::Store;
    Currency currency;
    QString timezone; ///< IANA id, e.g. "Europe/London"
};

/** One general-ledger posting Prima generated from a document (GET /ledger/postings). Debits positive. */
struct PrimaLedgerPosting
{
    QString postingId;
    QDate postingDate;
    QString account;
    QString location;
    Money amount;       ///< signed; carries the currency
    QString sourceDocumentNo;
    QString externalRef;
    QString tender;     ///< tender method for tender postings, empty otherwise
};

/** Filters of GET /ledger/postings; empty or null members are not sent. */
struct PrimaLedgerQuery
{
    QDate from;
    QDate to;
    QString location;
    QString account;
};

/** State of an accounting period. */
enum class PrimaPeriodStatus { Open, SoftClosed, Closed, Unknown };

QString primaPeriodStatusString(PrimaPeriodStatus status); ///< "OPEN", "SOFT_CLOSED", "CLOSED"; empty for Unknown
PrimaPeriodStatus primaPeriodStatusFromString(QStringView text);

/** An accounting period (GET /periods). */
struct PrimaPeriod
{
    QString period; ///< "2026-10"
    PrimaPeriodStatus status = PrimaPeriodStatus::Open;
};

/** GET /health. */
struct PrimaHealth
{
    QString status; ///< "ok"
    QString version;
    QDateTime time; ///< the server's clock, UTC
};

/** One page of a cursor-paged read. An empty nextCursor means this was the last page. */
template<typename T>
struct PrimaPage
{
    QList<T> items;
    QString nextCursor;

    bool hasMore() const { return !nextCursor.isEmpty(); }
};

/**
 * How a write ended. The engine's outbox state follows from it directly (reliability.md §1.4, §2.4).
 */
enum class PrimaWriteOutcome {
    Posted,        ///< Prima holds the document (also when replayed); document is filled
    Rejected,      ///< Prima refused the document (4xx with a code): an exception for a person, never re-sent as is.
                   ///< DUPLICATE_EXTERNAL_REF carries error.existingDocumentNo so the engine can adopt that document
    Transient,     ///< definitely not processed (429, 503, 409 in progress, connection refused): re-send later with
                   ///< the same key, not before error.retryAfter when it is set
    Unknown,       ///< may or may not have been processed (timeout or reset after sending, 500/502/504, an
                   ///< unreadable 2xx): look the document up by externalRef before anything else. Never a failure
    Configuration, ///< Prima cannot be used as configured (no token in the keychain, 401/403, TLS verification
                   ///< failed, 404 on the endpoint, plain HTTP to a remote host): nothing was processed; stop and alert
};

/** Stable name of @p outcome for logs ("posted", "rejected", "transient", "unknown", "configuration"). */
QString primaWriteOutcomeName(PrimaWriteOutcome outcome);

/** The result of posting one sales order or credit note. */
struct PrimaWriteResult
{
    PrimaWriteOutcome outcome = PrimaWriteOutcome::Unknown;
    PrimaDocumentResult document; ///< when Posted
    PrimaError error;             ///< when not Posted (for Unknown: what happened, and the status if any)
    QString externalRef;          ///< of the document that was sent
    QString idempotencyKey;       ///< the key that was sent
    QString correlationId;        ///< X-Correlation-Id that was sent

    bool isPosted() const { return outcome == PrimaWriteOutcome::Posted; }
};

/** One operation of POST /batches: a sales order or a credit note. */
struct PrimaBatchOperation
{
    /** Which document the operation posts. */
    enum class Kind { SalesOrder, CreditNote };
    Kind kind = Kind::SalesOrder;
    SalesOrder salesOrder; ///< when kind is SalesOrder
    CreditNote creditNote; ///< when kind is CreditNote

    static PrimaBatchOperation ofSalesOrder(SalesOrder order) { return {Kind::SalesOrder, std::move(order), {}}; }
    static PrimaBatchOperation ofCreditNote(CreditNote note) { return {Kind::CreditNote, {}, std::move(note)}; }
    QString externalRef() const { return kind == Kind::SalesOrder ? salesOrder.externalRef : creditNote.externalRef; }
    QString idempotencyKey() const
    {
        return kind == Kind::SalesOrder ? salesOrder.idempotencyKey : creditNote.idempotencyKey;
    }
};

/**
 * The result of POST /batches. `outcome` says what happened to the batch request itself: Posted means Prima
 * processed it and `results` holds one result per operation, in order. For any other outcome every entry of
 * `results` carries that same outcome and error (a batch that timed out leaves every operation Unknown), so the
 * engine can always walk `results`.
 */
struct PrimaBatchResult
{
    PrimaWriteOutcome outcome = PrimaWriteOutcome::Unknown;
    PrimaError error;
    QList<PrimaWriteResult> results;
};

/** How a read ended. Reads are retried by the transport; what arrives here is final for this call. */
enum class PrimaReadOutcome {
    Ok,
    Rejected,      ///< 4xx with a code (e.g. a bad filter), or an answer that could not be understood
    Transient,     ///< try again later (429, 503, 5xx, timeout after the transport's retries)
    Configuration, ///< as PrimaWriteOutcome::Configuration
};

/** A read's value or its error. */
template<typename T>
struct PrimaReadResult
{
    PrimaReadOutcome outcome = PrimaReadOutcome::Ok;
    std::optional<T> value; ///< set exactly when outcome is Ok
    PrimaError error;

    bool ok() const { return outcome == PrimaReadOutcome::Ok && value.has_value(); }
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::PrimaWriteResult)
Q_DECLARE_METATYPE(Tillbridge::Core::PrimaError)
