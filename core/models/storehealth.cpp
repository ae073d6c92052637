// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/storehealth.h"

#include "core/storage/dbtime.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tillbridge::Core::StoreHealth", text, disambiguation, n);
}

Error sqlError(const QSqlQuery &query)
{
    return Error{ErrorCode::Database, tr("Store health could not be read: %1").arg(query.lastError().text())};
}

// Thresholds of the traffic light. Amber: something a person should look at today; red: sales are not reaching the
// ledger. Sales older than a day still unposted, or a failure in the last day, are the signals finance cares about.
constexpr qint64 kAmberOldestUnpostedHours = 2;
constexpr qint64 kRedOldestUnpostedHours = 24;
constexpr qint64 kAmberStockLagMs = 15 * 60 * 1000;
} // namespace

void StoreHealthReport::judge(StoreHealth &health, const QDateTime &now)
{
    QStringList red;
    QStringList amber;
    if (health.store.primaLocation.isEmpty())
        red << tr("no Prima location is mapped, so nothing can be posted");
    const qint64 unpostedHours =
        health.oldestUnposted.isValid() ? health.oldestUnposted.secsTo(now) / 3600 : 0;
    if (health.oldestUnposted.isValid() && unpostedHours >= kRedOldestUnpostedHours)
        red << tr("a sale from %1 h ago is not in Prima yet").arg(unpostedHours);
    else if (health.oldestUnposted.isValid() && unpostedHours >= kAmberOldestUnpostedHours)
        amber << tr("a sale from %1 h ago is not in Prima yet").arg(unpostedHours);
    if (health.failures24h > 0)
        amber << tr("%n blocking exception(s) raised in the last 24 hours", nullptr, int(health.failures24h));
    if (health.heldBack > 0)
        amber << tr("%n order(s) held back", nullptr, int(health.heldBack));
    if (health.stockLagMs && *health.stockLagMs > kAmberStockLagMs)
        amber << tr("stock reached the tills %1 min after Prima changed").arg(*health.stockLagMs / 60000);
    if (!red.isEmpty()) {
        health.light = HealthLight::Red;
        health.reason = red.join(QStringLiteral("; ")) + u'.';
    } else if (!amber.isEmpty()) {
        health.light = HealthLight::Amber;
        health.reason = amber.join(QStringLiteral("; ")) + u'.';
    } else {
        health.light = HealthLight::Green;
        health.reason = tr("Every sale pulled so far is in Prima.");
    }
}

Result<StoreHealthReport> StoreHealthReport::read(const QSqlDatabase &db, const QDateTime &now, int days)
{
    StoreHealthReport report;
    auto stores = StoreRepository(db).all();
    if (!stores)
        return stores.error();
    QHash<qint64, int> rowOf;
    for (const Store &store : *stores) {
        StoreHealth health;
        health.store = store;
        rowOf.insert(store.id, int(report.stores.size()));
        report.stores.append(health);
    }
    const auto at = [&](qint64 storeId) -> StoreHealth * {
        const auto it = rowOf.constFind(storeId);
        return it == rowOf.constEnd() ? nullptr : &report.stores[*it];
    };

    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Per store: newest order received, held back, and the oldest sale that should be flowing to Prima but is not
    // there yet (held-back orders wait for a person and count separately).
    if (!query.exec(QStringLiteral(
            "SELECT store_id, MAX(created_at), SUM(state = 'quarantined'), "
            "MIN(CASE WHEN state IN ('ready', 'received') THEN order_date END) "
            "FROM pos_orders WHERE store_id IS NOT NULL AND malformed = 0 GROUP BY store_id")))
        return sqlError(query);
    while (query.next()) {
        if (StoreHealth *health = at(query.value(0).toLongLong())) {
            health->lastOrderReceived = fromDbTime(query.value(1));
            health->heldBack = query.value(2).toLongLong();
            if (!query.value(3).isNull())
                health->oldestUnposted = fromDbTime(query.value(3));
        }
    }
    // Per store: the outbox.
    if (!query.exec(QStringLiteral(
            "SELECT p.store_id, MAX(CASE WHEN o.state = 'posted' THEN o.updated_at END), "
            "SUM(o.state NOT IN ('posted', 'failed_permanent')) "
            "FROM outbox o JOIN pos_orders p ON p.id = o.pos_order_id GROUP BY p.store_id")))
        return sqlError(query);
    while (query.next()) {
        if (StoreHealth *health = at(query.value(0).toLongLong())) {
            if (!query.value(1).isNull())
                health->lastPosted = fromDbTime(query.value(1));
            health->backlog = query.value(2).toLongLong();
        }
    }
    // Blocking exceptions raised in the last day.
    query.prepare(QStringLiteral("SELECT store_id, COUNT(*) FROM exceptions WHERE severity = 'blocking' "
                                 "AND created_at >= ? AND store_id IS NOT NULL GROUP BY store_id"));
    query.addBindValue(dbTime(now.addDays(-1)));
    if (!query.exec())
        return sqlError(query);
    while (query.next()) {
        if (StoreHealth *health = at(query.value(0).toLongLong()))
            health->failures24h = query.value(1).toLongLong();
    }
    // Stock lag of each store's location (the stock push keeps it).
    if (!query.exec(QStringLiteral("SELECT store_id, last_lag_ms FROM stock_push_lag WHERE store_id IS NOT NULL")))
        return sqlError(query);
    while (query.next()) {
        if (StoreHealth *health = at(query.value(0).toLongLong()))
            health->stockLagMs = query.value(1).toLongLong();
    }
    for (StoreHealth &health : report.stores)
        judge(health, now);

    // The heatmap: up to `days` dates ending with the newest order (not before the first), orders and how many
    // reached Prima.
    if (!query.exec(QStringLiteral("SELECT MIN(substr(order_date, 1, 10)), MAX(substr(order_date, 1, 10)) "
                                   "FROM pos_orders WHERE malformed = 0")))
        return sqlError(query);
    const bool any = query.next() && !query.value(1).isNull();
    const QDate last = any ? QDate::fromString(query.value(1).toString(), Qt::ISODate) : now.date();
    const QDate oldest = any ? QDate::fromString(query.value(0).toString(), Qt::ISODate) : now.date();
    const QDate first = std::max(oldest, last.addDays(1 - std::max(1, days)));
    for (QDate day = first; day <= last; day = day.addDays(1))
        report.days.append(day);
    query.prepare(QStringLiteral(
        "SELECT store_id, substr(order_date, 1, 10), COUNT(*), SUM(state = 'posted') FROM pos_orders "
        "WHERE malformed = 0 AND store_id IS NOT NULL AND order_date >= ? AND order_date < ? "
        "GROUP BY store_id, substr(order_date, 1, 10)"));
    query.addBindValue(first.toString(Qt::ISODate));
    query.addBindValue(last.addDays(1).toString(Qt::ISODate));
    if (!query.exec())
        return sqlError(query);
    while (query.next()) {
        StoreDaySuccess success;
        success.storeId = query.value(0).toLongLong();
        success.day = QDate::fromString(query.value(1).toString(), Qt::ISODate);
        success.orders = query.value(2).toLongLong();
        success.posted = query.value(3).toLongLong();
        report.daySuccess.append(success);
    }

    auto counts = ExceptionRepository(db).countsByOwnerAndState();
    if (!counts)
        return counts.error();
    for (const OwnerTeam team : {OwnerTeam::Finance, OwnerTeam::RetailOps, OwnerTeam::Data}) {
        qint64 open = 0;
        for (const ExceptionCount &count : *counts) {
            if (count.owner == team && !isTerminal(count.state))
                open += count.count;
        }
        report.openByOwner.append({team, open});
    }
    return report;
}

