// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/synccycle.h"
#include "core/storage/databaseconnection.h"
#include "core/engine/syncconfig.h"

#include <QDate>
#include <QMetaType>
#include <QObject>
#include <QThread>

#include <functional>

namespace Tillbridge::Core {

class CataloguePush;
class JobScheduler;
class ReconciliationService;
class SecretStore;
class SkuAudit;
class StockPush;
class SyncWorker;

/**
 * The engine as the workbench sees it: a façade on the GUI thread, and a worker in its own QThread that owns the
 * cache connection, the secret store, the network clients and the job scheduler (house-style §7). The worker only
 * talks back through queued signals carrying value types.
 *
 * Jobs (JobScheduler, one at a time, each also on demand; the running one can be cancelled at its next safe point):
 * - "catalogue": a SyncCycle pass that reads Prima's item master afresh — at start and every
 *   `schedule.catalogueRefreshMinutes`; "orders": the plain pass (pull, validate, post) every `orderPullSeconds`;
 * - "catalogue-push": Prima's items to Sitoo (CataloguePush), with the item master's cadence;
 * - "sku-audit": the full SKU audit (SkuAudit), every `skuAuditMinutes`;
 * - "reconcile": payouts and VAT against Prima's ledger for the last `reconcileLookbackDays` trading days up to
 *   yesterday (ReconciliationService), every `reconcileMinutes`; "store-feeds": silent store feeds, every
 *   `storeFeedCheckMinutes`.
 * - "stock-fast-lane" / "stock-full": Prima's available-to-sell to Sitoo (StockPush) for the SKUs at risk every
 *   `stock.fastLaneMinutes`, for everything every `stock.fullBatchMinutes`.
 * At start the catalogue pass, the push, the audit, the reconciliation and a full stock push run once, in that order.
 */
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    /** Makes the secret store the worker uses, in the worker's thread (the keychain, or a memory store in tests). */
    using SecretStoreFactory = std::function<SecretStore *(QObject *parent)>;

    static constexpr const char *kOrdersJob = "orders";
    static constexpr const char *kCatalogueJob = "catalogue";
    static constexpr const char *kCataloguePushJob = "catalogue-push";
    static constexpr const char *kSkuAuditJob = "sku-audit";
    static constexpr const char *kReconcileJob = "reconcile";
    static constexpr const char *kStoreFeedsJob = "store-feeds";
    static constexpr const char *kStockFastLaneJob = "stock-fast-lane";
    static constexpr const char *kStockFullJob = "stock-full";

    SyncEngine(SyncConfig config, SecretStoreFactory secrets, QObject *parent = nullptr);
    ~SyncEngine() override;

    /** Starts the worker thread, prepares (mappings import, crash recovery) and starts the schedule. */
    void start();
    /** Runs an order pass as soon as nothing else runs. */
    void runNow();
    /** Runs @p job ("orders", "catalogue") as soon as nothing else runs. */
    void runJob(const QString &job);
    /** Stops the running job at its next safe point; what it did so far stays committed. */
    void cancel();
    /**
     * An approver had a Sitoo-only SKU (the exception's) deactivated in the POS: SkuAudit::deactivateInPos runs in
     * the worker, which owns the Sitoo client; deactivationFinished() reports.
     */
    void deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason);
    const SyncConfig &config() const { return m_config; }
    bool isRunning() const { return !m_runningJob.isEmpty(); }
    QString runningJob() const { return m_runningJob; }

Q_SIGNALS:
    void jobStarted(const QString &job);
    void jobFinished(const QString &job);
    void passStarted();
    void progressed(const Tillbridge::Core::SyncProgress &progress);
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);
    /** A job other than a pass finished: what it did, in words for the status bar. */
    void jobReported(const QString &job, const QString &message, bool succeeded);
    void deactivationFinished(bool succeeded, const QString &message);

private:
    SyncConfig m_config;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    QString m_runningJob;
};

/** The part of the engine that lives in its thread. Use it through SyncEngine. */
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(SyncConfig config, SyncEngine::SecretStoreFactory secrets);
    ~SyncWorker() override;

public Q_SLOTS:
    void open();
    void runJob(const QString &job);
    void cancel();
    void deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason);
    void close();

Q_SIGNALS:
    void jobStarted(const QString &job);
    void jobFinished(const QString &job);
    void progressed(const Tillbridge::Core::SyncProgress &progress);
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);
    void jobReported(const QString &job, const QString &message, bool succeeded);
    void deactivationFinished(bool succeeded, const QString &message);

private:
    void runPass(bool refreshCatalogue, std::function<void()> finished);
    void runCataloguePush(std::function<void()> finished);
    void runSkuAudit(std::function<void()> finished);
    void runReconciliation(std::function<void()> finished);
    void reconcileDays(std::shared_ptr<QList<QDate>> days, std::shared_ptr<int> variances,
                       std::function<void()> finished);
    void checkStoreFeeds(std::function<void()> finished);
    void runStockPush(int mode, std::function<void()> finished);

    SyncConfig m_config;
    SyncEngine::SecretStoreFactory m_secretsFactory;
    DatabaseConnectionPtr m_connection;
    SecretStore *m_secrets = nullptr;
    SyncCycle *m_cycle = nullptr;
    JobScheduler *m_scheduler = nullptr;
    CataloguePush *m_cataloguePush = nullptr;
    SkuAudit *m_skuAudit = nullptr;
    ReconciliationService *m_reconciliation = nullptr;
    StockPush *m_stockPush = nullptr;
};

} // namespace Tillbridge::Core
