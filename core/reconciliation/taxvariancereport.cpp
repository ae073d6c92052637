// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/taxvariancereport.h"

#include "core/logging.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/reconciliation/tradingday.h"
#include "core/storage/dbtime.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Tillbridge::Core::TaxVarianceReport {

namespace {

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "tax variance report:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 QCoreApplication::translate("Tillbridge::Core::TaxVarianceReport",
                                             "The cache could not read the VAT variance (%1): %2")
                     .arg(QLatin1StringView(tag), query.lastError().text())};
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

bool isOpen(const QString &state)
{
    return state == u"open" || state == u"assigned";
}

} // namespace

Result<QList<QDate>> periodsWithData(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!run(query,
             QStringLiteral("SELECT substr(trading_day, 1, 7) AS month FROM tax_variance_daily "
                            "UNION SELECT substr(trading_day, 1, 7) FROM reconciliation_results ORDER BY month DESC"),
             {}))
        return dbError(query, "periods");
    QList<QDate> periods;
    while (query.next()) {
        const QDate first = QDate::fromString(query.value(0).toString() + QStringLiteral("-01"), Qt::ISODate);
        if (first.isValid())
            periods.append(first);
    }
    return periods;
}

QStringList currencies(const QList<TaxVarianceRow> &rows)
{
    QMap<QString, int> counts;
    for (const TaxVarianceRow &row : rows)
        ++counts[row.currency];
    QStringList codes = counts.keys();
    std::stable_sort(codes.begin(), codes.end(),
                     [&counts](const QString &a, const QString &b) { return counts.value(a) > counts.value(b); });
    return codes;
}

QList<TaxVarianceCell> byStoreAndRate(const QList<TaxVarianceRow> &rows, const QString &currency)
{
    QList<TaxVarianceCell> cells;
    QHash<QPair<qint64, qint64>, qsizetype> index;
    for (const TaxVarianceRow &row : rows) {
        if (row.currency != currency)
            continue;
        const auto key = qMakePair(row.storeId, row.vatRateUnits);
        auto it = index.find(key);
        if (it == index.end()) {
            TaxVarianceCell cell;
            cell.storeId = row.storeId;
            cell.storeName = row.storeName;
            cell.vatRateUnits = row.vatRateUnits;
            cell.currency = row.currency;
            cells.append(cell);
            it = index.insert(key, cells.size() - 1);
        }
        TaxVarianceCell &cell = cells[*it];
        cell.orders += row.orders;
        cell.netMinor += row.sitooNetMinor;
        cell.sitooVatMinor += row.sitooVatMinor;
        cell.expectedVatMinor += row.expectedVatMinor;
        if (row.primaVatMinor) {
            cell.primaVatMinor += *row.primaVatMinor;
            ++cell.primaDays;
        }
        cell.taxExceptions += row.taxExceptions;
    }
    std::stable_sort(cells.begin(), cells.end(), [](const TaxVarianceCell &a, const TaxVarianceCell &b) {
        const int byName = QString::localeAwareCompare(a.storeName, b.storeName);
        if (byName != 0)
            return byName < 0;
        if (a.storeId != b.storeId)
            return a.storeId < b.storeId;
        return a.vatRateUnits < b.vatRateUnits;
    });
    return cells;
}

QMap<qint64, QMap<QDate, qint64>> dailyVarianceByStore(const QList<TaxVarianceRow> &rows, const QString &currency)
{
    QMap<qint64, QMap<QDate, qint64>> daily;
    for (const TaxVarianceRow &row : rows) {
        if (row.currency == currency)
            daily[row.storeId][row.tradingDay] += row.sitooVatMinor - row.expectedVatMinor;
    }
    return daily;
}

