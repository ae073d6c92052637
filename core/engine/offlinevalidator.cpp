// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/offlinevalidator.h"

#include "core/engine/validation/ordervalidator.h"
#include "core/sitoo/sitooorderparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OfflineValidator", text);
}
} // namespace

QJsonObject OrderVerdict::toJson() const
{
    QJsonArray exceptions;
    for (const ValidationFinding &finding : findings)
        exceptions.append(QJsonObject{{QStringLiteral("kind"), ExceptionKinds::code(finding.kind)},
                                      {QStringLiteral("detail"), finding.explanation}});
    return QJsonObject{{QStringLiteral("orderid"), orderId},
                       {QStringLiteral("verdict"), ready ? QStringLiteral("ready") : QStringLiteral("quarantined")},
                       {QStringLiteral("exceptions"), exceptions}};
}

Status OfflineValidator::loadItems(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonArray items = document.isArray() ? document.array() : document.object().value(u"items").toArray();
    if (document.isNull() || (!document.isArray() && !document.object().contains(u"items")))
        return Error{ErrorCode::InvalidInput, tr("The item file is not a Prima item list ({\"items\": [...]}).")};
    QHash<QString, bool> known;
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString status = object.value(u"status").toString(QStringLiteral("ACTIVE"));
        known.insert(object.value(u"sku").toString(), status != u"ACTIVE");
    }
    m_items = known;
    return Status::success();
}

Status OfflineValidator::loadMappings(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return Error{ErrorCode::InvalidInput, tr("The mapping file is not a JSON object.")};
    const QJsonObject root = document.object();
    for (auto kind = root.begin(); kind != root.end(); ++kind) {
        const QJsonObject entries = kind.value().toObject();
        for (auto entry = entries.begin(); entry != entries.end(); ++entry)
            m_mappings[kind.key()].insert(entry.key(), entry.value().toString());
    }
    return Status::success();
}

Result<QList<OrderVerdict>> OfflineValidator::validate(const QByteArray &ordersJson, const QString &sitooAccount)
{
    auto list = SitooOrderParser::splitOrderList(ordersJson);
    if (!list)
        return list.error();
    // Sales seen so far, and what refunds already took back from them, for the refund rules.
    QHash<qint64, OriginalSale> sales;
    QList<OrderVerdict> verdicts;
    for (const QByteArray &raw : list->orders) {
        const SitooOrderParse parse = SitooOrderParser::parse(raw, sitooAccount);
        OrderVerdict verdict;
        verdict.orderId = parse.orderId;
        if (!parse.order) {
            verdict.findings.append(ValidationFinding::make(
                ExceptionKind::MalformedOrder, tr("The order could not be read: %1").arg(parse.problems.join(u' '))));
            verdicts.append(verdict);
            continue;
        }
        const PosOrder &order = *parse.order;
        ValidationContext context;
        const QString location = m_mappings.value(QStringLiteral("store")).value(order.storeExternalId);
        if (!location.isEmpty()) {
            Store store;
            store.sitooStoreId = order.storeExternalId;
            store.sitooWarehouseId = order.warehouseId;
            store.currency = order.currency;
            store.taxRegime = order.currency.code() == u"SEK" ? TaxRegime::Sweden : TaxRegime::UnitedKingdom;
            store.timeZone = order.timeZone;
            store.primaLocation = location;
            context.store = store;
        }
        context.catalogue = [this](const QString &sku) -> std::optional<CatalogueFacts> {
            if (!m_items)
                return CatalogueFacts{}; // no item master given: the SKU check is skipped
            const auto it = m_items->constFind(sku);
            if (it == m_items->constEnd())
                return std::nullopt;
            return CatalogueFacts{*it, *it ? QStringLiteral("blocked") : QString()};
        };
        context.taxCodes = m_mappings.value(QStringLiteral("tax_rate"));
        context.tenders = m_mappings.value(QStringLiteral("payment_method"));
        context.promotions = m_mappings.value(QStringLiteral("promotion"));
        context.dispositions = m_mappings.value(QStringLiteral("refund_reason"));
        context.originalSale = [&sales](qint64 orderId) -> std::optional<OriginalSale> {
            const auto it = sales.constFind(orderId);
            return it == sales.constEnd() ? std::nullopt : std::optional<OriginalSale>(*it);
        };
        verdict.findings = OrderValidator::validate(order, context);
        verdict.ready = !isBlocking(verdict.findings);
        if (order.kind == PosOrderKind::Sale) {
            OriginalSale sale;
            sale.orderId = order.orderId;
            for (const PosOrderLine &line : order.lines)
                sale.lines.insert(line.lineIndex, {line.sku, line.quantity, 0});
            sales.insert(order.orderId, sale);
        } else if (order.originalOrderId && sales.contains(*order.originalOrderId)) {
            OriginalSale &sale = sales[*order.originalOrderId];
            for (const PosOrderLine &line : order.lines) {
                if (line.originalLineIndex && sale.lines.contains(*line.originalLineIndex))
                    sale.lines[*line.originalLineIndex].quantityReturned += -line.quantity;
            }
        }
        verdicts.append(verdict);
    }
    return verdicts;
}

} // namespace Tillbridge::Core
