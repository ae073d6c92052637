// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/review/mappingchangereview.h"

#include "core/logging.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QStringList>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::MappingChangeReview", text);
}

constexpr int kDescribedMappings = 3;
} // namespace

MappingChangeReview::MappingChangeReview(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString MappingChangeReview::describe(const QList<Mapping> &change)
{
    QStringList parts;
    for (const Mapping &mapping : change.first(std::min<qsizetype>(change.size(), kDescribedMappings)))
        parts.append(QStringLiteral("%1 \"%2\" → %3").arg(mappingKindCode(mapping.kind), mapping.sourceKey,
                                                           mapping.target));
    QString text = parts.join(QStringLiteral(", "));
    if (change.size() > kDescribedMappings)
        text += tr(" and %1 more").arg(change.size() - kDescribedMappings);
    return text;
}

Result<QList<Mapping>> MappingChangeReview::checked(const QList<Mapping> &change) const
{
    if (change.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("The mapping change is empty: there is nothing to review.")};
    QList<Mapping> normalised;
    QStringList problems;
    for (const Mapping &mapping : change) {
        auto entry = MappingRepository::checked(mapping.kind, mapping.sourceKey, mapping.target);
        if (!entry)
            problems.append(entry.errorString());
        else
            normalised.append(*entry);
    }
    if (!problems.isEmpty()) {
        return Error{ErrorCode::InvalidInput, tr("The mapping change was not reviewed. Problems:") + u'\n'
                                                  + QStringLiteral("- ") + problems.join(QStringLiteral("\n- "))};
    }
    return normalised;
}

Result<MappingChangeReport> MappingChangeReview::preview(const QList<Mapping> &change)
{
    auto normalised = checked(change);
    if (!normalised)
        return normalised.error();
    MappingChangeReport report;
    const MappingRepository mappings(m_db);
    for (const Mapping &mapping : std::as_const(*normalised)) {
        auto current = mappings.lookup(mapping.kind, mapping.sourceKey);
        if (!current)
            return current.error();
        if (!current->has_value())
            ++report.mappings.added;
        else if (**current == mapping.target)
            ++report.mappings.unchanged;
        else
            ++report.mappings.changed;
    }

    QuarantineReview review(m_db);
    if (auto refreshed = review.refreshReferenceData(); !refreshed)
        return refreshed.error();
    review.router().overlayMappings(*normalised); // in memory only: the cache is not touched
    auto orders = review.quarantinedOrders();
    if (!orders)
        return orders.error();
    for (const StoredOrder &order : std::as_const(*orders)) {
        auto assessed = review.assess(order);
        if (!assessed)
            return assessed.error();
        report.quarantine.orders.append(*assessed);
    }
    return report;
}

Result<MappingChangeReport> MappingChangeReview::apply(const QList<Mapping> &change, const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A mapping change must name who made it.")};
    auto normalised = checked(change);
    if (!normalised)
        return normalised.error();
    MappingChangeReport report;
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto saved = MappingRepository(m_db).saveAll(tx, *normalised, actor);
    if (!saved)
        return saved.error();
    report.mappings = *saved;

    // Read back inside the transaction: the rules see exactly the mappings just written.
    QuarantineReview review(m_db);
    if (auto refreshed = review.refreshReferenceData(); !refreshed)
        return refreshed.error();
    auto orders = review.quarantinedOrders();
    if (!orders)
        return orders.error();
    const QString reason = tr("Validated again after %1 changed the mappings: %2.").arg(actor, describe(*normalised));
    for (const StoredOrder &order : std::as_const(*orders)) {
        auto reviewed = review.revalidate(tx, order, actor, reason);
        if (!reviewed)
            return reviewed.error(); // the transaction rolls back: mappings and releases together or not at all
        report.quarantine.orders.append(*reviewed);
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    qCInfo(lcSync) << "mapping change by" << actor << "released" << report.quarantine.releasedCount() << "of"
                   << report.quarantine.reviewed() << "quarantined orders";
    return report;
}

} // namespace Tillbridge::Core
