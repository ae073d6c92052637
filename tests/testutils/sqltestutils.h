// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/databaseconnection.h"

#include <QSqlDatabase>
#include <QString>

namespace Tillbridge::Test {

/** Runs a statement; logs (with the statement) and returns false on failure. For fixtures and tampering only. */
bool execSql(const QSqlDatabase &db, const QString &sql);

/** The first column of the first row, or -1 when the query fails. */
qint64 scalar(const QSqlDatabase &db, const QString &sql);

/** Opens an existing file without migrating it, as an attacker or an older build would. */
Core::DatabaseConnectionPtr openRaw(const QString &path, const QString &purpose = QStringLiteral("raw"));

/** Drops the audit trail's append-only triggers, as someone with raw write access could before tampering. */
bool dropAuditTriggers(const QSqlDatabase &db);

} // namespace Tillbridge::Test
