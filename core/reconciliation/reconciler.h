// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prima/primatypes.h"
#include "core/reconciliation/reconciliationtypes.h"
#include "core/sitoo/sitootypes.h"

#include <QHash>
#include <QLocale>

namespace Tillbridge::Core {

/**
 * The comparison itself, free of I/O: Sitoo's tender totals (orders, and Z-reports when there are any) against
 * Prima's tender postings, and Sitoo's VAT against Prima's VAT postings, per store and trading day. A line is
 * matched when |Sitoo − Prima| ≤ tolerance and, for a tender with Z-reports, |orders − Z-reports| ≤ tolerance.
 */
class Reconciler
{
public:
    /** Sitoo payment name → Prima tender, and VAT rate text ("20") → Prima tax code, as the posting used them. */
    struct Mappings
    {
        QHash<QString, QString> tenderByMethod;
        QHash<QString, QString> taxCodeByRate;
    };

    /**
     * The lines of one store and day. Tenders are compared by Prima tender (Sitoo names mapped; an unmapped name
     * stands for itself). VAT is compared per tax code when Prima's postings name one, otherwise as one "ALL" line.
     * @p zReportTenders is by Sitoo payment name; empty means no Z-report covered the day.
     */
    static QList<ReconciliationLine> compare(const SitooDayFigures &sitoo, const QMap<QString, qint64> &zReportTenders,
                                             const PrimaDayFigures &prima, const Mappings &mappings,
                                             qint64 toleranceMinor);

    /** "Card: Sitoo 1,204.50 GBP, Prima 1,194.50 GBP, difference 10.00 GBP" for each line that is not matched. */
    static QString explain(const Store &store, QDate day, const QList<ReconciliationLine> &lines,
                           const SitooDayFigures &sitoo, qint64 toleranceMinor, const QLocale &locale = QLocale());

    /** Sums Prima's ledger postings of one store and day into tender and VAT totals. */
    static PrimaDayFigures primaFigures(const QList<PrimaLedgerPosting> &postings, const QString &vatAccount);

    /** Sums the tenders of the Z-reports of one store and day (sales plus refunds) by Sitoo payment name. */
    static QMap<QString, qint64> zReportTenders(const QList<SitooZReport> &reports);
};

} // namespace Tillbridge::Core
