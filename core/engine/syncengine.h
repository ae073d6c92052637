// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/synccycle.h"
#include "core/storage/databaseconnection.h"
#include "core/engine/syncconfig.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>

namespace Tillbridge::Core {

class SecretStore;
class SyncWorker;

/**
 * The engine as the workbench sees it: a façade on the GUI thread, and a worker in its own QThread that owns the
 * cache connection, the secret store and the network clients and runs SyncCycle passes (house-style §7). The worker
 * only talks back through queued signals carrying value types. A pass runs at start, every
 * `schedule.orderPullSeconds`, and on demand; passes never overlap.
 */
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    /** Makes the secret store the worker uses, in the worker's thread (the keychain, or a memory store in tests). */
    using SecretStoreFactory = std::function<SecretStore *(QObject *parent)>;

    SyncEngine(SyncConfig config, SecretStoreFactory secrets, QObject *parent = nullptr);
    ~SyncEngine() override;

    /** Starts the worker thread, prepares (mappings import, crash recovery) and runs the first pass. */
    void start();
    /** Runs a pass now unless one is running. */
    void runNow();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void passStarted();
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);

private:
    SyncConfig m_config;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    QTimer m_schedule;
    bool m_running = false;
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
    void runPass();
    void close();

Q_SIGNALS:
    void passFinished(const Tillbridge::Core::SyncSummary &summary);
    void failed(const QString &message);

private:
    SyncConfig m_config;
    SyncEngine::SecretStoreFactory m_secretsFactory;
    DatabaseConnectionPtr m_connection;
    SecretStore *m_secrets = nullptr;
    SyncCycle *m_cycle = nullptr;
    bool m_catalogueRefreshed = false;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::SyncSummary)
