// SPDX-License-Identifier: GPL-3.0-or-later
// The stock push against both sandboxes on loopback: the closed loop (sales posted to Prima lower its
// available-to-sell, and the new level reaches the store's Sitoo warehouse), idempotency per (SKU, location,
// version), a refused element becoming STOCK_PUSH_FAILED while the rest goes through, and the fast-lane selection.
#include "core/engine/failpoints.h"
#include "core/engine/synccycle.h"
#include "core/prima/restprimagateway.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/sitoo/sitooclient.h"
#include "core/stock/stockpush.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/storerepository.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

class tst_StockPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void closedLoopSalesReachSitoo();
    void sameVersionIsWrittenOnce();
    void olderVersionIsNeverWritten();
    void intentIsCommittedBeforeTheWrite();
    void refusedElementRaisesAndTheRestProceeds();
    void fastLaneSelectsByVelocityAndLowStock();

private:
    std::optional<Result<StockPushSummary>> push(StockPushMode mode);
    /** Prima's current available-to-sell per (sku, location). */
    QHash<QString, qint64> primaLevels() const;
    int writesFor(qint64 warehouseId, const QString &sku) const;

    QTemporaryDir m_dir;
    TempCache m_cache;
    std::unique_ptr<DemoSandbox> m_sandbox;
    MemorySecretStore m_secrets;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<SyncCycle> m_cycle;
    std::unique_ptr<StockPush> m_push;
    QList<Store> m_stores;
};

std::optional<Result<StockPushSummary>> tst_StockPush::push(StockPushMode mode)
{
    std::optional<Result<StockPushSummary>> result;
    m_push->run(mode, [&result](const Result<StockPushSummary> &summary) { result = summary; });
    QDeadlineTimer deadline(120000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return result;
}

QHash<QString, qint64> tst_StockPush::primaLevels() const
{
    QHash<QString, qint64> latest;
    QHash<QString, qint64> versions;
    for (const StockLevel &level : m_sandbox->prima()->stockHistory()) {
        const QString key = level.sku + u'@' + level.location;
        if (level.version >= versions.value(key, 0)) {
            versions.insert(key, level.version);
            latest.insert(key, level.availableToSell);
        }
    }
    return latest;
}

int tst_StockPush::writesFor(qint64 warehouseId, const QString &sku) const
{
    int count = 0;
    for (const auto &[written, level] : m_sandbox->sitoo()->stockWrites(warehouseId))
        count += written == sku ? 1 : 0;
    return count;
}

void tst_StockPush::initTestCase()
{
    DemoSandboxOptions options;
    options.scenario.seed = 11;
    options.scenario.storeCount = 2; // one UK, one Swedish store: their warehouses differ in type
    options.scenario.tradingDays = 1;
    options.scenario.defectRate = 0;
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
    QVERIFY(m_cycle->prepare().ok());

    StockPushConfig pushConfig;
    pushConfig.batchSize = 50;
    pushConfig.sitooRequestsPerSecond = 500;
    pushConfig.primaRequestsPerSecond = 500;
    pushConfig.primaPageSize = 200;
    m_push = std::make_unique<StockPush>(m_connection->database(), m_cycle->gateway(), m_cycle->sitoo(),
                                         config.connections.sitooEshopId, config.connections.primaBaseUrl.host(),
                                         pushConfig);
}

void tst_StockPush::closedLoopSalesReachSitoo()
{
    const auto before = primaLevels();
    // The order-to-cash pass posts the day's sales to the Prima sandbox, which lowers available-to-sell.
    std::optional<Result<SyncSummary>> synced;
    m_cycle->run(false, [&synced](const Result<SyncSummary> &summary) { synced = summary; });
    QDeadlineTimer deadline(120000);
    while (!synced && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QVERIFY(synced && synced->ok());
    QVERIFY(synced->value().postings.posted > 0);
    const auto after = primaLevels();
    int lowered = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        lowered += it.value() < before.value(it.key(), it.value()) ? 1 : 0;
    QVERIFY2(lowered > 0, "posting sales to Prima lowers its available-to-sell");

    const auto result = push(StockPushMode::Full);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorString()));
    QCOMPARE(result->value().failed, 0);
    QVERIFY(result->value().pushed > 0);
    QVERIFY(result->value().maxLagMs >= 0);

    auto stores = StoreRepository(m_connection->database()).all();
    QVERIFY(stores.ok());
    m_stores = *stores;
    QCOMPARE(m_stores.size(), qsizetype(2));
    bool sawVirtual = false;
    bool sawFifo = false;
    for (const ScenarioStore &store : m_sandbox->scenario().stores()) {
        sawVirtual = sawVirtual || store.warehouseType == WarehouseType::Virtual;
        sawFifo = sawFifo || store.warehouseType == WarehouseType::Fifo;
    }
    int compared = 0;
    for (const Store &store : std::as_const(m_stores)) {
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (it.key().section(u'@', 1) != store.primaLocation)
                continue;
            const QString sku = it.key().section(u'@', 0, 0);
            const auto level = m_sandbox->sitoo()->stockLevel(store.sitooWarehouseId, sku);
            QVERIFY2(level, qPrintable(it.key()));
            if (level->units() != std::max<qint64>(0, it.value()) * 1000)
                qWarning() << "mismatch" << it.key() << store.sitooWarehouseId << level->toString() << it.value()
                           << m_sandbox->sitoo()->stockWrites(store.sitooWarehouseId).size();
            QCOMPARE(level->units(), std::max<qint64>(0, it.value()) * 1000);
            ++compared;
        }
    }
    QCOMPARE(compared, int(after.size()));
    qInfo() << "levels compared" << compared << "virtual" << sawVirtual << "fifo" << sawFifo;
    QCOMPARE(scalar(m_connection->database(), QStringLiteral("SELECT COUNT(*) FROM stock_push_lag")), qint64(2));
    const auto verified = AuditChain::verify(m_connection->database());
    QVERIFY(verified.ok() && verified->intact);
}

