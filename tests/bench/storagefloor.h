// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Bench {

/** The highest rowid of each floor table before an ingest: the rows after it are the ones the ingest wrote. */
using RowBaseline = QHash<QString, qint64>;

/** What the storage floor inserted and how long the inserts took. */
struct StorageFloorResult
{
    double seconds = 0.0; ///< BEGIN, every INSERT and COMMIT; reading the rows to insert is not counted
    QList<std::pair<QString, qint64>> rows; ///< table → rows inserted, in insertion order
    qint64 totalRows = 0;
};

/**
 * The storage floor of an ingest: the fastest the cache can take the rows an ingest wrote.
 *
 * Before the ingest, baseline() notes where each table ends and snapshot() copies the cache as it is (VACUUM INTO),
 * so the floor starts from the same state: the same stores, mappings and catalogue, and the same audit chain head.
 * After the ingest, measure() copies every row the ingest wrote — orders, lines, payments, outbox, exceptions,
 * their history and the audit events, values unchanged — from @p source into the snapshot, with one prepared
 * INSERT per table, every value bound, all in ONE transaction. The snapshot has the same schema, indexes and
 * triggers, so each audit event still has to extend the chain head. Only the inserts and the commit are timed; the
 * rows are read from @p source in chunks between timed stretches.
 */
class StorageFloor
{
public:
    /** Every table the ingest writes rows to, in an order that satisfies their foreign keys. */
    static QStringList orderTables();

    static Core::Result<RowBaseline> baseline(const QSqlDatabase &db);

    /** Writes a copy of @p db to @p fileName, which must not exist. */
    static Core::Status snapshot(const QSqlDatabase &db, const QString &fileName);

    static Core::Result<StorageFloorResult> measure(const QSqlDatabase &source, const QSqlDatabase &target,
                                                    const RowBaseline &baseline);

    /** Rows of @p table (one of orderTables()) after @p baseline. */
    static Core::Result<qint64> rowsAfter(const QSqlDatabase &db, const QString &table, const RowBaseline &baseline);
};

} // namespace Tillbridge::Bench
