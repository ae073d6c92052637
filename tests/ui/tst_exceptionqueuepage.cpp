// SPDX-License-Identifier: GPL-3.0-or-later
// The exception queue as finance staff use it: real quarantined orders from the §5.2 fixture, filters applied in
// SQL, the detail pane's arithmetic, and maker-checker through the page — the preparer who proposed an override
// cannot approve it, an approver can, and the order is released to the outbox.
#include "core/models/exceptionqueuemodel.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/userrepository.h"
#include "ui/common/workbenchuser.h"
#include "ui/exceptions/exceptiondetailview.h"
#include "ui/exceptions/exceptionqueuepage.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_TEST_DATA "/../../core/engine/validation/data/order-sale-20001.json");
const QString kPassword = QStringLiteral("correct horse battery");
} // namespace

class tst_ExceptionQueuePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelPagesAndFiltersInSql();
    void detailShowsTheArithmetic();
    void makerCannotApproveButAnotherApproverReleasesTheOrder();
    void fixTheMappingNamesTheMissingValue();
    void checkAgainReleasesAnOrderOnceTheMappingIsFixed();

private:
    int rowOfKind(ExceptionKind kind) const;
    void selectKind(ExceptionKind kind);
    bool waitForAction();

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    WorkbenchUser m_user;
    std::unique_ptr<ExceptionQueuePage> m_page;
};

void tst_ExceptionQueuePage::initTestCase()
{
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    const QSqlDatabase db = m_connection->database();
    QByteArray mappings = baseMappings();
    mappings.replace(R"("Card":"CARD")", R"("Card":"CARD","Gift Card":"GIFT")");
    QVERIFY(seed(db, mappings).ok());
    SaleShape variance;
    variance.taxVariance = true;
    SaleShape swish;
    swish.giftPayment = QStringLiteral("Swish"); // no tender mapping for Swish
    const auto ingested = ingest(db, {saleOrder(kTemplate, 50001, variance), saleOrder(kTemplate, 50004, swish)});
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(ingested->quarantined, 2);
    DbTransaction tx(db);
    UserRepository users(db);
    QVERIFY(users.create(tx, QStringLiteral("pia"), QStringLiteral("Pia Preparer"), UserRole::Preparer, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(users.create(tx, QStringLiteral("alex"), QStringLiteral("Alex Approver"), UserRole::Approver, kPassword,
                         QStringLiteral("admin")).ok());
    QVERIFY(tx.commit().ok());
    m_page = std::make_unique<ExceptionQueuePage>(db, m_cache.path(), &m_user);
    m_page->resize(1400, 800);
    m_page->show();
    m_page->reload();
}

int tst_ExceptionQueuePage::rowOfKind(ExceptionKind kind) const
{
    const auto *model = m_page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordAt(row).kind == kind)
            return row;
    }
    return -1;
}

void tst_ExceptionQueuePage::selectKind(ExceptionKind kind)
{
    const int row = rowOfKind(kind);
    QVERIFY2(row >= 0, qPrintable(ExceptionKinds::code(kind)));
    m_page->view()->selectRow(row);
}

bool tst_ExceptionQueuePage::waitForAction()
{
    QSignalSpy finished(m_page.get(), &ExceptionQueuePage::actionFinished);
    return finished.wait(20000);
}

void tst_ExceptionQueuePage::modelPagesAndFiltersInSql()
{
    ExceptionQueueModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totalCount(), qint64(2));
    QCOMPARE(model.index(0, ExceptionQueueModel::ReferenceColumn).data().toString(), QStringLiteral("Order 50001"));

    ExceptionFilter finance;
    finance.owner = OwnerTeam::Finance;
    finance.states = {ExceptionState::Open, ExceptionState::Assigned};
    model.setFilter(finance);
    QCOMPARE(model.rowCount(), 2); // a tax variance and an unmapped tender are both finance's

    ExceptionFilter text;
    text.text = QStringLiteral("Swish");
    model.setFilter(text);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.recordAt(0).kind, ExceptionKind::UnmappedPaymentMethod);

    ExceptionFilter wildcard; // LIKE wildcards are matched literally: "_" is not "any one character"
    wildcard.text = QStringLiteral("Sw_sh");
    model.setFilter(wildcard);
    QCOMPARE(model.rowCount(), 0);

    ExceptionFilter kinds;
    kinds.kinds = {ExceptionKind::TaxVariance};
    model.setFilter(kinds);
    QCOMPARE(model.rowCount(), 1);
    model.setAge(ExceptionAge::OverSevenDays);
    QCOMPARE(model.rowCount(), 0); // raised just now
    model.setAge(ExceptionAge::UnderOneHour);
    QCOMPARE(model.rowCount(), 1);
}

