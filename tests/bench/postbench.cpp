// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/postbench.h"

#include "core/engine/orderingestion.h"
#include "core/engine/postingrelay.h"
#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/cache.h"
#include "tests/bench/benchreport.h"
#include "tests/bench/benchworld.h"
#include "tests/testutils/secrettestutils.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace Tillbridge::Bench {

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {
constexpr double kGoalRatio = 0.95;
constexpr int kIngestPageSize = 100;

/**
 * The sandbox Prima in a thread of its own, as the workbench's demo runs it, so that serving requests does not share
 * the relay's event loop. Counts the status of every contract request it answers.
 */
class PrimaThread
{
public:
    PrimaThread(PrimaEmulatorConfig config, PrimaSandboxSeed seed)
        : m_config(std::move(config))
        , m_seed(std::move(seed))
    {
    }

    ~PrimaThread()
    {
        if (m_anchor) {
            QMetaObject::invokeMethod(
                m_anchor, [this] { delete m_emulator; m_emulator = nullptr; }, Qt::BlockingQueuedConnection);
        }
        m_thread.quit();
        m_thread.wait();
    }

    Status start()
    {
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
        m_thread.start();
        Status status;
        QMetaObject::invokeMethod(
            m_anchor,
            [this, &status] {
                m_emulator = new PrimaEmulator(m_config, m_seed, m_anchor);
                m_serverClock.start();
                QObject::connect(m_emulator, &PrimaEmulator::requestReceived, m_emulator,
                                 [this](qint64 sequence, const QString &, const QString &) {
                                     QMutexLocker lock(&m_mutex);
                                     m_receivedAtNs.insert(sequence, m_serverClock.nsecsElapsed());
                                 });
                QObject::connect(m_emulator, &PrimaEmulator::requestFinished, m_emulator,
                                 [this](qint64 sequence, int httpStatus, const QString &) {
                                     QMutexLocker lock(&m_mutex);
                                     ++m_statuses[httpStatus];
                                     if (const auto it = m_receivedAtNs.constFind(sequence); it != m_receivedAtNs.cend()) {
                                         m_serverNs += m_serverClock.nsecsElapsed() - *it;
                                         m_receivedAtNs.erase(it);
                                     }
                                 });
                status = m_emulator->start();
                m_url = m_emulator->url();
            },
            Qt::BlockingQueuedConnection);
        return status;
    }

    QUrl url() const { return m_url; }

    /** HTTP status → how many contract requests were answered with it (0: reset without an answer). */
    QMap<int, qint64> statuses() const
    {
        QMutexLocker lock(&m_mutex);
        return m_statuses;
    }

    /** Time the sandbox spent between receiving requests and deciding their answers, in seconds, summed. */
    double serverSeconds() const
    {
        QMutexLocker lock(&m_mutex);
        return double(m_serverNs) / 1e9;
    }

    qint64 documentCount() const
    {
        qint64 count = 0;
        QMetaObject::invokeMethod(
            m_anchor, [this, &count] { count = m_emulator->documents().size(); }, Qt::BlockingQueuedConnection);
        return count;
    }

private:
    PrimaEmulatorConfig m_config;
    PrimaSandboxSeed m_seed;
    QThread m_thread;
    QObject *m_anchor = nullptr;       ///< lives in m_thread; parent of the emulator
    PrimaEmulator *m_emulator = nullptr;
    QUrl m_url;
    mutable QMutex m_mutex;
    QMap<int, qint64> m_statuses;
    QElapsedTimer m_serverClock;
    QHash<qint64, qint64> m_receivedAtNs; ///< request sequence → when it arrived
    qint64 m_serverNs = 0;
};

Result<qint64> outboxCount(const QSqlDatabase &db, const QString &state)
{
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?")))
        return Error{ErrorCode::Database, QStringLiteral("counting the outbox")};
    query.addBindValue(state);
    if (!query.exec() || !query.next())
        return Error{ErrorCode::Database, QStringLiteral("counting the outbox")};
    return query.value(0).toLongLong();
}

Result<qint64> outboxOpen(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state NOT IN ('posted', 'failed_permanent')"))
        || !query.next())
        return Error{ErrorCode::Database, QStringLiteral("counting the outbox")};
    return query.value(0).toLongLong();
}
} // namespace

