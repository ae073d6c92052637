// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closetypes.h"
#include "core/storage/userrepository.h"

#include <QSqlDatabase>

namespace Tillbridge::Core {

/**
 * The month-end close (product.md step 8): the checklist of a period with its gates computed from data
 * (CloseChecklist), a sign-off per gate and for the period, the period lock, and re-opening with maker-checker.
 *
 * Rules: a gate can be signed only while its data passes and its dependencies are signed; the period can be signed
 * only when every gate is signed and still passes; the lock needs the period's sign-off and passing gates. Signing
 * takes an active local account (users table); signing the period, locking and deciding a re-open take an approver
 * or an administrator. Re-opening is requested by one person and approved by another: the service refuses the same
 * person with a readable message (and audits the refused attempt), and the database refuses it too (the CHECK and
 * triggers of migration 9). A re-open supersedes every sign-off of the period.
 *
 * Every change commits with its audit event ("close.gate-signed", "close.period-signed", "close.period-locked",
 * "close.reopen-requested", "close.reopen-refused", "close.reopen-rejected", "close.period-reopened").
 */
class CloseService
{
public:
    explicit CloseService(QSqlDatabase db);

    /** The period's gates as the data says now, with sign-offs, blocking dependencies, lock and re-open requests. */
    Result<CloseStatus> status(const QString &period) const;

    Status signGate(const QString &period, CloseGate gate, const QString &username, const QString &comment);
    Status signPeriod(const QString &period, const QString &username, const QString &comment);
    Status lock(const QString &period, const QString &username);

    /** Asks for a locked period to be re-opened; returns the request id. */
    Result<qint64> requestReopen(const QString &period, const QString &username, const QString &reason);
    /** Approves a pending request and re-opens the period: only by someone other than the requester. */
    Status approveReopen(qint64 requestId, const QString &approver, const QString &comment);
    /** Declines a pending request (also only by someone else); the period stays locked. */
    Status rejectReopen(qint64 requestId, const QString &approver, const QString &reason);

private:
    Result<User> activeUser(const QString &username, bool approverNeeded) const;
    Result<ReopenRequest> loadRequest(qint64 id) const;
    Status decideReopen(qint64 requestId, const QString &approver, const QString &comment, bool approve);

    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
