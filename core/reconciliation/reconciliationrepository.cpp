// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/reconciliationrepository.h"

#include "core/domain/exceptionrecord.h"
#include "core/logging.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/reconciliation/reconciler.h"
#include "core/reconciliation/tradingday.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ReconciliationRepository", text);
}

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "reconciliation:" << tag << query.lastError().text();
    return Error{ErrorCode::Database, tr("The cache refused a reconciliation step (%1): %2")
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

const QString kStoreDay = QStringLiteral("store-day");
const QString kStore = QStringLiteral("store");

QString hhmm(QTime time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

} // namespace

ReconciliationRepository::ReconciliationRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ReconciliationRepository::storeDayEntityId(qint64 storeId, QDate day)
{
    return QString::number(storeId) + u':' + day.toString(Qt::ISODate);
}

Result<SitooDayFigures> ReconciliationRepository::sitooFigures(const Store &store, QDate day) const
{
    const TradingDay bounds = TradingDay::of(day, store.timeZone);
    const QVariantList window{store.id, dbTime(bounds.startUtc), dbTime(bounds.endUtc)};
    SitooDayFigures figures;
    QSqlQuery query(m_db);

    // Tenders of the orders Prima has or will have: posted and ready (valid, waiting in the outbox).
    if (!run(query,
             QStringLiteral("SELECT p.method_name, SUM(p.amount_minor) FROM pos_order_payments p "
                            "JOIN pos_orders o ON o.id = p.order_id WHERE o.store_id = ? AND o.order_date >= ? "
                            "AND o.order_date < ? AND o.state IN ('posted', 'ready') AND o.malformed = 0 "
                            "GROUP BY p.method_name"),
             window))
        return dbError(query, "tenders");
    while (query.next())
        figures.tendersByMethod.insert(query.value(0).toString(), query.value(1).toLongLong());

    if (!run(query,
             QStringLiteral("SELECT COUNT(*), COALESCE(SUM(state = 'ready'), 0) FROM pos_orders WHERE store_id = ? "
                            "AND order_date >= ? AND order_date < ? AND state IN ('posted', 'ready') "
                            "AND malformed = 0"),
             window)
        || !query.next())
        return dbError(query, "order count");
    figures.orders = query.value(0).toInt();
    figures.unpostedOrders = query.value(1).toInt();

    // VAT per rate, line by line, with the VAT the rate gives on the line's net (half away from zero, the UK and
    // SE rule) next to the VAT Sitoo sent. Against Prima: posted and ready orders only. For the tax-variance charts:
    // every order that was read (quarantined ones too, since that is where TAX_* exceptions live).
    const auto vatLines = [&](bool allRead, QMap<qint64, SitooDayFigures::Vat> &byRate) -> Status {
        if (!run(query,
                 QStringLiteral("SELECT l.vat_rate_units, l.line_net_minor, l.line_vat_minor, o.id "
                                "FROM pos_order_lines l JOIN pos_orders o ON o.id = l.order_id WHERE o.store_id = ? "
                                "AND o.order_date >= ? AND o.order_date < ? AND o.malformed = 0 "
                                "AND (o.state IN ('posted', 'ready') OR (? = 1 AND o.state IN ('received', "
                                "'quarantined'))) ORDER BY o.id, l.line_index"),
                 window + QVariantList{allRead ? 1 : 0}))
            return dbError(query, "vat lines");
        QMap<qint64, QSet<qint64>> ordersByRate;
        while (query.next()) {
            const qint64 rate = query.value(0).toLongLong();
            const Money net(query.value(1).toLongLong(), store.currency);
            auto expected =
                net.multipliedByFraction(rate, 100 * VatRate::kUnitsPerPercent, RoundingMode::HalfAwayFromZero);
            if (!expected)
                return expected.error();
            SitooDayFigures::Vat &vat = byRate[rate];
            vat.netMinor += net.minorUnits();
            vat.vatMinor += query.value(2).toLongLong();
            vat.expectedVatMinor += expected->minorUnits();
            ordersByRate[rate].insert(query.value(3).toLongLong());
        }
        for (auto it = ordersByRate.cbegin(); it != ordersByRate.cend(); ++it)
            byRate[it.key()].orders = int(it.value().size());
        return Status::success();
    };
    if (auto status = vatLines(false, figures.vatByRate); !status)
        return status.error();
    if (auto status = vatLines(true, figures.chartVatByRate); !status)
        return status.error();

    // TAX_* exceptions (any state) of the day's orders, counted for every rate the order carries.
    if (!run(query,
             QStringLiteral("SELECT l.vat_rate_units, COUNT(DISTINCT e.id) FROM exceptions e "
                            "JOIN pos_orders o ON e.entity_type = 'order' "
                            "AND e.entity_id = o.sitoo_account || ':' || o.sitoo_order_id "
                            "JOIN pos_order_lines l ON l.order_id = o.id "
                            "WHERE o.store_id = ? AND o.order_date >= ? AND o.order_date < ? "
                            "AND e.kind LIKE 'TAX\\_%' ESCAPE '\\' GROUP BY l.vat_rate_units"),
             window))
        return dbError(query, "tax exceptions");
    while (query.next()) {
        auto it = figures.chartVatByRate.find(query.value(0).toLongLong());
        if (it != figures.chartVatByRate.end())
            it->taxExceptions = query.value(1).toInt();
    }
    return figures;
}

Status ReconciliationRepository::record(DbTransaction &tx, StoreDayReconciliation &result,
                                        const PrimaDayFigures &prima, const ReconciliationSettings &settings)
{
    const Store &store = result.store;
    const QString day = result.day.toString(Qt::ISODate);
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    const QString entityId = storeDayEntityId(store.id, result.day);
    result.matched = std::all_of(result.lines.cbegin(), result.lines.cend(),
                                 [](const ReconciliationLine &line) { return line.matched; });

    QJsonArray lines;
    for (const ReconciliationLine &line : result.lines) {
        QJsonObject json{{QStringLiteral("kind"), reconciliationKindCode(line.kind)},
                         {QStringLiteral("item"), line.item},
                         {QStringLiteral("label"), line.label},
                         {QStringLiteral("sitoo_minor"), line.sitooMinor},
                         {QStringLiteral("prima_minor"), line.primaMinor},
                         {QStringLiteral("difference_minor"), line.differenceMinor()},
                         {QStringLiteral("matched"), line.matched}};
        if (line.zReportMinor)
            json.insert(QStringLiteral("zreport_minor"), *line.zReportMinor);
        lines.append(json);
    }
    const QJsonObject details{{QStringLiteral("store_id"), store.id},
                              {QStringLiteral("trading_day"), day},
                              {QStringLiteral("currency"), store.currency.code()},
                              {QStringLiteral("tolerance_minor"), settings.toleranceMinor},
                              {QStringLiteral("unposted_orders"), result.sitoo.unpostedOrders},
                              {QStringLiteral("lines"), lines}};

    ExceptionRepository exceptions(m_db);
    result.exceptionId = 0;
    if (!result.matched) {
        result.explanation = Reconciler::explain(store, result.day, result.lines, result.sitoo,
                                                 settings.toleranceMinor);
        // A variance finance accepted (an approved override) with these very figures is not raised again on the
        // next run; new figures are a new question.
        QSqlQuery accepted(m_db);
        if (!run(accepted,
                 QStringLiteral("SELECT id, details FROM exceptions WHERE entity_type = ? AND entity_id = ? "
                                "AND kind = ? AND state = 'approved' ORDER BY id DESC LIMIT 1"),
                 {kStoreDay, entityId, ExceptionKinds::code(ExceptionKind::PayoutVariance)}))
            return dbError(accepted, "accepted variance");
        if (accepted.next()) {
            const QJsonObject acceptedDetails = QJsonDocument::fromJson(accepted.value(1).toByteArray()).object();
            if (acceptedDetails.value(u"lines") == details.value(u"lines"))
                result.exceptionId = accepted.value(0).toLongLong();
        }
    }
    if (!result.matched && result.exceptionId == 0) {
        auto raised = exceptions.raise(
            tx, ExceptionRecord::open(ExceptionKind::PayoutVariance, kStoreDay, entityId, result.explanation, details,
                                      store.id),
            settings.actor);
        if (!raised)
            return raised.error();
        result.exceptionId = raised->id;
    } else if (result.matched) {
        auto resolved = exceptions.autoResolve(tx, kStoreDay, entityId, ExceptionKind::PayoutVariance,
                                               tr("Reconciled again: every tender and VAT line within tolerance."));
        if (!resolved)
            return resolved.error();
    }

    QSqlQuery query(m_db);
    if (!run(query, QStringLiteral("DELETE FROM reconciliation_results WHERE store_id = ? AND trading_day = ?"),
             {store.id, day}))
        return dbError(query, "replace results");
    for (const ReconciliationLine &line : result.lines) {
        const QVariant exceptionId = !line.matched && result.exceptionId > 0 ? QVariant(result.exceptionId)
                                                                              : QVariant();
        if (!run(query,
                 QStringLiteral("INSERT INTO reconciliation_results (store_id, trading_day, kind, item, currency, "
                                "sitoo_minor, zreport_minor, prima_minor, difference_minor, tolerance_minor, status, "
                                "exception_id, reconciled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {store.id, day, reconciliationKindCode(line.kind), line.item, store.currency.code(),
                  line.sitooMinor, line.zReportMinor ? QVariant(*line.zReportMinor) : QVariant(), line.primaMinor,
                  line.differenceMinor(), settings.toleranceMinor,
                  line.matched ? QStringLiteral("matched") : QStringLiteral("variance"), exceptionId, now}))
            return dbError(query, "insert result");
    }

    // Tax variance aggregates. Prima's VAT per rate is known only when its postings name a tax code that the
    // mappings tie to this one rate.
    if (!run(query, QStringLiteral("DELETE FROM tax_variance_daily WHERE store_id = ? AND trading_day = ?"),
             {store.id, day}))
        return dbError(query, "replace tax variance");
    for (auto it = result.sitoo.chartVatByRate.cbegin(); it != result.sitoo.chartVatByRate.cend(); ++it) {
        QVariant primaVat;
        for (const ReconciliationLine &line : result.lines) {
            if (line.kind == ReconciliationKind::Vat && line.vatRates == QList<qint64>{it.key()})
                primaVat = line.primaMinor;
        }
        if (!run(query,
                 QStringLiteral("INSERT INTO tax_variance_daily (store_id, trading_day, vat_rate_units, currency, "
                                "order_count, sitoo_net_minor, sitoo_vat_minor, expected_vat_minor, prima_vat_minor, "
                                "tax_exception_count, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {store.id, day, it.key(), store.currency.code(), it->orders, it->netMinor, it->vatMinor,
                  it->expectedVatMinor, primaVat, it->taxExceptions, now}))
            return dbError(query, "insert tax variance");
    }

    AuditEvent event;
    event.actor = settings.actor;
    event.action = result.matched ? QStringLiteral("reconciliation.matched") : QStringLiteral("reconciliation.variance");
    event.entityType = kStoreDay;
    event.entityId = entityId;
    event.details = details;
    if (result.exceptionId > 0)
        event.details.insert(QStringLiteral("exception_id"), result.exceptionId);
    event.details.insert(QStringLiteral("prima_postings"), prima.postings);
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return Status::success();
}

Result<QList<QDate>> ReconciliationRepository::unreconciledDays(QDate before, int limit) const
{
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("WITH days AS ("
                            "  SELECT substr(order_date, 1, 10) AS day FROM pos_orders WHERE malformed = 0 "
                            "  UNION SELECT date(substr(order_date, 1, 10), '+1 day') FROM pos_orders "
                            "  WHERE malformed = 0) "
                            "SELECT day FROM days WHERE day < ? "
                            "AND NOT EXISTS (SELECT 1 FROM reconciliation_results r WHERE r.trading_day = days.day) "
                            "ORDER BY day LIMIT ?"),
             {before.toString(Qt::ISODate), qBound(1, limit, 366)}))
        return dbError(query, "unreconciled days");
    QList<QDate> days;
    while (query.next())
        days.append(QDate::fromString(query.value(0).toString(), Qt::ISODate));
    return days;
}

