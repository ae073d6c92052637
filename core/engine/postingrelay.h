// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/circuitbreaker.h"
#include "core/net/retrypolicy.h"
#include "core/net/tokenbucket.h"
#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Tillbridge::Core {

class DbTransaction;
class PrimaGateway;
struct OutboxClaim;
struct PrimaWriteResult;
enum class PrimaWriteOutcome;

/** What one relay run did. */
struct RelaySummary
{
    int posted = 0;    ///< confirmed by Prima (replays included)
    int adopted = 0;   ///< an unclear earlier attempt that Prima turns out to hold
    int requeued = 0;  ///< an unclear earlier attempt that Prima does not hold: to be sent again, same key
    int retrying = 0;  ///< Prima was busy (429/503): later, same key
    int failed = 0;    ///< Prima refused: a POSTING_FAILED exception for a person
    int unknown = 0;   ///< no clear answer: settled by a look-up on the next run
    int duplicatesInPrima = 0; ///< look-ups that found more than one document (Prima without idempotency)
    int requests = 0;  ///< write requests sent (a batch counts once)
    bool circuitOpen = false; ///< the run stopped early because Prima kept failing; the rest waits, unsent

    int documents() const { return posted + adopted; }

    RelaySummary &operator+=(const RelaySummary &other);
};

/**
 * Step 4 of the order-to-cash cycle: posts the outbox to Prima exactly once (reliability.md §1.4).
 *
 * 1. After a crash, rows left 'sending' become 'unknown'.
 * 2. Every 'unknown' row is settled by looking its external reference up in Prima: adopted when found, queued
 *    again (same key) when not. Nothing is re-sent blindly.
 * 3. Due rows are claimed — the claims and their attempt rows COMMIT before the request leaves — and sent, up to
 *    setBatchSize() per POST /batches when the gateway supports batches, otherwise one per request, paced to Prima's
 *    rate limit. The answers of one request commit together with their audit events.
 *
 * A request without a usable answer (timeout, reset, 5xx, 429, 503) counts against a circuit breaker: after five in a
 * row the relay stops for a cool-down instead of hammering Prima; nothing is claimed while it is open. Rows Prima
 * asked to retry wait a jittered, growing delay (or Prima's Retry-After).
 *
 * The document sent is re-built from the stored order with the codes frozen into the outbox row and must equal the
 * enqueued one byte for byte; so every attempt carries the same body under the same key.
 * Lives in the engine's worker thread with that thread's connection and gateway.
 */
class PostingRelay : public QObject
{
    Q_OBJECT

public:
    PostingRelay(QSqlDatabase db, PrimaGateway *gateway, QObject *parent = nullptr);

    /** Documents per request (1..100); more than 1 only takes effect when the gateway supports batches. */
    void setBatchSize(int documents);
    /** Prima's rate limit: requests per second (the contract's default is 6,000 per 5 minutes). */
    void setRequestsPerSecond(double rate);

    /** Turns rows left 'sending' by a crash into 'unknown'. Call once before the first run. */
    Result<int> recoverAfterCrash();

    /** Settles unknowns, then posts until nothing is due; `done` runs once on this object's thread. */
    void run(std::function<void(const Result<RelaySummary> &)> done);

    /** Stops after the request in flight has been answered and recorded; nothing is left claimed. */
    void cancel() { m_cancelled = true; }

Q_SIGNALS:
    /** After each request's answers are committed: what this run has done so far. */
    void progressed(const Tillbridge::Core::RelaySummary &soFar);

private:
    struct Run;
    void settleNext(std::shared_ptr<Run> run);
    void claimNext(std::shared_ptr<Run> run);
    void send(std::shared_ptr<Run> run, QList<OutboxClaim> claims);
    /** While a request is in flight: builds the documents of the rows due next (read-only, nothing is claimed). */
    void prefetch(const std::shared_ptr<Run> &run);
    /** A request was answered: claims and sends the next one, then records these answers while it is in flight. */
    void answered(const std::shared_ptr<Run> &run, const QList<OutboxClaim> &claims,
                  const QList<PrimaWriteResult> &results);
    /** Records the answers waiting to be recorded, if any; false (the run finished with the error) if that failed. */
    bool recordAnswered(const std::shared_ptr<Run> &run);
    /** Ends the run after recording any answers still waiting. */
    void endRun(const std::shared_ptr<Run> &run, std::optional<Error> error = std::nullopt);
    /** Records the answers of one request in one transaction with their audit events. */
    Status record(const QList<OutboxClaim> &claims, const QList<PrimaWriteResult> &results, RelaySummary &summary);
    Status apply(DbTransaction &tx, const OutboxClaim &claim, const PrimaWriteResult &result, RelaySummary &summary);
    /** Feeds the breaker: a request-level outcome other than an answer from a working Prima is a failure. */
    void noteRequestOutcome(PrimaWriteOutcome outcome);
    bool batching() const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    QSqlDatabase m_db;
    PrimaGateway *m_gateway;
    int m_batchSize = 100;
    TokenBucket m_pace;
    CircuitBreaker m_breaker;
    RetryPolicy m_backoff;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
};

} // namespace Tillbridge::Core
