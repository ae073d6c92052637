// SPDX-License-Identifier: GPL-3.0-or-later
// The emulator's rate limiter, on an explicit clock.
#include "core/sandbox/sitoo/tokenbucket.h"

#include <QTest>

using namespace Tillbridge::Sandbox;

class tst_TokenBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void disabledAllowsEverything();
    void burstThenRefill();
    void neverHoldsMoreThanCapacity();
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
