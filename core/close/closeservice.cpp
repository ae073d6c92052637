// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/close/closeservice.h"

#include "core/close/closechecklist.h"
#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::CloseService", text);
}

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "close:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The close could not be recorded (%1): %2").arg(QLatin1StringView(tag), query.lastError().text())};
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

Status audit(DbTransaction &tx, const QString &actor, const QString &action, const QString &entityId,
             const QJsonObject &details)
{
    AuditEvent event;
    event.actor = actor;
    event.action = action;
    event.entityType = QStringLiteral("period");
    event.entityId = entityId;
    event.details = details;
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return Status::success();
}

bool samePerson(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

/** Makes sure the period has its row (open) so that signing and locking have something to point at. */
Status ensurePeriodRow(QSqlQuery &query, const QString &period)
{
    if (!run(query,
             QStringLiteral("INSERT INTO close_periods (period, state, updated_at) VALUES (?, 'open', ?) "
                            "ON CONFLICT (period) DO NOTHING"),
             {period, dbTime(QDateTime::currentDateTimeUtc())}))
        return dbError(query, "period row");
    return Status::success();
}

} // namespace

CloseService::CloseService(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<User> CloseService::activeUser(const QString &username, bool approverNeeded) const
{
    auto users = UserRepository(m_db).all();
    if (!users)
        return users.error();
    for (const User &user : *users) {
        if (!samePerson(user.username, username))
            continue;
        if (!user.active)
            return Error{ErrorCode::PermissionDenied, tr("The account %1 is disabled.").arg(user.username)};
        if (approverNeeded && user.role == UserRole::Preparer) {
            return Error{ErrorCode::PermissionDenied,
                         tr("%1 is a preparer; signing off a period, locking it and deciding a re-open take an "
                            "approver.")
                             .arg(user.username)};
        }
        return user;
    }
    return Error{ErrorCode::PermissionDenied, tr("There is no local account named %1.").arg(username)};
}

Result<CloseStatus> CloseService::status(const QString &periodCode) const
{
    auto period = ClosePeriod::parse(periodCode);
    if (!period)
        return period.error();
    auto gates = CloseChecklist(m_db).evaluate(*period);
    if (!gates)
        return gates.error();
    CloseStatus status;
    status.period = *period;
    status.gates = *gates;

    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT id, gate, signed_by, signed_at, comment, evidence FROM close_signoffs "
                            "WHERE period = ? AND superseded_at IS NULL"),
             {period->code}))
        return dbError(query, "sign-offs");
    while (query.next()) {
        CloseSignoff signoff;
        signoff.id = query.value(0).toLongLong();
        signoff.gate = query.value(1).toString();
        signoff.signedBy = query.value(2).toString();
        signoff.signedAt = fromDbTime(query.value(3));
        signoff.comment = query.value(4).toString();
        signoff.evidence = QJsonDocument::fromJson(query.value(5).toByteArray()).object();
        if (signoff.gate == periodSignoffCode()) {
            status.periodSignoff = signoff;
            continue;
        }
        for (GateEvaluation &gate : status.gates) {
            if (CloseGates::code(gate.gate) == signoff.gate)
                gate.signoff = signoff;
        }
    }
    for (GateEvaluation &gate : status.gates) {
        for (const CloseGate dependency : CloseGates::dependencies(gate.gate)) {
            const GateEvaluation *other = status.gate(dependency);
            if (!other || !other->signoff)
                gate.blockedBy.append(dependency);
        }
    }
    if (!run(query, QStringLiteral("SELECT state, locked_by, locked_at FROM close_periods WHERE period = ?"),
             {period->code}))
        return dbError(query, "period");
    if (query.next()) {
        status.locked = query.value(0).toString() == u"locked";
        status.lockedBy = query.value(1).toString();
        status.lockedAt = fromDbTime(query.value(2));
    }
    if (!run(query,
             QStringLiteral("SELECT id, requested_by, requested_at, reason, state, decided_by, decided_at "
                            "FROM close_reopen_requests WHERE period = ? ORDER BY id"),
             {period->code}))
        return dbError(query, "re-open requests");
    while (query.next()) {
        ReopenRequest request;
        request.id = query.value(0).toLongLong();
        request.period = period->code;
        request.requestedBy = query.value(1).toString();
        request.requestedAt = fromDbTime(query.value(2));
        request.reason = query.value(3).toString();
        request.state = query.value(4).toString();
        request.decidedBy = query.value(5).toString();
        request.decidedAt = fromDbTime(query.value(6));
        status.reopenRequests.append(request);
    }
    return status;
}

