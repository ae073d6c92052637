// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Tillbridge::Core {

/** Headline counts for the dashboard. Counting large tables is slow: read these off the GUI thread. */
struct CacheStatistics
{
    int schemaVersion = 0;
    qint64 stores = 0;
    qint64 posOrders = 0;
    qint64 quarantinedOrders = 0;
    qint64 openExceptions = 0;
    qint64 blockingExceptions = 0;
    qint64 pendingPostings = 0;
    qint64 auditEntries = 0;
    qint64 catalogueSnapshots = 0;
    qint64 stockLevels = 0;
};

Result<CacheStatistics> readCacheStatistics(const QSqlDatabase &db);

} // namespace Tillbridge::Core
