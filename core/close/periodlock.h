// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QSqlDatabase>

namespace Tillbridge::Core {

/**
 * The question the posting relay asks before sending a document: is its posting date (the store-local date Prima
 * books it on) in a period that the month-end close has locked? Such a document must become a PERIOD_CLOSED
 * exception instead of being sent. Reads one row; safe on any thread's own connection.
 */
class PeriodLock
{
public:
    /** Whether @p postingDate falls in a locked period. An invalid date is an InvalidInput error. */
    static Result<bool> isLocked(const QSqlDatabase &db, QDate postingDate);
};

} // namespace Tillbridge::Core
