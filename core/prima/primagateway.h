// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/creditnote.h"
#include "core/domain/salesorder.h"
#include "core/prima/primatypes.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Tillbridge::Core {

/** Per-call settings of a write. */
struct PrimaWriteOptions
{
    /** Sent as X-Correlation-Id: the sync run and attempt ("run-42/attempt-3"). A fresh UUID when empty. */
    QString correlationId;
};

/**
 * What the sync engine needs from Prima, independent of any wire format (prima-gateway.md §2). Adapters:
 * RestPrimaGateway (the JSON contract v1) today, an OM Link adapter later; each says what it can do through
 * capabilities(), and the engine degrades visibly where a capability is missing.
 *
 * Every call is asynchronous in the style of SecretStore: `done` runs exactly once, later, from the event loop of
 * @p context's thread (never from inside the call), and not at all if @p context is destroyed first, so callers may
 * capture @p context (typically `this`). @p context must not be null and must live in the gateway's thread.
 *
 * Writes never fail silently and never guess: each ends as one of PrimaWriteOutcome. In particular a timeout or a
 * reset after the request was sent is PrimaWriteOutcome::Unknown: Prima may have posted the document, so the engine
 * settles it with findDocumentByExternalRef() and re-sends only with the same idempotency key. Gateways do not
 * re-send writes on their own; the engine decides.
 *
 * The idempotency key of a write is the document's own (SalesOrder::idempotencyKey, CreditNote::idempotencyKey):
 * it is deterministic and committed with the outbox row before the first attempt (reliability.md §1.4).
 */
class PrimaGateway : public QObject
{
    Q_OBJECT

public:
    /** What an adapter supports. */
    enum class Capability {
        IdempotencyKeys = 0x01, ///< honours Idempotency-Key (same key + body: the original answer is replayed)
        Batches = 0x02,         ///< postBatch() sends one request instead of one per document
        CreditNotes = 0x04,     ///< postCreditNote() posts returns (otherwise they go to a file for import)
        Ledger = 0x08,          ///< ledgerPostings() is available for reconciliation
        DocumentLookup = 0x10,  ///< findDocumentByExternalRef() can settle unknown outcomes
        ItemMaster = 0x20,      ///< items() and taxCodes()
        StockLevels = 0x40,     ///< stock() with available-to-sell and versions
        Periods = 0x80,         ///< periods()
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)
    Q_FLAG(Capabilities)

    /** Receives the result of a single write. */
    using WriteCallback = std::function<void(PrimaWriteResult)>;
    /** Receives the result of postBatch(). */
    using BatchCallback = std::function<void(PrimaBatchResult)>;
    /** Receives the result of a read returning T. */
    template<typename T>
    using ReadCallback = std::function<void(PrimaReadResult<T>)>;

    /** The most operations one postBatch() call may carry (contract §3.1). */
    static constexpr int kMaxBatchOperations = 100;
    /** The largest page a cursor-paged read may ask for (contract §3.2). */
    static constexpr int kMaxPageSize = 1000;

    /** Creates a gateway owned by @p parent. */
    explicit PrimaGateway(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    ~PrimaGateway() override = default;

    /** What this adapter supports; constant for its lifetime. */
    virtual Capabilities capabilities() const = 0;
    /** Whether every capability in @p required is supported. */
    bool supports(Capabilities required) const { return (capabilities() & required) == required; }

    /** Posts one POS sale (POST /sales-orders). */
    virtual void postSalesOrder(const SalesOrder &order, const PrimaWriteOptions &options, QObject *context,
                                WriteCallback done) = 0;

    /** Posts one POS return (POST /credit-notes). */
    virtual void postCreditNote(const CreditNote &note, const PrimaWriteOptions &options, QObject *context,
                                WriteCallback done) = 0;

    /**
     * Posts up to kMaxBatchOperations documents in one request (POST /batches, mode "independent": each operation
     * succeeds or fails on its own). More operations, or an empty list, are refused locally (Rejected,
     * VALIDATION_FAILED) without sending anything.
     */
    virtual void postBatch(const QList<PrimaBatchOperation> &operations, const PrimaWriteOptions &options,
                           QObject *context, BatchCallback done) = 0;

    /**
     * Looks documents up by external reference (GET /documents?externalRef=): the way to settle an unknown
     * outcome. An empty list means Prima has no such document. More than one means Prima holds duplicates (a Prima
     * that does not enforce uniqueness); the engine must flag that, not pick one.
     */
    virtual void findDocumentByExternalRef(const QString &externalRef, QObject *context,
                                           ReadCallback<QList<PrimaDocumentResult>> done) = 0;

    /**
     * One page of the item master changed since @p updatedSince (all items when invalid), continuing at @p cursor
     * (the first page when empty), with at most @p limit items (1..kMaxPageSize).
     */
    virtual void items(const QDateTime &updatedSince, const QString &cursor, int limit, QObject *context,
                       ReadCallback<PrimaPage<PrimaItem>> done) = 0;

    /** One page of stock levels at @p location (all locations when empty), as items(). */
    virtual void stock(const QString &location, const QDateTime &updatedSince, const QString &cursor, int limit,
                       QObject *context, ReadCallback<PrimaPage<PrimaStockLevel>> done) = 0;

    /** All VAT codes with their rates and validity. */
    virtual void taxCodes(QObject *context, ReadCallback<QList<PrimaTaxCode>> done) = 0;

    /** All stores and warehouses. */
    virtual void locations(QObject *context, ReadCallback<QList<PrimaLocation>> done) = 0;

    /** One page of ledger postings matching @p query, continuing at @p cursor. */
    virtual void ledgerPostings(const PrimaLedgerQuery &query, const QString &cursor, int limit, QObject *context,
                                ReadCallback<PrimaPage<PrimaLedgerPosting>> done) = 0;

    /** Accounting periods and whether they are open. */
    virtual void periods(QObject *context, ReadCallback<QList<PrimaPeriod>> done) = 0;

    /** Whether Prima answers at all, its version and clock. */
    virtual void health(QObject *context, ReadCallback<PrimaHealth> done) = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(PrimaGateway::Capabilities)

} // namespace Tillbridge::Core
