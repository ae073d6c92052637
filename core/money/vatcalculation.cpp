// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/vatcalculation.h"

#include <QCoreApplication>

#include <algorithm>

namespace Tillbridge::Core {

Result<Money> lineVat(const VatLine &line, const VatPolicy &policy)
{
    return policy.basis == PriceBasis::Net ? line.rate.vatFromNet(line.amount, policy.mode)
                                           : line.rate.vatFromGross(line.amount, policy.mode);
}

Result<QList<VatRateSummary>> computeVatByRate(const QList<VatLine> &lines, const VatPolicy &policy,
                                               Currency currency)
{
    QList<VatRateSummary> summaries;
    auto summaryFor = [&summaries, currency](const VatRate &rate) -> VatRateSummary & {
        for (auto &summary : summaries) {
            if (summary.rate == rate)
                return summary;
        }
        summaries.append({rate, Money::zero(currency), Money::zero(currency), Money::zero(currency), 0});
        return summaries.last();
    };

    // First the amounts per rate (and, per line, the rounded VAT); the base is whatever the basis says.
    for (const VatLine &line : lines) {
        if (line.amount.currency() != currency) {
            return Error{ErrorCode::CurrencyMismatch,
                         QCoreApplication::translate("Tillbridge::Core::VatCalculation",
                                                     "A line in %1 cannot be part of a document in %2.")
                             .arg(line.amount.currency().code(), currency.code())};
        }
        VatRateSummary &summary = summaryFor(line.rate);
        ++summary.lineCount;
        // Accumulate the line amount in `gross` or `net` temporarily, depending on the basis.
        Money &base = policy.basis == PriceBasis::Net ? summary.net : summary.gross;
        auto added = base.added(line.amount);
        if (!added)
            return added.error();
        base = *added;
        if (policy.level == VatRoundingLevel::PerLine) {
            auto vat = lineVat(line, policy);
            if (!vat)
                return vat.error();
            auto vatSum = summary.vat.added(*vat);
            if (!vatSum)
                return vatSum.error();
            summary.vat = *vatSum;
        }
    }

    for (VatRateSummary &summary : summaries) {
        if (policy.level == VatRoundingLevel::PerDocument) {
            const Money &base = policy.basis == PriceBasis::Net ? summary.net : summary.gross;
            auto vat = lineVat({base, summary.rate}, policy);
            if (!vat)
                return vat.error();
            summary.vat = *vat;
        }
        auto other = policy.basis == PriceBasis::Net ? summary.net.added(summary.vat)
                                                     : summary.gross.subtracted(summary.vat);
        if (!other)
            return other.error();
        (policy.basis == PriceBasis::Net ? summary.gross : summary.net) = *other;
    }
    std::sort(summaries.begin(), summaries.end(),
              [](const VatRateSummary &a, const VatRateSummary &b) { return b.rate < a.rate; });
    return summaries;
}

} // namespace Tillbridge::Core
