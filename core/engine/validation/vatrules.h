// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/store.h"
#include "core/money/vatcalculation.h"

#include <QDate>
#include <QFlags>
#include <QString>

namespace Tillbridge::Core {

/**
 * The ways of turning one line's price into its VAT in minor units that a tax regime accepts (reliability.md
 * §3.3-3.5). "Row" methods round the line once; "Unit" methods compute the VAT of one unit and multiply by the
 * quantity, which only applies when the line is a whole number of equal units.
 *
 * All of them round half away from zero ("half-up" in tax guidance), so a refund line is the exact mirror of its
 * sale line. The validator also computes the half-even and truncating variants, only to name what went wrong.
 */
enum class VatLineMethod : unsigned {
    /** Sitoo (sitoo-api.md §5.2): net = round(gross / (1 + r)), VAT = gross − net. Gross basis only. */
    RowNetFirst = 1u << 0,
    /** VAT = round(gross × r / (1 + r)) on the gross basis, round(net × r) on the net basis: nearest minor unit. */
    RowVatFirst = 1u << 1,
    /** RowNetFirst on one unit, times the quantity (Sitoo's moneynetpriceperunit × quantity). Gross basis only. */
    UnitNetFirst = 1u << 2,
    /** HMRC Notice 700 §17.5.2: VAT per unit to the nearest 1p, never down to nil, times the quantity. */
    UnitVatFirst = 1u << 3,
    /** HMRC §17.5.2: VAT per unit to the nearest 0.5p (never nil), times the quantity, the line to the penny. */
    UnitHalfMinor = 1u << 4,
    /** HMRC §17.5.2: VAT per unit computed to 4 decimals and rounded to 3, times the quantity, then to the penny. */
    UnitPrecise3 = 1u << 5,
    /** VATREC12020: VAT computed to at least 5 decimals and rounded to 4, then to the penny. */
    RowPrecise4 = 1u << 6,
    /** VATREC12020: VAT truncated at 6 decimals, then to the penny. */
    RowTruncate6 = 1u << 7,
    /** VAT rounded to whole major units (kronor). Skatteverket tolerated it until 2020-01-17 (dnr 8-19049). */
    RowWholeMajor = 1u << 8,
};
Q_DECLARE_FLAGS(VatLineMethods, VatLineMethod)
Q_DECLARE_OPERATORS_FOR_FLAGS(VatLineMethods)

/** A stable, untranslated name ("row-net-first", ...) for details JSON and logs. */
QString vatLineMethodCode(VatLineMethod method);

/**
 * The VAT rules the validator applies to one order: what a store's regime accepted on the order's trading day.
 * Plain data, so that a test or a store-specific setting can narrow or widen them.
 *
 * Decisions (reliability.md §3.3-3.5, sitoo-api.md §5.2):
 * - Sitoo POS prices are VAT-inclusive, so the default basis is Gross: the validator rebuilds each line's gross as
 *   net + VAT and checks the VAT against every accepted computation of that gross. Sitoo's own per-row "net-first"
 *   rounding and rounding the VAT first are both accepted: at an exact tie they differ by one minor unit, and both
 *   are half-up roundings of the same gross. Consequence: on a VAT-inclusive line a half-even tie always coincides
 *   with one of the two and cannot be told apart from it; TAX_ROUNDING_METHOD can only be raised where the rules
 *   pin the computation down (the net basis, or a store whose till is known to round net-first only).
 * - UK (HMRC Notice 700 §17.5-17.6, VATREC12020/12030): additionally the per-unit methods (nearest 1p or 0.5p,
 *   4 decimals rounded to 3) and the line methods computed to 4 decimals or truncated at 6. A standard- or
 *   reduced-rated line with no VAT at all is always a variance ("never round down to nil"), even when a rounding
 *   would produce it. The invoice traders' round-down concession does not apply to retail, so a truncated VAT is
 *   a variance. The amount payable is never rounded (no cash rounding).
 * - SE (Skatteverket, "Avrundning"): VAT to two decimals by the third decimal, 5-9 up. Öresavrundning rounds only
 *   the amount payable to whole kronor and is carried in PosOrder::cashRounding, never in the VAT or the base. VAT
 *   rounded to whole kronor is accepted for trading days before 2020-01-17 and a variance from that day on.
 * - At line level, truncating at 6 decimals before rounding to the minor unit gives the same result as rounding
 *   once; computing to 4 decimals first (double rounding) can round an exact x.495-x.4999 up, which is accepted.
 * - Per rate, the lines' VAT total may differ from the VAT computed once on the rate's total by at most
 *   ceil(n / 2) minor units for n lines (plus whatever the accepted per-unit methods add), as §3.5 proposes.
 */
struct VatRules
{
    TaxRegime regime = TaxRegime::UnitedKingdom;
    /** Basis of the line prices (Gross for POS), level (per line) and mode (half away from zero) of the regime. */
    VatPolicy policy{PriceBasis::Gross, VatRoundingLevel::PerLine, RoundingMode::HalfAwayFromZero};
    /** The line computations accepted without a finding. */
    VatLineMethods acceptedMethods;
    /** UK §17.5.2: VAT on a standard- or reduced-rated line must never be nil. */
    bool nilVatIsVariance = false;
    /** SE: the amount payable may be rounded to whole major units (öresavrundning); elsewhere it must not be. */
    bool cashRoundingToWholeUnits = false;

    /** The first trading day on which Swedish VAT may no longer be rounded to whole kronor (dnr 8-19049). */
    static QDate swedishWholeKronorCutoff() { return QDate(2020, 1, 17); }

    /**
     * The rules of a regime on a trading day (in the store's time zone). An invalid date gets today's rules, which
     * are the strictest.
     */
    static VatRules forRegime(TaxRegime regime, QDate tradingDay);
};

} // namespace Tillbridge::Core
