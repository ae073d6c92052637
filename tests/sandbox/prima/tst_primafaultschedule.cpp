// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primafaultschedule.h"

#include <QTest>

using namespace Tillbridge::Sandbox;
using namespace std::chrono_literals;

class tst_PrimaFaultSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void sameSeedSameFaults();
    void probabilitiesAreHonoured();
    void writeOnlyFaultsSkipReads();
    void explicitSequencesAndWindows();
    void parameters();
};

void tst_PrimaFaultSchedule::parses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << "" << true;
    QTest::newRow("brief example")
        << "500-before=0.05,500-after=0.05,hang=0.05,reset=0.02,429=0.05,503-window=100-120,slow=0.05:300" << true;
    QTest::newRow("spaces, dates, bare 429") << " 429-date = 0.1 , 429-none=0.1:0 " << true;
    QTest::newRow("at list with parameter") << "hang@3/7/9:2000" << true;
    QTest::newRow("rate and seed") << "rate=6000/300s,seed=42" << true;
    QTest::newRow("rate per ms period") << "rate=5/500ms" << true;
    QTest::newRow("unknown fault") << "explode=0.1" << false;
    QTest::newRow("probability above 1") << "hang=1.5" << false;
    QTest::newRow("sum above 1") << "hang=0.6,reset=0.6" << false;
    QTest::newRow("not a number") << "hang=often" << false;
    QTest::newRow("sequence 0") << "reset@0" << false;
    QTest::newRow("bad window") << "503-window=20-10" << false;
    QTest::newRow("bad rate") << "rate=fast" << false;
    QTest::newRow("negative parameter") << "slow=0.1:-5" << false;
}

void tst_PrimaFaultSchedule::parses()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const auto schedule = PrimaFaultSchedule::parse(spec);
    QCOMPARE(schedule.ok(), valid);
    if (!valid)
        QVERIFY(!schedule.errorString().isEmpty());
}

void tst_PrimaFaultSchedule::sameSeedSameFaults()
{
    const auto schedule =
        PrimaFaultSchedule::parse(QStringLiteral("500-before=0.1,500-after=0.1,hang=0.1,reset=0.1,429=0.1,slow=0.1"));
    QVERIFY(schedule.ok());
    QStringList first;
    QStringList again;
    QStringList otherSeed;
    for (qint64 sequence = 1; sequence <= 500; ++sequence) {
        const bool isWrite = sequence % 3 != 0;
        first.append(schedule->decide(7, sequence, isWrite).label());
        again.append(schedule->decide(7, sequence, isWrite).label());
        otherSeed.append(schedule->decide(8, sequence, isWrite).label());
    }
    QCOMPARE(again, first);
    QVERIFY(otherSeed != first);
    // A decision depends on its own request number only, not on what was asked before.
    QCOMPARE(schedule->decide(7, 250, true).label(), first.at(249));
}

void tst_PrimaFaultSchedule::probabilitiesAreHonoured()
{
    const auto schedule = PrimaFaultSchedule::parse(QStringLiteral("hang=0.05,reset=0.02,429=0.10"));
    QVERIFY(schedule.ok());
    int hangs = 0;
    int resets = 0;
    int limited = 0;
    constexpr int kRequests = 20000;
    for (qint64 sequence = 1; sequence <= kRequests; ++sequence) {
        switch (schedule->decide(1234, sequence, true).fault) {
        case PrimaFault::HangAfterCommit:
            ++hangs;
            break;
        case PrimaFault::ResetAfterCommit:
            ++resets;
            break;
        case PrimaFault::RateLimited:
            ++limited;
            break;
        default:
            break;
        }
    }
    // Expected 1000, 400 and 2000; the bounds are more than 4 standard deviations wide.
    QVERIFY2(hangs > 870 && hangs < 1130, qPrintable(QString::number(hangs)));
    QVERIFY2(resets > 320 && resets < 480, qPrintable(QString::number(resets)));
    QVERIFY2(limited > 1830 && limited < 2170, qPrintable(QString::number(limited)));
}

void tst_PrimaFaultSchedule::writeOnlyFaultsSkipReads()
{
    const auto schedule = PrimaFaultSchedule::parse(QStringLiteral("hang=0.4,reset=0.3,500-after=0.3"));
    QVERIFY(schedule.ok());
    for (qint64 sequence = 1; sequence <= 200; ++sequence) {
        QCOMPARE(schedule->decide(5, sequence, false).fault, PrimaFault::None);
        QVERIFY(schedule->decide(5, sequence, true).isAfterCommit());
    }
}

void tst_PrimaFaultSchedule::explicitSequencesAndWindows()
{
    const auto schedule =
        PrimaFaultSchedule::parse(QStringLiteral("reset@2/5,500-before@5,503-window=10-12:9,hang=1"));
    QVERIFY(schedule.ok());
    QCOMPARE(schedule->decide(1, 2, true).fault, PrimaFault::ResetAfterCommit);
    QCOMPARE(schedule->decide(1, 2, true).label(), QStringLiteral("reset(at)"));
    // "@" rules follow the fault order: 500-before comes before reset.
    QCOMPARE(schedule->decide(1, 5, true).fault, PrimaFault::ServerErrorBefore);
    for (qint64 sequence : {10, 11, 12}) {
        const PrimaFaultDecision decision = schedule->decide(1, sequence, false);
        QCOMPARE(decision.fault, PrimaFault::Unavailable);
        QCOMPARE(decision.retryAfterSeconds, std::optional(9));
        QCOMPARE(decision.label(), QStringLiteral("503(window)"));
    }
    // Everything else falls to the random draw, which with probability 1 always hangs a write.
    QCOMPARE(schedule->decide(1, 13, true).fault, PrimaFault::HangAfterCommit);
    QCOMPARE(schedule->decide(1, 13, false).fault, PrimaFault::None);
    QCOMPARE(schedule->decide(1, 2, false).fault, PrimaFault::None); // reset@2 does not apply to a read
}

void tst_PrimaFaultSchedule::parameters()
{
    const auto schedule =
        PrimaFaultSchedule::parse(QStringLiteral("hang@1:2500,slow@2:40,429@3:17,429-date@4:60,rate=10/2s,seed=99"));
    QVERIFY(schedule.ok());
    QCOMPARE(schedule->decide(0, 1, true).delay, std::optional(2500ms));
    QCOMPARE(schedule->decide(0, 2, true).delay, std::optional(40ms));
    QCOMPARE(schedule->decide(0, 3, true).retryAfterSeconds, std::optional(17));
    QCOMPARE(schedule->decide(0, 4, true).retryAfterSeconds, std::optional(60));
    QCOMPARE(schedule->seedOverride(), std::optional<quint64>(99));
    QVERIFY(schedule->rateLimit().has_value());
    QCOMPARE(schedule->rateLimit()->first, 10);
    QCOMPARE(schedule->rateLimit()->second, 2000ms);
}

QTEST_GUILESS_MAIN(tst_PrimaFaultSchedule)
#include "tst_primafaultschedule.moc"