void tst_StockPush::sameVersionIsWrittenOnce()
{
    const Store store = m_stores.first();
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("SELECT sku FROM stock_levels WHERE location = '%1' ORDER BY sku LIMIT 1")
                           .arg(store.primaLocation)));
    QVERIFY(query.next());
    const QString chosen = query.value(0).toString();
    query.finish();
    const int writesBefore = writesFor(store.sitooWarehouseId, chosen);

    // Nothing changed in Prima: a second run writes nothing.
    auto again = push(StockPushMode::Full);
    QVERIFY(again && again->ok());
    QCOMPARE(again->value().pushed, 0);
    QCOMPARE(writesFor(store.sitooWarehouseId, chosen), writesBefore);

    // Two changes before a run: only the newest version is written, once.
    QVERIFY(m_sandbox->prima()->setAvailableToSell(chosen, store.primaLocation, 41).ok());
    QVERIFY(m_sandbox->prima()->setAvailableToSell(chosen, store.primaLocation, 42).ok());
    auto changed = push(StockPushMode::Full);
    QVERIFY(changed && changed->ok());
    QCOMPARE(changed->value().pushed, 1);
    QCOMPARE(writesFor(store.sitooWarehouseId, chosen), writesBefore + 1);
    QCOMPARE(m_sandbox->sitoo()->stockLevel(store.sitooWarehouseId, chosen)->units(), qint64(42000));

    // Re-reading the whole of Prima from the start (same versions) writes nothing again.
    {
        DbTransaction tx(m_connection->database());
        QSqlQuery reset(m_connection->database());
        QVERIFY(reset.exec(QStringLiteral("DELETE FROM sync_cursors WHERE source = 'prima' AND stream = 'stock'")));
        QVERIFY(tx.commit().ok());
    }
    auto reread = push(StockPushMode::Full);
    QVERIFY(reread && reread->ok());
    QVERIFY(reread->value().levelsRead > 0);
    QCOMPARE(reread->value().pushed, 0);
    QCOMPARE(writesFor(store.sitooWarehouseId, chosen), writesBefore + 1);
}