Result<QJsonObject> runPostBench(const PostBenchOptions &options)
{
    using BenchReport::progress;
    using BenchReport::rounded;

    // Enough ready documents that the outbox cannot run dry before the window ends, even at the goal's full pace
    // (the relay's and Prima's buckets start full: one extra second of burst).
    const int needed = options.documents > 0
                           ? options.documents
                           : int(std::ceil(1.1 * options.requestsPerSecond * options.batchSize * (options.seconds + 1)));
    const int orders = int(std::ceil(needed * 1.1)) + kIngestPageSize;
    progress(QStringLiteral("post: generating %1 orders for %2 ready documents").arg(orders).arg(needed));
    const BenchWorld world = BenchWorld::generate(orders, options.defectRate, options.seed);

    QTemporaryDir dir(QDir(options.directory.isEmpty() ? QDir::tempPath() : options.directory)
                          .filePath(QStringLiteral("tillbridge-bench-XXXXXX")));
    if (!dir.isValid())
        return Error{ErrorCode::Io, QStringLiteral("no temporary folder: %1").arg(dir.errorString())};
    if (options.keepFiles) {
        dir.setAutoRemove(false);
        progress(QStringLiteral("keeping %1").arg(dir.path()));
    }
    DatabaseConnection::Options cacheOptions;
    cacheOptions.path = dir.filePath(QStringLiteral("engine.sqlite"));
    cacheOptions.purpose = QStringLiteral("bench-post");
    auto cache = openCache(cacheOptions);
    if (!cache)
        return cache.error();
    const QSqlDatabase db = (*cache)->database();
    if (auto prepared = world.setUpCache(db); !prepared)
        return prepared.error();

    // Fill the outbox the way the engine does: the real ingestion, page by page.
    QElapsedTimer fill;
    fill.start();
    OrderIngestion ingestion(db, world.sitooAccount());
    if (auto refreshed = ingestion.refreshReferenceData(); !refreshed)
        return refreshed.error();
    IngestSummary filled;
    for (int first = 0; first < world.orderCount() && filled.ready < needed; first += kIngestPageSize) {
        auto summary = ingestion.ingestPage(world.renderPage(first, kIngestPageSize));
        if (!summary)
            return summary.error();
        filled += *summary;
    }
    const double fillSeconds = double(fill.nsecsElapsed()) / 1e9;
    progress(QStringLiteral("post: %1 documents ready (%2 orders ingested in %3 s)")
                 .arg(filled.ready)
                 .arg(filled.received)
                 .arg(fillSeconds, 0, 'f', 1));

    // The sandbox Prima with a server-side limit of L requests per second: bursts of L, then 429 with Retry-After.
    const QString token = QString::number(QRandomGenerator::securelySeeded().generate64(), 16);
    PrimaEmulatorConfig primaConfig;
    primaConfig.databasePath = dir.filePath(QStringLiteral("prima-ledger.sqlite"));
    primaConfig.faultSpec = QStringLiteral("rate=%1/1s").arg(options.requestsPerSecond);
    PrimaThread prima(primaConfig, DemoSandbox::primaSeed(world.scenario(), token));
    if (auto started = prima.start(); !started)
        return started.error();

    MemorySecretStore secrets;
    RestPrimaGatewayConfig gatewayConfig;
    gatewayConfig.baseUrl = prima.url();
    if (!Tillbridge::Test::storeSecrets(secrets, {{SecretStore::primaTokenKey(gatewayConfig.baseUrl.host()), token}}))
        return Error{ErrorCode::Keychain, QStringLiteral("the in-memory secret store refused the token")};
    HttpClient http;
    RestPrimaGateway gateway(gatewayConfig, &http, &secrets);
    auto relay = std::make_unique<PostingRelay>(db, &gateway);
    relay->setBatchSize(options.batchSize);
    relay->setRequestsPerSecond(options.requestsPerSecond);
    if (auto recovered = relay->recoverAfterCrash(); !recovered)
        return recovered.error();

    progress(QStringLiteral("post: relaying for %1 s at %2 requests/s, batches of %3")
                 .arg(options.seconds)
                 .arg(options.requestsPerSecond)
                 .arg(options.batchSize));
    QEventLoop loop;
    QElapsedTimer window;
    int runs = 0;
    bool drained = false;
    std::optional<Error> failure;
    // Like the engine's schedule: when a run ends with documents still open (a 429 pause, an open breaker), the next
    // run starts shortly after.
    std::function<void()> startRun;
    startRun = [&] {
        ++runs;
        relay->run([&](const Result<RelaySummary> &summary) {
            if (!summary) {
                failure = summary.error();
                loop.quit();
                return;
            }
            auto open = outboxOpen(db);
            if (!open || *open == 0) {
                drained = open.ok();
                if (!open)
                    failure = open.error();
                loop.quit();
                return;
            }
            QTimer::singleShot(std::chrono::milliseconds(200), relay.get(), startRun);
        });
    };
    QTimer::singleShot(std::chrono::seconds(options.seconds), &loop, &QEventLoop::quit);
    window.start();
    QTimer::singleShot(0, relay.get(), startRun);
    loop.exec();
    const double seconds = double(window.nsecsElapsed()) / 1e9;
    const QMap<int, qint64> statuses = prima.statuses();
    const double serverSeconds = prima.serverSeconds();
    auto posted = outboxCount(db, QStringLiteral("posted"));
    auto failed = outboxCount(db, QStringLiteral("failed_permanent"));
    // Stop mid-run: the relay's pending timers and answers die with it (HttpClient never calls back a dead context).
    relay.reset();
    if (failure)
        return *failure;
    if (!posted)
        return posted.error();
    if (!failed)
        return failed.error();

    qint64 requests = 0;
    QJsonObject byStatus;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        requests += it.value();
        byStatus.insert(QString::number(it.key()), it.value());
    }
    const qint64 tooMany = statuses.value(429);
    const qint64 answered2xx = statuses.value(200) + statuses.value(201);
    const double documentsPerSecond = seconds > 0 ? double(*posted) / seconds : 0.0;
    const double ratio = documentsPerSecond / (double(options.requestsPerSecond) * options.batchSize);
    const bool noStorm = tooMany <= std::max<qint64>(1, requests / 100);

    return QJsonObject{
        {QStringLiteral("scenario"), QStringLiteral("post")},
        {QStringLiteral("rate_limit_per_s"), options.requestsPerSecond},
        {QStringLiteral("batch_size"), options.batchSize},
        {QStringLiteral("seconds_requested"), options.seconds},
        {QStringLiteral("seconds"), rounded(seconds)},
        {QStringLiteral("documents_ready"), filled.ready},
        {QStringLiteral("documents_posted"), *posted},
        {QStringLiteral("documents_failed"), *failed},
        {QStringLiteral("prima_documents"), prima.documentCount()},
        {QStringLiteral("documents_per_s"), rounded(documentsPerSecond, 2)},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("requests_per_s"), rounded(seconds > 0 ? double(requests) / seconds : 0.0, 2)},
        {QStringLiteral("documents_per_request"), answered2xx > 0 ? rounded(double(*posted) / double(answered2xx), 2) : 0.0},
        {QStringLiteral("http_429"), tooMany},
        // Where a request's time goes: the sandbox's share (validate, commit) against the relay's whole cycle per
        // request (claim, build, send, answer, record, pace): the window divided by the requests.
        {QStringLiteral("prima_ms_per_request"), requests > 0 ? rounded(1000.0 * serverSeconds / double(requests), 1) : 0.0},
        {QStringLiteral("cycle_ms_per_request"), requests > 0 ? rounded(1000.0 * seconds / double(requests), 1) : 0.0},
        {QStringLiteral("http_status"), byStatus},
        {QStringLiteral("relay_runs"), runs},
        {QStringLiteral("outbox_drained"), drained},
        {QStringLiteral("fill_orders"), filled.received},
        {QStringLiteral("fill_seconds"), rounded(fillSeconds)},
        {QStringLiteral("peak_rss_mb"), BenchReport::peakRssMb()},
        {QStringLiteral("seed"), qint64(options.seed)},
        {QStringLiteral("ratio"), rounded(ratio, 3)},
        {QStringLiteral("goal"), QStringLiteral("ratio >= %1 (documents/s / (rate limit x batch size)) and http_429 "
                                                "<= max(1, 1% of requests)")
                                     .arg(kGoalRatio)},
        {QStringLiteral("goal_met"), ratio >= kGoalRatio && noStorm},
    };
}

} // namespace Tillbridge::Bench
