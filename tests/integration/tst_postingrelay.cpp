// SPDX-License-Identifier: GPL-3.0-or-later
// The posting relay against the Prima sandbox: documents go in batches (one request per batch), a batch whose answer
// is lost is settled by look-up without a second copy even when Prima has no idempotency, and a Prima that keeps
// failing trips the circuit breaker so the relay stops instead of hammering it.
#include "core/engine/synccycle.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/auditchain.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

namespace {

/** One sandbox, one cache and one cycle, set up for a test function. */
struct RelayWorld
{
    QTemporaryDir dir;
    TempCache cache;
    std::unique_ptr<DemoSandbox> sandbox;
    MemorySecretStore secrets;
    DatabaseConnectionPtr connection;
    std::unique_ptr<SyncCycle> cycle;

    Status start(const QString &faults, PrimaIdempotencyMode mode, int batchSize)
    {
        DemoSandboxOptions options;
        options.scenario.seed = 11;
        options.scenario.storeCount = 2;
        options.scenario.tradingDays = 2;
        options.scenario.defectRate = 0.0;
        options.dataDirectory = dir.path();
        options.prima.faultSpec = faults;
        options.prima.idempotencyMode = mode;
        options.prima.hangDelay = std::chrono::milliseconds(3000);
        sandbox = std::make_unique<DemoSandbox>(options);
        auto endpoints = sandbox->start();
        if (!endpoints)
            return endpoints.error();
        SyncConfig config;
        config.cachePath = cache.path();
        config.connections.sitooBaseUrl = endpoints->sitooBaseUrl;
        config.connections.sitooAccountId = endpoints->sitooAccountId;
        config.connections.sitooApiId = endpoints->sitooApiId;
        config.connections.primaBaseUrl = endpoints->primaBaseUrl;
        config.mappingsFile = dir.filePath(QStringLiteral("mappings.json"));
        config.schedule.orderPageSize = 100;
        config.schedule.postingBatchSize = batchSize;
        config.schedule.primaRequestsPerSecond = 1000;
        QFile mappings(config.mappingsFile);
        if (!mappings.open(QIODevice::WriteOnly) || mappings.write(endpoints->mappingsJson) != endpoints->mappingsJson.size())
            return Error{ErrorCode::Io, QStringLiteral("cannot write the mappings")};
        mappings.close();
        if (!Tillbridge::Test::storeSecrets(secrets, {{config.connections.sitooPasswordKey(), endpoints->sitooPassword},
                                                      {config.connections.primaTokenKey(), endpoints->primaToken}}))
            return Error{ErrorCode::Keychain, QStringLiteral("cannot store the test secrets")};
        auto opened = cache.open(QStringLiteral("engine"));
        if (!opened)
            return opened.error();
        connection = *opened;
        cycle = std::make_unique<SyncCycle>(config, connection->database(), &secrets);
        return cycle->prepare();
    }

    Result<SyncSummary> pass()
    {
        std::optional<Result<SyncSummary>> result;
        cycle->run(false, [&result](const Result<SyncSummary> &summary) { result = summary; });
        QDeadlineTimer deadline(120000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!result)
            return Error{ErrorCode::Network, QStringLiteral("the pass did not finish in time")};
        return *result;
    }

    /** Write requests the sandbox received (a batch counts once). */
    int writeRequests() const
    {
        int count = 0;
        for (const PrimaRequestLogEntry &entry : sandbox->prima()->requestLog()) {
            if (entry.method == u"POST" && entry.operationIndex < 0)
                ++count;
        }
        return count;
    }

    /** How many documents the sandbox ledger holds per external reference. */
    std::map<QString, int> ledgerCopies() const
    {
        std::map<QString, int> copies;
        for (const PrimaLedgerDocument &document : sandbox->prima()->documents())
            ++copies[document.externalRef];
        return copies;
    }
};

} // namespace

class tst_PostingRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postsInBatches();
    void lostBatchAnswerIsSettledByLookupWithoutDuplicates();
    void circuitBreakerStopsHammeringAFailingPrima();
    void documentsInALockedPeriodAreHeldAsPeriodClosed();
};

void tst_PostingRelay::postsInBatches()
{
    RelayWorld world;
    const Status started = world.start(QString(), PrimaIdempotencyMode::Keys, 40);
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    const auto result = world.pass();
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const int ready = result->orders.ready;
    QVERIFY(ready > 80); // enough for several batches
    QCOMPARE(result->postings.posted, ready);
    // One request per 40 documents, not one per document.
    QCOMPARE(result->postings.requests, (ready + 39) / 40);
    QCOMPARE(world.writeRequests(), result->postings.requests);
    QCOMPARE(world.sandbox->prima()->documents().size(), qsizetype(ready));
    QVERIFY(!result->postings.circuitOpen);
}

