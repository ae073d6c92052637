// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/rounding.h"
#include "core/result.h"

#include <QString>
#include <QStringView>

namespace Tillbridge::Core {

/**
 * An exact decimal number: units × 10^-scale, with 0 <= scale <= 18. Used for Sitoo's decimal strings
 * ("decimalquantitytotal": "2.000"), VAT rates and high-precision intermediates (VAT to 4-6 decimals before it is
 * rounded to minor units). There is no conversion to or from floating point, on purpose.
 */
class Decimal
{
public:
    static constexpr int kMaxScale = 18;

    constexpr Decimal() = default;
    constexpr Decimal(qint64 units, int scale)
        : m_units(units)
        , m_scale(scale)
    {
    }

    /**
     * Parses "123", "-2990.00", "5.000", "+1.5" exactly. Rejects empty text, white space, exponents ("1e3"), commas
     * ("12,50"), a missing digit before or after the point (".5", "5."), more than 18 decimals and values that do not
     * fit in 64 bits, each with a message that says which.
     */
    static Result<Decimal> parse(QStringView text);

    qint64 units() const { return m_units; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_units == 0; }
    bool isNegative() const { return m_units < 0; }

    /** The same value with another number of decimals, rounded with the given mode when decimals are dropped. */
    Result<Decimal> rescaled(int scale, RoundingMode mode) const;

    /** Exact product; fails only on overflow or when the scales add up to more than kMaxScale. */
    Result<Decimal> multiplied(const Decimal &other) const;

    /** Exact text with exactly scale() decimals: "-2990.00". */
    QString toString() const;

    /** Value comparison, independent of scale (1.50 == 1.5). */
    int compare(const Decimal &other) const;
    bool operator==(const Decimal &other) const { return compare(other) == 0; }
    bool operator<(const Decimal &other) const { return compare(other) < 0; }

private:
    qint64 m_units = 0;
    int m_scale = 0;
};

} // namespace Tillbridge::Core
