// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/orderrouter.h"

#include "core/engine/posting/documentbuilder.h"
#include "core/engine/validation/ordervalidator.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OrderRouter", text);
}

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

void addKind(QList<ExceptionKind> &kinds, ExceptionKind kind)
{
    if (!kinds.contains(kind))
        kinds.append(kind);
}
} // namespace

OrderRouter::OrderRouter(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString OrderRouter::orderEntityId(const QString &account, qint64 sitooOrderId)
{
    return account + u':' + QString::number(sitooOrderId);
}

bool OrderRouter::isRevalidated(ExceptionKind kind)
{
    // Exactly what OrderValidator's rules can find; anything else on an order is a person's to close.
    switch (kind) {
    case ExceptionKind::UnknownSku:
    case ExceptionKind::SkuBlocked:
    case ExceptionKind::TotalsMismatch:
    case ExceptionKind::TaxVariance:
    case ExceptionKind::TaxRoundingMethod:
    case ExceptionKind::UnmappedTaxRate:
    case ExceptionKind::UnmappedPaymentMethod:
    case ExceptionKind::UnmappedPromotion:
    case ExceptionKind::UnmappedStore:
    case ExceptionKind::CurrencyMismatch:
    case ExceptionKind::ReturnWithoutOriginal:
    case ExceptionKind::ReturnExceedsOriginal:
        return true;
    default:
        return false;
    }
}

ExceptionRecord OrderRouter::exceptionFor(const ValidationFinding &finding, const QString &entityId, qint64 storeId)
{
    ExceptionRecord record = ExceptionRecord::open(finding.kind, QStringLiteral("order"), entityId,
                                                   finding.explanation, finding.details, storeId);
    record.severity = finding.severity; // a rule may rank a finding differently from its kind's default
    if (finding.lineIndex >= 0)
        record.details.insert(QStringLiteral("lineIndex"), finding.lineIndex);
    return record;
}

Status OrderRouter::refreshReferenceData()
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
    freezeMappings();
    return Status::success();
}

PostingMappings OrderRouter::mappingsFor(const QString &location) const
{
    PostingMappings mappings;
    mappings.location = location;
    mappings.taxCodeByRate = m_taxCodes;
    mappings.tenderByMethod = m_tenders;
    mappings.promotionByVoucher = m_promotions;
    mappings.dispositionByReason = m_dispositions;
    return mappings;
}

void OrderRouter::freezeMappings()
{
    // The frozen codes are the same for every order of a location until the mappings change: built once, here.
    m_frozenMappings.clear();
    for (const Store &store : std::as_const(m_stores)) {
        const QString location = m_locations.value(store.sitooStoreId, store.primaLocation);
        if (!location.isEmpty() && !m_frozenMappings.contains(location))
            m_frozenMappings.insert(location, mappingsFor(location).toJson());
    }
}

Result<OutboxPayload> OrderRouter::postingPayload(const PosOrder &order, const Store &store) const
{
    const PostingMappings mappings = mappingsFor(store.primaLocation);
    auto document = DocumentBuilder::document(order, store, mappings);
    if (!document)
        return document.error();
    const auto frozen = m_frozenMappings.constFind(mappings.location);
    const QJsonObject frozenJson = frozen != m_frozenMappings.constEnd() ? *frozen : mappings.toJson();
    return OutboxPayload::fromObject(
        QJsonObject{{QStringLiteral("mappings"), frozenJson}, {QStringLiteral("document"), document->json}});
}

std::optional<PreparedPosting> OrderRouter::prepare(const QString &account, const PosOrder &order) const
{
    const std::optional<Store> store = storeFor(account, order);
    if (!store)
        return std::nullopt;
    auto payload = postingPayload(order, *store);
    if (!payload)
        return std::nullopt; // route() builds it again and reports why
    return PreparedPosting{store->id, store->primaLocation, *payload};
}

void OrderRouter::overlayMappings(const QList<Mapping> &mappings)
{
    for (const Mapping &mapping : mappings) {
        switch (mapping.kind) {
        case MappingKind::Store:
            m_locations.insert(mapping.sourceKey, mapping.target);
            break;
        case MappingKind::TaxRate:
            m_taxCodes.insert(mapping.sourceKey, mapping.target);
            break;
        case MappingKind::PaymentMethod:
            m_tenders.insert(mapping.sourceKey, mapping.target);
            break;
        case MappingKind::Promotion:
            m_promotions.insert(mapping.sourceKey, mapping.target);
            break;
        case MappingKind::RefundReason:
            m_dispositions.insert(mapping.sourceKey, mapping.target);
            break;
        }
    }
    freezeMappings();
}

