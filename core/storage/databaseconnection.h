// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Tillbridge::Core {

/**
 * One thread's connection to the SQLite cache. Qt SQL connections may only be used from the thread that created
 * them, so each thread opens its own (unique name), and the destructor closes and removes it — it must run in the
 * same thread. Every connection is verified to run with journal_mode=WAL, synchronous=FULL and foreign_keys=ON
 * (reliability.md R6); a connection where SQLite refuses any of them is not handed out.
 */
class DatabaseConnection
{
public:
    struct Options
    {
        QString path;
        QString purpose = QStringLiteral("db"); ///< part of the connection name, for logs ("gui", "sync", "cli")
        int busyTimeoutMs = 10000;
        bool allowNetworkFileSystem = false; ///< SQLite's locking is unreliable on NFS/SMB; refuse by default
    };

    /** Opens, applies and verifies the PRAGMAs. Does not migrate: see SchemaMigrator / openCache(). */
    static Result<std::shared_ptr<DatabaseConnection>> open(const Options &options);

    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    /** The connection, looked up by name in the calling thread (which must be the opening thread). */
    QSqlDatabase database() const;
    QString connectionName() const { return m_name; }
    QString path() const { return m_path; }

    /** Reads the three durability PRAGMAs back; an error names the one that is wrong. */
    static Status verifyPragmas(const QSqlDatabase &db);

    /**
     * True for file-system magic numbers of network or FUSE file systems (NFS, SMB/CIFS, AFS, FUSE), where SQLite's
     * locks and WAL shared memory cannot be trusted. Pure, so it can be tested without mounting anything.
     */
    static bool isNetworkFileSystemType(qint64 statfsType);

private:
    DatabaseConnection(QString name, QString path);

    QString m_name;
    QString m_path;
};

using DatabaseConnectionPtr = std::shared_ptr<DatabaseConnection>;

} // namespace Tillbridge::Core