void tst_StockPush::olderVersionIsNeverWritten()
{
    const Store store = m_stores.first();
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("SELECT sku, version FROM stock_levels WHERE location = '%1' ORDER BY sku "
                                      "LIMIT 1 OFFSET 1")
                           .arg(store.primaLocation)));
    QVERIFY(query.next());
    const QString sku = query.value(0).toString();
    const qint64 version = query.value(1).toLongLong();
    query.finish();
    QVERIFY(version >= 1);
    const auto levelBefore = m_sandbox->sitoo()->stockLevel(store.sitooWarehouseId, sku);
    QVERIFY(levelBefore);

    // A stale answer: Prima reports an older version of the level (with a new asOf, so it is read).
    {
        QSqlDatabase ledger = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stale"));
        ledger.setDatabaseName(m_dir.filePath(QStringLiteral("prima-ledger.sqlite")));
        QVERIFY(ledger.open());
        QSqlQuery stale(ledger);
        stale.prepare(QStringLiteral("UPDATE stock_levels SET version = ?, available_to_sell = 999, as_of = ? "
                                     "WHERE sku = ? AND location = ?"));
        stale.addBindValue(version - 1);
        stale.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        stale.addBindValue(sku);
        stale.addBindValue(store.primaLocation);
        QVERIFY2(stale.exec(), qPrintable(stale.lastError().text()));
        QCOMPARE(stale.numRowsAffected(), 1);
        stale.finish();
        ledger.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stale"));
    auto result = push(StockPushMode::Full);
    QVERIFY(result && result->ok());
    QVERIFY(result->value().levelsRead >= 1);
    QCOMPARE(result->value().pushed, 0);
    QCOMPARE(*m_sandbox->sitoo()->stockLevel(store.sitooWarehouseId, sku), *levelBefore);
    QCOMPARE(scalar(m_connection->database(),
                    QStringLiteral("SELECT version FROM stock_levels WHERE sku = '%1' AND location = '%2'")
                        .arg(sku, store.primaLocation)),
             version);
}

void tst_StockPush::intentIsCommittedBeforeTheWrite()
{
    const Store store = m_stores.first();
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("SELECT sku FROM stock_levels WHERE location = '%1' ORDER BY sku LIMIT 1 "
                                      "OFFSET 3")
                           .arg(store.primaLocation)));
    QVERIFY(query.next());
    const QString sku = query.value(0).toString();
    query.finish();
    auto version = m_sandbox->prima()->setAvailableToSell(sku, store.primaLocation, 23);
    QVERIFY(version.ok());
    const QString pending = QStringLiteral(
        "SELECT COUNT(*) FROM stock_levels WHERE sku = '%1' AND location = '%2' AND intent_version = %3 AND "
        "(pushed_version IS NULL OR pushed_version < intent_version)")
                                .arg(sku, store.primaLocation)
                                .arg(*version);
    // At the failpoint Sitoo holds the level and the cache holds the intent, committed, but not yet the result:
    // exactly what a kill there leaves behind.
    qint64 intentAtFailpoint = -1;
    bool sitooHadIt = false;
    FailPoints::configureForTest(QStringLiteral("push.after_stock_put_before_commit:1"), [&](const QString &) {
        intentAtFailpoint = scalar(m_connection->database(), pending);
        const auto level = m_sandbox->sitoo()->stockLevel(store.sitooWarehouseId, sku);
        sitooHadIt = level && level->units() == 23000;
    });
    auto result = push(StockPushMode::Full);
    FailPoints::configureForTest(QString(), nullptr);
    QVERIFY(result && result->ok());
    QCOMPARE(intentAtFailpoint, qint64(1));
    QVERIFY(sitooHadIt);
    QCOMPARE(scalar(m_connection->database(), pending), qint64(0));
    QCOMPARE(scalar(m_connection->database(),
                    QStringLiteral("SELECT pushed_version FROM stock_levels WHERE sku = '%1' AND location = '%2'")
                        .arg(sku, store.primaLocation)),
             *version);
}