Status CloseService::signGate(const QString &period, CloseGate gate, const QString &username, const QString &comment)
{
    auto user = activeUser(username, false);
    if (!user)
        return user.error();
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto current = status(period);
    if (!current)
        return current.error();
    if (current->locked)
        return Error{ErrorCode::PermissionDenied, tr("%1 is locked; nothing in it can be signed.").arg(period)};
    const GateEvaluation *evaluation = current->gate(gate);
    if (!evaluation->blockedBy.isEmpty()) {
        QStringList titles;
        for (const CloseGate dependency : evaluation->blockedBy)
            titles.append(CloseGates::title(dependency));
        return Error{ErrorCode::PermissionDenied, tr("\"%1\" can be signed once these are signed: %2.")
                                                      .arg(CloseGates::title(gate), titles.join(QStringLiteral(", ")))};
    }
    if (!evaluation->passes) {
        return Error{ErrorCode::PermissionDenied, tr("\"%1\" cannot be signed while its data says it fails: %2")
                                                      .arg(CloseGates::title(gate), evaluation->explanation)};
    }
    if (evaluation->signoff) {
        return Error{ErrorCode::InvalidInput, tr("\"%1\" was signed already by %2.")
                                                  .arg(CloseGates::title(gate), evaluation->signoff->signedBy)};
    }
    QSqlQuery query(m_db);
    if (auto status = ensurePeriodRow(query, period); !status)
        return status;
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    const QByteArray evidence = QJsonDocument(evaluation->evidence).toJson(QJsonDocument::Compact);
    if (!run(query,
             QStringLiteral("INSERT INTO close_signoffs (period, gate, signed_by, signed_at, comment, evidence) "
                            "VALUES (?, ?, ?, ?, ?, ?)"),
             {period, CloseGates::code(gate), user->username, now, comment, QString::fromUtf8(evidence)}))
        return dbError(query, "sign gate");
    if (auto status = audit(tx, user->username, QStringLiteral("close.gate-signed"), period,
                            {{QStringLiteral("gate"), CloseGates::code(gate)},
                             {QStringLiteral("comment"), comment},
                             {QStringLiteral("evidence"), evaluation->evidence}});
        !status)
        return status;
    return tx.commit();
}

Status CloseService::signPeriod(const QString &period, const QString &username, const QString &comment)
{
    auto user = activeUser(username, true);
    if (!user)
        return user.error();
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto current = status(period);
    if (!current)
        return current.error();
    if (current->locked)
        return Error{ErrorCode::PermissionDenied, tr("%1 is locked already.").arg(period)};
    if (current->periodSignoff)
        return Error{ErrorCode::InvalidInput, tr("%1 was signed off already by %2.")
                                                  .arg(period, current->periodSignoff->signedBy)};
    QStringList open;
    for (const GateEvaluation &gate : current->gates) {
        if (!gate.signoff || !gate.passes)
            open.append(CloseGates::title(gate.gate));
    }
    if (!open.isEmpty()) {
        return Error{ErrorCode::PermissionDenied,
                     tr("%1 can be signed off once every gate passes and is signed; still open: %2.")
                         .arg(period, open.join(QStringLiteral(", ")))};
    }
    QSqlQuery query(m_db);
    if (auto status = ensurePeriodRow(query, period); !status)
        return status;
    if (!run(query,
             QStringLiteral("INSERT INTO close_signoffs (period, gate, signed_by, signed_at, comment) "
                            "VALUES (?, ?, ?, ?, ?)"),
             {period, periodSignoffCode(), user->username, dbTime(QDateTime::currentDateTimeUtc()), comment}))
        return dbError(query, "sign period");
    if (auto status = audit(tx, user->username, QStringLiteral("close.period-signed"), period,
                            {{QStringLiteral("comment"), comment}});
        !status)
        return status;
    return tx.commit();
}

Status CloseService::lock(const QString &period, const QString &username)
{
    auto user = activeUser(username, true);
    if (!user)
        return user.error();
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    auto current = status(period);
    if (!current)
        return current.error();
    if (current->locked)
        return Error{ErrorCode::InvalidInput, tr("%1 is locked already.").arg(period)};
    if (!current->periodSignoff)
        return Error{ErrorCode::PermissionDenied, tr("%1 needs its sign-off before it can be locked.").arg(period)};
    if (!current->allGatesPass()) {
        return Error{ErrorCode::PermissionDenied,
                     tr("%1 cannot be locked: a gate no longer passes since it was signed.").arg(period)};
    }
    QSqlQuery query(m_db);
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    if (!run(query,
             QStringLiteral("UPDATE close_periods SET state = 'locked', locked_by = ?, locked_at = ?, updated_at = ? "
                            "WHERE period = ? AND state = 'open'"),
             {user->username, now, now, period}))
        return dbError(query, "lock");
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::Database, tr("%1 could not be locked: it changed meanwhile.").arg(period)};
    if (auto status = audit(tx, user->username, QStringLiteral("close.period-locked"), period, {}); !status)
        return status;
    return tx.commit();
}

