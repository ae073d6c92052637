// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench demo end to end: the sandbox Sitoo and Prima start on loopback, the demo points the connection
// settings at them and puts their generated credentials in the keychain, and "Test connection" goes green for both
// (and red, with a reason, when a password is wrong).
#include "core/application.h"
#include "core/engine/syncengine.h"
#include "core/models/exceptionqueuemodel.h"
#include "core/models/storehealth.h"
#include "core/secrets/crossthreadsecretstore.h"
#include "core/sandbox/demosession.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/schemamigrator.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/exceptions/exceptionqueuepage.h"
#include "ui/mainwindow.h"
#include "ui/settings/connectionsform.h"
#include "ui/settings/settingspage.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Tillbridge;
using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

class tst_Demo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoConfiguresBothConnections();
    void bothConnectionsTestGreen();
    void everyViewShowsTheSyncedDemo();
    void aWrongPasswordIsReportedPlainly();
    void cleanupTestCase();

private:
    TempCache m_cache;
    MemorySecretStore m_secrets;
    std::unique_ptr<Sandbox::DemoSession> m_session;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void tst_Demo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    setSettingsProfile(QStringLiteral("demo"));
    auto options = Sandbox::DemoSession::defaultOptions(m_cache.dirPath() + QStringLiteral("/demo"));
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 2;
    m_session = std::make_unique<Sandbox::DemoSession>(options, &m_secrets);
    QSignalSpy ready(m_session.get(), &Sandbox::DemoSession::ready);
    QSignalSpy failed(m_session.get(), &Sandbox::DemoSession::failed);
    m_session->start();
    QVERIFY(ready.wait(60000) || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY(connection.ok());
    m_window = std::make_unique<Ui::MainWindow>(*connection, SchemaMigrator::latestVersion(), &m_secrets);
    m_window->settingsPage()->connectionsForm()->setSettings(m_session->connections());
    m_window->showView(Ui::MainWindow::View::Settings);
    m_window->show();
}

void tst_Demo::demoConfiguresBothConnections()
{
    const ConnectionSettings &connections = m_session->connections();
    QCOMPARE(connections.sitooBaseUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(connections.sitooBaseUrl.path().startsWith(u"/v2/accounts/"));
    QCOMPARE(connections.primaBaseUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!connections.sitooApiId.isEmpty());
    // Saved in the demo profile's settings file, which holds no secret.
    auto settings = openSettings();
    QVERIFY(settings->fileName().endsWith(u"tillbridge-demo.ini"));
    const ConnectionSettings saved = ConnectionSettings::load(*settings);
    QCOMPARE(saved.sitooBaseUrl, connections.sitooBaseUrl);
    QCOMPARE(saved.primaBaseUrl, connections.primaBaseUrl);
    for (const QString &key : settings->allKeys())
        QVERIFY2(!key.contains(u"password", Qt::CaseInsensitive) && !key.contains(u"token"), qPrintable(key));
    // The generated secrets are in the keychain under the keys the clients read.
    QVERIFY(m_secrets.contains(connections.sitooPasswordKey()));
    QVERIFY(m_secrets.contains(connections.primaTokenKey()));
}

void tst_Demo::bothConnectionsTestGreen()
{
    Ui::ConnectionsForm *form = m_window->settingsPage()->connectionsForm();
    QSignalSpy sitoo(form, &Ui::ConnectionsForm::sitooTested);
    QSignalSpy prima(form, &Ui::ConnectionsForm::primaTested);
    form->testSitoo();
    form->testPrima();
    QVERIFY(sitoo.wait(30000) || !sitoo.isEmpty());
    QVERIFY(prima.size() == 1 || prima.wait(30000));
    QVERIFY2(sitoo.first().first().toBool(), qPrintable(form->sitooStatus()));
    QVERIFY2(prima.first().first().toBool(), qPrintable(form->primaStatus()));
    QVERIFY(form->sitooStatus().contains(u"Connected to Sitoo account " + m_session->connections().sitooAccountId));
    QVERIFY(form->primaStatus().contains(u"Connected to the Prima gateway"));

    const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        m_window->resize(1440, 900);
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/settings-connections.png")));
    }
}

