// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stock/stockpush.h"

#include "core/domain/auditevent.h"
#include "core/domain/exceptionrecord.h"
#include "core/engine/failpoints.h"
#include "core/money/decimal.h"
#include "core/prima/primagateway.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/storerepository.h"
#include "core/storage/syncstaterepository.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

namespace Tillbridge::Core {

namespace {

const QString kSource = QStringLiteral("prima");
const QString kStream = QStringLiteral("stock");
constexpr int kMaxConsecutiveRequestFailures = 3;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tillbridge::Core::StockPush", text, disambiguation, n);
}

Error dbError(const QSqlQuery &query, const char *what)
{
    return Error{ErrorCode::Database,
                 tr("The stock push could not %1: %2").arg(tr(what), query.lastError().text())};
}

QString entityIdOf(const QString &sku, const QString &location)
{
    return sku + u'@' + location;
}

} // namespace

Result<StockPushConfig> StockPushConfig::fromJson(const QJsonObject &json)
{
    StockPushConfig config;
    struct Field
    {
        const char *key;
        double *real;
        qint64 *wide;
        int *narrow;
        double minimum;
    };
    const Field fields[] = {
        {"fastLaneMinutes", nullptr, nullptr, &config.fastLaneMinutes, 1},
        {"fullBatchMinutes", nullptr, nullptr, &config.fullBatchMinutes, 1},
        {"velocityWindowHours", nullptr, nullptr, &config.velocityWindowHours, 1},
        {"velocityThreshold", nullptr, &config.velocityThreshold, nullptr, 1},
        {"lowStockThreshold", nullptr, &config.lowStockThreshold, nullptr, 0},
        {"batchSize", nullptr, nullptr, &config.batchSize, 1},
        {"sitooRequestsPerSecond", &config.sitooRequestsPerSecond, nullptr, nullptr, 0},
        {"primaPageSize", nullptr, nullptr, &config.primaPageSize, 1},
        {"primaRequestsPerSecond", &config.primaRequestsPerSecond, nullptr, nullptr, 0},
        {"retryDelaySeconds", nullptr, nullptr, &config.retryDelaySeconds, 0},
        {"failuresBeforeException", nullptr, nullptr, &config.failuresBeforeException, 1},
        {"cursorOverlapSeconds", nullptr, nullptr, &config.cursorOverlapSeconds, 0},
    };
    for (const Field &field : fields) {
        const QJsonValue value = json.value(QLatin1StringView(field.key));
        if (value.isUndefined())
            continue;
        if (!value.isDouble() || value.toDouble() < field.minimum
            || ((field.wide || field.narrow) && value.toDouble() != double(value.toInteger()))) {
            return Error{ErrorCode::InvalidInput, tr("stock.%1 must be a number of at least %2.")
                                                      .arg(QLatin1StringView(field.key))
                                                      .arg(field.minimum)};
        }
        if (field.real)
            *field.real = value.toDouble();
        else if (field.wide)
            *field.wide = value.toInteger();
        else
            *field.narrow = int(value.toInteger());
    }
    if (config.batchSize > 1000)
        return Error{ErrorCode::InvalidInput, tr("stock.batchSize is at most 1000 (Sitoo's limit).")};
    return config;
}

struct StockPush::Run
{
    StockPushMode mode = StockPushMode::FastLane;
    QDateTime started = QDateTime::currentDateTimeUtc();
    std::function<void(const Result<StockPushSummary> &)> done;
    StockPushSummary summary;
    QDateTime updatedSince;
    QDateTime maxAsOf;
    QList<Target> targets;
    int targetIndex = 0;
    int consecutiveFailures = 0;
};

