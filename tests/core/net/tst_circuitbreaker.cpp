// SPDX-License-Identifier: GPL-3.0-or-later
// The relay's circuit breaker, on an explicit clock.
#include "core/net/circuitbreaker.h"

#include <QTest>

using namespace Tillbridge::Core;

class tst_CircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysClosedBelowThreshold();
    void opensAfterConsecutiveFailures();
    void halfOpenLetsOneProbeThrough();
    void failedProbeDoublesCooldownUpToCap();
    void successfulProbeCloses();
};

void tst_CircuitBreaker::staysClosedBelowThreshold()
{
    CircuitBreaker breaker(3, 1000);
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    breaker.recordSuccess(); // a success in between resets the run of failures
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Closed);
    QVERIFY(breaker.allowRequest(0));
    QCOMPARE(breaker.timesOpened(), 0);
}

void tst_CircuitBreaker::opensAfterConsecutiveFailures()
{
    CircuitBreaker breaker(3, 1000);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure(100);
    QCOMPARE(breaker.state(100), CircuitBreaker::State::Open);
    QVERIFY(!breaker.allowRequest(100));
    QVERIFY(!breaker.allowRequest(1099));
    QCOMPARE(breaker.msUntilRetry(600), qint64(500));
    QCOMPARE(breaker.timesOpened(), 1);
}

void tst_CircuitBreaker::halfOpenLetsOneProbeThrough()
{
    CircuitBreaker breaker(1, 1000);
    breaker.recordFailure(0);
    QCOMPARE(breaker.state(1000), CircuitBreaker::State::HalfOpen);
    QVERIFY(breaker.allowRequest(1000));
    QVERIFY(!breaker.allowRequest(1000)); // only one probe at a time
    QVERIFY(!breaker.allowRequest(5000));
}

void tst_CircuitBreaker::failedProbeDoublesCooldownUpToCap()
{
    CircuitBreaker breaker(1, 1000, 3000);
    breaker.recordFailure(0);
    QVERIFY(breaker.allowRequest(1000));
    breaker.recordFailure(1000); // probe failed: 2 s now
    QVERIFY(!breaker.allowRequest(2999));
    QVERIFY(breaker.allowRequest(3000));
    breaker.recordFailure(3000); // 4 s capped at 3 s
    QCOMPARE(breaker.msUntilRetry(3000), qint64(3000));
    QCOMPARE(breaker.timesOpened(), 3);
}

void tst_CircuitBreaker::successfulProbeCloses()
{
    CircuitBreaker breaker(1, 1000, 8000);
    breaker.recordFailure(0);
    QVERIFY(breaker.allowRequest(1000));
    breaker.recordFailure(1000);
    QVERIFY(breaker.allowRequest(3000));
    breaker.recordSuccess();
    QCOMPARE(breaker.state(3000), CircuitBreaker::State::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 0);
    // and the cool-down starts from the base again
    breaker.recordFailure(4000);
    QCOMPARE(breaker.msUntilRetry(4000), qint64(1000));
}

QTEST_APPLESS_MAIN(tst_CircuitBreaker)
#include "tst_circuitbreaker.moc"
