// SPDX-License-Identifier: GPL-3.0-or-later
// The VAT variance and payouts view on a cache reconciled through the real ReconciliationService and repository:
// the bars sum the seeded VAT differences per store and rate in minor units, the lines per day, a bar drills down to
// the orders behind it (and an order with an exception asks to be opened), the payouts tab shows the stored results
// with its filters, and an empty cache says what to do. TILLBRIDGE_SCREENSHOT_DIR=folder saves vat-variance.png and
// payouts.png at 1440×900 from a month of realistic data.
#include "core/domain/exceptionrecord.h"
#include "core/models/payoutsmodel.h"
#include "core/models/taxvarianceordersmodel.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/reconciliation/taxvariancereport.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"
#include "ui/taxvariance/taxvariancepage.h"

#include "tests/core/reconciliation/cachefixture.h"
#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Recon;
using Tillbridge::Test::TempCache;
using Tillbridge::Ui::TaxVariancePage;

namespace {

constexpr qint64 kRate20 = 200000; // ten-thousandths of a percent
constexpr qint64 kRate5 = 50000;
constexpr qint64 kRate25 = 250000;
constexpr qint64 kRate12 = 120000;

QDateTime utc(QDate day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone::utc());
}

Store storeOf(const QSqlDatabase &db, qint64 id)
{
    const auto stores = StoreRepository(db).all();
    for (const Store &store : stores.value())
        if (store.id == id)
            return store;
    return {};
}

PrimaLedgerPosting posting(QDate day, const QString &account, const QString &tender, qint64 minor,
                           const QString &currency)
{
    static int id = 0;
    PrimaLedgerPosting p;
    p.postingId = QString::number(++id);
    p.postingDate = day;
    p.account = account;
    p.location = QStringLiteral("LOC");
    p.amount = Money(minor, Currency::of(currency));
    p.tender = tender;
    return p;
}

bool seedMappings(const QSqlDatabase &db)
{
    DbTransaction tx(db);
    MappingRepository mappings(db);
    for (const auto &[method, tender] : {std::pair{"Card", "CARD"}, std::pair{"Cash", "CASH"},
                                         std::pair{"Swish", "SWISH"}}) {
        if (!mappings.save(tx, MappingKind::PaymentMethod, QLatin1StringView(method), QLatin1StringView(tender),
                           QStringLiteral("test")))
            return false;
    }
    return tx.commit().ok();
}

bool raiseTax(const QSqlDatabase &db, ExceptionKind kind, qint64 sitooOrderId, qint64 storeId, qint64 *id = nullptr)
{
    DbTransaction tx(db);
    auto raised = ExceptionRepository(db).raise(
        tx, ExceptionRecord::open(kind, QStringLiteral("order"), QStringLiteral("1500:%1").arg(sitooOrderId),
                                  QStringLiteral("VAT on the order is not what the rate gives"), {}, storeId),
        QStringLiteral("test"));
    if (!raised)
        return false;
    if (id)
        *id = raised->id;
    return tx.commit().ok();
}

/** Reconciles a store-day with Prima's ledger equal to Sitoo's posted figures, adjusted by @p cardShortMinor. */
bool reconcile(const QSqlDatabase &db, qint64 storeId, QDate day, qint64 cardMinor, qint64 cashMinor, qint64 vatMinor,
               qint64 cardShortMinor = 0)
{
    const Store store = storeOf(db, storeId);
    const QString currency = store.currency.code();
    QList<PrimaLedgerPosting> prima;
    if (cardMinor)
        prima << posting(day, QStringLiteral("TENDER"), QStringLiteral("CARD"), cardMinor - cardShortMinor, currency);
    if (cashMinor)
        prima << posting(day, QStringLiteral("TENDER"), QStringLiteral("CASH"), cashMinor, currency);
    prima << posting(day, QStringLiteral("VAT"), {}, -vatMinor, currency);
    ReconciliationService service(db, nullptr, nullptr);
    auto result = service.reconcileStoreDay(store, day, prima, {});
    if (!result)
        qWarning() << result.errorString();
    return result.ok();
}

qint64 minorOf(qreal chartValue)
{
    return qRound64(chartValue * 100); // the charts draw GBP/SEK in major units
}

