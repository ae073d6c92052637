// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/salesorder.h"

#include <optional>

namespace Tillbridge::Core {

/** What happens to returned goods (prima-gateway.md §3.1). Decided per line from the refund reason mapping. */
enum class LineDisposition { Restock, Quarantine, WriteOff, NoStockMovement };

QString lineDispositionCode(LineDisposition disposition); ///< "RESTOCK", "QUARANTINE", ...
std::optional<LineDisposition> lineDispositionFromCode(const QString &code);

struct CreditNoteLine
{
    SalesOrderLine line; ///< quantities and amounts positive, as Prima expects on a credit note
    LineDisposition disposition = LineDisposition::Quarantine;
    QString returnToLocation;
    int originalLineNo = 0;
};

/** One POS refund as it is posted to Prima, linked to the sales order it reverses. */
struct CreditNote
{
    QString externalRef;
    QString idempotencyKey; ///< "sitoo:{account}:{orderid}:credit:v1"
    QString originalExternalRef;
    QString location;
    QDate postingDate;
    Currency currency;
    QString reasonCode;
    QList<CreditNoteLine> lines;
    QList<SalesOrderPayment> refunds;
    Money roundingAmount;
    Money total;
    QString registerId;
    QString receiptNo;
    QDateTime orderedAt;    ///< POS transaction time (UTC)
    bool pricesIncludeTax = true;
    TaxMode taxMode = TaxMode::SourceAuthoritative;
};

} // namespace Tillbridge::Core
