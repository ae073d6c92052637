// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"
#include "core/money/decimal.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tillbridge::Core {

/**
 * Whether a field must carry a value. Sitoo sends JSON null for unknown values almost anywhere (sitoo-api.md §1.5),
 * and a `fields` projection leaves fields out, so every read says explicitly what absence means.
 */
enum class SitooField {
    Required, ///< absent or null is a problem
    Optional, ///< absent or null gives no value and no problem
};

/**
 * Tolerant, exact readers for the fields of one Sitoo JSON object, shared by every Sitoo parser.
 *
 * Each reader returns the value, or no value. No value with no new problem means "absent or null" (Optional fields
 * only); a value that is present but cannot be understood always adds a problem that names the place, the field
 * and the bad value, in words a finance or data person can act on. Nothing is defaulted silently, and no amount
 * ever passes through floating point: money and decimal fields are strings on the wire and are parsed exactly.
 *
 * The reader appends to a problem list owned by the caller, so that one order collects every problem it has.
 */
class SitooJsonReader
{
public:
    /**
     * @param object the Sitoo object to read
     * @param where how problems name the object, e.g. "Order 20001, line 2"
     * @param problems where problems are appended (must outlive the reader)
     * @param fieldPrefix for nested objects: problems name fields as "prefix.key" (e.g. "additionaldata.pos-timezone")
     */
    SitooJsonReader(const QJsonObject &object, const QString &where, QStringList *problems,
                    const QString &fieldPrefix = QString());

    /** The object being read. */
    const QJsonObject &object() const { return m_object; }
    /** How problems name the object ("Order 20001, line 2"). */
    const QString &where() const { return m_where; }
    /** Number of problems in the shared list so far (to tell "absent" from "bad" after an Optional read). */
    qsizetype problemCount() const { return m_problems->size(); }
    /** The shared problem list, for readers of elements nested in this object (list items). */
    QStringList *problemList() const { return m_problems; }

    /** True when the key exists, even with a null value. */
    bool isPresent(const char *key) const;
    /** True when the key exists and is not null. */
    bool hasValue(const char *key) const;

    /**
     * A money string ("123.50", "-199.00") in the given currency, exact. JSON numbers are refused: Sitoo sends money
     * as text, and a number may already have been through floating point. With an invalid currency (the order's
     * currency was itself a problem) the text is only checked for syntax and no value is returned.
     */
    std::optional<Money> money(const char *key, Currency currency, SitooField need = SitooField::Required);

    /** A decimal string ("5.000", "-1.000") as an exact Decimal. JSON numbers are refused, as for money. */
    std::optional<Decimal> decimal(const char *key, SitooField need = SitooField::Required);

    /**
     * A whole number given as a JSON integer or as text of digits ("20001"; additionaldata values are always text).
     * An empty string counts as null ("is empty" when Required). Fractions, exponents beyond exact integers and other
     * types are problems.
     */
    std::optional<qint64> integer(const char *key, SitooField need = SitooField::Required);

    /** As integer(), limited to the range of int (enum codes, line indexes). */
    std::optional<int> smallInteger(const char *key, SitooField need = SitooField::Required);

    /**
     * Text; null or absent gives an empty string (a problem only when Required). A JSON integer is accepted as its
     * decimal text (Sitoo mixes the two for ids such as store external ids and categories); other types are problems.
     */
    QString string(const char *key, SitooField need = SitooField::Optional);

    /** A Sitoo date: Unix seconds as an integer (or text of digits), returned in UTC. Negative values are refused. */
    std::optional<QDateTime> date(const char *key, SitooField need = SitooField::Required);

    /** true/false; also 0/1 and the texts "true", "false", "1", "0" that loosely typed back ends produce. */
    std::optional<bool> boolean(const char *key, SitooField need = SitooField::Required);

    /**
     * A VAT percentage from a JSON number (25, 7.7) or from text ("25", "7.7"), exact. NaN, infinities and negative
     * rates are refused.
     */
    std::optional<VatRate> vatRate(const char *key, SitooField need = SitooField::Required);

    /** An ISO 4217 code ("SEK") that Tillbridge knows; lower case is accepted and upper-cased. */
    std::optional<Currency> currency(const char *key, SitooField need = SitooField::Required);

    /** A JSON array. An empty object `{}` counts as an empty array (loosely typed back ends mix the two). */
    std::optional<QJsonArray> array(const char *key, SitooField need = SitooField::Required);

    /** A JSON object. An empty array `[]` counts as an empty object (PHP encodes an empty map as `[]`). */
    std::optional<QJsonObject> objectField(const char *key, SitooField need = SitooField::Optional);

    /**
     * A reader for a nested object such as "additionaldata", sharing this reader's problem list; its problems name
     * fields as "key.inner". An absent, null or unreadable object gives a reader over an empty object.
     */
    SitooJsonReader nested(const char *key, SitooField need = SitooField::Optional);

    /** Appends a problem about this object: "<where>: <text>". */
    void addProblem(const QString &text);

    /** How a problem shows a JSON value: strings quoted (and shortened), numbers as written, "a list", "null". */
    static QString describe(const QJsonValue &value);

    /**
     * The exact integer held by a JSON number, or nothing when it has a fraction or is too large to be exact.
     * QJsonDocument stores integers that fit in 64 bits exactly, so ids above 2^53 survive.
     */
    static std::optional<qint64> exactInteger(const QJsonValue &value);

    /**
     * The decimal text of a JSON number as it was most likely written: "25", "7.7". See the .cpp for why this is
     * exact for decimals of up to 15 significant digits. Empty for NaN, infinities and non-numbers.
     */
    static QString numberText(const QJsonValue &value);

private:
    QString label(const char *key) const;
    /** Handles absent and null: returns true when the caller should stop (no value), adding a problem if Required. */
    bool isMissing(const char *key, const QJsonValue &value, SitooField need);
    /** As isMissing(), and "" counts as null too (for ids, dates, enums and flags). */
    bool isMissingOrEmptyText(const char *key, const QJsonValue &value, SitooField need);

    QJsonObject m_object;
    QString m_where;
    QStringList *m_problems = nullptr;
    QString m_fieldPrefix;
};

/**
 * A JSON value as compact text, including bare values (QJsonDocument holds only objects and arrays). Lossless for
 * Sitoo's data: its money and decimals are strings.
 */
QByteArray compactJsonText(const QJsonValue &value);

} // namespace Tillbridge::Core
