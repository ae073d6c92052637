// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace Tillbridge::Core {

class Clock;

/**
 * Runs the engine's jobs on their cadence and on demand (the order pull every minute, Prima's item master daily, …),
 * one at a time: jobs share the worker's connection and Prima's rate limit, so they never overlap. A job that comes
 * due while another runs waits its turn; a job asked for on demand goes before the ones merely due. The next run of
 * a job is planned from when its last run ended, so a slow run never piles up catch-up runs.
 *
 * Lives in the engine's worker thread. Time comes from a Clock, so tests drive it with ManualClock.
 */
class JobScheduler : public QObject
{
    Q_OBJECT

public:
    /** A job's work: call `finished` exactly once, on this thread, when it is done (successful or not). */
    using Runner = std::function<void(std::function<void()> finished)>;

    explicit JobScheduler(Clock *clock, QObject *parent = nullptr);

    /** Adds a job run every @p interval; the first run is due at start() unless @p runAtStart is false. */
    void addJob(const QString &name, std::chrono::seconds interval, Runner runner, bool runAtStart = true);

    /** Starts planning runs. */
    void start();
    /** Stops planning runs; a running job finishes. */
    void stop();

    /** Asks for a run of @p name as soon as nothing else runs; false for an unknown name. */
    bool runNow(const QString &name);

    /** The job running now, or an empty string. */
    QString running() const { return m_running; }
    /** When @p name is next due (invalid for an unknown job or while stopped). */
    QDateTime nextDue(const QString &name) const;
    QStringList jobs() const;

Q_SIGNALS:
    void jobStarted(const QString &name);
    void jobFinished(const QString &name);

private:
    struct Job
    {
        QString name;
        std::chrono::seconds interval;
        Runner runner;
        QDateTime due;
        bool requested = false;
    };

    /** Starts the most urgent due job if nothing runs, then sleeps until the next one is due. */
    void dispatch();
    void planWakeUp();

    Clock *m_clock;
    QList<Job> m_jobs;
    QString m_running;
    bool m_started = false;
    quint64 m_wakeGeneration = 0; ///< only the latest planned wake-up acts
};

} // namespace Tillbridge::Core