Result<QList<ReconciliationResultRow>> ReconciliationRepository::results(QDate from, QDate to) const
{
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT r.store_id, s.name, r.trading_day, r.kind, r.item, r.currency, r.sitoo_minor, "
                            "r.zreport_minor, r.prima_minor, r.difference_minor, r.tolerance_minor, r.status, "
                            "r.exception_id FROM reconciliation_results r JOIN stores s ON s.id = r.store_id "
                            "WHERE r.trading_day >= ? AND r.trading_day <= ? "
                            "ORDER BY r.trading_day, r.store_id, r.kind, r.item"),
             {from.toString(Qt::ISODate), to.toString(Qt::ISODate)}))
        return dbError(query, "results");
    QList<ReconciliationResultRow> rows;
    while (query.next()) {
        ReconciliationResultRow row;
        row.storeId = query.value(0).toLongLong();
        row.storeName = query.value(1).toString();
        row.tradingDay = QDate::fromString(query.value(2).toString(), Qt::ISODate);
        row.kind = query.value(3).toString() == u"vat" ? ReconciliationKind::Vat : ReconciliationKind::Tender;
        row.item = query.value(4).toString();
        row.currency = query.value(5).toString();
        row.sitooMinor = query.value(6).toLongLong();
        if (!query.value(7).isNull())
            row.zReportMinor = query.value(7).toLongLong();
        row.primaMinor = query.value(8).toLongLong();
        row.differenceMinor = query.value(9).toLongLong();
        row.toleranceMinor = query.value(10).toLongLong();
        row.matched = query.value(11).toString() == u"matched";
        row.exceptionId = query.value(12).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<QList<TaxVarianceRow>> ReconciliationRepository::taxVariance(QDate from, QDate to) const
{
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT t.store_id, s.name, t.trading_day, t.vat_rate_units, t.currency, t.order_count, "
                            "t.sitoo_net_minor, t.sitoo_vat_minor, t.expected_vat_minor, t.prima_vat_minor, "
                            "t.tax_exception_count FROM tax_variance_daily t JOIN stores s ON s.id = t.store_id "
                            "WHERE t.trading_day >= ? AND t.trading_day <= ? "
                            "ORDER BY t.trading_day, t.store_id, t.vat_rate_units"),
             {from.toString(Qt::ISODate), to.toString(Qt::ISODate)}))
        return dbError(query, "tax variance");
    QList<TaxVarianceRow> rows;
    while (query.next()) {
        TaxVarianceRow row;
        row.storeId = query.value(0).toLongLong();
        row.storeName = query.value(1).toString();
        row.tradingDay = QDate::fromString(query.value(2).toString(), Qt::ISODate);
        row.vatRateUnits = query.value(3).toLongLong();
        row.currency = query.value(4).toString();
        row.orders = query.value(5).toInt();
        row.sitooNetMinor = query.value(6).toLongLong();
        row.sitooVatMinor = query.value(7).toLongLong();
        row.expectedVatMinor = query.value(8).toLongLong();
        if (!query.value(9).isNull())
            row.primaVatMinor = query.value(9).toLongLong();
        row.taxExceptions = query.value(10).toInt();
        rows.append(row);
    }
    return rows;
}

