// SPDX-License-Identifier: GPL-3.0-or-later
// The transactional outbox: idempotent enqueue, attempts committed with the claim before anything is sent (seen from
// a second connection), crash recovery to 'unknown', adoption after a look-up, and 'posted' committed together with
// its audit event or not at all.
#include "core/storage/outboxrepository.h"

#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/orderrepository.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::execSql;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

namespace {
const QString kAccount = QStringLiteral("90001");

QString keyFor(qint64 orderId)
{
    return QStringLiteral("sitoo:%1:%2:sale:v1").arg(kAccount).arg(orderId);
}

QString refFor(qint64 orderId)
{
    return QStringLiteral("sitoo:%1:%2").arg(kAccount).arg(orderId);
}

QByteArray payloadFor(qint64 orderId)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("externalRef"), refFor(orderId)},
                                     {QStringLiteral("total"), QStringLiteral("125.00")}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class tst_OutboxRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueIsIdempotent();
    void claimCommitsAttemptsBeforeAnythingIsSent();
    void retryWaitsUntilDue();
    void markPostedPostsTheOrderWithOneAuditEvent();
    void aFailureWhilePostingLeavesNothingPartial();
    void postedRequiresADocumentNumber();
    void failedAndUnknownOutcomes();
    void crashRecoveryThenAdoptOrResend();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }
    qint64 readyOrder(qint64 sitooOrderId);
    qint64 enqueue(qint64 sitooOrderId);
    QList<OutboxClaim> claim(int limit, const QDateTime &now = QDateTime::currentDateTimeUtc());

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_OutboxRepository::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_OutboxRepository::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

qint64 tst_OutboxRepository::readyOrder(qint64 sitooOrderId)
{
    OrderRepository orders(db());
    PosOrder order;
    order.sitooAccount = kAccount;
    order.orderId = sitooOrderId;
    order.currency = Currency::of(u"SEK");
    order.orderDate = QDateTime::currentDateTimeUtc();
    order.totalGross = Money(12500, order.currency);
    const QByteArray raw = QByteArray("{\"orderid\":") + QByteArray::number(sitooOrderId) + '}';
    DbTransaction tx(db());
    auto received = orders.receive(tx, kAccount, sitooOrderId, raw,
                                   QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex(), order);
    if (!received.ok())
        return 0;
    if (!orders.setState(tx, received->posOrderId, PosOrderState::Ready, QStringLiteral("system"), {}).ok())
        return 0;
    return tx.commit().ok() ? received->posOrderId : 0;
}

qint64 tst_OutboxRepository::enqueue(qint64 sitooOrderId)
{
    const qint64 orderId = readyOrder(sitooOrderId);
    OutboxRepository outbox(db());
    DbTransaction tx(db());
    auto result = outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, keyFor(sitooOrderId),
                                 refFor(sitooOrderId), payloadFor(sitooOrderId));
    if (!result.ok() || !tx.commit().ok()) {
        qWarning() << "enqueue failed:" << result.errorString();
        return 0;
    }
    return result->outboxId;
}

QList<OutboxClaim> tst_OutboxRepository::claim(int limit, const QDateTime &now)
{
    OutboxRepository outbox(db());
    DbTransaction tx(db());
    auto claims = outbox.claimDue(tx, now, limit);
    if (!claims.ok() || !tx.commit().ok()) {
        qWarning() << "claim failed:" << claims.errorString();
        return {};
    }
    return *claims;
}

void tst_OutboxRepository::enqueueIsIdempotent()
{
    OutboxRepository outbox(db());
    const qint64 orderId = readyOrder(20001);
    DbTransaction tx(db());
    auto first = outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, keyFor(20001), refFor(20001),
                                payloadFor(20001));
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    QVERIFY(first->enqueued);
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    auto second = outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, keyFor(20001), refFor(20001),
                                 payloadFor(20001));
    QVERIFY(second.ok());
    QVERIFY(!second->enqueued);
    QCOMPARE(second->outboxId, first->outboxId);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    // The same key with another document is a bug upstream, never a silent overwrite.
    auto changed = outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, keyFor(20001), refFor(20001),
                                  QByteArrayLiteral("{\"total\":\"126.00\"}"));
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, ErrorCode::InvalidInput);
    auto sameRefNewKey = outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, keyFor(20001) + u"-2",
                                        refFor(20001), payloadFor(20001));
    QVERIFY(!sameRefNewKey.ok());
    QVERIFY(!outbox.enqueue(tx, orderId, OutboxDocumentType::SalesOrder, QStringLiteral("k"), QStringLiteral("r"),
                            QByteArrayLiteral("not json"))
                 .ok());
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM outbox"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.enqueued'"), qint64(1));
    auto entry = outbox.load(first->outboxId);
    QCOMPARE(entry->state, OutboxState::Pending);
    QCOMPARE(entry->payload, payloadFor(20001));
    QCOMPARE(outbox.findByKey(keyFor(20001))->value().id, first->outboxId);
}

