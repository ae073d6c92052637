// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include "core/catalogue/cataloguepush.h"
#include "core/catalogue/skuaudit.h"
#include "core/engine/jobscheduler.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/logging.h"
#include "core/net/clock.h"
#include "core/secrets/secretstore.h"
#include "core/stock/stockpush.h"
#include "core/storage/cache.h"

#include <QLocale>

namespace Tillbridge::Core {

namespace {
/** A first reconciliation of a long backfill is spread over several runs rather than one very long one. */
constexpr int kMaxDaysPerRun = 31;
} // namespace

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
    connect(m_worker, &SyncWorker::jobReported, this, &SyncEngine::jobReported);
    connect(m_worker, &SyncWorker::deactivationFinished, this, &SyncEngine::deactivationFinished);
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

void SyncEngine::deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason)
{
    if (!m_thread.isRunning()) {
        Q_EMIT deactivationFinished(false, tr("The sync engine is not running."));
        return;
    }
    QMetaObject::invokeMethod(m_worker, "deactivateInPos", Qt::QueuedConnection, Q_ARG(qint64, exceptionId),
                              Q_ARG(QString, approver), Q_ARG(QString, reason));
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
    auto reconciliationSettings = ReconciliationSettings::fromJson(m_config.document);
    if (!reconciliationSettings) {
        Q_EMIT failed(reconciliationSettings.errorString());
        reconciliationSettings = ReconciliationSettings();
    }
    const QSqlDatabase db = m_connection->database();
    m_cataloguePush = new CataloguePush(db, m_cycle->sitoo(), m_cycle->gateway(), this);
    m_skuAudit = new SkuAudit(db, m_cycle->sitoo(), m_cycle->gateway(), this);
    m_reconciliation =
        new ReconciliationService(db, m_cycle->gateway(), m_cycle->sitoo(), *reconciliationSettings, this);
    auto stockConfig = StockPushConfig::fromJson(m_config.document.value(u"stock").toObject());
    if (!stockConfig) {
        Q_EMIT failed(stockConfig.errorString());
        stockConfig = StockPushConfig();
    }
    m_stockPush = new StockPush(db, m_cycle->gateway(), m_cycle->sitoo(), m_config.connections.sitooEshopId,
                                m_config.connections.primaBaseUrl.host(), *stockConfig, this);

    m_scheduler = new JobScheduler(Clock::system(), this);
    connect(m_scheduler, &JobScheduler::jobStarted, this, &SyncWorker::jobStarted);
    connect(m_scheduler, &JobScheduler::jobFinished, this, &SyncWorker::jobFinished);
    const SyncSchedule &schedule = m_config.schedule;
    const auto minutes = [](int value) { return std::chrono::minutes(std::max(1, value)); };
    const auto job = [this](const char *name) { return QString::fromLatin1(name); };
    // The first pass of a session reads the item master afresh (a full pass: it pulls and posts orders too), so the
    // plain order pass starts one interval later.
    m_scheduler->addJob(job(SyncEngine::kCatalogueJob), minutes(schedule.catalogueRefreshMinutes),
                        [this](std::function<void()> finished) { runPass(true, std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kOrdersJob), std::chrono::seconds(std::max(1, schedule.orderPullSeconds)),
                        [this](std::function<void()> finished) { runPass(false, std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kCataloguePushJob), minutes(schedule.catalogueRefreshMinutes),
                        [this](std::function<void()> finished) { runCataloguePush(std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kSkuAuditJob), minutes(schedule.skuAuditMinutes),
                        [this](std::function<void()> finished) { runSkuAudit(std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kReconcileJob), minutes(schedule.reconcileMinutes),
                        [this](std::function<void()> finished) { runReconciliation(std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kStoreFeedsJob), minutes(schedule.storeFeedCheckMinutes),
                        [this](std::function<void()> finished) { checkStoreFeeds(std::move(finished)); }, false);
    m_scheduler->addJob(job(SyncEngine::kStockFullJob), minutes(stockConfig->fullBatchMinutes),
                        [this](std::function<void()> finished) {
                            runStockPush(int(StockPushMode::Full), std::move(finished));
                        },
                        false);
    m_scheduler->addJob(job(SyncEngine::kStockFastLaneJob), minutes(stockConfig->fastLaneMinutes),
                        [this](std::function<void()> finished) {
                            runStockPush(int(StockPushMode::FastLane), std::move(finished));
                        },
                        false);
    // At start, in this order: on-demand jobs of equal age run in the order they were added.
    // The stores must be in the cache (the catalogue pass) before stock can find their warehouses.
    for (const char *name : {SyncEngine::kCatalogueJob, SyncEngine::kCataloguePushJob, SyncEngine::kSkuAuditJob,
                             SyncEngine::kReconcileJob, SyncEngine::kStockFullJob})
        m_scheduler->runNow(job(name));
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

void SyncWorker::deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason)
{
    if (!m_skuAudit) {
        Q_EMIT deactivationFinished(false, tr("The sync engine could not start; see the previous message."));
        return;
    }
    m_skuAudit->deactivateInPos(exceptionId, approver, reason, this, [this, approver](const Status &status) {
        Q_EMIT deactivationFinished(status.ok(), status.ok()
                                                     ? tr("Deactivated in the POS by %1.").arg(approver)
                                                     : status.errorString());
    });
}

void SyncWorker::cancel()
{
    if (!m_cycle || !m_scheduler || m_scheduler->running().isEmpty())
        return;
    m_cycle->cancel();
    if (m_stockPush)
        m_stockPush->cancel();
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

void SyncWorker::runCataloguePush(std::function<void()> finished)
{
    CataloguePushOptions options;
    options.eshopId = m_config.connections.sitooEshopId;
    options.primaAccount = m_config.connections.primaBaseUrl.host();
    m_cataloguePush->run(options, this, [this, finished](const Result<CataloguePushSummary> &summary) {
        if (summary) {
            Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kCataloguePushJob),
                               tr("Catalogue to Sitoo: %1 new, %2 changed, %3 unchanged, %4 refused.")
                                   .arg(summary->created)
                                   .arg(summary->updated)
                                   .arg(summary->unchanged)
                                   .arg(summary->failed),
                               true);
        } else {
            Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kCataloguePushJob),
                               tr("Catalogue to Sitoo: %1").arg(summary.errorString()), false);
        }
        finished();
    });
}

void SyncWorker::runSkuAudit(std::function<void()> finished)
{
    SkuAuditOptions options;
    options.eshopId = m_config.connections.sitooEshopId;
    // The catalogue pass has just read Prima's items; the audit compares with that snapshot.
    options.refreshPrima = false;
    m_skuAudit->run(options, this, [this, finished](const Result<SkuAuditSummary> &summary) {
        if (summary) {
            Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kSkuAuditJob),
                               tr("SKU audit: %1 only in Sitoo, %2 only in Prima, %3 with different fields.")
                                   .arg(summary->run.onlyInSitoo)
                                   .arg(summary->run.onlyInPrima)
                                   .arg(summary->run.fieldMismatch),
                               true);
        } else {
            Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kSkuAuditJob),
                               tr("SKU audit: %1").arg(summary.errorString()), false);
        }
        finished();
    });
}

