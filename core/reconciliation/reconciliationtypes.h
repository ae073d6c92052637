// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/store.h"
#include "core/money/currency.h"
#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tillbridge::Core {

/** What reconciliation compares and how strictly. Amounts are minor units of the store's currency. */
struct ReconciliationSettings
{
    /** The largest difference per tender or VAT line, per store and day, that still counts as matched. */
    qint64 toleranceMinor = 0;
    /** Prima's ledger account of VAT postings; "VAT:<tax code>" or "VAT-<tax code>" names the code. */
    QString vatAccount = QStringLiteral("VAT");
    /** The actor written to the audit trail and the exceptions. */
    QString actor = QStringLiteral("system");

    /**
     * The optional "reconciliation" object of the sync configuration file:
     * {"reconciliation": {"toleranceMinor": 100, "vatAccount": "VAT"}}. Defaults when it is absent.
     */
    static Result<ReconciliationSettings> load(const QString &configFile);
    /** The same from the configuration's parsed root object (for SyncConfig::fromJson). */
    static Result<ReconciliationSettings> fromJson(const QJsonObject &configRoot);
};

/** Whether a line compares payments by tender or VAT. */
enum class ReconciliationKind { Tender, Vat };
QString reconciliationKindCode(ReconciliationKind kind); ///< "tender", "vat"

/** One compared figure of one store and trading day. */
struct ReconciliationLine
{
    ReconciliationKind kind = ReconciliationKind::Tender;
    QString item;  ///< the Prima tender ("CARD"), tax code ("S20"), or "ALL" for VAT over all rates
    QString label; ///< for people: the Sitoo payment names ("Card"), or "VAT 20 %"
    qint64 sitooMinor = 0;
    std::optional<qint64> zReportMinor; ///< tenders only, when Z-reports covered the day
    qint64 primaMinor = 0;
    bool matched = true;
    QList<qint64> vatRates; ///< VAT lines per tax code: the Sitoo rates (ten-thousandths of a percent) behind it

    qint64 differenceMinor() const { return sitooMinor - primaMinor; }
};

/** Sitoo's side of one store and trading day, read from the cache. */
struct SitooDayFigures
{
    QMap<QString, qint64> tendersByMethod; ///< Sitoo payment name → signed total
    /** VAT rate (ten-thousandths of a percent) → net, VAT as Sitoo sent it, VAT recomputed per line, orders. */
    struct Vat
    {
        qint64 netMinor = 0;
        qint64 vatMinor = 0;
        qint64 expectedVatMinor = 0;
        int orders = 0;
        int taxExceptions = 0;
    };
    QMap<qint64, Vat> vatByRate;      ///< posted and ready orders: what Prima has or will have
    QMap<qint64, Vat> chartVatByRate; ///< every order read (quarantined too), with TAX_* counts: for the charts
    int orders = 0;         ///< posted and ready orders counted
    int unpostedOrders = 0; ///< of which not posted yet (Prima cannot know them)
};

/** Prima's side of one store and trading day, from GET /ledger/postings. */
struct PrimaDayFigures
{
    QMap<QString, qint64> tenders;       ///< tender → debit total
    QMap<QString, qint64> vatByTaxCode;  ///< tax code → VAT (credit, as a positive amount); "" when no code given
    int postings = 0;
};

/** The reconciliation of one store and trading day. */
struct StoreDayReconciliation
{
    Store store;
    QDate day;
    QList<ReconciliationLine> lines;
    SitooDayFigures sitoo;
    bool matched = true;
    qint64 exceptionId = 0; ///< the PAYOUT_VARIANCE raised or refreshed, 0 when matched
    QString explanation;    ///< for people, with the numbers
};

/** What a reconciliation run did. */
struct ReconciliationSummary
{
    QDate day;
    QList<StoreDayReconciliation> storeDays;
    int matchedLines = 0;
    int varianceLines = 0;
    QList<qint64> payoutVarianceExceptions;
    QList<qint64> silentStoreExceptions;
    QStringList warnings; ///< e.g. Z-reports that could not be read; the run still compared what it had
};

} // namespace Tillbridge::Core
