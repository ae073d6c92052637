// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/schemamigrator.h"

#include <QString>

namespace Tillbridge::Core {

/** Where the embedded cache lives unless the user says otherwise: <AppDataLocation>/tillbridge.sqlite. */
QString defaultCachePath();

/**
 * Opens a connection for the calling thread and brings the cache to the latest schema (creating the folder and the
 * file when needed). The first caller migrates; later callers find nothing to do. Use this for every connection,
 * so that no thread ever works on an older schema.
 */
Result<DatabaseConnectionPtr> openCache(const DatabaseConnection::Options &options,
                                        const SchemaMigrator::StepStarted &stepStarted = {});

} // namespace Tillbridge::Core