void tst_PostingRelay::lostBatchAnswerIsSettledByLookupWithoutDuplicates()
{
    // Prima without idempotency commits the first batch and then answers 500: every document in it is an unclear
    // outcome. Re-sending would post them twice; the relay must look each one up instead.
    RelayWorld world;
    const Status started = world.start(QStringLiteral("500-after@2,reset@4"), PrimaIdempotencyMode::None, 25);
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    const auto first = world.pass();
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    const int ready = first->orders.ready;
    QVERIFY(ready > 75);
    QCOMPARE(first->postings.unknown, 50); // the batches behind requests 2 and 4
    QCOMPARE(first->postings.posted, ready - 50);
    QCOMPARE(scalar(world.connection->database(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'unknown'")),
             qint64(50));

    const auto second = world.pass();
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    QCOMPARE(second->postings.adopted, 50);
    QCOMPARE(second->postings.requests, 0); // nothing was sent again
    QCOMPARE(second->postings.duplicatesInPrima, 0);

    const auto copies = world.ledgerCopies();
    QCOMPARE(int(copies.size()), ready);
    for (const auto &[externalRef, count] : copies)
        QVERIFY2(count == 1, qPrintable(QStringLiteral("%1 is in Prima %2 times").arg(externalRef).arg(count)));
    const QSqlDatabase db = world.connection->database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'posted'")), qint64(ready));
    QVERIFY(AuditChain::verify(db)->intact);
}

void tst_PostingRelay::circuitBreakerStopsHammeringAFailingPrima()
{
    // Request 1 reads the item master; from request 2 on Prima is in a maintenance window.
    RelayWorld world;
    const Status started = world.start(QStringLiteral("503-window=2-100000:0"), PrimaIdempotencyMode::Keys, 10);
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    const auto first = world.pass();
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    const int ready = first->orders.ready;
    QVERIFY(ready > 60);
    QVERIFY(first->postings.circuitOpen);
    QCOMPARE(first->postings.requests, 5); // five failed requests in a row (each after the transport's own retries)
    const int sentToPrima = world.writeRequests();
    QCOMPARE(first->postings.retrying, 50);
    QCOMPARE(first->postings.posted, 0);
    QCOMPARE(first->postings.failed, 0); // a closed Prima is no reason to give up on a document
    const QSqlDatabase db = world.connection->database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'retry_wait'")), qint64(50));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), qint64(ready - 50));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'sending'")), qint64(0));

    // While it is open, the next pass sends nothing at all.
    const auto second = world.pass();
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    QVERIFY(second->postings.circuitOpen);
    QCOMPARE(second->postings.requests, 0);
    QCOMPARE(world.writeRequests(), sentToPrima);
}

void tst_PostingRelay::documentsInALockedPeriodAreHeldAsPeriodClosed()
{
    RelayWorld world;
    const Status started = world.start(QString(), PrimaIdempotencyMode::Keys, 50);
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    // The controller has closed and locked every month the scenario trades in (set up directly: the close's own
    // sign-off rules are tested in tst_close).
    const QSqlDatabase db = world.connection->database();
    const QDate first = world.sandbox->scenario().options().firstTradingDay;
    for (int back = -1; back < 2; ++back) {
        QSqlQuery lock(db);
        QVERIFY(lock.prepare(QStringLiteral("INSERT INTO close_periods (period, state, locked_by, locked_at, updated_at) "
                                            "VALUES (?, 'locked', 'controller', ?, ?)")));
        lock.addBindValue(first.addMonths(back).toString(QStringLiteral("yyyy-MM")));
        lock.addBindValue(QStringLiteral("2026-11-27T09:00:00.000Z"));
        lock.addBindValue(QStringLiteral("2026-11-27T09:00:00.000Z"));
        QVERIFY2(lock.exec(), qPrintable(lock.lastError().text()));
    }
    const auto pass = world.pass();
    QVERIFY2(pass.ok(), qPrintable(pass.errorString()));
    const int ready = pass->orders.ready;
    QVERIFY(ready > 0);
    QCOMPARE(pass->postings.requests, 0); // nothing reached Prima
    QCOMPARE(pass->postings.failed, ready);
    QCOMPARE(world.sandbox->prima()->documents().size(), qsizetype(0));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'PERIOD_CLOSED' AND state = 'open'")),
             qint64(ready));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'POSTING_FAILED'")), qint64(0));
    QVERIFY(AuditChain::verify(db)->intact);
}

QTEST_GUILESS_MAIN(tst_PostingRelay)
#include "tst_postingrelay.moc"
