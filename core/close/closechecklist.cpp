// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/close/closechecklist.h"

#include "core/logging.h"
#include "core/reconciliation/tradingday.h"
#include "core/storage/dbtime.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tillbridge::Core::CloseChecklist", text, disambiguation, n);
}

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "close checklist:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("A close gate could not be computed (%1): %2").arg(QLatin1StringView(tag), query.lastError().text())};
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

/** The UTC window of a period in a store's zone: [first day 00:00, day after the last 00:00). */
std::pair<QString, QString> window(const ClosePeriod &period, const QString &timeZone)
{
    return {dbTime(TradingDay::of(period.first, timeZone).startUtc), dbTime(TradingDay::of(period.last, timeZone).endUtc)};
}

GateEvaluation gateResult(CloseGate gate, bool passes, QString explanation, QJsonObject evidence)
{
    GateEvaluation evaluation;
    evaluation.gate = gate;
    evaluation.passes = passes;
    evaluation.explanation = std::move(explanation);
    evaluation.evidence = std::move(evidence);
    return evaluation;
}

/** The store-days of a period that had posted or ready orders: store id → local days. */
Result<QMap<qint64, QSet<QDate>>> tradingStoreDays(const QSqlDatabase &db, const ClosePeriod &period,
                                                   const QList<Store> &stores)
{
    QMap<qint64, QSet<QDate>> days;
    QSqlQuery query(db);
    for (const Store &store : stores) {
        const auto [from, to] = window(period, store.timeZone);
        // Grouped by UTC hour: every zone we serve is a whole number of hours off UTC, so an hour is one local day.
        if (!run(query,
                 QStringLiteral("SELECT DISTINCT substr(order_date, 1, 13) FROM pos_orders WHERE store_id = ? "
                                "AND order_date >= ? AND order_date < ? AND state IN ('posted', 'ready') "
                                "AND malformed = 0"),
                 {store.id, from, to}))
            return dbError(query, "store days");
        while (query.next()) {
            const QDateTime hour = QDateTime::fromString(query.value(0).toString() + QStringLiteral(":00:00Z"),
                                                         Qt::ISODate);
            days[store.id].insert(TradingDay::localDay(hour, store.timeZone));
        }
    }
    return days;
}

} // namespace

CloseChecklist::CloseChecklist(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<GateEvaluation>> CloseChecklist::evaluate(const ClosePeriod &period) const
{
    QList<GateEvaluation> gates;
    for (const CloseGate gate : CloseGates::all()) {
        auto evaluation = evaluate(period, gate);
        if (!evaluation)
            return evaluation.error();
        gates.append(*evaluation);
    }
    return gates;
}

Result<GateEvaluation> CloseChecklist::evaluate(const ClosePeriod &period, CloseGate gate) const
{
    switch (gate) {
    case CloseGate::StoresSynced:
        return storesSynced(period);
    case CloseGate::NothingUnposted:
        return nothingUnposted(period);
    case CloseGate::NoBlockingExceptions:
        return noBlockingExceptions(period);
    case CloseGate::PayoutsMatched:
        return payoutsMatched(period);
    case CloseGate::TaxVarianceReviewed:
        return taxVarianceReviewed(period);
    case CloseGate::SkuAuditClean:
        return skuAuditClean(period);
    }
    return Error{ErrorCode::InvalidInput, tr("Unknown close gate.")};
}

Result<GateEvaluation> CloseChecklist::storesSynced(const ClosePeriod &period) const
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    // A store is synced through the period's end when its account's order feed was pulled after the end (the
    // cursor moved since), or when an order dated after the end is in the cache already.
    QStringList behind;
    int active = 0;
    QSqlQuery query(m_db);
    for (const Store &store : *stores) {
        if (!store.active)
            continue;
        ++active;
        const QString end = window(period, store.timeZone).second;
        if (!run(query,
                 QStringLiteral("SELECT (SELECT COUNT(*) FROM sync_cursors WHERE source = 'sitoo' AND account = ? "
                                "AND stream = 'orders' AND updated_at >= ?) + (SELECT COUNT(*) FROM pos_orders "
                                "WHERE store_id = ? AND order_date >= ?)"),
                 {store.sitooAccount, end, store.id, end})
            || !query.next())
            return dbError(query, "stores synced");
        if (query.value(0).toLongLong() == 0)
            behind.append(store.name);
    }
    const QJsonObject evidence{{QStringLiteral("active_stores"), active},
                               {QStringLiteral("not_synced"), QJsonArray::fromStringList(behind)}};
    if (!behind.isEmpty()) {
        return gateResult(CloseGate::StoresSynced, false,
                          tr("%n store(s) not synced past the end of %1: %2.", nullptr, int(behind.size()))
                              .arg(period.code, behind.join(QStringLiteral(", "))),
                          evidence);
    }
    return gateResult(CloseGate::StoresSynced, true,
                      tr("All %n active store(s) synced past the end of the period.", nullptr, active), evidence);
}

