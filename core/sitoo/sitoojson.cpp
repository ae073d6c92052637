// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sitoo/sitoojson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QCoreApplication>
#include <QLocale>
#include <QVariant>

#include <cmath>
#include <limits>

namespace Tillbridge::Core {

namespace {
// Long strings are shortened in problems so that one bad field cannot flood the exception queue.
constexpr qsizetype kMaxShownTextLength = 60;

// The last second of 9999-12-31 UTC: a date beyond it is garbage, and QDateTime's range checks are not needed.
constexpr qint64 kLatestUnixSeconds = 253402300799;

bool isEmptyText(const QJsonValue &value)
{
    return value.isString() && value.toString().isEmpty();
}
} // namespace

SitooJsonReader::SitooJsonReader(const QJsonObject &object, const QString &where, QStringList *problems,
                                 const QString &fieldPrefix)
    : m_object(object)
    , m_where(where)
    , m_problems(problems)
    , m_fieldPrefix(fieldPrefix)
{
    Q_ASSERT(m_problems);
}

bool SitooJsonReader::isPresent(const char *key) const
{
    return m_object.contains(QLatin1String(key));
}

bool SitooJsonReader::hasValue(const char *key) const
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    return !value.isUndefined() && !value.isNull();
}

QString SitooJsonReader::label(const char *key) const
{
    if (m_fieldPrefix.isEmpty())
        return QString::fromLatin1(key);
    return m_fieldPrefix + u'.' + QLatin1String(key);
}

void SitooJsonReader::addProblem(const QString &text)
{
    m_problems->append(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "%1: %2").arg(m_where, text));
}

bool SitooJsonReader::isMissing(const char *key, const QJsonValue &value, SitooField need)
{
    if (value.isUndefined()) {
        if (need == SitooField::Required) {
            addProblem(
                QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is missing.").arg(label(key)));
        }
        return true;
    }
    if (value.isNull()) {
        if (need == SitooField::Required) {
            addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                                   "\"%1\" is null, but a value is needed.")
                           .arg(label(key)));
        }
        return true;
    }
    return false;
}

bool SitooJsonReader::isMissingOrEmptyText(const char *key, const QJsonValue &value, SitooField need)
{
    // Ids, dates, enums and flags have no meaningful empty text: additionaldata and loosely typed back ends use ""
    // for "none", so it counts as null here (never for amounts, where "" is a broken value).
    if (!isEmptyText(value))
        return isMissing(key, value, need);
    if (need == SitooField::Required) {
        addProblem(
            QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is empty, but a value is needed.")
                .arg(label(key)));
    }
    return true;
}

std::optional<Money> SitooJsonReader::money(const char *key, Currency currency, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    if (!value.isString()) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, but amounts must be text with a point as the "
                                               "decimal separator, such as \"12.50\".")
                       .arg(label(key), describe(value)));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (!currency.isValid()) {
        // The currency is already a problem of its own; still report amounts that are unreadable in any currency.
        if (auto syntax = Decimal::parse(text); !syntax) {
            addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                                   "\"%1\" is %2, which is not an amount: %3")
                           .arg(label(key), describe(value), syntax.errorString()));
        }
        return std::nullopt;
    }
    auto amount = Money::parse(text, currency);
    if (!amount) {
        addProblem(
            QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, which is not an amount: %3")
                .arg(label(key), describe(value), amount.errorString()));
        return std::nullopt;
    }
    return *amount;
}

std::optional<Decimal> SitooJsonReader::decimal(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    if (!value.isString()) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, but quantities must be text with a point as the "
                                               "decimal separator, such as \"5.000\".")
                       .arg(label(key), describe(value)));
        return std::nullopt;
    }
    auto number = Decimal::parse(value.toString());
    if (!number) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, which is not a decimal number: %3")
                       .arg(label(key), describe(value), number.errorString()));
        return std::nullopt;
    }
    return *number;
}

std::optional<qint64> SitooJsonReader::integer(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissingOrEmptyText(key, value, need))
        return std::nullopt;
    if (value.isDouble()) {
        if (auto exact = exactInteger(value))
            return exact;
    } else if (value.isString()) {
        // Text such as "20001": parse exactly, without floating point, and insist on no decimals.
        auto number = Decimal::parse(value.toString());
        if (number && number->scale() == 0)
            return number->units();
    }
    addProblem(
        QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, which is not a whole number.")
            .arg(label(key), describe(value)));
    return std::nullopt;
}

std::optional<int> SitooJsonReader::smallInteger(const char *key, SitooField need)
{
    const auto wide = integer(key, need);
    if (!wide)
        return std::nullopt;
    if (*wide < std::numeric_limits<int>::min() || *wide > std::numeric_limits<int>::max()) {
        addProblem(
            QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, which is out of range.")
                .arg(label(key), QString::number(*wide)));
        return std::nullopt;
    }
    return int(*wide);
}

QString SitooJsonReader::string(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return QString();
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        if (auto exact = exactInteger(value))
            return QString::number(*exact);
    }
    addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, which is not text.")
                   .arg(label(key), describe(value)));
    return QString();
}

