// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sitoo/sitooorderparser.h"

#include "core/sha256.h"
#include "core/sitoo/sitoojson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <limits>
#include <utility>

namespace Tillbridge::Core {

namespace {

// ---- A minimal JSON scanner ----------------------------------------------------------------------------------------
// QJsonDocument gives values, not where they were in the text. To keep each order's bytes exactly as Sitoo sent them
// (so that its hash is stable and the exception queue shows the original), and to find the order id of bytes that
// are cut off, the structure is scanned lexically: strings (with escapes) are skipped, brackets are counted.

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipWhitespace(const QByteArray &text, qsizetype pos)
{
    while (pos < text.size() && isJsonWhitespace(text.at(pos)))
        ++pos;
    return pos;
}

// The index just after the string that starts at pos (a quote), or -1 when it is not terminated.
qsizetype skipString(const QByteArray &text, qsizetype pos)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text.at(pos) == '\\')
            ++pos;
        else if (text.at(pos) == '"')
            return pos + 1;
    }
    return -1;
}

// The index just after the value that starts at pos, or -1 when the text ends first (truncated bytes).
qsizetype skipValue(const QByteArray &text, qsizetype pos)
{
    if (pos >= text.size())
        return -1;
    const char first = text.at(pos);
    if (first == '"')
        return skipString(text, pos);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (pos < text.size()) {
            const char c = text.at(pos);
            if (c == '"') {
                pos = skipString(text, pos);
                if (pos < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return pos + 1;
            }
            ++pos;
        }
        return -1;
    }
    // A number, true, false or null. One that runs into the end of the text may be cut short ("200" of "20001").
    const qsizetype begin = pos;
    while (pos < text.size()) {
        const char c = text.at(pos);
        if (isJsonWhitespace(c) || c == ',' || c == '}' || c == ']')
            return pos == begin ? -1 : pos;
        ++pos;
    }
    return -1;
}

struct JsonMember
{
    QByteArray key; // as written (escapes not decoded; Sitoo's keys have none)
    qsizetype valueBegin = 0;
    qsizetype valueEnd = 0;
};

// The complete members of the top-level object, in order. Stops quietly where the text is cut off or unexpected.
QList<JsonMember> topLevelMembers(const QByteArray &text)
{
    QList<JsonMember> members;
    qsizetype pos = skipWhitespace(text, 0);
    if (pos >= text.size() || text.at(pos) != '{')
        return members;
    pos = skipWhitespace(text, pos + 1);
    while (pos < text.size() && text.at(pos) == '"') {
        const qsizetype keyEnd = skipString(text, pos);
        if (keyEnd < 0)
            break;
        JsonMember member;
        member.key = text.mid(pos + 1, keyEnd - pos - 2);
        pos = skipWhitespace(text, keyEnd);
        if (pos >= text.size() || text.at(pos) != ':')
            break;
        member.valueBegin = skipWhitespace(text, pos + 1);
        member.valueEnd = skipValue(text, member.valueBegin);
        if (member.valueEnd < 0)
            break;
        members.append(member);
        pos = skipWhitespace(text, member.valueEnd);
        if (pos >= text.size() || text.at(pos) != ',')
            break;
        pos = skipWhitespace(text, pos + 1);
    }
    return members;
}

// The [begin, end) byte ranges of the elements of the array that starts at pos; empty when it cannot be scanned.
QList<std::pair<qsizetype, qsizetype>> arrayElementSpans(const QByteArray &text, qsizetype pos)
{
    QList<std::pair<qsizetype, qsizetype>> spans;
    if (pos < 0 || pos >= text.size() || text.at(pos) != '[')
        return spans;
    pos = skipWhitespace(text, pos + 1);
    if (pos < text.size() && text.at(pos) == ']')
        return spans;
    while (pos < text.size()) {
        const qsizetype end = skipValue(text, pos);
        if (end < 0)
            return {};
        spans.append({pos, end});
        pos = skipWhitespace(text, end);
        if (pos >= text.size() || text.at(pos) != ',')
            break;
        pos = skipWhitespace(text, pos + 1);
    }
    return spans;
}

// ---- Order mapping -------------------------------------------------------------------------------------------------

QString orderLabel(qint64 orderId)
{
    if (orderId > 0)
        return QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "Order %1").arg(orderId);
    return QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "Order (id unreadable)");
}

