// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logging.h"
#include "core/result.h"
#include "core/storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace Tillbridge::Core {

/**
 * A write transaction that rolls back unless commit() ran (the KMyMoney MyMoneyFileTransaction idea). It starts with
 * BEGIN IMMEDIATE so that the write lock is taken up front and the busy timeout applies, instead of failing later
 * when a deferred read transaction tries to upgrade. A DbTransaction opened while another is active on the same
 * connection joins it; only the outermost one commits.
 *
 * Functions that must run inside a transaction (an audit append, a state change) take a DbTransaction& so that the
 * compiler, not a comment, enforces it.
 */
class DbTransaction
{
public:
    explicit DbTransaction(QSqlDatabase db);
    ~DbTransaction();
    DbTransaction(const DbTransaction &) = delete;
    DbTransaction &operator=(const DbTransaction &) = delete;

    /** False if BEGIN failed (the database is locked for longer than the busy timeout, or the disk failed). */
    bool isActive() const { return m_active; }
    Status beginStatus() const { return m_beginStatus; }

    QSqlDatabase database() const { return m_db; }

    /**
     * A statement prepared once for the life of the outermost transaction: the first call prepares @p sql, later
     * calls hand back the same query (forward-only), reset and ready to be bound again (bind by position with bindValue(), or
     * addBindValue() immediately before exec()). A page of orders runs the same few statements hundreds of times;
     * SQLite's and Qt's parsing and planning then happen once per page instead of once per use. The queries are
     * finalised before the transaction commits or rolls back, so never keep the pointer beyond the transaction.
     */
    Result<QSqlQuery *> statement(const QString &sql);

    /**
     * The same for the hot statements that bind values straight into SQLite (see SqliteStatement): prepared on
     * first use, reset and with no bindings when handed out again, finalised when the outermost transaction ends.
     */
    Result<SqliteStatement *> sqlite(SqlText sql);

    /**
     * Runs one repository write, @p work (returning a Status or a Result), inside a savepoint of this transaction,
     * so that a write failing half-way leaves nothing of itself behind even if the caller goes on to commit. The
     * savepoint statements are kept prepared like sqlite(): a page of orders runs them for every order.
     */
    template<typename Work>
    auto atomically(Work &&work) -> decltype(work())
    {
        if (auto begun = savepoint(SavepointStep::Begin); !begun)
            return begun.error();
        auto result = work();
        if (result.ok()) {
            auto released = savepoint(SavepointStep::Release);
            if (released)
                return result;
            result = released.error();
        }
        if (!savepoint(SavepointStep::RollBack))
            qCWarning(lcDb) << "rolling back to a savepoint failed on" << m_db.connectionName();
        return result;
    }

    /** Commits the outermost transaction; for a nested one, only marks it done. */
    [[nodiscard]] Status commit();
    void rollback();

private:
    enum class SavepointStep { Begin, Release, RollBack };
    Status savepoint(SavepointStep step);
    void finishStatements();
    void clearStatements();
    DbTransaction *outermost();

    QSqlDatabase m_db;
    DbTransaction *m_outer = nullptr; ///< the outermost transaction a nested one joined
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements; ///< outermost only
    std::unordered_map<const char *, std::unique_ptr<SqliteStatement>> m_sqliteStatements; ///< outermost only
    Status m_beginStatus;
    bool m_active = false;
    bool m_nested = false;
};

} // namespace Tillbridge::Core