StockPush::StockPush(QSqlDatabase db, PrimaGateway *gateway, SitooClient *sitoo, int eshopId, QString primaAccount,
                     StockPushConfig config, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_gateway(gateway)
    , m_sitoo(sitoo)
    , m_eshopId(eshopId)
    , m_primaAccount(std::move(primaAccount))
{
    m_clock.start();
    setConfig(config);
}

StockPush::~StockPush() = default;

void StockPush::setConfig(const StockPushConfig &config)
{
    m_config = config;
    m_config.batchSize = std::clamp(m_config.batchSize, 1, 1000);
    m_config.primaPageSize = std::clamp(m_config.primaPageSize, 1, PrimaGateway::kMaxPageSize);
    m_primaPace = TokenBucket(m_config.primaRequestsPerSecond, 1);
    m_sitooPace = TokenBucket(m_config.sitooRequestsPerSecond, 1);
}

void StockPush::paced(TokenBucket &bucket, std::function<void()> next)
{
    const qint64 now = m_clock.elapsed();
    const qint64 wait = bucket.msUntilToken(now);
    if (wait <= 0 && bucket.tryTake(now)) {
        QTimer::singleShot(0, this, std::move(next));
        return;
    }
    QTimer::singleShot(std::max<qint64>(wait, 1), this,
                       [this, &bucket, next = std::move(next)]() mutable { paced(bucket, std::move(next)); });
}

void StockPush::run(StockPushMode mode, std::function<void(const Result<StockPushSummary> &)> done)
{
    m_cancelled = false;
    auto run = std::make_shared<Run>();
    run->mode = mode;
    run->done = std::move(done);
    auto cursor = SyncStateRepository(m_db).cursor(kSource, m_primaAccount, kStream);
    if (!cursor) {
        finish(run, cursor.error());
        return;
    }
    if (cursor->has_value())
        run->updatedSince = fromDbTime(**cursor);
    paced(m_primaPace, [this, run] { pullPage(run, QString()); });
}

void StockPush::pullPage(std::shared_ptr<Run> run, QString pageCursor)
{
    m_gateway->stock(QString(), run->updatedSince, pageCursor, m_config.primaPageSize, this,
                     [this, run](PrimaReadResult<PrimaPage<PrimaStockLevel>> page) {
        if (!page.ok()) {
            finish(run, Error{ErrorCode::Remote, tr("Prima's stock could not be read: %1").arg(page.error.summary())});
            return;
        }
        DbTransaction tx(m_db);
        if (!tx.isActive()) {
            finish(run, tx.beginStatus().error());
            return;
        }
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral(
            "INSERT INTO stock_levels (sku, location, on_hand, allocated, available_to_sell, version, observed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku, location) DO UPDATE SET on_hand = excluded.on_hand, "
            "allocated = excluded.allocated, available_to_sell = excluded.available_to_sell, version = "
            "excluded.version, observed_at = excluded.observed_at WHERE excluded.version > stock_levels.version"));
        int changed = 0;
        qint64 lowest = 0;
        qint64 highest = 0;
        for (const PrimaStockLevel &level : page.value->items) {
            const QDateTime asOf = level.observedAt.isValid() ? level.observedAt : QDateTime::currentDateTimeUtc();
            query.addBindValue(level.sku);
            query.addBindValue(level.location);
            query.addBindValue(level.onHand);
            query.addBindValue(level.allocated);
            query.addBindValue(level.availableToSell);
            query.addBindValue(level.version);
            query.addBindValue(dbTime(asOf));
            if (!query.exec()) {
                finish(run, dbError(query, "store a stock level"));
                return;
            }
            if (query.numRowsAffected() > 0) {
                ++changed;
                lowest = lowest == 0 ? level.version : std::min(lowest, level.version);
                highest = std::max(highest, level.version);
            }
            if (!run->maxAsOf.isValid() || asOf > run->maxAsOf)
                run->maxAsOf = asOf;
        }
        run->summary.levelsRead += int(page.value->items.size());
        if (changed > 0) {
            AuditEvent event;
            event.actor = actor();
            event.action = QStringLiteral("stock.levels-received");
            event.entityType = QStringLiteral("stock");
            event.entityId = m_primaAccount;
            event.details = QJsonObject{{QStringLiteral("levels"), changed},
                                        {QStringLiteral("lowest_version"), lowest},
                                        {QStringLiteral("highest_version"), highest}};
            if (auto appended = AuditChain::append(tx, event); !appended) {
                finish(run, appended.error());
                return;
            }
        }
        const bool last = !page.value->hasMore();
        if (last && run->maxAsOf.isValid()) {
            // The next read starts before this one did (less an overlap for clock skew), not at the newest asOf
            // seen: a level changed on an earlier page while later pages were read has an asOf older than that.
            // Reading a level again is harmless (its version is not newer); missing one is not.
            QDateTime next = std::min(run->maxAsOf, run->started).addSecs(-m_config.cursorOverlapSeconds);
            if (run->updatedSince.isValid())
                next = std::max(next, run->updatedSince);
            if (auto set = SyncStateRepository(m_db).setCursor(tx, kSource, m_primaAccount, kStream, dbTime(next));
                !set) {
                finish(run, set.error());
                return;
            }
        }
        if (auto committed = tx.commit(); !committed) {
            finish(run, committed.error());
            return;
        }
        if (m_cancelled) {
            run->summary.cancelled = true;
            finish(run, run->summary);
            return;
        }
        if (!last) {
            const QString next = page.value->nextCursor;
            paced(m_primaPace, [this, run, next] { pullPage(run, next); });
            return;
        }
        loadTargets(run);
    });
}

