// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/pagedtablemodel.h"
#include "core/result.h"
#include "core/stock/stockpush.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** What the stock view shows; every criterion runs in SQL with bound values. */
struct StockFilter
{
    QString location;          ///< one Prima location (one store); empty: all
    QString text;              ///< the start of the SKU (a style, style and colour, or a whole SKU), case as typed
    bool onlyDifferences = false; ///< Sitoo's level differs from Prima's available-to-sell (or was never written)
    bool onlyFailed = false;      ///< the last write of the level failed (it is due again later)
};

/** One store's (Prima location's) stock figures, for the per-store table. */
struct StockStoreFigures
{
    QString location;
    qint64 storeId = 0; ///< 0 when no store has this Prima location
    QString storeName;
    qint64 levels = 0;
    qint64 differences = 0;   ///< Sitoo level ≠ Prima available-to-sell (never written counts)
    qint64 waiting = 0;       ///< due: a Prima version not written yet
    qint64 fastLaneNow = 0;   ///< due and at risk: what the next fast-lane run would write
    qint64 failed = 0;        ///< due again after a failed write
    qint64 openFailures = 0;  ///< open STOCK_PUSH_FAILED exceptions of the store
    std::optional<qint64> lastLagMs;
    std::optional<qint64> meanLagMs;
    std::optional<qint64> maxLagMs;
    QDateTime lastPushedAt;
};

/**
 * The stock view's aggregates, read off the GUI thread (readInBackground; a full pass over stock_levels) and
 * delivered as a value.
 */
struct StockSummary
{
    QList<StockStoreFigures> stores; ///< by store name, then location
    qint64 levels = 0;
    qint64 differences = 0;
    qint64 waiting = 0;
    qint64 fastLaneNow = 0;
    qint64 failed = 0;

    static Result<StockSummary> load(const QSqlDatabase &db, const StockPushConfig &config = {});
};

/** One stock level as the stock table shows it. */
struct StockLevelRow
{
    QString sku;
    QString location;
    QString storeName;
    qint64 availableToSell = 0;
    qint64 version = 0;
    std::optional<qint64> pushedVersion;
    std::optional<qint64> pushedLevel;
    QDateTime pushedAt;
    QString lastError;
    qint64 soldInWindow = 0;

    bool isDue() const { return !pushedVersion || version > *pushedVersion; }
    bool isFailed() const { return !lastError.isEmpty(); }
    /** What Sitoo should show: a negative available-to-sell is written as 0. */
    qint64 expectedLevel() const { return std::max<qint64>(0, availableToSell); }
    std::optional<qint64> difference() const
    {
        return pushedLevel ? std::optional(*pushedLevel - expectedLevel()) : std::nullopt;
    }
};

/** The keyset position of a stock level. */
struct StockLevelKey
{
    QString sku;
    QString location;
};

/**
 * Prima available-to-sell beside the level last written to Sitoo, per SKU and Prima location (store), paged from SQL
 * with a keyset, because a cache can hold ten million levels: in (SKU, location) order on stock_levels' primary key;
 * with "only differences" or "only failed" (always levels still due) in (location, SKU) order on the partial index
 * stock_levels_due. The SKU search is a prefix, a range on the index. Shows the push state (in Sitoo, waiting, failed with Sitoo's answer) and fast-lane membership by the same
 * rule as StockPush's fast lane: available-to-sell at or below the low-stock threshold, or at least the velocity
 * threshold of units sold at that store within the window. Never counts all rows on the GUI thread: totals come from
 * StockSummary.
 */
class StockLevelsModel : public PagedTableModel<StockLevelRow, StockLevelKey>
{
    Q_OBJECT

public:
    enum Column {
        StoreColumn,
        SkuColumn,
        PrimaColumn,
        SitooColumn,
        DifferenceColumn,
        StateColumn,
        FastLaneColumn,
        PushedAtColumn,
        ColumnCount
    };
    enum Role {
        SkuRole = Qt::UserRole + 1,
        LocationRole,
        AtRiskRole,   ///< bool: in the fast lane
        FailedRole,   ///< bool
        DifferenceRole, ///< qint64 Sitoo − Prima (expected), or invalid when never written
    };

    using Row = StockLevelRow;

    explicit StockLevelsModel(QSqlDatabase db, QObject *parent = nullptr);

    StockFilter filter() const { return m_filter; }
    void setFilter(const StockFilter &filter);
    /** The fast-lane thresholds (StockPushConfig); the defaults hold until set. */
    void setConfig(const StockPushConfig &config);
    const StockPushConfig &config() const { return m_config; }
    bool isLowStock(const Row &row) const { return row.availableToSell <= m_config.lowStockThreshold; }
    bool isFastMover(const Row &row) const { return row.soldInWindow >= m_config.velocityThreshold; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void prepareReload() override { m_now = QDateTime::currentDateTimeUtc(); }
    /** Never counts (a growing model): ten million levels are not counted on the GUI thread. */
    Result<std::optional<qint64>> countRows() const override { return std::optional<qint64>(); }
    Result<QList<Row>> readRows(const PageRequest<StockLevelKey> &request) const override;
    StockLevelKey keyOf(const Row &row) const override { return StockLevelKey{row.sku, row.location}; }

    QString m_connectionName;
    StockFilter m_filter;
    StockPushConfig m_config;
    QDateTime m_now;
};

/** The per-store stock figures (StockSummary::stores): levels, differences, waiting, failed, lag. In memory. */
class StockStoresModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StoreColumn,
        LevelsColumn,
        DifferencesColumn,
        WaitingColumn,
        FastLaneColumn,
        FailedColumn,
        LastLagColumn,
        MeanLagColumn,
        MaxLagColumn,
        LastPushColumn,
        ColumnCount
    };

    explicit StockStoresModel(QObject *parent = nullptr);

    void setStores(const QList<StockStoreFigures> &stores);
    const QList<StockStoreFigures> &stores() const { return m_stores; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "850 ms", "12 s", "4 min 10 s", "2 h 5 min": a push delay for people. */
    static QString lagText(qint64 ms);

private:
    QList<StockStoreFigures> m_stores;
};

} // namespace Tillbridge::Core
