// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/money.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <numeric>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::Money", text);
}
Error overflow()
{
    return Error{ErrorCode::Overflow, tr("The amount is too large to be represented exactly.")};
}
Result<Money> fromWide(Int128 minor, Currency currency)
{
    if (minor > std::numeric_limits<qint64>::max() || minor < std::numeric_limits<qint64>::min())
        return overflow();
    return Money(static_cast<qint64>(minor), currency);
}
} // namespace

Result<Money> Money::parse(QStringView text, Currency currency)
{
    if (!currency.isValid())
        return Error{ErrorCode::InvalidInput, tr("An amount needs a currency.")};
    auto decimal = Decimal::parse(text);
    if (!decimal)
        return decimal.error();
    if (decimal->scale() > currency.exponent()) {
        // Only zeros may be dropped: "5.000" SEK is fine, "5.001" SEK is not a valid SEK amount.
        auto exact = decimal->rescaled(currency.exponent(), RoundingMode::TowardZero);
        if (!exact || exact->compare(*decimal) != 0) {
            return Error{ErrorCode::InvalidInput,
                         tr("“%1” has more decimals than %2 allows (%3).")
                             .arg(text, currency.code())
                             .arg(currency.exponent())};
        }
    }
    return fromDecimal(*decimal, currency, RoundingMode::TowardZero);
}

Result<Money> Money::fromDecimal(const Decimal &majorUnits, Currency currency, RoundingMode mode)
{
    auto rescaled = majorUnits.rescaled(currency.exponent(), mode);
    if (!rescaled)
        return rescaled.error();
    return Money(rescaled->units(), currency);
}

QString Money::toWireString() const
{
    return toDecimal().toString();
}

QString Money::toDisplayString(const QLocale &locale, CurrencyDisplay display) const
{
    // QLocale::toCurrencyString takes a double; format the integer and fraction parts ourselves instead.
    const bool negative = m_minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const int exponent = std::max(0, m_currency.exponent());
    const quint64 scale = quint64(Rounding::powerOfTen(exponent));
    QString text = locale.toString(static_cast<qulonglong>(magnitude / scale));
    if (exponent > 0) {
        text += locale.decimalPoint();
        text += QStringLiteral("%1").arg(magnitude % scale, exponent, 10, QLatin1Char('0'));
    }
    if (negative)
        text.prepend(locale.negativeSign());
    if (display == CurrencyDisplay::Code && m_currency.isValid())
        text += QChar::Nbsp + m_currency.code();
    return text;
}

Result<Money> Money::checkedSameCurrency(const Money &other) const
{
    if (m_currency != other.m_currency) {
        return Error{ErrorCode::CurrencyMismatch,
                     tr("Cannot combine amounts in %1 and %2.").arg(m_currency.code(), other.m_currency.code())};
    }
    return *this;
}

Result<Money> Money::added(const Money &other) const
{
    if (auto same = checkedSameCurrency(other); !same)
        return same;
    return fromWide(Int128(m_minor) + other.m_minor, m_currency);
}

Result<Money> Money::subtracted(const Money &other) const
{
    if (auto same = checkedSameCurrency(other); !same)
        return same;
    return fromWide(Int128(m_minor) - other.m_minor, m_currency);
}

Result<Money> Money::multiplied(qint64 factor) const
{
    return fromWide(Int128(m_minor) * factor, m_currency);
}

Result<Money> Money::negated() const
{
    return fromWide(-Int128(m_minor), m_currency);
}

Result<Money> Money::abs() const
{
    return m_minor < 0 ? negated() : Result<Money>(*this);
}

Result<Money> Money::multipliedByFraction(qint64 numerator, qint64 denominator, RoundingMode mode) const
{
    const auto minor = Rounding::divide(Int128(m_minor) * numerator, denominator, mode);
    if (!minor)
        return denominator == 0 ? Error{ErrorCode::InvalidInput, tr("Division by zero.")} : overflow();
    return Money(*minor, m_currency);
}

Result<QList<Money>> Money::allocated(const QList<qint64> &weights) const
{
    if (weights.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Nothing to split the amount across.")};
    Int128 totalWeight = 0;
    for (qint64 weight : weights) {
        if (weight < 0)
            return Error{ErrorCode::InvalidInput, tr("Split weights cannot be negative.")};
        totalWeight += weight;
    }
    if (totalWeight == 0)
        return Error{ErrorCode::InvalidInput, tr("Split weights add up to zero.")};

    // Allocate the magnitude, then mirror the sign, so a refund splits exactly like its sale.
    const Int128 magnitude = m_minor < 0 ? -Int128(m_minor) : Int128(m_minor);
    QList<Int128> shares(weights.size());
    QList<Int128> remainders(weights.size());
    Int128 allocatedSoFar = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const Int128 product = magnitude * weights.at(i);
        shares[i] = product / totalWeight;
        remainders[i] = product % totalWeight;
        allocatedSoFar += shares[i];
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&remainders](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    // The missing units are fewer than the number of parts (each share lost less than one unit to truncation).
    const auto missing = qsizetype(magnitude - allocatedSoFar);
    for (qsizetype k = 0; k < missing; ++k)
        shares[order[k]] += 1;

    QList<Money> parts;
    parts.reserve(weights.size());
    for (Int128 share : shares)
        parts.append(Money(static_cast<qint64>(m_minor < 0 ? -share : share), m_currency));
    return parts;
}

Result<QList<Money>> Money::split(int parts) const
{
    if (parts <= 0)
        return Error{ErrorCode::InvalidInput, tr("An amount can only be split into one or more parts.")};
    return allocated(QList<qint64>(parts, 1));
}

int Money::compare(const Money &other) const
{
    Q_ASSERT(m_currency == other.m_currency);
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

Result<Money> sum(const QList<Money> &amounts, Currency currency)
{
    Money total = Money::zero(currency);
    for (const Money &amount : amounts) {
        auto next = total.added(amount);
        if (!next)
            return next;
        total = *next;
    }
    return total;
}

} // namespace Tillbridge::Core
