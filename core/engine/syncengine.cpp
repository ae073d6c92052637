// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include "core/logging.h"
#include "core/secrets/secretstore.h"
#include "core/storage/cache.h"

namespace Tillbridge::Core {

SyncEngine::SyncEngine(SyncConfig config, SecretStoreFactory secrets, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(m_config, std::move(secrets)); // no parent: it moves to the thread
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::passFinished, this, [this](const SyncSummary &summary) {
        m_running = false;
        Q_EMIT passFinished(summary);
    });
    connect(m_worker, &SyncWorker::failed, this, [this](const QString &message) {
        m_running = false;
        Q_EMIT failed(message);
    });
    m_schedule.setInterval(std::chrono::seconds(std::max(1, m_config.schedule.orderPullSeconds)));
    connect(&m_schedule, &QTimer::timeout, this, &SyncEngine::runNow);
}

SyncEngine::~SyncEngine()
{
    m_schedule.stop();
    if (m_thread.isRunning()) {
        // The connection must be closed in the thread that opened it, before the thread ends.
        QMetaObject::invokeMethod(m_worker, &SyncWorker::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void SyncEngine::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::open, Qt::QueuedConnection);
    runNow();
    m_schedule.start();
}

void SyncEngine::runNow()
{
    if (m_running || !m_thread.isRunning())
        return;
    m_running = true;
    Q_EMIT passStarted();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::runPass, Qt::QueuedConnection);
}

SyncWorker::SyncWorker(SyncConfig config, SyncEngine::SecretStoreFactory secrets)
    : m_config(std::move(config))
    , m_secretsFactory(std::move(secrets))
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::open()
{
    DatabaseConnection::Options options;
    options.path = m_config.cachePath;
    options.purpose = QStringLiteral("sync");
    auto connection = openCache(options);
    if (!connection) {
        Q_EMIT failed(connection.errorString());
        return;
    }
    m_connection = *connection;
    m_secrets = m_secretsFactory(this);
    m_cycle = new SyncCycle(m_config, m_connection->database(), m_secrets, this);
    if (auto prepared = m_cycle->prepare(); !prepared) {
        Q_EMIT failed(prepared.errorString());
        delete m_cycle;
        m_cycle = nullptr;
    }
}

void SyncWorker::runPass()
{
    if (!m_cycle) {
        Q_EMIT failed(tr("The sync engine could not start; see the previous message."));
        return;
    }
    // The item master is read on the first pass of a session, then it is kept until asked for again.
    const bool refresh = !m_catalogueRefreshed;
    m_cycle->run(refresh, [this, refresh](const Result<SyncSummary> &summary) {
        if (!summary) {
            qCWarning(lcSync) << "sync pass failed:" << summary.errorString();
            Q_EMIT failed(summary.errorString());
            return;
        }
        if (refresh)
            m_catalogueRefreshed = true;
        Q_EMIT passFinished(*summary);
    });
}

void SyncWorker::close()
{
    delete m_cycle;
    m_cycle = nullptr;
    delete m_secrets;
    m_secrets = nullptr;
    m_connection.reset();
}

} // namespace Tillbridge::Core
