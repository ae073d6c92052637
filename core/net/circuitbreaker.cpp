// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/circuitbreaker.h"

#include <algorithm>

namespace Tillbridge::Core {

CircuitBreaker::CircuitBreaker(int failureThreshold, qint64 cooldownMs, qint64 maxCooldownMs)
    : m_threshold(std::max(1, failureThreshold))
    , m_baseCooldownMs(std::max<qint64>(0, cooldownMs))
    , m_maxCooldownMs(std::max(m_baseCooldownMs, maxCooldownMs))
    , m_cooldownMs(m_baseCooldownMs)
{
}

CircuitBreaker::State CircuitBreaker::state(qint64 nowMs) const
{
    if (!m_open)
        return State::Closed;
    return nowMs - m_openedAtMs >= m_cooldownMs ? State::HalfOpen : State::Open;
}

bool CircuitBreaker::allowRequest(qint64 nowMs)
{
    switch (state(nowMs)) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_probeOut)
            return false;
        m_probeOut = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    m_failures = 0;
    m_open = false;
    m_probeOut = false;
    m_cooldownMs = m_baseCooldownMs;
}

void CircuitBreaker::recordFailure(qint64 nowMs)
{
    ++m_failures;
    if (m_open) {
        // The probe failed: stay away longer before the next one.
        m_cooldownMs = std::min(m_maxCooldownMs, m_cooldownMs * 2);
        m_openedAtMs = nowMs;
        m_probeOut = false;
        ++m_timesOpened;
        return;
    }
    if (m_failures >= m_threshold) {
        m_open = true;
        m_openedAtMs = nowMs;
        m_probeOut = false;
        ++m_timesOpened;
    }
}

qint64 CircuitBreaker::msUntilRetry(qint64 nowMs) const
{
    if (!m_open)
        return 0;
    return std::max<qint64>(0, m_openedAtMs + m_cooldownMs - nowMs);
}

QString circuitStateCode(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QStringLiteral("closed");
    case CircuitBreaker::State::Open:
        return QStringLiteral("open");
    case CircuitBreaker::State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

} // namespace Tillbridge::Core
