// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closetypes.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Tillbridge::Core {

/** What ClosePack::write() produced. */
struct ClosePackSummary
{
    QString directory;
    QStringList files;       ///< file names inside the directory
    bool locked = false;     ///< the period is locked
    bool allGatesPass = false;
    bool auditChainIntact = false;
};

/** How many exceptions of one kind, owner team and state the period has (raised in it, or still open). */
struct ClosePackExceptionCount
{
    QString kind;  ///< "TOTALS_MISMATCH"
    QString owner; ///< "finance"
    QString state; ///< "open"
    qint64 count = 0;
};

/** An exception of the period accepted through an approved override: who proposed it and who approved it. */
struct ClosePackOverride
{
    qint64 exceptionId = 0;
    QString kind;
    qint64 storeId = 0; ///< 0 when not tied to a store
    QString entityType;
    QString entityId;
    QString explanation;
    QString maker;
    QString checker;
    QString approvedAt; ///< as stored (UTC, ISO 8601)
    QString reason;
};

/**
 * Everything a close pack shows, read once (ClosePack::load()): the CSV files, the XLSX workbook and the PDF are
 * renderings of this one value, so they always agree.
 */
struct ClosePackData
{
    CloseStatus status;
    QList<ReconciliationResultRow> reconciliation;
    QList<TaxVarianceRow> taxByRate;
    QList<ClosePackExceptionCount> exceptions;
    QList<ClosePackOverride> overrides;
    bool auditChainIntact = false;
    qint64 auditHeadSeq = 0;
    QString auditHeadHash; ///< hex, only when the chain verifies
    QString auditProblem;  ///< why the chain does not verify
    QDateTime generatedAt; ///< UTC

    qint64 varianceLines() const;
};

/**
 * The close pack's data for one period (product.md step 8): CSV files (RFC 4180: comma-separated, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled, CRLF line ends, UTF-8 without a byte-order mark) and a
 * JSON summary. Amounts are decimal strings in the currency's units ("1204.50") next to their currency.
 *
 *  - reconciliation.csv: per store, trading day and tender or VAT line: Sitoo, Z-reports, Prima, difference, status
 *  - tax_by_rate.csv: per store, trading day and VAT rate: net, VAT, VAT expected from the rate, Prima, TAX_* count
 *  - exceptions.csv: counts by kind, owner team and state, of exceptions raised in the period or still open
 *  - signoffs.csv: every gate (and the period) with whether it passes now and who signed it, when, with what comment
 *  - overrides.csv: the exceptions accepted through an approved override, with maker and checker
 *  - summary.json: the period, lock, gates, totals, the files, and the audit chain's head hash (verified first)
 *
 * Reads only; never writes to the cache.
 */
class ClosePack
{
public:
    static Result<ClosePackSummary> write(const QSqlDatabase &db, const QString &period, const QString &directory);
    /** Reads the pack's data (the period must parse; the audit chain is verified, a broken one is reported). */
    static Result<ClosePackData> load(const QSqlDatabase &db, const QString &period);
    /** Writes the CSV files and summary.json of @p data into @p directory (created when missing). */
    static Result<ClosePackSummary> writeCsv(const ClosePackData &data, const QString &directory);

    /** One RFC 4180 record (no line end). */
    static QString csvRecord(const QStringList &fields);
};

} // namespace Tillbridge::Core
