// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/posorder.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tillbridge::Core {

/**
 * The outcome of parsing one Sitoo order. A parse never drops an order: when anything needed for accounting
 * cannot be understood, `order` is empty, `problems` says what (for a MALFORMED_ORDER exception) and `raw` keeps
 * the bytes exactly as received.
 */
struct SitooOrderParse
{
    qint64 orderId = 0;            ///< 0 when even the order id cannot be read
    std::optional<PosOrder> order; ///< set only when problems is empty
    QStringList problems;          ///< one sentence per problem, naming the order, line or payment, field and value
    QByteArray raw;                ///< the order's bytes as received
    QByteArray rawSha256Hex;       ///< 64 lower-case hex digits of SHA-256(raw); also in order->rawPayloadSha256

    bool isOk() const { return order.has_value(); }
};

/** The raw elements of one page of GET /orders.json. */
struct SitooOrderList
{
    std::optional<qint64> totalCount; ///< the envelope's totalcount; empty for a bare array
    QList<QByteArray> orders;         ///< each element's bytes, in page order
    bool originalText = true;         ///< false when elements had to be re-serialised (see splitOrderList())
};

/**
 * Turns Sitoo order JSON (sitoo-api.md §3.7) into PosOrder with integer money. Pure functions: no I/O, no
 * exceptions, no floating point for amounts.
 *
 * Mapping decisions:
 * - Totals: totalNet/totalVat are `moneyfinal_net`/`moneyfinal_vat` (items + checkout + delivery), because they are
 *   the ones that add up to `moneytotal_gross_all` with `moneytotal_gross_roundoff` and they are in Sitoo's default
 *   field list. When they are left out, they are rebuilt as `moneytotal_*` + `moneycheckout_*` + `moneydelivery_*`,
 *   as §3.7.3 defines them. A checkout or delivery charge therefore shows up upstream as lines ≠ total.
 * - `moneytotal_gross_roundoff` and `moneyfinal_salestax` may be absent or null, meaning zero.
 * - A refund is an order with `creditorderid`, or `additionaldata["pos-originalsales-orderid"]`, or with lines that
 *   all have negative quantities. If the two links disagree, the order is a problem.
 * - `orderitems` and `payments` must be present; null (or `{}`) is an empty list.
 * - A line's discount is `moneydiscount` (net, per unit) with the voucher; the line discount is per unit × |qty|.
 * - A payment's reference is `refid`, or `externalid` when refid is empty. Card-number fields are never read.
 * - Unknown enum values (orderitemtype, order/payment states) are kept raw; they are not problems.
 */
class SitooOrderParser
{
public:
    /**
     * Parses one order object.
     * @param rawOrder the bytes of one order object (a single GET, or one element from splitOrderList())
     * @param sitooAccount the Sitoo account id the order was read from
     */
    static SitooOrderParse parse(const QByteArray &rawOrder, const QString &sitooAccount);

    /**
     * Splits a GET /orders.json body, an envelope `{"totalcount": N, "items": [...]}` or a bare array, into the
     * bytes of each order, so that each can be parsed, hashed and kept on its own. Elements are cut out of the body
     * as Sitoo wrote them. Should that ever fail, they are re-serialised compactly (`originalText` false): nothing an
     * accountant needs is lost then, because money and decimal fields are JSON strings and ids fit in 64-bit
     * integers, but the hash would differ from that of the original text.
     *
     * Fails only when the body as a whole is unusable (not JSON, no items list although totalcount > 0, ...).
     */
    static Result<SitooOrderList> splitOrderList(const QByteArray &body);

    /**
     * The top-level "orderid" of possibly truncated or invalid order bytes, found without a full parse, so that a
     * malformed order can still be filed under its id. 0 when it cannot be found.
     */
    static qint64 recoverOrderId(const QByteArray &rawOrder);
};

} // namespace Tillbridge::Core
