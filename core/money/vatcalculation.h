// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/result.h"

#include <QList>

namespace Tillbridge::Core {

/** Whether line amounts include VAT (POS shelf prices) or exclude it (Sitoo's moneyitemtotal_net). */
enum class PriceBasis { Net, Gross };

/** Where VAT is rounded to minor units: on every line, or once per rate on the document total. */
enum class VatRoundingLevel { PerLine, PerDocument };

/** A tax regime's rounding rule, written down rather than implied. */
struct VatPolicy
{
    PriceBasis basis = PriceBasis::Net;
    VatRoundingLevel level = VatRoundingLevel::PerLine;
    RoundingMode mode = RoundingMode::HalfAwayFromZero;
};

struct VatLine
{
    Money amount; ///< net or gross, as the policy's basis says
    VatRate rate;
};

/** Taxable base, VAT and gross for one rate on one document (what an invoice must show per rate). */
struct VatRateSummary
{
    VatRate rate;
    Money net;
    Money vat;
    Money gross;
    int lineCount = 0;
};

/**
 * VAT per rate for a document, ordered by rate descending. PerLine rounds each line and adds the rounded amounts;
 * PerDocument adds the unrounded base per rate and rounds once. net + vat == gross holds exactly for every rate.
 */
Result<QList<VatRateSummary>> computeVatByRate(const QList<VatLine> &lines, const VatPolicy &policy,
                                               Currency currency);

/** VAT of one line under a policy (the policy's level is irrelevant for a single amount). */
Result<Money> lineVat(const VatLine &line, const VatPolicy &policy);

} // namespace Tillbridge::Core
