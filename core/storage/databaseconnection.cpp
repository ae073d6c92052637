// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/databaseconnection.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#if defined(Q_OS_LINUX)
#include <sys/vfs.h>
#endif

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::DatabaseConnection", text);
}

Error dbError(const QString &message)
{
    return Error{ErrorCode::Database, message};
}

// Values a PRAGMA must read back as. synchronous: 2 = FULL, 3 = EXTRA (both durable in WAL mode).
struct PragmaSetting
{
    const char *set;
    const char *read;
};
constexpr PragmaSetting kPragmas[] = {
    {"PRAGMA journal_mode=WAL", "PRAGMA journal_mode"},
    {"PRAGMA synchronous=FULL", "PRAGMA synchronous"},
    {"PRAGMA foreign_keys=ON", "PRAGMA foreign_keys"},
    // Savepoint journals in memory: on disk they cost about a hundred writes per order ingested.
    {"PRAGMA temp_store=MEMORY", "PRAGMA temp_store"},
    // Checkpoint the WAL every 32 MB instead of every 4 MB: a page of orders dirties the same index pages again and
    // again, and each checkpoint copies them back; a quarter of the checkpoints made the ingest 15-20 % faster.
    {"PRAGMA wal_autocheckpoint=8192", "PRAGMA wal_autocheckpoint"},
};

#if defined(Q_OS_LINUX)
std::optional<qint64> fileSystemTypeOf(const QString &path)
{
    // The file may not exist yet: ask about the folder that will hold it.
    const QString existing = QFileInfo::exists(path) ? path : QFileInfo(path).absolutePath();
    struct statfs info{};
    if (statfs(QFile::encodeName(existing).constData(), &info) != 0)
        return std::nullopt;
    return static_cast<qint64>(info.f_type);
}
#endif
} // namespace

DatabaseConnection::DatabaseConnection(QString name, QString path)
    : m_name(std::move(name))
    , m_path(std::move(path))
{
}

DatabaseConnection::~DatabaseConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase DatabaseConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool DatabaseConnection::isNetworkFileSystemType(qint64 statfsType)
{
    switch (statfsType) {
    case 0x6969:     // NFS
    case 0x517B:     // SMB
    case 0xFF534D42: // CIFS
    case 0xFE534D42: // SMB2
    case 0x5346414F: // AFS
    case 0x65735546: // FUSE (sshfs, cloud-sync mounts)
        return true;
    default:
        return false;
    }
}

Status DatabaseConnection::verifyPragmas(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next()
        || query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return dbError(tr("The cache is not in write-ahead-log mode (journal_mode=WAL), so Tillbridge will not use it."));
    }
    if (!query.exec(QStringLiteral("PRAGMA synchronous")) || !query.next() || query.value(0).toInt() < 2) {
        return dbError(tr("The cache does not sync every commit to disk (synchronous=FULL), so Tillbridge will not "
                          "use it."));
    }
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys")) || !query.next() || query.value(0).toInt() != 1) {
        return dbError(tr("The cache does not enforce foreign keys, so Tillbridge will not use it."));
    }
    return Status::success();
}

Result<std::shared_ptr<DatabaseConnection>> DatabaseConnection::open(const Options &options)
{
    if (options.path.isEmpty())
        return dbError(tr("No cache file was given."));

#if defined(Q_OS_LINUX)
    if (!options.allowNetworkFileSystem) {
        if (const auto type = fileSystemTypeOf(options.path); type && isNetworkFileSystemType(*type)) {
            return dbError(tr("The cache %1 is on a network or synchronised file system. SQLite cannot guarantee "
                              "its integrity there; choose a folder on a local disk.")
                               .arg(QDir::toNativeSeparators(options.path)));
        }
    }
#endif

    const QString name = options.purpose + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The connection object must be out of scope before removeDatabase(), hence the inner block.
    Status status;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(options.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.isValid()) {
            status = dbError(tr("The SQLite driver for Qt is not installed (package libqt6sql6-sqlite)."));
        } else if (!db.open()) {
            status = dbError(tr("Could not open the cache %1: %2")
                                 .arg(QDir::toNativeSeparators(options.path), db.lastError().text()));
        } else {
            QSqlQuery query(db);
            for (const auto &pragma : kPragmas) {
                // Step to the end: switching a new file to WAL returns its row ("wal") before it writes the header,
                // so a failed write (R3: disk full, I/O error) shows only on the next step — and the connection
                // would then report WAL while the file stays in rollback mode.
                bool ok = query.exec(QString::fromLatin1(pragma.set));
                while (ok && query.next()) {
                }
                if (!ok || query.lastError().isValid()) {
                    qCWarning(lcDb) << "PRAGMA failed:" << pragma.set << query.lastError().text();
                    status = dbError(tr("Could not set up the cache %1 (%2): %3")
                                         .arg(QDir::toNativeSeparators(options.path), QLatin1StringView(pragma.set),
                                              query.lastError().text()));
                    break;
                }
                query.finish();
            }
            if (status)
                status = verifyPragmas(db);
        }
    }
    if (!status) {
        QSqlDatabase::removeDatabase(name);
        return status.error();
    }
    qCDebug(lcDb) << "opened" << name;
    return std::shared_ptr<DatabaseConnection>(new DatabaseConnection(name, options.path));
}

} // namespace Tillbridge::Core