void tst_OutboxRepository::claimCommitsAttemptsBeforeAnythingIsSent()
{
    for (qint64 id = 20001; id <= 20003; ++id)
        QVERIFY(enqueue(id) > 0);
    // A second connection stands for the fake ERP's write-ahead check (and for a crash right after the commit).
    auto observerConnection = m_cache->open(QStringLiteral("observer"));
    QVERIFY(observerConnection.ok());
    const QSqlDatabase observer = (*observerConnection)->database();

    OutboxRepository outbox(db());
    QList<OutboxClaim> claims;
    {
        DbTransaction tx(db());
        auto claimed = outbox.claimDue(tx, QDateTime::currentDateTimeUtc(), 2);
        QVERIFY2(claimed.ok(), qPrintable(claimed.errorString()));
        claims = *claimed;
        QCOMPARE(claims.size(), 2);
        // Not visible to anyone before the commit ...
        QCOMPARE(scalar(observer, QStringLiteral("SELECT COUNT(*) FROM posting_attempts")), qint64(0));
        QVERIFY(tx.commit().ok());
    }
    // ... and all of it visible after it: rows in 'sending' together with their attempts. Only now may we send.
    QCOMPARE(scalar(observer, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'sending'")), qint64(2));
    QSet<QString> correlationIds;
    for (const OutboxClaim &claim : claims) {
        QCOMPARE(claim.entry.state, OutboxState::Sending);
        QCOMPARE(claim.attemptNo, 1);
        QCOMPARE(claim.entry.attempts, 1);
        QVERIFY(!QUuid::fromString(claim.correlationId).isNull());
        correlationIds.insert(claim.correlationId);
        QSqlQuery query(observer);
        query.prepare(QStringLiteral("SELECT attempt_no, idempotency_key, correlation_id, started_at, outcome "
                                     "FROM posting_attempts WHERE id = ? AND outbox_id = ?"));
        query.addBindValue(claim.attemptId);
        query.addBindValue(claim.entry.id);
        QVERIFY(query.exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        // The key is the caller's deterministic one, not something made up here.
        QCOMPARE(query.value(1).toString(), claim.entry.idempotencyKey);
        QVERIFY(claim.entry.idempotencyKey.startsWith(u"sitoo:90001:"));
        QCOMPARE(query.value(2).toString(), claim.correlationId);
        QVERIFY(!query.value(3).toString().isEmpty());
        QVERIFY(query.value(4).isNull());
    }
    QCOMPARE(correlationIds.size(), 2);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.claimed'"), qint64(2));

    // Claimed rows are not claimed again; the third one is.
    const QList<OutboxClaim> rest = claim(10);
    QCOMPARE(rest.size(), 1);
    QVERIFY(rest[0].entry.id != claims[0].entry.id && rest[0].entry.id != claims[1].entry.id);
    QVERIFY(claim(10).isEmpty());
}

void tst_OutboxRepository::retryWaitsUntilDue()
{
    const qint64 id = enqueue(20001);
    OutboxRepository outbox(db());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<OutboxClaim> first = claim(10, now);
    QCOMPARE(first.size(), 1);
    {
        DbTransaction tx(db());
        QVERIFY(outbox.markRetry(tx, id, first[0].attemptId, now.addSecs(3600), 429, QStringLiteral("RATE_LIMITED"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(outbox.load(id)->state, OutboxState::RetryWait);
    QVERIFY(claim(10, now.addSecs(60)).isEmpty());
    const QList<OutboxClaim> second = claim(10, now.addSecs(3601));
    QCOMPARE(second.size(), 1);
    QCOMPARE(second[0].attemptNo, 2);
    QCOMPARE(second[0].entry.idempotencyKey, first[0].entry.idempotencyKey); // same key on every attempt
    QVERIFY(second[0].correlationId != first[0].correlationId);
    auto attempts = outbox.attempts(id);
    QCOMPARE(attempts->size(), 2);
    QCOMPARE(attempts->at(0).outcome, std::optional<AttemptOutcome>(AttemptOutcome::Transient));
    QCOMPARE(attempts->at(0).httpStatus, std::optional<int>(429));
    QCOMPARE(attempts->at(0).errorCode, QStringLiteral("RATE_LIMITED"));
    QVERIFY(!attempts->at(1).outcome.has_value());
    // Only the attempt in flight can be finished.
    DbTransaction tx(db());
    QVERIFY(!outbox.markPosted(tx, id, first[0].attemptId, QStringLiteral("SO-1"), false).ok());
}

void tst_OutboxRepository::markPostedPostsTheOrderWithOneAuditEvent()
{
    const qint64 id = enqueue(20001);
    const QList<OutboxClaim> claims = claim(1);
    QCOMPARE(claims.size(), 1);
    OutboxRepository outbox(db());
    OrderRepository orders(db());
    {
        DbTransaction tx(db());
        QVERIFY(outbox.markPosted(tx, id, claims[0].attemptId, QStringLiteral("SO-1001"), true).ok());
        QVERIFY(tx.commit().ok());
    }
    auto entry = outbox.load(id);
    QCOMPARE(entry->state, OutboxState::Posted);
    QCOMPARE(entry->primaDocumentNo, QStringLiteral("SO-1001"));
    QCOMPARE(outbox.attempts(id)->at(0).outcome, std::optional<AttemptOutcome>(AttemptOutcome::Replayed));
    QCOMPARE(orders.storedOrder(entry->posOrderId)->state, PosOrderState::Posted);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.posted'"), qint64(1));

    // Posted is final: not again through the repository, not through SQL.
    DbTransaction tx(db());
    QVERIFY(!outbox.markPosted(tx, id, claims[0].attemptId, QStringLiteral("SO-1002"), false).ok());
    QVERIFY(tx.commit().ok());
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE outbox SET state = 'pending'")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE outbox SET prima_document_no = 'SO-9'")));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.posted'"), qint64(1));
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OutboxRepository::aFailureWhilePostingLeavesNothingPartial()
{
    const qint64 id = enqueue(20001);
    const QList<OutboxClaim> claims = claim(1);
    OutboxRepository outbox(db());
    OrderRepository orders(db());
    // The audit append is the last step of markPosted; make it fail after the row, the attempt and the order
    // were already updated in the transaction.
    QVERIFY(execSql(db(), QStringLiteral("CREATE TRIGGER test_fail_posted BEFORE INSERT ON audit_events "
                                         "WHEN NEW.action = 'outbox.posted' "
                                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
    {
        DbTransaction tx(db());
        const Status status = outbox.markPosted(tx, id, claims[0].attemptId, QStringLiteral("SO-1001"), false);
        QVERIFY(!status.ok());
        QVERIFY(status.errorString().contains(u"injected failure"));
        QVERIFY(tx.commit().ok()); // even a careless caller keeps nothing of it
    }
    auto entry = outbox.load(id);
    QCOMPARE(entry->state, OutboxState::Sending);
    QVERIFY(entry->primaDocumentNo.isEmpty());
    QVERIFY(!outbox.attempts(id)->at(0).outcome.has_value());
    QCOMPARE(orders.storedOrder(entry->posOrderId)->state, PosOrderState::Ready);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.posted'"), qint64(0));

    // The fault removed, the same call succeeds.
    QVERIFY(execSql(db(), QStringLiteral("DROP TRIGGER test_fail_posted")));
    DbTransaction tx(db());
    QVERIFY(outbox.markPosted(tx, id, claims[0].attemptId, QStringLiteral("SO-1001"), false).ok());
    QVERIFY(tx.commit().ok());
    QCOMPARE(outbox.load(id)->state, OutboxState::Posted);
    QCOMPARE(orders.storedOrder(entry->posOrderId)->state, PosOrderState::Posted);
}

void tst_OutboxRepository::postedRequiresADocumentNumber()
{
    const qint64 id = enqueue(20001);
    const QList<OutboxClaim> claims = claim(1);
    OutboxRepository outbox(db());
    {
        DbTransaction tx(db());
        QCOMPARE(outbox.markPosted(tx, id, claims[0].attemptId, QStringLiteral("  "), false).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(outbox.adopt(tx, id, claims[0].attemptId, QString()).error().code, ErrorCode::InvalidInput);
    }
    // The CHECK of migration 3 (NULL) and the trigger of migration 5 (blank) hold against plain SQL.
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE outbox SET state = 'posted'")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE outbox SET state = 'posted', prima_document_no = ' '")));
    QCOMPARE(outbox.load(id)->state, OutboxState::Sending);
}

void tst_OutboxRepository::failedAndUnknownOutcomes()
{
    const qint64 rejected = enqueue(20001);
    const qint64 unclear = enqueue(20002);
    const QList<OutboxClaim> claims = claim(2);
    QCOMPARE(claims.size(), 2);
    OutboxRepository outbox(db());
    DbTransaction tx(db());
    QVERIFY(outbox.markFailed(tx, rejected, claims[0].attemptId, 422, QStringLiteral("UNKNOWN_ITEM"),
                              QStringLiteral("Item X-1 does not exist"))
                .ok());
    QVERIFY(outbox.markUnknown(tx, unclear, claims[1].attemptId, QStringLiteral("timeout after 30 s")).ok());
    QVERIFY(tx.commit().ok());

    QCOMPARE(outbox.load(rejected)->state, OutboxState::FailedPermanent);
    const PostingAttempt failedAttempt = outbox.attempts(rejected)->at(0);
    QCOMPARE(failedAttempt.outcome, std::optional<AttemptOutcome>(AttemptOutcome::Rejected));
    QCOMPARE(failedAttempt.httpStatus, std::optional<int>(422));
    QCOMPARE(failedAttempt.errorCode, QStringLiteral("UNKNOWN_ITEM"));
    QCOMPARE(failedAttempt.response, QStringLiteral("Item X-1 does not exist"));
    QVERIFY(failedAttempt.finishedAt.isValid());
    QCOMPARE(outbox.load(unclear)->state, OutboxState::Unknown);
    QCOMPARE(outbox.attempts(unclear)->at(0).outcome, std::optional<AttemptOutcome>(AttemptOutcome::Unknown));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.failed'"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.unknown'"), qint64(1));

    auto counts = outbox.countsByState();
    QVERIFY(counts.ok());
    QCOMPARE(counts->value(OutboxState::FailedPermanent), 1);
    QCOMPARE(counts->value(OutboxState::Unknown), 1);
    QCOMPARE(counts->value(OutboxState::Pending), 0);
    QCOMPARE(counts->size(), 6);
}

void tst_OutboxRepository::crashRecoveryThenAdoptOrResend()
{
    const qint64 found = enqueue(20001);
    const qint64 missing = enqueue(20002);
    const qint64 untouched = enqueue(20003);
    const QList<OutboxClaim> claims = claim(2);
    QCOMPARE(claims.size(), 2);
    // ... the process dies here, after the claim commit, before any answer was recorded.

    OutboxRepository outbox(db());
    {
        DbTransaction tx(db());
        auto recovered = outbox.recoverAfterCrash(tx);
        QVERIFY2(recovered.ok(), qPrintable(recovered.errorString()));
        QCOMPARE(*recovered, 2);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(outbox.load(found)->state, OutboxState::Unknown);
    QCOMPARE(outbox.load(missing)->state, OutboxState::Unknown);
    QCOMPARE(outbox.load(untouched)->state, OutboxState::Pending);
    QCOMPARE(outbox.attempts(found)->at(0).outcome, std::optional<AttemptOutcome>(AttemptOutcome::Unknown));
    QCOMPARE(count("SELECT COUNT(*) FROM outbox WHERE state = 'sending'"), qint64(0));
    // Nothing in 'unknown' is claimed for a blind re-send.
    QCOMPARE(claim(10).size(), 1); // only the untouched one
    auto unknown = outbox.unknownRows(10);
    QVERIFY(unknown.ok());
    QCOMPARE(unknown->size(), 2);

    {
        DbTransaction tx(db());
        auto recoveredAgain = outbox.recoverAfterCrash(tx); // the untouched row is in 'sending' now
        QCOMPARE(recoveredAgain.valueOr(-1), 1);
        // The look-up found the first document in Prima: adopt it.
        QVERIFY(outbox.adopt(tx, found, claims[0].attemptId, QStringLiteral("SO-77")).ok());
        // The second was not there: send it again, with the same key, when due.
        QVERIFY(outbox.requeueUnknown(tx, missing, QDateTime::currentDateTimeUtc(), QStringLiteral("not found"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    auto adopted = outbox.load(found);
    QCOMPARE(adopted->state, OutboxState::Posted);
    QCOMPARE(adopted->primaDocumentNo, QStringLiteral("SO-77"));
    QCOMPARE(outbox.attempts(found)->at(0).outcome, std::optional<AttemptOutcome>(AttemptOutcome::Adopted));
    OrderRepository orders(db());
    QCOMPARE(orders.storedOrder(adopted->posOrderId)->state, PosOrderState::Posted);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.posted'"), qint64(1));
    {
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral("SELECT details FROM audit_events WHERE action = 'outbox.posted'")));
        QVERIFY(query.next());
        const QJsonObject details = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("outcome")).toString(), QStringLiteral("adopted"));
        QCOMPARE(details.value(QStringLiteral("prima_document_no")).toString(), QStringLiteral("SO-77"));
    }

    const QList<OutboxClaim> resend = claim(10);
    QCOMPARE(resend.size(), 1);
    QCOMPARE(resend[0].entry.id, missing);
    QCOMPARE(resend[0].attemptNo, 2);
    QCOMPARE(resend[0].entry.idempotencyKey, keyFor(20002));
    QVERIFY(AuditChain::verify(db())->intact);
}

QTEST_GUILESS_MAIN(tst_OutboxRepository)
#include "tst_outboxrepository.moc"
