// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutils/sqltestutils.h"

#include <QDebug>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Test {

bool execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning() << "test SQL failed:" << sql << query.lastError().text();
    return false;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Core::DatabaseConnectionPtr openRaw(const QString &path, const QString &purpose)
{
    Core::DatabaseConnection::Options options;
    options.path = path;
    options.purpose = purpose;
    auto connection = Core::DatabaseConnection::open(options);
    return connection ? *connection : nullptr;
}

bool dropAuditTriggers(const QSqlDatabase &db)
{
    bool ok = true;
    for (const char *name : {"audit_events_no_update", "audit_events_no_delete", "audit_events_extend_head"})
        ok = execSql(db, QStringLiteral("DROP TRIGGER %1").arg(QLatin1StringView(name))) && ok;
    return ok;
}

} // namespace Tillbridge::Test
