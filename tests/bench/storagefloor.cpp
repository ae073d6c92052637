// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/storagefloor.h"

#include "core/storage/dbtransaction.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tillbridge::Bench {

using namespace Tillbridge::Core;

namespace {
constexpr int kChunkRows = 5000;

const QStringList &knownTables()
{
    static const QStringList tables = StorageFloor::orderTables();
    return tables;
}

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error{ErrorCode::Database, what + QStringLiteral(": ") + query.lastError().text()};
}

/**
 * Identifier builder (reliability.md R10 allow-list): the SQL text is made only of a table name from knownTables()
 * and that table's column names as SQLite's own catalogue reports them, each quoted; every value is bound.
 */
QString quoted(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

Result<QStringList> columnsOf(const QSqlDatabase &db, const QString &table)
{
    if (!knownTables().contains(table))
        return Error{ErrorCode::InvalidInput, QStringLiteral("%1 is not a table the bench copies").arg(table)};
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid")))
        return sqlError(QStringLiteral("columns of ") + table, query);
    query.addBindValue(table);
    if (!query.exec())
        return sqlError(QStringLiteral("columns of ") + table, query);
    QStringList columns;
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    while (query.next()) {
        const QString column = query.value(0).toString();
        if (!plain.match(column).hasMatch())
            return Error{ErrorCode::Schema, QStringLiteral("unexpected column name in %1").arg(table)};
        columns.append(column);
    }
    if (columns.isEmpty())
        return Error{ErrorCode::Schema, QStringLiteral("%1 has no columns").arg(table)};
    return columns;
}

/** Copies the rows of @p table after @p fromRowId in chunks; only the inserts add to @p insertNs. */
Result<qint64> copyTable(const QSqlDatabase &source, const QSqlDatabase &target, const QString &table,
                         qint64 fromRowId, qint64 *insertNs)
{
    const auto columns = columnsOf(source, table);
    if (!columns)
        return columns.error();
    QStringList quotedColumns;
    for (const QString &column : *columns)
        quotedColumns.append(quoted(column));
    const QString list = quotedColumns.join(u", ");
    const QString selectSql = QStringLiteral("SELECT rowid, ") + list + QStringLiteral(" FROM ") + quoted(table)
                              + QStringLiteral(" WHERE rowid > ? ORDER BY rowid LIMIT ?");
    const QString insertSql = QStringLiteral("INSERT INTO ") + quoted(table) + QStringLiteral(" (") + list
                              + QStringLiteral(") VALUES (") + QStringList(columns->size(), QStringLiteral("?")).join(u", ")
                              + u')';

    QSqlQuery select(source);
    select.setForwardOnly(true);
    if (!select.prepare(selectSql))
        return sqlError(QStringLiteral("reading ") + table, select);
    QSqlQuery insert(target);
    if (!insert.prepare(insertSql))
        return sqlError(QStringLiteral("inserting into ") + table, insert);

    const int width = int(columns->size());
    qint64 copied = 0;
    qint64 lastRowId = fromRowId;
    QList<QVariantList> chunk;
    QElapsedTimer timer;
    for (;;) {
        chunk.clear();
        select.bindValue(0, lastRowId);
        select.bindValue(1, kChunkRows);
        if (!select.exec())
            return sqlError(QStringLiteral("reading ") + table, select);
        while (select.next()) {
            lastRowId = select.value(0).toLongLong();
            QVariantList row;
            row.reserve(width);
            for (int i = 1; i <= width; ++i)
                row.append(select.value(i));
            chunk.append(std::move(row));
        }
        select.finish();
        if (chunk.isEmpty())
            break;
        timer.start();
        for (const QVariantList &row : std::as_const(chunk)) {
            for (int i = 0; i < width; ++i)
                insert.bindValue(i, row.at(i));
            if (!insert.exec())
                return sqlError(QStringLiteral("inserting into ") + table, insert);
        }
        if (insertNs)
            *insertNs += timer.nsecsElapsed();
        copied += chunk.size();
    }
    return copied;
}
} // namespace

QStringList StorageFloor::orderTables()
{
    // Every row the ingest writes, in an order that satisfies the foreign keys; the audit trail is copied in seq
    // order, so each entry extends the chain head as its trigger demands.
    return {QStringLiteral("raw_orders"),         QStringLiteral("pos_orders"), QStringLiteral("pos_order_lines"),
            QStringLiteral("pos_order_payments"), QStringLiteral("outbox"),     QStringLiteral("exceptions"),
            QStringLiteral("exception_history"),  QStringLiteral("audit_events")};
}

Result<RowBaseline> StorageFloor::baseline(const QSqlDatabase &db)
{
    RowBaseline baseline;
    for (const QString &table : orderTables()) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("SELECT COALESCE(MAX(rowid), 0) FROM ") + quoted(table)) || !query.exec()
            || !query.next())
            return sqlError(QStringLiteral("the end of ") + table, query);
        baseline.insert(table, query.value(0).toLongLong());
    }
    return baseline;
}

Status StorageFloor::snapshot(const QSqlDatabase &db, const QString &fileName)
{
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
        return sqlError(QStringLiteral("snapshot"), query);
    query.addBindValue(fileName);
    if (!query.exec())
        return sqlError(QStringLiteral("snapshot"), query);
    return Status::success();
}

Result<StorageFloorResult> StorageFloor::measure(const QSqlDatabase &source, const QSqlDatabase &target,
                                                 const RowBaseline &baseline)
{
    StorageFloorResult result;
    qint64 nanoseconds = 0;
    QElapsedTimer timer;
    timer.start();
    DbTransaction tx(target);
    if (!tx.isActive())
        return tx.beginStatus().error();
    nanoseconds += timer.nsecsElapsed();
    for (const QString &table : orderTables()) {
        auto copied = copyTable(source, target, table, baseline.value(table), &nanoseconds);
        if (!copied)
            return copied.error();
        result.rows.append({table, *copied});
        result.totalRows += *copied;
    }
    timer.start();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    nanoseconds += timer.nsecsElapsed();
    result.seconds = double(nanoseconds) / 1e9;
    return result;
}

Result<qint64> StorageFloor::rowsAfter(const QSqlDatabase &db, const QString &table, const RowBaseline &baseline)
{
    if (!knownTables().contains(table))
        return Error{ErrorCode::InvalidInput, QStringLiteral("%1 is not a table the bench counts").arg(table)};
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + quoted(table) + QStringLiteral(" WHERE rowid > ?")))
        return sqlError(QStringLiteral("counting ") + table, query);
    query.addBindValue(baseline.value(table));
    if (!query.exec() || !query.next())
        return sqlError(QStringLiteral("counting ") + table, query);
    return query.value(0).toLongLong();
}

} // namespace Tillbridge::Bench
