// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/dbtransaction.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
// Open transactions per connection name, and the outermost one (which owns the statement cache). Connections never
// cross threads, so a thread-local table is exact.
struct Frame
{
    int depth = 0;
    DbTransaction *outermost = nullptr;
};
thread_local QHash<QString, Frame> t_frames;

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
    Frame &frame = t_frames[m_db.connectionName()];
    int &depth = frame.depth;
    if (depth > 0) {
        m_nested = true;
        m_active = true;
        m_outer = frame.outermost;
        ++depth;
        return;
    }
    QString error;
    // SQLite-specific: PostgreSQL uses plain BEGIN (its row locks make IMMEDIATE unnecessary).
    if (run(m_db, QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        m_active = true;
        frame.outermost = this;
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
    clearStatements(); // before the connection can go: no statement may outlive its database
}

DbTransaction *DbTransaction::outermost()
{
    return m_nested ? m_outer : this;
}

Result<QSqlQuery *> DbTransaction::statement(const QString &sql)
{
    DbTransaction *owner = outermost();
    if (!m_active || owner == nullptr || !owner->m_active) {
        return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                                      "There is no open transaction to write in.")};
    }
    auto found = owner->m_statements.find(sql);
    if (found != owner->m_statements.end()) {
        found->second->finish(); // a SELECT left mid-way must not keep its cursor
        return found->second.get();
    }
    auto owned = std::make_unique<QSqlQuery>(m_db);
    QSqlQuery &query = *owned;
    query.setForwardOnly(true); // read once, in order: Qt need not cache the rows
    if (!query.prepare(sql)) {
        qCWarning(lcDb) << "prepare failed on" << m_db.connectionName() << query.lastError().text();
        return Error{ErrorCode::Database,
                     QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                 "The cache could not prepare a statement: %1")
                         .arg(query.lastError().text())};
    }
    owner->m_statements.emplace(sql, std::move(owned));
    return &query;
}

Result<SqliteStatement *> DbTransaction::sqlite(SqlText sql)
{
    DbTransaction *owner = outermost();
    if (!m_active || owner == nullptr || !owner->m_active) {
        return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                                      "There is no open transaction to write in.")};
    }
    // Keyed by the literal's address: SqlText can only come from a constant, so the address names the statement.
    auto found = owner->m_sqliteStatements.find(sql.text());
    if (found != owner->m_sqliteStatements.end()) {
        found->second->reset();
        return found->second.get();
    }
    auto prepared = SqliteStatement::prepare(m_db, sql);
    if (!prepared)
        return prepared.error();
    SqliteStatement *statement = prepared->get();
    owner->m_sqliteStatements.emplace(sql.text(), std::move(prepared).value());
    return statement;
}

Status DbTransaction::savepoint(SavepointStep step)
{
    if (!m_active) {
        return Error{ErrorCode::Database,
                     QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                 "Changes can only be written inside an open transaction.")};
    }
    // One name for every repository: SQLite resolves nested savepoints of the same name to the innermost.
    auto run = [this](SqlText sql) -> Status {
        auto statement = sqlite(sql);
        if (!statement)
            return statement.error();
        if (auto done = (*statement)->execute(); !done) {
            return Error{done.error().code,
                         QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                     "The cache could not save a step of the change: %1")
                             .arg(done.error().message)};
        }
        return Status::success();
    };
    switch (step) {
    case SavepointStep::Begin:
        return run("SAVEPOINT repository_write");
    case SavepointStep::Release:
        return run("RELEASE SAVEPOINT repository_write");
    case SavepointStep::RollBack:
        if (auto rolledBack = run("ROLLBACK TO SAVEPOINT repository_write"); !rolledBack)
            return rolledBack;
        return run("RELEASE SAVEPOINT repository_write");
    }
    return Status::success();
}

void DbTransaction::clearStatements()
{
    m_statements.clear();
    m_sqliteStatements.clear();
}

void DbTransaction::finishStatements()
{
    // No statement may be left running when the transaction ends; they stay prepared until the outermost ends.
    for (auto &[sql, query] : m_statements)
        query->finish();
    for (auto &[sql, statement] : m_sqliteStatements)
        statement->reset();
}

Status DbTransaction::commit()
{
    if (!m_active) {
        return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::DbTransaction",
                                                                      "There is no open transaction to commit.")};
    }
    int &depth = t_frames[m_db.connectionName()].depth;
    if (m_nested) {
        m_active = false;
        --depth;
        return Status::success();
    }
    clearStatements();
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
        t_frames.remove(m_db.connectionName());
    return Status::success();
}

void DbTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    int &depth = t_frames[m_db.connectionName()].depth;
    if (m_nested) {
        // A nested failure dooms the whole unit: roll back now so the outer commit fails instead of half-saving.
        --depth;
        if (m_outer)
            m_outer->finishStatements(); // the outer one may still hand them out; it frees them when it ends
        QString error;
        run(m_db, QStringLiteral("ROLLBACK"), &error);
        return;
    }
    clearStatements();
    QString error;
    if (!run(m_db, QStringLiteral("ROLLBACK"), &error))
        qCDebug(lcDb) << "ROLLBACK:" << error; // after a failed COMMIT SQLite may have rolled back already
    if (--depth <= 0)
        t_frames.remove(m_db.connectionName());
}

} // namespace Tillbridge::Core
