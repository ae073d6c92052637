// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/synccycle.h"
#include "core/storage/databaseconnection.h"
#include "core/engine/syncconfig.h"

#include <QMetaType>
#include <QObject>
#include <QThread>

#include <functional>

namespace Tillbridge::Core {

class JobScheduler;
class SecretStore;
class SyncWorker;

/**
 * The engine as the workbench sees it: a façade on the GUI thread, and a worker in its own QThread that owns the
 * cache connection, the secret store, the network clients and the job scheduler (house-style §7). The worker only
 * talks back through queued signals carrying value types.
 *
 * Jobs (JobScheduler, one at a time): "orders" — a SyncCycle pass (pull, validate, post) at start and every
 * `schedule.orderPullSeconds`; "catalogue" — the same pass with Prima's item master read again, every
 * `schedule.catalogueRefreshMinutes`. Either can be asked for on demand, and the running one can be cancelled at
 * its next safe point.
 */
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    /** Makes the secret store the worker uses, in the worker's thread (the keychain, or a memory store in tests). */
    using SecretStoreFactory = std::function<SecretStore *(QObject *parent)>;

    static constexpr const char *kOrdersJob = "orders";
    static constexpr const char *kCatalogueJob = "catalogue";

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
    bool isRunning() const { return !m_runningJob.isEmpty(); }
    QString runningJob() const { return m_runningJob; }

Q_SIGNALS:
    void jobStarted(const QString &job);
    void jobFinished(const QString &job);
    void passStarted();
    void progressed(const Tillbridge::Core::SyncProgress &progress);
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);

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
    void close();

Q_SIGNALS:
    void jobStarted(const QString &job);
    void jobFinished(const QString &job);
    void progressed(const Tillbridge::Core::SyncProgress &progress);
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);

private:
    void runPass(bool refreshCatalogue, std::function<void()> finished);

    SyncConfig m_config;
    SyncEngine::SecretStoreFactory m_secretsFactory;
    DatabaseConnectionPtr m_connection;
    SecretStore *m_secrets = nullptr;
    SyncCycle *m_cycle = nullptr;
    JobScheduler *m_scheduler = nullptr;
};

} // namespace Tillbridge::Core
