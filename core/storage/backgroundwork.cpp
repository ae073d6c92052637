// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/backgroundwork.h"

#include <QList>
#include <QMutex>
#include <QPointer>
#include <QThread>

#include <algorithm>

namespace Tillbridge::Core::BackgroundWork {

namespace {
struct Registry
{
    QMutex mutex;
    // QPointer: a finished worker deletes itself (deleteLater, on the thread that started it), and the entry then
    // reads null instead of dangling.
    QList<QPointer<QThread>> threads;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}
} // namespace

void start(QThread *thread)
{
    {
        QMutexLocker lock(&registry().mutex);
        // Only workers whose QThread is gone: isFinished() is already true while Qt still cleans the thread up.
        registry().threads.removeIf([](const QPointer<QThread> &known) { return !known; });
        registry().threads.append(thread);
    }
    thread->start();
}

int running()
{
    QMutexLocker lock(&registry().mutex);
    return int(std::count_if(registry().threads.cbegin(), registry().threads.cend(),
                             [](const QPointer<QThread> &known) { return known && !known->isFinished(); }));
}

bool waitForAll(QDeadlineTimer deadline)
{
    QList<QPointer<QThread>> threads;
    {
        QMutexLocker lock(&registry().mutex);
        threads = registry().threads;
    }
    // QThread::wait() returns once the thread has left run() and Qt's own clean-up of it, not merely emitted
    // finished(): after this nothing of the worker runs while the process tears down.
    for (const QPointer<QThread> &thread : std::as_const(threads)) {
        if (thread && !thread->wait(deadline))
            return false;
    }
    return true;
}

} // namespace Tillbridge::Core::BackgroundWork
