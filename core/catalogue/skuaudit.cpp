// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogue/skuaudit.h"

#include "core/catalogue/catalogueio.h"
#include "core/logging.h"
#include "core/prima/primagateway.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/auditchain.h"
#include "core/storage/cataloguerepository.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/userrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <QSet>

namespace Tillbridge::Core {

namespace {
ExceptionKind kindOf(CatalogueDifference::Type type)
{
    switch (type) {
    case CatalogueDifference::Type::OnlyInSitoo:
        return ExceptionKind::CatalogOnlyInSitoo;
    case CatalogueDifference::Type::OnlyInPrima:
        return ExceptionKind::CatalogOnlyInPrima;
    case CatalogueDifference::Type::FieldMismatch:
        break;
    }
    return ExceptionKind::CatalogFieldMismatch;
}

Status auditRefusal(QSqlDatabase db, qint64 exceptionId, const QString &approver, const QString &why)
{
    DbTransaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    AuditEvent event;
    event.actor = approver.isEmpty() ? QStringLiteral("unknown") : approver;
    event.action = QStringLiteral("catalogue.pos-deactivation-refused");
    event.entityType = QStringLiteral("exception");
    event.entityId = QString::number(exceptionId);
    event.details = QJsonObject{{QStringLiteral("reason"), why}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return tx.commit();
}
} // namespace

struct SkuAudit::Pass
{
    SkuAuditOptions options;
    QPointer<QObject> context;
    std::function<void(const Result<SkuAuditSummary> &)> done;
    QDateTime startedAt;
    qint64 primaSnapshotId = 0;
    Currency currency;
    QList<SitooProductGroup> groups;
    bool finished = false;
};

SkuAudit::SkuAudit(QSqlDatabase db, SitooClient *sitoo, PrimaGateway *prima, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_sitoo(sitoo)
    , m_prima(prima)
{
}

SkuAudit::~SkuAudit() = default;

void SkuAudit::finish(std::shared_ptr<Pass> pass, const Result<SkuAuditSummary> &result)
{
    if (pass->finished)
        return;
    pass->finished = true;
    if (!result)
        qCWarning(lcSync) << "SKU audit failed:" << result.errorString();
    if (pass->context)
        pass->done(result);
}

void SkuAudit::run(const SkuAuditOptions &options, QObject *context,
                   std::function<void(const Result<SkuAuditSummary> &)> done)
{
    auto pass = std::make_shared<Pass>();
    pass->options = options;
    pass->context = context;
    pass->done = std::move(done);
    pass->startedAt = QDateTime::currentDateTimeUtc();
    if (!options.refreshPrima) {
        readSitoo(pass);
        return;
    }
    CatalogueIo::fetchPrimaItems(m_prima, QDateTime(), this, [this, pass](const Result<QList<PrimaItem>> &items) {
        if (!items) {
            finish(pass, items.error());
            return;
        }
        QList<CatalogueEntry> entries;
        entries.reserve(items->size());
        for (const PrimaItem &item : *items)
            entries.append(CatalogueIo::entryFromPrima(item));
        DbTransaction tx(m_db);
        auto saved = CatalogueRepository(m_db).saveSnapshot(tx, CatalogueRepository::Source::Prima, entries,
                                                            pass->options.actor);
        const Status committed = saved ? tx.commit() : Status(saved.error());
        if (!committed) {
            finish(pass, committed.error());
            return;
        }
        pass->primaSnapshotId = *saved;
        readSitoo(pass);
    });
}

void SkuAudit::readSitoo(std::shared_ptr<Pass> pass)
{
    const int eshopId = pass->options.eshopId;
    CatalogueIo::fetchSiteCurrency(m_sitoo, eshopId, this, [this, pass, eshopId](const Result<Currency> &currency) {
        if (!currency) {
            finish(pass, currency.error());
            return;
        }
        pass->currency = *currency;
        CatalogueIo::fetchProductGroups(
            m_sitoo, eshopId, this, [this, pass, eshopId](const Result<QList<SitooProductGroup>> &groups) {
                if (!groups) {
                    finish(pass, groups.error());
                    return;
                }
                pass->groups = *groups;
                m_sitoo->fetchProducts(
                    eshopId, std::nullopt, true, pass->currency, this,
                    [this, pass](const Result<SitooList<SitooProduct>> &products) {
                        if (!products) {
                            finish(pass, products.error());
                            return;
                        }
                        for (const QString &problem : products->problems)
                            qCWarning(lcSync) << "SKU audit: a Sitoo product could not be read:" << problem;

                        CatalogueRepository catalogue(m_db);
                        auto latestPrima = catalogue.latest(CatalogueRepository::Source::Prima);
                        auto primaId = catalogue.latestSnapshotId(CatalogueRepository::Source::Prima);
                        if (!latestPrima || !primaId) {
                            finish(pass, !latestPrima ? latestPrima.error() : primaId.error());
                            return;
                        }
                        if (*primaId == 0) {
                            finish(pass, Error{ErrorCode::NotFound,
                                               tr("There is no Prima item master in the cache yet; run the audit "
                                                  "with a refresh of Prima's items first.")});
                            return;
                        }
                        std::vector<CatalogueRow> prima;
                        prima.reserve(size_t(latestPrima->size()));
                        for (const CatalogueEntry &entry : std::as_const(*latestPrima)) {
                            if (entry.price.currency() != pass->currency) {
                                finish(pass, Error{ErrorCode::CurrencyMismatch,
                                                   tr("Prima prices are in %1 but Sitoo site %2 sells in %3: "
                                                      "comparing them needs a price list in %3 (not supported yet).")
                                                       .arg(entry.price.currency().code())
                                                       .arg(pass->options.eshopId)
                                                       .arg(pass->currency.code())});
                                return;
                            }
                            prima.push_back(CatalogueIo::rowFromEntry(entry));
                        }
                        std::vector<CatalogueRow> sitoo;
                        sitoo.reserve(size_t(products->items.size()));
                        QList<CatalogueEntry> sitooEntries;
                        sitooEntries.reserve(products->items.size());
                        for (const SitooProduct &product : products->items) {
                            sitoo.push_back(CatalogueIo::rowFromSitoo(product, pass->groups));
                            sitooEntries.append(CatalogueIo::entryFromRow(sitoo.back(), pass->currency));
                        }

                        DbTransaction tx(m_db);
                        auto sitooId = catalogue.saveSnapshot(tx, CatalogueRepository::Source::Sitoo, sitooEntries,
                                                              pass->options.actor);
                        const Status committed = sitooId ? tx.commit() : Status(sitooId.error());
                        if (!committed) {
                            finish(pass, committed.error());
                            return;
                        }
                        auto summary = record(pass->options, prima, sitoo, *primaId, *sitooId, pass->startedAt);
                        if (summary)
                            summary.value().sitooUnreadable = products->skippedCount;
                        finish(pass, summary);
                    });
            });
    });
}

Result<SkuAuditSummary> SkuAudit::record(const SkuAuditOptions &options, const std::vector<CatalogueRow> &prima,
                                         const std::vector<CatalogueRow> &sitoo, qint64 primaSnapshotId,
                                         qint64 sitooSnapshotId, const QDateTime &startedAt)
{
    const CatalogueDiffResult diff = CatalogueDiff::compare(prima, sitoo);

    SkuAuditSummary summary;
    SkuAuditRun &run = summary.run;
    run.eshopId = options.eshopId;
    run.startedAt = startedAt.isValid() ? startedAt : QDateTime::currentDateTimeUtc();
    run.actor = options.actor;
    run.primaSnapshotId = primaSnapshotId;
    run.sitooSnapshotId = sitooSnapshotId;
    run.primaItems = int(prima.size());
    run.sitooItems = int(sitoo.size());
    run.onlyInSitoo = diff.onlyInSitoo;
    run.onlyInPrima = diff.onlyInPrima;
    run.fieldMismatch = diff.fieldMismatch;
    run.nearMatchHints = diff.nearMatches;

    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    ExceptionRepository exceptions(m_db);
    const QString entityType = SkuAuditRepository::entityType();
    QSet<QString> found; // "<kind>|<entity id>"
    for (const CatalogueDifference &difference : diff.differences) {
        const QString sku = CatalogueDiff::skuOf(difference, prima, sitoo);
        const QString entityId = SkuAuditRepository::entityId(options.eshopId, sku);
        const ExceptionKind kind = kindOf(difference.type);
        auto raised = exceptions.raise(tx,
                                       ExceptionRecord::open(kind, entityType, entityId,
                                                             CatalogueDiff::explain(difference, prima, sitoo),
                                                             CatalogueDiff::details(difference, prima, sitoo)),
                                       options.actor);
        if (!raised)
            return raised.error();
        switch (raised->outcome) {
        case ExceptionRaise::Raised:
            ++summary.raised;
            break;
        case ExceptionRaise::Refreshed:
            ++summary.refreshed;
            break;
        case ExceptionRaise::AlreadyOpen:
            ++summary.stillOpen;
            break;
        }
        found.insert(ExceptionKinds::code(kind) + u'|' + entityId);
    }

    SkuAuditRepository runs(m_db);
    auto open = runs.openCatalogueExceptions(options.eshopId);
    if (!open)
        return open.error();
    QList<OpenCatalogueException> stale;
    for (const OpenCatalogueException &exception : *open) {
        if (!found.contains(ExceptionKinds::code(exception.kind) + u'|' + exception.entityId))
            stale.append(exception);
    }
    run.autoResolved = int(stale.size());
    run.finishedAt = QDateTime::currentDateTimeUtc();
    auto runId = runs.saveRun(tx, run);
    if (!runId)
        return runId.error();
    run.id = *runId;
    for (const OpenCatalogueException &exception : std::as_const(stale)) {
        auto resolved = exceptions.autoResolve(tx, entityType, exception.entityId, exception.kind,
                                               tr("Not found again by SKU audit run %1 of Sitoo site %2.")
                                                   .arg(run.id)
                                                   .arg(options.eshopId));
        if (!resolved)
            return resolved.error();
    }

    AuditEvent event;
    event.actor = options.actor;
    event.action = QStringLiteral("catalogue.sku-audit");
    event.entityType = QStringLiteral("sku-audit-run");
    event.entityId = QString::number(run.id);
    event.details = QJsonObject{{QStringLiteral("eshop_id"), options.eshopId},
                                {QStringLiteral("prima_items"), run.primaItems},
                                {QStringLiteral("sitoo_items"), run.sitooItems},
                                {QStringLiteral("only_in_sitoo"), run.onlyInSitoo},
                                {QStringLiteral("only_in_prima"), run.onlyInPrima},
                                {QStringLiteral("field_mismatch"), run.fieldMismatch},
                                {QStringLiteral("near_match_hints"), run.nearMatchHints},
                                {QStringLiteral("auto_resolved"), run.autoResolved}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return summary;
}

void SkuAudit::deactivateInPos(qint64 exceptionId, const QString &approver, const QString &reason, QObject *context,
                               std::function<void(const Status &)> done)
{
    QPointer<QObject> guard(context);
    const auto answer = [guard, done](const Status &status) {
        if (guard)
            done(status);
    };
    auto exception = ExceptionRepository(m_db).load(exceptionId);
    if (!exception) {
        answer(exception.error());
        return;
    }
    if (exception->kind != ExceptionKind::CatalogOnlyInSitoo || isTerminal(exception->state)
        || exception->entityType != SkuAuditRepository::entityType()) {
        answer(Error{ErrorCode::InvalidInput, tr("Exception %1 is not an open \"only in Sitoo\" SKU, so there is "
                                                 "nothing to deactivate.")
                                                  .arg(exceptionId)});
        return;
    }
    if (reason.trimmed().isEmpty()) {
        answer(Error{ErrorCode::InvalidInput, tr("Say why the SKU is deactivated in the POS.")});
        return;
    }
    auto user = UserRepository(m_db).find(approver);
    if (!user) {
        answer(user.error());
        return;
    }
    QString refusal;
    if (!user->has_value())
        refusal = tr("%1 is not a known user.").arg(approver);
    else if (!(*user)->active)
        refusal = tr("%1's account is disabled.").arg(approver);
    else if ((*user)->role != UserRole::Approver && (*user)->role != UserRole::Admin)
        refusal = tr("%1 is not an approver: only an approver may deactivate a SKU in the POS.").arg(approver);
    if (!refusal.isEmpty()) {
        if (auto audited = auditRefusal(m_db, exceptionId, approver, refusal); !audited) {
            answer(audited);
            return;
        }
        answer(Error{ErrorCode::PermissionDenied, refusal});
        return;
    }

    const QString entityId = exception->entityId;
    const int eshopId = entityId.section(u'/', 0, 0).toInt();
    const QString sku = entityId.section(u'/', 1);
    const qint64 productId = exception->details.value(u"sitoo").toObject().value(u"productid").toInteger();
    if (eshopId <= 0 || productId <= 0) {
        answer(Error{ErrorCode::InvalidInput,
                     tr("Exception %1 does not say which Sitoo product to deactivate.").arg(exceptionId)});
        return;
    }
    const QString approverName = (*user)->username;
    const QJsonArray body{QJsonObject{{QStringLiteral("productid"), productId}, {QStringLiteral("activepos"), false}}};
    m_sitoo->writeProducts(
        eshopId, "PUT", body, this,
        [this, answer, exceptionId, approverName, reason, eshopId, sku,
         productId](const Result<QList<SitooBatchElementResult>> &results) {
            if (!results) {
                answer(results.error());
                return;
            }
            if (results->size() != 1 || !results->first().isSuccess()) {
                const SitooBatchElementResult element = results->value(0);
                answer(Error{ErrorCode::Remote, tr("Sitoo refused to deactivate product %1 (%2): %3 %4")
                                                    .arg(productId)
                                                    .arg(sku)
                                                    .arg(element.statusCode)
                                                    .arg(element.errorText)});
                return;
            }
            DbTransaction tx(m_db);
            AuditEvent event;
            event.actor = approverName;
            event.action = QStringLiteral("catalogue.pos-deactivated");
            event.entityType = SkuAuditRepository::entityType();
            event.entityId = SkuAuditRepository::entityId(eshopId, sku);
            event.details = QJsonObject{{QStringLiteral("productid"), productId},
                                        {QStringLiteral("exception_id"), exceptionId},
                                        {QStringLiteral("reason"), reason}};
            if (auto appended = AuditChain::append(tx, event); !appended) {
                answer(appended.error());
                return;
            }
            if (auto resolved = ExceptionRepository(m_db).resolve(
                    tx, exceptionId, tr("Deactivated in the POS (activepos=false): %1").arg(reason), approverName);
                !resolved) {
                answer(resolved);
                return;
            }
            answer(tx.commit());
        });
}

} // namespace Tillbridge::Core
