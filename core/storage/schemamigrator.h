// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Tillbridge::Core {

/**
 * Brings the cache to the schema this build understands, one numbered migration at a time. Each migration runs in
 * its own transaction together with its schema_version row and its audit event, so a cache is always at exactly one
 * known version. The SQL stays portable enough for PostgreSQL (INTEGER money, TEXT timestamps, no SQLite-only
 * functions in queries); the few SQLite-only pieces (the audit triggers' RAISE) are marked where they are.
 */
class SchemaMigrator
{
public:
    /** The newest schema version this build knows. */
    static int latestVersion();

    /** 0 for an empty database. */
    static Result<int> currentVersion(const QSqlDatabase &db);

    /** Called before each migration runs: its version, and which of the `steps` this call applies it is (from 1). */
    using StepStarted = std::function<void(int version, int step, int steps)>;

    /**
     * Applies every migration after the current version up to `targetVersion` (default: latest). Refuses a cache
     * from a newer Tillbridge. `actor` is recorded in the audit events.
     */
    static Status migrate(const QSqlDatabase &db, int targetVersion = -1,
                          const QString &actor = QStringLiteral("system"), const StepStarted &stepStarted = {});

    /** A short description of a migration, for logs and the audit trail. */
    static QString description(int version);
};

} // namespace Tillbridge::Core