Result<qint64> CloseService::requestReopen(const QString &period, const QString &username, const QString &reason)
{
    auto user = activeUser(username, true);
    if (!user)
        return user.error();
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Say why the period must be re-opened.")};
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto current = status(period);
    if (!current)
        return current.error();
    if (!current->locked)
        return Error{ErrorCode::InvalidInput, tr("%1 is not locked.").arg(period)};
    for (const ReopenRequest &request : current->reopenRequests) {
        if (request.state == u"pending") {
            return Error{ErrorCode::InvalidInput,
                         tr("A re-open of %1 by %2 is waiting for approval already.").arg(period, request.requestedBy)};
        }
    }
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("INSERT INTO close_reopen_requests (period, requested_by, requested_at, reason, state) "
                            "VALUES (?, ?, ?, ?, 'pending')"),
             {period, user->username, dbTime(QDateTime::currentDateTimeUtc()), reason}))
        return dbError(query, "re-open request");
    const qint64 id = query.lastInsertId().toLongLong();
    if (auto status = audit(tx, user->username, QStringLiteral("close.reopen-requested"), period,
                            {{QStringLiteral("request_id"), id}, {QStringLiteral("reason"), reason}});
        !status)
        return status.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return id;
}

Result<ReopenRequest> CloseService::loadRequest(qint64 id) const
{
    QSqlQuery query(m_db);
    if (!run(query,
             QStringLiteral("SELECT id, period, requested_by, requested_at, reason, state, decided_by, decided_at "
                            "FROM close_reopen_requests WHERE id = ?"),
             {id}))
        return dbError(query, "re-open request");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("There is no re-open request %1.").arg(id)};
    ReopenRequest request;
    request.id = id;
    request.period = query.value(1).toString();
    request.requestedBy = query.value(2).toString();
    request.requestedAt = fromDbTime(query.value(3));
    request.reason = query.value(4).toString();
    request.state = query.value(5).toString();
    request.decidedBy = query.value(6).toString();
    request.decidedAt = fromDbTime(query.value(7));
    return request;
}

Status CloseService::approveReopen(qint64 requestId, const QString &approver, const QString &comment)
{
    return decideReopen(requestId, approver, comment, true);
}

Status CloseService::rejectReopen(qint64 requestId, const QString &approver, const QString &reason)
{
    return decideReopen(requestId, approver, reason, false);
}

Status CloseService::decideReopen(qint64 requestId, const QString &approver, const QString &comment, bool approve)
{
    auto request = loadRequest(requestId);
    if (!request)
        return request.error();
    if (samePerson(request->requestedBy, approver) || samePerson(approver, QStringLiteral("system"))) {
        // Maker-checker: refused, and the refused attempt itself is on the record.
        DbTransaction tx(m_db);
        if (!tx.isActive())
            return tx.beginStatus();
        if (auto status = audit(tx, approver, QStringLiteral("close.reopen-refused"), request->period,
                                {{QStringLiteral("request_id"), requestId},
                                 {QStringLiteral("requested_by"), request->requestedBy}});
            !status)
            return status;
        if (auto committed = tx.commit(); !committed)
            return committed;
        return Error{ErrorCode::PermissionDenied,
                     tr("%1 asked for %2 to be re-opened, so someone else must decide it (maker-checker).")
                         .arg(request->requestedBy, request->period)};
    }
    auto user = activeUser(approver, true);
    if (!user)
        return user.error();
    if (request->state != u"pending")
        return Error{ErrorCode::InvalidInput, tr("The re-open request was decided already (%1).").arg(request->state)};

    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    QSqlQuery query(m_db);
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    if (!run(query,
             QStringLiteral("UPDATE close_reopen_requests SET state = ?, decided_by = ?, decided_at = ? "
                            "WHERE id = ? AND state = 'pending'"),
             {approve ? QStringLiteral("approved") : QStringLiteral("rejected"), user->username, now, requestId}))
        return dbError(query, "decide re-open");
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::Database, tr("The re-open request changed meanwhile.")};
    if (!approve) {
        if (auto status = audit(tx, user->username, QStringLiteral("close.reopen-rejected"), request->period,
                                {{QStringLiteral("request_id"), requestId},
                                 {QStringLiteral("requested_by"), request->requestedBy},
                                 {QStringLiteral("reason"), comment}});
            !status)
            return status;
        return tx.commit();
    }
    if (!run(query,
             QStringLiteral("UPDATE close_periods SET state = 'open', reopen_request_id = ?, updated_at = ? "
                            "WHERE period = ? AND state = 'locked'"),
             {requestId, now, request->period}))
        return dbError(query, "re-open");
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::InvalidInput, tr("%1 is not locked.").arg(request->period)};
    if (!run(query,
             QStringLiteral("UPDATE close_signoffs SET superseded_at = ? WHERE period = ? AND superseded_at IS NULL"),
             {now, request->period}))
        return dbError(query, "supersede sign-offs");
    if (auto status = audit(tx, user->username, QStringLiteral("close.period-reopened"), request->period,
                            {{QStringLiteral("request_id"), requestId},
                             {QStringLiteral("requested_by"), request->requestedBy},
                             {QStringLiteral("approved_by"), user->username},
                             {QStringLiteral("reason"), request->reason},
                             {QStringLiteral("comment"), comment}});
        !status)
        return status;
    return tx.commit();
}

} // namespace Tillbridge::Core
