// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <charconv>
#include <variant>

namespace Tillbridge::Core {

/**
 * The decimal digits of a whole number, as QByteArray::number() writes them, held on the stack: the audit trail
 * formats several numbers for every entry, and QByteArray::number allocates and goes through the locale code.
 */
class DecimalText
{
public:
    explicit DecimalText(qint64 value)
        : m_end(std::to_chars(m_digits, m_digits + sizeof m_digits, value).ptr)
    {
    }
    QByteArrayView view() const { return QByteArrayView(m_digits, m_end - m_digits); }

private:
    char m_digits[24];
    const char *m_end;
};

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
