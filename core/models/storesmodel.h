// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/store.h"

#include <QAbstractTableModel>
#include <QList>

namespace Tillbridge::Core {

/** The stores known to the cache, in memory (a chain has tens to hundreds of stores). */
class StoresModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SitooColumn,
        CurrencyColumn,
        RegimeColumn,
        TimeZoneColumn,
        PrimaLocationColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, MappedRole };

    explicit StoresModel(QObject *parent = nullptr);

    /** Replaces the rows (a model reset); the stores come from StoreRepository. */
    void setStores(const QList<Store> &stores);
    const QList<Store> &stores() const { return m_stores; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Store> m_stores;
};

} // namespace Tillbridge::Core