QBarSet *barSet(QBarSeries *series, const QString &label)
{
    for (QBarSet *set : series->barSets())
        if (QString(set->label()).replace(QChar::Nbsp, u' ') == label)
            return set;
    return nullptr;
}

} // namespace

class tst_TaxVariancePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void payoutsModelFilters();
    void ordersModel();
    void barsSumTheSeededVarianceInMinorUnits();
    void linesFollowTheDays();
    void aBarDrillsDownToTheOrdersBehindIt();
    void payoutsTab();
    void anEmptyCacheSaysWhatToDo();
    void axisFiguresFollowTheLocale();
    void screenshots();

private:
    bool waitLoaded(TaxVariancePage &page);

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    qint64 m_london = 0;
    qint64 m_manchester = 0;
    qint64 m_stockholm = 0;
    qint64 m_taxException = 0;
    std::unique_ptr<TaxVariancePage> m_page;
};

bool tst_TaxVariancePage::waitLoaded(TaxVariancePage &page)
{
    QSignalSpy loaded(&page, &TaxVariancePage::loaded);
    page.reload();
    return loaded.wait(20000);
}

void tst_TaxVariancePage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
    const QSqlDatabase db = m_connection->database();
    m_london = addStore(db, QStringLiteral("LDN-01"), QStringLiteral("London Oxford St"), QStringLiteral("GBP"),
                        QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("LDN-01"));
    m_manchester = addStore(db, QStringLiteral("MAN-01"), QStringLiteral("Manchester Arndale"), QStringLiteral("GBP"),
                            QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("MAN-01"));
    m_stockholm = addStore(db, QStringLiteral("STO-01"), QStringLiteral("Stockholm Drottninggatan"),
                           QStringLiteral("SEK"), QStringLiteral("SE"), QStringLiteral("Europe/Stockholm"),
                           QStringLiteral("STO-01"));
    QVERIFY(m_london > 0 && m_manchester > 0 && m_stockholm > 0);
    QVERIFY(seedMappings(db));

    const QDate oct14(2026, 10, 14);
    const QDate oct15(2026, 10, 15);
    // London, 14 October: an exact 20 % sale, a quarantined one charging 2.10 instead of 2.00 (TAX_VARIANCE), an
    // exact 5 % sale.
    addOrder(db, m_london, 1001, utc(oct14, 9), QStringLiteral("posted"), {{kRate20, 10000, 2000}},
             {{QStringLiteral("Card"), 12000}});
    addOrder(db, m_london, 1002, utc(oct14, 10), QStringLiteral("quarantined"), {{kRate20, 1000, 210}},
             {{QStringLiteral("Card"), 1210}});
    QVERIFY(raiseTax(db, ExceptionKind::TaxVariance, 1002, m_london, &m_taxException));
    addOrder(db, m_london, 1003, utc(oct14, 11), QStringLiteral("posted"), {{kRate5, 2000, 100}},
             {{QStringLiteral("Cash"), 2100}});
    // London, 15 October: 49.99 net gives 10.00 (exact); 33.33 net gives 6.67 but the till charged 6.65 (−0.02).
    addOrder(db, m_london, 1004, utc(oct15, 9), QStringLiteral("posted"), {{kRate20, 4999, 1000}},
             {{QStringLiteral("Card"), 5999}});
    addOrder(db, m_london, 1005, utc(oct15, 12), QStringLiteral("ready"), {{kRate20, 3333, 665}},
             {{QStringLiteral("Card"), 3998}});
    // Manchester, 14 October: 10.05 VAT on 50.00 net (+0.05), and a card payout 10.00 short in Prima.
    addOrder(db, m_manchester, 3001, utc(oct14, 13), QStringLiteral("posted"), {{kRate20, 5000, 1005}},
             {{QStringLiteral("Card"), 6005}});
    // Stockholm, 14 October (SEK): 25 % exact, 12 % charging 1.25 instead of 1.20 with a rounding exception.
    addOrder(db, m_stockholm, 2001, utc(oct14, 8), QStringLiteral("posted"),
             {{kRate25, 8000, 2000}, {kRate12, 1000, 125}}, {{QStringLiteral("Card"), 11125}},
             QStringLiteral("SEK"));
    QVERIFY(raiseTax(db, ExceptionKind::TaxRoundingMethod, 2001, m_stockholm));
    // September: London once, so that October (the latest month) is the default.
    addOrder(db, m_london, 900, utc(QDate(2026, 9, 30), 10), QStringLiteral("posted"), {{kRate20, 500, 100}},
             {{QStringLiteral("Cash"), 600}});

    QVERIFY(reconcile(db, m_london, oct14, 12000, 2100, 2100));
    QVERIFY(reconcile(db, m_london, oct15, 5999 + 3998, 0, 1665));
    QVERIFY(reconcile(db, m_manchester, oct14, 6005, 0, 1005, 1000));
    QVERIFY(reconcile(db, m_stockholm, oct14, 11125, 0, 2125));
    QVERIFY(reconcile(db, m_london, QDate(2026, 9, 30), 0, 600, 100));

    m_page = std::make_unique<TaxVariancePage>(db, m_cache.path());
    m_page->resize(1440, 900);
    m_page->show();
    QVERIFY(waitLoaded(*m_page));
}

