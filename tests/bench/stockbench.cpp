// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/stockbench.h"

#include "core/engine/syncconfig.h"
#include "core/engine/synccycle.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/stock/stockpush.h"
#include "core/storage/cache.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/syncstaterepository.h"
#include "tests/bench/benchreport.h"
#include "tests/testutils/secrettestutils.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>

namespace Tillbridge::Bench {

using namespace Qt::StringLiterals;
using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {

QString skuOf(int index)
{
    return QStringLiteral("B%1").arg(index, 6, 10, QChar(u'0'));
}

Error sqlError(const QSqlQuery &query, const QString &what)
{
    return Error{ErrorCode::Database, QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

/**
 * Writes skus × locations rows with @p insertSql (its placeholders take sku, location, ats, asOf in @p bindOrder) through a plain connection (the data is generated, so no
 * durability is needed while it is written), in transactions of 200,000 rows.
 */
Status generate(const QString &file, const QStringList &setup, const QString &insertSql,
                const QList<int> &bindOrder, int skus, const QStringList &locations, bool cacheRows)
{
    const QString name = QStringLiteral("stockbench-generate");
    Status status = Status::success();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (!db.open())
            return Error{ErrorCode::Database, db.lastError().text()};
        QSqlQuery query(db);
        for (const QString &statement : setup) {
            if (!query.exec(statement)) {
                status = sqlError(query, statement);
                break;
            }
        }
        QRandomGenerator rng(7);
        const QString asOf = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs);
        qint64 rows = 0;
        if (status.ok() && !query.exec(QStringLiteral("BEGIN")))
            status = sqlError(query, QStringLiteral("begin"));
        if (status.ok())
            query.prepare(insertSql);
        for (int i = 0; status.ok() && i < skus; ++i) {
            const QString sku = skuOf(i);
            for (const QString &location : locations) {
                const qint64 ats = 10 + rng.bounded(90);
                const QVariant values[] = {sku, location, ats, asOf}; // bound in bindOrder
                for (int index : bindOrder)
                    query.addBindValue(values[index]);
                if (!query.exec()) {
                    status = sqlError(query, QStringLiteral("insert"));
                    break;
                }
                if (++rows % 200000 == 0) {
                    QSqlQuery commit(db);
                    if (!commit.exec(QStringLiteral("COMMIT")) || !commit.exec(QStringLiteral("BEGIN")))
                        status = sqlError(commit, QStringLiteral("commit"));
                }
            }
            if (i % 50000 == 0 && i > 0)
                BenchReport::progress(QStringLiteral("%1: %2 of %3 SKUs").arg(cacheRows ? u"cache"_s : u"prima"_s)
                                          .arg(i)
                                          .arg(skus));
        }
        QSqlQuery commit(db);
        if (status.ok() && !commit.exec(QStringLiteral("COMMIT")))
            status = sqlError(commit, QStringLiteral("commit"));
        query.finish();
        commit.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

} // namespace

Result<QJsonObject> runStockBench(const StockBenchOptions &options)
{
    QTemporaryDir dir(options.directory.isEmpty() ? QDir::tempPath() + QStringLiteral("/tillbridge-stockbench-XXXXXX")
                                                  : options.directory + QStringLiteral("/tillbridge-stockbench-XXXXXX"));
    if (!dir.isValid())
        return Error{ErrorCode::Io, QStringLiteral("cannot create a temporary folder")};
    dir.setAutoRemove(!options.keepFiles);

    DemoSandboxOptions sandboxOptions;
    sandboxOptions.scenario.seed = options.seed;
    sandboxOptions.scenario.storeCount = options.stores;
    sandboxOptions.scenario.tradingDays = 1;
    sandboxOptions.scenario.ordersPerStoreDay = 2;
    sandboxOptions.dataDirectory = dir.path();
    // The scenario first (it names the stores and their Prima locations), then the generated ledger, then start.
    DemoSandbox sandbox(sandboxOptions);
    QStringList locations;
    // The same options give the same scenario: generated here once more for its Prima locations.
    const Scenario generated = ScenarioGenerator(sandboxOptions.scenario).generate();
    const QList<ScenarioStore> generatedStores = generated.stores();
    for (const ScenarioStore &store : generatedStores)
        locations.append(store.primaLocationCode);

    QElapsedTimer generation;
    generation.start();
    const QString ledgerFile = dir.filePath(QStringLiteral("prima-ledger.sqlite"));
    if (auto status = generate(ledgerFile,
                               {QStringLiteral("PRAGMA journal_mode=OFF"), QStringLiteral("PRAGMA synchronous=OFF"),
                                QStringLiteral("CREATE TABLE IF NOT EXISTS stock_levels (sku TEXT NOT NULL, location "
                                               "TEXT NOT NULL, on_hand INTEGER NOT NULL, allocated INTEGER NOT NULL, "
                                               "available_to_sell INTEGER NOT NULL, next_available_date TEXT, version "
                                               "INTEGER NOT NULL, as_of TEXT NOT NULL, PRIMARY KEY (sku, location))")},
                               QStringLiteral("INSERT INTO stock_levels (sku, location, on_hand, allocated, "
                                              "available_to_sell, version, as_of) VALUES (?, ?, ?, 0, ?, 1, ?)"),
                               {0, 1, 2, 2, 3}, options.skus, locations, false);
        !status)
        return status.error();
    const QString cacheFile = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        DatabaseConnection::Options cacheOptions;
        cacheOptions.path = cacheFile;
        cacheOptions.purpose = QStringLiteral("bench");
        auto migrated = openCache(cacheOptions);
        if (!migrated)
            return migrated.error();
    }
    if (auto status = generate(cacheFile, {QStringLiteral("PRAGMA synchronous=OFF")},
                               QStringLiteral("INSERT INTO stock_levels (sku, location, on_hand, allocated, "
                                              "available_to_sell, version, observed_at, pushed_version, pushed_at, "
                                              "pushed_level) VALUES (?, ?, ?, 0, ?, 1, ?, 1, ?, ?)"),
                               {0, 1, 2, 2, 3, 3, 2}, options.skus, locations, true);
        !status)
        return status.error();
    const double generationSeconds = generation.elapsed() / 1000.0;
    BenchReport::progress(QStringLiteral("generated %1 levels in %2 s").arg(qint64(options.skus) * locations.size())
                              .arg(generationSeconds));

    auto endpoints = sandbox.start();
    if (!endpoints)
        return endpoints.error();
    DatabaseConnection::Options cacheOptions;
    cacheOptions.path = cacheFile;
    cacheOptions.purpose = QStringLiteral("bench");
    auto connection = openCache(cacheOptions);
    if (!connection)
        return connection.error();
    QSqlDatabase db = (*connection)->database();
    {
        // The stores, as `sync` would have saved them.
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO stores (sitoo_account, sitoo_store_id, sitoo_warehouse_id, name, currency, country_code, "
            "tax_regime, time_zone, prima_location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const ScenarioStore &store : sandbox.scenario().stores()) {
            const bool uk = store.region == Region::UnitedKingdom;
            for (const QVariant &value : QVariantList{endpoints->sitooAccountId, QString::number(store.storeId),
                                                      store.warehouseId, store.name, store.currency.code(),
                                                      uk ? u"GB"_s : u"SE"_s, uk ? u"UK"_s : u"SE"_s,
                                                      store.timeZoneId, store.primaLocationCode, now, now})
                query.addBindValue(value);
            if (!query.exec())
                return sqlError(query, QStringLiteral("store"));
        }
    }
    SyncConfig config;
    config.cachePath = cacheFile;
    config.connections.sitooBaseUrl = endpoints->sitooBaseUrl;
    config.connections.sitooAccountId = endpoints->sitooAccountId;
    config.connections.sitooApiId = endpoints->sitooApiId;
    config.connections.primaBaseUrl = endpoints->primaBaseUrl;
    MemorySecretStore secrets;
    if (!Tillbridge::Test::storeSecrets(secrets, {{config.connections.sitooPasswordKey(), endpoints->sitooPassword},
                                                  {config.connections.primaTokenKey(), endpoints->primaToken}}))
        return Error{ErrorCode::Keychain, QStringLiteral("the sandbox credentials could not be stored")};
    SyncCycle cycle(config, db, &secrets);
    if (auto prepared = cycle.prepare(); !prepared)
        return prepared.error();
    StockPushConfig pushConfig;
    pushConfig.fastLaneMinutes = options.fastLaneMinutes;
    StockPush push(db, cycle.gateway(), cycle.sitoo(), 1, config.connections.primaBaseUrl.host(), pushConfig);

    // When Sitoo answered the write: its request-handled signal, on this thread.
    QElapsedTimer clock;
    clock.start();
    qint64 lastWriteMs = -1;
    QObject::connect(sandbox.sitoo(), &SitooEmulator::requestHandled, &sandbox,
                     [&](const QString &method, const QString &path, int status) {
                         if (method == u"PUT" && status == 200
                             && (path.endsWith(u"warehouseitems.json") || path.contains(u"/warehousebatches/")))
                             lastWriteMs = clock.elapsed();
                     });
    auto runOnce = [&]() -> Result<StockPushSummary> {
        std::optional<Result<StockPushSummary>> result;
        push.run(StockPushMode::FastLane, [&result](const Result<StockPushSummary> &summary) { result = summary; });
        QDeadlineTimer deadline(600000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!result)
            return Error{ErrorCode::Network, QStringLiteral("a fast-lane run did not finish in 10 minutes")};
        return *result;
    };
    // The steady state: an earlier full read left the cursor at "a minute ago", and two runs find nothing due.
    {
        DbTransaction tx(db);
        if (auto set = SyncStateRepository(db).setCursor(
                tx, QStringLiteral("prima"), config.connections.primaBaseUrl.host(), QStringLiteral("stock"),
                QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs));
            !set)
            return set.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
    }
    for (int warmUp = 0; warmUp < 2; ++warmUp) {
        if (auto warm = runOnce(); !warm)
            return warm.error();
    }

    QRandomGenerator rng(options.seed);
    QList<qint64> latencies;
    QList<qint64> runMs;
    const QList<ScenarioStore> stores = sandbox.scenario().stores();
    for (int i = 0; i < options.changes; ++i) {
        const ScenarioStore &store = stores.at(int(rng.bounded(qint64(stores.size()))));
        const QString sku = skuOf(int(rng.bounded(options.skus)));
        if (!sandbox.sitoo()->product(store.eshopId, sku))
            sandbox.sitoo()->addProduct(store.eshopId, QJsonObject{{u"sku"_s, sku}, {u"title"_s, sku}});
        const qint64 changedAt = clock.elapsed();
        auto version = sandbox.prima()->setAvailableToSell(sku, store.primaLocationCode, 2); // low stock: fast lane
        if (!version)
            return version.error();
        lastWriteMs = -1;
        auto summary = runOnce();
        if (!summary)
            return summary.error();
        if (summary->pushed < 1 || lastWriteMs < 0)
            return Error{ErrorCode::Remote, QStringLiteral("the change of %1 at %2 was not written (pushed %3, failed %4)")
                                                .arg(sku, store.primaLocationCode)
                                                .arg(summary->pushed)
                                                .arg(summary->failed)};
        const auto level = sandbox.sitoo()->stockLevel(store.warehouseId, sku);
        if (!level || level->units() != 2000)
            return Error{ErrorCode::Remote, QStringLiteral("Sitoo does not show the new level of %1").arg(sku)};
        latencies.append(lastWriteMs - changedAt);
        BenchReport::progress(QStringLiteral("change %1: %2 at %3 written after %4 ms")
                                  .arg(i + 1)
                                  .arg(sku, store.primaLocationCode)
                                  .arg(lastWriteMs - changedAt));
        runMs.append(clock.elapsed() - changedAt);
    }
    std::sort(latencies.begin(), latencies.end());
    const qint64 p50 = latencies.at(latencies.size() / 2);
    const qint64 worst = latencies.constLast();
    const qint64 cadenceMs = qint64(options.fastLaneMinutes) * 60 * 1000;
    QJsonObject result{
        {u"scenario"_s, u"stock-fast-lane"_s},
        {u"skus"_s, options.skus},
        {u"stores"_s, int(stores.size())},
        {u"levels"_s, qint64(options.skus) * stores.size()},
        {u"changes"_s, options.changes},
        {u"generation_seconds"_s, BenchReport::rounded(generationSeconds, 1)},
        {u"change_to_write_ms_p50"_s, p50},
        {u"change_to_write_ms_max"_s, worst},
        {u"fast_lane_cadence_ms"_s, cadenceMs},
        {u"worst_case_ms"_s, cadenceMs + worst},
        {u"goal_ms"_s, cadenceMs + 2000},
        {u"goal_met"_s, worst <= 2000},
        {u"peak_rss_mb"_s, BenchReport::rounded(BenchReport::peakRssMb(), 1)},
        {u"file_system"_s, BenchReport::fileSystemType(dir.path())},
    };
    return result;
}

} // namespace Tillbridge::Bench
