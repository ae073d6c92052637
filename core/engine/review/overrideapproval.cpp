// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/review/overrideapproval.h"

#include "core/domain/auditevent.h"
#include "core/engine/orderrouter.h"
#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/userrepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OverrideApproval", text);
}

bool samePerson(const QString &a, const QString &b)
{
    // As the repository and the trigger see it: case and surrounding spaces do not make a second person.
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

/** "account:orderid" back into its parts; empty when it is not an order entity id. */
std::optional<std::pair<QString, qint64>> orderOfEntity(const ExceptionRecord &exception)
{
    if (exception.entityType != u"order")
        return std::nullopt;
    const qsizetype colon = exception.entityId.lastIndexOf(u':');
    bool ok = false;
    const qint64 orderId = exception.entityId.mid(colon + 1).toLongLong(&ok);
    if (colon <= 0 || !ok)
        return std::nullopt;
    return std::pair{exception.entityId.left(colon), orderId};
}
} // namespace

struct OverrideApproval::Checker
{
    User user;
    ExceptionRecord exception;
};

OverrideApproval::OverrideApproval(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool OverrideApproval::isOverridable(ExceptionKind kind)
{
    // Figures a person can judge and accept; an unmapped code or unknown SKU would post a wrong document.
    return kind == ExceptionKind::TaxVariance || kind == ExceptionKind::TotalsMismatch
           || kind == ExceptionKind::TaxRoundingMethod;
}

Status OverrideApproval::propose(qint64 exceptionId, const QString &preparer, const QString &reason)
{
    auto exception = ExceptionRepository(m_db).load(exceptionId);
    if (!exception)
        return exception.error();
    if (!isOverridable(exception->kind) || !orderOfEntity(*exception)) {
        return Error{ErrorCode::InvalidInput,
                     tr("An exception of kind %1 cannot be overridden: fix it where it comes from (a mapping, the "
                        "catalogue) and retry the order instead.")
                         .arg(ExceptionKinds::code(exception->kind))};
    }
    auto user = UserRepository(m_db).find(preparer.trimmed());
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->active) {
        return Error{ErrorCode::PermissionDenied,
                     tr("\"%1\" has no active Tillbridge account; an override is proposed by a signed-in person.")
                         .arg(preparer)};
    }
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    if (auto marked = ExceptionRepository(m_db).markOverride(tx, exceptionId, (*user)->username, reason); !marked)
        return marked;
    return tx.commit();
}

Status OverrideApproval::refuse(qint64 exceptionId, const ExceptionRecord *exception, const QString &approver,
                                const QString &refusal, const QString &message)
{
    // The refused attempt is evidence for the auditor, so it is written even though nothing else is.
    DbTransaction tx(m_db);
    AuditEvent event;
    event.actor = approver.trimmed().isEmpty() ? QStringLiteral("(unnamed)") : approver.trimmed();
    event.action = QStringLiteral("exception.approval-refused");
    event.entityType = QStringLiteral("exception");
    event.entityId = QString::number(exceptionId);
    event.details = QJsonObject{{QStringLiteral("refusal"), refusal},
                                {QStringLiteral("checker"), approver},
                                {QStringLiteral("kind"), exception ? ExceptionKinds::code(exception->kind) : QString()},
                                {QStringLiteral("maker"), exception ? exception->madeBy : QString()}};
    if (!tx.isActive() || !AuditChain::append(tx, event).ok() || !tx.commit().ok())
        qCWarning(lcAudit) << "override approval: the refusal of exception" << exceptionId << "was not audited";
    return Error{ErrorCode::PermissionDenied, message};
}

Result<OverrideApproval::Checker> OverrideApproval::signInChecker(qint64 exceptionId, const QString &approver,
                                                                  const QString &password, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A decision on an override needs a reason.")};
    auto exception = ExceptionRepository(m_db).load(exceptionId);
    if (!exception)
        return exception.error();
    auto user = UserRepository(m_db).verify(approver, password);
    if (!user) {
        return refuse(exceptionId, &*exception, approver, QStringLiteral("sign-in"),
                      tr("The user name or password is not right; nothing was decided."))
            .error();
    }
    if (user->role == UserRole::Preparer) {
        return refuse(exceptionId, &*exception, user->username, QStringLiteral("role"),
                      tr("%1 is a preparer. An override is approved or rejected by an approver or an administrator.")
                          .arg(user->displayName.isEmpty() ? user->username : user->displayName))
            .error();
    }
    return Checker{*user, *exception};
}

Result<ReviewedOrder> OverrideApproval::approve(qint64 exceptionId, const QString &approver, const QString &password,
                                                const QString &reason)
{
    auto checker = signInChecker(exceptionId, approver, password, reason);
    if (!checker)
        return checker.error();
    const ExceptionRecord &exception = checker->exception;
    const QString checkerName = checker->user.username;
    if (exception.madeBy.isEmpty()) {
        return Error{ErrorCode::InvalidInput,
                     tr("Nobody has proposed an override of exception %1 yet; a preparer proposes it first.")
                         .arg(exceptionId)};
    }
    if (samePerson(checkerName, exception.madeBy)) {
        return refuse(exceptionId, &exception, checkerName, QStringLiteral("maker-checker"),
                      tr("%1 proposed this override, so someone else must approve it (maker-checker).")
                          .arg(exception.madeBy))
            .error();
    }

    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    if (auto approved = ExceptionRepository(m_db).approveOverride(tx, exceptionId, checkerName, reason); !approved)
        return approved.error();

    // The override accepts the kind for this order: validate it again and release it if nothing else blocks.
    ReviewedOrder reviewed;
    if (const auto order = orderOfEntity(exception)) {
        auto stored = OrderRepository(m_db).findBySitooId(order->first, order->second);
        if (!stored)
            return stored.error();
        if (stored->has_value() && (*stored)->state == PosOrderState::Quarantined) {
            QuarantineReview review(m_db);
            if (auto refreshed = review.refreshReferenceData(); !refreshed)
                return refreshed.error();
            auto revalidated =
                review.revalidate(tx, **stored, checkerName,
                                  tr("Validated again after %1 approved the override of %2 proposed by %3.")
                                      .arg(checkerName, ExceptionKinds::code(exception.kind), exception.madeBy));
            if (!revalidated)
                return revalidated.error();
            reviewed = *revalidated;
        } else if (stored->has_value()) {
            reviewed = ReviewedOrder{(*stored)->id, order->first, order->second,
                                     (*stored)->state != PosOrderState::Quarantined, {}, {}};
        }
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return reviewed;
}

Status OverrideApproval::reject(qint64 exceptionId, const QString &approver, const QString &password,
                                const QString &reason)
{
    auto checker = signInChecker(exceptionId, approver, password, reason);
    if (!checker)
        return checker.error();
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    // Closed as rejected: the order stays quarantined, and re-validation keeps the kind blocking without raising it
    // again (OrderRouter).
    if (auto rejected = ExceptionRepository(m_db).reject(tx, exceptionId, reason, checker->user.username); !rejected)
        return rejected;
    return tx.commit();
}

} // namespace Tillbridge::Core
