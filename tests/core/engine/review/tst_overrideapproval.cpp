// SPDX-License-Identifier: GPL-3.0-or-later
// OverrideApproval: maker-checker refused by the service (with a message for people) and by the database when the
// service is bypassed; a preparer cannot approve; an approved override releases the order when nothing else blocks
// it; a rejection keeps it quarantined; everything is audited and the chain verifies.
#include "core/engine/review/mappingchangereview.h"
#include "core/engine/review/overrideapproval.h"
#include "core/engine/review/quarantinereview.h"
#include "core/storage/auditchain.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"
#include "core/storage/userrepository.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/tempcache.h"

#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_TEST_DATA "/../../validation/data/order-sale-20001.json");
const QString kPassword = QStringLiteral("correct horse battery");

bool sqlSucceeds(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

qint64 countRows(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace

class tst_OverrideApproval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void approvedOverrideReleasesTheOrder();
    void preparerCannotApprove();
    void makerCannotApproveOwnOverride();
    void storageRefusesMakerCheckerWhenBypassed();
    void wrongPasswordIsRefused();
    void approvalWithAnotherBlockerKeepsTheOrder();
    void rejectionKeepsTheOrderQuarantined();
    void onlyFiguresCanBeOverridden();

private:
    qint64 exceptionId(qint64 sitooOrderId, ExceptionKind kind) const;
    QSqlDatabase db() const { return m_connection->database(); }

    TempCache m_template;
    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_OverrideApproval::initTestCase()
{
    // One seeded cache, copied for every test: the password hashes take half a second each.
    auto connection = m_template.open(QStringLiteral("template"));
    QVERIFY(connection.ok());
    const QSqlDatabase templateDb = (*connection)->database();
    QByteArray mappings = baseMappings();
    mappings.replace(R"("Card":"CARD")", R"("Card":"CARD","Gift Card":"GIFT")");
    QVERIFY(seed(templateDb, mappings).ok());
    SaleShape variance;
    variance.taxVariance = true;
    SaleShape varianceAndSwish = variance;
    varianceAndSwish.giftPayment = QStringLiteral("Swish");
    SaleShape swish;
    swish.giftPayment = QStringLiteral("Swish");
    const auto ingested = ingest(templateDb, {saleOrder(kTemplate, 50001, variance),
                                              saleOrder(kTemplate, 50002, varianceAndSwish),
                                              saleOrder(kTemplate, 50004, swish)});
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(ingested->quarantined, 3);
    DbTransaction tx(templateDb);
    UserRepository users(templateDb);
    QVERIFY(users.create(tx, QStringLiteral("pia"), QStringLiteral("Pia Preparer"), UserRole::Preparer, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(users.create(tx, QStringLiteral("alex"), QStringLiteral("Alex Approver"), UserRole::Approver, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(users.create(tx, QStringLiteral("ada"), QStringLiteral("Ada Admin"), UserRole::Admin, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(tx.commit().ok());
    QVERIFY(sqlSucceeds(templateDb, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}));
}

void tst_OverrideApproval::init()
{
    m_connection.reset();
    m_cache = std::make_unique<TempCache>();
    QVERIFY(QFile::copy(m_template.path(), m_cache->path()));
    auto connection = m_cache->open();
    QVERIFY(connection.ok());
    m_connection = std::move(connection.value());
    QVERIFY(exceptionId(50001, ExceptionKind::TaxVariance) > 0);
    QCOMPARE(ExceptionRepository(db()).openForEntity(QStringLiteral("order"), QStringLiteral("90001:50001"))->size(),
             1); // the tax variance is the only problem of 50001
}

qint64 tst_OverrideApproval::exceptionId(qint64 sitooOrderId, ExceptionKind kind) const
{
    return countRows(db(), QStringLiteral("SELECT id FROM exceptions WHERE entity_id = ? AND kind = ? ORDER BY id DESC"),
                     {QVariant(kAccount + u':' + QString::number(sitooOrderId)), QVariant(ExceptionKinds::code(kind))});
}

void tst_OverrideApproval::approvedOverrideReleasesTheOrder()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("pia"), QStringLiteral("Till rounded a promotion line; accept")).ok());
    const auto approved = approval.approve(id, QStringLiteral("alex"), kPassword, QStringLiteral("Checked the till"));
    QVERIFY2(approved.ok(), qPrintable(approved.errorString()));
    QVERIFY(approved->released);
    QCOMPARE(approved->sitooOrderId, qint64(50001));

    const auto exception = ExceptionRepository(db()).load(id);
    QCOMPARE(exception->state, ExceptionState::Approved);
    QCOMPARE(exception->madeBy, QStringLiteral("pia"));
    QCOMPARE(exception->approvedBy, QStringLiteral("alex"));
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Ready);
    QVERIFY(OutboxRepository(db()).findByKey(QStringLiteral("sitoo:90001:50001:sale:v1"))->has_value());
    // The accepted variance is not raised again.
    QVERIFY(ExceptionRepository(db()).openForEntity(QStringLiteral("order"), QStringLiteral("90001:50001"))->isEmpty());
    const auto verified = AuditChain::verify(db());
    QVERIFY2(verified->intact, qPrintable(verified->explanation));
}

void tst_OverrideApproval::preparerCannotApprove()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("alex"), QStringLiteral("Accept the variance")).ok());
    const auto refused = approval.approve(id, QStringLiteral("pia"), kPassword, QStringLiteral("Looks fine"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorString().contains(u"preparer"), qPrintable(refused.errorString()));
    QCOMPARE(ExceptionRepository(db()).load(id)->state, ExceptionState::Open);
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Quarantined);
    QCOMPARE(countRows(db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                            "'exception.approval-refused' AND actor = 'pia' AND details LIKE ?"),
                       {QStringLiteral("%\"refusal\":\"role\"%")}),
             qint64(1));
    // Nor reject.
    QCOMPARE(approval.reject(id, QStringLiteral("pia"), kPassword, QStringLiteral("No")).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OverrideApproval::makerCannotApproveOwnOverride()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("alex"), QStringLiteral("Accept the variance")).ok());
    const auto refused = approval.approve(id, QStringLiteral("alex"), kPassword, QStringLiteral("Mine, fine"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorString().contains(u"someone else must approve it"), qPrintable(refused.errorString()));
    const auto exception = ExceptionRepository(db()).load(id);
    QCOMPARE(exception->state, ExceptionState::Open);
    QVERIFY(exception->approvedBy.isEmpty());
    QCOMPARE(countRows(db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                            "'exception.approval-refused' AND details LIKE ?"),
                       {QStringLiteral("%\"refusal\":\"maker-checker\"%")}),
             qint64(1));
    // Another person may.
    QVERIFY(approval.approve(id, QStringLiteral("ada"), kPassword, QStringLiteral("Checked")).ok());
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OverrideApproval::storageRefusesMakerCheckerWhenBypassed()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    QVERIFY(OverrideApproval(db()).propose(id, QStringLiteral("pia"), QStringLiteral("Accept")).ok());
    const QString approve = QStringLiteral(
        "UPDATE exceptions SET state = 'approved', approved_by = ?, resolved_at = updated_at, "
        "resolution_reason = 'bypass' WHERE id = ?");
    QVERIFY(!sqlSucceeds(db(), approve, {QStringLiteral("pia"), id}));   // the CHECK of migration 2
    QVERIFY(!sqlSucceeds(db(), approve, {QStringLiteral(" PIA "), id})); // the trigger of migration 5
    QVERIFY(!sqlSucceeds(db(), approve, {QStringLiteral("system"), id}));
    QVERIFY(!sqlSucceeds(db(), QStringLiteral("UPDATE exceptions SET state = 'approved' WHERE id = ?"), {id}));
    QVERIFY(!sqlSucceeds(db(),
                         QStringLiteral("INSERT INTO exceptions (kind, severity, owner_team, entity_type, entity_id, "
                                        "explanation, state, created_at, updated_at, made_by, approved_by) VALUES "
                                        "('TAX_VARIANCE', 'blocking', 'finance', 'order', 'x:1', 'x', 'approved', "
                                        "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'pia', 'pia')"),
                         {}));
    const auto exception = ExceptionRepository(db()).load(id);
    QCOMPARE(exception->state, ExceptionState::Open);
    QVERIFY(exception->approvedBy.isEmpty());
    // The repository, one layer below the service, refuses too.
    DbTransaction tx(db());
    const Status direct = ExceptionRepository(db()).approveOverride(tx, id, QStringLiteral("Pia"), QStringLiteral("x"));
    QCOMPARE(direct.error().code, ErrorCode::PermissionDenied);
    QVERIFY(tx.commit().ok());
    QCOMPARE(ExceptionRepository(db()).load(id)->state, ExceptionState::Open);
    // A different person can still approve through the same statement.
    QVERIFY(sqlSucceeds(db(), approve, {QStringLiteral("alex"), id}));
}