void StockPush::loadTargets(std::shared_ptr<Run> run)
{
    // Stores and warehouses live per Sitoo site: every site's warehouses, with their type, before anything is sent.
    m_sitoo->fetchValue(QStringLiteral("sites.json"), {}, this, [this, run](const Result<QJsonValue> &sites) {
        if (!sites) {
            finish(run, Error{ErrorCode::Remote, tr("Sitoo's sites could not be read: %1").arg(sites.errorString())});
            return;
        }
        auto eshops = std::make_shared<QList<int>>();
        for (const QJsonValue &site : sites->toObject().value(u"items").toArray())
            eshops->append(site.toObject().value(u"eshopid").toInt());
        if (eshops->isEmpty())
            eshops->append(m_eshopId);
        auto found = std::make_shared<QHash<qint64, std::pair<int, SitooWarehouse>>>();
        auto next = std::make_shared<std::function<void(int)>>();
        // The step holds itself only weakly; each request in flight holds it strongly until its answer.
        std::weak_ptr<std::function<void(int)>> weakNext = next;
        *next = [this, run, eshops, found, weakNext](int index) {
            if (index >= eshops->size()) {
                chooseTargets(run, *found);
                return;
            }
            const int eshop = eshops->at(index);
            m_sitoo->fetchWarehouses(eshop, this, [this, run, eshop, index, found, self = weakNext.lock()](
                                                      const Result<SitooList<SitooWarehouse>> &warehouses) {
                if (!warehouses) {
                    finish(run, Error{ErrorCode::Remote, tr("Sitoo's warehouses could not be read: %1")
                                                             .arg(warehouses.errorString())});
                    return;
                }
                for (const SitooWarehouse &warehouse : warehouses->items)
                    found->insert(warehouse.warehouseId, {eshop, warehouse});
                (*self)(index + 1);
            });
        };
        (*next)(0);
    });
}

void StockPush::chooseTargets(std::shared_ptr<Run> run, const QHash<qint64, std::pair<int, SitooWarehouse>> &warehouses)
{
    auto stores = StoreRepository(m_db).all();
    if (!stores) {
        finish(run, stores.error());
        return;
    }
    QSet<QString> seen;
    for (const Store &store : *stores) {
        if (!store.active || store.primaLocation.isEmpty() || store.sitooWarehouseId == 0
            || seen.contains(store.primaLocation))
            continue;
        const auto warehouse = warehouses.constFind(store.sitooWarehouseId);
        if (warehouse == warehouses.constEnd())
            continue;
        seen.insert(store.primaLocation);
        run->targets.append(Target{store.primaLocation, store.id, warehouse->first, store.sitooWarehouseId,
                                   !warehouse->second.isFifo()});
    }
    // Due levels nobody can receive: counted, never guessed at.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT location, COUNT(*) FROM stock_levels WHERE (pushed_version IS NULL OR "
                                 "version > pushed_version) GROUP BY location"));
    if (!query.exec()) {
        finish(run, dbError(query, "count due levels"));
        return;
    }
    while (query.next()) {
        if (!seen.contains(query.value(0).toString()))
            run->summary.unmapped += query.value(1).toInt();
    }
    pushNext(run);
}

Result<QList<DueStockLevel>> StockPush::selectDue(StockPushMode mode, const QString &location, int limit) const
{
    return selectDue(mode, location, limit, QDateTime());
}

