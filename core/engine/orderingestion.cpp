// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/orderingestion.h"

#include "core/engine/failpoints.h"
#include "core/engine/posting/documentbuilder.h"
#include "core/engine/validation/ordervalidator.h"
#include "core/logging.h"
#include "core/prima/primajson.h"
#include "core/sitoo/sitooorderparser.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"
#include "core/storage/storerepository.h"
#include "core/storage/syncstaterepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OrderIngestion", text);
}

const QString kSource = QStringLiteral("sitoo");
const QString kStream = QStringLiteral("orders");

Result<QHash<QString, QString>> mappingHash(const MappingRepository &mappings, MappingKind kind)
{
    auto all = mappings.all(kind);
    if (!all)
        return all.error();
    QHash<QString, QString> hash;
    for (const Mapping &mapping : *all)
        hash.insert(mapping.sourceKey, mapping.target);
    return hash;
}

/** The entity an order's exceptions are filed under: unique across Sitoo accounts. */
QString orderEntityId(const QString &account, qint64 orderId)
{
    return account + u':' + QString::number(orderId);
}

ExceptionRecord exceptionFor(const ValidationFinding &finding, const QString &entityId, qint64 storeId)
{
    ExceptionRecord record = ExceptionRecord::open(finding.kind, QStringLiteral("order"), entityId,
                                                   finding.explanation, finding.details, storeId);
    record.severity = finding.severity; // a rule may rank a finding differently from its kind's default
    if (finding.lineIndex >= 0)
        record.details.insert(QStringLiteral("lineIndex"), finding.lineIndex);
    return record;
}
} // namespace

IngestSummary &IngestSummary::operator+=(const IngestSummary &other)
{
    received += other.received;
    unchanged += other.unchanged;
    ready += other.ready;
    quarantined += other.quarantined;
    duplicates += other.duplicates;
    malformed += other.malformed;
    exceptions += other.exceptions;
    lastOrderId = std::max(lastOrderId, other.lastOrderId);
    return *this;
}

struct OrderIngestion::Routed
{
    enum class Outcome { Unchanged, Ready, Quarantined, Duplicate, Malformed } outcome = Outcome::Unchanged;
    qint64 sitooOrderId = 0;
    int exceptions = 0;
};

OrderIngestion::OrderIngestion(QSqlDatabase db, QString sitooAccount)
    : m_db(std::move(db))
    , m_account(std::move(sitooAccount))
{
}

Status OrderIngestion::refreshReferenceData()
{
    auto stores = StoreRepository(m_db).all();
    if (!stores)
        return stores.error();
    m_stores = *stores;
    const MappingRepository mappings(m_db);
    const std::pair<MappingKind, QHash<QString, QString> *> tables[] = {
        {MappingKind::Store, &m_locations},       {MappingKind::TaxRate, &m_taxCodes},
        {MappingKind::PaymentMethod, &m_tenders}, {MappingKind::Promotion, &m_promotions},
        {MappingKind::RefundReason, &m_dispositions},
    };
    for (const auto &[kind, target] : tables) {
        auto hash = mappingHash(mappings, kind);
        if (!hash)
            return hash.error();
        *target = *hash;
    }
    auto catalogue = CatalogueRepository(m_db).latest(CatalogueRepository::Source::Prima);
    if (!catalogue)
        return catalogue.error();
    m_catalogue = *catalogue;
    return Status::success();
}

Result<qint64> OrderIngestion::lastOrderId() const
{
    auto cursor = SyncStateRepository(m_db).cursor(kSource, m_account, kStream);
    if (!cursor)
        return cursor.error();
    return cursor->value_or(QStringLiteral("0")).toLongLong();
}

std::optional<Store> OrderIngestion::storeFor(const PosOrder &order) const
{
    // Sitoo orders name their warehouse, and usually the store's external id; either identifies the store.
    for (const Store &store : m_stores) {
        const bool byWarehouse = order.warehouseId != 0 && store.sitooWarehouseId == order.warehouseId;
        const bool byExternalId = !order.storeExternalId.isEmpty() && store.sitooStoreId == order.storeExternalId;
        if (store.sitooAccount != m_account || !(byWarehouse || byExternalId))
            continue;
        Store mapped = store;
        // The store mapping is the authority for the Prima location; the store row keeps the last known one.
        mapped.primaLocation = m_locations.value(store.sitooStoreId, store.primaLocation);
        if (mapped.primaLocation.isEmpty())
            return std::nullopt; // known store, but no Prima location: UNMAPPED_STORE
        return mapped;
    }
    return std::nullopt;
}