qint64 magnitude(qint64 quantity)
{
    // Quantities are small; the minimum qint64 cannot be negated and is left as is (multiplied() then overflows).
    return quantity < 0 && quantity != std::numeric_limits<qint64>::min() ? -quantity : quantity;
}

/** Maps one order object; every problem goes to the shared list, and the PosOrder is only used if there are none. */
class OrderMapper
{
public:
    OrderMapper(const QJsonObject &object, QStringList *problems)
        : m_object(object)
        , m_problems(problems)
    {
    }

    qint64 readOrderId();
    PosOrder map(const QString &sitooAccount);

private:
    void readHeader(SitooJsonReader &order, PosOrder &out);
    void readStoreAndReceipt(SitooJsonReader &additional, PosOrder &out);
    void readTotals(SitooJsonReader &order, PosOrder &out);
    std::optional<Money> readFinalAmount(SitooJsonReader &order, const char *finalKey, const char *itemsKey,
                                         const char *checkoutKey, const char *deliveryKey);
    void readLines(SitooJsonReader &order, PosOrder &out);
    std::optional<PosOrderLine> readLine(const QJsonValue &value, int position);
    std::optional<PosDiscount> readDiscount(SitooJsonReader &item, std::optional<qint64> quantity);
    void readPayments(SitooJsonReader &order, PosOrder &out);
    std::optional<PosPayment> readPayment(const QJsonValue &value, int position);
    void resolveRefundLink(SitooJsonReader &order, SitooJsonReader &additional, PosOrder &out);
    std::optional<QJsonArray> readList(SitooJsonReader &order, const char *key);

    QJsonObject m_object;
    QStringList *m_problems = nullptr;
    qint64 m_orderId = 0;
    QString m_where;
    Currency m_currency; // invalid when currencycode is a problem: amounts are then only syntax-checked
};

qint64 OrderMapper::readOrderId()
{
    SitooJsonReader order(m_object, orderLabel(0), m_problems);
    const auto id = order.integer("orderid");
    if (id && *id <= 0) {
        order.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                     "\"orderid\" is %1, which is not an order id.")
                             .arg(*id));
    }
    m_orderId = id && *id > 0 ? *id : 0;
    m_where = orderLabel(m_orderId);
    return m_orderId;
}

PosOrder OrderMapper::map(const QString &sitooAccount)
{
    SitooJsonReader order(m_object, m_where, m_problems);
    PosOrder out;
    out.sitooAccount = sitooAccount;
    out.orderId = m_orderId;

    // The currency first: every amount is read in it.
    m_currency = order.currency("currencycode").value_or(Currency());
    out.currency = m_currency;

    readHeader(order, out);
    SitooJsonReader additional = order.nested("additionaldata");
    readStoreAndReceipt(additional, out);
    readTotals(order, out);
    readLines(order, out);
    readPayments(order, out);
    resolveRefundLink(order, additional, out);
    return out;
}

void OrderMapper::readHeader(SitooJsonReader &order, PosOrder &out)
{
    out.eshopId = order.integer("eshopid", SitooField::Optional).value_or(0);
    out.externalId = order.string("externalid");
    out.orderDate = order.date("orderdate").value_or(QDateTime());
    // Enumerations are kept raw: newer Sitoo versions add values (§3.7.2), and the engine decides what to post.
    out.orderStateId = order.smallInteger("orderstateid", SitooField::Optional);
    out.paymentStateId = order.smallInteger("paymentstateid", SitooField::Optional);
    out.orderTypeId = order.smallInteger("ordertypeid", SitooField::Optional);
    out.registerId = order.string("registerid");
    out.warehouseId = order.integer("warehouseid", SitooField::Optional).value_or(0);
}

void OrderMapper::readStoreAndReceipt(SitooJsonReader &additional, PosOrder &out)
{
    out.receiptId = additional.string("pos-receiptid");
    out.timeZone = additional.string("pos-timezone");
    out.storeExternalId = additional.string("store-externalid");
    out.refundReasonCode = additional.string("refundreasoncode-reasoncode");
}

