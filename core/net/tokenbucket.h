// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tillbridge::Core {

/**
 * A rate limiter shared by the sandboxes (answering 429) and the engine (pacing its own requests to a server's
 * limit). A token bucket: `capacity` requests may arrive at once, then `ratePerSecond` more per second. Time is passed in
 * (milliseconds from any monotonic origin) so the bucket is testable without sleeping.
 */
class TokenBucket
{
public:
    /** A rate of 0 (or less) disables the bucket: every request is allowed. */
    TokenBucket(double ratePerSecond = 0.0, int capacity = 1);

    bool isEnabled() const { return m_rate > 0.0; }

    /** Takes one token if there is one at `nowMs`; false means "answer 429". */
    bool tryTake(qint64 nowMs);

    /** Whole seconds (at least 1) until a token will be available, for Retry-After. */
    int secondsUntilToken(qint64 nowMs) const;

    /** Milliseconds until a token will be available (0 when one is there now), for pacing one's own requests. */
    qint64 msUntilToken(qint64 nowMs) const;

private:
    double tokensAt(qint64 nowMs) const;

    double m_rate = 0.0;
    double m_capacity = 1.0;
    double m_tokens = 1.0;
    qint64 m_lastMs = 0;
    bool m_started = false;
};

} // namespace Tillbridge::Core
