// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/result.h"
#include "core/storage/exceptionrepository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace Tillbridge::Core {

/** The queue's age buckets (how long an exception has waited). */
enum class ExceptionAge { Any, UnderOneHour, UnderOneDay, OneToSevenDays, OverSevenDays };

/**
 * The exception queue, oldest first (the one that has waited longest is worked first), paged from SQL with a keyset
 * (created_at, id) so that a queue of a million exceptions shows its first page at once. Every filter — kind, owner
 * team, store, state, age, free text — runs in SQL with bound values. Lives on the GUI thread with that thread's
 * connection; a page is one short indexed query.
 */
class ExceptionQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AgeColumn,
        KindColumn,
        OwnerColumn,
        StoreColumn,
        ReferenceColumn,
        ExplanationColumn,
        StateColumn,
        AssigneeColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 exception id
        KindCodeRole,              ///< "TOTALS_MISMATCH"
        StateCodeRole,             ///< "open"
        BlockingRole,              ///< bool
        EntityIdRole,              ///< "90002:20013"
        MadeByRole,                ///< maker of a pending override, or empty
    };

    explicit ExceptionQueueModel(QSqlDatabase db, QObject *parent = nullptr);

    /** The filter in use; states default to the ones still to be worked (open, assigned). */
    ExceptionFilter filter() const { return m_filter; }
    void setFilter(const ExceptionFilter &filter);
    /** Sets the age bucket (measured from now) on top of the filter. */
    void setAge(ExceptionAge age);
    ExceptionAge age() const { return m_age; }

    /** Re-reads from the first page (after the engine or a person changed something). */
    void reload();
    /** Matching exceptions in the cache (not only the rows loaded so far). */
    qint64 totalCount() const { return m_total; }
    /** The row holding exception @p id, or -1 if it is not loaded. */
    int rowOf(qint64 id) const;
    const ExceptionRecord &recordAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int kPageSize = 200;

    /** "45 min", "5 h", "3 d": how long an exception has waited, for people. */
    static QString ageText(const QDateTime &since, const QDateTime &now);

Q_SIGNALS:
    void loadFailed(const QString &message);
    /** After a reload: how many match. */
    void totalChanged(qint64 total);

private:
    ExceptionFilter effectiveFilter() const;
    Result<QList<ExceptionRecord>> loadPage(const std::optional<ExceptionPageKey> &after) const;

    QString m_connectionName; // looked up per page: the model never keeps the connection open itself
    ExceptionFilter m_filter;
    ExceptionAge m_age = ExceptionAge::Any;
    QDateTime m_now; ///< ages are measured against the time of the last reload, so a page does not shift
    QList<ExceptionRecord> m_rows;
    QHash<qint64, QString> m_storeNames;
    qint64 m_total = 0;
    bool m_atEnd = false;
    bool m_fetching = false;
};

} // namespace Tillbridge::Core