Result<QList<DueStockLevel>> StockPush::selectDue(StockPushMode mode, const QString &location, int limit,
                                                  const QDateTime &runStarted) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db);
    QString sql = QStringLiteral(
        "SELECT s.sku, s.location, s.available_to_sell, s.version, s.observed_at, s.attempts FROM stock_levels s "
        "WHERE s.location = ? AND (s.pushed_version IS NULL OR s.version > s.pushed_version) "
        "AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= ?) "
        // A level tried in this run waits for the next one, whatever its retry delay.
        "AND (? IS NULL OR s.intent_at IS NULL OR s.intent_at < ?) ");
    if (mode == StockPushMode::FastLane) {
        // At risk: low stock, or units sold at this location's store within the window at or above the threshold.
        sql += QStringLiteral(
            "AND (s.available_to_sell <= ? OR (SELECT COALESCE(SUM(l.quantity), 0) FROM pos_order_lines l "
            "JOIN pos_orders o ON o.id = l.order_id JOIN stores st ON st.id = o.store_id WHERE l.sku = s.sku "
            "AND st.prima_location = s.location AND o.kind = 'sale' AND o.state <> 'superseded' "
            "AND o.order_date >= ?) >= ?) ");
    }
    sql += QStringLiteral("ORDER BY s.sku LIMIT ?");
    query.prepare(sql);
    query.addBindValue(location);
    query.addBindValue(dbTime(now));
    const QVariant started = runStarted.isValid() ? QVariant(dbTime(runStarted)) : QVariant();
    query.addBindValue(started);
    query.addBindValue(started);
    if (mode == StockPushMode::FastLane) {
        query.addBindValue(m_config.lowStockThreshold);
        query.addBindValue(dbTime(now.addSecs(-qint64(m_config.velocityWindowHours) * 3600)));
        query.addBindValue(m_config.velocityThreshold);
    }
    query.addBindValue(limit);
    if (!query.exec())
        return dbError(query, "select due levels");
    QList<DueStockLevel> due;
    while (query.next()) {
        DueStockLevel level;
        level.sku = query.value(0).toString();
        level.location = query.value(1).toString();
        level.availableToSell = query.value(2).toLongLong();
        level.version = query.value(3).toLongLong();
        level.asOf = fromDbTime(query.value(4));
        level.attempts = query.value(5).toInt();
        due.append(level);
    }
    return due;
}

void StockPush::pushNext(std::shared_ptr<Run> run)
{
    if (m_cancelled) {
        run->summary.cancelled = true;
        finish(run, run->summary);
        return;
    }
    while (run->targetIndex < run->targets.size()) {
        const Target target = run->targets.at(run->targetIndex);
        auto batch = selectDue(run->mode, target.location, m_config.batchSize, run->started);
        if (!batch) {
            finish(run, batch.error());
            return;
        }
        if (batch->isEmpty()) {
            ++run->targetIndex;
            continue;
        }
        if (auto recorded = recordIntent(target, *batch); !recorded) {
            finish(run, recorded.error());
            return;
        }
        paced(m_sitooPace, [this, run, target, batch = *batch] { send(run, target, batch); });
        return;
    }
    finish(run, run->summary);
}

Status StockPush::recordIntent(const Target &target, const QList<DueStockLevel> &batch)
{
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE stock_levels SET intent_version = ?, intent_at = ?, attempts = attempts + 1 "
                                 "WHERE sku = ? AND location = ? AND version = ?"));
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    for (const DueStockLevel &level : batch) {
        query.addBindValue(level.version);
        query.addBindValue(now);
        query.addBindValue(level.sku);
        query.addBindValue(level.location);
        query.addBindValue(level.version);
        if (!query.exec())
            return dbError(query, "record what it is about to write");
    }
    AuditEvent event;
    event.actor = actor();
    event.action = QStringLiteral("stock.push-started");
    event.entityType = QStringLiteral("stock-location");
    event.entityId = target.location;
    event.details = QJsonObject{{QStringLiteral("levels"), int(batch.size())},
                                {QStringLiteral("warehouse_id"), target.warehouseId},
                                {QStringLiteral("first_sku"), batch.constFirst().sku},
                                {QStringLiteral("last_sku"), batch.constLast().sku}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return tx.commit();
}

