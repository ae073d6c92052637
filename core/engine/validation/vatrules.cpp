// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/validation/vatrules.h"

namespace Tillbridge::Core {

QString vatLineMethodCode(VatLineMethod method)
{
    switch (method) {
    case VatLineMethod::RowNetFirst:
        return QStringLiteral("row-net-first");
    case VatLineMethod::RowVatFirst:
        return QStringLiteral("row-vat-first");
    case VatLineMethod::UnitNetFirst:
        return QStringLiteral("unit-net-first");
    case VatLineMethod::UnitVatFirst:
        return QStringLiteral("unit-vat-first");
    case VatLineMethod::UnitHalfMinor:
        return QStringLiteral("unit-half-minor");
    case VatLineMethod::UnitPrecise3:
        return QStringLiteral("unit-precise-3");
    case VatLineMethod::RowPrecise4:
        return QStringLiteral("row-precise-4");
    case VatLineMethod::RowTruncate6:
        return QStringLiteral("row-truncate-6");
    case VatLineMethod::RowWholeMajor:
        return QStringLiteral("row-whole-major");
    }
    return {};
}

VatRules VatRules::forRegime(TaxRegime regime, QDate tradingDay)
{
    VatRules rules;
    rules.regime = regime;
    // Sitoo's per-row net-first rounding (§5.2) and rounding the VAT first are both half-up roundings of the same
    // gross; every regime accepts both, on the row and on Sitoo's unit price.
    rules.acceptedMethods = VatLineMethod::RowNetFirst | VatLineMethod::RowVatFirst | VatLineMethod::UnitNetFirst;
    switch (regime) {
    case TaxRegime::UnitedKingdom:
        // VATREC12020/12030 and Notice 700 §17.5.2 list these as acceptable for retailers.
        rules.acceptedMethods |= VatLineMethod::UnitVatFirst | VatLineMethod::UnitHalfMinor
            | VatLineMethod::UnitPrecise3 | VatLineMethod::RowPrecise4 | VatLineMethod::RowTruncate6;
        rules.nilVatIsVariance = true;
        rules.cashRoundingToWholeUnits = false;
        break;
    case TaxRegime::Sweden:
        // Skatteverket changed its position on 2020-01-17: before it, VAT on the receipt could follow the whole-kronor
        // rounding of the amount payable; from then on it may not. Historic data is judged by the rules of its day.
        if (tradingDay.isValid() && tradingDay < swedishWholeKronorCutoff())
            rules.acceptedMethods |= VatLineMethod::RowWholeMajor;
        rules.cashRoundingToWholeUnits = true;
        break;
    }
    return rules;
}

} // namespace Tillbridge::Core
