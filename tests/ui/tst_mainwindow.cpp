// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench shell on a real cache: store health from the cache, the audit trail with filtering, chain
// verification off the GUI thread (intact, then tampered), and the audit anchor export.
#include "core/models/audittrailmodel.h"
#include "core/models/storehealth.h"
#include "core/models/storesmodel.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/schemamigrator.h"
#include "core/storage/storerepository.h"
#include "ui/audittrail/audittrailpage.h"
#include "ui/common/summarytile.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/mainwindow.h"
#include "ui/settings/settingspage.h"

#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Tillbridge;
using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

namespace {
Store makeStore(const QString &id, const QString &name, const char *currency, TaxRegime regime, const QString &zone)
{
    Store store;
    store.sitooAccount = QStringLiteral("90001");
    store.sitooStoreId = id;
    store.name = name;
    store.currency = Currency::of(QString::fromLatin1(currency));
    store.countryCode = regime == TaxRegime::Sweden ? QStringLiteral("SE") : QStringLiteral("GB");
    store.taxRegime = regime;
    store.timeZone = zone;
    return store;
}

QString tileValue(QWidget *page, const QString &caption)
{
    for (auto *tile : page->findChildren<Ui::SummaryTile *>()) {
        if (tile->accessibleName() == caption)
            return tile->valueText();
    }
    return QStringLiteral("<no tile %1>").arg(caption);
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dashboardShowsTheCache();
    void viewsByName();
    void auditTrailFilters();
    void anchorExport();
    void verifyChainIntactThenTampered();

private:
    TempCache m_cache;
    MemorySecretStore m_secrets;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test folder, never the user's
    QLocale::setDefault(QLocale::c());
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
    DbTransaction tx(m_connection->database());
    StoreRepository stores(m_connection->database());
    QVERIFY(stores.save(tx, makeStore(QStringLiteral("200"), QStringLiteral("Concept Store Stockholm"), "SEK",
                                      TaxRegime::Sweden, QStringLiteral("Europe/Stockholm")),
                        QStringLiteral("anna.finance"))
                .ok());
    Store london = makeStore(QStringLiteral("310"), QStringLiteral("Covent Garden"), "GBP", TaxRegime::UnitedKingdom,
                             QStringLiteral("Europe/London"));
    london.primaLocation = QStringLiteral("LDN01");
    QVERIFY(stores.save(tx, london, QStringLiteral("anna.finance")).ok());
    QVERIFY(tx.commit().ok());
}

void tst_MainWindow::init()
{
    m_window = std::make_unique<Ui::MainWindow>(m_connection, SchemaMigrator::latestVersion(), &m_secrets);
    QSignalSpy refreshed(m_window.get(), &Ui::MainWindow::refreshed);
    m_window->show();
    QVERIFY(refreshed.wait(10000));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
}

void tst_MainWindow::dashboardShowsTheCache()
{
    Ui::DashboardPage *dashboard = m_window->dashboardPage();
    QAbstractItemModelTester tester(dashboard->storesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dashboard->storesModel()->rowCount(), 2);
    // Sorted by name.
    QCOMPARE(dashboard->storesModel()->index(0, StoreHealthModel::NameColumn).data().toString(),
             QStringLiteral("Concept Store Stockholm"));
    QCOMPARE(dashboard->storesModel()->index(1, StoreHealthModel::PrimaLocationColumn).data().toString(),
             QStringLiteral("LDN01"));
    // Stockholm has no Prima location yet: nothing of it can post, and the light's tooltip says so. London is fine.
    QCOMPARE(dashboard->storesModel()->index(0, StoreHealthModel::LightColumn).data().toString(),
             QStringLiteral("Act"));
    QVERIFY(dashboard->storesModel()->index(0, StoreHealthModel::LightColumn).data(Qt::ToolTipRole).toString()
                .contains(QStringLiteral("Prima location")));
    QCOMPARE(dashboard->storesModel()->index(1, StoreHealthModel::LightColumn).data().toString(),
             QStringLiteral("OK"));
    QCOMPARE(tileValue(dashboard, QStringLiteral("Stores")), QStringLiteral("2"));
    QCOMPARE(tileValue(dashboard, QStringLiteral("Open exceptions")), QStringLiteral("0"));
    const qint64 head = AuditChain::head(m_connection->database())->seq;
    QCOMPARE(tileValue(dashboard, QStringLiteral("Audit trail entries")), QLocale().toString(head));
    QCOMPARE(m_window->currentView(), Ui::MainWindow::View::Dashboard);
}

void tst_MainWindow::viewsByName()
{
    QCOMPARE(Ui::MainWindow::viewNames().size(), 8);
    for (const QString &name : Ui::MainWindow::viewNames()) {
        const auto view = Ui::MainWindow::viewFromName(name);
        QVERIFY2(view.has_value(), qPrintable(name));
        m_window->showView(*view);
        QCOMPARE(m_window->currentView(), *view);
    }
    QVERIFY(!Ui::MainWindow::viewFromName(QStringLiteral("ledger")).has_value());
    // Keyboard: Ctrl+1 goes back to store health.
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentView(), Ui::MainWindow::View::Dashboard);
}