void StockPush::send(std::shared_ptr<Run> run, const Target &target, QList<DueStockLevel> batch)
{
    QList<std::pair<QString, Decimal>> levels;
    levels.reserve(batch.size());
    for (const DueStockLevel &level : batch)
        levels.append({level.sku, Decimal(std::max<qint64>(0, level.availableToSell), 0)});
    ++run->summary.requests;
    auto afterWrite = [this, run, target, batch](const QList<QString> &errors, bool wholeRequestFailed) {
        FailPoints::hit("push.after_stock_put_before_commit");
        if (auto recorded = recordResults(run, target, batch, errors, wholeRequestFailed); !recorded) {
            finish(run, recorded.error());
            return;
        }
        Q_EMIT progressed(run->summary);
        run->consecutiveFailures = wholeRequestFailed ? run->consecutiveFailures + 1 : 0;
        if (run->consecutiveFailures >= kMaxConsecutiveRequestFailures) {
            finish(run, Error{ErrorCode::Remote, tr("Sitoo refused %1 stock writes in a row; the rest waits for the "
                                                    "next run.").arg(run->consecutiveFailures)});
            return;
        }
        pushNext(run);
    };
    if (target.virtualWarehouse) {
        m_sitoo->setVirtualStockLevels(
            target.eshopId, target.warehouseId, levels, this,
            [batch, afterWrite](const Result<QList<SitooBatchElementResult>> &results) {
                QList<QString> errors(batch.size());
                if (!results) {
                    errors.fill(results.errorString());
                    afterWrite(errors, true);
                    return;
                }
                for (int i = 0; i < batch.size(); ++i) {
                    if (i >= results->size())
                        errors[i] = tr("Sitoo gave no answer for this level.");
                    else if (!results->at(i).isSuccess())
                        errors[i] = tr("Sitoo refused it (%1): %2")
                                        .arg(results->at(i).statusCode)
                                        .arg(results->at(i).errorText);
                }
                afterWrite(errors, false);
            });
    } else {
        const QString comment = tr("Tillbridge: Prima available-to-sell at %1").arg(target.location);
        m_sitoo->countFifoStock(target.eshopId, target.warehouseId, levels, comment, this,
                                [batch, afterWrite](const Result<qint64> &closed) {
            // A stocktaking batch is applied when closed, all together: it succeeds or fails as one.
            QList<QString> errors(batch.size());
            if (!closed)
                errors.fill(closed.errorString());
            afterWrite(errors, !closed);
        });
    }
}

