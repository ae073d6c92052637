// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/review/quarantinereview.h"

#include "core/logging.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>
#include <optional>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::QuarantineReview", text);
}

constexpr int kPageSize = 500;
} // namespace

int ReleaseSummary::releasedCount() const
{
    return int(std::count_if(orders.cbegin(), orders.cend(), [](const ReviewedOrder &order) { return order.released; }));
}

QList<ReviewedOrder> ReleaseSummary::released() const
{
    QList<ReviewedOrder> list;
    std::copy_if(orders.cbegin(), orders.cend(), std::back_inserter(list),
                 [](const ReviewedOrder &order) { return order.released; });
    return list;
}

QList<ReviewedOrder> ReleaseSummary::kept() const
{
    QList<ReviewedOrder> list;
    std::copy_if(orders.cbegin(), orders.cend(), std::back_inserter(list),
                 [](const ReviewedOrder &order) { return !order.released; });
    return list;
}

QMap<ExceptionKind, int> ReleaseSummary::keptByKind() const
{
    QMap<ExceptionKind, int> counts;
    for (const ReviewedOrder &order : orders) {
        if (order.released)
            continue;
        for (const ExceptionKind kind : order.blockingKinds)
            ++counts[kind];
    }
    return counts;
}

/** What a review needs about one stored order besides the reference data. */
struct QuarantineReview::Prepared
{
    std::optional<PosOrder> order; ///< empty for a malformed order
    RoutingHistory history;
};

QuarantineReview::QuarantineReview(QSqlDatabase db)
    : m_db(std::move(db))
    , m_router(m_db)
{
}

Status QuarantineReview::refreshReferenceData()
{
    return m_router.refreshReferenceData();
}

Result<QList<StoredOrder>> QuarantineReview::quarantinedOrders() const
{
    const OrderRepository orders(m_db);
    QList<StoredOrder> all;
    qint64 after = 0;
    for (;;) {
        auto page = orders.ordersInState(PosOrderState::Quarantined, after, kPageSize);
        if (!page)
            return page.error();
        all += *page;
        if (page->size() < kPageSize)
            return all;
        after = page->last().id;
    }
}

Result<QuarantineReview::Prepared> QuarantineReview::prepare(const StoredOrder &order) const
{
    if (order.state != PosOrderState::Quarantined) {
        return Error{ErrorCode::InvalidInput,
                     tr("Order %1 is not quarantined (it is %2); only quarantined orders are reviewed.")
                         .arg(order.sitooOrderId)
                         .arg(posOrderStateCode(order.state))};
    }
    const ExceptionRepository exceptions(m_db);
    const QString entityId = OrderRouter::orderEntityId(order.sitooAccount, order.sitooOrderId);
    Prepared prepared;
    auto open = exceptions.openForEntity(QStringLiteral("order"), entityId);
    if (!open)
        return open.error();
    prepared.history.openExceptions = *open;
    auto decisions = exceptions.decisionsForEntity(QStringLiteral("order"), entityId);
    if (!decisions)
        return decisions.error();
    prepared.history.decisions = *decisions;
    if (!order.malformed) {
        auto loaded = OrderRepository(m_db).load(order.id);
        if (!loaded)
            return loaded.error();
        prepared.order = *loaded;
    }
    return prepared;
}

Result<ReviewedOrder> QuarantineReview::assess(const StoredOrder &order) const
{
    auto prepared = prepare(order);
    if (!prepared)
        return prepared.error();
    ReviewedOrder reviewed{order.id, order.sitooAccount, order.sitooOrderId, false, {}, {}};
    if (!prepared->order) {
        // Only the raw bytes are facts: nothing to validate, and a new version from Sitoo is what fixes it.
        reviewed.blockingKinds.append(ExceptionKind::MalformedOrder);
        for (const ExceptionRecord &open : std::as_const(prepared->history.openExceptions)) {
            if (open.severity == Severity::Blocking && !reviewed.blockingKinds.contains(open.kind))
                reviewed.blockingKinds.append(open.kind);
        }
        std::sort(reviewed.blockingKinds.begin(), reviewed.blockingKinds.end());
        return reviewed;
    }
    const RoutingVerdict verdict = m_router.assess(order.sitooAccount, *prepared->order, prepared->history);
    reviewed.released = verdict.ready();
    reviewed.blockingKinds = verdict.blockingKinds;
    reviewed.resolvedKinds = verdict.resolvedKinds;
    return reviewed;
}

Result<ReviewedOrder> QuarantineReview::revalidate(DbTransaction &tx, const StoredOrder &order, const QString &actor,
                                                   const QString &reason)
{
    if (actor.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A review of quarantined orders must name who asked for it.")};
    auto prepared = prepare(order);
    if (!prepared)
        return prepared.error();
    if (!prepared->order)
        return assess(order); // a malformed order is never routed again; nothing is written

    RoutingRequest request;
    request.actor = actor;
    request.quarantineReason = reason;
    request.releaseReason = reason;
    request.resolutionReason = reason;
    auto outcome = m_router.route(tx, order.sitooAccount, order.id, *prepared->order, prepared->history, request);
    if (!outcome)
        return outcome.error();
    ReviewedOrder reviewed{order.id, order.sitooAccount, order.sitooOrderId, outcome->verdict.ready(),
                           outcome->verdict.blockingKinds, outcome->verdict.resolvedKinds};
    qCInfo(lcSync) << "review: order" << order.sitooOrderId << (reviewed.released ? "released" : "kept");
    return reviewed;
}

Result<ReviewedOrder> QuarantineReview::retryOrder(qint64 posOrderId, const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A retry must name who asked for it.")};
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    // Read inside the transaction, so that nothing changes between the verdict and what it writes.
    if (auto refreshed = refreshReferenceData(); !refreshed)
        return refreshed.error();
    auto stored = OrderRepository(m_db).storedOrder(posOrderId);
    if (!stored)
        return stored.error();
    auto reviewed = revalidate(tx, *stored, actor,
                               tr("Validated again when %1 retried the order with the current mappings and "
                                  "catalogue.")
                                   .arg(actor));
    if (!reviewed)
        return reviewed.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return reviewed;
}

} // namespace Tillbridge::Core
