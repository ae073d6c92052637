// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include "core/engine/jobscheduler.h"
#include "core/logging.h"
#include "core/net/clock.h"
#include "core/secrets/secretstore.h"
#include "core/storage/cache.h"

namespace Tillbridge::Core {

SyncEngine::SyncEngine(SyncConfig config, SecretStoreFactory secrets, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    qRegisterMetaType<SyncSummary>();
    qRegisterMetaType<SyncProgress>();
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(m_config, std::move(secrets)); // no parent: it moves to the thread
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::jobStarted, this, [this](const QString &job) {
        m_runningJob = job;
        Q_EMIT jobStarted(job);
        Q_EMIT passStarted();
    });
    connect(m_worker, &SyncWorker::jobFinished, this, [this](const QString &job) {
        m_runningJob.clear();
        Q_EMIT jobFinished(job);
    });
    connect(m_worker, &SyncWorker::progressed, this, &SyncEngine::progressed);
    connect(m_worker, &SyncWorker::passFinished, this, &SyncEngine::passFinished);
    connect(m_worker, &SyncWorker::failed, this, &SyncEngine::failed);
}

SyncEngine::~SyncEngine()
{
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
}

void SyncEngine::runNow()
{
    runJob(QString::fromLatin1(kOrdersJob));
}

void SyncEngine::runJob(const QString &job)
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, "runJob", Qt::QueuedConnection, Q_ARG(QString, job));
}

void SyncEngine::cancel()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, &SyncWorker::cancel, Qt::QueuedConnection);
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
    connect(m_cycle, &SyncCycle::progressed, this, &SyncWorker::progressed);
    if (auto prepared = m_cycle->prepare(); !prepared) {
        Q_EMIT failed(prepared.errorString());
        delete m_cycle;
        m_cycle = nullptr;
        return;
    }
    m_scheduler = new JobScheduler(Clock::system(), this);
    connect(m_scheduler, &JobScheduler::jobStarted, this, &SyncWorker::jobStarted);
    connect(m_scheduler, &JobScheduler::jobFinished, this, &SyncWorker::jobFinished);
    // The first pass of a session reads the item master afresh (a full pass: it pulls and posts orders too), so the
    // plain order pass starts one interval later; after that the item master is read again once a day.
    m_scheduler->addJob(QString::fromLatin1(SyncEngine::kOrdersJob),
                        std::chrono::seconds(std::max(1, m_config.schedule.orderPullSeconds)),
                        [this](std::function<void()> finished) { runPass(false, std::move(finished)); }, false);
    m_scheduler->addJob(QString::fromLatin1(SyncEngine::kCatalogueJob),
                        std::chrono::minutes(std::max(1, m_config.schedule.catalogueRefreshMinutes)),
                        [this](std::function<void()> finished) { runPass(true, std::move(finished)); }, false);
    m_scheduler->runNow(QString::fromLatin1(SyncEngine::kCatalogueJob));
    m_scheduler->start();
}

void SyncWorker::runJob(const QString &job)
{
    if (!m_scheduler) {
        Q_EMIT failed(tr("The sync engine could not start; see the previous message."));
        return;
    }
    if (!m_scheduler->runNow(job))
        qCWarning(lcSync) << "no such job:" << job;
}

void SyncWorker::cancel()
{
    if (m_cycle && m_scheduler && !m_scheduler->running().isEmpty())
        m_cycle->cancel();
}

void SyncWorker::runPass(bool refreshCatalogue, std::function<void()> finished)
{
    m_cycle->run(refreshCatalogue, [this, finished](const Result<SyncSummary> &summary) {
        if (!summary) {
            qCWarning(lcSync) << "sync pass failed:" << summary.errorString();
            Q_EMIT failed(summary.errorString());
        } else {
            Q_EMIT passFinished(*summary);
        }
        finished();
    });
}

void SyncWorker::close()
{
    if (m_scheduler)
        m_scheduler->stop();
    delete m_scheduler;
    m_scheduler = nullptr;
    delete m_cycle;
    m_cycle = nullptr;
    delete m_secrets;
    m_secrets = nullptr;
    m_connection.reset();
}

} // namespace Tillbridge::Core