void tst_StockPush::refusedElementRaisesAndTheRestProceeds()
{
    // A Virtual warehouse answers per element; a SKU Sitoo does not know is refused there.
    const Store *virtualStore = nullptr;
    for (const ScenarioStore &scenarioStore : m_sandbox->scenario().stores()) {
        if (scenarioStore.warehouseType != WarehouseType::Virtual)
            continue;
        for (const Store &store : std::as_const(m_stores)) {
            if (store.sitooWarehouseId == scenarioStore.warehouseId)
                virtualStore = &store;
        }
    }
    if (!virtualStore)
        QSKIP("the scenario has no Virtual warehouse");
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("SELECT sku FROM stock_levels WHERE location = '%1' ORDER BY sku LIMIT 1 "
                                      "OFFSET 2")
                           .arg(virtualStore->primaLocation)));
    QVERIFY(query.next());
    const QString good = query.value(0).toString();
    query.finish();
    const QString unknown = QStringLiteral("ZZ-NOT-IN-SITOO");
    QVERIFY(m_sandbox->prima()->setAvailableToSell(good, virtualStore->primaLocation, 17).ok());
    QVERIFY(m_sandbox->prima()->setAvailableToSell(unknown, virtualStore->primaLocation, 5).ok());

    auto result = push(StockPushMode::Full);
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().failed, 1);
    QCOMPARE(result->value().pushed, 1);
    QCOMPARE(m_sandbox->sitoo()->stockLevel(virtualStore->sitooWarehouseId, good)->units(), qint64(17000));
    const QString entity = unknown + u'@' + virtualStore->primaLocation;
    QCOMPARE(scalar(m_connection->database(),
                    QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'STOCK_PUSH_FAILED' AND state = "
                                   "'open' AND entity_id = '%1'")
                        .arg(entity)),
             qint64(1));

    // Not retried before its delay; retried after it, still one open exception.
    auto early = push(StockPushMode::Full);
    QVERIFY(early && early->ok());
    QCOMPARE(early->value().failed, 0);
    StockPushConfig config = m_push->config();
    config.retryDelaySeconds = 0;
    m_push->setConfig(config);
    {
        DbTransaction tx(m_connection->database());
        QSqlQuery due(m_connection->database());
        QVERIFY(due.exec(QStringLiteral("UPDATE stock_levels SET next_attempt_at = NULL")));
        QVERIFY(tx.commit().ok());
    }
    auto retried = push(StockPushMode::Full);
    QVERIFY(retried && retried->ok());
    QCOMPARE(retried->value().failed, 1);
    QCOMPARE(scalar(m_connection->database(),
                    QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'STOCK_PUSH_FAILED' AND entity_id = "
                                   "'%1'")
                        .arg(entity)),
             qint64(1));
}

