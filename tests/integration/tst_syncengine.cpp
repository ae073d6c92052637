// SPDX-License-Identifier: GPL-3.0-or-later
// The engine in its worker thread, as the workbench runs it: its own connection and clients in that thread, a
// keychain store used only from the thread that owns it (through CrossThreadSecretStore), value-type signals back,
// no Qt thread-affinity warnings, and a pass that drains the sandbox while the GUI thread reads the cache.
#include "core/engine/syncengine.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/secrets/crossthreadsecretstore.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/cachestatistics.h"
#include "core/storage/storerepository.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;

class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aPassRunsInTheWorkerThread();

private:
    QTemporaryDir m_dir;
    TempCache m_cache;
    std::unique_ptr<DemoSandbox> m_sandbox;
    MemorySecretStore m_secrets; // lives in the GUI thread, like the workbench's keychain store
    SyncConfig m_config;
};

void tst_SyncEngine::initTestCase()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*Cannot create children for a parent.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    DemoSandboxOptions options;
    options.scenario.seed = 9;
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 1;
    options.scenario.defectRate = 0.1;
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY(endpoints.ok());
    m_config.cachePath = m_cache.path();
    m_config.connections.sitooBaseUrl = endpoints->sitooBaseUrl;
    m_config.connections.sitooAccountId = endpoints->sitooAccountId;
    m_config.connections.sitooApiId = endpoints->sitooApiId;
    m_config.connections.primaBaseUrl = endpoints->primaBaseUrl;
    m_config.mappingsFile = m_dir.filePath(QStringLiteral("mappings.json"));
    m_config.schedule.primaRequestsPerSecond = 1000;
    QFile mappings(m_config.mappingsFile);
    QVERIFY(mappings.open(QIODevice::WriteOnly));
    mappings.write(endpoints->mappingsJson);
    mappings.close();
    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets,
                                           {{m_config.connections.sitooPasswordKey(), endpoints->sitooPassword},
                                            {m_config.connections.primaTokenKey(), endpoints->primaToken}}));
}

void tst_SyncEngine::aPassRunsInTheWorkerThread()
{
    SyncEngine engine(m_config, [this](QObject *parent) -> SecretStore * {
        return new CrossThreadSecretStore(&m_secrets, parent);
    });
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    QSignalSpy failed(&engine, &SyncEngine::failed);
    engine.start();
    QVERIFY(engine.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const auto summary = finished.first().first().value<SyncSummary>();
    QVERIFY(summary.orders.received > 0);
    QCOMPARE(summary.postings.posted, summary.orders.ready);
    QCOMPARE(m_sandbox->prima()->documents().size(), qsizetype(summary.orders.ready));

    // Meanwhile the GUI thread reads the same cache through its own connection.
    auto gui = m_cache.open(QStringLiteral("gui"));
    QVERIFY(gui.ok());
    const auto statistics = readCacheStatistics((*gui)->database());
    QVERIFY(statistics.ok());
    QCOMPARE(statistics->posOrders, qint64(summary.orders.received));
    const auto stores = StoreRepository((*gui)->database()).all();
    QVERIFY(stores.ok() && !stores->isEmpty());
    for (const Store &store : *stores)
        QVERIFY2(!store.primaLocation.isEmpty(), qPrintable(store.name)); // shown from the store mapping
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
