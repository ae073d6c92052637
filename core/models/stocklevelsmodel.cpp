// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/stocklevelsmodel.h"

#include "core/logging.h"
#include "core/storage/dbtime.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Tillbridge::Core {

namespace {
// The fast-lane rule of StockPush::selectDue(): units of sale orders (not superseded) at the level's store within
// the window. Kept textually the same so the view shows what the fast lane does.
const char kSoldInWindow[] =
    "(SELECT COALESCE(SUM(l.quantity), 0) FROM pos_order_lines l JOIN pos_orders o ON o.id = l.order_id "
    "JOIN stores st ON st.id = o.store_id WHERE l.sku = s.sku AND st.prima_location = s.location "
    "AND o.kind = 'sale' AND o.state <> 'superseded' AND o.order_date >= :since)";

const char kDue[] = "(s.pushed_version IS NULL OR s.version > s.pushed_version)";
const char kDifferent[] = "(s.pushed_level IS NULL OR s.pushed_level <> MAX(s.available_to_sell, 0))";

std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toLongLong());
}
} // namespace

// --- StockSummary --------------------------------------------------------------------------------------------------

Result<StockSummary> StockSummary::load(const QSqlDatabase &db, const StockPushConfig &config)
{
    const auto failure = [](const QSqlQuery &query) {
        qCWarning(lcDb) << "stock summary:" << query.lastError().text();
        return Error{ErrorCode::Database, StockLevelsModel::tr("The stock figures could not be read: %1")
                                              .arg(query.lastError().text())};
    };
    QHash<QString, StockStoreFigures> byLocation;
    const auto figures = [&byLocation](const QString &location) -> StockStoreFigures & {
        auto it = byLocation.find(location);
        if (it == byLocation.end()) {
            it = byLocation.insert(location, StockStoreFigures{});
            it->location = location;
        }
        return *it;
    };

    // One pass over every level (millions): counts per location.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT s.location, COUNT(*), SUM(%1), SUM(s.last_error IS NOT NULL AND %1), "
                                   "SUM(%2) FROM stock_levels s GROUP BY s.location")
                        .arg(QLatin1String(kDue), QLatin1String(kDifferent))))
        return failure(query);
    while (query.next()) {
        StockStoreFigures &f = figures(query.value(0).toString());
        f.levels = query.value(1).toLongLong();
        f.waiting = query.value(2).toLongLong();
        f.failed = query.value(3).toLongLong();
        f.differences = query.value(4).toLongLong();
    }
    query.finish();

    // What the fast lane would write now: due levels at risk (the partial index stock_levels_due holds only these).
    query.prepare(QStringLiteral("SELECT s.location, COUNT(*) FROM stock_levels s WHERE %1 "
                                 "AND (s.available_to_sell <= :low OR %2 >= :threshold) GROUP BY s.location")
                      .arg(QLatin1String(kDue), QLatin1String(kSoldInWindow)));
    query.bindValue(QStringLiteral(":low"), config.lowStockThreshold);
    query.bindValue(QStringLiteral(":since"),
                    dbTime(QDateTime::currentDateTimeUtc().addSecs(-qint64(config.velocityWindowHours) * 3600)));
    query.bindValue(QStringLiteral(":threshold"), config.velocityThreshold);
    if (!query.exec())
        return failure(query);
    while (query.next())
        figures(query.value(0).toString()).fastLaneNow = query.value(1).toLongLong();
    query.finish();

    if (!query.exec(QStringLiteral("SELECT location, store_id, last_lag_ms, max_lag_ms, total_lag_ms, samples, "
                                   "last_pushed_at FROM stock_push_lag")))
        return failure(query);
    while (query.next()) {
        StockStoreFigures &f = figures(query.value(0).toString());
        if (!query.value(1).isNull())
            f.storeId = query.value(1).toLongLong();
        f.lastLagMs = query.value(2).toLongLong();
        f.maxLagMs = query.value(3).toLongLong();
        const qint64 samples = query.value(5).toLongLong();
        if (samples > 0)
            f.meanLagMs = query.value(4).toLongLong() / samples;
        f.lastPushedAt = fromDbTime(query.value(6));
    }
    query.finish();

    // Stores: names, and stores that have no level yet still get a row.
    if (!query.exec(QStringLiteral("SELECT id, name, prima_location FROM stores WHERE active = 1 "
                                   "AND prima_location IS NOT NULL AND prima_location <> '' ORDER BY id")))
        return failure(query);
    QHash<qint64, QString> locationOfStore;
    while (query.next()) {
        StockStoreFigures &f = figures(query.value(2).toString());
        if (f.storeName.isEmpty()) {
            f.storeId = query.value(0).toLongLong();
            f.storeName = query.value(1).toString();
        }
        locationOfStore.insert(query.value(0).toLongLong(), f.location);
    }
    query.finish();

    if (!query.exec(QStringLiteral("SELECT store_id, COUNT(*) FROM exceptions WHERE kind = 'STOCK_PUSH_FAILED' "
                                   "AND state IN ('open', 'assigned') AND store_id IS NOT NULL GROUP BY store_id")))
        return failure(query);
    while (query.next()) {
        const auto location = locationOfStore.constFind(query.value(0).toLongLong());
        if (location != locationOfStore.constEnd())
            figures(*location).openFailures = query.value(1).toLongLong();
    }
    query.finish();

    StockSummary summary;
    for (const StockStoreFigures &f : std::as_const(byLocation)) {
        summary.stores.append(f);
        summary.levels += f.levels;
        summary.differences += f.differences;
        summary.waiting += f.waiting;
        summary.fastLaneNow += f.fastLaneNow;
        summary.failed += f.failed;
    }
    std::sort(summary.stores.begin(), summary.stores.end(), [](const StockStoreFigures &a, const StockStoreFigures &b) {
        // Named stores first, by name; locations without a store last.
        if (a.storeName.isEmpty() != b.storeName.isEmpty())
            return !a.storeName.isEmpty();
        const int byName = a.storeName.localeAwareCompare(b.storeName);
        return byName != 0 ? byName < 0 : a.location < b.location;
    });
    return summary;
}