Result<GateEvaluation> CloseChecklist::nothingUnposted(const ClosePeriod &period) const
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    qint64 waiting = 0;
    qint64 failed = 0;
    QSqlQuery query(m_db);
    for (const Store &store : *stores) {
        const auto [from, to] = window(period, store.timeZone);
        // Two disjoint sets of the period's orders, so that they add up to the orders not in Prima: those Prima
        // refused (an outbox row failed for good; the order itself stays ready), and the other received or ready
        // ones, still on their way.
        if (!run(query,
                 QStringLiteral("SELECT (SELECT COUNT(*) FROM pos_orders o WHERE o.store_id = ? AND o.order_date >= ? "
                                "AND o.order_date < ? AND o.state IN ('received', 'ready') AND NOT EXISTS "
                                "(SELECT 1 FROM outbox b WHERE b.pos_order_id = o.id "
                                "AND b.state = 'failed_permanent')), "
                                "(SELECT COUNT(DISTINCT o.id) FROM outbox b JOIN pos_orders o ON o.id = b.pos_order_id "
                                "WHERE o.store_id = ? AND o.order_date >= ? AND o.order_date < ? "
                                "AND b.state = 'failed_permanent')"),
                 {store.id, from, to, store.id, from, to})
            || !query.next())
            return dbError(query, "unposted");
        waiting += query.value(0).toLongLong();
        failed += query.value(1).toLongLong();
    }
    const QJsonObject evidence{{QStringLiteral("waiting"), waiting}, {QStringLiteral("failed"), failed}};
    if (waiting + failed > 0) {
        return gateResult(CloseGate::NothingUnposted, false,
                          tr("%n order(s) of %1 are not in Prima: %2 still waiting to be posted, %3 refused by Prima.",
                             nullptr, int(waiting + failed))
                              .arg(period.code)
                              .arg(waiting)
                              .arg(failed),
                          evidence);
    }
    return gateResult(CloseGate::NothingUnposted, true, tr("Every valid order of the period is posted to Prima."),
                      evidence);
}