void OrderMapper::readTotals(SitooJsonReader &order, PosOrder &out)
{
    const Money zero = Money::zero(m_currency);
    out.totalNet = readFinalAmount(order, "moneyfinal_net", "moneytotal_net", "moneycheckout_net", "moneydelivery_net")
                       .value_or(Money());
    out.totalVat = readFinalAmount(order, "moneyfinal_vat", "moneytotal_vat", "moneycheckout_vat", "moneydelivery_vat")
                       .value_or(Money());
    // Cash rounding and US sales tax are zero when Sitoo leaves them out or sends null.
    out.cashRounding = order.money("moneytotal_gross_roundoff", m_currency, SitooField::Optional).value_or(zero);
    out.salesTax = order.money("moneyfinal_salestax", m_currency, SitooField::Optional).value_or(zero);
    out.totalGross = order.money("moneytotal_gross_all", m_currency).value_or(Money());
}

std::optional<Money> OrderMapper::readFinalAmount(SitooJsonReader &order, const char *finalKey, const char *itemsKey,
                                                  const char *checkoutKey, const char *deliveryKey)
{
    if (order.hasValue(finalKey) || !order.hasValue(itemsKey))
        return order.money(finalKey, m_currency);

    // moneyfinal_* was left out (a fields projection): rebuild it as §3.7.3 defines it, items + checkout + delivery.
    auto total = order.money(itemsKey, m_currency);
    for (const char *partKey : {checkoutKey, deliveryKey}) {
        const auto part = order.money(partKey, m_currency, SitooField::Optional);
        if (!total || !part)
            continue;
        auto sum = total->added(*part);
        if (!sum) {
            order.addProblem(
                QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "\"%1\" cannot be computed: %2")
                    .arg(QString::fromLatin1(finalKey), sum.errorString()));
            return std::nullopt;
        }
        total = *sum;
    }
    return total;
}

std::optional<QJsonArray> OrderMapper::readList(SitooJsonReader &order, const char *key)
{
    // The list must be there (we ask for it; without it the order cannot be accounted for), but null means empty.
    if (!order.isPresent(key)) {
        order.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "\"%1\" is missing.")
                             .arg(QString::fromLatin1(key)));
        return std::nullopt;
    }
    return order.array(key, SitooField::Optional).value_or(QJsonArray());
}

void OrderMapper::readLines(SitooJsonReader &order, PosOrder &out)
{
    const auto items = readList(order, "orderitems");
    if (!items)
        return;
    for (int position = 0; position < items->size(); ++position) {
        if (auto line = readLine(items->at(position), position))
            out.lines.append(*line);
    }
}

std::optional<PosOrderLine> OrderMapper::readLine(const QJsonValue &value, int position)
{
    const QString where = QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "%1, line %2")
                              .arg(m_where, QString::number(position + 1));
    if (!value.isObject()) {
        m_problems->append(
            QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "%1 is %2, not an order item.")
                .arg(where, SitooJsonReader::describe(value)));
        return std::nullopt;
    }
    SitooJsonReader item(value.toObject(), where, m_problems);
    const qsizetype problemsBefore = item.problemCount();
    PosOrderLine line;

    const auto lineIndex = item.smallInteger("orderitemid");
    if (lineIndex && *lineIndex < 0) {
        item.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                    "\"orderitemid\" is %1, which is not a line number.")
                            .arg(*lineIndex));
    }
    line.lineIndex = lineIndex.value_or(-1);
    line.itemType = item.smallInteger("orderitemtype").value_or(0);
    line.sku = item.string("sku");
    line.productName = item.string("productname");
    const auto quantity = item.integer("quantity");
    line.quantity = quantity.value_or(0);
    line.unitQuantity = item.decimal("decimalunitquantity", SitooField::Optional);
    line.unitNetPrice = item.money("moneynetpriceperunit", m_currency).value_or(Money());
    line.lineNet = item.money("moneyitemtotal_net", m_currency).value_or(Money());
    line.lineVat = item.money("moneyitemtotal_vat", m_currency).value_or(Money());
    line.vatRate = item.vatRate("vatvalue").value_or(VatRate());
    line.discount = readDiscount(item, quantity);

    SitooJsonReader additional = item.nested("additionaldata");
    const auto originalLine = additional.smallInteger("pos-originalsales-orderitemid", SitooField::Optional);
    if (originalLine && *originalLine < 0) {
        additional.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                          "\"additionaldata.pos-originalsales-orderitemid\" is %1, "
                                                          "which is not a line number.")
                                  .arg(*originalLine));
    }
    line.originalLineIndex = originalLine;
    line.returnReasonCode = additional.string("reasoncode-return");

    if (item.problemCount() != problemsBefore)
        return std::nullopt;
    return line;
}

