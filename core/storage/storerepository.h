// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/store.h"
#include "core/result.h"

#include <QList>
#include <QSqlDatabase>

namespace Tillbridge::Core {

class DbTransaction;

/** Stores in the cache. Small table: read whole, written one store at a time with an audit event. */
class StoreRepository
{
public:
    explicit StoreRepository(QSqlDatabase db);

    Result<QList<Store>> all() const;

    /** Inserts or updates by (Sitoo account, Sitoo store id); returns the store with its cache id. */
    Result<Store> save(DbTransaction &tx, Store store, const QString &actor);

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
