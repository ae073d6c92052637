// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/vatrate.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::VatRate", text);
}
constexpr qint64 kHundredPercent = 100 * VatRate::kUnitsPerPercent;

// amount × rate / (100 % [+ rate]) in units of 10^-decimals of the major unit, rounded once.
Result<Decimal> vatPrecise(const Money &amount, qint64 rateUnits, bool fromGross, int decimals, RoundingMode mode)
{
    if (decimals < 0 || decimals > Decimal::kMaxScale)
        return Error{ErrorCode::InvalidInput, tr("VAT can be computed to between 0 and 18 decimals.")};
    const int exponent = amount.currency().exponent();
    Int128 numerator = 0;
    if (__builtin_mul_overflow(Int128(amount.minorUnits()) * rateUnits, Int128(Rounding::powerOfTen(decimals)),
                               &numerator)) {
        return Error{ErrorCode::Overflow, tr("The VAT amount is too large to be represented exactly.")};
    }
    Int128 denominator = Int128(fromGross ? kHundredPercent + rateUnits : kHundredPercent);
    // Minor units carry 10^-exponent; move that scale into the denominator or numerator.
    denominator *= Rounding::powerOfTen(exponent);
    const auto units = Rounding::divide(numerator, denominator, mode);
    if (!units)
        return Error{ErrorCode::Overflow, tr("The VAT amount is too large to be represented exactly.")};
    return Decimal(*units, decimals);
}
} // namespace

Result<VatRate> VatRate::parse(QStringView text)
{
    auto decimal = Decimal::parse(text);
    if (!decimal)
        return Error{ErrorCode::InvalidInput, tr("“%1” is not a VAT rate: %2").arg(text, decimal.errorString())};
    if (decimal->isNegative())
        return Error{ErrorCode::InvalidInput, tr("A VAT rate cannot be negative (“%1”).").arg(text)};
    if (decimal->scale() > kScale) {
        auto trimmed = decimal->rescaled(kScale, RoundingMode::TowardZero);
        if (!trimmed || trimmed->compare(*decimal) != 0)
            return Error{ErrorCode::InvalidInput, tr("“%1” has more than four decimals for a VAT rate.").arg(text)};
    }
    auto units = decimal->rescaled(kScale, RoundingMode::TowardZero);
    if (!units || units->units() >= 1000 * kUnitsPerPercent)
        return Error{ErrorCode::InvalidInput, tr("“%1” % is not a plausible VAT rate.").arg(text)};
    return VatRate(units->units());
}

QString VatRate::toString() const
{
    QString text = percent().toString();
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

QString VatRate::toDisplayString(const QLocale &locale) const
{
    QString text = toString();
    text.replace(u'.', locale.decimalPoint());
    return text + QChar::Nbsp + locale.percent();
}

Result<Money> VatRate::vatFromNet(const Money &net, RoundingMode mode) const
{
    return net.multipliedByFraction(m_units, kHundredPercent, mode);
}

Result<Money> VatRate::vatFromGross(const Money &gross, RoundingMode mode) const
{
    return gross.multipliedByFraction(m_units, kHundredPercent + m_units, mode);
}

Result<Money> VatRate::netFromGross(const Money &gross, RoundingMode mode) const
{
    auto vat = vatFromGross(gross, mode);
    if (!vat)
        return vat;
    return gross.subtracted(*vat);
}

Result<Decimal> VatRate::vatFromNetPrecise(const Money &net, int decimals, RoundingMode mode) const
{
    return vatPrecise(net, m_units, false, decimals, mode);
}

Result<Decimal> VatRate::vatFromGrossPrecise(const Money &gross, int decimals, RoundingMode mode) const
{
    return vatPrecise(gross, m_units, true, decimals, mode);
}

} // namespace Tillbridge::Core