void tst_ExceptionQueuePage::detailShowsTheArithmetic()
{
    const qint64 id = m_page->model()->recordAt(rowOfKind(ExceptionKind::TaxVariance)).id;
    const auto detail = ExceptionDetail::load(m_connection->database(), id);
    QVERIFY2(detail.ok(), qPrintable(detail.errorString()));
    QVERIFY(detail->order.has_value());
    QVERIFY(detail->recomputation.has_value());
    QVERIFY(!detail->rawPayload.isEmpty());
    // The fixture's first line carries 0.10 too much VAT: the recomputation shows it at that line's rate.
    qint64 rateDifference = 0;
    for (const VatRecomputation &rate : detail->recomputation->byRate)
        rateDifference += rate.difference.minorUnits();
    QCOMPARE(rateDifference, qint64(10));
    const QString html = ExceptionDetailView::toHtml(*detail);
    QVERIFY(html.contains(QStringLiteral("VAT per rate")));
    QVERIFY(html.contains(QStringLiteral("TS-100-M")));
    QVERIFY(html.contains(QStringLiteral("The order as Sitoo sent it")));
    // The history names states as the queue does, not by their stored codes.
    QVERIFY(!detail->history.isEmpty());
    QVERIFY(html.contains(QStringLiteral("</b> · Open · ")));
    QVERIFY(!html.contains(QStringLiteral(" · open · ")));

    selectKind(ExceptionKind::TaxVariance);
    QTRY_VERIFY(m_page->detailView()->toPlainText().contains(QStringLiteral("The arithmetic")));
}

void tst_ExceptionQueuePage::makerCannotApproveButAnotherApproverReleasesTheOrder()
{
    const QSqlDatabase db = m_connection->database();
    m_user.signIn(UserRepository(db).find(QStringLiteral("pia"))->value());
    selectKind(ExceptionKind::TaxVariance);
    m_page->proposeWithReason(QStringLiteral("The till rounded a promotion line; accept it"));
    QVERIFY(waitForAction());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("Override proposed")), qPrintable(m_page->statusText()));

    // Pia proposed it, so Pia cannot approve it — refused with a readable reason, nothing released.
    selectKind(ExceptionKind::TaxVariance);
    m_page->approveAs(QStringLiteral("pia"), kPassword, QStringLiteral("Looks right to me"));
    QVERIFY(waitForAction());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("preparer")) || m_page->statusText().contains(u"someone else"),
             qPrintable(m_page->statusText()));
    QCOMPARE(OrderRepository(db).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Quarantined);

    // Alex, an approver, signs in for the approval: the order goes to the outbox.
    selectKind(ExceptionKind::TaxVariance);
    m_page->approveAs(QStringLiteral("alex"), kPassword, QStringLiteral("Checked against the Z-report"));
    QVERIFY(waitForAction());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("released")), qPrintable(m_page->statusText()));
    QCOMPARE(OrderRepository(db).findBySitooId(kAccount, 50001)->value().state, PosOrderState::Ready);
    QCOMPARE(rowOfKind(ExceptionKind::TaxVariance), -1); // gone from the queue of work
    QVERIFY(AuditChain::verify(db)->intact);
}

void tst_ExceptionQueuePage::fixTheMappingNamesTheMissingValue()
{
    QPushButton *fix = nullptr;
    for (QPushButton *button : m_page->findChildren<QPushButton *>()) {
        if (button->accessibleName() == QStringLiteral("Fix the mapping"))
            fix = button;
    }
    QVERIFY(fix);
    QSignalSpy requested(m_page.get(), &ExceptionQueuePage::fixMappingRequested);

    m_page->view()->clearSelection(); // nothing selected, nothing to map (other kinds: tst_mappingchangereview)
    QVERIFY(!fix->isEnabled());
    m_page->fixMapping();
    QCOMPARE(requested.size(), 0);

    selectKind(ExceptionKind::UnmappedPaymentMethod);
    QVERIFY(fix->isEnabled());
    fix->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).value<MappingKind>(), MappingKind::PaymentMethod);
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("Swish")); // from the exception's figures
}

void tst_ExceptionQueuePage::checkAgainReleasesAnOrderOnceTheMappingIsFixed()
{
    const QSqlDatabase db = m_connection->database();
    selectKind(ExceptionKind::UnmappedPaymentMethod);
    m_page->recheck();
    QVERIFY(waitForAction());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("0 released")), qPrintable(m_page->statusText()));

    // Someone maps Swish; checking again releases the order.
    {
        DbTransaction tx(db);
        QVERIFY(MappingRepository(db)
                    .save(tx, MappingKind::PaymentMethod, QStringLiteral("Swish"), QStringLiteral("SWISH"),
                          QStringLiteral("pia"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    selectKind(ExceptionKind::UnmappedPaymentMethod);
    m_page->recheck();
    QVERIFY(waitForAction());
    QVERIFY2(m_page->statusText().contains(QStringLiteral("1 released")), qPrintable(m_page->statusText()));
    QCOMPARE(OrderRepository(db).findBySitooId(kAccount, 50004)->value().state, PosOrderState::Ready);
    QCOMPARE(m_page->model()->totalCount(), qint64(0));
}

QTEST_MAIN(tst_ExceptionQueuePage)
#include "tst_exceptionqueuepage.moc"
