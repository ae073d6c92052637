// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/storesmodel.h"

namespace Tillbridge::Core {

StoresModel::StoresModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StoresModel::setStores(const QList<Store> &stores)
{
    beginResetModel();
    m_stores = stores;
    endResetModel();
}

int StoresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stores.size());
}

int StoresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store &store = m_stores.at(index.row());
    if (role == IdRole)
        return store.id;
    if (role == MappedRole)
        return !store.primaLocation.isEmpty();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return store.name;
    case SitooColumn:
        return tr("%1 / store %2").arg(store.sitooAccount, store.sitooStoreId);
    case CurrencyColumn:
        return store.currency.code();
    case RegimeColumn:
        return store.taxRegime == TaxRegime::Sweden ? tr("Swedish VAT") : tr("UK VAT");
    case TimeZoneColumn:
        return store.timeZone;
    case PrimaLocationColumn:
        return store.primaLocation.isEmpty() ? tr("Not mapped") : store.primaLocation;
    case StatusColumn:
        return store.active ? tr("Trading") : tr("Inactive");
    }
    return {};
}

QVariant StoresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Store");
    case SitooColumn:
        return tr("Sitoo account / store");
    case CurrencyColumn:
        return tr("Currency");
    case RegimeColumn:
        return tr("VAT rules");
    case TimeZoneColumn:
        return tr("Time zone");
    case PrimaLocationColumn:
        return tr("Prima location");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace Tillbridge::Core
