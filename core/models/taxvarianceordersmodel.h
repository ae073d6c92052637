// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/taxvariancereport.h"

#include <QAbstractTableModel>
#include <QList>

namespace Tillbridge::Core {

/** The orders behind one bar of the VAT variance chart (TaxVarianceReport::orders()), in memory. */
class TaxVarianceOrdersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        OrderedColumn,
        OrderColumn,
        StateColumn,
        NetColumn,
        SitooVatColumn,
        ExpectedVatColumn,
        VarianceColumn,
        ExceptionColumn,
        ColumnCount
    };
    enum Role {
        MinorRole = Qt::UserRole + 1, ///< the money column's qint64 minor units
        VarianceRole,                 ///< bool: the variance cell of an order whose VAT differs
        ExceptionIdRole,              ///< qint64: the TAX_* exception to open, 0 when none
        OrderIdRole
    };

    explicit TaxVarianceOrdersModel(QObject *parent = nullptr);

    void setOrders(const QList<TaxVarianceOrder> &orders);
    const QList<TaxVarianceOrder> &orders() const { return m_orders; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TaxVarianceOrder> m_orders;
};

} // namespace Tillbridge::Core