void SyncWorker::runReconciliation(std::function<void()> finished)
{
    // Trading days up to yesterday (today is still trading): the last few again, since late (offline) orders change
    // them, and any older day with orders that was never reconciled (a first sync, a backfill), oldest first.
    const QDate today = QDate::currentDate();
    const QDate yesterday = today.addDays(-1);
    QList<QDate> days;
    if (auto missed = ReconciliationRepository(m_connection->database()).unreconciledDays(today, kMaxDaysPerRun);
        missed) {
        days = *missed;
    } else {
        Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kReconcileJob), missed.errorString(), false);
    }
    for (QDate day = yesterday.addDays(1 - std::max(1, m_config.schedule.reconcileLookbackDays)); day <= yesterday;
         day = day.addDays(1)) {
        if (!days.contains(day))
            days.append(day);
    }
    reconcileDays(std::make_shared<QList<QDate>>(days), std::make_shared<int>(0), std::move(finished));
}

void SyncWorker::reconcileDays(std::shared_ptr<QList<QDate>> days, std::shared_ptr<int> variances,
                               std::function<void()> finished)
{
    if (days->isEmpty()) {
        Q_EMIT jobReported(
            QString::fromLatin1(SyncEngine::kReconcileJob),
            tr("Reconciliation: %n payout or VAT difference(s) beyond tolerance.", nullptr, int(*variances)), true);
        finished();
        return;
    }
    const QDate day = days->takeFirst();
    m_reconciliation->run(day, [this, day, days, variances, finished](Result<ReconciliationSummary> summary) {
        if (!summary) {
            Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kReconcileJob),
                               tr("Reconciliation of %1: %2")
                                   .arg(QLocale().toString(day, QLocale::ShortFormat), summary.errorString()),
                               false);
            finished();
            return;
        }
        *variances += summary->varianceLines;
        reconcileDays(days, variances, finished);
    });
}

void SyncWorker::runStockPush(int mode, std::function<void()> finished)
{
    const auto pushMode = StockPushMode(mode);
    const QString name = QString::fromLatin1(pushMode == StockPushMode::Full ? SyncEngine::kStockFullJob
                                                                             : SyncEngine::kStockFastLaneJob);
    m_stockPush->run(pushMode, [this, name, finished](const Result<StockPushSummary> &summary) {
        if (summary) {
            Q_EMIT jobReported(name,
                               tr("Stock to Sitoo: %n level(s) written, %1 refused or waiting, %2 without a store.",
                                  nullptr, int(summary->pushed))
                                   .arg(summary->failed)
                                   .arg(summary->unmapped),
                               summary->failed == 0);
        } else {
            Q_EMIT jobReported(name, tr("Stock to Sitoo: %1").arg(summary.errorString()), false);
        }
        finished();
    });
}

void SyncWorker::checkStoreFeeds(std::function<void()> finished)
{
    if (auto silent = m_reconciliation->checkFeeds(QDateTime::currentDateTimeUtc()); !silent)
        Q_EMIT jobReported(QString::fromLatin1(SyncEngine::kStoreFeedsJob), silent.errorString(), false);
    finished();
}

void SyncWorker::close()
{
    if (m_scheduler)
        m_scheduler->stop();
    delete m_scheduler;
    m_scheduler = nullptr;
    delete m_stockPush;
    m_stockPush = nullptr;
    delete m_reconciliation;
    m_reconciliation = nullptr;
    delete m_skuAudit;
    m_skuAudit = nullptr;
    delete m_cataloguePush;
    m_cataloguePush = nullptr;
    delete m_cycle;
    m_cycle = nullptr;
    delete m_secrets;
    m_secrets = nullptr;
    m_connection.reset();
}

} // namespace Tillbridge::Core
