// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/tokenbucket.h"
#include "core/result.h"
#include "core/sitoo/sitootypes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace Tillbridge::Core {

class PrimaGateway;
class SitooClient;

/**
 * How the stock push works and how much it does at a time (docs/stock.md). The lead maps these onto SyncSchedule;
 * until then the defaults hold.
 */
struct StockPushConfig
{
    int fastLaneMinutes = 5;        ///< cadence of the fast lane (SKUs at risk)
    int fullBatchMinutes = 1440;    ///< cadence of the full-catalogue batch (nightly by default)
    int velocityWindowHours = 24;   ///< sales counted over this recent window...
    qint64 velocityThreshold = 5;   ///< ...make a SKU at a store fast-moving from this many units sold
    qint64 lowStockThreshold = 3;   ///< available-to-sell at or below this is at risk, whatever the velocity
    int batchSize = 500;            ///< levels per Sitoo write request (Sitoo takes at most 1000)
    double sitooRequestsPerSecond = 5.0;  ///< pacing of writes to Sitoo
    int primaPageSize = 1000;             ///< levels per GET /stock page (contract maximum)
    double primaRequestsPerSecond = 20.0; ///< pacing of reads from Prima (6,000 per 5 minutes)
    int retryDelaySeconds = 300;    ///< a failed level is due again after this long
    int failuresBeforeException = 3; ///< a whole request failing (Sitoo down) raises exceptions from this attempt on
    int cursorOverlapSeconds = 120;  ///< the next read of Prima starts this long before the last one did (clock skew)

    /**
     * Reads the "stock" object of a configuration file: the keys are the field names above; a missing key keeps
     * its default. Errors name the key.
     */
    static Result<StockPushConfig> fromJson(const QJsonObject &json);
};

/** Which levels a run pushes. */
enum class StockPushMode {
    FastLane, ///< only levels at risk: fast movers (sales velocity) and low stock
    Full,     ///< every level whose Prima version has not been written yet
};

/** What one run did. */
struct StockPushSummary
{
    int levelsRead = 0;     ///< levels received from Prima (changed since the last read)
    int pushed = 0;         ///< levels written to Sitoo and committed
    int failed = 0;         ///< levels Sitoo refused or that could not be written: due again later
    int unmapped = 0;       ///< due levels at a Prima location without a store and Sitoo warehouse
    int requests = 0;       ///< Sitoo write requests (a FIFO stocktaking batch counts as one)
    qint64 maxLagMs = -1;   ///< the largest Prima change → Sitoo write delay of this run; -1 when nothing was pushed
    bool cancelled = false;
};

/** One due level as the push selects it. */
struct DueStockLevel
{
    QString sku;
    QString location;
    qint64 availableToSell = 0;
    qint64 version = 0;
    QDateTime asOf;
    int attempts = 0;
};

/**
 * Prima available-to-sell → each store's Sitoo warehouse (product.md step 6), exactly once per (SKU, location,
 * version):
 *
 * 1. **Read** GET /stock changed since the `updatedSince` cursor (sync_cursors prima/<host>/stock) into
 *    `stock_levels`; a level only ever moves to a higher version. One transaction per page, one summarising audit
 *    event ("stock.levels-received") per page.
 * 2. **Select** due levels (version > pushed_version) per location: every one (Full) or those at risk (FastLane: units
 *    sold at that store within the velocity window ≥ threshold, or available-to-sell ≤ the low-stock threshold).
 * 3. **Write before act**: the batch's intent_version = version commits ("stock.push-started") before the request.
 *    Virtual warehouses get a batch PUT of levels, FIFO ones a closed type-50 stocktaking batch. Failpoint
 *    `push.after_stock_put_before_commit` sits after the answer and before the commit.
 * 4. **Commit** pushed_version = intent_version for what Sitoo took (never lowering it), the lag per location, and a
 *    STOCK_PUSH_FAILED exception for what it refused (due again after retryDelaySeconds), with one "stock.pushed"
 *    audit event per batch. The rest of the batch and the run go on.
 *
 * A crash anywhere leaves a level due; the next run writes its newest version. Levels are absolute, so writing the
 * same version again cannot double-apply a change, and an older version is never selected once a newer one is read.
 *
 * Lives in one thread (the engine's worker) with that thread's connection, gateway and Sitoo client.
 */
class StockPush : public QObject
{
    Q_OBJECT

public:
    /** @p eshopId is used only when Sitoo lists no sites; otherwise every site's warehouses are served. */
    StockPush(QSqlDatabase db, PrimaGateway *gateway, SitooClient *sitoo, int eshopId, QString primaAccount,
              StockPushConfig config = {}, QObject *parent = nullptr);
    ~StockPush() override;

    const StockPushConfig &config() const { return m_config; }
    void setConfig(const StockPushConfig &config);

    /** Reads Prima, then pushes what @p mode selects until nothing is due; `done` runs once, on this thread. */
    void run(StockPushMode mode, std::function<void(const Result<StockPushSummary> &)> done);
    /** Stops after the request in flight has been answered and committed. */
    void cancel() { m_cancelled = true; }

    /** Due levels at @p location that @p mode would push now, in SKU order (at most @p limit). */
    Result<QList<DueStockLevel>> selectDue(StockPushMode mode, const QString &location, int limit) const;

    /** The audit actor of the push. */
    static QString actor() { return QStringLiteral("system"); }

Q_SIGNALS:
    /** After each committed batch: what this run has done so far. */
    void progressed(const Tillbridge::Core::StockPushSummary &soFar);

private:
    struct Run;
    struct Target
    {
        QString location;
        qint64 storeId = 0;
        int eshopId = 1;
        qint64 warehouseId = 0;
        bool virtualWarehouse = true;
    };

    Result<QList<DueStockLevel>> selectDue(StockPushMode mode, const QString &location, int limit,
                                           const QDateTime &runStarted) const;
    void pullPage(std::shared_ptr<Run> run, QString pageCursor);
    void loadTargets(std::shared_ptr<Run> run);
    void chooseTargets(std::shared_ptr<Run> run, const QHash<qint64, std::pair<int, SitooWarehouse>> &warehouses);
    void pushNext(std::shared_ptr<Run> run);
    void send(std::shared_ptr<Run> run, const Target &target, QList<DueStockLevel> batch);
    Status recordIntent(const Target &target, const QList<DueStockLevel> &batch);
    Status recordResults(std::shared_ptr<Run> run, const Target &target, const QList<DueStockLevel> &batch,
                         const QList<QString> &errors, bool wholeRequestFailed);
    /** Runs @p next once a token of @p bucket is there. */
    void paced(TokenBucket &bucket, std::function<void()> next);
    void finish(std::shared_ptr<Run> run, const Result<StockPushSummary> &result);

    QSqlDatabase m_db;
    PrimaGateway *m_gateway;
    SitooClient *m_sitoo;
    int m_eshopId;
    QString m_primaAccount;
    StockPushConfig m_config;
    TokenBucket m_primaPace;
    TokenBucket m_sitooPace;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::StockPushSummary)
