// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Tillbridge::Core {

/** A line of a Prima sales order, in Prima's codes (tax code and promotion come from the mappings). */
struct SalesOrderLine
{
    int lineNo = 0;
    QString sku;
    qint64 quantity = 0;
    Money unitNetPrice;
    Money lineNet;
    Money lineVat;
    QString taxCode;
    QString promotionCode;
    /**
     * Price of one unit before the line discount, in the order's price basis (VAT-inclusive when
     * pricesIncludeTax). Prima checks quantity x unitPrice - discount against the line's gross (or net) amount.
     * When not set, unitNetPrice is sent instead.
     */
    Money unitPrice;
    Money discount; ///< line discount in the order's price basis; not set means none
};

/** A tender on the sales order, in Prima's tender codes. */
struct SalesOrderPayment
{
    QString tender;
    Money amount;
    QString reference; ///< PSP or terminal reference (never a card number)
};

/** Whose VAT wins in Prima (prima-gateway.md §3.1). */
enum class TaxMode {
    SourceAuthoritative, ///< Prima keeps the POS tax and reports its own difference as taxAdjustment
    ErpRecalculate,      ///< Prima recomputes and rejects differences beyond its tolerance (TAX_MISMATCH)
};

/** One POS sale as it is posted to Prima. `externalRef` is unique in Prima and identifies the Sitoo order. */
struct SalesOrder
{
    QString externalRef;    ///< e.g. "sitoo:{account}:{orderid}"
    QString idempotencyKey; ///< deterministic: "sitoo:{account}:{orderid}:sale:v1"
    QString location;       ///< Prima location of the store
    QDate postingDate;      ///< trading day in the store's time zone
    Currency currency;
    QList<SalesOrderLine> lines;
    QList<SalesOrderPayment> payments;
    Money roundingAmount;   ///< cash rounding, posted to its own account
    Money total;
    QString registerId;     ///< POS register (Sitoo register key)
    QString receiptNo;      ///< receipt number printed for the customer
    QDateTime orderedAt;    ///< POS transaction time (UTC)
    bool pricesIncludeTax = true; ///< the price basis of unitPrice and discount
    TaxMode taxMode = TaxMode::SourceAuthoritative;
};

} // namespace Tillbridge::Core
