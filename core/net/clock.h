// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace Tillbridge::Core {

/**
 * Time as the retry, rate-limit and circuit-breaker logic sees it. Production uses Clock::system(); tests use
 * ManualClock so that "wait 120 s" takes no time and runs exactly when the test advances the clock.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    /** Runs `fn` on `context`'s thread after `delay`, unless `context` is destroyed first. */
    virtual void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) = 0;

    /** The real clock (QDateTime::currentDateTimeUtc() and QTimer). */
    static Clock *system();
};

/** A clock that moves only when told to. Not thread-safe: use it from one thread. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));

    QDateTime now() const override { return m_now; }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn) override;

    /** Moves time forward, running every callback that falls due, in order. */
    void advance(std::chrono::milliseconds by);
    /** Delays requested so far, in request order (what tests assert about waits). */
    QList<std::chrono::milliseconds> requestedDelays() const { return m_requested; }
    int pendingCount() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        QDateTime due;
        QPointer<QObject> context;
        std::function<void()> fn;
        quint64 order;
    };
    QDateTime m_now;
    QList<Pending> m_pending;
    QList<std::chrono::milliseconds> m_requested;
    quint64 m_nextOrder = 0;
};

} // namespace Tillbridge::Core
