// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/tradingday.h"

namespace Tillbridge::Core {

QTimeZone TradingDay::zone(const QString &timeZone)
{
    if (!timeZone.isEmpty()) {
        QTimeZone zone(timeZone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

TradingDay TradingDay::of(QDate day, const QString &timeZone)
{
    const QTimeZone tz = zone(timeZone);
    // Midnight exists in every zone Tillbridge serves (DST changes at 01:00 or later); QDateTime moves a missing
    // local time forward, which is still the first instant of the day.
    return {QDateTime(day, QTime(0, 0), tz).toUTC(), QDateTime(day.addDays(1), QTime(0, 0), tz).toUTC()};
}

QDate TradingDay::localDay(const QDateTime &utc, const QString &timeZone)
{
    return utc.toTimeZone(zone(timeZone)).date();
}

} // namespace Tillbridge::Core