void tst_StockPush::fastLaneSelectsByVelocityAndLowStock()
{
    TempCache cache;
    auto connection = cache.open(QStringLiteral("fastlane"));
    QVERIFY(connection.ok());
    QSqlDatabase db = (*connection)->database();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString recent = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
    const QString old = QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODateWithMs);
    auto exec = [&db](const QString &sql, const QVariantList &values) {
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        const bool ok = query.exec();
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    };
    const QString storeSql = QStringLiteral(
        "INSERT INTO stores (id, sitoo_account, sitoo_store_id, sitoo_warehouse_id, name, currency, country_code, "
        "tax_regime, time_zone, prima_location, created_at, updated_at) VALUES (?, '1', ?, ?, ?, 'GBP', 'GB', 'UK', "
        "'Europe/London', ?, ?, ?)");
    QVERIFY(exec(storeSql, {1, QStringLiteral("S1"), 11, QStringLiteral("One"), QStringLiteral("LOC1"), now, now}));
    QVERIFY(exec(storeSql, {2, QStringLiteral("S2"), 12, QStringLiteral("Two"), QStringLiteral("LOC2"), now, now}));
    int orderId = 0;
    auto sale = [&](qint64 storeId, const QString &sku, int quantity, const QString &date, const QString &kind) {
        ++orderId;
        return exec(QStringLiteral("INSERT INTO raw_orders (id, sitoo_account, sitoo_order_id, payload, "
                                   "payload_sha256, received_at) VALUES (?, '1', ?, '{}', ?, ?)"),
                    {orderId, orderId, QString(64, QChar(u'a' + orderId % 20)), now})
               && exec(QStringLiteral("INSERT INTO pos_orders (id, sitoo_account, sitoo_order_id, raw_order_id, "
                                      "store_id, kind, order_date, currency, total_net_minor, total_vat_minor, "
                                      "rounding_minor, total_gross_minor, state, created_at, updated_at) VALUES (?, "
                                      "'1', ?, ?, ?, ?, ?, 'GBP', 0, 0, 0, 0, 'posted', ?, ?)"),
                       {orderId, orderId, orderId, storeId, kind, date, now, now})
               && exec(QStringLiteral("INSERT INTO pos_order_lines (order_id, line_index, item_type, sku, "
                                      "product_name, quantity, unit_net_minor, line_net_minor, line_vat_minor, "
                                      "vat_rate_units) VALUES (?, 0, 10, ?, 'x', ?, 0, 0, 0, 0)"),
                       {orderId, sku, quantity});
    };
    QVERIFY(sale(1, QStringLiteral("FAST"), 4, recent, QStringLiteral("sale")));
    QVERIFY(sale(1, QStringLiteral("FAST"), 2, recent, QStringLiteral("sale")));  // 6 in the window: fast
    QVERIFY(sale(1, QStringLiteral("SLOW"), 2, recent, QStringLiteral("sale")));  // 2: not fast
    QVERIFY(sale(2, QStringLiteral("ELSEWHERE"), 9, recent, QStringLiteral("sale"))); // fast at the other store
    QVERIFY(sale(1, QStringLiteral("STALE"), 9, old, QStringLiteral("sale")));    // outside the window
    QVERIFY(sale(1, QStringLiteral("REFUNDED"), 9, recent, QStringLiteral("refund"))); // refunds are not sales
    QVERIFY(sale(1, QStringLiteral("PUSHED"), 9, recent, QStringLiteral("sale")));   // fast, but not due
    const QString levelSql = QStringLiteral(
        "INSERT INTO stock_levels (sku, location, on_hand, allocated, available_to_sell, version, observed_at, "
        "pushed_version) VALUES (?, 'LOC1', ?, 0, ?, 3, ?, ?)");
    const QVariant notPushed;
    for (const auto &[sku, ats, pushed] : std::initializer_list<std::tuple<const char *, int, QVariant>>{
             {"FAST", 50, notPushed},
             {"SLOW", 50, notPushed},
             {"LOW", 3, notPushed},
             {"ZERO", 0, notPushed},
             {"ELSEWHERE", 50, notPushed},
             {"STALE", 50, notPushed},
             {"REFUNDED", 50, notPushed},
             {"PUSHED", 1, 3},
             {"OLDPUSH", 50, 2}}) {
        QVERIFY(exec(levelSql, {QString::fromLatin1(sku), ats, ats, now, pushed}));
    }
    StockPushConfig config;
    config.velocityWindowHours = 24;
    config.velocityThreshold = 5;
    config.lowStockThreshold = 3;
    StockPush push(db, nullptr, nullptr, 1, QStringLiteral("prima"), config);
    auto skusOf = [](const Result<QList<DueStockLevel>> &due) {
        QStringList skus;
        for (const DueStockLevel &level : *due)
            skus.append(level.sku);
        return skus;
    };
    const auto fast = push.selectDue(StockPushMode::FastLane, QStringLiteral("LOC1"), 100);
    QVERIFY(fast.ok());
    QCOMPARE(skusOf(fast), (QStringList{QStringLiteral("FAST"), QStringLiteral("LOW"), QStringLiteral("ZERO")}));
    const auto full = push.selectDue(StockPushMode::Full, QStringLiteral("LOC1"), 100);
    QVERIFY(full.ok());
    QCOMPARE(skusOf(full).size(), qsizetype(8)); // every due level: all but PUSHED
    QVERIFY(!skusOf(full).contains(QStringLiteral("PUSHED")));
    QVERIFY(skusOf(full).contains(QStringLiteral("OLDPUSH")));
    // The thresholds are the caller's: a higher velocity threshold drops FAST, a lower low-stock one drops LOW.
    config.velocityThreshold = 7;
    config.lowStockThreshold = 0;
    push.setConfig(config);
    const auto stricter = push.selectDue(StockPushMode::FastLane, QStringLiteral("LOC1"), 100);
    QCOMPARE(skusOf(stricter), (QStringList{QStringLiteral("ZERO")}));
}

QTEST_GUILESS_MAIN(tst_StockPush)
#include "tst_stockpush.moc"