Result<GateEvaluation> CloseChecklist::noBlockingExceptions(const ClosePeriod &period) const
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    QSet<qint64> ids;
    QSqlQuery query(m_db);
    // Orders of the period (by their store's zone), and store-days of the period.
    for (const Store &store : *stores) {
        const auto [from, to] = window(period, store.timeZone);
        if (!run(query,
                 QStringLiteral("SELECT e.id FROM exceptions e JOIN pos_orders o ON e.entity_type = 'order' "
                                "AND e.entity_id = o.sitoo_account || ':' || o.sitoo_order_id "
                                "WHERE o.store_id = ? AND o.order_date >= ? AND o.order_date < ? "
                                "AND e.severity = 'blocking' AND e.state IN ('open', 'assigned')"),
                 {store.id, from, to}))
            return dbError(query, "order exceptions");
        while (query.next())
            ids.insert(query.value(0).toLongLong());
    }
    // Store-day exceptions ("<store>:<YYYY-MM-DD>") of the period, and every other open blocking exception raised
    // before the period ended (orders without a store, stores, SKUs).
    const QString periodEnd = dbTime(QDateTime(period.last.addDays(1), QTime(0, 0), QTimeZone::utc()).addSecs(14 * 3600));
    if (!run(query,
             QStringLiteral("SELECT e.id FROM exceptions e WHERE e.severity = 'blocking' "
                            "AND e.state IN ('open', 'assigned') AND ((e.entity_type = 'store-day' "
                            "AND substr(e.entity_id, instr(e.entity_id, ':') + 1) BETWEEN ? AND ?) "
                            "OR (e.entity_type NOT IN ('store-day', 'order') AND e.created_at < ?) "
                            "OR (e.entity_type = 'order' AND e.created_at < ? AND NOT EXISTS (SELECT 1 FROM pos_orders o "
                            "WHERE e.entity_id = o.sitoo_account || ':' || o.sitoo_order_id AND o.store_id IS NOT NULL)))"),
             {period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate), periodEnd, periodEnd}))
        return dbError(query, "other exceptions");
    while (query.next())
        ids.insert(query.value(0).toLongLong());

    QJsonArray list;
    QMap<QString, int> byKind;
    for (const qint64 id : std::as_const(ids)) {
        list.append(id);
        if (run(query, QStringLiteral("SELECT kind FROM exceptions WHERE id = ?"), {id}) && query.next())
            ++byKind[query.value(0).toString()];
    }
    QStringList kinds;
    QJsonObject kindCounts;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        kinds.append(QStringLiteral("%1 × %2").arg(it.value()).arg(it.key()));
        kindCounts.insert(it.key(), it.value());
    }
    const QJsonObject evidence{{QStringLiteral("open_blocking"), qint64(ids.size())},
                               {QStringLiteral("by_kind"), kindCounts}};
    if (!ids.isEmpty()) {
        return gateResult(CloseGate::NoBlockingExceptions, false,
                          tr("%n blocking exception(s) concerning %1 are open (%2). Resolve them, or have an "
                             "override approved by a second person.",
                             nullptr, int(ids.size()))
                              .arg(period.code, kinds.join(QStringLiteral(", "))),
                          evidence);
    }
    return gateResult(CloseGate::NoBlockingExceptions, true,
                      tr("No blocking exception concerning the period is open."), evidence);
}

Result<GateEvaluation> CloseChecklist::payoutsMatched(const ClosePeriod &period) const
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    auto trading = tradingStoreDays(m_db, period, *stores);
    if (!trading)
        return trading.error();
    QSqlQuery query(m_db);
    QSet<QPair<qint64, QDate>> reconciled;
    if (!run(query,
             QStringLiteral("SELECT DISTINCT store_id, trading_day FROM reconciliation_results "
                            "WHERE trading_day BETWEEN ? AND ?"),
             {period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate)}))
        return dbError(query, "reconciled days");
    while (query.next())
        reconciled.insert({query.value(0).toLongLong(), QDate::fromString(query.value(1).toString(), Qt::ISODate)});
    int missing = 0;
    for (auto it = trading->cbegin(); it != trading->cend(); ++it) {
        for (const QDate &day : it.value())
            missing += reconciled.contains({it.key(), day}) ? 0 : 1;
    }
    // Variances still open: a variance whose exception was approved (accepted) or resolved no longer holds the close.
    if (!run(query,
             QStringLiteral("SELECT COUNT(DISTINCT r.store_id || ':' || r.trading_day) FROM reconciliation_results r "
                            "LEFT JOIN exceptions e ON e.id = r.exception_id WHERE r.trading_day BETWEEN ? AND ? "
                            "AND r.status = 'variance' AND (e.id IS NULL OR e.state IN ('open', 'assigned'))"),
             {period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate)})
        || !query.next())
        return dbError(query, "variances");
    const qint64 variances = query.value(0).toLongLong();
    const QJsonObject evidence{{QStringLiteral("store_days_not_reconciled"), missing},
                               {QStringLiteral("store_days_with_open_variance"), variances},
                               {QStringLiteral("store_days_reconciled"), qint64(reconciled.size())}};
    if (missing > 0 || variances > 0) {
        return gateResult(CloseGate::PayoutsMatched, false,
                          tr("%n store-day(s) are not settled: %1 with sales not reconciled, %2 with a payout "
                             "variance open.", nullptr, int(missing + variances))
                              .arg(missing)
                              .arg(variances),
                          evidence);
    }
    return gateResult(CloseGate::PayoutsMatched, true,
                      tr("All %n store-day(s) reconciled within tolerance (or their variances accepted).", nullptr,
                         int(reconciled.size())),
                      evidence);
}

