// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"
#include "core/money/decimal.h"
#include "core/money/rounding.h"
#include "core/result.h"

#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QString>

namespace Tillbridge::Core {

/**
 * An amount of money: a signed count of the currency's minor units (öre, pence) and the currency. Never a double,
 * not even in between. Arithmetic is overflow-checked and refuses to mix currencies; every rounding names its mode.
 */
class Money
{
public:
    /** How a display string shows the currency. */
    enum class CurrencyDisplay { None, Code };

    Money() = default; ///< invalid: no currency
    Money(qint64 minorUnits, Currency currency)
        : m_minor(minorUnits)
        , m_currency(currency)
    {
    }
    static Money zero(Currency currency) { return Money(0, currency); }

    /**
     * Parses a decimal string such as Sitoo's "123.50", "-2990.00" or "5.000" exactly. Decimals beyond the
     * currency's exponent are accepted only when they are zeros ("5.000" SEK is 5.00 SEK; "5.001" SEK is an error).
     */
    static Result<Money> parse(QStringView text, Currency currency);

    /** Converts an exact decimal in major units (e.g. VAT computed to 4 decimals) to minor units, rounding as told. */
    static Result<Money> fromDecimal(const Decimal &majorUnits, Currency currency, RoundingMode mode);

    bool isValid() const { return m_currency.isValid(); }
    qint64 minorUnits() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    /** The same amount as an exact decimal in major units (scale = the currency's exponent). */
    Decimal toDecimal() const { return Decimal(m_minor, m_currency.exponent()); }

    /** Exact wire text with the currency's decimals and a point: "-2990.00", "150" (JPY), "1.250" (KWD). */
    QString toWireString() const;

    /** For people: grouping, decimal separator and minus sign from the locale; "1 234,50 SEK" in sv_SE. */
    QString toDisplayString(const QLocale &locale, CurrencyDisplay display = CurrencyDisplay::Code) const;

    Result<Money> added(const Money &other) const;
    Result<Money> subtracted(const Money &other) const;
    Result<Money> multiplied(qint64 factor) const;
    Result<Money> negated() const;
    Result<Money> abs() const;

    /**
     * This amount times a fraction, rounded once with the given mode. The intermediate is exact (128-bit).
     */
    Result<Money> multipliedByFraction(qint64 numerator, qint64 denominator, RoundingMode mode) const;

    /**
     * Splits this amount across parts in proportion to the weights so that the parts add up to exactly this
     * amount: no minor unit is lost or created. Uses the largest-remainder method; ties go to the earlier part.
     * Negative amounts split as the mirror of the positive ones. Weights must be >= 0 with a positive sum.
     */
    Result<QList<Money>> allocated(const QList<qint64> &weights) const;

    /** Splits into n nearly equal parts (the first parts get the extra minor units). */
    Result<QList<Money>> split(int parts) const;

    int compare(const Money &other) const; ///< same currency only (asserts); -1, 0, 1
    bool operator==(const Money &other) const { return m_currency == other.m_currency && m_minor == other.m_minor; }
    bool operator!=(const Money &other) const { return !(*this == other); }

private:
    Result<Money> checkedSameCurrency(const Money &other) const;

    qint64 m_minor = 0;
    Currency m_currency;
};

/** Sums amounts of one currency with overflow checks. An empty list gives zero in the given currency. */
Result<Money> sum(const QList<Money> &amounts, Currency currency);

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::Money)
