// SPDX-License-Identifier: GPL-3.0-or-later
// The month-end close page on a real cache: a failing gate shows what blocks it and its sign-off is refused in the
// core's words; once the data is fixed it passes and signs; blocking exceptions link into the queue by kind; the
// period is signed off and locked by an approver; the approver who asks to re-open cannot agree to it, another can.
#include "core/close/closeservice.h"
#include "core/domain/exceptionrecord.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"
#include "core/storage/userrepository.h"
#include "ui/close/closepage.h"
#include "ui/close/closestepsmodel.h"
#include "ui/common/workbenchuser.h"

#include "tests/core/reconciliation/cachefixture.h"
#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using namespace Tillbridge::Test::Recon;
using Tillbridge::Test::TempCache;

namespace {

const QString kPeriod = QStringLiteral("2026-10");
const QString kPassword = QStringLiteral("correct horse battery");

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

class tst_ClosePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void failingGateShowsItsBlockerAndRefusesTheSignOff();
    void blockingExceptionsLinkToTheQueueByKind();
    void lockAndReopenNeedTwoApprovers();
    void closePackIsWrittenInTheBackground();
    void cleanupTestCase();

private:
    /** Runs an action and waits for the page to report it (after the status was read again). */
    template<typename Action>
    bool act(Action action);
    bool reloadAndWait();
    const GateEvaluation &gate(CloseGate gate) const;

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    WorkbenchUser m_user;
    std::unique_ptr<ClosePage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_store = 0;
    qint64 m_waiting = 0;
    qint64 m_exception = 0;
};

template<typename Action>
bool tst_ClosePage::act(Action action)
{
    QSignalSpy finished(m_page.get(), &ClosePage::actionFinished);
    action();
    if (finished.isEmpty() && !finished.wait(20000))
        return false;
    return finished.first().first().toBool();
}

bool tst_ClosePage::reloadAndWait()
{
    QSignalSpy loaded(m_page.get(), &ClosePage::loaded);
    m_page->reload();
    return loaded.wait(20000);
}

const GateEvaluation &tst_ClosePage::gate(CloseGate gate) const
{
    return *m_page->closeStatus()->gate(gate);
}

void tst_ClosePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    const QSqlDatabase sql = m_connection->database();
    {
        DbTransaction tx(sql);
        UserRepository users(sql);
        QVERIFY(users.create(tx, QStringLiteral("anna"), QStringLiteral("Anna Approver"), UserRole::Approver,
                             kPassword, QStringLiteral("admin")).ok());
        QVERIFY(users.create(tx, QStringLiteral("ben"), QStringLiteral("Ben Approver"), UserRole::Approver, kPassword,
                             QStringLiteral("admin")).ok());
        QVERIFY(users.create(tx, QStringLiteral("pete"), QStringLiteral("Pete Preparer"), UserRole::Preparer,
                             kPassword, QStringLiteral("admin")).ok());
        QVERIFY(MappingRepository(sql).save(tx, MappingKind::PaymentMethod, QStringLiteral("Card"),
                                            QStringLiteral("CARD"), QStringLiteral("test")));
        QVERIFY(tx.commit());
    }
    m_store = addStore(sql, QStringLiteral("LDN-01"), QStringLiteral("London Oxford St"), QStringLiteral("GBP"),
                       QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("LDN-01"));
    addOrder(sql, m_store, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"), {{200000, 10000, 2000}},
             {{QStringLiteral("Card"), 12000}});
    m_waiting = addOrder(sql, m_store, 1002, utc(2026, 10, 14, 11, 0), QStringLiteral("ready"), {{200000, 1000, 200}},
                         {{QStringLiteral("Card"), 1200}});
    // The store was pulled after the period's end, and a SKU audit ran in October.
    QVERIFY(exec(sql, QStringLiteral("INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) "
                                     "VALUES ('sitoo', '1500', 'orders', '1002', ?)"),
                 {dbTime(utc(2026, 11, 1, 0, 5))}) >= 0);
    QVERIFY(exec(sql, QStringLiteral("INSERT INTO sku_audit_runs (eshop_id, started_at, finished_at, actor, "
                                     "prima_items, sitoo_items, only_in_sitoo, only_in_prima, field_mismatch, "
                                     "near_match_hints, auto_resolved) VALUES (1, ?, ?, 'system', 10, 10, 0, 0, 0, 0, "
                                     "0)"),
                 {dbTime(utc(2026, 10, 20, 2, 0)), dbTime(utc(2026, 10, 20, 2, 1))}) >= 0);
    // A blocking exception on an order of the period.
    {
        DbTransaction tx(sql);
        auto raised = ExceptionRepository(sql).raise(
            tx, ExceptionRecord::open(ExceptionKind::UnmappedPromotion, QStringLiteral("order"),
                                      QStringLiteral("1500:1002"), QStringLiteral("Voucher AUTUMN5 has no Prima code"),
                                      {}, m_store));
        QVERIFY(raised.ok());
        m_exception = raised->id;
        QVERIFY(tx.commit());
    }

    m_user.signIn(UserRepository(sql).find(QStringLiteral("pete")).value().value());
    m_page = std::make_unique<ClosePage>(sql, m_cache.path(), &m_user);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_page->stepsModel(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1440, 900);
    m_page->show();
    QSignalSpy loaded(m_page.get(), &ClosePage::loaded);
    m_page->setPeriod(kPeriod);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->period(), kPeriod);
    QVERIFY(m_page->closeStatus().has_value());
    QCOMPARE(m_page->stepsModel()->rowCount(), 7); // six gates and the period's sign-off
}

