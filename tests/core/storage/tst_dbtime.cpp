// SPDX-License-Identifier: GPL-3.0-or-later
// dbTime(): the cache's timestamp text is exactly what Qt's ISODateWithMs gives, for any zone, date and millisecond;
// the digit-by-digit fast path must never change a stored timestamp or the audit chain's canonical bytes.
#include "core/storage/dbtime.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Tillbridge::Core;

class tst_DbTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examples_data();
    void examples();
    void sameAsQtForRandomInstants();
};

void tst_DbTime::examples_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    QTest::newRow("utc") << QDateTime(QDate(2026, 11, 27), QTime(13, 5, 9, 7), Qt::UTC)
                         << QStringLiteral("2026-11-27T13:05:09.007Z");
    QTest::newRow("stockholm summer") << QDateTime(QDate(2026, 6, 30), QTime(1, 0), QTimeZone("Europe/Stockholm"))
                                      << QStringLiteral("2026-06-29T23:00:00.000Z");
    QTest::newRow("offset") << QDateTime(QDate(2000, 1, 1), QTime(0, 0, 0, 999), QTimeZone(3600))
                            << QStringLiteral("1999-12-31T23:00:00.999Z");
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC)
                            << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    QTest::newRow("invalid") << QDateTime() << QString();
}

void tst_DbTime::examples()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(dbTime(time), text);
    QCOMPARE(dbTime(time), time.toUTC().toString(Qt::ISODateWithMs));
    if (time.isValid())
        QCOMPARE(fromDbTime(dbTime(time)), time);
}

void tst_DbTime::sameAsQtForRandomInstants()
{
    QRandomGenerator random(1127);
    const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("Europe/London"), QTimeZone("Europe/Stockholm"),
                               QTimeZone("America/New_York"), QTimeZone(-34200)};
    for (int i = 0; i < 20000; ++i) {
        // Any millisecond of the years 1 to 9999, in any zone.
        const qint64 ms = random.bounded(qint64(-62'135'596'800'000), qint64(253'402'300'799'000));
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, zones[i % std::size(zones)]);
        QCOMPARE(dbTime(time), time.toUTC().toString(Qt::ISODateWithMs));
    }
}

QTEST_GUILESS_MAIN(tst_DbTime)
#include "tst_dbtime.moc"
