// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/engine/orderrouter.h"
#include "core/result.h"
#include "core/storage/orderrepository.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Core {

class DbTransaction;

/** One quarantined order as a review sees it: released, or kept with the blocking kinds that keep it. */
struct ReviewedOrder
{
    qint64 posOrderId = 0;
    QString sitooAccount;
    qint64 sitooOrderId = 0;
    bool released = false;
    QList<ExceptionKind> blockingKinds; ///< empty when released
    QList<ExceptionKind> resolvedKinds; ///< open exceptions the rules no longer find
};

/** What a review of the quarantine found or did, order by order. */
struct ReleaseSummary
{
    QList<ReviewedOrder> orders; ///< every quarantined order reviewed, by cache id

    int reviewed() const { return int(orders.size()); }
    int releasedCount() const;
    int keptCount() const { return reviewed() - releasedCount(); }
    QList<ReviewedOrder> released() const;
    QList<ReviewedOrder> kept() const;
    /** For the kept orders: how many are blocked by each kind (an order may count under several kinds). */
    QMap<ExceptionKind, int> keptByKind() const;
};

/**
 * The quarantine review: re-validates stored quarantined orders with the current reference data (stores, mappings,
 * the latest Prima catalogue) and routes them as first receipt would — now-valid orders go to the outbox with the
 * same deterministic idempotency key, exceptions no longer found are auto-resolved with a reason naming who and
 * why, and the rest stay quarantined with refreshed explanations. OrderRouter does the routing.
 *
 * Never released here: malformed orders (only their raw bytes are facts) and orders with an open DUPLICATE_ORDER,
 * MALFORMED_ORDER or other exception that the rules cannot decide again; a person closes those.
 */
class QuarantineReview
{
public:
    explicit QuarantineReview(QSqlDatabase db);

    /** The router, e.g. to lay a proposed mapping change over the reference data for a preview. */
    OrderRouter &router() { return m_router; }

    /** Re-reads the reference data; call before assess()/revalidate(), and inside the transaction after writes. */
    Status refreshReferenceData();

    /** Every order in state quarantined, by cache id. */
    Result<QList<StoredOrder>> quarantinedOrders() const;

    /** What revalidate() would do with @p order, read-only. */
    Result<ReviewedOrder> assess(const StoredOrder &order) const;

    /**
     * Re-validates and routes one quarantined order in @p tx. @p reason goes on auto-resolved exceptions and on
     * the order's audit event; @p actor is who asked for it.
     */
    Result<ReviewedOrder> revalidate(DbTransaction &tx, const StoredOrder &order, const QString &actor,
                                     const QString &reason);

    /**
     * Edit-and-retry: re-validates one quarantined order (by cache id) in its own transaction, after someone fixed a
     * mapping or the catalogue. It is released, or kept with its exceptions brought up to date.
     */
    Result<ReviewedOrder> retryOrder(qint64 posOrderId, const QString &actor);

private:
    struct Prepared;
    Result<Prepared> prepare(const StoredOrder &order) const;

    QSqlDatabase m_db;
    OrderRouter m_router;
};

} // namespace Tillbridge::Core
