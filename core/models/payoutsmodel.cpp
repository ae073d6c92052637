// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/payoutsmodel.h"

#include "core/money/money.h"

#include <QLocale>
#include <QMap>

namespace Tillbridge::Core {

PayoutsModel::PayoutsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PayoutsModel::setResults(const QList<ReconciliationResultRow> &rows)
{
    m_all = rows;
    // Tenders before VAT within a store-day: payouts are what this view is about.
    std::stable_sort(m_all.begin(), m_all.end(), [](const ReconciliationResultRow &a, const ReconciliationResultRow &b) {
        if (a.tradingDay != b.tradingDay)
            return a.tradingDay > b.tradingDay; // newest day first
        if (a.storeName != b.storeName)
            return QString::localeAwareCompare(a.storeName, b.storeName) < 0;
        if (a.kind != b.kind)
            return a.kind == ReconciliationKind::Tender;
        return a.item < b.item;
    });
    refilter();
}

void PayoutsModel::setOnlyVariances(bool only)
{
    if (only == m_onlyVariances)
        return;
    m_onlyVariances = only;
    refilter();
}

void PayoutsModel::setStoreId(qint64 storeId)
{
    if (storeId == m_storeId)
        return;
    m_storeId = storeId;
    refilter();
}

void PayoutsModel::refilter()
{
    beginResetModel();
    m_shown.clear();
    for (const ReconciliationResultRow &row : std::as_const(m_all)) {
        if (m_onlyVariances && row.matched)
            continue;
        if (m_storeId != 0 && row.storeId != m_storeId)
            continue;
        m_shown.append(row);
    }
    endResetModel();
}

int PayoutsModel::varianceCount() const
{
    return int(std::count_if(m_all.cbegin(), m_all.cend(),
                             [](const ReconciliationResultRow &row) { return !row.matched; }));
}

QList<QPair<qint64, QString>> PayoutsModel::stores() const
{
    QMap<QString, qint64> byName;
    for (const ReconciliationResultRow &row : m_all)
        byName.insert(row.storeName, row.storeId);
    QList<QPair<qint64, QString>> stores;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        stores.append({it.value(), it.key()});
    return stores;
}

int PayoutsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int PayoutsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PayoutsModel::itemTitle(const ReconciliationResultRow &row)
{
    if (row.kind == ReconciliationKind::Tender) {
        // Prima's tender codes are upper-case words ("CARD", "GIFT_CARD"): "Card", "Gift card".
        QString title = row.item.toLower().replace(u'_', u' ');
        if (!title.isEmpty())
            title[0] = title[0].toUpper();
        return title;
    }
    if (row.item == u"ALL")
        return tr("VAT (all rates)");
    return tr("VAT %1").arg(row.item);
}

QVariant PayoutsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReconciliationResultRow &row = m_shown.at(index.row());
    const int column = index.column();
    const bool money = column >= SitooColumn && column <= ToleranceColumn;

    std::optional<qint64> minor;
    switch (column) {
    case SitooColumn:
        minor = row.sitooMinor;
        break;
    case ZReportColumn:
        minor = row.zReportMinor;
        break;
    case PrimaColumn:
        minor = row.primaMinor;
        break;
    case DifferenceColumn:
        minor = row.differenceMinor;
        break;
    case ToleranceColumn:
        minor = row.toleranceMinor;
        break;
    default:
        break;
    }

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case DayColumn:
            return QLocale().toString(row.tradingDay, QLocale::ShortFormat);
        case StoreColumn:
            return row.storeName;
        case ItemColumn:
            return itemTitle(row);
        case StatusColumn:
            return row.matched ? tr("Matched") : tr("Variance");
        default:
            if (!minor)
                return QStringLiteral("–");
            return Money(*minor, Currency::of(row.currency)).toDisplayString(QLocale());
        }
    case Qt::TextAlignmentRole:
        return money ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == ZReportColumn && !minor && row.kind == ReconciliationKind::Tender)
            return tr("No Z-report covered this day: the orders were compared with Prima only.");
        if (column == StatusColumn && !row.matched)
            return tr("Beyond the tolerance of %1. Open the payout variance in the exception queue to accept or "
                      "fix it.")
                .arg(Money(row.toleranceMinor, Currency::of(row.currency)).toDisplayString(QLocale()));
        if (column == DifferenceColumn)
            return tr("Sitoo − Prima");
        return {};
    case Qt::AccessibleTextRole:
        if (column == StatusColumn)
            return row.matched ? tr("Matched") : tr("Variance beyond tolerance");
        return {};
    case MinorRole:
        return minor ? QVariant(*minor) : QVariant();
    case VarianceRole:
        if (column == StatusColumn)
            return !row.matched;
        if (column == DifferenceColumn)
            return row.differenceMinor != 0 && !row.matched;
        return false;
    case ExceptionIdRole:
        return row.exceptionId;
    case StoreIdRole:
        return row.storeId;
    default:
        return {};
    }
}

QVariant PayoutsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section >= SitooColumn && section <= ToleranceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SitooColumn:
            return tr("The day's posted and ready orders in Sitoo");
        case ZReportColumn:
            return tr("The registers' end-of-day totals; – when no Z-report covered the day");
        case PrimaColumn:
            return tr("Prima's ledger postings of the store and day");
        case DifferenceColumn:
            return tr("Sitoo − Prima");
        case ToleranceColumn:
            return tr("The largest difference that still counts as matched");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DayColumn:
        return tr("Trading day");
    case StoreColumn:
        return tr("Store");
    case ItemColumn:
        return tr("Tender");
    case SitooColumn:
        return tr("Sitoo");
    case ZReportColumn:
        return tr("Z-report");
    case PrimaColumn:
        return tr("Prima");
    case DifferenceColumn:
        return tr("Difference");
    case ToleranceColumn:
        return tr("Tolerance");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace Tillbridge::Core
