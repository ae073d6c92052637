// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/cache.h"

#include "core/storage/schemamigrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Tillbridge::Core {

QString defaultCachePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tillbridge.sqlite");
}

Result<DatabaseConnectionPtr> openCache(const DatabaseConnection::Options &options,
                                        const SchemaMigrator::StepStarted &stepStarted)
{
    const QString folder = QFileInfo(options.path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error{ErrorCode::Io, QCoreApplication::translate("Tillbridge::Core::Cache",
                                                                "Could not create the folder %1 for the cache.")
                                        .arg(QDir::toNativeSeparators(folder))};
    }
    auto connection = DatabaseConnection::open(options);
    if (!connection)
        return connection;
    const Status migrated =
        SchemaMigrator::migrate((*connection)->database(), -1, QStringLiteral("system"), stepStarted);
    if (!migrated)
        return migrated.error();
    return connection;
}

} // namespace Tillbridge::Core