void tst_ClosePage::failingGateShowsItsBlockerAndRefusesTheSignOff()
{
    // Stores synced passes and signs.
    QVERIFY(gate(CloseGate::StoresSynced).passes);
    QVERIFY(act([this] { m_page->signGate(CloseGate::StoresSynced, QStringLiteral("all pulled")); }));
    QVERIFY(gate(CloseGate::StoresSynced).signoff.has_value());

    // Nothing unposted fails: one order still waits; the page says so and the core refuses the sign-off.
    m_page->setCurrentStep(1);
    QVERIFY(!gate(CloseGate::NothingUnposted).passes);
    QVERIFY2(m_page->blockers().join(u'\n').contains(u"1 order(s) of the period still wait to be posted to Prima"),
             qPrintable(m_page->blockers().join(u'\n')));
    QVERIFY(!m_page->stepsModel()->index(1).data(CloseStepsModel::PassesRole).toBool());
    QVERIFY(!act([this] { m_page->signCurrentGate(); }));
    const Status refusal = CloseService(m_connection->database())
                               .signGate(kPeriod, CloseGate::NothingUnposted, QStringLiteral("pete"), {});
    QVERIFY(!refusal.ok());
    QCOMPARE(m_page->statusText(), refusal.errorString());
    QVERIFY(!gate(CloseGate::NothingUnposted).signoff.has_value());

    // Posted: the gate passes and the sign-off is accepted.
    QVERIFY(exec(m_connection->database(), QStringLiteral("UPDATE pos_orders SET state = 'posted' WHERE id = ?"),
                 {m_waiting}) >= 0);
    QVERIFY(reloadAndWait());
    QCOMPARE(m_page->currentStep(), 1);
    QVERIFY(gate(CloseGate::NothingUnposted).passes);
    QVERIFY(m_page->blockers().isEmpty());
    QVERIFY(act([this] { m_page->signCurrentGate(); }));
    QVERIFY(gate(CloseGate::NothingUnposted).signoff.has_value());
    QCOMPARE(gate(CloseGate::NothingUnposted).signoff->signedBy, QStringLiteral("pete"));
    QVERIFY(m_page->statusText().contains(u"signed off by pete"));
}

