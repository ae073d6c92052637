// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace Tillbridge::Core {

TokenBucket::TokenBucket(double ratePerSecond, int capacity)
    : m_rate(ratePerSecond)
    , m_capacity(std::max(1, capacity))
    , m_tokens(m_capacity)
{
}

double TokenBucket::tokensAt(qint64 nowMs) const
{
    if (!m_started)
        return m_capacity;
    const double elapsedSeconds = double(std::max<qint64>(0, nowMs - m_lastMs)) / 1000.0;
    return std::min(m_capacity, m_tokens + elapsedSeconds * m_rate);
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    if (!isEnabled())
        return true;
    m_tokens = tokensAt(nowMs);
    m_lastMs = nowMs;
    m_started = true;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

int TokenBucket::secondsUntilToken(qint64 nowMs) const
{
    if (!isEnabled())
        return 0;
    const double missing = 1.0 - tokensAt(nowMs);
    if (missing <= 0.0)
        return 1;
    return std::max(1, int(std::ceil(missing / m_rate)));
}

qint64 TokenBucket::msUntilToken(qint64 nowMs) const
{
    if (!isEnabled())
        return 0;
    const double missing = 1.0 - tokensAt(nowMs);
    return missing <= 0.0 ? 0 : qint64(std::ceil(missing / m_rate * 1000.0));
}

} // namespace Tillbridge::Core
