// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/posting/documentbuilder.h"

#include "core/prima/primajson.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::DocumentBuilder", text);
}

Error unmapped(const QString &what)
{
    return Error{ErrorCode::InvalidInput, what};
}

/**
 * A credit note carries the refund with its sign flipped (Prima's document type carries the sign). Negation, not
 * abs(): a refund's cash rounding can go either way, and flipping keeps net + VAT + rounding = total.
 */
Money flipped(const Money &amount)
{
    return amount.negated().valueOr(amount);
}

/** The line in Prima's terms; `flip` turns a refund's negative row into the credit note's positive one. */
Result<SalesOrderLine> documentLine(const PosOrderLine &line, int lineNo, const PostingMappings &mappings,
                                    bool flip)
{
    SalesOrderLine out;
    out.lineNo = lineNo;
    out.sku = line.sku;
    out.quantity = flip ? -line.quantity : line.quantity;
    out.unitNetPrice = line.unitNetPrice; // Sitoo keeps unit prices positive on refunds too
    out.lineNet = flip ? flipped(line.lineNet) : line.lineNet;
    out.lineVat = flip ? flipped(line.lineVat) : line.lineVat;
    out.taxCode = mappings.taxCodeByRate.value(line.vatRate.toString());
    if (out.taxCode.isEmpty())
        return unmapped(tr("VAT rate %1 % has no Prima tax code.").arg(line.vatRate.toString()));
    const Money zero = Money::zero(line.unitNetPrice.currency());
    Money discountPerUnit = zero;
    if (line.discount) {
        // Sitoo gives the discount per unit (positive) and we derive the line's; both positive in the document.
        discountPerUnit = line.discount->perUnitNet.abs().valueOr(line.discount->perUnitNet);
        out.discount = line.discount->lineNet.abs().valueOr(line.discount->lineNet);
        if (!line.discount->voucherCode.isEmpty()) {
            out.promotionCode = mappings.promotionByVoucher.value(line.discount->voucherCode);
            if (out.promotionCode.isEmpty())
                return unmapped(tr("Voucher %1 has no Prima promotion.").arg(line.discount->voucherCode));
        }
    } else {
        out.discount = zero;
    }
    // Net unit price before the discount: quantity × unitPrice − discount = line net, exactly.
    out.unitPrice = line.unitNetPrice.added(discountPerUnit).valueOr(line.unitNetPrice);
    return out;
}

Result<QList<SalesOrderPayment>> documentPayments(const QList<PosPayment> &payments, const PostingMappings &mappings,
                                                  bool flip)
{
    QList<SalesOrderPayment> out;
    for (const PosPayment &payment : payments) {
        const QString tender = mappings.tenderByMethod.value(payment.methodName);
        if (tender.isEmpty())
            return unmapped(tr("Payment method %1 has no Prima tender.").arg(payment.methodName));
        out.append({tender, flip ? flipped(payment.amount) : payment.amount, payment.reference});
    }
    return out;
}
} // namespace

