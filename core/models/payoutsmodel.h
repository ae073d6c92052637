// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/reconciliationrepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace Tillbridge::Core {

/**
 * Payout reconciliation in memory (a month of stores × days × tenders): per store and trading day, each tender (and
 * VAT line) with Sitoo's figure, the Z-reports', Prima's, the difference, the tolerance and the status. Filters
 * ("only variances", one store) are applied in memory; the rows come from ReconciliationRepository::results().
 */
class PayoutsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DayColumn,
        StoreColumn,
        ItemColumn,
        SitooColumn,
        ZReportColumn,
        PrimaColumn,
        DifferenceColumn,
        ToleranceColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        MinorRole = Qt::UserRole + 1, ///< the money column's qint64 minor units (QVariant() when absent)
        VarianceRole,                 ///< bool: the line is beyond tolerance (or this cell is the difference of one)
        ExceptionIdRole,              ///< qint64: the PAYOUT_VARIANCE of the store-day, 0 when none
        StoreIdRole
    };

    explicit PayoutsModel(QObject *parent = nullptr);

    /** Replaces all rows (a model reset) and applies the current filters. */
    void setResults(const QList<ReconciliationResultRow> &rows);
    void setOnlyVariances(bool only);
    /** 0 = every store. */
    void setStoreId(qint64 storeId);

    const ReconciliationResultRow &rowAt(int row) const { return m_shown.at(row); }
    int totalCount() const { return int(m_all.size()); }
    int varianceCount() const;
    /** The stores of all rows (filters aside), by name. */
    QList<QPair<qint64, QString>> stores() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "Card" for a tender code, "VAT S20" for a tax code, "VAT (all rates)" for ALL. */
    static QString itemTitle(const ReconciliationResultRow &row);

private:
    void refilter();

    QList<ReconciliationResultRow> m_all;
    QList<ReconciliationResultRow> m_shown;
    bool m_onlyVariances = false;
    qint64 m_storeId = 0;
};

} // namespace Tillbridge::Core
