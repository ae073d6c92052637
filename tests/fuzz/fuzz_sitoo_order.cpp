// SPDX-License-Identifier: GPL-3.0-or-later
// Sitoo orders (sitoo-api.md §3.7): SitooOrderParser::parse, splitOrderList and recoverOrderId, exactly as the
// engine's ingestion calls them. Input: one order object, or a GET /orders.json page (envelope or bare array).
// Invariants:
// - a parse never drops an order: it keeps the raw bytes and their SHA-256, and either has an order or says why not;
// - an accepted order has a positive id, and every amount is whole minor units in the order's currency whose wire
//   text reads back exactly;
// - the same bytes give the same result (nothing carried over from an earlier run);
// - splitOrderList cuts out, as Sitoo wrote it, text that reads back as the same element of the list.

#include "fuzzcheck.h"

#include "core/sitoo/sitooorderparser.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

const QString kAccount = QStringLiteral("90001");

void checkOrder(const PosOrder &order, const SitooOrderParse &parse)
{
    const Currency currency = order.currency;
    FUZZ_CHECK(currency.isValid());
    FUZZ_CHECK(order.orderId > 0 && order.orderId == parse.orderId);
    FUZZ_CHECK(order.sitooAccount == kAccount);
    FUZZ_CHECK(order.rawPayloadSha256 == parse.rawSha256Hex);
    for (const Money &amount : {order.totalNet, order.totalVat, order.cashRounding, order.totalGross, order.salesTax})
        checkMoney(amount, currency);
    if (order.originalOrderId)
        FUZZ_CHECK(*order.originalOrderId > 0 && order.kind == PosOrderKind::Refund);
    for (const PosOrderLine &line : order.lines) {
        for (const Money &amount : {line.unitNetPrice, line.lineNet, line.lineVat})
            checkMoney(amount, currency);
        if (line.discount) {
            checkMoney(line.discount->perUnitNet, currency);
            checkMoney(line.discount->lineNet, currency);
        }
    }
    for (const PosPayment &payment : order.payments)
        checkMoney(payment.amount, currency);
}

void checkParse(const QByteArray &raw)
{
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    FUZZ_CHECK(parse.raw == raw);
    FUZZ_CHECK(parse.rawSha256Hex == QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    FUZZ_CHECK(parse.isOk() == parse.problems.isEmpty()); // held back with a reason, or accepted: never neither
    FUZZ_CHECK(parse.orderId >= 0);
    for (const QString &problem : parse.problems)
        FUZZ_CHECK(!problem.isEmpty());
    if (parse.order)
        checkOrder(*parse.order, parse);

    const SitooOrderParse again = SitooOrderParser::parse(raw, kAccount);
    FUZZ_CHECK(again.problems == parse.problems && again.orderId == parse.orderId);
    FUZZ_CHECK(again.isOk() == parse.isOk());
    if (again.order) {
        FUZZ_CHECK(again.order->totalGross == parse.order->totalGross);
        FUZZ_CHECK(again.order->lines.size() == parse.order->lines.size());
    }
    FUZZ_CHECK(SitooOrderParser::recoverOrderId(raw) >= 0);
}

void checkSplit(const QByteArray &body)
{
    const auto list = SitooOrderParser::splitOrderList(body);
    if (!list) {
        FUZZ_CHECK(!list.errorString().isEmpty());
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonArray items =
        document.isArray() ? document.array() : document.object().value(QStringLiteral("items")).toArray();
    FUZZ_CHECK_MSG(list->orders.size() == items.size(),
                   QString::number(list->orders.size()) + u" vs " + QString::number(items.size()));
    for (qsizetype i = 0; i < list->orders.size(); ++i) {
        const QByteArray &element = list->orders.at(i);
        if (list->originalText)
            FUZZ_CHECK(body.contains(element));
        // The element's text, read on its own, is the same JSON value as the element in the whole page.
        const QJsonDocument wrapped = QJsonDocument::fromJson(QByteArray("[" + element + "]"));
        FUZZ_CHECK_MSG(wrapped.isArray() && wrapped.array().size() == 1 && wrapped.array().at(0) == items.at(i),
                       QString::fromUtf8(element.left(200)));
        checkParse(element);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray raw = TillbridgeFuzz::bytes(data, size);
        checkParse(raw);
        checkSplit(raw);
    });
}
