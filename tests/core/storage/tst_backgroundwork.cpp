// SPDX-License-Identifier: GPL-3.0-or-later
// Background workers are counted until they finish, so that a program can wait for them before it ends: a read
// started through readInBackground is among them, and waitForAll() returns only once it is done (or at the deadline).
#include "core/storage/backgroundreader.h"
#include "core/storage/backgroundwork.h"

#include "tests/testutils/tempcache.h"

#include <QAtomicInt>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace Tillbridge::Core;

class tst_BackgroundWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitForAllReturnsOnceEveryWorkerIsDone();
    void theDeadlineIsKeptWhileAWorkerStillRuns();
    void aBackgroundReadIsCounted();
};

void tst_BackgroundWork::waitForAllReturnsOnceEveryWorkerIsDone()
{
    QAtomicInt done = 0;
    for (int i = 0; i < 4; ++i) {
        QThread *thread = QThread::create([&done, i] {
            QThread::msleep(50 * (i + 1));
            done.fetchAndAddOrdered(1);
        });
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        BackgroundWork::start(thread);
    }
    QVERIFY(BackgroundWork::running() > 0);
    QVERIFY(BackgroundWork::waitForAll(QDeadlineTimer(30000)));
    QCOMPARE(done.loadAcquire(), 4);
    QCOMPARE(BackgroundWork::running(), 0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void tst_BackgroundWork::theDeadlineIsKeptWhileAWorkerStillRuns()
{
    QSemaphore release;
    // Should a check fail and return early, the worker is let go before the semaphore it waits on goes away.
    auto letGo = qScopeGuard([&release] {
        if (BackgroundWork::running() > 0)
            release.release();
        BackgroundWork::waitForAll();
    });
    QThread *thread = QThread::create([&release] { release.acquire(); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    BackgroundWork::start(thread);
    QVERIFY(!BackgroundWork::waitForAll(QDeadlineTimer(100)));
    QCOMPARE(BackgroundWork::running(), 1);
    release.release();
    QVERIFY(BackgroundWork::waitForAll(QDeadlineTimer(30000)));
    QCOMPARE(BackgroundWork::running(), 0);
    letGo.dismiss();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void tst_BackgroundWork::aBackgroundReadIsCounted()
{
    Tillbridge::Test::TempCache cache;
    QVERIFY(cache.open().ok());
    QSemaphore release;
    auto letGo = qScopeGuard([&release] {
        if (BackgroundWork::running() > 0)
            release.release();
        BackgroundWork::waitForAll();
    });
    auto read = readInBackground<int>(cache.path(), [&release](const QSqlDatabase &) -> Result<int> {
        release.acquire();
        return 42;
    });
    QVERIFY(!BackgroundWork::waitForAll(QDeadlineTimer(100))); // the read holds its worker
    release.release();
    QVERIFY(BackgroundWork::waitForAll(QDeadlineTimer(30000)));
    letGo.dismiss();
    QVERIFY(read.future().isFinished());
    QCOMPARE(read.future().result().value(), 42);
}

QTEST_GUILESS_MAIN(tst_BackgroundWork)
#include "tst_backgroundwork.moc"
