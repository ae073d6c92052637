// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/domain/store.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Tillbridge::Core {

/** How a store's sync stands, at a glance. */
enum class HealthLight { Green, Amber, Red };

/** One store's sync health, read in one go off the GUI thread. */
struct StoreHealth
{
    Store store;
    QDateTime lastOrderReceived;   ///< when the newest of its orders reached the cache (the last pull with sales)
    QDateTime lastPosted;          ///< when Prima last confirmed one of its documents
    qint64 backlog = 0;            ///< documents waiting for Prima
    qint64 heldBack = 0;           ///< orders quarantined
    QDateTime oldestUnposted;      ///< till time of its oldest valid order not yet in Prima (held back: see heldBack)
    qint64 failures24h = 0;        ///< blocking exceptions raised in the last 24 hours
    std::optional<qint64> stockLagMs; ///< the last Prima change → Sitoo write delay of its location
    HealthLight light = HealthLight::Green;
    QString reason;                ///< why the light is what it is, for a tooltip
};

/** One store's sync success on one trading day: orders that reached Prima against orders received. */
struct StoreDaySuccess
{
    qint64 storeId = 0;
    QDate day;
    qint64 orders = 0;
    qint64 posted = 0;
};

/** Everything the store-health view shows. */
struct StoreHealthReport
{
    QList<StoreHealth> stores;
    QList<QDate> days;                  ///< the heatmap's columns, oldest first
    QList<StoreDaySuccess> daySuccess;  ///< only store-days with orders
    QList<std::pair<OwnerTeam, qint64>> openByOwner; ///< open or assigned exceptions per owner team

    /** Reads the report; the heatmap covers the @p days trading days (UTC dates) up to the newest order. */
    static Result<StoreHealthReport> read(const QSqlDatabase &db, const QDateTime &now, int days = 14);
    /** The light and its reason from the figures (pure; thresholds documented in the .cpp). */
    static void judge(StoreHealth &health, const QDateTime &now);
};

/** The store-health table: one row per store, in memory (a chain has tens to hundreds of stores). */
class StoreHealthModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LightColumn,
        NameColumn,
        LastPullColumn,
        LastPostColumn,
        BacklogColumn,
        HeldBackColumn,
        OldestColumn,
        FailuresColumn,
        StockLagColumn,
        PrimaLocationColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, LightRole };

    explicit StoreHealthModel(QObject *parent = nullptr);

    void setHealth(const QList<StoreHealth> &stores, const QDateTime &now);
    const QList<StoreHealth> &health() const { return m_stores; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "3 min ago", "2 h ago", "5 d ago", or "never". */
    static QString sinceText(const QDateTime &when, const QDateTime &now);

private:
    QList<StoreHealth> m_stores;
    QDateTime m_now;
};

} // namespace Tillbridge::Core
