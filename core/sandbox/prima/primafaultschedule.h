// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QSet>
#include <QString>

#include <chrono>
#include <optional>
#include <utility>

namespace Tillbridge::Sandbox {

/** A fault the sandbox Prima can inject into one request. */
enum class PrimaFault {
    None,
    RateLimited,        ///< "429": 429 RATE_LIMITED with Retry-After in seconds
    RateLimitedDate,    ///< "429-date": 429 with Retry-After as an HTTP-date
    RateLimitedBare,    ///< "429-none": 429 without Retry-After
    Unavailable,        ///< "503" / "503-window": 503 UNAVAILABLE with Retry-After
    ServerErrorBefore,  ///< "500-before": 500 before anything is committed
    Slow,               ///< "slow": the answer is delayed; a write's idempotency key is in flight meanwhile
    ServerErrorAfter,   ///< "500-after": the document is committed, then 500 (writes only)
    HangAfterCommit,    ///< "hang": committed, then the answer is held back past the client's timeout (writes only)
    ResetAfterCommit,   ///< "reset": committed, then the connection is reset without an answer (writes only)
    TokenBucket,        ///< the "rate" limit was exceeded: 429 RATE_LIMITED with Retry-After
};

/** The spec name of @p fault ("500-before", "hang", ...); "rate-limit" for TokenBucket, "none" for None. */
QString primaFaultName(PrimaFault fault);

/** What the schedule decided for one request. */
struct PrimaFaultDecision
{
    PrimaFault fault = PrimaFault::None;
    std::optional<std::chrono::milliseconds> delay; ///< hang and slow: the rule's parameter, if it had one
    std::optional<int> retryAfterSeconds;           ///< 429 / 429-date / 503: the rule's parameter, if it had one
    QString origin;                                 ///< "random", "at", "window" (for the request log)

    /** Whether the fault only makes sense for a write that reached the commit (500-after, hang, reset). */
    bool isAfterCommit() const;
    /** "hang(random)", "503(window)", "none": what the request log records. */
    QString label() const;
};

/**
 * The fault schedule of the sandbox Prima, parsed from a spec string such as a `--faults` command-line value.
 *
 * Grammar (items separated by commas, white space ignored):
 *
 *     spec    := [ item ( "," item )* ]
 *     item    := fault "=" prob [ ":" param ]           each eligible request gets the fault with probability prob
 *              | fault "@" seq ( "/" seq )* [ ":" param ] exactly the requests with these sequence numbers
 *              | "503-window=" range ( "/" range )* [ ":" seconds ]   requests first..last (inclusive) get 503
 *              | "rate=" count [ "/" duration ]        token bucket: count requests per duration (default "1s"),
 *                                                      bursts up to count; beyond it 429 with Retry-After
 *              | "seed=" integer                       overrides the configured seed
 *     fault   := "500-before" | "500-after" | "hang" | "reset" | "429" | "429-date" | "429-none" | "503" | "slow"
 *     prob    := decimal in [0, 1]                     the probabilities of all faults may add up to at most 1
 *     param   := integer   hang, slow: delay in ms;  429, 503: Retry-After in s;  429-date: seconds ahead of now
 *     range   := seq "-" seq
 *     duration:= integer ( "ms" | "s" | "m" )
 *
 * Example: `500-before=0.05,500-after=0.05,hang=0.05:40000,reset=0.02,429=0.025,429-none=0.025,503-window=100-120,
 * slow=0.05:300,rate=6000/300s`.
 *
 * Sequence numbers count the contract requests an emulator received (1, 2, ...); requests to the control endpoint
 * and to paths outside the contract are not counted, and the operations of a batch share their batch's number. A
 * restarted emulator continues the numbering of its ledger. 500-after, hang and reset apply to writes only: drawn for
 * a read they are no fault; drawn for a write that committed nothing (a rejection, a replay) they are logged as
 * "...:not-applied".
 *
 * Decisions are reproducible: the decision for request n depends only on (seed, n, spec, read or write) — not on
 * timing or on earlier requests — through a SplitMix64 hash of seed and n. Precedence: a 503 window, then an
 * explicit "@" rule (in the fault order above), then the random draw (one uniform number per request compared
 * with the cumulative probabilities in the fault order above). The rate limit is the one time-dependent fault; the
 * emulator applies it after the window and "@" rules and logs it like the others.
 */
class PrimaFaultSchedule
{
public:
    /** An empty schedule: no faults. */
    PrimaFaultSchedule() = default;

    /** Parses @p spec; an error names the item that is wrong. */
    static Core::Result<PrimaFaultSchedule> parse(const QString &spec);

    /** The decision for request number @p sequence (from 1). Rate limiting is not part of it (see rateLimit()). */
    PrimaFaultDecision decide(quint64 seed, qint64 sequence, bool isWrite) const;

    /** The token bucket's size and refill period, if the spec has a "rate" item. */
    std::optional<std::pair<int, std::chrono::milliseconds>> rateLimit() const { return m_rate; }
    /** The seed given in the spec, if any. */
    std::optional<quint64> seedOverride() const { return m_seed; }
    /** The spec as it was parsed. */
    QString spec() const { return m_spec; }
    bool isEmpty() const { return m_rules.isEmpty() && m_windows.isEmpty() && !m_rate; }

    /** Uniform in [0, 1) from (seed, sequence): SplitMix64, the same on every platform. */
    static double uniform(quint64 seed, qint64 sequence);

private:
    struct Rule
    {
        PrimaFault fault = PrimaFault::None;
        double probability = 0.0; ///< a probability, never an amount
        QSet<qint64> at;
        std::optional<int> parameter;
    };
    struct Window
    {
        qint64 first = 0;
        qint64 last = 0;
        std::optional<int> retryAfterSeconds;
    };

    static PrimaFaultDecision decisionOf(const Rule &rule, const QString &origin);

    QString m_spec;
    QList<Rule> m_rules; ///< sorted by fault order
    QList<Window> m_windows;
    std::optional<std::pair<int, std::chrono::milliseconds>> m_rate;
    std::optional<quint64> m_seed;
};

} // namespace Tillbridge::Sandbox
