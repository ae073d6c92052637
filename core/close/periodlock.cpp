// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/close/periodlock.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

Result<bool> PeriodLock::isLocked(const QSqlDatabase &db, QDate postingDate)
{
    if (!postingDate.isValid()) {
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate("Tillbridge::Core::PeriodLock", "The posting date is not a date.")};
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT state FROM close_periods WHERE period = ?"));
    query.addBindValue(postingDate.toString(QStringLiteral("yyyy-MM")));
    if (!query.exec()) {
        qCWarning(lcDb) << "period lock look-up failed:" << query.lastError().text();
        return Error{ErrorCode::Database,
                     QCoreApplication::translate("Tillbridge::Core::PeriodLock",
                                                 "Whether the period is locked could not be read: %1")
                         .arg(query.lastError().text())};
    }
    return query.next() && query.value(0).toString() == u"locked";
}

} // namespace Tillbridge::Core
