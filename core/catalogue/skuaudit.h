// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalogue/cataloguediff.h"
#include "core/catalogue/skuauditrepository.h"
#include "core/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Tillbridge::Core {

class PrimaGateway;
class SitooClient;

/** How one SKU audit runs. */
struct SkuAuditOptions
{
    int eshopId = 1;          ///< the Sitoo site compared with Prima
    bool refreshPrima = true; ///< read Prima's whole item master first (a new snapshot); false: use the latest one
    QString actor = QStringLiteral("system");
};

/** What one run did: the stored run with its counts, and what happened to the exception queue. */
struct SkuAuditSummary
{
    SkuAuditRun run;
    int raised = 0;        ///< new exceptions
    int refreshed = 0;     ///< open ones whose figures changed
    int stillOpen = 0;     ///< open ones found again unchanged
    int sitooUnreadable = 0; ///< Sitoo products that could not be read (left out; see the log)

    bool isClean() const { return run.findings() == 0; }
};

/**
 * The full SKU audit (product.md step 5): Prima's item master (the latest snapshot, refreshed first by default) is
 * compared field by field with every product of one Sitoo site (read whole and kept as a Sitoo snapshot) by
 * CatalogueDiff. Each difference becomes an exception on entity "sitoo-product" "<eshopid>/<sku>":
 * CATALOG_ONLY_IN_SITOO, CATALOG_ONLY_IN_PRIMA or CATALOG_FIELD_MISMATCH, with an explanation that names both
 * values. An open catalogue exception of the site that the run does not find again is auto-resolved with that
 * reason. The run is stored with its counts (sku_audit_runs) and audited as "catalogue.sku-audit", in the same
 * transaction as the exceptions.
 *
 * Prima prices are in one currency; a site that sells in another is refused with a clear error (that needs a Sitoo
 * price list per currency, see docs/catalogue.md).
 *
 * Lives in the thread of its clients (the engine's worker, or the CLI's main thread) and uses the connection given,
 * which must belong to that thread.
 */
class SkuAudit : public QObject
{
    Q_OBJECT

public:
    SkuAudit(QSqlDatabase db, SitooClient *sitoo, PrimaGateway *prima, QObject *parent = nullptr);
    ~SkuAudit() override;

    /** Runs one audit; @p done runs once on this thread (not at all when @p context died first). */
    void run(const SkuAuditOptions &options, QObject *context,
             std::function<void(const Result<SkuAuditSummary> &)> done);

    /**
     * Records a comparison: the diff of @p prima and @p sitoo, the exceptions, auto-resolution and the run, in one
     * transaction. run() ends here; tests call it with crafted catalogues.
     */
    Result<SkuAuditSummary> record(const SkuAuditOptions &options, const std::vector<CatalogueRow> &prima,
                                   const std::vector<CatalogueRow> &sitoo, qint64 primaSnapshotId,
                                   qint64 sitooSnapshotId, const QDateTime &startedAt);

    /**
     * Has a SKU that is saleable only in Sitoo deactivated in the POS (activepos=false), for the open
     * CATALOG_ONLY_IN_SITOO exception @p exceptionId. Only an active approver or admin (UserRepository) may; a
     * refusal is audited as "catalogue.pos-deactivation-refused" and answered with PermissionDenied before Sitoo is
     * touched. On success the exception is resolved by the approver, audited as "catalogue.pos-deactivated".
     */
    void deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason, QObject *context,
                         std::function<void(const Status &)> done);

private:
    struct Pass;
    void readSitoo(std::shared_ptr<Pass> pass);
    void finish(std::shared_ptr<Pass> pass, const Result<SkuAuditSummary> &result);

    QSqlDatabase m_db;
    SitooClient *m_sitoo;
    PrimaGateway *m_prima;
};

} // namespace Tillbridge::Core
