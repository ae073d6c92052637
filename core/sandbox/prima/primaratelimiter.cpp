// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primaratelimiter.h"

#include <algorithm>

namespace Tillbridge::Sandbox {

PrimaRateLimiter::PrimaRateLimiter(int capacity, std::chrono::milliseconds period)
    : m_capacity(capacity)
    , m_period(period.count() > 0 ? period : std::chrono::milliseconds(1000))
    , m_milliTokens(qint64(capacity) * 1000)
{
    m_clock.start();
}

std::optional<std::chrono::seconds> PrimaRateLimiter::acquire(std::optional<std::chrono::milliseconds> now)
{
    if (m_capacity <= 0)
        return std::nullopt;
    const std::chrono::milliseconds at = now ? *now : std::chrono::milliseconds(m_clock.elapsed());
    const qint64 elapsed = std::max<qint64>(0, (at - m_last).count());
    m_last = std::max(m_last, at);
    // capacity tokens per period: capacity * 1000 milli-tokens per period.count() ms.
    const qint64 refill = elapsed * qint64(m_capacity) * 1000 / m_period.count();
    m_milliTokens = std::min<qint64>(qint64(m_capacity) * 1000, m_milliTokens + refill);
    if (m_milliTokens >= 1000) {
        m_milliTokens -= 1000;
        return std::nullopt;
    }
    const qint64 missing = 1000 - m_milliTokens;
    const qint64 waitMs = (missing * m_period.count() + qint64(m_capacity) * 1000 - 1) / (qint64(m_capacity) * 1000);
    return std::chrono::seconds(std::max<qint64>(1, (waitMs + 999) / 1000));
}

} // namespace Tillbridge::Sandbox
