// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/jobscheduler.h"

#include "core/logging.h"
#include "core/net/clock.h"

#include <algorithm>

namespace Tillbridge::Core {

JobScheduler::JobScheduler(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

void JobScheduler::addJob(const QString &name, std::chrono::seconds interval, Runner runner, bool runAtStart)
{
    Job job;
    job.name = name;
    job.interval = std::max(interval, std::chrono::seconds(1));
    job.runner = std::move(runner);
    const QDateTime now = m_clock->now();
    job.due = runAtStart ? now : now.addSecs(job.interval.count());
    m_jobs.append(std::move(job));
    if (m_started)
        dispatch();
}

void JobScheduler::start()
{
    m_started = true;
    dispatch();
}

void JobScheduler::stop()
{
    m_started = false;
    ++m_wakeGeneration;
}

bool JobScheduler::runNow(const QString &name)
{
    for (Job &job : m_jobs) {
        if (job.name == name) {
            job.requested = true;
            if (m_started)
                dispatch();
            return true;
        }
    }
    return false;
}

QDateTime JobScheduler::nextDue(const QString &name) const
{
    if (!m_started)
        return {};
    for (const Job &job : m_jobs) {
        if (job.name == name)
            return job.requested ? m_clock->now() : job.due;
    }
    return {};
}

QStringList JobScheduler::jobs() const
{
    QStringList names;
    for (const Job &job : m_jobs)
        names.append(job.name);
    return names;
}

void JobScheduler::dispatch()
{
    if (!m_started || !m_running.isEmpty())
        return;
    const QDateTime now = m_clock->now();
    // On demand first, then the most overdue; ties in the order the jobs were added.
    Job *next = nullptr;
    for (Job &job : m_jobs) {
        if (!job.requested && job.due > now)
            continue;
        if (!next || (job.requested && !next->requested)
            || (job.requested == next->requested && job.due < next->due)) {
            next = &job;
        }
    }
    if (!next) {
        planWakeUp();
        return;
    }
    next->requested = false;
    m_running = next->name;
    const QString name = next->name;
    qCInfo(lcSync) << "job" << name << "starts";
    Q_EMIT jobStarted(name);
    auto called = std::make_shared<bool>(false);
    next->runner([this, name, called] {
        if (*called)
            return; // a runner that reports twice must not start two jobs at once
        *called = true;
        for (Job &job : m_jobs) {
            if (job.name == name)
                job.due = m_clock->now().addSecs(job.interval.count());
        }
        m_running.clear();
        Q_EMIT jobFinished(name);
        // Not from inside the runner's own call stack: the next job starts from the event loop.
        m_clock->callAfter(std::chrono::milliseconds(0), this, [this] { dispatch(); });
    });
}

void JobScheduler::planWakeUp()
{
    if (m_jobs.isEmpty())
        return;
    const QDateTime now = m_clock->now();
    QDateTime earliest;
    for (const Job &job : m_jobs) {
        if (!earliest.isValid() || job.due < earliest)
            earliest = job.due;
    }
    const quint64 generation = ++m_wakeGeneration;
    const auto delay = std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(earliest)));
    m_clock->callAfter(delay, this, [this, generation] {
        if (generation == m_wakeGeneration)
            dispatch();
    });
}

} // namespace Tillbridge::Core