ValidationContext OrderIngestion::contextFor(const PosOrder &order, qint64 excludingRefundId) const
{
    ValidationContext context;
    context.store = storeFor(order);
    context.catalogue = [this](const QString &sku) -> std::optional<CatalogueFacts> {
        const auto it = m_catalogue.constFind(sku);
        if (it == m_catalogue.constEnd())
            return std::nullopt;
        return CatalogueFacts{it->blocked || !it->active, it->blocked ? QStringLiteral("blocked")
                                                          : it->active ? QString()
                                                                       : QStringLiteral("discontinued")};
    };
    context.taxCodes = m_taxCodes;
    context.tenders = m_tenders;
    context.promotions = m_promotions;
    context.dispositions = m_dispositions;
    context.originalSale = [this, excludingRefundId](qint64 saleOrderId) -> std::optional<OriginalSale> {
        auto stored = OrderRepository(m_db).originalSaleFor(m_account, saleOrderId, excludingRefundId);
        if (!stored || !stored->has_value())
            return std::nullopt;
        OriginalSale sale;
        sale.orderId = saleOrderId;
        for (const auto &line : (*stored)->lines)
            sale.lines.insert(line.lineIndex, {line.sku, line.quantitySold, line.quantityReturned});
        return sale;
    };
    return context;
}

Result<IngestSummary> OrderIngestion::ingestPage(const QList<QByteArray> &rawOrders)
{
    IngestSummary summary;
    if (rawOrders.isEmpty())
        return summary;
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    for (const QByteArray &raw : rawOrders) {
        auto routed = ingestOne(tx, raw);
        if (!routed)
            return routed.error(); // the transaction rolls back: the page is read again next time
        ++summary.received;
        summary.exceptions += routed->exceptions;
        summary.lastOrderId = std::max(summary.lastOrderId, routed->sitooOrderId);
        switch (routed->outcome) {
        case Routed::Outcome::Unchanged:
            ++summary.unchanged;
            break;
        case Routed::Outcome::Ready:
            ++summary.ready;
            break;
        case Routed::Outcome::Quarantined:
            ++summary.quarantined;
            break;
        case Routed::Outcome::Duplicate:
            ++summary.duplicates;
            break;
        case Routed::Outcome::Malformed:
            ++summary.malformed;
            break;
        }
    }
    // The cursor moves with the page it read, in the same transaction.
    auto previous = lastOrderId();
    if (!previous)
        return previous.error();
    if (summary.lastOrderId > *previous) {
        if (auto moved = SyncStateRepository(m_db).setCursor(tx, kSource, m_account, kStream,
                                                             QString::number(summary.lastOrderId));
            !moved) {
            return moved.error();
        }
    }
    FailPoints::hit("import.before_commit");
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return summary;
}

