// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/backgroundwork.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace Tillbridge::Core::BackgroundWork {

namespace {
struct Counter
{
    QMutex mutex;
    QWaitCondition allDone;
    int running = 0;
};

Counter &counter()
{
    static Counter instance;
    return instance;
}
} // namespace

void start(QThread *thread)
{
    {
        QMutexLocker lock(&counter().mutex);
        ++counter().running;
    }
    // Direct: QThread::finished is emitted by the worker itself as its last act, so the count is right even when
    // no event loop runs any more (after app.exec() has returned).
    QObject::connect(
        thread, &QThread::finished, thread,
        [] {
            QMutexLocker lock(&counter().mutex);
            if (--counter().running == 0)
                counter().allDone.wakeAll();
        },
        Qt::DirectConnection);
    thread->start();
}

int running()
{
    QMutexLocker lock(&counter().mutex);
    return counter().running;
}

bool waitForAll(QDeadlineTimer deadline)
{
    QMutexLocker lock(&counter().mutex);
    while (counter().running > 0) {
        if (!counter().allDone.wait(&counter().mutex, deadline))
            return counter().running == 0;
    }
    return true;
}

} // namespace Tillbridge::Core::BackgroundWork
