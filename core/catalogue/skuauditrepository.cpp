// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogue/skuauditrepository.h"

#include "core/logging.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
Error sqlError(const QSqlQuery &query)
{
    qCWarning(lcDb) << "sku audit:" << query.lastError().text();
    return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::SkuAuditRepository",
                                                                  "The SKU audit could not be read or saved: %1")
                                          .arg(query.lastError().text())};
}

QVariant snapshotValue(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

SkuAuditRepository::SkuAuditRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<qint64> SkuAuditRepository::saveRun(DbTransaction &tx, const SkuAuditRun &run)
{
    QSqlQuery query(tx.database());
    query.prepare(QStringLiteral(
        "INSERT INTO sku_audit_runs (eshop_id, started_at, finished_at, actor, prima_snapshot_id, sitoo_snapshot_id, "
        "prima_items, sitoo_items, only_in_sitoo, only_in_prima, field_mismatch, near_match_hints, auto_resolved) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(run.eshopId);
    query.addBindValue(dbTime(run.startedAt));
    query.addBindValue(dbTime(run.finishedAt));
    query.addBindValue(run.actor);
    query.addBindValue(snapshotValue(run.primaSnapshotId));
    query.addBindValue(snapshotValue(run.sitooSnapshotId));
    query.addBindValue(run.primaItems);
    query.addBindValue(run.sitooItems);
    query.addBindValue(run.onlyInSitoo);
    query.addBindValue(run.onlyInPrima);
    query.addBindValue(run.fieldMismatch);
    query.addBindValue(run.nearMatchHints);
    query.addBindValue(run.autoResolved);
    if (!query.exec())
        return sqlError(query);
    return query.lastInsertId().toLongLong();
}

Result<QList<SkuAuditRun>> SkuAuditRepository::recentRuns(int eshopId, int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, eshop_id, started_at, finished_at, actor, prima_snapshot_id, sitoo_snapshot_id, prima_items, "
        "sitoo_items, only_in_sitoo, only_in_prima, field_mismatch, near_match_hints, auto_resolved "
        "FROM sku_audit_runs WHERE eshop_id = ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(eshopId);
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(query);
    QList<SkuAuditRun> runs;
    while (query.next()) {
        SkuAuditRun run;
        run.id = query.value(0).toLongLong();
        run.eshopId = query.value(1).toInt();
        run.startedAt = fromDbTime(query.value(2));
        run.finishedAt = fromDbTime(query.value(3));
        run.actor = query.value(4).toString();
        run.primaSnapshotId = query.value(5).toLongLong();
        run.sitooSnapshotId = query.value(6).toLongLong();
        run.primaItems = query.value(7).toInt();
        run.sitooItems = query.value(8).toInt();
        run.onlyInSitoo = query.value(9).toInt();
        run.onlyInPrima = query.value(10).toInt();
        run.fieldMismatch = query.value(11).toInt();
        run.nearMatchHints = query.value(12).toInt();
        run.autoResolved = query.value(13).toInt();
        runs.append(run);
    }
    return runs;
}

Result<QList<OpenCatalogueException>> SkuAuditRepository::openCatalogueExceptions(int eshopId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The prefix is matched with substr, not LIKE, so a SKU's own '%' or '_' can never act as a wildcard.
    query.prepare(QStringLiteral("SELECT id, kind, entity_id FROM exceptions WHERE entity_type = ? "
                                 "AND state IN ('open', 'assigned') AND kind IN (?, ?, ?) "
                                 "AND substr(entity_id, 1, length(?)) = ?"));
    const QString prefix = QStringLiteral("%1/").arg(eshopId);
    query.addBindValue(entityType());
    query.addBindValue(ExceptionKinds::code(ExceptionKind::CatalogOnlyInSitoo));
    query.addBindValue(ExceptionKinds::code(ExceptionKind::CatalogOnlyInPrima));
    query.addBindValue(ExceptionKinds::code(ExceptionKind::CatalogFieldMismatch));
    query.addBindValue(prefix);
    query.addBindValue(prefix);
    if (!query.exec())
        return sqlError(query);
    QList<OpenCatalogueException> open;
    while (query.next()) {
        const auto kind = ExceptionKinds::fromCode(query.value(1).toString());
        if (!kind)
            continue;
        open.append(OpenCatalogueException{query.value(0).toLongLong(), *kind, query.value(2).toString()});
    }
    return open;
}

} // namespace Tillbridge::Core