std::optional<PosDiscount> OrderMapper::readDiscount(SitooJsonReader &item, std::optional<qint64> quantity)
{
    const auto perUnit = item.money("moneydiscount", m_currency, SitooField::Optional);
    const QString voucherCode = item.string("vouchercode");
    const QString voucherName = item.string("vouchername");
    const bool hasAmount = perUnit && !perUnit->isZero();
    // A voucher with no amount is still reported: the promotion must be mapped in Prima either way.
    if (!hasAmount && voucherCode.isEmpty())
        return std::nullopt;
    if (!quantity || !m_currency.isValid())
        return std::nullopt; // already a problem; nothing to compute
    PosDiscount discount;
    discount.voucherCode = voucherCode;
    discount.voucherName = voucherName;
    discount.perUnitNet = perUnit.value_or(Money::zero(m_currency));
    auto lineDiscount = discount.perUnitNet.multiplied(magnitude(*quantity));
    if (!lineDiscount) {
        item.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                    "the discount of %1 per unit on %2 units is too large: %3")
                            .arg(discount.perUnitNet.toWireString())
                            .arg(*quantity)
                            .arg(lineDiscount.errorString()));
        return std::nullopt;
    }
    discount.lineNet = *lineDiscount;
    return discount;
}

void OrderMapper::readPayments(SitooJsonReader &order, PosOrder &out)
{
    const auto payments = readList(order, "payments");
    if (!payments)
        return;
    for (int position = 0; position < payments->size(); ++position) {
        if (auto payment = readPayment(payments->at(position), position))
            out.payments.append(*payment);
    }
}

std::optional<PosPayment> OrderMapper::readPayment(const QJsonValue &value, int position)
{
    const QString where = QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "%1, payment %2")
                              .arg(m_where, QString::number(position + 1));
    if (!value.isObject()) {
        m_problems->append(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "%1 is %2, not a payment.")
                               .arg(where, SitooJsonReader::describe(value)));
        return std::nullopt;
    }
    SitooJsonReader payment(value.toObject(), where, m_problems);
    const qsizetype problemsBefore = payment.problemCount();
    PosPayment out;
    out.paymentIndex = position; // 0-based, as pos-originalsales-payment-index refers to it
    out.methodName = payment.string("name", SitooField::Required);
    if (out.methodName.isEmpty() && payment.hasValue("name")) {
        payment.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                       "\"name\" is empty, so the tender cannot be identified."));
    }
    out.amount = payment.money("moneyamount", m_currency).value_or(Money());
    // The PSP or terminal reference; card numbers (giftcard-cardnumber*, additionaldata) are deliberately not read.
    out.reference = payment.string("refid");
    if (out.reference.isEmpty())
        out.reference = payment.string("externalid");
    SitooJsonReader additional = payment.nested("additionaldata");
    out.originalPaymentIndex = additional.smallInteger("pos-originalsales-payment-index", SitooField::Optional);

    if (payment.problemCount() != problemsBefore)
        return std::nullopt;
    return out;
}

void OrderMapper::resolveRefundLink(SitooJsonReader &order, SitooJsonReader &additional, PosOrder &out)
{
    const auto creditOrderId = order.integer("creditorderid", SitooField::Optional);
    const auto originalSalesOrderId = additional.integer("pos-originalsales-orderid", SitooField::Optional);
    // 0 is not an order id; Sitoo and loosely typed exports use it for "none".
    const auto positive = [](std::optional<qint64> id) -> std::optional<qint64> {
        return id && *id > 0 ? id : std::nullopt;
    };
    if (creditOrderId && *creditOrderId < 0) {
        order.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                     "\"creditorderid\" is %1, which is not an order id.")
                             .arg(*creditOrderId));
    }
    out.creditOrderId = positive(creditOrderId);
    const auto salesLink = positive(originalSalesOrderId);
    if (out.creditOrderId && salesLink && *out.creditOrderId != *salesLink) {
        order.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                     "\"creditorderid\" is %1 but "
                                                     "\"additionaldata.pos-originalsales-orderid\" is %2, so it is "
                                                     "not clear which sale this refund belongs to.")
                             .arg(*out.creditOrderId)
                             .arg(*salesLink));
    }
    out.originalOrderId = out.creditOrderId ? out.creditOrderId : salesLink;

    const bool allLinesNegative =
        !out.lines.isEmpty() &&
        std::all_of(out.lines.cbegin(), out.lines.cend(), [](const PosOrderLine &line) { return line.quantity < 0; });
    out.kind = out.originalOrderId || allLinesNegative ? PosOrderKind::Refund : PosOrderKind::Sale;
}

} // namespace

