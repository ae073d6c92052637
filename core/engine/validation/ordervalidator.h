// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/posorder.h"
#include "core/engine/validation/validationcontext.h"
#include "core/engine/validation/validationfinding.h"
#include "core/engine/validation/vatrules.h"

#include <QDate>
#include <QList>

#include <optional>

namespace Tillbridge::Core {

/**
 * Step 2 of order-to-cash (product.md): decides whether a normalised Sitoo order may be posted to Prima, and if
 * not, says why in findings a finance person can act on.
 *
 * Validation is a table of named rules, each a pure function of the order and the context (no I/O, no clock). Each
 * rule is public so that it can be tested on its own; validate() runs them all in table order and concatenates
 * their findings. Refunds go through the same rules: their amounts are negative and every computation is symmetric
 * (half away from zero), so a refund that negates a sale exactly is judged exactly as that sale.
 *
 * VAT decisions, including why a half-even tie on a VAT-inclusive Sitoo line cannot be told from Sitoo's own
 * net-first rounding, are documented on VatRules.
 */
class OrderValidator
{
public:
    /** A rule: a pure function from order and context to findings (empty when the order passes). */
    using RuleFunction = QList<ValidationFinding> (*)(const PosOrder &order, const ValidationContext &context);

    /** A named entry of the rule table; the name is stable ("line-vat") for logs and tests. */
    struct Rule
    {
        const char *name;  ///< stable, untranslated: "line-vat"
        RuleFunction check; ///< the rule itself
    };

    /** The rule table, in the order validate() runs it. */
    static const QList<Rule> &rules();

    /** Runs every rule; an order without findings (or with only info findings) is ready to post. */
    static QList<ValidationFinding> validate(const PosOrder &order, const ValidationContext &context);

    /** UNMAPPED_STORE: no Tillbridge store for the order's warehouse, or the store has no Prima location. */
    static QList<ValidationFinding> checkStoreMapped(const PosOrder &order, const ValidationContext &context);
    /** CURRENCY_MISMATCH: the order's currency differs from the store's. */
    static QList<ValidationFinding> checkCurrency(const PosOrder &order, const ValidationContext &context);
    /** UNKNOWN_SKU / SKU_BLOCKED, per line. */
    static QList<ValidationFinding> checkSkus(const PosOrder &order, const ValidationContext &context);
    /** TOTALS_MISMATCH: Σ line nets + Σ VAT + rounding (+ sales tax) = order total; header net/VAT = the lines'. */
    static QList<ValidationFinding> checkTotals(const PosOrder &order, const ValidationContext &context);
    /** TOTALS_MISMATCH: Σ payments = order total, for paid orders. */
    static QList<ValidationFinding> checkPayments(const PosOrder &order, const ValidationContext &context);
    /** TOTALS_MISMATCH: cash rounding only where the regime has it, to whole units and by at most half a unit. */
    static QList<ValidationFinding> checkCashRounding(const PosOrder &order, const ValidationContext &context);
    /** TAX_VARIANCE / TAX_ROUNDING_METHOD, per line (assessLineVat()). */
    static QList<ValidationFinding> checkLineVat(const PosOrder &order, const ValidationContext &context);
    /** TAX_VARIANCE, per VAT rate: the lines' VAT against the VAT computed once on the rate's total. */
    static QList<ValidationFinding> checkRateVat(const PosOrder &order, const ValidationContext &context);
    /** UNMAPPED_TAX_RATE, once per rate. */
    static QList<ValidationFinding> checkTaxRatesMapped(const PosOrder &order, const ValidationContext &context);
    /** UNMAPPED_PAYMENT_METHOD, once per payment method name. */
    static QList<ValidationFinding> checkPaymentMethodsMapped(const PosOrder &order, const ValidationContext &context);
    /** UNMAPPED_PROMOTION, once per voucher code. */
    static QList<ValidationFinding> checkPromotionsMapped(const PosOrder &order, const ValidationContext &context);
    /** RETURN_WITHOUT_ORIGINAL: a refund must name a sale the cache knows. */
    static QList<ValidationFinding> checkRefundOriginal(const PosOrder &order, const ValidationContext &context);
    /** RETURN_EXCEEDS_ORIGINAL: per original line, no more returned than sold minus already returned. */
    static QList<ValidationFinding> checkRefundQuantities(const PosOrder &order, const ValidationContext &context);

    /**
     * The store's regime, or, for an order whose store is not mapped yet, the regime its currency implies (GBP: UK,
     * SEK: SE), so that VAT is checked before the mapping is fixed. Empty for any other currency without a store.
     */
    static std::optional<TaxRegime> regimeOf(const PosOrder &order, const ValidationContext &context);
    /** The trading day of the order in the store's time zone (else the order's pos-timezone, else UTC). */
    static QDate tradingDay(const PosOrder &order, const ValidationContext &context);
    /** The VAT rules for the order: context.vatRules(regimeOf(), tradingDay()); empty when the regime is unknown. */
    static std::optional<VatRules> vatRulesFor(const PosOrder &order, const ValidationContext &context);
};

} // namespace Tillbridge::Core
