// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/reconciliationrepository.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Tillbridge::Core {

/**
 * The VAT variance of one store and VAT rate over a period: the VAT the tills sent against the VAT the rate gives on
 * each line's net (half away from zero), and Prima's VAT where its postings name the rate. Minor units of the store's
 * currency.
 */
struct TaxVarianceCell
{
    qint64 storeId = 0;
    QString storeName;
    qint64 vatRateUnits = 0;
    QString currency;
    int orders = 0;
    qint64 netMinor = 0;
    qint64 sitooVatMinor = 0;
    qint64 expectedVatMinor = 0;
    qint64 primaVatMinor = 0;
    int primaDays = 0; ///< days of the period on which Prima's VAT for this rate was known
    int taxExceptions = 0;

    /** What the tills charged beyond (or short of) what the rate gives: Sitoo VAT − recomputed VAT. */
    qint64 varianceMinor() const { return sitooVatMinor - expectedVatMinor; }
};

/** One order behind a bar of the chart: an order of the store, rate and period with a TAX_* exception or a VAT
 *  difference at that rate. */
struct TaxVarianceOrder
{
    qint64 orderId = 0; ///< pos_orders.id
    QString sitooOrderId;
    QDateTime orderedAtLocal; ///< in the store's time zone
    QString state;            ///< pos_orders.state
    QString currency;
    qint64 netMinor = 0;         ///< the order's lines at the rate
    qint64 sitooVatMinor = 0;
    qint64 expectedVatMinor = 0;
    QStringList exceptionKinds;  ///< TAX_* codes, any state
    qint64 exceptionId = 0;      ///< the TAX_* exception to open: an open one first, else the latest; 0 = none
    QString exceptionState;

    qint64 varianceMinor() const { return sitooVatMinor - expectedVatMinor; }
};

/**
 * Read-only figures for the VAT variance and payouts views: the months that hold results, the per store × rate and
 * per day sums of the stored tax-variance aggregates (pure functions over ReconciliationRepository::taxVariance()),
 * and the orders behind one store and rate. Money stays in qint64 minor units.
 */
namespace TaxVarianceReport {

/** First days of the months with tax-variance aggregates or reconciliation results, newest first. */
Result<QList<QDate>> periodsWithData(const QSqlDatabase &db);

/** The currencies of @p rows, most rows first (then by code). */
QStringList currencies(const QList<TaxVarianceRow> &rows);

/** Sums of @p rows of @p currency by store and VAT rate, by store name then rate. */
QList<TaxVarianceCell> byStoreAndRate(const QList<TaxVarianceRow> &rows, const QString &currency);

/** Variance (Sitoo VAT − recomputed VAT) of @p rows of @p currency per store id and trading day. */
QMap<qint64, QMap<QDate, qint64>> dailyVarianceByStore(const QList<TaxVarianceRow> &rows, const QString &currency);

/**
 * The orders of @p storeId with a line at @p vatRateUnits, ordered on the store's local days @p from..@p to, that
 * carry a TAX_* exception or whose VAT at that rate differs from the recomputed VAT. Oldest first.
 */
Result<QList<TaxVarianceOrder>> orders(const QSqlDatabase &db, qint64 storeId, qint64 vatRateUnits, QDate from,
                                       QDate to);

} // namespace TaxVarianceReport

} // namespace Tillbridge::Core