Status StockPush::recordResults(std::shared_ptr<Run> run, const Target &target, const QList<DueStockLevel> &batch,
                                const QList<QString> &errors, bool wholeRequestFailed)
{
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = dbTime(now);
    QSqlQuery pushed(m_db);
    // Only ever forward: a level whose pushed_version is newer already (it cannot be, but a guard costs nothing)
    // keeps it.
    pushed.prepare(QStringLiteral(
        "UPDATE stock_levels SET pushed_version = intent_version, pushed_level = ?, pushed_at = ?, attempts = 0, "
        "next_attempt_at = NULL, last_error = NULL WHERE sku = ? AND location = ? AND intent_version = ? "
        "AND intent_version <= version AND (pushed_version IS NULL OR pushed_version < intent_version)"));
    QSqlQuery failed(m_db);
    failed.prepare(QStringLiteral(
        "UPDATE stock_levels SET next_attempt_at = ?, last_error = ? WHERE sku = ? AND location = ?"));
    ExceptionRepository exceptions(m_db);
    int pushedCount = 0;
    int failedCount = 0;
    qint64 lastLag = -1;
    qint64 maxLag = -1;
    qint64 totalLag = 0;
    const QString retryAt = dbTime(now.addSecs(m_config.retryDelaySeconds));
    for (int i = 0; i < batch.size(); ++i) {
        const DueStockLevel &level = batch.at(i);
        const QString entityId = entityIdOf(level.sku, level.location);
        if (errors.at(i).isEmpty()) {
            pushed.addBindValue(level.availableToSell);
            pushed.addBindValue(nowText);
            pushed.addBindValue(level.sku);
            pushed.addBindValue(level.location);
            pushed.addBindValue(level.version);
            if (!pushed.exec())
                return dbError(pushed, "record a written level");
            ++pushedCount;
            const qint64 lag = level.asOf.isValid() ? std::max<qint64>(0, level.asOf.msecsTo(now)) : 0;
            lastLag = lag;
            maxLag = std::max(maxLag, lag);
            totalLag += lag;
            if (level.attempts > 1) {
                auto resolved = exceptions.autoResolve(tx, QStringLiteral("stock-level"), entityId,
                                                       ExceptionKind::StockPushFailed,
                                                       tr("Version %1 was written to Sitoo.").arg(level.version));
                if (!resolved)
                    return resolved.error();
            }
            continue;
        }
        ++failedCount;
        failed.addBindValue(retryAt);
        failed.addBindValue(errors.at(i));
        failed.addBindValue(level.sku);
        failed.addBindValue(level.location);
        if (!failed.exec())
            return dbError(failed, "record a failed level");
        // One refused element is an exception at once; a whole request failing (Sitoo down) only after a few tries,
        // so that an outage does not bury the queue.
        const int attempts = level.attempts + 1;
        if (wholeRequestFailed && attempts < m_config.failuresBeforeException)
            continue;
        const QString explanation =
            tr("Available-to-sell %1 of %2 at %3 (Prima version %4) could not be written to Sitoo warehouse %5 "
               "after %n attempt(s): %6. It is tried again automatically.", nullptr, attempts)
                .arg(level.availableToSell)
                .arg(level.sku, level.location)
                .arg(level.version)
                .arg(target.warehouseId)
                .arg(errors.at(i));
        const QJsonObject details{{QStringLiteral("sku"), level.sku},
                                  {QStringLiteral("location"), level.location},
                                  {QStringLiteral("available_to_sell"), level.availableToSell},
                                  {QStringLiteral("version"), level.version},
                                  {QStringLiteral("warehouse_id"), target.warehouseId}};
        auto raised = exceptions.raise(tx,
                                       ExceptionRecord::open(ExceptionKind::StockPushFailed,
                                                             QStringLiteral("stock-level"), entityId, explanation,
                                                             details, target.storeId),
                                       actor());
        if (!raised)
            return raised.error();
    }
    if (pushedCount > 0) {
        QSqlQuery lag(m_db);
        lag.prepare(QStringLiteral(
            "INSERT INTO stock_push_lag (location, store_id, last_lag_ms, max_lag_ms, total_lag_ms, samples, "
            "last_pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (location) DO UPDATE SET store_id = "
            "excluded.store_id, last_lag_ms = excluded.last_lag_ms, max_lag_ms = max(max_lag_ms, "
            "excluded.max_lag_ms), total_lag_ms = total_lag_ms + excluded.total_lag_ms, samples = samples + "
            "excluded.samples, last_pushed_at = excluded.last_pushed_at"));
        lag.addBindValue(target.location);
        lag.addBindValue(target.storeId > 0 ? QVariant(target.storeId) : QVariant());
        lag.addBindValue(lastLag);
        lag.addBindValue(maxLag);
        lag.addBindValue(totalLag);
        lag.addBindValue(pushedCount);
        lag.addBindValue(nowText);
        if (!lag.exec())
            return dbError(lag, "record the push lag");
    }
    AuditEvent event;
    event.actor = actor();
    event.action = QStringLiteral("stock.pushed");
    event.entityType = QStringLiteral("stock-location");
    event.entityId = target.location;
    event.details = QJsonObject{{QStringLiteral("pushed"), pushedCount},
                                {QStringLiteral("failed"), failedCount},
                                {QStringLiteral("warehouse_id"), target.warehouseId},
                                {QStringLiteral("max_lag_ms"), maxLag}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    if (auto committed = tx.commit(); !committed)
        return committed;
    run->summary.pushed += pushedCount;
    run->summary.failed += failedCount;
    run->summary.maxLagMs = std::max(run->summary.maxLagMs, maxLag);
    return Status::success();
}

void StockPush::finish(std::shared_ptr<Run> run, const Result<StockPushSummary> &result)
{
    if (!run->done)
        return;
    auto done = std::move(run->done);
    run->done = nullptr;
    done(result);
}

} // namespace Tillbridge::Core
