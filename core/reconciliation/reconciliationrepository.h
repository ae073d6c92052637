// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/reconciliationtypes.h"
#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QTime>

namespace Tillbridge::Core {

class DbTransaction;

/** When a store trades (its own clock) and how long it may send nothing before STORE_FEED_SILENT. */
struct TradingHours
{
    QTime opensAt = QTime(9, 0);
    QTime closesAt = QTime(18, 0);
    int silentAfterMinutes = 90;
    bool isDefault = true; ///< no row stored: the defaults above
};

/** One stored reconciliation result (a row of reconciliation_results). */
struct ReconciliationResultRow
{
    qint64 storeId = 0;
    QString storeName;
    QDate tradingDay;
    ReconciliationKind kind = ReconciliationKind::Tender;
    QString item;
    QString currency;
    qint64 sitooMinor = 0;
    std::optional<qint64> zReportMinor;
    qint64 primaMinor = 0;
    qint64 differenceMinor = 0;
    qint64 toleranceMinor = 0;
    bool matched = true;
    qint64 exceptionId = 0;
};

/** One stored tax-variance aggregate (store × VAT rate × trading day) for the charts. */
struct TaxVarianceRow
{
    qint64 storeId = 0;
    QString storeName;
    QDate tradingDay;
    qint64 vatRateUnits = 0;
    QString currency;
    int orders = 0;
    qint64 sitooNetMinor = 0;
    qint64 sitooVatMinor = 0;
    qint64 expectedVatMinor = 0;
    std::optional<qint64> primaVatMinor;
    int taxExceptions = 0;
};

/**
 * Reconciliation in the cache: Sitoo's figures of a store and trading day (from posted and ready orders), the stored
 * results (reconciliation_results, tax_variance_daily), PAYOUT_VARIANCE and STORE_FEED_SILENT exceptions, and the
 * stores' trading hours. Every write happens in the caller's transaction together with its audit event.
 */
class ReconciliationRepository
{
public:
    explicit ReconciliationRepository(QSqlDatabase db);

    /** Sitoo's tender and VAT totals of @p store on its local @p day, from the cached orders. */
    Result<SitooDayFigures> sitooFigures(const Store &store, QDate day) const;

    /**
     * Stores the result of one store and day (replacing an earlier run's), the tax-variance aggregates, and raises
     * (or refreshes) PAYOUT_VARIANCE when a line is not matched, or auto-resolves an open one when all lines match
     * now. Audited as "reconciliation.matched" or "reconciliation.variance". @p result gets its exception id.
     */
    Status record(DbTransaction &tx, StoreDayReconciliation &result, const PrimaDayFigures &prima,
                  const ReconciliationSettings &settings);

    /** Stored results of trading days @p from..@p to (inclusive), by day, store, kind and item. */
    Result<QList<ReconciliationResultRow>> results(QDate from, QDate to) const;

    /**
     * Days before @p before with orders in the cache but no reconciliation result yet, oldest first, at most
     * @p limit. By the order's UTC date and the day after it, so a store's local day is never missed (Europe is
     * ahead of UTC by at most three hours).
     */
    Result<QList<QDate>> unreconciledDays(QDate before, int limit) const;
    /** Stored tax-variance aggregates of @p from..@p to, by day, store and rate. */
    Result<QList<TaxVarianceRow>> taxVariance(QDate from, QDate to) const;

    /** The trading hours of a store: the stored ones, or the defaults. */
    Result<TradingHours> tradingHours(qint64 storeId) const;
    /** Stores a store's trading hours, audited as "store.trading-hours-saved". */
    Status saveTradingHours(DbTransaction &tx, qint64 storeId, const TradingHours &hours, const QString &actor);

    /**
     * STORE_FEED_SILENT: for each active store inside its trading hours at @p nowUtc, silent (no order received)
     * for longer than its threshold since the later of its last order and today's opening, raises the exception;
     * a store that is sending again has its open one auto-resolved. Returns the ids raised or refreshed.
     */
    Result<QList<qint64>> checkFeeds(DbTransaction &tx, const QDateTime &nowUtc, const QString &actor);

    /** "<store id>:<YYYY-MM-DD>": the entity id of a store-day exception. */
    static QString storeDayEntityId(qint64 storeId, QDate day);

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