Result<GateEvaluation> CloseChecklist::taxVarianceReviewed(const ClosePeriod &period) const
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    auto trading = tradingStoreDays(m_db, period, *stores);
    if (!trading)
        return trading.error();
    QSqlQuery query(m_db);
    QSet<QPair<qint64, QDate>> aggregated;
    if (!run(query,
             QStringLiteral("SELECT DISTINCT store_id, trading_day FROM tax_variance_daily "
                            "WHERE trading_day BETWEEN ? AND ?"),
             {period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate)}))
        return dbError(query, "tax days");
    while (query.next())
        aggregated.insert({query.value(0).toLongLong(), QDate::fromString(query.value(1).toString(), Qt::ISODate)});
    int missing = 0;
    for (auto it = trading->cbegin(); it != trading->cend(); ++it) {
        for (const QDate &day : it.value())
            missing += aggregated.contains({it.key(), day}) ? 0 : 1;
    }
    if (!run(query,
             QStringLiteral("SELECT COALESCE(SUM(sitoo_vat_minor - expected_vat_minor), 0), "
                            "COALESCE(SUM(tax_exception_count), 0) FROM tax_variance_daily "
                            "WHERE trading_day BETWEEN ? AND ?"),
             {period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate)})
        || !query.next())
        return dbError(query, "tax totals");
    const QJsonObject evidence{{QStringLiteral("store_days_not_aggregated"), missing},
                               {QStringLiteral("vat_minus_expected_minor"), query.value(0).toLongLong()},
                               {QStringLiteral("tax_exceptions"), query.value(1).toLongLong()}};
    if (missing > 0) {
        return gateResult(CloseGate::TaxVarianceReviewed, false,
                          tr("%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.",
                             nullptr, missing),
                          evidence);
    }
    return gateResult(CloseGate::TaxVarianceReviewed, true,
                      tr("Tax variance is aggregated for every store-day; it passes once a person has reviewed and "
                         "signed it."),
                      evidence);
}

Result<CloseChecklist::SkuAuditEvidence> CloseChecklist::skuAuditEvidence(const ClosePeriod &period) const
{
    // SKU audits are UTC-stamped runs of the whole catalogue; the period is taken as its UTC calendar month.
    const QString from = dbTime(QDateTime(period.first, QTime(0, 0), QTimeZone::utc()));
    const QString to = dbTime(QDateTime(period.last.addDays(1), QTime(0, 0), QTimeZone::utc()));
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT (SELECT COUNT(*) FROM sku_audit_runs WHERE finished_at >= ? AND finished_at < ?), "
                            "(SELECT COUNT(*) FROM exceptions WHERE kind LIKE 'CATALOG\\_%' ESCAPE '\\' "
                            "AND severity = 'blocking' AND state IN ('open', 'assigned'))"),
             {from, to})
        || !query.next())
        return dbError(query, "sku audit");
    return SkuAuditEvidence{query.value(0).toLongLong(), query.value(1).toLongLong()};
}

Result<GateEvaluation> CloseChecklist::skuAuditClean(const ClosePeriod &period) const
{
    auto evidence = skuAuditEvidence(period);
    if (!evidence)
        return evidence.error();
    const QJsonObject json{{QStringLiteral("runs_in_period"), evidence->runsInPeriod},
                           {QStringLiteral("open_blocking_catalogue_exceptions"),
                            evidence->openBlockingCatalogueExceptions}};
    if (evidence->runsInPeriod == 0) {
        return gateResult(CloseGate::SkuAuditClean, false, tr("No SKU audit ran in %1.").arg(period.code), json);
    }
    if (evidence->openBlockingCatalogueExceptions > 0) {
        return gateResult(CloseGate::SkuAuditClean, false,
                          tr("%n blocking catalogue exception(s) are open.", nullptr,
                             int(evidence->openBlockingCatalogueExceptions)),
                          json);
    }
    return gateResult(CloseGate::SkuAuditClean, true,
                      tr("%n SKU audit(s) ran in the period and no blocking catalogue exception is open.", nullptr,
                         int(evidence->runsInPeriod)),
                      json);
}

} // namespace Tillbridge::Core
