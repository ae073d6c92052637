// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** A POS transaction is a sale or a refund; Sitoo represents both as orders (refunds carry negative amounts). */
enum class PosOrderKind { Sale, Refund };

QString posOrderKindCode(PosOrderKind kind); ///< "sale", "refund"
std::optional<PosOrderKind> posOrderKindFromCode(const QString &code);

/** A voucher or campaign discount applied to a line (amounts net of VAT, per unit and per line). */
struct PosDiscount
{
    QString voucherCode; ///< Sitoo vouchercode; mapped to a Prima promotion
    QString voucherName;
    Money perUnitNet;
    Money lineNet;
};

/** One receipt line, normalised from a Sitoo order item. Amounts are signed: negative on refunds. */
struct PosOrderLine
{
    int lineIndex = 0;  ///< Sitoo orderitemid (0-based); refunds refer to it
    int itemType = 10;  ///< Sitoo orderitemtype, kept raw (10 = product)
    QString sku;
    QString productName;
    qint64 quantity = 0; ///< negative on refunds
    Money unitNetPrice;  ///< after discount, always positive
    Money lineNet;
    Money lineVat;
    VatRate vatRate;
    std::optional<PosDiscount> discount;
    std::optional<int> originalLineIndex; ///< for refunds: the line of the sale being returned
    QString returnReasonCode;
    std::optional<Decimal> unitQuantity; ///< Sitoo decimalunitquantity (weight/measure items); empty for plain units
};

/** One tender on a receipt (card, cash, gift card, Swish, ...). Negative on refunds. */
struct PosPayment
{
    int paymentIndex = 0;
    QString methodName; ///< Sitoo payment type name, mapped to a Prima tender
    Money amount;
    QString reference;  ///< PSP or terminal reference (never card numbers)
    std::optional<int> originalPaymentIndex; ///< refunds: pos-originalsales-payment-index, the sale's tender
};

/**
 * A Sitoo POS order (sale or refund) in integer money, as the engine validates and posts it. The raw Sitoo payload
 * is kept separately in the cache and referenced by its SHA-256.
 */
struct PosOrder
{
    QString sitooAccount;
    qint64 orderId = 0;          ///< unique within the Sitoo account, monotonic
    PosOrderKind kind = PosOrderKind::Sale;
    QString receiptId;           ///< register key + receipt number
    QString registerId;
    qint64 warehouseId = 0;
    QString storeExternalId;
    QDateTime orderDate;         ///< POS transaction time (UTC); may be old for offline tills
    QString timeZone;            ///< pos-timezone, for the trading day
    Currency currency;
    Money totalNet;
    Money totalVat;
    Money cashRounding;          ///< öresavrundning and the like: never part of VAT or the taxable base
    Money totalGross;            ///< "the sum to pay" = net + VAT + rounding
    std::optional<qint64> originalOrderId; ///< refunds: the sale being refunded
    QString refundReasonCode;
    QList<PosOrderLine> lines;
    QList<PosPayment> payments;
    QByteArray rawPayloadSha256; ///< reference to the raw payload row
    qint64 eshopId = 0;          ///< Sitoo site (eshopid); 0 when Sitoo did not send it
    QString externalId;          ///< Sitoo externalid, empty when null
    std::optional<qint64> creditOrderId;  ///< Sitoo creditorderid (0/null: none); originalOrderId is the resolved link
    std::optional<int> orderStateId;      ///< raw Sitoo orderstateid (0 open, 10 closed, 20 cancelled, -1 abandoned)
    std::optional<int> paymentStateId;    ///< raw Sitoo paymentstateid (20 = successful); unknown values kept
    std::optional<int> orderTypeId;       ///< raw Sitoo ordertypeid (10 order, 100 booking, 110 parked)
    Money salesTax;              ///< US sales tax (moneyfinal_salestax); zero for VAT regimes. Part of totalGross
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::PosOrder)