SitooOrderParse SitooOrderParser::parse(const QByteArray &rawOrder, const QString &sitooAccount)
{
    SitooOrderParse parse;
    parse.raw = rawOrder;
    parse.rawSha256Hex = Sha256::hexHash(rawOrder);

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(rawOrder, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        parse.orderId = recoverOrderId(rawOrder);
        if (rawOrder.trimmed().isEmpty()) {
            parse.problems.append(
                QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "%1: the order data is empty.")
                    .arg(orderLabel(parse.orderId)));
        } else {
            parse.problems.append(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                              "%1: the order data is not valid JSON (%2 at byte %3); "
                                                              "it may have been cut off in transfer.")
                                      .arg(orderLabel(parse.orderId), jsonError.errorString())
                                      .arg(jsonError.offset));
        }
        return parse;
    }
    if (!document.isObject()) {
        parse.problems.append(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                          "%1: the order data is a list, not an order object.")
                                  .arg(orderLabel(0)));
        return parse;
    }

    OrderMapper mapper(document.object(), &parse.problems);
    parse.orderId = mapper.readOrderId();
    PosOrder order = mapper.map(sitooAccount);
    order.rawPayloadSha256 = parse.rawSha256Hex;
    if (parse.problems.isEmpty())
        parse.order = std::move(order);
    return parse;
}

Result<SitooOrderList> SitooOrderParser::splitOrderList(const QByteArray &body)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                 "The order list from Sitoo is not valid JSON (%1 at byte %2).")
                         .arg(jsonError.errorString())
                         .arg(jsonError.offset)};
    }

    SitooOrderList list;
    QJsonArray items;
    qsizetype arrayBegin = -1;
    if (document.isArray()) {
        items = document.array();
        arrayBegin = skipWhitespace(body, 0);
    } else {
        QStringList problems;
        SitooJsonReader envelope(
            document.object(),
            QCoreApplication::translate("Tillbridge::Core::SitooOrderParser", "The order list from Sitoo"), &problems);
        const auto totalCount = envelope.integer("totalcount");
        if (totalCount && *totalCount < 0) {
            envelope.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                            "\"totalcount\" is %1, which is not a count.")
                                    .arg(*totalCount));
        }
        const auto array = envelope.array("items", SitooField::Optional);
        if (!array && problems.isEmpty() && totalCount.value_or(0) != 0) {
            envelope.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooOrderParser",
                                                            "\"totalcount\" is %1, but there is no \"items\" list.")
                                    .arg(*totalCount));
        }
        if (!problems.isEmpty())
            return Error{ErrorCode::InvalidInput, problems.join(u'\n')};
        list.totalCount = totalCount;
        items = array.value_or(QJsonArray());
        // QJsonDocument keeps the last of duplicate keys; so does this.
        for (const JsonMember &member : topLevelMembers(body)) {
            if (member.key == "items")
                arrayBegin = member.valueBegin;
        }
    }

    const auto spans = arrayElementSpans(body, arrayBegin);
    list.orders.reserve(items.size());
    if (spans.size() == items.size()) {
        for (const auto &[begin, end] : spans)
            list.orders.append(body.mid(begin, end - begin));
    } else {
        list.originalText = false;
        for (const QJsonValue &item : items)
            list.orders.append(compactJsonText(item));
    }
    return list;
}

qint64 SitooOrderParser::recoverOrderId(const QByteArray &rawOrder)
{
    for (const JsonMember &member : topLevelMembers(rawOrder)) {
        if (member.key != "orderid")
            continue;
        QByteArray value = rawOrder.mid(member.valueBegin, member.valueEnd - member.valueBegin);
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        return ok && id > 0 ? id : 0;
    }
    return 0;
}

} // namespace Tillbridge::Core
