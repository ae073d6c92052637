// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/auditdetails.h"

#include <QJsonValue>

#include <algorithm>

namespace Tillbridge::Core {

namespace {
char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

// One character below 0x80 as Qt's writer escapes it: the quote, the backslash and the control characters escaped
// (the short forms where JSON has them), the rest as is.
void appendAscii(QByteArray &out, char16_t unit)
{
    switch (unit) {
    case u'"':
        out += "\\\"";
        return;
    case u'\\':
        out += "\\\\";
        return;
    case u'\b':
        out += "\\b";
        return;
    case u'\f':
        out += "\\f";
        return;
    case u'\n':
        out += "\\n";
        return;
    case u'\r':
        out += "\\r";
        return;
    case u'\t':
        out += "\\t";
        return;
    default:
        if (unit < 0x20) {
            out += "\\u00";
            out += hexDigit(unit >> 4);
            out += hexDigit(unit & 0xf);
        } else {
            out += char(unit);
        }
    }
}

void appendUtf8(QByteArray &out, char32_t code)
{
    if (code < 0x800) {
        out += char(0xc0 | (code >> 6));
    } else if (code < 0x10000) {
        out += char(0xe0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3f));
    } else {
        out += char(0xf0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3f));
        out += char(0x80 | ((code >> 6) & 0x3f));
    }
    out += char(0x80 | (code & 0x3f));
}

// A key: Latin-1, so every character is one code point.
void appendString(QByteArray &out, QLatin1StringView text)
{
    out += '"';
    for (const char c : text) {
        const auto unit = char16_t(uchar(c));
        if (unit < 0x80)
            appendAscii(out, unit);
        else
            appendUtf8(out, unit);
    }
    out += '"';
}

// A JSON string as Qt's writer escapes it: the quote, the backslash and the control characters escaped (the short
// forms where JSON has them), everything else as UTF-8, and a lone surrogate, which has no UTF-8, as \uXXXX.
void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const char16_t *at = text.utf16();
    const char16_t *const end = at + text.size();
    while (at != end) {
        const char16_t unit = *at++;
        if (unit < 0x80) {
            appendAscii(out, unit);
        } else if (QChar::isHighSurrogate(unit) && at != end && QChar::isLowSurrogate(*at)) {
            appendUtf8(out, QChar::surrogateToUcs4(unit, *at++));
        } else if (QChar::isSurrogate(unit)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hexDigit((unit >> shift) & 0xf);
        } else {
            appendUtf8(out, unit);
        }
    }
    out += '"';
}
} // namespace

AuditDetails &AuditDetails::insert(QLatin1StringView key, const QString &value)
{
    m_entries.append({key, value});
    return *this;
}

AuditDetails &AuditDetails::insert(QLatin1StringView key, qint64 value)
{
    m_entries.append({key, value});
    return *this;
}

AuditDetails &AuditDetails::insert(QLatin1StringView key, bool value)
{
    m_entries.append({key, value});
    return *this;
}

QByteArray AuditDetails::toCompactJson() const
{
    // QJsonObject keeps one value per key, the last one inserted, in key order.
    QList<const Entry *> entries;
    entries.reserve(m_entries.size());
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        const bool replaced =
            std::any_of(entries.cbegin(), entries.cend(), [&it](const Entry *kept) { return kept->key == it->key; });
        if (!replaced)
            entries.append(&*it);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry *a, const Entry *b) { return a->key < b->key; });

    QByteArray out;
    out.reserve(256);
    out += '{';
    for (const Entry *entry : std::as_const(entries)) {
        if (out.size() > 1)
            out += ',';
        appendString(out, entry->key);
        out += ':';
        if (const auto *text = std::get_if<QString>(&entry->value)) {
            appendString(out, QStringView(*text));
        } else if (const auto *number = std::get_if<qint64>(&entry->value)) {
            out += DecimalText(*number).view();
        } else {
            out += std::get<bool>(entry->value) ? "true" : "false";
        }
    }
    out += '}';
    return out;
}

QJsonObject AuditDetails::toObject() const
{
    QJsonObject object;
    for (const Entry &entry : m_entries) {
        const QString key(entry.key);
        if (const auto *text = std::get_if<QString>(&entry.value))
            object.insert(key, *text);
        else if (const auto *number = std::get_if<qint64>(&entry.value))
            object.insert(key, *number);
        else
            object.insert(key, std::get<bool>(entry.value));
    }
    return object;
}

} // namespace Tillbridge::Core
