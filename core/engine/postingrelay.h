// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/tokenbucket.h"
#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace Tillbridge::Core {

class PrimaGateway;
struct OutboxClaim;
struct PrimaWriteResult;

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

    RelaySummary &operator+=(const RelaySummary &other);
};

/**
 * Step 4 of the order-to-cash cycle: posts the outbox to Prima exactly once (reliability.md §1.4).
 *
 * 1. After a crash, rows left 'sending' become 'unknown'.
 * 2. Every 'unknown' row is settled by looking its external reference up in Prima: adopted when found, queued
 *    again (same key) when not. Nothing is re-sent blindly.
 * 3. Due rows are claimed — the claim and its attempt row COMMIT before the request leaves — and sent one at a time,
 *    paced to Prima's rate limit. Each answer commits with its audit event.
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

    void setBatchSize(int documents) { m_batchSize = documents; }
    /** Prima's rate limit: requests per second (the contract's default is 6,000 per 5 minutes). */
    void setRequestsPerSecond(double rate);

    /** Turns rows left 'sending' by a crash into 'unknown'. Call once before the first run. */
    Result<int> recoverAfterCrash();

    /** Settles unknowns, then posts until nothing is due; `done` runs once on this object's thread. */
    void run(std::function<void(const Result<RelaySummary> &)> done);

private:
    struct Run;
    void settleNext(std::shared_ptr<Run> run);
    void claimNext(std::shared_ptr<Run> run);
    void sendNext(std::shared_ptr<Run> run);
    Status record(const OutboxClaim &claim, const PrimaWriteResult &result, RelaySummary &summary);

    QSqlDatabase m_db;
    PrimaGateway *m_gateway;
    int m_batchSize = 100;
    TokenBucket m_pace;
    QElapsedTimer m_clock;
};

} // namespace Tillbridge::Core