void tst_OverrideApproval::wrongPasswordIsRefused()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("pia"), QStringLiteral("Accept")).ok());
    const auto refused = approval.approve(id, QStringLiteral("alex"), QStringLiteral("wrong password"),
                                          QStringLiteral("Checked"));
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorString().contains(u"password"), qPrintable(refused.errorString()));
    QCOMPARE(ExceptionRepository(db()).load(id)->state, ExceptionState::Open);
}

void tst_OverrideApproval::approvalWithAnotherBlockerKeepsTheOrder()
{
    const qint64 id = exceptionId(50002, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("pia"), QStringLiteral("Accept")).ok());
    const auto approved = approval.approve(id, QStringLiteral("ada"), kPassword, QStringLiteral("Checked"));
    QVERIFY2(approved.ok(), qPrintable(approved.errorString()));
    QVERIFY(!approved->released);
    QCOMPARE(approved->blockingKinds, QList<ExceptionKind>{ExceptionKind::UnmappedPaymentMethod});
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50002)->value().state, PosOrderState::Quarantined);

    // Once Swish is mapped the order goes, and the accepted variance stays accepted.
    const auto applied = MappingChangeReview(db()).apply(
        {Mapping{MappingKind::PaymentMethod, QStringLiteral("Swish"), QStringLiteral("SWISH"), {}, {}}},
        QStringLiteral("pia"));
    QVERIFY(applied.ok());
    QCOMPARE(applied->quarantine.releasedCount(), 2); // 50002 and 50004 (50001 still has its variance)
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50002)->value().state, PosOrderState::Ready);
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Quarantined);
    QVERIFY(ExceptionRepository(db()).openForEntity(QStringLiteral("order"), QStringLiteral("90001:50002"))->isEmpty());
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OverrideApproval::rejectionKeepsTheOrderQuarantined()
{
    const qint64 id = exceptionId(50001, ExceptionKind::TaxVariance);
    OverrideApproval approval(db());
    QVERIFY(approval.propose(id, QStringLiteral("pia"), QStringLiteral("Accept")).ok());
    QVERIFY(approval.reject(id, QStringLiteral("alex"), kPassword, QStringLiteral("The till is misconfigured")).ok());
    const auto exception = ExceptionRepository(db()).load(id);
    QCOMPARE(exception->state, ExceptionState::Rejected);
    QCOMPARE(exception->resolutionReason, QStringLiteral("The till is misconfigured"));
    QCOMPARE(OrderRepository(db()).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Quarantined);

    // A retry keeps it held back for the rejected kind, without raising it again.
    const auto posOrderId = OrderRepository(db()).findBySitooId(kAccount, 50001)->value().id;
    const auto retried = QuarantineReview(db()).retryOrder(posOrderId, QStringLiteral("pia"));
    QVERIFY(retried.ok());
    QVERIFY(!retried->released);
    QCOMPARE(retried->blockingKinds, QList<ExceptionKind>{ExceptionKind::TaxVariance});
    QVERIFY(ExceptionRepository(db()).openForEntity(QStringLiteral("order"), QStringLiteral("90001:50001"))->isEmpty());
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OverrideApproval::onlyFiguresCanBeOverridden()
{
    OverrideApproval approval(db());
    const Status unmapped = approval.propose(exceptionId(50004, ExceptionKind::UnmappedPaymentMethod),
                                             QStringLiteral("pia"), QStringLiteral("Post it anyway"));
    QCOMPARE(unmapped.error().code, ErrorCode::InvalidInput);
    QVERIFY2(unmapped.errorString().contains(u"UNMAPPED_PAYMENT_METHOD"), qPrintable(unmapped.errorString()));
    const Status stranger = approval.propose(exceptionId(50001, ExceptionKind::TaxVariance),
                                             QStringLiteral("mallory"), QStringLiteral("Accept"));
    QCOMPARE(stranger.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(ExceptionRepository(db()).load(exceptionId(50001, ExceptionKind::TaxVariance))->madeBy, QString());
}

QTEST_GUILESS_MAIN(tst_OverrideApproval)
#include "tst_overrideapproval.moc"
