// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/posorder.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** Where a POS order is in the engine: received → quarantined | ready → posted; superseded ends a replaced one. */
enum class PosOrderState { Received, Quarantined, Ready, Posted, Superseded };

QString posOrderStateCode(PosOrderState state); ///< "received", "quarantined", "ready", "posted", "superseded"
std::optional<PosOrderState> posOrderStateFromCode(const QString &code);

/** What OrderRepository::receive() did with one order's bytes. */
enum class OrderReceipt {
    New,            ///< first time this order id was seen: raw bytes, order, lines and payments stored
    Unchanged,      ///< these exact bytes were stored before: nothing was written, no audit event
    ChangedContent, ///< the order id is known but the bytes differ: the new raw version is kept next to the old
                    ///< one, the stored order is left as it was, and the caller raises DUPLICATE_ORDER
};

/** The outcome of OrderRepository::receive(). */
struct OrderReceiveResult
{
    OrderReceipt receipt = OrderReceipt::New;
    qint64 posOrderId = 0; ///< pos_orders id of the order (the existing one for Unchanged and ChangedContent)
    qint64 rawOrderId = 0; ///< raw_orders id of these bytes (the earlier row for Unchanged)
};

/** A stored order's identity and status, without lines: what queues, paging and counts need. */
struct StoredOrder
{
    qint64 id = 0;
    QString sitooAccount;
    qint64 sitooOrderId = 0; ///< negative for a malformed order whose id could not be read (-raw_orders id)
    qint64 rawOrderId = 0;   ///< the raw version the order was stored from
    PosOrderKind kind = PosOrderKind::Sale;
    PosOrderState state = PosOrderState::Received;
    bool malformed = false;  ///< true: only the raw bytes are facts; kind, date, currency and totals are placeholders
    qint64 storeId = 0;      ///< 0 until the store is known
    QString currency;        ///< "XXX" (ISO 4217 "no currency") for a malformed order
    qint64 totalGrossMinor = 0;
    QDateTime orderDate;
    std::optional<qint64> originalOrderId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** One version of an order's bytes as Sitoo sent it. */
struct RawOrderVersion
{
    qint64 id = 0;
    QByteArray payload;
    QByteArray sha256Hex;
    QDateTime receivedAt;
};

/** A sale line with how much of it refunds received so far have returned (for RETURN_EXCEEDS_ORIGINAL). */
struct StoredSaleLine
{
    int lineIndex = 0;
    QString sku;
    qint64 quantitySold = 0;     ///< positive
    qint64 quantityReturned = 0; ///< minus the sum of the (negative) quantities of refund lines naming this line
};

/** The sale a refund refers to, line by line. */
struct StoredSale
{
    qint64 posOrderId = 0;
    PosOrderState state = PosOrderState::Received;
    QList<StoredSaleLine> lines;
};

/**
 * POS orders in the cache: the raw bytes exactly as Sitoo sent them (raw_orders, one row per distinct version) and
 * the normalised order (pos_orders with its lines and payments, integer minor units).
 *
 * Receipt is idempotent (INSERT … ON CONFLICT DO NOTHING on the raw version and on the order id), so pulling the
 * same page twice writes nothing. A malformed order is stored too, so that nothing Sitoo sent is ever dropped: its raw
 * bytes are kept and a pos_orders row in state 'quarantined' is written with malformed = 1. Because the columns of
 * pos_orders are NOT NULL and SQLite cannot relax that without rebuilding a table that others reference, such a row
 * carries placeholders that the flag marks as not being facts: kind 'sale', order_date = the time it was received,
 * currency "XXX" (ISO 4217 for "no currency"), totals 0, and, when even the order id could not be read, the id
 * -raw_orders.id (Sitoo ids are positive). load() refuses a malformed order, and triggers keep it out of 'ready'
 * and 'posted' (migration 5).
 *
 * Every write takes the caller's DbTransaction, is atomic on its own (a savepoint: on failure nothing of it stays in
 * the transaction) and appends its audit event in the same transaction.
 */
class OrderRepository
{
public:
    explicit OrderRepository(QSqlDatabase db);

