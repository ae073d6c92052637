// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace Tillbridge::Sandbox {

/** Offset paging of a Sitoo collection (sitoo-api.md §2.1): 0-based `start`, `num` items, defaults 0 and 10. */
struct SitooPaging
{
    qint64 start = 0;
    qint64 num = 10;
};

/**
 * The query string of one Sitoo request, read the way Sitoo reads it: multi-value filters as comma lists or repeated
 * keys (§2.3), `start`/`num` paging, `fields` projection (§2.2) and literal `true`/`false` booleans. Malformed values
 * are errors (answered with 400), never silently ignored.
 */
class SitooQuery
{
public:
    explicit SitooQuery(const QUrlQuery &query);

    bool has(const QString &key) const;
    /** The first value, fully decoded; empty when absent. */
    QString value(const QString &key) const;
    /** All values: comma-separated and repeated keys combined, trimmed, empties dropped. */
    QStringList list(const QString &key) const;
    /** An optional integer; an error if present but not an integer. */
    Core::Result<std::optional<qint64>> integer(const QString &key) const;
    /** A list of integers; an error if any element is not one. */
    Core::Result<QList<qint64>> integerList(const QString &key) const;
    /** An optional boolean: "true"/"false" (also "1"/"0"); anything else is an error. */
    Core::Result<std::optional<bool>> boolean(const QString &key) const;
    /** `start` and `num`: non-negative integers, defaults 0 and 10. */
    Core::Result<SitooPaging> paging() const;
    /** The `fields` projection, empty when absent. */
    QStringList fields() const { return list(QStringLiteral("fields")); }

    /** The object reduced to the given top-level fields (all of it when `fields` is empty). */
    static QJsonObject project(const QJsonObject &object, const QStringList &fields);

private:
    QUrlQuery m_query;
};

} // namespace Tillbridge::Sandbox
