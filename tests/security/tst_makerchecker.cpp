// SPDX-License-Identifier: GPL-3.0-or-later
// R8 (reliability.md §4.3, §6.2): the path tests/core/engine/review/tst_overrideapproval.cpp does not cover — a second
// session of the same user. The maker proposes an override in one session (connection); in another session they try
// to approve it through the service, through the service under another spelling of their name, and with plain SQL in
// that session. Every attempt is refused and the service's refusals are audited; a different approver in the second
// session succeeds and is audited as maker + checker.
#include "core/engine/review/overrideapproval.h"
#include "core/storage/auditchain.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/userrepository.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/tempcache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_REVIEW_DATA "/order-sale-20001.json");
const QString kPassword = QStringLiteral("correct horse battery");

qint64 scalarOf(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
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

class tst_MakerChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secondSessionOfTheMakerIsRefused();
    void anotherApproverInTheSecondSessionSucceeds();

private:
    TempCache m_cache;
    DatabaseConnectionPtr m_first;  ///< the maker's first session
    DatabaseConnectionPtr m_second; ///< a second session, same file, its own connection
    qint64 m_exception = 0;
};

void tst_MakerChecker::initTestCase()
{
    auto first = m_cache.open(QStringLiteral("session-1"));
    QVERIFY(first.ok());
    m_first = *first;
    const QSqlDatabase db = m_first->database();
    QVERIFY(seed(db).ok());
    SaleShape variance;
    variance.taxVariance = true;
    const auto ingested = ingest(db, {saleOrder(kTemplate, 60001, variance)});
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(ingested->quarantined, 1);
    DbTransaction tx(db);
    UserRepository users(db);
    QVERIFY(users.create(tx, QStringLiteral("alex"), QStringLiteral("Alex Approver"), UserRole::Approver, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(users.create(tx, QStringLiteral("ada"), QStringLiteral("Ada Admin"), UserRole::Admin, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(tx.commit().ok());
    m_exception = scalarOf(db, QStringLiteral("SELECT id FROM exceptions WHERE entity_id = ? AND kind = ?"),
                           {QVariant(kAccount + QStringLiteral(":60001")),
                            QVariant(ExceptionKinds::code(ExceptionKind::TaxVariance))});
    QVERIFY(m_exception > 0);
    QVERIFY(OverrideApproval(db).propose(m_exception, QStringLiteral("alex"), QStringLiteral("Till rounding")).ok());

    auto second = m_cache.open(QStringLiteral("session-2"));
    QVERIFY(second.ok());
    m_second = *second;
    QVERIFY(m_second->database().connectionName() != m_first->database().connectionName());
}

void tst_MakerChecker::secondSessionOfTheMakerIsRefused()
{
    const QSqlDatabase db2 = m_second->database();
    const qint64 refusalsBefore = scalarOf(
        db2, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.approval-refused'"));
    OverrideApproval second(db2);
    int attempts = 0;
    // 1. The service, same name.
    ++attempts;
    auto refused = second.approve(m_exception, QStringLiteral("alex"), kPassword, QStringLiteral("second login"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    // 2. The service, the same person spelled differently.
    for (const QString &alias : {QStringLiteral("Alex"), QStringLiteral(" alex "), QStringLiteral("ALEX")}) {
        ++attempts;
        QVERIFY2(!second.approve(m_exception, alias, kPassword, QStringLiteral("alias")).ok(), qPrintable(alias));
    }
    // 3. Plain SQL in the second session (the first one still open beside it); refused by the database's own rule,
    //    not by a lock.
    for (const QString &who : {QStringLiteral("alex"), QStringLiteral(" ALEX ")}) {
        ++attempts;
        QSqlQuery query(db2);
        query.prepare(QStringLiteral("UPDATE exceptions SET state = 'approved', approved_by = ?, "
                                     "resolved_at = updated_at, resolution_reason = 'second session' WHERE id = ?"));
        query.addBindValue(who);
        query.addBindValue(m_exception);
        QVERIFY2(!query.exec(), qPrintable(who));
        QVERIFY2(!query.lastError().text().contains(u"locked"), qPrintable(query.lastError().text()));
        qInfo("plain SQL as '%s' refused: %s", qPrintable(who), qPrintable(query.lastError().text()));
    }

    const auto exception = ExceptionRepository(m_first->database()).load(m_exception);
    QCOMPARE(exception->state, ExceptionState::Open);
    QVERIFY(exception->approvedBy.isEmpty());
    // The service's refusals are audited (the SQL ones cannot be: the database refused them outright).
    QVERIFY(scalarOf(db2, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                         "'exception.approval-refused'"))
            > refusalsBefore);
    qInfo("R8 second session: %d attempts by the maker, 0 succeeded", attempts);
}

void tst_MakerChecker::anotherApproverInTheSecondSessionSucceeds()
{
    const QSqlDatabase db2 = m_second->database();
    const auto approved = OverrideApproval(db2).approve(m_exception, QStringLiteral("ada"), kPassword,
                                                        QStringLiteral("Checked the till"));
    QVERIFY2(approved.ok(), qPrintable(approved.errorString()));
    const auto exception = ExceptionRepository(m_first->database()).load(m_exception);
    QCOMPARE(exception->state, ExceptionState::Approved);
    QCOMPARE(exception->madeBy, QStringLiteral("alex"));
    QCOMPARE(exception->approvedBy, QStringLiteral("ada"));
    QCOMPARE(scalarOf(db2, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.approved' "
                                          "AND actor = 'ada' AND details LIKE ? AND details LIKE ?"),
                      {QStringLiteral("%\"maker\":\"alex\"%"), QStringLiteral("%\"checker\":\"ada\"%")}),
             qint64(1));
    const auto verified = AuditChain::verify(m_first->database());
    QVERIFY2(verified->intact, qPrintable(verified->explanation));
}

QTEST_GUILESS_MAIN(tst_MakerChecker)
#include "tst_makerchecker.moc"