// --- StockLevelsModel ----------------------------------------------------------------------------------------------

StockLevelsModel::StockLevelsModel(QSqlDatabase db, QObject *parent)
    : PagedTableModel(parent)
    , m_connectionName(db.connectionName())
{
}

void StockLevelsModel::setFilter(const StockFilter &filter)
{
    m_filter = filter;
    reload();
}

void StockLevelsModel::setConfig(const StockPushConfig &config)
{
    m_config = config;
    reload();
}

int StockLevelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Result<QList<StockLevelsModel::Row>> StockLevelsModel::readRows(const PageRequest<StockLevelKey> &request) const
{
    // Two orders, each walking an index so that a page never reads more than it shows (ten million levels):
    // every level in (SKU, location) order on the primary key; differences and failures — which are always levels
    // still due — in (location, SKU) order on the partial index stock_levels_due, which holds only those.
    const bool dueOnly = m_filter.onlyDifferences || m_filter.onlyFailed;
    QString sql = QStringLiteral(
                      "SELECT s.sku, s.location, s.available_to_sell, s.version, s.pushed_version, s.pushed_level, "
                      "s.pushed_at, s.last_error, %1, (SELECT name FROM stores WHERE prima_location = s.location "
                      "ORDER BY active DESC, id LIMIT 1) FROM stock_levels s ")
                      .arg(QLatin1String(kSoldInWindow));
    sql += dueOnly ? QStringLiteral("WHERE (s.location, s.sku) > (:afterLocation, :afterSku) AND %1 ")
                         .arg(QLatin1String(kDue))
                   : QStringLiteral("WHERE (s.sku, s.location) > (:afterSku, :afterLocation) ");
    if (!m_filter.location.isEmpty())
        sql += QStringLiteral("AND s.location = :location ");
    // The SKU search is a prefix (a style, a style and colour, a whole SKU): a range on the index, never a scan.
    const QString prefix = m_filter.text.trimmed();
    if (!prefix.isEmpty())
        sql += QStringLiteral("AND s.sku >= :prefix AND s.sku < :prefixEnd ");
    if (m_filter.onlyDifferences)
        sql += QStringLiteral("AND %1 ").arg(QLatin1String(kDifferent));
    if (m_filter.onlyFailed)
        sql += QStringLiteral("AND s.last_error IS NOT NULL ");
    sql += dueOnly ? QStringLiteral("ORDER BY s.location, s.sku LIMIT :limit")
                   : QStringLiteral("ORDER BY s.sku, s.location LIMIT :limit");

    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":since"),
                    dbTime(m_now.addSecs(-qint64(m_config.velocityWindowHours) * 3600)));
    // Growing: only ever Forward. The first page starts after ('', ''): empty text, not NULL, which compares false.
    const StockLevelKey after = request.anchor.value_or(StockLevelKey{QStringLiteral(""), QStringLiteral("")});
    query.bindValue(QStringLiteral(":afterSku"), after.sku);
    query.bindValue(QStringLiteral(":afterLocation"), after.location);
    if (!m_filter.location.isEmpty())
        query.bindValue(QStringLiteral(":location"), m_filter.location);
    if (!prefix.isEmpty()) {
        query.bindValue(QStringLiteral(":prefix"), prefix);
        query.bindValue(QStringLiteral(":prefixEnd"), QString(prefix + QString::fromUcs4(U"\U0010FFFF")));
    }
    query.bindValue(QStringLiteral(":limit"), request.limit);
    if (!query.exec()) {
        qCWarning(lcDb) << "stock page:" << query.lastError().text();
        return Error{ErrorCode::Database, tr("The stock levels could not be read: %1").arg(query.lastError().text())};
    }
    QList<Row> page;
    while (query.next()) {
        Row row;
        row.sku = query.value(0).toString();
        row.location = query.value(1).toString();
        row.availableToSell = query.value(2).toLongLong();
        row.version = query.value(3).toLongLong();
        row.pushedVersion = optionalInt(query.value(4));
        row.pushedLevel = optionalInt(query.value(5));
        row.pushedAt = fromDbTime(query.value(6));
        row.lastError = query.value(7).toString();
        row.soldInWindow = query.value(8).toLongLong();
        row.storeName = query.value(9).toString();
        page.append(row);
    }
    query.finish();
    return page;
}