Result<OrderIngestion::Routed> OrderIngestion::ingestOne(DbTransaction &tx, const QByteArray &raw)
{
    const SitooOrderParse parse = SitooOrderParser::parse(raw, m_account);
    Routed routed;
    routed.sitooOrderId = parse.orderId;
    OrderRepository orders(m_db);
    ExceptionRepository exceptions(m_db);
    auto received = orders.receive(tx, m_account, parse.orderId, raw, parse.rawSha256Hex, parse.order);
    if (!received)
        return received.error();
    const QString entityId = orderEntityId(m_account, parse.orderId);
    auto raise = [&](const ExceptionRecord &record) -> Status {
        auto raised = exceptions.raise(tx, record, actor());
        if (!raised)
            return raised.error();
        if (raised->outcome != ExceptionRaise::AlreadyOpen)
            ++routed.exceptions;
        return Status::success();
    };

    switch (received->receipt) {
    case OrderReceipt::Unchanged:
        routed.outcome = Routed::Outcome::Unchanged;
        return routed;
    case OrderReceipt::ChangedContent: {
        // Both versions are kept; which one is right is a person's decision, so the order waits for it.
        routed.outcome = Routed::Outcome::Duplicate;
        ValidationFinding finding = ValidationFinding::make(
            ExceptionKind::DuplicateOrder,
            tr("Order %1 arrived again with different content. Both versions are kept; the first one is the one "
               "Tillbridge works with until someone decides.")
                .arg(parse.orderId),
            QJsonObject{{QStringLiteral("sha256"), QString::fromLatin1(parse.rawSha256Hex)}});
        if (auto status = raise(exceptionFor(finding, entityId, 0)); !status)
            return status.error();
        return routed;
    }
    case OrderReceipt::New:
        break;
    }

    if (!parse.order) {
        routed.outcome = Routed::Outcome::Malformed;
        ValidationFinding finding = ValidationFinding::make(
            ExceptionKind::MalformedOrder,
            tr("Order %1 could not be read: %2 The order as Sitoo sent it is kept.")
                .arg(parse.orderId)
                .arg(parse.problems.join(QStringLiteral(" "))),
            QJsonObject{{QStringLiteral("problems"), QJsonArray::fromStringList(parse.problems)}});
        if (auto status = raise(exceptionFor(finding, entityId, 0)); !status)
            return status.error();
        return routed; // stored quarantined by the repository
    }

    const PosOrder &order = *parse.order;
    const ValidationContext context = contextFor(order, order.orderId); // its own lines are stored already
    QList<ValidationFinding> findings = OrderValidator::validate(order, context);
    // The same receipt under a second order id would post one sale twice: hold the later one for a person.
    auto twin = orders.findOtherWithReceipt(m_account, order.receiptId, order.orderId);
    if (!twin)
        return twin.error();
    if (twin->has_value()) {
        const StoredOrder &first = **twin;
        findings.append(ValidationFinding::make(
            ExceptionKind::DuplicateOrder,
            tr("Receipt %1 arrived before as order %2 (total %3 %4); this order %5 carries the same receipt with a "
               "total of %6 %4. Only one of them can be posted.")
                .arg(order.receiptId)
                .arg(first.sitooOrderId)
                .arg(Money(first.totalGrossMinor, order.currency).toWireString(), order.currency.code())
                .arg(order.orderId)
                .arg(order.totalGross.toWireString()),
            QJsonObject{{QStringLiteral("receiptId"), order.receiptId},
                        {QStringLiteral("firstOrderId"), first.sitooOrderId},
                        {QStringLiteral("firstTotalMinor"), first.totalGrossMinor},
                        {QStringLiteral("totalMinor"), order.totalGross.minorUnits()},
                        {QStringLiteral("currency"), order.currency.code()}}));
    }
    const qint64 storeId = context.store ? context.store->id : 0;
    for (const ValidationFinding &finding : findings) {
        if (auto status = raise(exceptionFor(finding, entityId, storeId)); !status)
            return status.error();
    }
    if (isBlocking(findings)) {
        routed.outcome = Routed::Outcome::Quarantined;
        if (auto status = orders.setState(tx, received->posOrderId, PosOrderState::Quarantined, actor(),
                                          tr("Held back: blocking exceptions were raised."));
            !status) {
            return status.error();
        }
        return routed;
    }

    // Valid: freeze the codes it posts with, build the document, and write the intent before anything is sent.
    PostingMappings mappings;
    mappings.location = context.store->primaLocation;
    mappings.taxCodeByRate = m_taxCodes;
    mappings.tenderByMethod = m_tenders;
    mappings.promotionByVoucher = m_promotions;
    mappings.dispositionByReason = m_dispositions;
    QJsonObject document;
    if (order.kind == PosOrderKind::Sale) {
        auto sale = DocumentBuilder::salesOrder(order, *context.store, mappings);
        if (!sale)
            return sale.error();
        auto json = PrimaJson::salesOrderToJson(*sale);
        if (!json)
            return json.error();
        document = *json;
    } else {
        auto note = DocumentBuilder::creditNote(order, *context.store, mappings);
        if (!note)
            return note.error();
        auto json = PrimaJson::creditNoteToJson(*note);
        if (!json)
            return json.error();
        document = *json;
    }
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("mappings"), mappings.toJson()},
                                                         {QStringLiteral("document"), document}})
                                   .toJson(QJsonDocument::Compact);
    const auto type = order.kind == PosOrderKind::Sale ? OutboxDocumentType::SalesOrder : OutboxDocumentType::CreditNote;
    auto enqueued = OutboxRepository(m_db).enqueue(tx, received->posOrderId, type,
                                                   DocumentBuilder::idempotencyKey(m_account, order.orderId, order.kind),
                                                   DocumentBuilder::externalRef(m_account, order.orderId), payload);
    if (!enqueued)
        return enqueued.error();
    if (auto status = orders.setState(tx, received->posOrderId, PosOrderState::Ready, actor(), QString()); !status)
        return status.error();
    routed.outcome = Routed::Outcome::Ready;
    return routed;
}

} // namespace Tillbridge::Core