void tst_TaxVariancePage::payoutsModelFilters()
{
    auto results = ReconciliationRepository(m_connection->database()).results(QDate(2026, 10, 1), QDate(2026, 10, 31));
    QVERIFY(results.ok());
    PayoutsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(*results);
    QCOMPARE(model.rowCount(), int(results->size()));
    QVERIFY(model.rowCount() > 0);
    // Manchester's card line is the one variance: 60.05 in Sitoo, 50.05 in Prima.
    QCOMPARE(model.varianceCount(), 1);
    model.setOnlyVariances(true);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).storeId, m_manchester);
    QCOMPARE(model.index(0, PayoutsModel::ItemColumn).data().toString(), QStringLiteral("Card"));
    QCOMPARE(model.index(0, PayoutsModel::SitooColumn).data(PayoutsModel::MinorRole).toLongLong(), qint64(6005));
    QCOMPARE(model.index(0, PayoutsModel::PrimaColumn).data(PayoutsModel::MinorRole).toLongLong(), qint64(5005));
    QCOMPARE(model.index(0, PayoutsModel::DifferenceColumn).data(PayoutsModel::MinorRole).toLongLong(),
             qint64(1000));
    QCOMPARE(model.index(0, PayoutsModel::DifferenceColumn).data().toString().replace(QChar::Nbsp, u' '),
             QStringLiteral("10.00 GBP"));
    QVERIFY(model.index(0, PayoutsModel::DifferenceColumn).data(PayoutsModel::VarianceRole).toBool());
    QCOMPARE(model.index(0, PayoutsModel::StatusColumn).data().toString(), QStringLiteral("Variance"));
    QVERIFY(model.index(0, PayoutsModel::StatusColumn).data(PayoutsModel::ExceptionIdRole).toLongLong() > 0);
    QCOMPARE(model.index(0, PayoutsModel::SitooColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    model.setOnlyVariances(false);
    model.setStoreId(m_stockholm);
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowAt(row).storeId, m_stockholm);
    model.setStoreId(0);
    QCOMPARE(model.rowCount(), int(results->size()));
    model.setResults({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_TaxVariancePage::ordersModel()
{
    auto orders = TaxVarianceReport::orders(m_connection->database(), m_london, kRate20, QDate(2026, 10, 1),
                                            QDate(2026, 10, 31));
    QVERIFY2(orders.ok(), qPrintable(orders.errorString()));
    TaxVarianceOrdersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOrders(*orders);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TaxVarianceOrdersModel::VarianceColumn).data(TaxVarianceOrdersModel::MinorRole)
                 .toLongLong(),
             qint64(10));
    QCOMPARE(model.index(1, TaxVarianceOrdersModel::VarianceColumn).data().toString().replace(QChar::Nbsp, u' '),
             QStringLiteral("-0.02 GBP"));
    QCOMPARE(model.index(1, TaxVarianceOrdersModel::ExceptionColumn).data().toString(), QStringLiteral("None"));
    model.setOrders({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_TaxVariancePage::barsSumTheSeededVarianceInMinorUnits()
{
    QCOMPARE(m_page->period(), QDate(2026, 10, 1));
    QCOMPARE(m_page->currency(), QStringLiteral("GBP")); // more GBP rows than SEK rows
    QVERIFY(!m_page->isShowingVatEmptyState());
    QCOMPARE(m_page->barStoreIds(), (QList<qint64>{m_london, m_manchester}));

    QBarSet *rate20 = barSet(m_page->barSeries(), QStringLiteral("VAT 20 %"));
    QBarSet *rate5 = barSet(m_page->barSeries(), QStringLiteral("VAT 5 %"));
    QVERIFY(rate20 && rate5);
    QCOMPARE(m_page->barSeries()->count(), 2);
    // London 20 %: +0.10 (order 1002) − 0.02 (order 1005); Manchester 20 %: +0.05; London 5 %: exact.
    QCOMPARE(minorOf(rate20->at(0)), qint64(8));
    QCOMPARE(minorOf(rate20->at(1)), qint64(5));
    QCOMPARE(minorOf(rate5->at(0)), qint64(0));
    // The figures behind them, in minor units (no doubles).
    for (const TaxVarianceCell &cell : m_page->cells()) {
        if (cell.storeId == m_london && cell.vatRateUnits == kRate20) {
            QCOMPARE(cell.varianceMinor(), qint64(8));
            QCOMPARE(cell.sitooVatMinor, qint64(2000 + 210 + 1000 + 665));
            QCOMPARE(cell.taxExceptions, 1);
            QCOMPARE(cell.orders, 4);
        }
    }

    // SEK is charted on its own: Stockholm's 12 % charged 0.05 too much.
    QSignalSpy loaded(m_page.get(), &TaxVariancePage::loaded);
    const QList<QComboBox *> boxes = m_page->findChildren<QComboBox *>();
    QComboBox *currency = nullptr;
    for (QComboBox *box : boxes)
        if (box->accessibleName() == u"Currency")
            currency = box;
    QVERIFY(currency && currency->isEnabled());
    currency->setCurrentText(QStringLiteral("SEK"));
    QCOMPARE(m_page->barStoreIds(), QList<qint64>{m_stockholm});
    QBarSet *rate12 = barSet(m_page->barSeries(), QStringLiteral("VAT 12 %"));
    QVERIFY(rate12);
    QCOMPARE(minorOf(rate12->at(0)), qint64(5));
    QCOMPARE(minorOf(barSet(m_page->barSeries(), QStringLiteral("VAT 25 %"))->at(0)), qint64(0));
    currency->setCurrentText(QStringLiteral("GBP"));
    QCOMPARE(m_page->currency(), QStringLiteral("GBP"));

    // September shows September only.
    m_page->showPeriod(QDate(2026, 9, 1));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->barStoreIds(), QList<qint64>{m_london});
    QCOMPARE(minorOf(barSet(m_page->barSeries(), QStringLiteral("VAT 20 %"))->at(0)), qint64(0));
    m_page->showPeriod(QDate(2026, 10, 1));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->period(), QDate(2026, 10, 1));
}

void tst_TaxVariancePage::linesFollowTheDays()
{
    const QList<QAbstractSeries *> series = m_page->dailyChart()->series();
    QCOMPARE(series.size(), 2);
    auto *london = qobject_cast<QLineSeries *>(series.at(0));
    QVERIFY(london);
    QCOMPARE(london->name(), QStringLiteral("London Oxford St"));
    QCOMPARE(london->count(), 2);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(london->at(0).x())).date(), QDate(2026, 10, 14));
    QCOMPARE(minorOf(london->at(0).y()), qint64(10));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(london->at(1).x())).date(), QDate(2026, 10, 15));
    QCOMPARE(minorOf(london->at(1).y()), qint64(-2));
}