    /**
     * Stores one order as received.
     * @param sitooOrderId the order id; 0 or negative when it could not be read (a malformed order)
     * @param rawBytes the order's bytes exactly as received
     * @param sha256Hex 64 lower-case hex digits of SHA-256(rawBytes); checked
     * @param parsed the normalised order, or empty for a malformed one (stored quarantined, raw bytes kept)
     * A parsed order starts in state 'received'; the caller validates it and moves it on with setState().
     */
    Result<OrderReceiveResult> receive(DbTransaction &tx, const QString &account, qint64 sitooOrderId,
                                       const QByteArray &rawBytes, const QByteArray &sha256Hex,
                                       const std::optional<PosOrder> &parsed);

    /**
     * Moves an order to @p state with an audit event ("order.quarantined", "order.ready", "order.superseded",
     * "order.received"). Moving to the state it is in already writes nothing. 'posted' is refused here: an order
     * becomes posted only with its Prima document (OutboxRepository::markPosted/adopt). A posted order never
     * changes state; a malformed one can only be quarantined or superseded.
     */
    Status setState(DbTransaction &tx, qint64 orderId, PosOrderState state, const QString &actor,
                    const QString &reason);

    /** The normalised order with lines and payments. Fails (InvalidInput) for a malformed order. */
    Result<PosOrder> load(qint64 orderId) const;

    /** Identity and status of one order; NotFound if there is none. */
    Result<StoredOrder> storedOrder(qint64 orderId) const;

    /** The order with this Sitoo id in this account, if it was received. */
    Result<std::optional<StoredOrder>> findBySitooId(const QString &account, qint64 sitooOrderId) const;

    /**
     * Another order of the account with the same POS receipt id, if any (the earliest). A till sends a receipt once;
     * the same receipt under a second order id would post the sale twice.
     */
    Result<std::optional<StoredOrder>> findOtherWithReceipt(const QString &account, const QString &receiptId,
                                                           qint64 excludingSitooOrderId) const;
    /** The same, inside @p tx with its statement kept prepared for the transaction (one look-up per order). */
    Result<std::optional<StoredOrder>> findOtherWithReceipt(DbTransaction &tx, const QString &account,
                                                           const QString &receiptId,
                                                           qint64 excludingSitooOrderId) const;

    /** Every raw version received for this order id, oldest first (two or more after ChangedContent). */
    Result<QList<RawOrderVersion>> rawVersions(const QString &account, qint64 sitooOrderId) const;

    /** The raw bytes the order was stored from (the detail pane's "raw payload"). */
    Result<RawOrderVersion> rawPayload(qint64 orderId) const;

    /**
     * The sale @p saleSitooOrderId of @p account line by line, with the quantities already returned by the refunds
     * received so far that name it (superseded refunds do not count). Pass the refund being validated as
     * @p excludingRefundOrderId (its Sitoo id), because receive() has already stored its own lines. Empty when the
     * sale was never received (RETURN_WITHOUT_ORIGINAL) or is malformed.
     */
    Result<std::optional<StoredSale>> originalSaleFor(const QString &account, qint64 saleSitooOrderId,
                                                        qint64 excludingRefundOrderId = 0) const;
    /** The same inside @p tx, with its statements prepared once for the transaction (a page of refunds asks often). */
    Result<std::optional<StoredSale>> originalSaleFor(DbTransaction &tx, const QString &account,
                                                        qint64 saleSitooOrderId, qint64 excludingRefundOrderId = 0) const;

    /** Orders in @p state with id > @p afterId, by id (keyset paging: pass the last id of the previous page). */
    Result<QList<StoredOrder>> ordersInState(PosOrderState state, qint64 afterId, int limit) const;

    /** The number of orders per state; every state is present (0 when none). */
    Result<QMap<PosOrderState, qint64>> countsByState() const;

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
