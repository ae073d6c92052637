// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Tillbridge::Core {

/**
 * One entry of the append-only, hash-chained audit trail: who did what to which entity, when, with the details.
 * `action` is a stable dotted code ("schema.migrated", "exception.approved"); the workbench translates it.
 */
struct AuditEvent
{
    qint64 seq = 0;          ///< 1-based position in the chain, assigned on append
    QDateTime occurredAt;    ///< UTC, millisecond precision
    QString actor;           ///< user name, or "system" for the engine
    QString action;
    QString entityType;      ///< "order", "exception", "mapping", "schema", ...
    QString entityId;
    QJsonObject details;     ///< amounts as minor units + currency, never secrets
    QByteArray prevHash;     ///< hex SHA-256 of the previous entry (64 zeros for the first)
    QByteArray hash;         ///< hex SHA-256(prevHash || canonical bytes of this entry)
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::AuditEvent)