Result<QList<TaxVarianceOrder>> orders(const QSqlDatabase &db, qint64 storeId, qint64 vatRateUnits, QDate from,
                                       QDate to)
{
    QSqlQuery query(db);
    if (!run(query, QStringLiteral("SELECT time_zone, currency FROM stores WHERE id = ?"), {storeId}))
        return dbError(query, "store");
    if (!query.next())
        return Error{ErrorCode::NotFound,
                     QCoreApplication::translate("Tillbridge::Core::TaxVarianceReport", "Store %1 is not in the cache.")
                         .arg(storeId)};
    const QString timeZone = query.value(0).toString();
    const Currency currency = Currency::of(query.value(1).toString());
    const QVariantList window{storeId, dbTime(TradingDay::of(from, timeZone).startUtc),
                              dbTime(TradingDay::of(to, timeZone).endUtc)};

    // The lines at the rate, with the VAT the rate gives on each line's net, as the aggregates were computed: every
    // order that was read (quarantined ones too), malformed ones aside.
    if (!run(query,
             QStringLiteral("SELECT o.id, o.sitoo_order_id, o.order_date, o.state, o.currency, l.line_net_minor, "
                            "l.line_vat_minor FROM pos_orders o JOIN pos_order_lines l ON l.order_id = o.id "
                            "WHERE o.store_id = ? AND o.order_date >= ? AND o.order_date < ? AND o.malformed = 0 "
                            "AND o.state IN ('posted', 'ready', 'received', 'quarantined') "
                            "AND l.vat_rate_units = ? ORDER BY o.order_date, o.id, l.line_index"),
             window + QVariantList{vatRateUnits}))
        return dbError(query, "order lines");
    QList<TaxVarianceOrder> all;
    QHash<qint64, qsizetype> byId;
    const QTimeZone zone = TradingDay::zone(timeZone);
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        auto it = byId.find(id);
        if (it == byId.end()) {
            TaxVarianceOrder order;
            order.orderId = id;
            order.sitooOrderId = query.value(1).toString();
            order.orderedAtLocal = fromDbTime(query.value(2)).toTimeZone(zone);
            order.state = query.value(3).toString();
            order.currency = query.value(4).toString();
            all.append(order);
            it = byId.insert(id, all.size() - 1);
        }
        TaxVarianceOrder &order = all[*it];
        const Money net(query.value(5).toLongLong(), currency);
        auto expected =
            net.multipliedByFraction(vatRateUnits, 100 * VatRate::kUnitsPerPercent, RoundingMode::HalfAwayFromZero);
        if (!expected)
            return expected.error();
        order.netMinor += net.minorUnits();
        order.sitooVatMinor += query.value(6).toLongLong();
        order.expectedVatMinor += expected->minorUnits();
    }

    // TAX_* exceptions of those orders (any state); the one to open is an open one, else the latest.
    if (!run(query,
             QStringLiteral("SELECT o.id, e.id, e.kind, e.state FROM exceptions e JOIN pos_orders o "
                            "ON e.entity_type = 'order' AND e.entity_id = o.sitoo_account || ':' || o.sitoo_order_id "
                            "WHERE o.store_id = ? AND o.order_date >= ? AND o.order_date < ? "
                            "AND e.kind LIKE 'TAX\\_%' ESCAPE '\\' ORDER BY e.id"),
             window))
        return dbError(query, "tax exceptions");
    while (query.next()) {
        const auto it = byId.constFind(query.value(0).toLongLong());
        if (it == byId.cend())
            continue; // an order without a line at this rate
        TaxVarianceOrder &order = all[*it];
        const QString kind = query.value(2).toString();
        if (!order.exceptionKinds.contains(kind))
            order.exceptionKinds.append(kind);
        const QString state = query.value(3).toString();
        if (order.exceptionId == 0 || isOpen(state) || !isOpen(order.exceptionState)) {
            order.exceptionId = query.value(1).toLongLong();
            order.exceptionState = state;
        }
    }

    QList<TaxVarianceOrder> behind;
    for (const TaxVarianceOrder &order : std::as_const(all)) {
        if (order.exceptionId != 0 || order.varianceMinor() != 0)
            behind.append(order);
    }
    return behind;
}

} // namespace Tillbridge::Core::TaxVarianceReport
