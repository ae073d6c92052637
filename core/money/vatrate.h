// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/decimal.h"
#include "core/money/money.h"
#include "core/result.h"

#include <QMetaType>
#include <QString>

namespace Tillbridge::Core {

/**
 * A VAT rate as an exact decimal percentage (25 %, 12 %, 6 %, 20 %, 5 %, 0 %, and rates such as 7.7 % or 5.5 %),
 * held in ten-thousandths of a percent. VAT is computed from it with 128-bit intermediates and one named rounding.
 */
class VatRate
{
public:
    static constexpr int kScale = 4;                  ///< decimals of the percentage that are kept
    static constexpr qint64 kUnitsPerPercent = 10000; ///< 10^kScale

    constexpr VatRate() = default;
    static constexpr VatRate fromPercent(int percent) { return VatRate(qint64(percent) * kUnitsPerPercent); }
    static constexpr VatRate fromUnits(qint64 tenThousandthsOfAPercent) { return VatRate(tenThousandthsOfAPercent); }

    /** Parses "25", "25.00", "7.7" exactly; rejects negatives, more than four decimals and rates of 1000 % or more. */
    static Result<VatRate> parse(QStringView text);

    /** Ten-thousandths of a percent: 25 % is 250000. This is what the cache stores. */
    qint64 units() const { return m_units; }
    Decimal percent() const { return Decimal(m_units, kScale); }
    bool isZero() const { return m_units == 0; }

    /** "25", "12.5", "7.7": the shortest exact text, without a percent sign (for keys and wire formats). */
    QString toString() const;
    /** "25 %", "12,5 %" for people. */
    QString toDisplayString(const QLocale &locale) const;

    /** VAT on a net amount, rounded once to minor units. */
    Result<Money> vatFromNet(const Money &net, RoundingMode mode) const;
    /** VAT contained in a gross (VAT-inclusive) amount: gross × r / (100 + r), rounded once to minor units. */
    Result<Money> vatFromGross(const Money &gross, RoundingMode mode) const;
    /** Net part of a gross amount: gross minus vatFromGross, so that net + VAT == gross exactly. */
    Result<Money> netFromGross(const Money &gross, RoundingMode mode) const;

    /**
     * VAT on a net amount in major units to `decimals` decimals (for example 4 or 6), rounded with the given mode at
     * that precision. Round this to minor units with Money::fromDecimal when the regime's rule says so.
     */
    Result<Decimal> vatFromNetPrecise(const Money &net, int decimals, RoundingMode mode) const;
    Result<Decimal> vatFromGrossPrecise(const Money &gross, int decimals, RoundingMode mode) const;

    bool operator==(const VatRate &other) const { return m_units == other.m_units; }
    bool operator!=(const VatRate &other) const { return m_units != other.m_units; }
    bool operator<(const VatRate &other) const { return m_units < other.m_units; }

private:
    constexpr explicit VatRate(qint64 units)
        : m_units(units)
    {
    }

    qint64 m_units = 0;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::VatRate)
