// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/cachestatistics.h"

#include "core/storage/schemamigrator.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

Result<CacheStatistics> readCacheStatistics(const QSqlDatabase &db)
{
    CacheStatistics stats;
    auto version = SchemaMigrator::currentVersion(db);
    if (!version)
        return version.error();
    stats.schemaVersion = *version;

    // Each statement is a fixed text; no part of it comes from input.
    const struct
    {
        const char *sql;
        qint64 *target;
    } counts[] = {
        {"SELECT COUNT(*) FROM stores", &stats.stores},
        {"SELECT COUNT(*) FROM pos_orders", &stats.posOrders},
        {"SELECT COUNT(*) FROM pos_orders WHERE state = 'quarantined'", &stats.quarantinedOrders},
        {"SELECT COUNT(*) FROM exceptions WHERE state IN ('open', 'assigned')", &stats.openExceptions},
        {"SELECT COUNT(*) FROM exceptions WHERE state IN ('open', 'assigned') AND severity = 'blocking'",
         &stats.blockingExceptions},
        {"SELECT COUNT(*) FROM outbox WHERE state NOT IN ('posted', 'failed_permanent')", &stats.pendingPostings},
        {"SELECT COALESCE(MAX(seq), 0) FROM audit_events", &stats.auditEntries},
        {"SELECT COUNT(*) FROM catalogue_snapshots", &stats.catalogueSnapshots},
        {"SELECT COUNT(*) FROM stock_levels", &stats.stockLevels},
    };
    QSqlQuery query(db);
    query.setForwardOnly(true);
    for (const auto &count : counts) {
        if (!query.exec(QString::fromLatin1(count.sql)) || !query.next()) {
            return Error{ErrorCode::Database,
                         QCoreApplication::translate("Tillbridge::Core::CacheStatistics",
                                                     "The cache's figures could not be read: %1")
                             .arg(query.lastError().text())};
        }
        *count.target = query.value(0).toLongLong();
        query.finish();
    }
    return stats;
}

} // namespace Tillbridge::Core
