// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/clock.h"

#include <QTimer>

#include <algorithm>

namespace Tillbridge::Core {

namespace {
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) override
    {
        // QTimer::singleShot with a context runs on the context's thread and is dropped if the context dies.
        QTimer::singleShot(delay, context, std::move(fn));
    }
};
} // namespace

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{
}

void ManualClock::callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn)
{
    m_requested.append(delay);
    m_pending.append({m_now.addMSecs(delay.count()), context, std::move(fn), m_nextOrder++});
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    const QDateTime target = m_now.addMSecs(by.count());
    // Callbacks may schedule more callbacks; keep running the earliest due one until none is due.
    for (;;) {
        auto due = std::min_element(m_pending.begin(), m_pending.end(), [](const Pending &a, const Pending &b) {
            return a.due < b.due || (a.due == b.due && a.order < b.order);
        });
        if (due == m_pending.end() || due->due > target)
            break;
        Pending next = std::move(*due);
        m_pending.erase(due);
        m_now = std::max(m_now, next.due);
        if (next.context)
            next.fn();
    }
    m_now = target;
}

} // namespace Tillbridge::Core