StoreHealthModel::StoreHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StoreHealthModel::setHealth(const QList<StoreHealth> &stores, const QDateTime &now)
{
    beginResetModel();
    m_stores = stores;
    m_now = now;
    endResetModel();
}

QString StoreHealthModel::sinceText(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 minutes = std::max<qint64>(0, when.secsTo(now) / 60);
    if (minutes < 60)
        return tr("%1 min ago").arg(minutes);
    if (minutes < 48 * 60)
        return tr("%1 h ago").arg(minutes / 60);
    return tr("%1 d ago").arg(minutes / (24 * 60));
}

int StoreHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stores.size());
}

int StoreHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoreHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoreHealth &health = m_stores.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LightColumn:
            switch (health.light) {
            case HealthLight::Green:
                return tr("OK");
            case HealthLight::Amber:
                return tr("Check");
            case HealthLight::Red:
                return tr("Act");
            }
            break;
        case NameColumn:
            return health.store.name;
        case LastPullColumn:
            return sinceText(health.lastOrderReceived, m_now);
        case LastPostColumn:
            return sinceText(health.lastPosted, m_now);
        case BacklogColumn:
            return locale.toString(health.backlog);
        case HeldBackColumn:
            return locale.toString(health.heldBack);
        case OldestColumn:
            return health.oldestUnposted.isValid()
                       ? locale.toString(health.oldestUnposted.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case FailuresColumn:
            return locale.toString(health.failures24h);
        case StockLagColumn:
            return health.stockLagMs ? tr("%1 s").arg(locale.toString(double(*health.stockLagMs) / 1000.0, 'f', 1))
                                     : QString();
        case PrimaLocationColumn:
            return health.store.primaLocation.isEmpty() ? tr("not mapped") : health.store.primaLocation;
        }
        break;
    case Qt::ToolTipRole:
        return health.reason;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case BacklogColumn:
        case HeldBackColumn:
        case FailuresColumn:
        case StockLagColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case IdRole:
        return health.store.id;
    case LightRole:
        return int(health.light);
    }
    return {};
}

QVariant StoreHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LightColumn:
        return tr("Health");
    case NameColumn:
        return tr("Store");
    case LastPullColumn:
        return tr("Last sale pulled");
    case LastPostColumn:
        return tr("Last posted");
    case BacklogColumn:
        return tr("Waiting for Prima");
    case HeldBackColumn:
        return tr("Held back");
    case OldestColumn:
        return tr("Oldest unposted sale");
    case FailuresColumn:
        return tr("Failures (24 h)");
    case StockLagColumn:
        return tr("Stock lag");
    case PrimaLocationColumn:
        return tr("Prima location");
    }
    return {};
}

} // namespace Tillbridge::Core
