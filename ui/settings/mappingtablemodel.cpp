// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/mappingtablemodel.h"

#include <QLocale>

namespace Tillbridge::Ui {

MappingTableModel::MappingTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MappingTableModel::setMappings(Core::MappingKind kind, const QList<Core::Mapping> &mappings)
{
    beginResetModel();
    m_kind = kind;
    m_mappings = mappings;
    endResetModel();
}

int MappingTableModel::rowOfKey(const QString &key) const
{
    for (int row = 0; row < m_mappings.size(); ++row) {
        if (m_mappings.at(row).sourceKey == key)
            return row;
    }
    return -1;
}

int MappingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
}

int MappingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Mapping &mapping = m_mappings.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (Column(index.column())) {
        case KeyColumn:
            return m_kind == Core::MappingKind::TaxRate ? tr("%1 %").arg(mapping.sourceKey) : mapping.sourceKey;
        case TargetColumn:
            return mapping.target;
        case UpdatedByColumn:
            return mapping.updatedBy;
        case UpdatedAtColumn:
            return QLocale().toString(mapping.updatedAt.toLocalTime(), QLocale::ShortFormat);
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::EditRole && index.column() == KeyColumn)
        return mapping.sourceKey;
    return {};
}

QVariant MappingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KeyColumn:
        return keyTitle(m_kind);
    case TargetColumn:
        return targetTitle(m_kind);
    case UpdatedByColumn:
        return tr("Changed by");
    case UpdatedAtColumn:
        return tr("Changed");
    case ColumnCount:
        break;
    }
    return {};
}

QString MappingTableModel::keyTitle(Core::MappingKind kind)
{
    switch (kind) {
    case Core::MappingKind::Store:
        return tr("Sitoo store id");
    case Core::MappingKind::TaxRate:
        return tr("VAT rate");
    case Core::MappingKind::PaymentMethod:
        return tr("Sitoo payment method");
    case Core::MappingKind::Promotion:
        return tr("Sitoo voucher or campaign code");
    case Core::MappingKind::RefundReason:
        return tr("Sitoo refund reason");
    }
    return {};
}

QString MappingTableModel::targetTitle(Core::MappingKind kind)
{
    switch (kind) {
    case Core::MappingKind::Store:
        return tr("Prima location");
    case Core::MappingKind::TaxRate:
        return tr("Prima tax code");
    case Core::MappingKind::PaymentMethod:
        return tr("Prima tender");
    case Core::MappingKind::Promotion:
        return tr("Prima promotion code");
    case Core::MappingKind::RefundReason:
        return tr("Disposition");
    }
    return {};
}

QString MappingTableModel::kindTitle(Core::MappingKind kind)
{
    switch (kind) {
    case Core::MappingKind::Store:
        return tr("Stores → Prima locations");
    case Core::MappingKind::TaxRate:
        return tr("VAT rates → Prima tax codes");
    case Core::MappingKind::PaymentMethod:
        return tr("Payment methods → Prima tenders");
    case Core::MappingKind::Promotion:
        return tr("Vouchers → Prima promotions");
    case Core::MappingKind::RefundReason:
        return tr("Refund reasons → dispositions");
    }
    return {};
}

} // namespace Tillbridge::Ui
