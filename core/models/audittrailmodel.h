// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace Tillbridge::Core {

/** A readable name for an audit action code ("schema.migrated" → "Cache schema updated"); the code if unknown. */
QString auditActionTitle(const QString &actionCode);

/**
 * The audit trail, newest first, paged from SQL with a keyset (seq) so that a trail of millions of entries shows
 * its first page at once and never loads whole. Filtering runs in SQL. Lives on the GUI thread and uses that
 * thread's own connection; a page is one short indexed query.
 */
class AuditTrailModel : public QAbstractTableModel
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

    /** Re-reads from the first page (after new entries were written). */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int kPageSize = 200;

Q_SIGNALS:
    /** Emitted when a page could not be read; the message is for people. */
    void loadFailed(const QString &message);

private:
    struct Row
    {
        qint64 seq = 0;
        QDateTime occurredAt;
        QString actor;
        QString action;
        QString entity;
        QString details;
        QString hash;
    };

    Result<QList<Row>> loadPage(qint64 beforeSeq) const;

    QString m_connectionName; // looked up per page: the model never keeps the connection open itself
    QString m_filterText;
    QString m_lastError;
    QList<Row> m_rows;
    bool m_atEnd = false;
    bool m_fetching = false;
};

} // namespace Tillbridge::Core
