// SPDX-License-Identifier: GPL-3.0-or-later
// The order-to-cash cycle end to end on loopback: stores and Prima's item master into the cache, every sandbox order
// pulled by the cursor, validated and routed (clean orders to the outbox, defective ones quarantined with
// exceptions), and the outbox posted to the Prima sandbox exactly once — a second pass posts nothing again.
#include "core/engine/synccycle.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/auditchain.h"
#include "core/storage/cachestatistics.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

class tst_SyncCycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstPassPostsEveryCleanOrderOnce();
    void secondPassPostsNothingAgain();

private:
    std::optional<Result<SyncSummary>> runPass(bool refreshCatalogue = false);

    QTemporaryDir m_dir;
    TempCache m_cache;
    std::unique_ptr<DemoSandbox> m_sandbox;
    MemorySecretStore m_secrets;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<SyncCycle> m_cycle;
};

std::optional<Result<SyncSummary>> tst_SyncCycle::runPass(bool refreshCatalogue)
{
    std::optional<Result<SyncSummary>> result;
    m_cycle->run(refreshCatalogue, [&result](const Result<SyncSummary> &summary) { result = summary; });
    QDeadlineTimer deadline(120000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return result;
}

void tst_SyncCycle::initTestCase()
{
    DemoSandboxOptions options;
    options.scenario.seed = 5;
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 2;
    options.scenario.defectRate = 0.1;
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY2(endpoints.ok(), qPrintable(endpoints.errorString()));

    SyncConfig config;
    config.cachePath = m_cache.path();
    config.connections.sitooBaseUrl = endpoints->sitooBaseUrl;
    config.connections.sitooAccountId = endpoints->sitooAccountId;
    config.connections.sitooApiId = endpoints->sitooApiId;
    config.connections.primaBaseUrl = endpoints->primaBaseUrl;
    config.mappingsFile = m_dir.filePath(QStringLiteral("mappings.json"));
    config.schedule.orderPageSize = 50;
    config.schedule.primaRequestsPerSecond = 1000;
    QFile mappings(config.mappingsFile);
    QVERIFY(mappings.open(QIODevice::WriteOnly));
    mappings.write(DemoSandbox::demoMappingsJson(m_sandbox->scenario()));
    mappings.close();

    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets, {{config.connections.sitooPasswordKey(), endpoints->sitooPassword},
                                                       {config.connections.primaTokenKey(), endpoints->primaToken}}));

    auto connection = m_cache.open(QStringLiteral("engine"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    m_cycle = std::make_unique<SyncCycle>(config, m_connection->database(), &m_secrets);
    const Status prepared = m_cycle->prepare();
    QVERIFY2(prepared.ok(), qPrintable(prepared.errorString()));
}

void tst_SyncCycle::firstPassPostsEveryCleanOrderOnce()
{
    const auto result = runPass();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorString()));
    const SyncSummary &summary = result->value();
    const Scenario &scenario = m_sandbox->scenario();
    QCOMPARE(summary.stores, int(scenario.stores().size()));
    QCOMPARE(summary.catalogueItems, int(scenario.catalogue().size()));

    const IngestSummary &orders = summary.orders;
    QCOMPARE(orders.received, int(scenario.orders().size()));
    QCOMPARE(orders.ready + orders.quarantined + orders.malformed + orders.duplicates + orders.unchanged,
             orders.received);
    QVERIFY(orders.malformed > 0);
    QVERIFY(orders.quarantined > 0);
    // Every order with no injected defect reaches Prima; the defective ones wait with their exceptions.
    std::set<qint64> defective;
    for (const ScenarioDefect &defect : scenario.defects()) {
        if (defect.orderId > 0 && !defect.kind.isEmpty())
            defective.insert(defect.orderId);
    }
    {
        QSqlQuery query(m_connection->database());
        query.exec(QStringLiteral("SELECT entity_id, kind, explanation FROM exceptions"));
        while (query.next()) {
            const qint64 id = query.value(0).toString().section(u':', 1).toLongLong();
            if (!defective.count(id))
                qWarning() << "clean order flagged:" << id << query.value(1).toString() << query.value(2).toString();
        }
    }
    QVERIFY2(orders.ready >= orders.received - int(defective.size()),
             qPrintable(QStringLiteral("ready %1, received %2, defective %3")
                            .arg(orders.ready)
                            .arg(orders.received)
                            .arg(defective.size())));
    QCOMPARE(summary.postings.posted, orders.ready);
    QCOMPARE(summary.postings.failed, 0);
    QCOMPARE(m_sandbox->prima()->documents().size(), qsizetype(orders.ready));
    QVERIFY(summary.blockingExceptionsOpen > 0);

    const QSqlDatabase db = m_connection->database();
    // A receipt sent twice under two order ids is posted once: the later order waits as DUPLICATE_ORDER.
    int duplicateReceipts = 0;
    for (const ScenarioDefect &defect : scenario.defects()) {
        if (defect.kind != u"DUPLICATE_ORDER" || defect.orderId <= 0)
            continue;
        ++duplicateReceipts;
        QSqlQuery state(db);
        QVERIFY(state.prepare(QStringLiteral("SELECT state FROM pos_orders WHERE sitoo_order_id = ?")));
        state.addBindValue(defect.orderId);
        QVERIFY(state.exec() && state.next());
        QCOMPARE(state.value(0).toString(), QStringLiteral("quarantined"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'DUPLICATE_ORDER' AND "
                                           "entity_id LIKE '%:%1'")
                                .arg(defect.orderId)),
                 qint64(1));
    }
    qInfo() << "duplicate receipts held back:" << duplicateReceipts;
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'posted'")), qint64(orders.ready));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM pos_orders WHERE state = 'posted'")), qint64(orders.ready));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM raw_orders")), qint64(orders.received));
    QVERIFY(AuditChain::verify(db)->intact);
}

void tst_SyncCycle::secondPassPostsNothingAgain()
{
    const qsizetype documents = m_sandbox->prima()->documents().size();
    const auto result = runPass();
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().orders.received, 0); // the cursor is past every order
    QCOMPARE(result->value().postings.posted, 0);
    QCOMPARE(m_sandbox->prima()->documents().size(), documents);
}

QTEST_GUILESS_MAIN(tst_SyncCycle)
#include "tst_synccycle.moc"
