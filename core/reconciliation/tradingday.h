// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace Tillbridge::Core {

/**
 * A store's trading day: the calendar day on the store's own clock (an IANA time zone). A sale at 00:30 in Stockholm
 * belongs to the new Stockholm day although UTC is still on the previous one. The cache keeps UTC, so every per-day
 * query runs on the UTC bounds of the local day, which are 23, 24 or 25 hours apart.
 */
struct TradingDay
{
    QDateTime startUtc; ///< inclusive: local midnight of the day, in UTC
    QDateTime endUtc;   ///< exclusive: local midnight of the next day, in UTC

    /** The bounds of @p day in @p timeZone (an invalid zone is treated as UTC). */
    static TradingDay of(QDate day, const QString &timeZone);
    /** The local calendar day of the UTC instant @p utc in @p timeZone. */
    static QDate localDay(const QDateTime &utc, const QString &timeZone);
    /** The zone for an IANA id, or UTC when the id is empty or unknown. */
    static QTimeZone zone(const QString &timeZone);
};

} // namespace Tillbridge::Core
