// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/syncstaterepository.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::SyncStateRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "sync cursors:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The sync positions could not be read or saved: %1").arg(query.lastError().text())};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}


Status checkKey(const QString &source, const QString &account, const QString &stream)
{
    if (source.trimmed().isEmpty() || account.trimmed().isEmpty() || stream.trimmed().isEmpty())
        return invalid(tr("A sync position needs a source, an account and a stream."));
    return Status::success();
}

Status upsert(DbTransaction &tx, const QString &source, const QString &account, const QString &stream,
              const QString &cursor)
{
    QSqlQuery query(tx.database());
    query.prepare(QStringLiteral(
        "INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (source, account, stream) DO UPDATE SET cursor = excluded.cursor, "
        "updated_at = excluded.updated_at"));
    query.addBindValue(source);
    query.addBindValue(account);
    query.addBindValue(stream);
    query.addBindValue(cursor.isNull() ? QStringLiteral("") : cursor); // a null QString would bind as NULL
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return sqlError(query, "set");
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::Database,
                     tr("The sync position of %1/%2/%3 was not saved.").arg(source, account, stream)};
    return Status::success();
}

} // namespace

SyncStateRepository::SyncStateRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<QString>> SyncStateRepository::cursor(const QString &source, const QString &account,
                                                           const QString &stream) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT cursor FROM sync_cursors WHERE source = ? AND account = ? AND stream = ?"));
    query.addBindValue(source);
    query.addBindValue(account);
    query.addBindValue(stream);
    if (!query.exec())
        return sqlError(query, "read");
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status SyncStateRepository::setCursor(DbTransaction &tx, const QString &source, const QString &account,
                                      const QString &stream, const QString &cursor)
{
    if (!tx.isActive())
        return Error{ErrorCode::Database, tr("A sync position can only be saved inside an open transaction.")};
    if (auto checked = checkKey(source, account, stream); !checked)
        return checked;
    return upsert(tx, source, account, stream, cursor);
}

Status SyncStateRepository::resetCursor(DbTransaction &tx, const QString &source, const QString &account,
                                        const QString &stream, const QString &cursor, const QString &actor,
                                        const QString &reason)
{
    if (!tx.isActive())
        return Error{ErrorCode::Database, tr("A sync position can only be saved inside an open transaction.")};
    if (auto checked = checkKey(source, account, stream); !checked)
        return checked;
    if (actor.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return invalid(tr("Moving a sync position by hand needs the name of who does it and a reason."));
    return tx.atomically([&]() -> Status {
        QSqlQuery query(tx.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT cursor FROM sync_cursors WHERE source = ? AND account = ? "
                                     "AND stream = ?"));
        query.addBindValue(source);
        query.addBindValue(account);
        query.addBindValue(stream);
        if (!query.exec())
            return sqlError(query, "read");
        const QJsonValue previous = query.next() ? QJsonValue(query.value(0).toString()) : QJsonValue();
        query.finish();
        if (auto saved = upsert(tx, source, account, stream, cursor); !saved)
            return saved;
        AuditEvent event;
        event.actor = actor;
        event.action = QStringLiteral("sync.cursor-reset");
        event.entityType = QStringLiteral("sync-cursor");
        event.entityId = source + u'/' + account + u'/' + stream;
        event.details = QJsonObject{{QStringLiteral("source"), source},
                                    {QStringLiteral("account"), account},
                                    {QStringLiteral("stream"), stream},
                                    {QStringLiteral("old_cursor"), previous},
                                    {QStringLiteral("new_cursor"), cursor},
                                    {QStringLiteral("reason"), reason}};
        if (auto appended = AuditChain::append(tx, event); !appended)
            return appended.error();
        return Status::success();
    });
}

Result<QList<SyncCursor>> SyncStateRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT source, account, stream, cursor, updated_at FROM sync_cursors "
                                   "ORDER BY source, account, stream")))
        return sqlError(query, "all");
    QList<SyncCursor> cursors;
    while (query.next()) {
        cursors.append(SyncCursor{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                  query.value(3).toString(),
                                  QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs)});
    }
    if (query.lastError().isValid())
        return sqlError(query, "all");
    return cursors;
}

} // namespace Tillbridge::Core