void tst_MainWindow::auditTrailFilters()
{
    m_window->showView(Ui::MainWindow::View::AuditTrail);
    Ui::AuditTrailPage *page = m_window->auditTrailPage();
    AuditTrailModel *model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 head = AuditChain::head(m_connection->database())->seq;
    QCOMPARE(model->rowCount(), int(head));
    QCOMPARE(model->index(0, AuditTrailModel::ActionColumn).data().toString(), QStringLiteral("Store saved"));

    QTest::keyClicks(page->filterEdit(), QStringLiteral("Covent"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, AuditTrailModel::ActorColumn).data().toString(), QStringLiteral("anna.finance"));
    page->filterEdit()->clear();
    QTRY_COMPARE(model->rowCount(), int(head));
}

void tst_MainWindow::anchorExport()
{
    const QString file = m_cache.dirPath() + QStringLiteral("/anchor.json");
    QSignalSpy exported(m_window->settingsPage(), &Ui::SettingsPage::anchorExported);
    m_window->settingsPage()->exportAnchor(file);
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.first().at(0).toBool(), true);
    const auto anchor = AuditAnchor::load(file);
    QVERIFY(anchor.ok());
    QCOMPARE(anchor->seq, AuditChain::head(m_connection->database())->seq);
}

void tst_MainWindow::verifyChainIntactThenTampered()
{
    m_window->showView(Ui::MainWindow::View::AuditTrail);
    Ui::AuditTrailPage *page = m_window->auditTrailPage();
    QSignalSpy finished(page, &Ui::AuditTrailPage::verificationFinished);
    QTest::mouseClick(page->verifyButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), true);
    const QByteArray headHash = AuditChain::head(m_connection->database())->hash;
    QVERIFY2(page->verificationText().contains(u"Chain intact"), qPrintable(page->verificationText()));
    QVERIFY(page->verificationText().contains(QString::fromLatin1(headHash)));

    // Someone with raw write access changes entry 3 (last test: the cache stays tampered).
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_events_no_update")));
    QVERIFY(query.exec(QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")));
    QTest::mouseClick(page->verifyButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), false);
    QVERIFY2(page->verificationText().contains(u"Chain broken at entry 3"), qPrintable(page->verificationText()));

    // And the anchor export refuses to bless it.
    QSignalSpy exported(m_window->settingsPage(), &Ui::SettingsPage::anchorExported);
    m_window->settingsPage()->exportAnchor(m_cache.dirPath() + QStringLiteral("/refused.json"));
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.first().at(0).toBool(), false);
    QVERIFY(!QFile::exists(m_cache.dirPath() + QStringLiteral("/refused.json")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
