// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/mappingrepository.h"

#include <QAbstractTableModel>

namespace Tillbridge::Ui {

/** The mappings of one kind (a handful to a few hundred rows, read whole): Sitoo key, Prima target, who, when. */
class MappingTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, TargetColumn, UpdatedByColumn, UpdatedAtColumn, ColumnCount };

    explicit MappingTableModel(QObject *parent = nullptr);

    void setMappings(Core::MappingKind kind, const QList<Core::Mapping> &mappings);
    Core::MappingKind kind() const { return m_kind; }
    const Core::Mapping &mappingAt(int row) const { return m_mappings.at(row); }
    int rowOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "Sitoo payment method", … — the source column's name for a kind. */
    static QString keyTitle(Core::MappingKind kind);
    /** "Prima tender", … — the target column's name for a kind. */
    static QString targetTitle(Core::MappingKind kind);
    /** "Payment methods → Prima tenders", … */
    static QString kindTitle(Core::MappingKind kind);

private:
    Core::MappingKind m_kind = Core::MappingKind::Store;
    QList<Core::Mapping> m_mappings;
};

} // namespace Tillbridge::Ui