QVariant StockLevelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StoreColumn:
            return row.storeName.isEmpty() ? tr("%1 (no store)").arg(row.location) : row.storeName;
        case SkuColumn:
            return row.sku;
        case PrimaColumn:
            return locale.toString(row.availableToSell);
        case SitooColumn:
            return row.pushedLevel ? locale.toString(*row.pushedLevel) : tr("not written");
        case DifferenceColumn:
            if (const auto difference = row.difference(); difference && *difference != 0)
                return QString((*difference > 0 ? QStringLiteral("+") : QString()) + locale.toString(*difference));
            return row.pushedLevel ? QStringLiteral("0") : QString();
        case StateColumn:
            if (row.isFailed())
                return tr("Failed: %1").arg(row.lastError.simplified());
            if (row.isDue())
                return row.pushedVersion ? tr("Waiting to push") : tr("Not written yet");
            return tr("In Sitoo");
        case FastLaneColumn: {
            QStringList reasons;
            if (isLowStock(row))
                reasons << tr("Low stock");
            if (isFastMover(row))
                reasons << tr("Fast mover (%1 sold)").arg(locale.toString(row.soldInWindow));
            return reasons.join(tr(", "));
        }
        case PushedAtColumn:
            return row.pushedAt.isValid() ? locale.toString(row.pushedAt.toLocalTime(), QLocale::ShortFormat)
                                          : QString();
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StoreColumn:
            return tr("Prima location %1").arg(row.location);
        case PrimaColumn:
            return row.availableToSell < 0 ? tr("Negative available-to-sell is written to Sitoo as 0 (version %1)")
                                                 .arg(row.version)
                                           : tr("Prima version %1").arg(row.version);
        case DifferenceColumn:
            return tr("Sitoo's level minus what Prima says it should be");
        case StateColumn:
            return row.isFailed() ? row.lastError : QVariant();
        case FastLaneColumn:
            return tr("In the fast lane: available-to-sell at or below %1, or at least %2 sold at this store in the "
                      "last %3 h")
                .arg(m_config.lowStockThreshold)
                .arg(m_config.velocityThreshold)
                .arg(m_config.velocityWindowHours);
        }
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case PrimaColumn:
        case SitooColumn:
        case DifferenceColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case SkuRole:
        return row.sku;
    case LocationRole:
        return row.location;
    case AtRiskRole:
        return isLowStock(row) || isFastMover(row);
    case FailedRole:
        return row.isFailed();
    case DifferenceRole:
        if (const auto difference = row.difference())
            return *difference;
        return {};
    }
    return {};
}

