// SPDX-License-Identifier: GPL-3.0-or-later
// Month-end close: each gate fails on crafted data and passes once the data is fixed; a gate cannot be signed while
// it fails or before its dependencies; the period sign-off and lock; the posting relay's lock question; re-opening
// with maker-checker, refused for the same person by the service and by direct SQL; everything audited.
#include "core/close/closechecklist.h"
#include "core/close/closeservice.h"
#include "core/close/periodlock.h"
#include "core/domain/exceptionrecord.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"
#include "core/storage/userrepository.h"

#include "tests/core/reconciliation/cachefixture.h"
#include "tests/testutils/tempcache.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Recon;
using Tillbridge::Test::TempCache;

namespace {

const QString kPeriod = QStringLiteral("2026-10");

QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

PrimaLedgerPosting posting(const QString &account, const QString &tender, qint64 minor)
{
    PrimaLedgerPosting p;
    p.postingId = QStringLiteral("1");
    p.postingDate = QDate(2026, 10, 14);
    p.account = account;
    p.location = QStringLiteral("LDN-01");
    p.amount = Money(minor, Currency::of(u"GBP"));
    p.tender = tender;
    return p;
}

} // namespace

class tst_Close : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        auto db = m_cache.open();
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = std::move(db).value();
        const QSqlDatabase sql = m_db->database();
        DbTransaction tx(sql);
        UserRepository users(sql);
        QVERIFY(users.create(tx, QStringLiteral("anna"), QStringLiteral("Anna"), UserRole::Approver,
                             QStringLiteral("correct horse 1"), QStringLiteral("admin")).ok());
        QVERIFY(users.create(tx, QStringLiteral("ben"), QStringLiteral("Ben"), UserRole::Approver,
                             QStringLiteral("correct horse 2"), QStringLiteral("admin")).ok());
        QVERIFY(users.create(tx, QStringLiteral("pete"), QStringLiteral("Pete"), UserRole::Preparer,
                             QStringLiteral("correct horse 3"), QStringLiteral("admin")).ok());
        QVERIFY(MappingRepository(sql).save(tx, MappingKind::PaymentMethod, QStringLiteral("Card"),
                                            QStringLiteral("CARD"), QStringLiteral("test")));
        QVERIFY(tx.commit());
        m_store = addStore(sql, QStringLiteral("LDN-01"), QStringLiteral("London Oxford St"), QStringLiteral("GBP"),
                           QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("LDN-01"));
        // 14 October: one posted sale, and one that is still waiting in the outbox.
        addOrder(sql, m_store, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"), {{200000, 10000, 2000}},
                 {{QStringLiteral("Card"), 12000}});
        m_waiting = addOrder(sql, m_store, 1002, utc(2026, 10, 14, 11, 0), QStringLiteral("ready"),
                             {{200000, 1000, 200}}, {{QStringLiteral("Card"), 1200}});
    }

    void gatesFailOnCraftedDataAndPassOnceFixed()
    {
        const QSqlDatabase sql = m_db->database();
        CloseService close(sql);
        CloseChecklist checklist(sql);
        const ClosePeriod period = ClosePeriod::parse(kPeriod).value();
        const auto passes = [&](CloseGate gate) {
            auto evaluation = checklist.evaluate(period, gate);
            return evaluation.ok() && evaluation->passes;
        };

        // Nothing synced past 31 October yet.
        QVERIFY(!passes(CloseGate::StoresSynced));
        QVERIFY(checklist.evaluate(period, CloseGate::StoresSynced)->explanation.contains(u"London Oxford St"));
        auto refused = close.signGate(kPeriod, CloseGate::StoresSynced, QStringLiteral("pete"), {});
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(refused.errorString().contains(u"fails"));
        // London is on GMT from 25 October, so its period ends at 1 November 00:00 UTC: a pull at 23:59 UTC on
        // 31 October is still inside the period.
        QVERIFY(exec(sql, QStringLiteral("INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) "
                                         "VALUES ('sitoo', '1500', 'orders', '1002', ?)"),
                     {dbTime(utc(2026, 10, 31, 23, 59))}) >= 0);
        QVERIFY(!passes(CloseGate::StoresSynced));
        QVERIFY(exec(sql, QStringLiteral("UPDATE sync_cursors SET updated_at = ?"),
                     {dbTime(utc(2026, 11, 1, 0, 5))}) >= 0);
        QVERIFY(passes(CloseGate::StoresSynced));

        // One order of the period waits to be posted.
        QVERIFY(!passes(CloseGate::NothingUnposted));
        const auto unposted = [&] { return checklist.evaluate(period, CloseGate::NothingUnposted)->evidence; };
        QCOMPARE(unposted().value(u"waiting").toInteger(), 1);
        QCOMPARE(unposted().value(u"failed").toInteger(), 0);
        // Prima refuses it for good: the order stays ready, its outbox row fails. It is counted once, as refused.
        QVERIFY(exec(sql, QStringLiteral("INSERT INTO outbox (pos_order_id, document_type, idempotency_key, "
                                         "external_ref, payload, state, created_at, updated_at) VALUES (?, "
                                         "'sales_order', 'key-refused', 'ref-refused', '{}', 'failed_permanent', ?, ?)"),
                     {m_waiting, dbTime(utc(2026, 11, 1, 1, 0)), dbTime(utc(2026, 11, 1, 1, 0))}) >= 0);
        QCOMPARE(unposted().value(u"waiting").toInteger(), 0);
        QCOMPARE(unposted().value(u"failed").toInteger(), 1);
        QVERIFY(exec(sql, QStringLiteral("DELETE FROM outbox WHERE idempotency_key = 'key-refused'"), {}) >= 0);
        QVERIFY(exec(sql, QStringLiteral("UPDATE pos_orders SET state = 'posted' WHERE id = ?"), {m_waiting}) >= 0);
        QVERIFY(passes(CloseGate::NothingUnposted));

        // A blocking exception on an order of the period.
        ExceptionRepository exceptions(sql);
        qint64 exceptionId = 0;
        {
            DbTransaction tx(sql);
            auto raised = exceptions.raise(
                tx, ExceptionRecord::open(ExceptionKind::UnmappedPromotion, QStringLiteral("order"),
                                          QStringLiteral("1500:1002"), QStringLiteral("Voucher X has no code"), {},
                                          m_store));
            QVERIFY(raised.ok());
            exceptionId = raised->id;
            QVERIFY(tx.commit());
        }
        QVERIFY(!passes(CloseGate::NoBlockingExceptions));
        // Accepted formally: an override proposed by Pete and approved by Anna.
        {
            DbTransaction tx(sql);
            QVERIFY(exceptions.markOverride(tx, exceptionId, QStringLiteral("pete"), QStringLiteral("post as is")));
            QVERIFY(exceptions.approveOverride(tx, exceptionId, QStringLiteral("anna"), QStringLiteral("agreed")));
            QVERIFY(tx.commit());
        }
        QVERIFY(passes(CloseGate::NoBlockingExceptions));

        // Payouts: 14 October had sales but is not reconciled; then reconciled with a variance; then matched.
        QVERIFY(!passes(CloseGate::PayoutsMatched));
        QVERIFY(!passes(CloseGate::TaxVarianceReviewed));
        const Store store = StoreRepository(sql).all().value().constFirst();
        ReconciliationService reconciliation(sql, nullptr, nullptr);
        QVERIFY(reconciliation.reconcileStoreDay(store, QDate(2026, 10, 14),
                                                 {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 12000),
                                                  posting(QStringLiteral("VAT"), {}, -2200)},
                                                 {})
                    .ok());
        QVERIFY(!passes(CloseGate::PayoutsMatched));
        QVERIFY(!passes(CloseGate::NoBlockingExceptions)); // the open PAYOUT_VARIANCE blocks too
        QVERIFY(reconciliation.reconcileStoreDay(store, QDate(2026, 10, 14),
                                                 {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 13200),
                                                  posting(QStringLiteral("VAT"), {}, -2200)},
                                                 {})
                    .ok());
        QVERIFY(passes(CloseGate::PayoutsMatched));
        QVERIFY(passes(CloseGate::NoBlockingExceptions));
        QVERIFY(passes(CloseGate::TaxVarianceReviewed));

        // SKU audit: none ran in October; then one did, but a blocking catalogue exception is open; then resolved.
        QVERIFY(!passes(CloseGate::SkuAuditClean));
        QVERIFY(exec(sql, QStringLiteral("INSERT INTO sku_audit_runs (eshop_id, started_at, finished_at, actor, "
                                         "prima_items, sitoo_items, only_in_sitoo, only_in_prima, field_mismatch, "
                                         "near_match_hints, auto_resolved) VALUES (1, ?, ?, 'system', 10, 11, 1, 0, "
                                         "0, 0, 0)"),
                     {dbTime(utc(2026, 10, 20, 2, 0)), dbTime(utc(2026, 10, 20, 2, 1))}) >= 0);
        qint64 catalogue = 0;
        {
            DbTransaction tx(sql);
            auto raised = exceptions.raise(
                tx, ExceptionRecord::open(ExceptionKind::CatalogOnlyInSitoo, QStringLiteral("sku"),
                                          QStringLiteral("ZZ-1"), QStringLiteral("Only in Sitoo")));
            QVERIFY(raised.ok());
            catalogue = raised->id;
            QVERIFY(tx.commit());
        }
        QVERIFY(!passes(CloseGate::SkuAuditClean));
        {
            DbTransaction tx(sql);
            QVERIFY(exceptions.resolve(tx, catalogue, QStringLiteral("created in Prima"), QStringLiteral("dana")));
            QVERIFY(tx.commit());
        }
        QVERIFY(passes(CloseGate::SkuAuditClean));
        auto status = close.status(kPeriod);
        QVERIFY(status.ok());
        QVERIFY(status->allGatesPass());
    }

    void signOffLockAndReopenWithMakerChecker()
    {
        const QSqlDatabase sql = m_db->database();
        CloseService close(sql);

        // Dependencies first: tax variance cannot be signed before payouts are.
        auto early = close.signGate(kPeriod, CloseGate::TaxVarianceReviewed, QStringLiteral("anna"), {});
        QCOMPARE(early.error().code, ErrorCode::PermissionDenied);
        QVERIFY(early.errorString().contains(u"once these are signed"));
        // The period cannot be signed or locked with gates open.
        QVERIFY(!close.signPeriod(kPeriod, QStringLiteral("anna"), {}).ok());
        QVERIFY(!close.lock(kPeriod, QStringLiteral("anna")).ok());
        // Unknown people sign nothing.
        QVERIFY(!close.signGate(kPeriod, CloseGate::StoresSynced, QStringLiteral("mallory"), {}).ok());

        for (const CloseGate gate : CloseGates::all()) {
            auto signedGate = close.signGate(kPeriod, gate, QStringLiteral("pete"),
                                             QStringLiteral("checked ") + CloseGates::code(gate));
            QVERIFY2(signedGate.ok(), qPrintable(signedGate.errorString()));
        }
        QVERIFY(!close.signGate(kPeriod, CloseGate::StoresSynced, QStringLiteral("ben"), {}).ok()); // signed already
        // A preparer cannot sign the period off.
        QCOMPARE(close.signPeriod(kPeriod, QStringLiteral("pete"), {}).error().code, ErrorCode::PermissionDenied);
        QVERIFY(close.signPeriod(kPeriod, QStringLiteral("anna"), QStringLiteral("October closed")).ok());
        QVERIFY(!PeriodLock::isLocked(sql, QDate(2026, 10, 31)).value());
        QVERIFY(close.lock(kPeriod, QStringLiteral("anna")).ok());

        // The posting relay's question.
        QVERIFY(PeriodLock::isLocked(sql, QDate(2026, 10, 1)).value());
        QVERIFY(PeriodLock::isLocked(sql, QDate(2026, 10, 31)).value());
        QVERIFY(!PeriodLock::isLocked(sql, QDate(2026, 11, 1)).value());
        QVERIFY(!PeriodLock::isLocked(sql, QDate(2026, 9, 30)).value());
        QVERIFY(!PeriodLock::isLocked(sql, QDate()).ok());

        // Direct SQL cannot unlock it, nor delete it.
        QCOMPARE(exec(sql, QStringLiteral("UPDATE close_periods SET state = 'open' WHERE period = ?"), {kPeriod}),
                 qint64(-1));
        QCOMPARE(exec(sql, QStringLiteral("DELETE FROM close_periods WHERE period = ?"), {kPeriod}), qint64(-1));

        // Anna asks to re-open; Anna cannot approve it herself.
        auto request = close.requestReopen(kPeriod, QStringLiteral("anna"), QStringLiteral("late refund from Oct"));
        QVERIFY2(request.ok(), qPrintable(request.errorString()));
        auto self = close.approveReopen(*request, QStringLiteral("anna"), {});
        QCOMPARE(self.error().code, ErrorCode::PermissionDenied);
        QVERIFY(self.errorString().contains(u"someone else"));
        QCOMPARE(close.approveReopen(*request, QStringLiteral(" ANNA "), {}).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(value(sql, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'close.reopen-refused'")),
                 qint64(2));
        // Nor by direct SQL, with any spelling of her name, nor by inserting an approved request.
        QCOMPARE(exec(sql, QStringLiteral("UPDATE close_reopen_requests SET state = 'approved', decided_by = 'anna', "
                                          "decided_at = 'x' WHERE id = ?"),
                      {*request}),
                 qint64(-1));
        QCOMPARE(exec(sql, QStringLiteral("UPDATE close_reopen_requests SET state = 'approved', decided_by = 'Anna ', "
                                          "decided_at = 'x' WHERE id = ?"),
                      {*request}),
                 qint64(-1));
        QCOMPARE(exec(sql, QStringLiteral("INSERT INTO close_reopen_requests (period, requested_by, requested_at, "
                                          "reason, state, decided_by) VALUES (?, 'anna', 'x', 'r', 'approved', 'ben')"),
                      {kPeriod}),
                 qint64(-1));
        QCOMPARE(exec(sql, QStringLiteral("UPDATE close_periods SET state = 'open', reopen_request_id = ? "
                                          "WHERE period = ?"),
                      {*request, kPeriod}),
                 qint64(-1)); // the request is still pending
        QVERIFY(PeriodLock::isLocked(sql, QDate(2026, 10, 15)).value());
        // A preparer cannot decide it either.
        QCOMPARE(close.approveReopen(*request, QStringLiteral("pete"), {}).error().code, ErrorCode::PermissionDenied);

        // Ben approves: the period is open again and every sign-off is superseded.
        auto approved = close.approveReopen(*request, QStringLiteral("ben"), QStringLiteral("ok"));
        QVERIFY2(approved.ok(), qPrintable(approved.errorString()));
        QVERIFY(!PeriodLock::isLocked(sql, QDate(2026, 10, 15)).value());
        auto status = close.status(kPeriod);
        QVERIFY(status.ok());
        QVERIFY(!status->locked);
        QVERIFY(!status->periodSignoff);
        QVERIFY(!status->allGatesSigned());
        QCOMPARE(status->reopenRequests.size(), 1);
        QCOMPARE(status->reopenRequests.constFirst().decidedBy, QStringLiteral("ben"));
        // The approved request cannot be replayed to unlock again later.
        QCOMPARE(exec(sql, QStringLiteral("UPDATE close_reopen_requests SET decided_by = 'carl' WHERE id = ?"),
                      {*request}),
                 qint64(-1));

        // All of it is on the audit trail, which verifies.
        for (const char *action : {"close.gate-signed", "close.period-signed", "close.period-locked",
                                   "close.reopen-requested", "close.period-reopened"}) {
            QVERIFY2(value(sql, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ?"),
                           {QString::fromLatin1(action)})
                         > 0,
                     action);
        }
        auto verified = AuditChain::verify(sql);
        QVERIFY(verified.ok() && verified->intact);
    }

    void invalidPeriodIsRefused()
    {
        QVERIFY(!ClosePeriod::parse(QStringLiteral("2026-13")).ok());
        QVERIFY(!ClosePeriod::parse(QStringLiteral("Oct 2026")).ok());
        QCOMPARE(ClosePeriod::parse(QStringLiteral("2024-02"))->last, QDate(2024, 2, 29));
    }

private:
    TempCache m_cache;
    Tillbridge::Core::DatabaseConnectionPtr m_db;
    qint64 m_store = 0;
    qint64 m_waiting = 0;
};

QTEST_GUILESS_MAIN(tst_Close)
#include "tst_close.moc"
