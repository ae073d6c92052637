// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** Where a pull from one source, account and stream has got to. */
struct SyncCursor
{
    QString source;  ///< "sitoo", "prima"
    QString account; ///< Sitoo account id, Prima host, ...
    QString stream;  ///< "orders", "products", ...
    QString cursor;  ///< opaque text: for Sitoo orders the last orderid taken
    QDateTime updatedAt;
};

/**
 * Sync cursors (the `sync_cursors` table), keyed by (source, account, stream).
 *
 * Auditing: setCursor() is not audited. A cursor advances after every page, and what a page brought in is audited
 * already (order.received for each new order); an event per page would bury the trail in noise without adding a
 * fact, and the cursor can always be recomputed from the orders it covers. A deliberate move, such as re-reading
 * from an earlier order after an incident, goes through resetCursor(), which is audited as "sync.cursor-reset" with
 * the old and new value and who did it and why.
 */
class SyncStateRepository
{
public:
    explicit SyncStateRepository(QSqlDatabase db);

    /** The cursor, or empty when this stream was never pulled. */
    Result<std::optional<QString>> cursor(const QString &source, const QString &account, const QString &stream) const;

    /** Sets the cursor in the caller's transaction (commit it with the data the page brought in). Not audited. */
    Status setCursor(DbTransaction &tx, const QString &source, const QString &account, const QString &stream,
                     const QString &cursor);

    /** A deliberate move of the cursor by a person, audited as "sync.cursor-reset". A reason is required. */
    Status resetCursor(DbTransaction &tx, const QString &source, const QString &account, const QString &stream,
                       const QString &cursor, const QString &actor, const QString &reason);

    /** Every cursor, by source, account and stream. */
    Result<QList<SyncCursor>> all() const;

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
