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
    static const QStringList tables{QStringLiteral("stores"),          QStringLiteral("raw_orders"),
                                    QStringLiteral("pos_orders"),      QStringLiteral("pos_order_lines"),
                                    QStringLiteral("pos_order_payments"), QStringLiteral("outbox"),
                                    QStringLiteral("audit_events"),    QStringLiteral("exceptions")};
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

/** Copies @p table in chunks; only the inserts add to @p insertNs. */
Result<qint64> copyTable(const QSqlDatabase &source, const QSqlDatabase &target, const QString &table,
                         qint64 *insertNs)
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
    qint64 lastRowId = 0;
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
    return {QStringLiteral("raw_orders"), QStringLiteral("pos_orders"), QStringLiteral("pos_order_lines"),
            QStringLiteral("pos_order_payments"), QStringLiteral("outbox")};
}

Status StorageFloor::copyStores(const QSqlDatabase &source, const QSqlDatabase &target)
{
    DbTransaction tx(target);
    if (!tx.isActive())
        return tx.beginStatus();
    auto copied = copyTable(source, target, QStringLiteral("stores"), nullptr);
    if (!copied)
        return copied.error();
    return tx.commit();
}

Result<StorageFloorResult> StorageFloor::measure(const QSqlDatabase &source, const QSqlDatabase &target)
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
        auto copied = copyTable(source, target, table, &nanoseconds);
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

Result<qint64> StorageFloor::rowCount(const QSqlDatabase &db, const QString &table)
{
    if (!knownTables().contains(table))
        return Error{ErrorCode::InvalidInput, QStringLiteral("%1 is not a table the bench counts").arg(table)};
    const QString countSql = QStringLiteral("SELECT COUNT(*) FROM ") + quoted(table);
    QSqlQuery query(db);
    if (!query.prepare(countSql) || !query.exec() || !query.next())
        return sqlError(QStringLiteral("counting ") + table, query);
    return query.value(0).toLongLong();
}

} // namespace Tillbridge::Bench
