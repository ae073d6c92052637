// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/validation/linevatassessment.h"

#include "core/money/rounding.h"

#include <array>

namespace Tillbridge::Core {

namespace {

constexpr qint64 kHundredPercent = 100 * VatRate::kUnitsPerPercent;
// Keeps every intermediate below 10^15 × 10^7 (rate) × 10^6 (scale) × 2 < 2^127: far beyond any till receipt.
constexpr qint64 kMaxBase = 1'000'000'000'000'000;

constexpr std::array kAllMethods{
    // The two Sitoo produces come first: nearly every line is settled by them.
    VatLineMethod::RowNetFirst,   VatLineMethod::RowVatFirst,  VatLineMethod::UnitNetFirst,
    VatLineMethod::UnitVatFirst,  VatLineMethod::UnitHalfMinor, VatLineMethod::UnitPrecise3,
    VatLineMethod::RowPrecise4,   VatLineMethod::RowTruncate6, VatLineMethod::RowWholeMajor,
};

// The methods that are a single half-up rounding and therefore have a half-even twin that differs at exact ties.
constexpr std::array kTieMethods{VatLineMethod::RowNetFirst, VatLineMethod::RowVatFirst, VatLineMethod::UnitNetFirst,
                                 VatLineMethod::UnitVatFirst};

/** One line in sign-normalised minor units: the refund of a sale line becomes that sale line. */
struct Figures
{
    qint64 base = 0;     // >= 0: gross or net
    qint64 vat = 0;      // the line's VAT times the sign of the base
    qint64 quantity = 0; // >= 0; 0 when the line is not a count of equal units
    qint64 rate = 0;     // VatRate units
    int exponent = 2;
    bool gross = true;

