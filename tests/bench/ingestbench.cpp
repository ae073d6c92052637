// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/ingestbench.h"

#include "core/engine/orderingestion.h"
#include "core/storage/cache.h"
#include "tests/bench/benchreport.h"
#include "tests/bench/benchworld.h"
#include "tests/bench/storagefloor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

namespace Tillbridge::Bench {

using namespace Tillbridge::Core;

namespace {
constexpr double kGoalRatio = 2.0;
constexpr double kOrdersPerYear = 18'000'000.0; // the volume the extrapolation is for

Result<DatabaseConnectionPtr> freshCache(const QTemporaryDir &dir, const QString &name)
{
    DatabaseConnection::Options options;
    options.path = dir.filePath(name + QStringLiteral(".sqlite"));
    options.purpose = QStringLiteral("bench-") + name;
    return openCache(options);
}
} // namespace

Result<QJsonObject> runIngestBench(const IngestBenchOptions &options)
{
    using BenchReport::progress;
    using BenchReport::rounded;

    QElapsedTimer phase;
    phase.start();
    progress(QStringLiteral("ingest: generating %1 orders (seed %2)").arg(options.orders).arg(options.seed));
    const BenchWorld world = BenchWorld::generate(options.orders, options.defectRate, options.seed);
    const double generateSeconds = double(phase.nsecsElapsed()) / 1e9;

    QTemporaryDir dir(QDir(options.directory.isEmpty() ? QDir::tempPath() : options.directory)
                          .filePath(QStringLiteral("tillbridge-bench-XXXXXX")));
    if (!dir.isValid())
        return Error{ErrorCode::Io, QStringLiteral("no temporary folder: %1").arg(dir.errorString())};
    if (options.keepFiles) {
        dir.setAutoRemove(false);
        progress(QStringLiteral("keeping %1").arg(dir.path()));
    }
    auto cache = freshCache(dir, QStringLiteral("ingest"));
    if (!cache)
        return cache.error();
    const QSqlDatabase db = (*cache)->database();
    if (auto prepared = world.setUpCache(db); !prepared)
        return prepared.error();

    OrderIngestion ingestion(db, world.sitooAccount());
    if (auto refreshed = ingestion.refreshReferenceData(); !refreshed)
        return refreshed.error();
    // The floor starts from the cache as the ingest found it.
    const auto baseline = StorageFloor::baseline(db);
    if (!baseline)
        return baseline.error();
    const QString floorFile = dir.filePath(QStringLiteral("floor.sqlite"));
    if (options.measureFloor) {
        if (auto saved = StorageFloor::snapshot(db, floorFile); !saved)
            return saved.error();
    }

    progress(QStringLiteral("ingest: %1 orders in pages of %2 into %3").arg(world.orderCount()).arg(options.pageSize)
                 .arg(dir.path()));
    IngestSummary total;
    qint64 ingestNs = 0;
    qint64 renderNs = 0;
    QElapsedTimer timer;
    int nextReport = world.orderCount() / 10;
    for (int first = 0; first < world.orderCount(); first += options.pageSize) {
        timer.start();
        const QList<QByteArray> page = world.renderPage(first, options.pageSize);
        renderNs += timer.nsecsElapsed();
        timer.start();
        auto summary = ingestion.ingestPage(page);
        ingestNs += timer.nsecsElapsed();
        if (!summary)
            return Error{summary.error().code,
                         QStringLiteral("page at order %1: %2").arg(first).arg(summary.errorString())};
        total += *summary;
        if (first + options.pageSize >= nextReport && nextReport > 0) {
            progress(QStringLiteral("ingest: %1 / %2 orders, %3 s")
                         .arg(first + page.size())
                         .arg(world.orderCount())
                         .arg(double(ingestNs) / 1e9, 0, 'f', 1));
            nextReport += world.orderCount() / 10;
        }
    }
    const double seconds = double(ingestNs) / 1e9;
    const double ordersPerSecond = seconds > 0 ? double(world.orderCount()) / seconds : 0.0;
    const double peakRss = BenchReport::peakRssMb(); // before the floor, which holds chunks of rows in memory

    QJsonObject written;
    for (const QString &table : StorageFloor::orderTables()) {
        auto rows = StorageFloor::rowsAfter(db, table, *baseline);
        if (!rows)
            return rows.error();
        written.insert(table, *rows);
    }

    QJsonObject result{
        {QStringLiteral("scenario"), QStringLiteral("ingest")},
        {QStringLiteral("orders"), world.orderCount()},
        {QStringLiteral("page_size"), options.pageSize},
        {QStringLiteral("seed"), qint64(options.seed)},
        {QStringLiteral("defect_rate"), options.defectRate},
        {QStringLiteral("ready"), total.ready},
        {QStringLiteral("quarantined"), total.quarantined},
        {QStringLiteral("malformed"), total.malformed},
        {QStringLiteral("duplicates"), total.duplicates},
        {QStringLiteral("exceptions_raised"), total.exceptions},
        {QStringLiteral("rows_written"), written},
        {QStringLiteral("seconds"), rounded(seconds)},
        {QStringLiteral("orders_per_s"), rounded(ordersPerSecond, 1)},
        {QStringLiteral("generate_seconds"), rounded(generateSeconds)},
        {QStringLiteral("render_seconds"), rounded(double(renderNs) / 1e9)},
        {QStringLiteral("peak_rss_mb"), peakRss},
        {QStringLiteral("extrapolated_18m_orders_hours"),
         ordersPerSecond > 0 ? rounded(kOrdersPerYear / ordersPerSecond / 3600.0, 2) : -1.0},
        {QStringLiteral("cache_fs"), BenchReport::fileSystemType(dir.path())},
        {QStringLiteral("goal"), QStringLiteral("ratio <= %1 (ingest seconds / storage floor seconds)").arg(kGoalRatio)},
    };

    if (!options.measureFloor) {
        result.insert(QStringLiteral("ratio"), QJsonValue::Null);
        result.insert(QStringLiteral("goal_met"), QJsonValue::Null);
        return result;
    }
    progress(QStringLiteral("ingest: storage floor (the same rows, one transaction, plain prepared INSERTs)"));
    auto floorCache = freshCache(dir, QStringLiteral("floor"));
    if (!floorCache)
        return floorCache.error();
    const QSqlDatabase floorDb = (*floorCache)->database();
    auto floor = StorageFloor::measure(db, floorDb, *baseline);
    if (!floor)
        return floor.error();
    QJsonObject floorRows;
    for (const auto &[table, rows] : floor->rows) {
        if (rows != written.value(table).toInteger())
            return Error{ErrorCode::Database, QStringLiteral("the floor copied %1 rows of %2, the ingest wrote %3")
                                                  .arg(rows)
                                                  .arg(table)
                                                  .arg(written.value(table).toInteger())};
        floorRows.insert(table, rows);
    }
    const double ratio = floor->seconds > 0 ? seconds / floor->seconds : 0.0;
    result.insert(QStringLiteral("floor_seconds"), rounded(floor->seconds));
    result.insert(QStringLiteral("floor_rows"), floorRows);
    result.insert(QStringLiteral("ratio"), rounded(ratio, 2));
    result.insert(QStringLiteral("goal_met"), ratio <= kGoalRatio);
    return result;
}

} // namespace Tillbridge::Bench