QVariant StockLevelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole
        && (section == PrimaColumn || section == SitooColumn || section == DifferenceColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StoreColumn:
        return tr("Store");
    case SkuColumn:
        return tr("SKU");
    case PrimaColumn:
        return tr("Prima ATS");
    case SitooColumn:
        return tr("Sitoo level");
    case DifferenceColumn:
        return tr("Difference");
    case StateColumn:
        return tr("Push");
    case FastLaneColumn:
        return tr("Fast lane");
    case PushedAtColumn:
        return tr("Last written");
    }
    return {};
}

// --- StockStoresModel ----------------------------------------------------------------------------------------------

StockStoresModel::StockStoresModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StockStoresModel::setStores(const QList<StockStoreFigures> &stores)
{
    beginResetModel();
    m_stores = stores;
    endResetModel();
}

int StockStoresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stores.size());
}

int StockStoresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StockStoresModel::lagText(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms));
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QVariant StockStoresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockStoreFigures &f = m_stores.at(index.row());
    const QLocale locale;
    const auto lag = [](const std::optional<qint64> &ms) { return ms ? lagText(*ms) : QStringLiteral("–"); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StoreColumn:
            return f.storeName.isEmpty() ? tr("%1 (no store)").arg(f.location) : f.storeName;
        case LevelsColumn:
            return locale.toString(f.levels);
        case DifferencesColumn:
            return locale.toString(f.differences);
        case WaitingColumn:
            return locale.toString(f.waiting);
        case FastLaneColumn:
            return locale.toString(f.fastLaneNow);
        case FailedColumn:
            return locale.toString(f.failed);
        case LastLagColumn:
            return lag(f.lastLagMs);
        case MeanLagColumn:
            return lag(f.meanLagMs);
        case MaxLagColumn:
            return lag(f.maxLagMs);
        case LastPushColumn:
            return f.lastPushedAt.isValid() ? locale.toString(f.lastPushedAt.toLocalTime(), QLocale::ShortFormat)
                                            : tr("never");
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case LevelsColumn:
            return f.levels;
        case DifferencesColumn:
            return f.differences;
        case WaitingColumn:
            return f.waiting;
        case FastLaneColumn:
            return f.fastLaneNow;
        case FailedColumn:
            return f.failed;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StoreColumn)
            return tr("Prima location %1").arg(f.location);
        if (index.column() == FailedColumn)
            return tr("%n open “stock push failed” exception(s) in the queue", nullptr, int(f.openFailures));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != StoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant StockStoresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && section != StoreColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StoreColumn:
        return tr("Store");
    case LevelsColumn:
        return tr("SKUs");
    case DifferencesColumn:
        return tr("Differ");
    case WaitingColumn:
        return tr("Waiting");
    case FastLaneColumn:
        return tr("Fast lane now");
    case FailedColumn:
        return tr("Failed");
    case LastLagColumn:
        return tr("Last lag");
    case MeanLagColumn:
        return tr("Mean lag");
    case MaxLagColumn:
        return tr("Max lag");
    case LastPushColumn:
        return tr("Last push");
    }
    return {};
}

} // namespace Tillbridge::Core
