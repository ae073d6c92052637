// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's scheduler on virtual time: cadence, one job at a time, on-demand runs first, no catch-up storms.
#include "core/engine/jobscheduler.h"
#include "core/net/clock.h"

#include <QTest>

using namespace Tillbridge::Core;
using namespace std::chrono_literals;

class tst_JobScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsEachJobOnItsCadence();
    void jobsNeverOverlap();
    void onDemandGoesFirst();
    void slowRunDoesNotPileUpCatchUpRuns();
    void unknownJobIsRefused();
};

void tst_JobScheduler::runsEachJobOnItsCadence()
{
    ManualClock clock;
    JobScheduler scheduler(&clock);
    QStringList log;
    scheduler.addJob(QStringLiteral("orders"), 60s, [&](auto finished) {
        log << QStringLiteral("orders@%1").arg(clock.now().toString(u"HH:mm:ss"));
        finished();
    });
    scheduler.addJob(
        QStringLiteral("catalogue"), 3600s,
        [&](auto finished) {
            log << QStringLiteral("catalogue@%1").arg(clock.now().toString(u"HH:mm:ss"));
            finished();
        },
        false);
    scheduler.start();
    clock.advance(0ms);
    QCOMPARE(log, QStringList{QStringLiteral("orders@09:00:00")});
    clock.advance(59s);
    QCOMPARE(log.size(), 1);
    clock.advance(1s);
    QCOMPARE(log.last(), QStringLiteral("orders@09:01:00"));
    clock.advance(3540s); // to 10:00:00
    QVERIFY(log.contains(QStringLiteral("catalogue@10:00:00")));
    QCOMPARE(log.count(QStringLiteral("orders@10:00:00")), 1);
    QCOMPARE(int(std::count_if(log.cbegin(), log.cend(), [](const QString &l) { return l.startsWith(u"orders"); })),
             61);
}

void tst_JobScheduler::jobsNeverOverlap()
{
    ManualClock clock;
    JobScheduler scheduler(&clock);
    std::function<void()> finishOrders;
    int catalogueRuns = 0;
    scheduler.addJob(QStringLiteral("orders"), 60s, [&](auto finished) { finishOrders = finished; });
    scheduler.addJob(QStringLiteral("catalogue"), 60s, [&](auto finished) {
        ++catalogueRuns;
        finished();
    });
    scheduler.start();
    clock.advance(0ms);
    QCOMPARE(scheduler.running(), QStringLiteral("orders"));
    clock.advance(120s);
    QCOMPARE(catalogueRuns, 0); // due, but orders still runs
    finishOrders();
    clock.advance(0ms);
    QCOMPARE(catalogueRuns, 1);
}

void tst_JobScheduler::onDemandGoesFirst()
{
    ManualClock clock;
    JobScheduler scheduler(&clock);
    QStringList order;
    std::function<void()> finishFirst;
    scheduler.addJob(QStringLiteral("orders"), 60s, [&](auto finished) {
        order << QStringLiteral("orders");
        if (!finishFirst)
            finishFirst = finished;
        else
            finished();
    });
    scheduler.addJob(
        QStringLiteral("stock"), 60s,
        [&](auto finished) {
            order << QStringLiteral("stock");
            finished();
        },
        false);
    scheduler.addJob(
        QStringLiteral("audit"), 86400s,
        [&](auto finished) {
            order << QStringLiteral("audit");
            finished();
        },
        false);
    scheduler.start();
    clock.advance(0ms);
    clock.advance(60s); // stock due meanwhile
    QVERIFY(scheduler.runNow(QStringLiteral("audit")));
    finishFirst();
    clock.advance(0ms);
    QCOMPARE(order.mid(0, 3), (QStringList{QStringLiteral("orders"), QStringLiteral("audit"), QStringLiteral("stock")}));
}

void tst_JobScheduler::slowRunDoesNotPileUpCatchUpRuns()
{
    ManualClock clock;
    JobScheduler scheduler(&clock);
    int runs = 0;
    std::function<void()> finish;
    scheduler.addJob(QStringLiteral("orders"), 60s, [&](auto finished) {
        ++runs;
        finish = finished;
    });
    scheduler.start();
    clock.advance(0ms);
    clock.advance(600s); // a ten-minute run
    finish();
    clock.advance(0ms);
    QCOMPARE(runs, 1); // not ten catch-up runs: the next is a minute after this one ended
    QCOMPARE(scheduler.nextDue(QStringLiteral("orders")), clock.now().addSecs(60));
    clock.advance(60s);
    QCOMPARE(runs, 2);
}

void tst_JobScheduler::unknownJobIsRefused()
{
    ManualClock clock;
    JobScheduler scheduler(&clock);
    QVERIFY(!scheduler.runNow(QStringLiteral("nothing")));
    QVERIFY(!scheduler.nextDue(QStringLiteral("nothing")).isValid());
}

QTEST_GUILESS_MAIN(tst_JobScheduler)
#include "tst_jobscheduler.moc"