void tst_Demo::aWrongPasswordIsReportedPlainly()
{
    Ui::ConnectionsForm *form = m_window->settingsPage()->connectionsForm();
    const ConnectionSettings &connections = m_session->connections();
    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets,
                                           {{connections.sitooPasswordKey(), QStringLiteral("not-the-password")}}));
    QSignalSpy sitoo(form, &Ui::ConnectionsForm::sitooTested);
    form->testSitoo();
    QVERIFY(sitoo.wait(30000));
    QCOMPARE(sitoo.first().first().toBool(), false);
    QVERIFY2(form->sitooStatus().contains(u"refused the API id and password"), qPrintable(form->sitooStatus()));
}

void tst_Demo::everyViewShowsTheSyncedDemo()
{
    // The real engine against the demo's sandbox, as the launch command runs it.
    SyncConfig config;
    config.cachePath = m_cache.path();
    config.connections = m_session->connections();
    config.mappingsFile = m_cache.dirPath() + QStringLiteral("/mappings.json");
    QFile mappings(config.mappingsFile);
    QVERIFY(mappings.open(QIODevice::WriteOnly));
    mappings.write(m_session->mappingsJson());
    mappings.close();
    SyncEngine engine(config, [this](QObject *parent) -> SecretStore * {
        return new CrossThreadSecretStore(&m_secrets, parent);
    });
    m_window->setEngine(&engine);
    QStringList reported;
    connect(&engine, &SyncEngine::jobReported, this, [&reported](const QString &job, const QString &message, bool ok) {
        reported << job;
        if (!ok)
            qWarning() << job << message;
    });
    engine.start();
    // The start-up jobs: the catalogue pass, the push, the audit, the reconciliation and the full stock push.
    QTRY_VERIFY_WITH_TIMEOUT(reported.contains(QStringLiteral("stock-full")), 180000);

    const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR");
    m_window->resize(1440, 900);
    const QList<std::pair<Ui::MainWindow::View, QString>> views{
        {Ui::MainWindow::View::Dashboard, QStringLiteral("dashboard")},
        {Ui::MainWindow::View::Exceptions, QStringLiteral("exceptions")},
        {Ui::MainWindow::View::SkuDiff, QStringLiteral("skudiff")},
        {Ui::MainWindow::View::TaxVariance, QStringLiteral("vat-variance")},
        {Ui::MainWindow::View::Stock, QStringLiteral("stock")},
        {Ui::MainWindow::View::AuditTrail, QStringLiteral("audit")},
        {Ui::MainWindow::View::Close, QStringLiteral("close")},
        {Ui::MainWindow::View::Settings, QStringLiteral("settings")},
    };
    QSignalSpy refreshed(m_window.get(), &Ui::MainWindow::refreshed);
    m_window->refresh();
    QVERIFY(refreshed.wait(30000));
    QTest::qWait(500); // the other views' background reads
    for (const auto &[view, name] : views) {
        m_window->showView(view);
        QTest::qWait(150);
        const QImage image = m_window->grab().toImage();
        QCOMPARE(image.size(), QSize(1440, 900));
        if (!folder.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(folder) + u"/demo-" + name + u".png"));
    }
    // What a finance user sees first: the stores and the orders held back, with their explanations.
    QCOMPARE(m_window->dashboardPage()->storesModel()->rowCount(), 2);
    Core::ExceptionQueueModel *queue = m_window->exceptionQueuePage()->model();
    QVERIFY(queue->totalCount() > 0);
    QVERIFY(!queue->recordAt(0).explanation.isEmpty());
}

void tst_Demo::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
}

QTEST_MAIN(tst_Demo)
#include "tst_demo.moc"
