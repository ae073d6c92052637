// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace Tillbridge::Core {

/**
 * Timestamps in the cache are UTC text "YYYY-MM-DDTHH:MM:SS.sssZ": sortable as text and portable to PostgreSQL.
 * Every repository writes and reads them through these two functions.
 */
inline QString dbTime(const QDateTime &time)
{
    // Written digit by digit: Qt 6.4 formats through QString::asprintf, and the ingest writes six timestamps per
    // order. tst_dbtime checks that the text is Qt's own for every case the fast path takes.
    const QDateTime utc = time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    if (!utc.isValid() || year < 0 || year > 9999)
        return utc.toString(Qt::ISODateWithMs);
    const QTime clock = utc.time();
    char16_t text[25] = u"0000-00-00T00:00:00.000Z";
    auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    put(11, clock.hour(), 2);
    put(14, clock.minute(), 2);
    put(17, clock.second(), 2);
    put(20, clock.msec(), 3);
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

inline QDateTime fromDbTime(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace Tillbridge::Core