namespace {
QJsonObject hashToJson(const QHash<QString, QString> &hash)
{
    QJsonObject object;
    for (auto it = hash.begin(); it != hash.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QHash<QString, QString> hashFromJson(const QJsonValue &value)
{
    QHash<QString, QString> hash;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        hash.insert(it.key(), it.value().toString());
    return hash;
}
} // namespace

QJsonObject PostingMappings::toJson() const
{
    return QJsonObject{{QStringLiteral("location"), location},
                       {QStringLiteral("tax_rate"), hashToJson(taxCodeByRate)},
                       {QStringLiteral("payment_method"), hashToJson(tenderByMethod)},
                       {QStringLiteral("promotion"), hashToJson(promotionByVoucher)},
                       {QStringLiteral("refund_reason"), hashToJson(dispositionByReason)}};
}

PostingMappings PostingMappings::fromJson(const QJsonObject &json)
{
    PostingMappings mappings;
    mappings.location = json.value(u"location").toString();
    mappings.taxCodeByRate = hashFromJson(json.value(u"tax_rate"));
    mappings.tenderByMethod = hashFromJson(json.value(u"payment_method"));
    mappings.promotionByVoucher = hashFromJson(json.value(u"promotion"));
    mappings.dispositionByReason = hashFromJson(json.value(u"refund_reason"));
    return mappings;
}

QString DocumentBuilder::externalRef(const QString &sitooAccount, qint64 orderId)
{
    return QStringLiteral("sitoo:%1:order:%2").arg(sitooAccount).arg(orderId);
}

QString DocumentBuilder::idempotencyKey(const QString &sitooAccount, qint64 orderId, PosOrderKind kind)
{
    return QStringLiteral("sitoo:%1:%2:%3:v%4")
        .arg(sitooAccount)
        .arg(orderId)
        .arg(kind == PosOrderKind::Sale ? QStringLiteral("sale") : QStringLiteral("credit"))
        .arg(kDocumentVersion);
}

QDate DocumentBuilder::tradingDay(const QDateTime &orderDate, const QString &timeZoneId)
{
    const QTimeZone zone(timeZoneId.toUtf8());
    return zone.isValid() ? orderDate.toTimeZone(zone).date() : orderDate.toUTC().date();
}

Result<SalesOrder> DocumentBuilder::salesOrder(const PosOrder &order, const Store &store,
                                               const PostingMappings &mappings)
{
    if (order.kind != PosOrderKind::Sale)
        return Error{ErrorCode::InvalidInput, tr("Order %1 is a refund, not a sale.").arg(order.orderId)};
    if (mappings.location.isEmpty())
        return unmapped(tr("Store %1 has no Prima location.").arg(store.name));
    SalesOrder document;
    document.externalRef = externalRef(order.sitooAccount, order.orderId);
    document.idempotencyKey = idempotencyKey(order.sitooAccount, order.orderId, order.kind);
    document.location = mappings.location;
    document.postingDate = tradingDay(order.orderDate, order.timeZone.isEmpty() ? store.timeZone : order.timeZone);
    document.currency = order.currency;
    document.registerId = order.registerId;
    document.receiptNo = order.receiptId;
    document.orderedAt = order.orderDate.toUTC();
    document.pricesIncludeTax = false;
    document.taxMode = TaxMode::SourceAuthoritative;
    int lineNo = 0;
    for (const PosOrderLine &line : order.lines) {
        auto built = documentLine(line, ++lineNo, mappings, false);
        if (!built)
            return built.error();
        document.lines.append(*built);
    }
    auto payments = documentPayments(order.payments, mappings, false);
    if (!payments)
        return payments.error();
    document.payments = *payments;
    document.roundingAmount = order.cashRounding;
    document.total = order.totalGross;
    return document;
}

Result<CreditNote> DocumentBuilder::creditNote(const PosOrder &refund, const Store &store,
                                               const PostingMappings &mappings)
{
    if (refund.kind != PosOrderKind::Refund)
        return Error{ErrorCode::InvalidInput, tr("Order %1 is a sale, not a refund.").arg(refund.orderId)};
    if (mappings.location.isEmpty())
        return unmapped(tr("Store %1 has no Prima location.").arg(store.name));
    CreditNote note;
    note.externalRef = externalRef(refund.sitooAccount, refund.orderId);
    note.idempotencyKey = idempotencyKey(refund.sitooAccount, refund.orderId, refund.kind);
    if (refund.originalOrderId)
        note.originalExternalRef = externalRef(refund.sitooAccount, *refund.originalOrderId);
    note.location = mappings.location;
    note.postingDate = tradingDay(refund.orderDate, refund.timeZone.isEmpty() ? store.timeZone : refund.timeZone);
    note.currency = refund.currency;
    note.reasonCode = refund.refundReasonCode;
    note.registerId = refund.registerId;
    note.receiptNo = refund.receiptId;
    note.orderedAt = refund.orderDate.toUTC();
    note.pricesIncludeTax = false;
    note.taxMode = TaxMode::SourceAuthoritative;
    int lineNo = 0;
    for (const PosOrderLine &line : refund.lines) {
        auto built = documentLine(line, ++lineNo, mappings, true);
        if (!built)
            return built.error();
        CreditNoteLine creditLine;
        creditLine.line = *built;
        creditLine.originalLineNo = line.originalLineIndex ? *line.originalLineIndex + 1 : 0;
        creditLine.returnToLocation = mappings.location;
        // The line's own reason wins over the order's; without a mapping, goods go to quarantine, never to stock.
        const QString reason = line.returnReasonCode.isEmpty() ? refund.refundReasonCode : line.returnReasonCode;
        const QString disposition = mappings.dispositionByReason.value(reason);
        creditLine.disposition = lineDispositionFromCode(disposition).value_or(LineDisposition::Quarantine);
        note.lines.append(creditLine);
    }
    auto refunds = documentPayments(refund.payments, mappings, true);
    if (!refunds)
        return refunds.error();
    note.refunds = *refunds;
    note.roundingAmount = flipped(refund.cashRounding);
    note.total = flipped(refund.totalGross);
    return note;
}

Result<DocumentBuilder::Document> DocumentBuilder::document(const PosOrder &order, const Store &store,
                                                            const PostingMappings &mappings)
{
    if (order.kind == PosOrderKind::Sale) {
        auto sale = salesOrder(order, store, mappings);
        if (!sale)
            return sale.error();
        auto json = PrimaJson::salesOrderToJson(*sale);
        if (!json)
            return json.error();
        return Document{PrimaBatchOperation::ofSalesOrder(*sale), *json};
    }
    auto note = creditNote(order, store, mappings);
    if (!note)
        return note.error();
    auto json = PrimaJson::creditNoteToJson(*note);
    if (!json)
        return json.error();
    return Document{PrimaBatchOperation::ofCreditNote(*note), *json};
}

} // namespace Tillbridge::Core
