// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Core {

class DbTransaction;

/** One stored SKU audit run and its counts (the `sku_audit_runs` table, migration 8). */
struct SkuAuditRun
{
    qint64 id = 0;
    int eshopId = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString actor;
    qint64 primaSnapshotId = 0;
    qint64 sitooSnapshotId = 0;
    int primaItems = 0;
    int sitooItems = 0;
    int onlyInSitoo = 0;
    int onlyInPrima = 0;
    int fieldMismatch = 0;
    int nearMatchHints = 0;
    int autoResolved = 0;

    int findings() const { return onlyInSitoo + onlyInPrima + fieldMismatch; }
};

/** An open catalogue exception: what a later audit run checks is still there. */
struct OpenCatalogueException
{
    qint64 id = 0;
    ExceptionKind kind = ExceptionKind::CatalogFieldMismatch;
    QString entityId;
};

/**
 * The SKU audit's own storage: its runs with their counts (so the trend is visible) and the look-up of the open
 * catalogue exceptions of a site, which a run auto-resolves when it does not find them again.
 */
class SkuAuditRepository
{
public:
    /** Entity type of catalogue exceptions: one Sitoo site's SKU, entity id "<eshopid>/<sku>". */
    static QString entityType() { return QStringLiteral("sitoo-product"); }
    static QString entityId(int eshopId, const QString &sku) { return QStringLiteral("%1/%2").arg(eshopId).arg(sku); }

    explicit SkuAuditRepository(QSqlDatabase db);

    /** Stores a finished run in the caller's transaction (its audit event is the caller's); returns its id. */
    Result<qint64> saveRun(DbTransaction &tx, const SkuAuditRun &run);
    /** The newest runs of a site, newest first. */
    Result<QList<SkuAuditRun>> recentRuns(int eshopId, int limit) const;
    /** Open and assigned CATALOG_* exceptions of a site. */
    Result<QList<OpenCatalogueException>> openCatalogueExceptions(int eshopId) const;

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
