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
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aPassRunsInTheWorkerThread();
    void cancelStopsAtASafePointWithNothingHalfDone();
    void startRunsPushAuditAndReconciliationOnce();

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
    QSignalSpy started(&engine, &SyncEngine::jobStarted);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), 10000);
    // The first job of a session is the pass that reads Prima's item master afresh.
    QCOMPARE(started.first().first().toString(), QString::fromLatin1(SyncEngine::kCatalogueJob));
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

void tst_SyncEngine::cancelStopsAtASafePointWithNothingHalfDone()
{
    // A slow Prima (one document per request, five requests a second) so that there is time to cancel.
    TempCache cache;
    SyncConfig config = m_config;
    config.cachePath = cache.path();
    config.schedule.postingBatchSize = 1;
    config.schedule.primaRequestsPerSecond = 5;
    SyncEngine engine(config, [this](QObject *parent) -> SecretStore * {
        return new CrossThreadSecretStore(&m_secrets, parent);
    });
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    QSignalSpy jobFinished(&engine, &SyncEngine::jobFinished);
    bool cancelled = false;
    QStringList steps;
    connect(&engine, &SyncEngine::progressed, this, [&](const SyncProgress &progress) {
        if (steps.isEmpty() || steps.last() != progress.step)
            steps << progress.step;
        if (progress.step == u"posting" && progress.documentsPosted >= 3 && !cancelled) {
            cancelled = true;
            engine.cancel();
        }
    });
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(!jobFinished.isEmpty(), 60000);
    QVERIFY(cancelled);
    QCOMPARE(steps, (QStringList{QStringLiteral("stores"), QStringLiteral("catalogue"), QStringLiteral("orders"),
                                 QStringLiteral("posting")}));
    QCOMPARE(finished.size(), 1);
    const auto summary = finished.first().first().value<SyncSummary>();
    QVERIFY(summary.postings.documents() >= 3);
    QVERIFY2(summary.postings.documents() < summary.orders.ready / 2, "cancel did not stop the posting");

    auto gui = cache.open(QStringLiteral("gui"));
    QVERIFY(gui.ok());
    const QSqlDatabase db = (*gui)->database();
    // Nothing was left claimed: what was not sent is simply still due.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'sending'")), qint64(0));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'posted'")),
             qint64(summary.postings.documents()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")),
             qint64(summary.orders.ready - summary.postings.documents()));
}

void tst_SyncEngine::startRunsPushAuditAndReconciliationOnce()
{
    TempCache cache;
    SyncConfig config = m_config;
    config.cachePath = cache.path();
    SyncEngine engine(config, [this](QObject *parent) -> SecretStore * {
        return new CrossThreadSecretStore(&m_secrets, parent);
    });
    QStringList started;
    QMap<QString, QPair<QString, bool>> reports;
    connect(&engine, &SyncEngine::jobStarted, this, [&](const QString &job) { started << job; });
    connect(&engine, &SyncEngine::jobReported, this, [&](const QString &job, const QString &message, bool ok) {
        reports.insert(job, {message, ok});
    });
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(reports.contains(QString::fromLatin1(SyncEngine::kReconcileJob)), 120000);
    QCOMPARE(started.mid(0, 4), (QStringList{QStringLiteral("catalogue"), QStringLiteral("catalogue-push"),
                                             QStringLiteral("sku-audit"), QStringLiteral("reconcile")}));
    QTRY_VERIFY_WITH_TIMEOUT(reports.contains(QString::fromLatin1(SyncEngine::kStockFullJob)), 120000);
    QCOMPARE(started.value(4), QStringLiteral("stock-full"));
    for (const char *job : {SyncEngine::kCataloguePushJob, SyncEngine::kSkuAuditJob, SyncEngine::kReconcileJob,
                            SyncEngine::kStockFullJob}) {
        const auto report = reports.value(QString::fromLatin1(job));
        qInfo() << job << report.first;
        QVERIFY2(report.second, qPrintable(report.first));
    }
    auto gui = cache.open(QStringLiteral("gui"));
    QVERIFY(gui.ok());
    QVERIFY(scalar((*gui)->database(), QStringLiteral("SELECT COUNT(*) FROM sku_audit_runs")) == 1);
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