std::optional<QDateTime> SitooJsonReader::date(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissingOrEmptyText(key, value, need))
        return std::nullopt;
    std::optional<qint64> seconds;
    if (value.isDouble()) {
        seconds = exactInteger(value);
    } else if (value.isString()) {
        auto number = Decimal::parse(value.toString());
        if (number && number->scale() == 0)
            seconds = number->units();
    }
    if (!seconds || *seconds < 0 || *seconds > kLatestUnixSeconds) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, which is not a date (Sitoo sends dates as whole "
                                               "seconds since 1970-01-01 UTC).")
                       .arg(label(key), describe(value)));
        return std::nullopt;
    }
    return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
}

std::optional<bool> SitooJsonReader::boolean(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissingOrEmptyText(key, value, need))
        return std::nullopt;
    if (value.isBool())
        return value.toBool();
    if (value.isDouble()) {
        const auto exact = exactInteger(value);
        if (exact == 0 || exact == 1)
            return *exact == 1;
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (text == u"true" || text == u"1")
            return true;
        if (text == u"false" || text == u"0")
            return false;
    }
    addProblem(
        QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, which is not true or false.")
            .arg(label(key), describe(value)));
    return std::nullopt;
}

std::optional<VatRate> SitooJsonReader::vatRate(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    QString text;
    if (value.isDouble())
        text = numberText(value);
    else if (value.isString())
        text = value.toString(); // already exact decimal text
    if (!text.isEmpty()) {
        auto rate = VatRate::parse(text);
        if (rate)
            return *rate;
        // VatRate's own message already says what is wrong with the rate ("cannot be negative", ...).
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2: %3")
                       .arg(label(key), describe(value), rate.errorString()));
        return std::nullopt;
    }
    addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                           "\"%1\" is %2, which is not a VAT rate (a percentage such as 25).")
                   .arg(label(key), describe(value)));
    return std::nullopt;
}

std::optional<Currency> SitooJsonReader::currency(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    if (!value.isString()) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, which is not a currency code such as \"SEK\".")
                       .arg(label(key), describe(value)));
        return std::nullopt;
    }
    // ISO 4217 codes are upper case; "sek" is unambiguous, so accept it rather than quarantine a whole order.
    auto currency = Currency::fromCode(value.toString().toUpper());
    if (!currency) {
        addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                               "\"%1\" is %2, which is not a currency Tillbridge can use: %3")
                       .arg(label(key), describe(value), currency.errorString()));
        return std::nullopt;
    }
    return *currency;
}

std::optional<QJsonArray> SitooJsonReader::array(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    if (value.isArray())
        return value.toArray();
    if (value.isObject() && value.toObject().isEmpty())
        return QJsonArray();
    addProblem(
        QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "\"%1\" is %2, but a list was expected.")
            .arg(label(key), describe(value)));
    return std::nullopt;
}

std::optional<QJsonObject> SitooJsonReader::objectField(const char *key, SitooField need)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (isMissing(key, value, need))
        return std::nullopt;
    if (value.isObject())
        return value.toObject();
    if (value.isArray() && value.toArray().isEmpty())
        return QJsonObject();
    addProblem(QCoreApplication::translate("Tillbridge::Core::SitooJsonReader",
                                           "\"%1\" is %2, but an object with named values was expected.")
                   .arg(label(key), describe(value)));
    return std::nullopt;
}

SitooJsonReader SitooJsonReader::nested(const char *key, SitooField need)
{
    const auto inner = objectField(key, need);
    return SitooJsonReader(inner.value_or(QJsonObject()), m_where, m_problems, label(key));
}

QString SitooJsonReader::describe(const QJsonValue &value)
{
    const auto shortened = [](QString text) {
        if (text.size() > kMaxShownTextLength) {
            text.truncate(kMaxShownTextLength);
            text += QChar(0x2026); // …
        }
        return text;
    };
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const QString text = numberText(value);
        return text.isEmpty() ? QStringLiteral("NaN") : shortened(text);
    }
    case QJsonValue::String:
        return u'"' + shortened(value.toString()) + u'"';
    case QJsonValue::Array:
        return QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "a list");
    case QJsonValue::Object:
        return QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Tillbridge::Core::SitooJsonReader", "missing");
}

std::optional<qint64> SitooJsonReader::exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    // QJsonDocument keeps JSON integers that fit in 64 bits as qint64 (also "25.0" and "1e2"); only fractions and
    // out-of-range values are held as double, and those are not exact integers.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return variant.toLongLong();
    return std::nullopt;
}

QString SitooJsonReader::numberText(const QJsonValue &value)
{
    if (!value.isDouble())
        return QString();
    if (auto exact = exactInteger(value))
        return QString::number(*exact);
    const double number = value.toDouble();
    if (!std::isfinite(number))
        return QString();
    // Why this is exact: a JSON number such as 7.7 reaches us as the double nearest to 7.7. Any decimal with at most
    // 15 significant digits (DBL_DIG) maps to a distinct double, so no other decimal of at most 15 digits shares
    // that double. The shortest round-trip representation is the shortest decimal that converts back to the same
    // double; the original text is one such candidate, and any shorter candidate would be another decimal of at
    // most 15 digits mapping to the same double, which cannot exist. So the shortest form is exactly what Sitoo
    // wrote (up to trailing zeros: "25.50" comes back as "25.5", the same value). VAT rates have 1-4 decimals,
    // far inside that bound. 'f' rather than 'g' keeps it out of exponent notation, which Decimal refuses.
    return QString::number(number, 'f', QLocale::FloatingPointShortest);
}

QByteArray compactJsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // QJsonDocument holds only objects and arrays: serialise [value] and drop the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace Tillbridge::Core
