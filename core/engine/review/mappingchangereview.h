// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/review/quarantinereview.h"
#include "core/result.h"
#include "core/storage/mappingrepository.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Core {

/** What a mapping change does (apply) or would do (preview): to the mappings, and to the quarantine. */
struct MappingChangeReport
{
    MappingImportSummary mappings; ///< added / changed / unchanged
    ReleaseSummary quarantine;     ///< every quarantined order, released or kept
};

/**
 * A mapping change with a release preview (the exception queue's "fix mapping"): preview() tells, without writing
 * anything, which quarantined orders the change would release and which stay quarantined and why; apply() writes
 * the mappings (audited), re-validates every quarantined order and releases the now-valid ones, all in one
 * transaction, so a failure changes nothing. Both go through the same QuarantineReview assessment, so the preview
 * is what apply does — unless something else changes the cache in between.
 *
 * A change is one mapping (kind, source key, target) or a whole mapping file (MappingRepository::parseImport()).
 * Malformed orders and orders with an open DUPLICATE_ORDER are never released by a mapping change.
 */
class MappingChangeReview
{
public:
    explicit MappingChangeReview(QSqlDatabase db);

    /** What applying @p change would do; reads only. */
    Result<MappingChangeReport> preview(const QList<Mapping> &change);

    /** Writes @p change as @p actor and releases what it frees, in one transaction. */
    Result<MappingChangeReport> apply(const QList<Mapping> &change, const QString &actor);

    /** A short description of a change for reasons and the audit trail: `payment_method "Swish" → SWISH`, … */
    static QString describe(const QList<Mapping> &change);

private:
    Result<QList<Mapping>> checked(const QList<Mapping> &change) const;

    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