std::optional<Store> OrderRouter::storeFor(const QString &account, const PosOrder &order) const
{
    // Sitoo orders name their warehouse, and usually the store's external id; either identifies the store.
    for (const Store &store : m_stores) {
        const bool byWarehouse = order.warehouseId != 0 && store.sitooWarehouseId == order.warehouseId;
        const bool byExternalId = !order.storeExternalId.isEmpty() && store.sitooStoreId == order.storeExternalId;
        if (store.sitooAccount != account || !(byWarehouse || byExternalId))
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

ValidationContext OrderRouter::contextFor(const QString &account, const PosOrder &order,
                                          qint64 excludingRefundId, DbTransaction *tx) const
{
    ValidationContext context;
    context.store = storeFor(account, order);
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
    const QSqlDatabase db = m_db;
    context.originalSale = [db, tx, account, excludingRefundId](qint64 saleOrderId) -> std::optional<OriginalSale> {
        const OrderRepository orders(db);
        auto stored = tx ? orders.originalSaleFor(*tx, account, saleOrderId, excludingRefundId)
                         : orders.originalSaleFor(account, saleOrderId, excludingRefundId);
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

RoutingVerdict OrderRouter::assess(const QString &account, const PosOrder &order, const RoutingHistory &history,
                                   const QList<ValidationFinding> &extraFindings) const
{
    return assess(account, order, history, extraFindings, nullptr);
}

RoutingVerdict OrderRouter::assess(const QString &account, const PosOrder &order, const RoutingHistory &history,
                                   const QList<ValidationFinding> &extraFindings, DbTransaction *tx) const
{
    RoutingVerdict verdict;
    const ValidationContext context = contextFor(account, order, order.orderId, tx); // its own lines are stored
    verdict.store = context.store;
    QList<ValidationFinding> found = OrderValidator::validate(order, context);
    found += extraFindings;

    QList<ExceptionKind> foundKinds;
    for (const ValidationFinding &finding : std::as_const(found)) {
        addKind(foundKinds, finding.kind);
        const auto decision = history.decisions.constFind(finding.kind);
        if (decision != history.decisions.constEnd() && *decision == ExceptionState::Approved)
            continue; // an approved override accepts this kind for this order
        if (finding.severity == Severity::Blocking)
            addKind(verdict.blockingKinds, finding.kind);
        if (decision != history.decisions.constEnd() && *decision == ExceptionState::Rejected)
            continue; // still blocking, but the rejected exception already says why
        verdict.findings.append(finding);
    }
    for (const ExceptionRecord &open : history.openExceptions) {
        if (isRevalidated(open.kind)) {
            if (!foundKinds.contains(open.kind))
                addKind(verdict.resolvedKinds, open.kind);
        } else if (open.severity == Severity::Blocking) {
            addKind(verdict.blockingKinds, open.kind); // DUPLICATE_ORDER, MALFORMED_ORDER, ...: a person decides
        }
    }
    if (verdict.blockingKinds.isEmpty() && !verdict.store)
        addKind(verdict.blockingKinds, ExceptionKind::UnmappedStore); // nothing posts without a Prima location
    std::sort(verdict.blockingKinds.begin(), verdict.blockingKinds.end());
    std::sort(verdict.resolvedKinds.begin(), verdict.resolvedKinds.end());
    return verdict;
}

Result<RoutingOutcome> OrderRouter::route(DbTransaction &tx, const QString &account, qint64 posOrderId,
                                          const PosOrder &order, const RoutingHistory &history,
                                          const RoutingRequest &request)
{
    RoutingOutcome outcome;
    outcome.verdict = assess(account, order, history, request.extraFindings, &tx);
    const RoutingVerdict &verdict = outcome.verdict;
    const QString entityId = orderEntityId(account, order.orderId);
    const qint64 storeId = verdict.store ? verdict.store->id : 0;

    ExceptionRepository exceptions(m_db);
    for (const ValidationFinding &finding : verdict.findings) {
        auto raised = exceptions.raise(tx, exceptionFor(finding, entityId, storeId), QStringLiteral("system"));
        if (!raised)
            return raised.error();
        if (raised->outcome != ExceptionRaise::AlreadyOpen)
            ++outcome.exceptionsRaised;
    }
    const QString resolution = request.resolutionReason.isEmpty()
                                   ? tr("No longer found when the order was validated again.")
                                   : request.resolutionReason;
    for (const ExceptionKind kind : verdict.resolvedKinds) {
        if (auto resolved = exceptions.autoResolve(tx, QStringLiteral("order"), entityId, kind, resolution);
            !resolved) {
            return resolved.error();
        }
    }

    OrderRepository orders(m_db);
    if (!verdict.ready()) {
        if (auto status = orders.setState(tx, posOrderId, PosOrderState::Quarantined, request.actor,
                                          request.quarantineReason);
            !status) {
            return status.error();
        }
        return outcome;
    }

    // Valid: freeze the codes it posts with, build the document, and write the intent before anything is sent. A
    // payload prepared ahead for the same store and location is the same bytes (the same functions on the same
    // reference data); the relay rebuilds every document before sending and refuses any that differs.
    std::optional<OutboxPayload> payload;
    if (request.prepared && request.prepared->storeId == verdict.store->id
        && request.prepared->location == verdict.store->primaLocation) {
        payload = request.prepared->payload;
    } else {
        auto built = postingPayload(order, *verdict.store);
        if (!built)
            return built.error();
        payload = *built;
    }
    const auto type = order.kind == PosOrderKind::Sale ? OutboxDocumentType::SalesOrder : OutboxDocumentType::CreditNote;
    auto enqueued = OutboxRepository(m_db).enqueue(tx, posOrderId, type,
                                                   DocumentBuilder::idempotencyKey(account, order.orderId, order.kind),
                                                   DocumentBuilder::externalRef(account, order.orderId), *payload);
    if (!enqueued)
        return enqueued.error();
    if (auto status = orders.setState(tx, posOrderId, PosOrderState::Ready, request.actor, request.releaseReason);
        !status) {
        return status.error();
    }
    return outcome;
}

} // namespace Tillbridge::Core
