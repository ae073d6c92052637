// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tillbridge::Sandbox {

/** Which kind of document a write posts. */
enum class PrimaDocumentKind { SalesOrder, CreditNote };

/** "SALES_ORDER", "CREDIT_NOTE". */
QString primaDocumentKindCode(PrimaDocumentKind kind);

/** One line of a posted document as the sandbox read it. */
struct PrimaIncomingLine
{
    int lineNo = 0;
    QString sku;
    qint64 quantity = 0;
    Core::Money unitPrice;
    Core::Money discount;
    Core::Money net;
    Core::Money tax;
    Core::Money gross;
    QString taxCode;
    QString promotion;
    QString disposition;      ///< credit notes: RESTOCK, QUARANTINE, WRITE_OFF, NO_STOCK_MOVEMENT
    QString returnToLocation; ///< credit notes; the document's store when empty
};

/** One tender (or refund tender) of a posted document. */
struct PrimaIncomingTender
{
    QString method;
    Core::Money amount;
    QString reference;
};

/**
 * A sales order or credit note body (prima-gateway.md §3.1) as the sandbox Prima reads it: independently of the
 * client's writer, so that the two sides check each other. fromJson() checks the shape (VALIDATION_FAILED);
 * totalsProblem() checks that the amounts add up (TOTALS_MISMATCH); master data (SKUs, locations, tax codes,
 * periods) is checked by the ledger.
 */
struct PrimaIncomingDocument
{
    PrimaDocumentKind kind = PrimaDocumentKind::SalesOrder;
    QString externalRef;
    QString storeId;
    QString registerId;
    QString receiptNo;
    QDate storeLocalDate;
    QDateTime orderedAt;
    Core::Currency currency;
    bool pricesIncludeTax = true;
    QString taxMode; ///< SOURCE_AUTHORITATIVE or ERP_RECALCULATE
    QList<PrimaIncomingLine> lines;
    QList<PrimaIncomingTender> tenders;
    Core::Money totalNet;
    Core::Money totalTax;
    Core::Money totalGross;
    Core::Money rounding;
    QString originalExternalRef; ///< credit notes; empty for a blind return
    QString reasonCode;

    /** Reads @p body; an error message says which member is missing or malformed. */
    static Core::Result<PrimaIncomingDocument> fromJson(const QJsonObject &body, PrimaDocumentKind kind);

    /**
     * Why the amounts do not add up, or nullopt when they do: per line net + tax = gross and qty x unitPrice -
     * discount = gross (or net when prices exclude tax); the totals are the sums of the lines; the tenders add up to
     * gross + rounding. All exact, in minor units.
     */
    std::optional<QString> totalsProblem() const;
};

} // namespace Tillbridge::Sandbox
