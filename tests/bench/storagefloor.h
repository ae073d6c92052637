// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Bench {

/** What the storage floor inserted and how long the inserts took. */
struct StorageFloorResult
{
    double seconds = 0.0; ///< BEGIN, every INSERT and COMMIT; reading the rows to insert is not counted
    QList<std::pair<QString, qint64>> rows; ///< table → rows inserted, in insertion order
    qint64 totalRows = 0;
};

/**
 * The storage floor of an ingest: the fastest the cache can take the rows an ingest wrote. Copies the rows of the
 * order tables (raw_orders, pos_orders, pos_order_lines, pos_order_payments, outbox) from @p source, values
 * unchanged, into @p target — a fresh cache with the same schema, indexes and triggers — with one prepared
 * INSERT per table, every value bound, all in ONE transaction. Only the inserts are timed; the rows are read from
 * @p source in chunks between timed stretches.
 *
 * Audit events and exceptions are not part of the floor (an ingest must write them, the floor does not), so the
 * ratio ingest / floor also prices the audit trail and validation.
 */
class StorageFloor
{
public:
    /** The tables the floor copies, in an order that satisfies their foreign keys. */
    static QStringList orderTables();

    /** Copies the stores (untimed: the floor's set-up), so that pos_orders' store references hold. */
    static Core::Status copyStores(const QSqlDatabase &source, const QSqlDatabase &target);

    static Core::Result<StorageFloorResult> measure(const QSqlDatabase &source, const QSqlDatabase &target);

    /** COUNT(*) of @p table (one of orderTables(), "stores", "audit_events" or "exceptions"). */
    static Core::Result<qint64> rowCount(const QSqlDatabase &db, const QString &table);
};

} // namespace Tillbridge::Bench