Result<TradingHours> ReconciliationRepository::tradingHours(qint64 storeId) const
{
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT opens_at, closes_at, silent_after_minutes FROM store_trading_hours "
                            "WHERE store_id = ?"),
             {storeId}))
        return dbError(query, "trading hours");
    TradingHours hours;
    if (query.next()) {
        hours.opensAt = QTime::fromString(query.value(0).toString(), QStringLiteral("HH:mm"));
        hours.closesAt = QTime::fromString(query.value(1).toString(), QStringLiteral("HH:mm"));
        hours.silentAfterMinutes = query.value(2).toInt();
        hours.isDefault = false;
    }
    return hours;
}

Status ReconciliationRepository::saveTradingHours(DbTransaction &tx, qint64 storeId, const TradingHours &hours,
                                                  const QString &actor)
{
    if (!hours.opensAt.isValid() || !hours.closesAt.isValid() || hours.opensAt >= hours.closesAt
        || hours.silentAfterMinutes <= 0) {
        return Error{ErrorCode::InvalidInput,
                     tr("Trading hours need an opening time before the closing time and a silence threshold of at "
                        "least one minute.")};
    }
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("INSERT INTO store_trading_hours (store_id, opens_at, closes_at, silent_after_minutes, "
                            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (store_id) DO UPDATE SET "
                            "opens_at = excluded.opens_at, closes_at = excluded.closes_at, "
                            "silent_after_minutes = excluded.silent_after_minutes, updated_at = excluded.updated_at, "
                            "updated_by = excluded.updated_by"),
             {storeId, hhmm(hours.opensAt), hhmm(hours.closesAt), hours.silentAfterMinutes,
              dbTime(QDateTime::currentDateTimeUtc()), actor}))
        return dbError(query, "save trading hours");
    AuditEvent event;
    event.actor = actor;
    event.action = QStringLiteral("store.trading-hours-saved");
    event.entityType = kStore;
    event.entityId = QString::number(storeId);
    event.details = QJsonObject{{QStringLiteral("opens_at"), hhmm(hours.opensAt)},
                                {QStringLiteral("closes_at"), hhmm(hours.closesAt)},
                                {QStringLiteral("silent_after_minutes"), hours.silentAfterMinutes}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return Status::success();
}