void tst_TaxVariancePage::aBarDrillsDownToTheOrdersBehindIt()
{
    QSignalSpy drilled(m_page.get(), &TaxVariancePage::drillDownLoaded);
    // Clicking London's 20 % bar (the first category).
    QBarSet *rate20 = barSet(m_page->barSeries(), QStringLiteral("VAT 20 %"));
    QVERIFY(rate20);
    Q_EMIT rate20->clicked(0);
    QVERIFY(drilled.wait(20000));
    QVERIFY2(m_page->drillDownTitle().contains(u"London Oxford St"), qPrintable(m_page->drillDownTitle()));
    QVERIFY(m_page->drillDownTitle().replace(QChar::Nbsp, u' ').contains(u"VAT 20 %"));
    const TaxVarianceOrdersModel *model = m_page->ordersModel();
    QCOMPARE(model->rowCount(), 2); // 1002 (+0.10, TAX_VARIANCE) and 1005 (−0.02); the exact orders are left out
    QCOMPARE(model->orders().at(0).sitooOrderId, QStringLiteral("1002"));
    QCOMPARE(model->orders().at(0).varianceMinor(), qint64(10));
    QCOMPARE(model->orders().at(0).exceptionId, m_taxException);
    QCOMPARE(model->orders().at(0).exceptionKinds, QStringList{QStringLiteral("TAX_VARIANCE")});
    QCOMPARE(model->orders().at(1).sitooOrderId, QStringLiteral("1005"));
    QCOMPARE(model->orders().at(1).varianceMinor(), qint64(-2));
    QCOMPARE(model->orders().at(1).exceptionId, qint64(0));
    // The rows' variances sum to the bar.
    QCOMPARE(model->orders().at(0).varianceMinor() + model->orders().at(1).varianceMinor(),
             minorOf(rate20->at(0)));

    QSignalSpy open(m_page.get(), &TaxVariancePage::openExceptionRequested);
    QTableView *view = m_page->ordersView();
    QVERIFY(view->isVisible());
    const auto doubleClick = [view](int row) {
        const QRect rect = view->visualRect(view->model()->index(row, TaxVarianceOrdersModel::OrderColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    };
    doubleClick(1); // no exception: nothing to open
    QCOMPARE(open.size(), 0);
    doubleClick(0);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toLongLong(), m_taxException);

    // Stockholm's 12 % in SEK: the order with the rounding exception.
    m_page->drillDown(m_stockholm, kRate12);
    QVERIFY(drilled.wait(20000));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->orders().at(0).exceptionKinds, QStringList{QStringLiteral("TAX_ROUNDING_METHOD")});
    // London's 5 %: nothing behind it, and the page says so.
    m_page->drillDown(m_london, kRate5);
    QVERIFY(drilled.wait(20000));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!view->isVisible());
}

