// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/engine/review/quarantinereview.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Core {

/**
 * Override approval with maker-checker (reliability.md §4.3): a preparer proposes to post an order as it is despite
 * a finance exception (TAX_VARIANCE, TOTALS_MISMATCH, TAX_ROUNDING_METHOD); a second person with the Approver or
 * Admin role signs in with their password and approves or rejects it.
 *
 * On approval the order is validated again with that kind accepted for it, and released when nothing else blocks.
 * A rejection closes the exception as rejected and keeps the order quarantined.
 *
 * Refusals (wrong password, wrong role, approving one's own override) are said here in words a finance person can
 * act on, before the database's maker-checker CHECK and triggers would refuse the write, and each refusal is audited
 * as "exception.approval-refused". The database rules still hold for anything that bypasses this class.
 */
class OverrideApproval
{
public:
    explicit OverrideApproval(QSqlDatabase db);

    /** Kinds a person may accept by override; anything else is fixed at its source (a mapping, the catalogue). */
    static bool isOverridable(ExceptionKind kind);

    /** @p preparer (an active account) proposes the override of exception @p exceptionId, with a reason. */
    Status propose(qint64 exceptionId, const QString &preparer, const QString &reason);

    /**
     * The checker signs in (@p approver, @p password) and approves; the order is re-validated with the kind
     * accepted and released if nothing else blocks it. Returns what happened to the order.
     */
    Result<ReviewedOrder> approve(qint64 exceptionId, const QString &approver, const QString &password,
                                  const QString &reason);

    /** The checker signs in and rejects: the exception closes as rejected, the order stays quarantined. */
    Status reject(qint64 exceptionId, const QString &approver, const QString &password, const QString &reason);

private:
    struct Checker;
    Result<Checker> signInChecker(qint64 exceptionId, const QString &approver, const QString &password,
                                  const QString &reason);
    Status refuse(qint64 exceptionId, const ExceptionRecord *exception, const QString &approver,
                  const QString &refusal, const QString &message);

    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
