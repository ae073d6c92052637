// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"

#include <QDate>
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
};

/** A tender on the sales order, in Prima's tender codes. */
struct SalesOrderPayment
{
    QString tender;
    Money amount;
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
};

} // namespace Tillbridge::Core
