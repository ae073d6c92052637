// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/models/pagedtablemodel.h"
#include "core/result.h"
#include "core/storage/exceptionrepository.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>

namespace Tillbridge::Core {

/** The queue's age buckets (how long an exception has waited). */
enum class ExceptionAge { Any, UnderOneHour, UnderOneDay, OneToSevenDays, OverSevenDays };

/**
 * The exception queue, oldest first (the one that has waited longest is worked first). The rows stay in SQL: the
 * model counts the matches and reads the pages the view shows (PagedTableModel), so a queue of a million exceptions
 * shows its first rows, jumps to its last and filters with a few short indexed queries. Every filter — kind, owner
 * team, store, state, age, free text — runs in SQL with bound values. Lives on the GUI thread with that thread's
 * connection.
 */
class ExceptionQueueModel : public PagedTableModel<ExceptionRecord, ExceptionPageKey>
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
    /** The filter as the queries see it: the age bucket turned into created_at bounds. */
    ExceptionFilter effectiveFilter() const;

    /** The row of exception @p id under the current filter (its page is read), or -1 if it does not match. */
    int rowOf(qint64 id) const;
    const ExceptionRecord &recordAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "45 min", "5 h", "3 d": how long an exception has waited, for people. */
    static QString ageText(const QDateTime &since, const QDateTime &now);

    /** An exception's state as the queue shows it: "Open", "Resolved automatically", … */
    static QString stateTitle(ExceptionState state);

private:
    void prepareReload() override;
    Result<std::optional<qint64>> countRows() const override;
    Result<QList<ExceptionRecord>> readRows(const PageRequest<ExceptionPageKey> &request) const override;
    ExceptionPageKey keyOf(const ExceptionRecord &record) const override;

    QString m_connectionName; // looked up per page: the model never keeps the connection open itself
    ExceptionFilter m_filter;
    ExceptionAge m_age = ExceptionAge::Any;
    QDateTime m_now; ///< ages are measured against the time of the last reload, so a page does not shift
    QHash<qint64, QString> m_storeNames;
};

} // namespace Tillbridge::Core
