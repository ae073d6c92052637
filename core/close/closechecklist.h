// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closetypes.h"

#include <QSqlDatabase>

namespace Tillbridge::Core {

/**
 * Computes the close gates of a period from the cache; never writes. Each gate is one function with its own query,
 * so that what a gate means can be read (and changed) in one place. Periods are calendar months in each store's
 * own time zone: an order belongs to the period of its store-local date.
 */
class CloseChecklist
{
public:
    explicit CloseChecklist(QSqlDatabase db);

    /** Every gate's data condition, in walkthrough order (sign-offs and dependencies are the service's). */
    Result<QList<GateEvaluation>> evaluate(const ClosePeriod &period) const;
    Result<GateEvaluation> evaluate(const ClosePeriod &period, CloseGate gate) const;

    /**
     * The SKU-audit gate's evidence: the audits finished in the period and the open blocking CATALOG_* exceptions.
     * Reads `sku_audit_runs` (migration 8); the only place that knows where SKU audit runs are stored.
     */
    struct SkuAuditEvidence
    {
        qint64 runsInPeriod = 0;
        qint64 openBlockingCatalogueExceptions = 0;
    };
    Result<SkuAuditEvidence> skuAuditEvidence(const ClosePeriod &period) const;

private:
    Result<GateEvaluation> storesSynced(const ClosePeriod &period) const;
    Result<GateEvaluation> nothingUnposted(const ClosePeriod &period) const;
    Result<GateEvaluation> noBlockingExceptions(const ClosePeriod &period) const;
    Result<GateEvaluation> payoutsMatched(const ClosePeriod &period) const;
    Result<GateEvaluation> taxVarianceReviewed(const ClosePeriod &period) const;
    Result<GateEvaluation> skuAuditClean(const ClosePeriod &period) const;

    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
