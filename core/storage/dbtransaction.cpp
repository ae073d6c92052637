// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/dbtransaction.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
// Open transactions per connection name. Connections never cross threads, so a thread-local table is exact.
thread_local QHash<QString, int> t_depth;

bool run(const QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
} // namespace

DbTransaction::DbTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    int &depth = t_depth[m_db.connectionName()];
    if (depth > 0) {
        m_nested = true;
        m_active = true;
        ++depth;
        return;
    }
    QString error;
    // SQLite-specific: PostgreSQL uses plain BEGIN (its row locks make IMMEDIATE unnecessary).
    if (run(m_db, QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        m_active = true;
        ++depth;
    } else {
        qCWarning(lcDb) << "BEGIN IMMEDIATE failed on" << m_db.connectionName() << error;
        m_beginStatus = Error{ErrorCode::Database,
                              QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                          "The cache is busy or cannot be written: %1")
                                  .arg(error)};
    }
}

DbTransaction::~DbTransaction()
{
    if (m_active)
        rollback();
}

Status DbTransaction::commit()
{
    if (!m_active) {
        return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                                      "There is no open transaction to commit.")};
    }
    int &depth = t_depth[m_db.connectionName()];
    if (m_nested) {
        m_active = false;
        --depth;
        return Status::success();
    }
    QString error;
    if (!run(m_db, QStringLiteral("COMMIT"), &error)) {
        qCWarning(lcDb) << "COMMIT failed on" << m_db.connectionName() << error;
        rollback();
        return Error{ErrorCode::Database,
                     QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                 "The change could not be saved to the cache: %1")
                         .arg(error)};
    }
    m_active = false;
    if (--depth == 0)
        t_depth.remove(m_db.connectionName());
    return Status::success();
}

void DbTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    int &depth = t_depth[m_db.connectionName()];
    if (m_nested) {
        // A nested failure dooms the whole unit: roll back now so the outer commit fails instead of half-saving.
        --depth;
        QString error;
        run(m_db, QStringLiteral("ROLLBACK"), &error);
        return;
    }
    QString error;
    if (!run(m_db, QStringLiteral("ROLLBACK"), &error))
        qCDebug(lcDb) << "ROLLBACK:" << error; // after a failed COMMIT SQLite may have rolled back already
    if (--depth <= 0)
        t_depth.remove(m_db.connectionName());
}

} // namespace Tillbridge::Core
