// SPDX-License-Identifier: GPL-3.0-or-later
// The emulator's rate limiter, on an explicit clock.
#include "core/net/tokenbucket.h"

#include <QTest>

using namespace Tillbridge::Core;

class tst_TokenBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void disabledAllowsEverything();
    void burstThenRefill();
    void neverHoldsMoreThanCapacity();
    void contractRateOfNPerPeriod();
    void retryAfterSeconds();
};

void tst_TokenBucket::disabledAllowsEverything()
{
    TokenBucket bucket(0.0, 1);
    QVERIFY(!bucket.isEnabled());
    for (int i = 0; i < 100; ++i)
        QVERIFY(bucket.tryTake(0));
    QCOMPARE(bucket.secondsUntilToken(0), 0);
}

void tst_TokenBucket::burstThenRefill()
{
    // Given two tokens and one more per second:
    TokenBucket bucket(1.0, 2);
    QVERIFY(bucket.isEnabled());
    QVERIFY(bucket.tryTake(1000));
    QVERIFY(bucket.tryTake(1000));
    QVERIFY(!bucket.tryTake(1000));
    QVERIFY(!bucket.tryTake(1500)); // half a token is not a token
    QVERIFY(bucket.tryTake(2000));
    QVERIFY(!bucket.tryTake(2000));
}

void tst_TokenBucket::neverHoldsMoreThanCapacity()
{
    TokenBucket bucket(10.0, 3);
    QVERIFY(bucket.tryTake(0));
    // A long quiet spell refills to the capacity, not beyond it.
    for (int i = 0; i < 3; ++i)
        QVERIFY(bucket.tryTake(100000));
    QVERIFY(!bucket.tryTake(100000));
}

void tst_TokenBucket::contractRateOfNPerPeriod()
{
    // Prima's "6,000 requests per 5 minutes" is a burst of 6,000 refilled at 20 per second; scaled down to 4 per
    // second with bursts of 4:
    TokenBucket bucket(4.0, 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(0));
    QCOMPARE(bucket.secondsUntilToken(0), 1);
    QVERIFY(bucket.tryTake(250)); // 250 ms refill one token
    QVERIFY(!bucket.tryTake(260));
    for (int i = 0; i < 4; ++i) // a long pause refills to the burst size, not beyond
        QVERIFY(bucket.tryTake(10000));
    QVERIFY(!bucket.tryTake(10000));
}

void tst_TokenBucket::retryAfterSeconds()
{
    TokenBucket bucket(0.25, 1); // one token every four seconds
    QVERIFY(bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(0));
    QCOMPARE(bucket.secondsUntilToken(0), 4);
    QCOMPARE(bucket.secondsUntilToken(3000), 1);
    QCOMPARE(bucket.secondsUntilToken(5000), 1); // a token is there: "retry now" still means at least a second
}

QTEST_GUILESS_MAIN(tst_TokenBucket)
#include "tst_tokenbucket.moc"