    Int128 denominator() const { return Int128(kHundredPercent) + (gross ? rate : 0); }
    // The unit price when the line is a whole number of equal units.
    std::optional<qint64> unitBase() const
    {
        if (quantity < 1 || base % quantity != 0)
            return std::nullopt;
        return base / quantity;
    }
};

qint64 roundedOr(std::optional<qint64> value, qint64 fallback)
{
    return value.value_or(fallback);
}

// VAT of `base` at the line's rate in units of 10^-scale of a minor unit, rounded once.
std::optional<qint64> scaledVat(const Figures &f, qint64 base, qint64 scale, RoundingMode mode)
{
    return Rounding::divide(Int128(base) * f.rate * scale, f.denominator(), mode);
}

// Sitoo's rounding: the net is rounded and the VAT is what is left of the gross.
std::optional<qint64> netFirstVat(const Figures &f, qint64 gross, RoundingMode mode)
{
    const auto net = Rounding::divide(Int128(gross) * kHundredPercent, f.denominator(), mode);
    if (!net)
        return std::nullopt;
    return gross - *net;
}

// HMRC §17.5.2: a standard- or reduced-rated unit never carries nil VAT; the smallest step is charged instead.
qint64 neverNil(qint64 steps, const Figures &f, qint64 unitBase)
{
    return steps == 0 && f.rate > 0 && unitBase > 0 ? 1 : steps;
}

std::optional<qint64> candidate(VatLineMethod method, const Figures &f, RoundingMode mode)
{
    switch (method) {
    case VatLineMethod::RowNetFirst:
        if (!f.gross)
            return std::nullopt;
        return netFirstVat(f, f.base, mode);
    case VatLineMethod::RowVatFirst:
        return scaledVat(f, f.base, 1, mode);
    case VatLineMethod::UnitNetFirst: {
        const auto unit = f.unitBase();
        if (!f.gross || !unit)
            return std::nullopt;
        const auto vat = netFirstVat(f, *unit, mode);
        return vat ? std::optional<qint64>(*vat * f.quantity) : std::nullopt;
    }
    case VatLineMethod::UnitVatFirst: {
        const auto unit = f.unitBase();
        if (!unit)
            return std::nullopt;
        const auto vat = scaledVat(f, *unit, 1, mode);
        return vat ? std::optional<qint64>(neverNil(*vat, f, *unit) * f.quantity) : std::nullopt;
    }
    case VatLineMethod::UnitHalfMinor: {
        const auto unit = f.unitBase();
        if (!unit)
            return std::nullopt;
        const auto halves = scaledVat(f, *unit, 2, RoundingMode::HalfAwayFromZero);
        if (!halves)
            return std::nullopt;
        // The line is a whole number of minor units: an odd number of half pennies rounds half-up once more.
        return Rounding::divide(Int128(neverNil(*halves, f, *unit)) * f.quantity, 2, RoundingMode::HalfAwayFromZero);
    }
    case VatLineMethod::UnitPrecise3: {
        const auto unit = f.unitBase();
        if (!unit || f.exponent > 3)
            return std::nullopt;
        // Four decimals of the major unit, rounded to three (£0.0024 → £0.002), then the line to minor units.
        const qint64 toFour = Rounding::powerOfTen(4 - f.exponent);
        const auto four = scaledVat(f, *unit, toFour, RoundingMode::HalfAwayFromZero);
        if (!four)
            return std::nullopt;
        const auto three = Rounding::divide(*four, 10, RoundingMode::HalfAwayFromZero);
        if (!three)
            return std::nullopt;
        return Rounding::divide(Int128(neverNil(*three, f, *unit)) * f.quantity, toFour / 10,
                                RoundingMode::HalfAwayFromZero);
    }
    case VatLineMethod::RowPrecise4: {
        if (f.exponent > 4)
            return std::nullopt;
        const qint64 scale = Rounding::powerOfTen(4 - f.exponent);
        const auto four = scaledVat(f, f.base, scale, RoundingMode::HalfAwayFromZero);
        return four ? Rounding::divide(*four, scale, RoundingMode::HalfAwayFromZero) : std::nullopt;
    }
    case VatLineMethod::RowTruncate6: {
        if (f.exponent > 6)
            return std::nullopt;
        const qint64 scale = Rounding::powerOfTen(6 - f.exponent);
        const auto six = scaledVat(f, f.base, scale, RoundingMode::TowardZero);
        return six ? Rounding::divide(*six, scale, RoundingMode::HalfAwayFromZero) : std::nullopt;
    }
    case VatLineMethod::RowWholeMajor: {
        const qint64 unit = Rounding::powerOfTen(f.exponent);
        const auto whole = Rounding::divide(Int128(f.base) * f.rate, f.denominator() * unit, mode);
        return whole ? std::optional<qint64>(*whole * unit) : std::nullopt;
    }
    }
    return std::nullopt;
}

bool isTieMethodOnNet(VatLineMethod method)
{
    return method == VatLineMethod::RowNetFirst || method == VatLineMethod::UnitNetFirst;
}

bool isUnitMethod(VatLineMethod method)
{
    return method == VatLineMethod::UnitNetFirst || method == VatLineMethod::UnitVatFirst
        || method == VatLineMethod::UnitHalfMinor || method == VatLineMethod::UnitPrecise3;
}

// How far beyond half a minor unit the VAT lies from the exact VAT, in whole minor units (rounded up).
qint64 allowance(const Figures &f)
{
    const Int128 denominator = f.denominator();
    Int128 twiceOff = (Int128(f.vat) * denominator - Int128(f.base) * f.rate) * 2;
    if (twiceOff < 0)
        twiceOff = -twiceOff;
    const Int128 beyondHalf = twiceOff - denominator;
    if (beyondHalf <= 0)
        return 0;
    return roundedOr(Rounding::divide(beyondHalf, denominator * 2, RoundingMode::Ceiling), 0);
}

} // namespace

LineVatAssessment assessLineVat(const PosOrderLine &line, const VatRules &rules)
{
    LineVatAssessment assessment;
    const Currency currency = line.lineVat.currency();
    assessment.vat = line.lineVat;
    Figures f;
    f.gross = rules.policy.basis == PriceBasis::Gross;
    f.rate = line.vatRate.units();
    f.exponent = currency.exponent();
    const qint64 net = line.lineNet.minorUnits();
    const qint64 vat = line.lineVat.minorUnits();
    qint64 signedBase = net;
    if (f.gross && __builtin_add_overflow(net, vat, &signedBase)) {
        assessment.verdict = LineVatVerdict::Unchecked;
        return assessment;
    }
    assessment.base = Money(signedBase, currency);
    if (signedBase > kMaxBase || signedBase < -kMaxBase || vat > kMaxBase || vat < -kMaxBase) {
        assessment.verdict = LineVatVerdict::Unchecked;
        return assessment;
    }
    // Work on the sale side: a refund line is judged as the sale line it mirrors, so half away from zero gives
    // both the same verdict.
    const int sign = signedBase < 0 || (signedBase == 0 && vat < 0) ? -1 : 1;
    f.base = sign * signedBase;
    f.vat = sign * vat;
    // A weight or measure item's quantity is not a count of equal units; the per-unit methods do not apply.
    const qint64 quantity = line.unitQuantity ? 0 : line.quantity;
    f.quantity = quantity < 0 ? -quantity : quantity;
    const auto signedMoney = [sign, currency](qint64 minor) { return Money(sign * minor, currency); };

    // The accepted computation nearest to the line's VAT, for the explanation. A nil VAT is never what is expected
    // where nil is a variance, even when a rounding would produce it.
    const auto nearestAccepted = [&](bool nonZero) {
        std::optional<qint64> nearest;
        for (VatLineMethod method : kAllMethods) {
            if (!rules.acceptedMethods.testFlag(method))
                continue;
            const auto value = candidate(method, f, RoundingMode::HalfAwayFromZero);
            if (!value || (nonZero && *value == 0))
                continue;
            const auto distance = [&f](qint64 v) { return v > f.vat ? v - f.vat : f.vat - v; };
            if (!nearest || distance(*value) < distance(*nearest))
                nearest = value;
        }
        return signedMoney(nearest.value_or(nonZero ? 1 : f.vat));
    };

    // "Never round the VAT on a standard- or reduced-rated unit down to nil" holds whatever method produced it.
    if (rules.nilVatIsVariance && f.rate > 0 && f.base > 0 && f.vat == 0) {
        assessment.verdict = LineVatVerdict::NilOnTaxableLine;
        assessment.expectedVat = nearestAccepted(true);
        return assessment;
    }

    for (VatLineMethod method : kAllMethods) {
        if (rules.acceptedMethods.testFlag(method) && candidate(method, f, RoundingMode::HalfAwayFromZero) == f.vat) {
            assessment.verdict = LineVatVerdict::Accepted;
            assessment.method = method;
            assessment.expectedVat = line.lineVat;
            assessment.allowanceMinor = allowance(f);
            return assessment;
        }
    }

    assessment.expectedVat = nearestAccepted(false);
    // A tie rounded the other way: the half-even twin of an accepted half-up method gives exactly this VAT.
    for (VatLineMethod method : kTieMethods) {
        if (!rules.acceptedMethods.testFlag(method))
            continue;
        const auto halfEven = candidate(method, f, RoundingMode::HalfEven);
        const auto halfUp = candidate(method, f, RoundingMode::HalfAwayFromZero);
        if (!halfEven || !halfUp || *halfEven == *halfUp || *halfEven != f.vat)
            continue;
        assessment.verdict = LineVatVerdict::RoundingMethod;
        assessment.method = method;
        assessment.expectedVat = signedMoney(*halfUp);
        assessment.tieOnNet = isTieMethodOnNet(method);
        assessment.tiePerUnit = isUnitMethod(method);
        const qint64 units = assessment.tiePerUnit && f.quantity > 0 ? f.quantity : 1;
        const qint64 amount = assessment.tiePerUnit ? f.unitBase().value_or(f.base) : f.base;
        // At a tie the exact value is k + 1/2 minor units: twice it is an odd integer, so one more decimal shows it.
        const Int128 twice = Int128(amount) * (assessment.tieOnNet ? kHundredPercent : f.rate) * 2 / f.denominator();
        assessment.exactTie = Decimal(sign * qint64(twice) * 5, f.exponent + 1);
        if (assessment.tieOnNet) {
            assessment.halfEvenValue = signedMoney(amount - *halfEven / units);
            assessment.halfUpValue = signedMoney(amount - *halfUp / units);
        } else {
            assessment.halfEvenValue = signedMoney(*halfEven / units);
            assessment.halfUpValue = signedMoney(*halfUp / units);
        }
        return assessment;
    }

    if (!rules.acceptedMethods.testFlag(VatLineMethod::RowWholeMajor) && rules.regime == TaxRegime::Sweden
        && candidate(VatLineMethod::RowWholeMajor, f, RoundingMode::HalfAwayFromZero) == f.vat) {
        assessment.verdict = LineVatVerdict::WholeMajorUnits;
        return assessment;
    }
    if (scaledVat(f, f.base, 1, RoundingMode::TowardZero) == f.vat) {
        assessment.verdict = LineVatVerdict::RoundedDown;
        return assessment;
    }
    assessment.verdict = LineVatVerdict::Variance;
    return assessment;
}

} // namespace Tillbridge::Core
