// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/store.h"
#include "core/engine/validation/vatrules.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace Tillbridge::Core {

/** What the Prima item master says about a SKU, as far as validation needs it. */
struct CatalogueFacts
{
    bool blocked = false; ///< blocked or discontinued in Prima: it must not be sold (SKU_BLOCKED)
    QString status;       ///< Prima's status text for the explanation, e.g. "discontinued"; may be empty
};

/** One line of a sale as a refund needs it: what was sold and how much of it earlier refunds already returned. */
struct OriginalSaleLine
{
    QString sku;
    qint64 quantitySold = 0;     ///< positive
    qint64 quantityReturned = 0; ///< by refunds validated before this one; positive
};

/** The sale a refund refers to, from the cache. */
struct OriginalSale
{
    qint64 orderId = 0;
    QHash<int, OriginalSaleLine> lines; ///< by Sitoo orderitemid (0-based), as refund lines refer to them
};

/**
 * Everything the validator may know besides the order itself. Plain data that the engine fills from the cache
 * before validating, so that validation stays a pure function: no I/O, no clock, no database.
 *
 * A lookup that is not set behaves as if it found nothing (every SKU unknown, every refund without its sale).
 */
struct ValidationContext
{
    /** The store the order's warehouse belongs to; empty when the Sitoo store is not linked (UNMAPPED_STORE). */
    std::optional<Store> store;
    /** The Prima item master: facts about a SKU, or empty when Prima does not know it (UNKNOWN_SKU). */
    std::function<std::optional<CatalogueFacts>(const QString &sku)> catalogue;
    /** VAT rate key (VatRate::toString(): "25", "12.5") → Prima tax code. */
    QHash<QString, QString> taxCodes;
    /** Sitoo payment method name (payments[].name: "Card", "Swish") → Prima tender. */
    QHash<QString, QString> tenders;
    /** Sitoo voucher code ("SPRING20") → Prima promotion code. */
    QHash<QString, QString> promotions;
    /**
     * Sitoo refund reason code → Prima line disposition (lineDispositionCode()). Used when posting credit notes;
     * product.md has no exception kind for an unmapped reason, so the validator does not check it.
     */
    QHash<QString, QString> dispositions;
    /** The sale a refund refers to, by Sitoo order id; empty when it is not in the cache. */
    std::function<std::optional<OriginalSale>(qint64 orderId)> originalSale;
    /** The VAT rules of a regime on a trading day; VatRules::forRegime unless a store or a test overrides them. */
    std::function<VatRules(TaxRegime regime, QDate tradingDay)> vatRules = &VatRules::forRegime;
};

} // namespace Tillbridge::Core