void tst_TaxVariancePage::payoutsTab()
{
    m_page->tabs()->setCurrentIndex(1);
    QCOMPARE(m_page->tabs()->tabText(1), QStringLiteral("Payouts"));
    QVERIFY(!m_page->isShowingPayoutsEmptyState());
    PayoutsModel *model = m_page->payoutsModel();
    const int all = model->rowCount();
    QVERIFY(all >= 5);
    m_page->setOnlyVariances(true);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowAt(0).storeId, m_manchester);
    m_page->setStoreFilter(m_london);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(m_page->isShowingPayoutsEmptyState()); // "No variances"
    m_page->setOnlyVariances(false);
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->rowAt(row).storeId, m_london);
    m_page->setStoreFilter(0);
    QCOMPARE(model->rowCount(), all);

    // Reload keeps the filters and the month.
    m_page->setOnlyVariances(true);
    QVERIFY(waitLoaded(*m_page));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(m_page->period(), QDate(2026, 10, 1));
    m_page->setOnlyVariances(false);

    QSignalSpy reconcile(m_page.get(), &TaxVariancePage::reconcileRequested);
    QPushButton *button = nullptr;
    for (QPushButton *candidate : m_page->findChildren<QPushButton *>())
        if (candidate->accessibleName() == u"Reconcile now")
            button = candidate;
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(reconcile.size(), 1);
    m_page->tabs()->setCurrentIndex(0);
}