Result<QList<qint64>> ReconciliationRepository::checkFeeds(DbTransaction &tx, const QDateTime &nowUtc,
                                                           const QString &actor)
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    ExceptionRepository exceptions(m_db);
    QList<qint64> raised;
    QSqlQuery query(m_db);
    for (const Store &store : *stores) {
        if (!store.active)
            continue;
        auto hours = tradingHours(store.id);
        if (!hours)
            return hours.error();
        const QTimeZone zone = TradingDay::zone(store.timeZone);
        const QDateTime local = nowUtc.toTimeZone(zone);
        const QDateTime opened(local.date(), hours->opensAt, zone);
        const QDateTime closes(local.date(), hours->closesAt, zone);
        const bool trading = local >= opened && local < closes;

        if (!run(query, QStringLiteral("SELECT MAX(created_at) FROM pos_orders WHERE store_id = ?"), {store.id})
            || !query.next())
            return dbError(query, "last order");
        const QDateTime lastOrder = query.value(0).isNull() ? QDateTime() : fromDbTime(query.value(0));
        // Silence counts from the later of the last order and today's opening: nobody sells before opening.
        const QDateTime since = lastOrder.isValid() && lastOrder > opened.toUTC() ? lastOrder : opened.toUTC();
        const qint64 silentMinutes = since.secsTo(nowUtc) / 60;
        const QString entityId = QString::number(store.id);

        if (trading && silentMinutes > hours->silentAfterMinutes) {
            const QString explanation =
                lastOrder.isValid()
                    ? tr("%1 has sent no orders for %2 minutes during its trading hours (%3–%4); the last order "
                         "arrived at %5 local time. The threshold is %6 minutes.")
                          .arg(store.name)
                          .arg(silentMinutes)
                          .arg(hhmm(hours->opensAt), hhmm(hours->closesAt),
                               lastOrder.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                          .arg(hours->silentAfterMinutes)
                    : tr("%1 has sent no orders at all; it has been trading for %2 minutes today (%3–%4). The "
                         "threshold is %5 minutes.")
                          .arg(store.name)
                          .arg(silentMinutes)
                          .arg(hhmm(hours->opensAt), hhmm(hours->closesAt))
                          .arg(hours->silentAfterMinutes);
            const QJsonObject details{{QStringLiteral("store_id"), store.id},
                                      {QStringLiteral("last_order_at"),
                                       lastOrder.isValid() ? dbTime(lastOrder) : QString()},
                                      {QStringLiteral("silent_since"), dbTime(since)},
                                      {QStringLiteral("threshold_minutes"), hours->silentAfterMinutes}};
            // The explanation changes every minute; refresh it only when a new silence starts, not on every check.
            auto open = exceptions.openForEntity(kStore, entityId);
            if (!open)
                return open.error();
            const auto existing = std::find_if(open->cbegin(), open->cend(), [](const ExceptionRecord &record) {
                return record.kind == ExceptionKind::StoreFeedSilent;
            });
            if (existing != open->cend()
                && existing->details.value(u"silent_since").toString() == dbTime(since)) {
                raised.append(existing->id);
                continue;
            }
            auto result = exceptions.raise(tx,
                                           ExceptionRecord::open(ExceptionKind::StoreFeedSilent, kStore, entityId,
                                                                 explanation, details, store.id),
                                           actor);
            if (!result)
                return result.error();
            raised.append(result->id);
        } else if (lastOrder.isValid() && lastOrder >= opened.toUTC()
                   && silentMinutes <= hours->silentAfterMinutes) {
            // Sending again. Only orders prove the feed is alive; closing time alone does not.
            auto resolved = exceptions.autoResolve(tx, kStore, entityId, ExceptionKind::StoreFeedSilent,
                                                   tr("Orders are arriving again."));
            if (!resolved)
                return resolved.error();
        }
    }
    return raised;
}

} // namespace Tillbridge::Core
