// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/posorder.h"
#include "core/engine/validation/vatrules.h"
#include "core/money/decimal.h"
#include "core/money/money.h"

#include <optional>

namespace Tillbridge::Core {

/** How the VAT on one order line compares with what the regime's rules allow. */
enum class LineVatVerdict {
    Accepted,         ///< an accepted computation gives exactly this VAT
    NilOnTaxableLine, ///< UK: a standard- or reduced-rated line without any VAT (Notice 700 §17.5.2)
    RoundingMethod,   ///< an exact tie rounded half-even instead of half-up: TAX_ROUNDING_METHOD, info
    WholeMajorUnits,  ///< SE: VAT rounded to whole kronor on or after 2020-01-17
    RoundedDown,      ///< truncated where the rules require rounding to the nearest (UK retail, SE third decimal)
    Variance,         ///< any other difference
    Unchecked,        ///< the amounts are too large to compute exactly (beyond 10^15 minor units)
};

/** The verdict on one line, with the figures an explanation needs. Amounts carry the line's sign. */
struct LineVatAssessment
{
    LineVatVerdict verdict = LineVatVerdict::Accepted;
    Money base;        ///< the line's gross (net + VAT) on the gross basis, its net on the net basis
    Money vat;         ///< the VAT on the line
    Money expectedVat; ///< the accepted computation nearest to the line's VAT (the VAT itself when Accepted)
    /** Accepted: the first accepted method that gives the VAT. RoundingMethod: the method whose tie went half-even. */
    std::optional<VatLineMethod> method;
    /**
     * Accepted: by how many whole minor units the VAT may lie beyond half a minor unit from the exact VAT. 0 for
     * the row methods; per-unit methods and whole-kronor rounding can legitimately be further off, and the per-rate
     * check widens its bound by this much.
     */
    qint64 allowanceMinor = 0;

    // RoundingMethod only. For the net-first methods the tie is on the net, otherwise on the VAT; for the unit
    // methods it is on one unit.
    bool tieOnNet = false;
    bool tiePerUnit = false;
    Decimal exactTie;    ///< the exact value at the tie, one decimal finer than the currency: 16.625
    Money halfEvenValue; ///< what half-even gave at the tie (a net or a VAT, as tieOnNet says)
    Money halfUpValue;   ///< what half-up gives
};

/**
 * Judges one line's VAT against the rules (see VatRules for the decisions). Pure and exact: 128-bit integer
 * arithmetic, no floating point. A refund line is judged as the mirror of the sale line it negates, so both get the
 * same verdict.
 *
 * On the gross basis the line's gross is rebuilt as net + VAT, because Sitoo states net and VAT per row but not the
 * gross; every accepted method is then applied to that gross.
 */
LineVatAssessment assessLineVat(const PosOrderLine &line, const VatRules &rules);

} // namespace Tillbridge::Core
