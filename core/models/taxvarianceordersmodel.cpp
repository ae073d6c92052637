// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/taxvarianceordersmodel.h"

#include "core/domain/exceptionrecord.h"
#include "core/money/money.h"

#include <QLocale>

namespace Tillbridge::Core {

TaxVarianceOrdersModel::TaxVarianceOrdersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TaxVarianceOrdersModel::setOrders(const QList<TaxVarianceOrder> &orders)
{
    beginResetModel();
    m_orders = orders;
    endResetModel();
}

int TaxVarianceOrdersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int TaxVarianceOrdersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString stateTitle(const QString &state)
{
    if (state == u"posted")
        return TaxVarianceOrdersModel::tr("Posted");
    if (state == u"ready")
        return TaxVarianceOrdersModel::tr("Ready to post");
    if (state == u"quarantined")
        return TaxVarianceOrdersModel::tr("Held back");
    if (state == u"received")
        return TaxVarianceOrdersModel::tr("Received");
    return state;
}

} // namespace

QVariant TaxVarianceOrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaxVarianceOrder &order = m_orders.at(index.row());
    const int column = index.column();
    const bool money = column >= NetColumn && column <= VarianceColumn;
    qint64 minor = 0;
    switch (column) {
    case NetColumn:
        minor = order.netMinor;
        break;
    case SitooVatColumn:
        minor = order.sitooVatMinor;
        break;
    case ExpectedVatColumn:
        minor = order.expectedVatMinor;
        break;
    case VarianceColumn:
        minor = order.varianceMinor();
        break;
    default:
        break;
    }

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case OrderedColumn:
            return QLocale().toString(order.orderedAtLocal, QLocale::ShortFormat);
        case OrderColumn:
            return tr("Order %1").arg(order.sitooOrderId);
        case StateColumn:
            return stateTitle(order.state);
        case ExceptionColumn: {
            if (order.exceptionKinds.isEmpty())
                return tr("None");
            QStringList titles;
            for (const QString &code : order.exceptionKinds) {
                const auto kind = ExceptionKinds::fromCode(code);
                titles << (kind ? ExceptionKinds::title(*kind) : code);
            }
            return titles.join(QStringLiteral(", "));
        }
        default:
            return money ? QVariant(Money(minor, Currency::of(order.currency)).toDisplayString(QLocale()))
                         : QVariant();
        }
    case Qt::TextAlignmentRole:
        return money ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == ExceptionColumn && order.exceptionId != 0)
            return tr("Double-click to open the exception in the queue.");
        if (column == VarianceColumn)
            return tr("VAT charged by the till − VAT the rate gives on the net");
        return {};
    case MinorRole:
        return money ? QVariant(minor) : QVariant();
    case VarianceRole:
        return column == VarianceColumn && order.varianceMinor() != 0;
    case ExceptionIdRole:
        return order.exceptionId;
    case OrderIdRole:
        return order.orderId;
    default:
        return {};
    }
}

QVariant TaxVarianceOrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section >= NetColumn && section <= VarianceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrderedColumn:
        return tr("Ordered (store time)");
    case OrderColumn:
        return tr("Sitoo order");
    case StateColumn:
        return tr("State");
    case NetColumn:
        return tr("Net at this rate");
    case SitooVatColumn:
        return tr("VAT charged");
    case ExpectedVatColumn:
        return tr("VAT at the rate");
    case VarianceColumn:
        return tr("Variance");
    case ExceptionColumn:
        return tr("Exception");
    }
    return {};
}

} // namespace Tillbridge::Core
