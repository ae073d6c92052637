// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <variant>

namespace Tillbridge::Core {

/**
 * The details of an audit entry written as text directly: the same compact JSON, byte for byte, that
 * QJsonDocument writes for the equivalent QJsonObject (keys in QJsonObject's order, Qt's string escapes), without
 * building one. The engine appends three entries per order it ingests, and building, sorting and serialising a
 * QJsonObject for each was a seventh of the writing thread. Only flat objects of text, whole numbers and booleans,
 * which is what those entries hold; anything richer goes through AuditEvent::details.
 */
class AuditDetails
{
  public:
    AuditDetails &insert(QLatin1StringView key, const QString &value);
    AuditDetails &insert(QLatin1StringView key, qint64 value);
    AuditDetails &insert(QLatin1StringView key, int value) { return insert(key, qint64(value)); }
    AuditDetails &insert(QLatin1StringView key, bool value);
    AuditDetails &insert(QLatin1StringView key, const char *value) = delete; // would silently become a bool

    /** What QJsonDocument(toObject()).toJson(QJsonDocument::Compact) returns. */
    QByteArray toCompactJson() const;
    QJsonObject toObject() const;

  private:
    struct Entry
    {
        QLatin1StringView key;
        std::variant<QString, qint64, bool> value;
    };
    QList<Entry> m_entries;
};

} // namespace Tillbridge::Core
