// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/pagedtablemodel.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace Tillbridge::Core {

/** A readable name for an audit action code ("schema.migrated" → "Cache schema updated"); the code if unknown. */
QString auditActionTitle(const QString &actionCode);

/** One audit trail entry as the trail shows it. */
struct AuditTrailRow
{
    qint64 seq = 0;
    QDateTime occurredAt;
    QString actor;
    QString action;
    QString entity;
    QString details;
    QString hash;
};

/**
 * The audit trail, newest first, paged from SQL with a keyset (seq) so that a trail of millions of entries shows
 * its first page at once and never loads whole (a growing PagedTableModel: counting millions of entries is not a
 * GUI-thread query). Filtering runs in SQL. Lives on the GUI thread and uses that thread's own connection; a page is
 * one short indexed query.
 */
class AuditTrailModel : public PagedTableModel<AuditTrailRow, qint64>
{
    Q_OBJECT

public:
    enum Column { SeqColumn, TimeColumn, ActorColumn, ActionColumn, EntityColumn, DetailsColumn, ColumnCount };
    enum Role {
        SeqRole = Qt::UserRole + 1, ///< qint64 position in the chain (a stable id)
        ActionCodeRole,             ///< the untranslated action code
        HashRole,                   ///< hex SHA-256 of the entry
    };

    explicit AuditTrailModel(QSqlDatabase db, QObject *parent = nullptr);

    /** Shows only entries whose action, actor, entity or details contain the text (case-insensitive). */
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Row = AuditTrailRow;

    Result<std::optional<qint64>> countRows() const override { return std::optional<qint64>(); }
    /** Newest first: the anchor is the seq of the last row shown; older entries come after it. */
    Result<QList<Row>> readRows(const PageRequest<qint64> &request) const override;
    qint64 keyOf(const Row &row) const override { return row.seq; }

    QString m_connectionName; // looked up per page: the model never keeps the connection open itself
    QString m_filterText;
};

} // namespace Tillbridge::Core
