// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

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

    /** Commits the outermost transaction; for a nested one, only marks it done. */
    [[nodiscard]] Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    Status m_beginStatus;
    bool m_active = false;
    bool m_nested = false;
};

} // namespace Tillbridge::Core
