// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>

#include <chrono>
#include <optional>

namespace Tillbridge::Sandbox {

/**
 * A token bucket: up to `capacity` requests at once, refilled at `capacity` per `period` (contract §3.3: "6,000
 * requests per 5 minutes" is capacity 6000, period 300 s). Time is the monotonic clock, or what a test passes in.
 */
class PrimaRateLimiter
{
public:
    /** A limiter that never limits. */
    PrimaRateLimiter() = default;
    PrimaRateLimiter(int capacity, std::chrono::milliseconds period);

    /**
     * Takes one token for a request arriving at @p now (monotonic milliseconds; the internal clock when omitted).
     * Returns nullopt when the request may proceed, else how long until a token is available (at least 1 s, as
     * Retry-After counts in whole seconds).
     */
    std::optional<std::chrono::seconds> acquire(std::optional<std::chrono::milliseconds> now = std::nullopt);

    bool isEnabled() const { return m_capacity > 0; }

private:
    int m_capacity = 0;
    std::chrono::milliseconds m_period{1000};
    // Tokens in thousandths, so that refills of a fraction of a token per millisecond are not lost to rounding.
    qint64 m_milliTokens = 0;
    std::chrono::milliseconds m_last{0};
    QElapsedTimer m_clock;
};

} // namespace Tillbridge::Sandbox
