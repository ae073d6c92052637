// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/result.h"
#include "core/storage/pagerequest.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** What ExceptionRepository::raise() did. */
enum class ExceptionRaise {
    Raised,      ///< a new exception, with its history row and audit event
    AlreadyOpen, ///< the same problem is open already with the same explanation and figures: nothing written
    Refreshed,   ///< open already, but the explanation or figures changed: updated, with history and audit
};

/** The outcome of ExceptionRepository::raise(). */
struct ExceptionRaiseResult
{
    ExceptionRaise outcome = ExceptionRaise::Raised;
    qint64 id = 0;
};

/** One row of an exception's history: every transition, who made it and why. */
struct ExceptionHistoryEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    std::optional<ExceptionState> fromState; ///< empty for the row that raised it
    ExceptionState toState = ExceptionState::Open;
    QString note;
};

/** What the exception queue shows; every criterion is applied in SQL with bound values. Empty means "any". */
struct ExceptionFilter
{
    QList<ExceptionKind> kinds;
    std::optional<OwnerTeam> owner;
    std::optional<qint64> storeId;
    QList<ExceptionState> states;
    bool blockingOnly = false;
    QDateTime createdFrom;   ///< inclusive; invalid: no lower bound (for age buckets)
    QDateTime createdBefore; ///< exclusive; invalid: no upper bound
    QString text; ///< matched literally (no wildcards) in the explanation, the entity id and the assignee
};

/** A keyset position in the queue, which is ordered by (created_at, id). */
struct ExceptionPageKey
{
    QString createdAt; ///< as stored: "YYYY-MM-DDTHH:MM:SS.sssZ"
    qint64 id = 0;
};

/** How many exceptions one owner team has in one state. */
struct ExceptionCount
{
    OwnerTeam owner = OwnerTeam::Finance;
    ExceptionState state = ExceptionState::Open;
    qint64 count = 0;
};

/**
 * The exception queue in the cache (product.md "Exception kinds"): raise, work and close exceptions, each transition
 * with an exception_history row and an audit event in the caller's transaction.
 *
 * States: open → assigned → resolved | approved | rejected | auto-resolved. The four closed states are final (a
 * trigger holds that too). An override is a two-person action (reliability.md §4.3): markOverride() records the
 * maker, approveOverride() the checker, who must be someone else. The database enforces that with the CHECK of
 * migration 2 and the maker-checker triggers of migration 5; the repository says so first, with a message for
 * people, and audits the refused attempt.
 *
 * De-duplication: at most one open (or assigned) exception exists per entity and kind (a partial unique index).
 * Raising the same problem again is a no-op when nothing changed, and refreshes the explanation and figures
 * otherwise; a refresh withdraws a pending override, because the checker would otherwise approve figures the maker
 * never saw.
 *
 * Every write is atomic on its own (a savepoint): on failure nothing of it stays in the transaction.
 */
class ExceptionRepository
{
public:
    explicit ExceptionRepository(QSqlDatabase db);

    /**
     * Raises an exception in state open (the record's id, state and assignment are ignored; an invalid createdAt
     * means now). See the class comment for de-duplication. Audited as "exception.raised" or
     * "exception.refreshed".
     */
    Result<ExceptionRaiseResult> raise(DbTransaction &tx, const ExceptionRecord &record,
                                       const QString &actor = QStringLiteral("system"));

    /** open|assigned → assigned to @p assignee. Assigning it to the same person again writes nothing. */
    Status assign(DbTransaction &tx, qint64 id, const QString &assignee, const QString &actor);

    /** open|assigned → resolved (the problem was fixed, e.g. a mapping was added). A reason is required. */
    Status resolve(DbTransaction &tx, qint64 id, const QString &reason, const QString &actor);

    /**
     * Proposes an override (post it as it is): records @p maker as made_by; the state does not change. Refused when
     * an override is pending already. Audited as "exception.override-proposed".
     */
    Status markOverride(DbTransaction &tx, qint64 id, const QString &maker, const QString &reason);

    /**
     * open|assigned → approved by @p approver, the checker of the pending override. Refused with
     * ErrorCode::PermissionDenied when the approver made the override (or is the engine's "system" account); the
     * refused attempt is then audited as "exception.approval-refused" and that event is the only thing written to
     * the transaction, so the caller may commit it. Audited as "exception.approved" with maker and checker.
     */
    Status approveOverride(DbTransaction &tx, qint64 id, const QString &approver, const QString &reason);

    /** open|assigned → rejected (the order will not be posted as it is). A reason is required. */
    Status reject(DbTransaction &tx, qint64 id, const QString &reason, const QString &actor);

    /**
     * Closes the open exception of this kind for this entity as auto-resolved (re-validation found the problem
     * gone), as "system". Returns whether there was one.
     */
    Result<bool> autoResolve(DbTransaction &tx, const QString &entityType, const QString &entityId,
                             ExceptionKind kind, const QString &reason);

    /** One exception; NotFound if there is none. */
    Result<ExceptionRecord> load(qint64 id) const;

    /** The open and assigned exceptions of an entity, oldest first. */
    Result<QList<ExceptionRecord>> openForEntity(const QString &entityType, const QString &entityId) const;

    /**
     * What people decided about an entity's exceptions, per kind: Approved (an override was approved, so the kind is
     * accepted for this entity) or Rejected (it will not be posted as it is). The newest decision of a kind counts.
     */
    Result<QMap<ExceptionKind, ExceptionState>> decisionsForEntity(const QString &entityType,
                                                                   const QString &entityId) const;

    /** The history of one exception, oldest first. */
    Result<QList<ExceptionHistoryEntry>> history(qint64 id) const;

    /**
     * Up to @p limit exceptions matching @p filter after @p after in (created_at, id) order: pass keyOf() of the
     * last row of the previous page, or nothing for the first page.
     */
    Result<QList<ExceptionRecord>> page(const ExceptionFilter &filter, const std::optional<ExceptionPageKey> &after,
                                        int limit) const;
    /** One page anywhere in the queue: after or before a row, or skipping rows from either end. */
    Result<QList<ExceptionRecord>> page(const ExceptionFilter &filter,
                                        const PageRequest<ExceptionPageKey> &request) const;
    /** How many exceptions matching @p filter come before @p key in the queue's order: the row it is on. */
    Result<qint64> position(const ExceptionFilter &filter, const ExceptionPageKey &key) const;

    /** How many exceptions match @p filter (the queue's "N exceptions"). */
    Result<qint64> count(const ExceptionFilter &filter) const;

    /** The number of exceptions per owner team and state (only combinations that occur). */
    Result<QList<ExceptionCount>> countsByOwnerAndState() const;

    /** The keyset position of a row, for page(). */
    static ExceptionPageKey keyOf(const ExceptionRecord &record);

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
