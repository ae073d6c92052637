// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/scenario/vatsplit.h"

namespace Tillbridge::Sandbox::VatSplit {

namespace {
constexpr qint64 kHundredPercent = 100 * Core::VatRate::kUnitsPerPercent;
} // namespace

Core::Money netOfGross(const Core::Money &gross, const Core::VatRate &rate, Core::RoundingMode mode)
{
    // The scenario only handles shop-sized amounts, far from 64-bit limits: an overflow here is a programming error.
    auto net = gross.multipliedByFraction(kHundredPercent, kHundredPercent + rate.units(), mode);
    Q_ASSERT(net.ok());
    return net.valueOr(Core::Money::zero(gross.currency()));
}

bool isNetTie(const Core::Money &gross, const Core::VatRate &rate)
{
    const Core::Int128 numerator = Core::Int128(gross.minorUnits()) * kHundredPercent;
    const Core::Int128 denominator = kHundredPercent + rate.units();
    return numerator % denominator != 0 && (numerator * 2) % denominator == 0;
}

} // namespace Tillbridge::Sandbox::VatSplit
