// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Tillbridge::Core {

/**
 * Stops hammering a server that keeps failing (reliability.md §2.4). Closed: requests flow. After `failureThreshold`
 * consecutive failed requests it opens for a cool-down; then one probe request is let through (half-open): success
 * closes it, failure opens it again for twice as long, up to `maxCooldownMs`.
 *
 * A "failure" is a request that got no usable answer (timeout, reset, 5xx, 503, repeated 429) — never a business
 * refusal like UNKNOWN_SKU, which says the server is working. Time is passed in (milliseconds from any monotonic
 * origin), as for TokenBucket, so tests need no sleeping.
 */
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    CircuitBreaker(int failureThreshold = 5, qint64 cooldownMs = 30'000, qint64 maxCooldownMs = 600'000);

    /** Whether a request may go out at `nowMs`. In half-open, true once (the probe) until its result is recorded. */
    bool allowRequest(qint64 nowMs);

    void recordSuccess();
    void recordFailure(qint64 nowMs);

    State state(qint64 nowMs) const;
    /** Milliseconds until a probe is allowed (0 when requests may flow now). */
    qint64 msUntilRetry(qint64 nowMs) const;
    int consecutiveFailures() const { return m_failures; }
    /** How many times it has opened since it was made (for summaries). */
    int timesOpened() const { return m_timesOpened; }

private:
    int m_threshold;
    qint64 m_baseCooldownMs;
    qint64 m_maxCooldownMs;
    qint64 m_cooldownMs;
    int m_failures = 0;
    int m_timesOpened = 0;
    bool m_open = false;
    bool m_probeOut = false;
    qint64 m_openedAtMs = 0;
};

/** "closed", "open", "half-open". */
QString circuitStateCode(CircuitBreaker::State state);

} // namespace Tillbridge::Core
