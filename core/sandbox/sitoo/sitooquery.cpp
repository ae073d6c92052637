// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sitoo/sitooquery.h"

namespace Tillbridge::Sandbox {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {
std::optional<qint64> toInteger(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}
} // namespace

SitooQuery::SitooQuery(const QUrlQuery &query)
    : m_query(query)
{
}

bool SitooQuery::has(const QString &key) const
{
    return m_query.hasQueryItem(key);
}

QString SitooQuery::value(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList SitooQuery::list(const QString &key) const
{
    QStringList values;
    for (const QString &item : m_query.allQueryItemValues(key, QUrl::FullyDecoded)) {
        for (const QString &part : item.split(u',')) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty())
                values.append(trimmed);
        }
    }
    return values;
}

Core::Result<std::optional<qint64>> SitooQuery::integer(const QString &key) const
{
    if (!has(key))
        return std::optional<qint64>();
    const auto parsed = toInteger(value(key).trimmed());
    if (!parsed)
        return Error{ErrorCode::InvalidInput, u"Parameter %1 must be an integer"_s.arg(key)};
    return parsed;
}

Core::Result<QList<qint64>> SitooQuery::integerList(const QString &key) const
{
    QList<qint64> values;
    for (const QString &text : list(key)) {
        const auto parsed = toInteger(text);
        if (!parsed)
            return Error{ErrorCode::InvalidInput, u"Parameter %1 must be a list of integers"_s.arg(key)};
        values.append(*parsed);
    }
    return values;
}

Core::Result<std::optional<bool>> SitooQuery::boolean(const QString &key) const
{
    if (!has(key))
        return std::optional<bool>();
    const QString text = value(key).trimmed().toLower();
    if (text == u"true"_s || text == u"1"_s)
        return std::optional<bool>(true);
    if (text == u"false"_s || text == u"0"_s)
        return std::optional<bool>(false);
    return Error{ErrorCode::InvalidInput, u"Parameter %1 must be true or false"_s.arg(key)};
}

Core::Result<SitooPaging> SitooQuery::paging() const
{
    SitooPaging paging;
    const auto start = integer(u"start"_s);
    const auto num = integer(u"num"_s);
    if (!start)
        return start.error();
    if (!num)
        return num.error();
    if (start.value())
        paging.start = *start.value();
    if (num.value())
        paging.num = *num.value();
    if (paging.start < 0 || paging.num < 0)
        return Error{ErrorCode::InvalidInput, u"start and num cannot be negative"_s};
    return paging;
}

QJsonObject SitooQuery::project(const QJsonObject &object, const QStringList &fields)
{
    if (fields.isEmpty())
        return object;
    QJsonObject projected;
    for (const QString &field : fields) {
        const auto it = object.constFind(field);
        if (it != object.constEnd())
            projected.insert(field, it.value());
    }
    return projected;
}

} // namespace Tillbridge::Sandbox
