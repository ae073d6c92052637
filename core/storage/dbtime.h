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
    return time.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime fromDbTime(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace Tillbridge::Core