void tst_ClosePage::blockingExceptionsLinkToTheQueueByKind()
{
    m_page->setCurrentStep(2);
    QVERIFY(!gate(CloseGate::NoBlockingExceptions).passes);
    QVERIFY2(m_page->blockers().contains(QStringLiteral("1 open: ")
                                         + ExceptionKinds::title(ExceptionKind::UnmappedPromotion)),
             qPrintable(m_page->blockers().join(u'\n')));
    auto *open = m_page->findChild<QPushButton *>(QStringLiteral("open-UNMAPPED_PROMOTION"));
    QVERIFY(open);
    QSignalSpy requested(m_page.get(), &ClosePage::openExceptionsRequested);
    open->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("UNMAPPED_PROMOTION"));

    const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QTest::qWait(100); // let the rows added to the visible page show and the layouts settle
        QVERIFY(m_page->grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/close.png")));
    }

    // Fix the data: the exception is resolved and the store-day reconciled.
    const QSqlDatabase sql = m_connection->database();
    {
        DbTransaction tx(sql);
        QVERIFY(ExceptionRepository(sql).resolve(tx, m_exception, QStringLiteral("voucher mapped"),
                                                 QStringLiteral("pete")));
        QVERIFY(tx.commit());
    }
    const Store store = StoreRepository(sql).all().value().constFirst();
    ReconciliationService reconciliation(sql, nullptr, nullptr);
    QVERIFY(reconciliation.reconcileStoreDay(store, QDate(2026, 10, 14),
                                             {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 13200),
                                              posting(QStringLiteral("VAT"), {}, -2200)},
                                             {})
                .ok());
    QVERIFY(reloadAndWait());
    QVERIFY(m_page->closeStatus()->allGatesPass());
    for (const CloseGate each : {CloseGate::NoBlockingExceptions, CloseGate::PayoutsMatched,
                                 CloseGate::TaxVarianceReviewed, CloseGate::SkuAuditClean})
        QVERIFY2(act([this, each] { m_page->signGate(each, QStringLiteral("checked")); }),
                 qPrintable(m_page->statusText()));
    QVERIFY(m_page->closeStatus()->allGatesSigned());
}

void tst_ClosePage::lockAndReopenNeedTwoApprovers()
{
    m_page->setCurrentStep(m_page->stepsModel()->finalStepRow());
    // A preparer cannot sign the period off; a wrong password signs nothing.
    QVERIFY(!act([this] { m_page->signPeriodAs(QStringLiteral("pete"), kPassword, QStringLiteral("done")); }));
    QVERIFY(!m_page->statusText().isEmpty());
    QVERIFY(!act([this] { m_page->signPeriodAs(QStringLiteral("anna"), QStringLiteral("wrong"), {}); }));
    QVERIFY(!m_page->closeStatus()->periodSignoff);
    // Nor can the period be locked before its sign-off.
    QVERIFY(!act([this] { m_page->lockAs(QStringLiteral("anna"), kPassword); }));
    QVERIFY(!m_page->closeStatus()->locked);

    QVERIFY2(act([this] { m_page->signPeriodAs(QStringLiteral("anna"), kPassword, QStringLiteral("October ok")); }),
             qPrintable(m_page->statusText()));
    QVERIFY(act([this] { m_page->lockAs(QStringLiteral("anna"), kPassword); }));
    QVERIFY(m_page->closeStatus()->locked);
    QCOMPARE(m_page->closeStatus()->lockedBy, QStringLiteral("anna"));
    QVERIFY(m_page->stepsModel()->index(m_page->stepsModel()->finalStepRow())
                .data(CloseStepsModel::StatusTextRole)
                .toString()
                .contains(u"Locked by anna"));

    // Anna asks to re-open; she cannot agree to her own request, and the refusal is shown in words.
    QVERIFY(act([this] { m_page->requestReopenAs(QStringLiteral("anna"), kPassword, QStringLiteral("late refund")); }));
    QVERIFY(!act([this] { m_page->approveReopenAs(QStringLiteral("anna"), kPassword, QStringLiteral("ok")); }));
    QVERIFY2(m_page->statusText().contains(u"someone else"), qPrintable(m_page->statusText()));
    QVERIFY(m_page->closeStatus()->locked);

    // Ben agrees: open again, every sign-off cleared.
    QVERIFY2(act([this] { m_page->approveReopenAs(QStringLiteral("ben"), kPassword, QStringLiteral("agreed")); }),
             qPrintable(m_page->statusText()));
    QVERIFY(!m_page->closeStatus()->locked);
    QVERIFY(!m_page->closeStatus()->periodSignoff);
    QVERIFY(!m_page->closeStatus()->allGatesSigned());
}

void tst_ClosePage::closePackIsWrittenInTheBackground()
{
    QTemporaryDir out;
    QSignalSpy exported(m_page.get(), &ClosePage::closePackExported);
    m_page->exportClosePack(out.path());
    QVERIFY(exported.wait(20000));
    QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("summary.json"))));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("signoffs.csv"))));
    // The controller's pack: the workbook and the PDF beside the CSV files.
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("close-pack-%1.xlsx").arg(m_page->period()))));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("close-pack-%1.pdf").arg(m_page->period()))));
    QVERIFY(m_page->statusText().contains(u"written to"));
}

void tst_ClosePage::cleanupTestCase()
{
    m_tester.reset();
    m_page.reset();
}

QTEST_MAIN(tst_ClosePage)
#include "tst_closepage.moc"