void tst_TaxVariancePage::anEmptyCacheSaysWhatToDo()
{
    TempCache empty;
    auto connection = empty.open(QStringLiteral("gui-empty"));
    QVERIFY(connection.ok());
    TaxVariancePage page((*connection)->database(), empty.path());
    page.resize(1000, 700);
    page.show();
    QVERIFY(waitLoaded(page));
    QVERIFY(!page.period().isValid());
    QVERIFY(page.isShowingVatEmptyState());
    QVERIFY(page.isShowingPayoutsEmptyState());
    QCOMPARE(page.payoutsModel()->rowCount(), 0);
    QCOMPARE(page.ordersModel()->rowCount(), 0);
    QVERIFY(page.barSeries()->barSets().isEmpty());
    bool saysWhatToDo = false;
    for (QLabel *label : page.findChildren<QLabel *>())
        saysWhatToDo = saysWhatToDo || (label->isVisible() && label->text().contains(u"Reconcile now"));
    QVERIFY(saysWhatToDo);
}

namespace {
/** The texts the chart view draws: titles, legend and axis labels. */
QStringList chartTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts << text->toPlainText();
    }
    return texts;
}
} // namespace

void tst_TaxVariancePage::axisFiguresFollowTheLocale()
{
    const auto axisFigure = [](const QStringList &texts, QChar separator) {
        const QRegularExpression figure(QStringLiteral("^[−-]?\\d+\\%1\\d\\d$").arg(separator));
        return std::any_of(texts.cbegin(), texts.cend(),
                           [&figure](const QString &text) { return figure.match(text).hasMatch(); });
    };
    const auto barView = [](TaxVariancePage &page) -> QChartView * {
        for (QChartView *view : page.findChildren<QChartView *>()) {
            if (view->chart()->series().contains(page.barSeries()))
                return view;
        }
        return nullptr;
    };
    // The English page: figures with a decimal point (the chart lays its axes out when it is next painted).
    QChartView *english = barView(*m_page);
    QVERIFY(english);
    QTRY_VERIFY2_WITH_TIMEOUT(axisFigure(chartTexts(english), u'.'), qPrintable(chartTexts(english).join(u" | ")),
                              10000);

    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    TaxVariancePage swedish(m_connection->database(), m_cache.path());
    swedish.resize(1440, 900);
    swedish.show();
    const bool loaded = QTest::qWaitForWindowExposed(&swedish) && waitLoaded(swedish);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(loaded);
    QChartView *view = barView(swedish);
    QVERIFY(view);
    QTRY_VERIFY2_WITH_TIMEOUT(axisFigure(chartTexts(view), u','), qPrintable(chartTexts(view).join(u" | ")), 10000);
    QVERIFY2(!axisFigure(chartTexts(view), u'.'), qPrintable(chartTexts(view).join(u" | ")));
    if (const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(swedish.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/tax-variance-sv-axes.png")));
}

void tst_TaxVariancePage::screenshots()
{
    // A realistic month: four UK stores and two Swedish ones, three weeks of trading, a few tills rounding VAT
    // their own way, and two card payouts short in Prima.
    TempCache cache;
    auto connection = cache.open(QStringLiteral("gui-shots"));
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    QVERIFY(seedMappings(db));
    struct Shop
    {
        const char *id;
        const char *name;
        const char *currency;
        const char *regime;
        const char *zone;
        QList<qint64> rates;
        int drift; // every n-th order charges a little more or less VAT than the rate gives
    };
    const QList<Shop> shops{
        {"LDN-01", "London Oxford St", "GBP", "UK", "Europe/London", {kRate20, kRate5, 0}, 7},
        {"LDN-02", "London Covent Garden", "GBP", "UK", "Europe/London", {kRate20, 0}, 0},
        {"MAN-01", "Manchester Arndale", "GBP", "UK", "Europe/London", {kRate20, kRate5}, 5},
        {"EDI-01", "Edinburgh Princes St", "GBP", "UK", "Europe/London", {kRate20, kRate5, 0}, 11},
        {"STO-01", "Stockholm Drottninggatan", "SEK", "SE", "Europe/Stockholm", {kRate25, kRate12}, 6},
        {"GOT-01", "Göteborg Nordstan", "SEK", "SE", "Europe/Stockholm", {kRate25, kRate12, 60000}, 0},
    };
    qint64 orderId = 50000;
    int shopIndex = 0;
    for (const Shop &shop : shops) {
        ++shopIndex;
        const qint64 storeId = addStore(db, QLatin1StringView(shop.id), QString::fromUtf8(shop.name),
                                        QLatin1StringView(shop.currency), QLatin1StringView(shop.regime),
                                        QLatin1StringView(shop.zone), QLatin1StringView(shop.id));
        QVERIFY(storeId > 0);
        for (int dayOfMonth = 1; dayOfMonth <= 21; ++dayOfMonth) {
            const QDate day(2026, 10, dayOfMonth);
            if (day.dayOfWeek() == 7 && shopIndex % 2 == 0)
                continue; // closed on Sundays
            qint64 card = 0;
            qint64 cash = 0;
            qint64 vatTotal = 0;
            for (int n = 0; n < 6; ++n) {
                ++orderId;
                const qint64 rate = shop.rates.at(int(orderId % shop.rates.size()));
                const qint64 net = 1000 + (orderId * 7919) % 9000;
                qint64 vat = (net * rate + 500000) / 1000000; // half up: the rate's VAT, in minor units
                QString state = QStringLiteral("posted");
                const bool drifts = shop.drift > 0 && orderId % shop.drift == 0 && rate > 0;
                if (drifts)
                    vat += (orderId % 2 == 0) ? 1 + orderId % 3 : -1;
                if (drifts && orderId % 4 == 0)
                    state = QStringLiteral("quarantined");
                const bool byCard = n % 3 != 0;
                addOrder(db, storeId, orderId, utc(day, 9 + n), state, {{rate, net, vat}},
                         {{byCard ? QStringLiteral("Card") : QStringLiteral("Cash"), net + vat}},
                         QLatin1StringView(shop.currency));
                if (drifts)
                    QVERIFY(raiseTax(db, ExceptionKind::TaxVariance, orderId, storeId));
                if (state == u"posted") {
                    (byCard ? card : cash) += net + vat;
                    vatTotal += vat;
                }
            }
            const qint64 short_ = (shopIndex == 3 && dayOfMonth == 9) || (shopIndex == 5 && dayOfMonth == 16)
                                      ? 2500
                                      : 0;
            QVERIFY(reconcile(db, storeId, day, card, cash, vatTotal, short_));
        }
    }

    TaxVariancePage page(db, cache.path());
    page.resize(1440, 900);
    page.show();
    QVERIFY(waitLoaded(page));
    QCOMPARE(page.period(), QDate(2026, 10, 1));
    QVERIFY(page.barStoreIds().size() == 4);
    QSignalSpy drilled(&page, &TaxVariancePage::drillDownLoaded);
    Q_EMIT barSet(page.barSeries(), QStringLiteral("VAT 20 %"))->clicked(0);
    QVERIFY(drilled.wait(20000));
    QVERIFY(page.ordersModel()->rowCount() > 0);

    QTemporaryDir scratch;
    const QByteArray folderEnv = qgetenv("TILLBRIDGE_SCREENSHOT_DIR");
    const QString folder = folderEnv.isEmpty() ? scratch.path() : QString::fromLocal8Bit(folderEnv);
    QVERIFY(page.grab().save(folder + QStringLiteral("/vat-variance.png")));
    page.tabs()->setCurrentIndex(1);
    QVERIFY(page.payoutsModel()->varianceCount() == 2);
    // One store's month, with its short card payout in red among the matched lines.
    qint64 manchester = 0;
    for (const auto &[id, name] : page.payoutsModel()->stores())
        if (name == u"Manchester Arndale")
            manchester = id;
    page.setStoreFilter(manchester);
    QVERIFY(page.payoutsModel()->rowCount() > 0);
    for (int row = 0; row < page.payoutsModel()->rowCount(); ++row) {
        if (!page.payoutsModel()->rowAt(row).matched)
            page.payoutsView()->scrollTo(page.payoutsModel()->index(row, 0), QAbstractItemView::PositionAtCenter);
    }
    QVERIFY(page.grab().save(folder + QStringLiteral("/payouts.png")));
}

QTEST_MAIN(tst_TaxVariancePage)
#include "tst_taxvariancepage.moc"
