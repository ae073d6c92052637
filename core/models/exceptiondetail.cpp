// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/exceptiondetail.h"

#include "core/money/vatcalculation.h"
#include "core/storage/orderrepository.h"
#include "core/storage/storerepository.h"

#include <QJsonDocument>
#include <QMap>

namespace Tillbridge::Core {

Result<OrderRecomputation> ExceptionDetail::recompute(const PosOrder &order)
{
    const Currency currency = order.currency;
    OrderRecomputation result;
    QList<Money> nets;
    QList<Money> vats;
    QMap<qint64, QList<const PosOrderLine *>> byRate; // rate units → lines
    for (const PosOrderLine &line : order.lines) {
        nets.append(line.lineNet);
        vats.append(line.lineVat);
        byRate[line.vatRate.units()].append(&line);
    }
    auto linesNet = sum(nets, currency);
    auto linesVat = sum(vats, currency);
    if (!linesNet)
        return linesNet.error();
    if (!linesVat)
        return linesVat.error();
    result.linesNet = *linesNet;
    result.linesVat = *linesVat;
    result.rounding = order.cashRounding.isValid() ? order.cashRounding : Money(0, currency);
    auto computed = result.linesNet.added(result.linesVat);
    if (computed)
        computed = computed->added(result.rounding);
    if (!computed)
        return computed.error();
    result.computedTotal = *computed;
    result.orderTotal = order.totalGross;
    auto difference = result.orderTotal.subtracted(result.computedTotal);
    if (!difference)
        return difference.error();
    result.difference = *difference;

    // Highest rate first, as an invoice lists them.
    for (auto it = byRate.constEnd(); it != byRate.constBegin();) {
        --it;
        VatRecomputation rate;
        rate.rate = it.value().first()->vatRate;
        QList<Money> rateNets;
        QList<Money> rateVats;
        for (const PosOrderLine *line : it.value()) {
            rateNets.append(line->lineNet);
            rateVats.append(line->lineVat);
        }
        auto net = sum(rateNets, currency);
        auto vat = sum(rateVats, currency);
        if (!net)
            return net.error();
        if (!vat)
            return vat.error();
        VatPolicy policy;
        policy.basis = PriceBasis::Net;
        policy.level = VatRoundingLevel::PerDocument;
        policy.mode = RoundingMode::HalfAwayFromZero;
        auto expected = lineVat(VatLine{*net, rate.rate}, policy);
        if (!expected)
            return expected.error();
        rate.net = *net;
        rate.vatOnOrder = *vat;
        rate.vatExpected = *expected;
        auto rateDifference = vat->subtracted(*expected);
        if (!rateDifference)
            return rateDifference.error();
        rate.difference = *rateDifference;
        rate.lines = int(it.value().size());
        result.byRate.append(rate);
    }
    return result;
}

Result<ExceptionDetail> ExceptionDetail::load(const QSqlDatabase &db, qint64 exceptionId)
{
    ExceptionRepository exceptions(db);
    auto record = exceptions.load(exceptionId);
    if (!record)
        return record.error();
    ExceptionDetail detail;
    detail.record = *record;
    auto history = exceptions.history(exceptionId);
    if (!history)
        return history.error();
    detail.history = *history;
    if (auto stores = StoreRepository(db).all()) {
        for (const Store &store : *stores) {
            if (store.id == record->storeId)
                detail.storeName = store.name;
        }
    }

    // Orders are "account:orderid"; a posting's exception is on its outbox row "sitoo:account:order:id".
    OrderRepository orders(db);
    QString account;
    qint64 sitooOrderId = 0;
    bool isOrder = false;
    if (record->entityType == u"order") {
        account = record->entityId.section(u':', 0, -2);
        sitooOrderId = record->entityId.section(u':', -1).toLongLong(&isOrder);
    } else if (record->entityType == u"outbox") {
        account = record->entityId.section(u':', 1, 1);
        sitooOrderId = record->entityId.section(u':', -1).toLongLong(&isOrder);
        auto outbox = OutboxRepository(db).findByExternalRef(record->entityId);
        if (outbox && outbox->has_value()) {
            detail.outbox = **outbox;
            if (auto attempts = OutboxRepository(db).attempts((*outbox)->id))
                detail.attempts = *attempts;
        }
    }
    if (!isOrder)
        return detail;
    auto stored = orders.findBySitooId(account, sitooOrderId);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return detail;
    const StoredOrder &storedOrder = **stored;
    detail.posOrderId = storedOrder.id;
    detail.malformed = storedOrder.malformed;
    detail.orderState = posOrderStateCode(storedOrder.state);
    if (auto raw = orders.rawPayload(storedOrder.id)) {
        const QJsonDocument json = QJsonDocument::fromJson(raw->payload);
        detail.rawPayload = json.isNull() ? raw->payload : json.toJson(QJsonDocument::Indented);
    }
    if (!storedOrder.malformed) {
        auto order = orders.load(storedOrder.id);
        if (order) {
            detail.order = *order;
            if (auto recomputation = recompute(*order))
                detail.recomputation = *recomputation;
        }
    }
    if (auto open = exceptions.openForEntity(record->entityType, record->entityId)) {
        for (const ExceptionRecord &other : *open) {
            if (other.id != record->id)
                detail.otherOpen.append(other);
        }
    }
    if (!detail.outbox) {
        auto outbox = OutboxRepository(db).findByExternalRef(
            QStringLiteral("sitoo:%1:order:%2").arg(account).arg(sitooOrderId));
        if (outbox && outbox->has_value()) {
            detail.outbox = **outbox;
            if (auto attempts = OutboxRepository(db).attempts((*outbox)->id))
                detail.attempts = *attempts;
        }
    }
    return detail;
}

} // namespace Tillbridge::Core
