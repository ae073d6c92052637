// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/reconciliationservice.h"

#include "core/logging.h"
#include "core/prima/primagateway.h"
#include "core/reconciliation/reconciler.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/reconciliation/tradingday.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace Tillbridge::Core {

namespace {

constexpr int kLedgerPageSize = 1000;

Result<QHash<QString, QString>> mappingHash(const QSqlDatabase &db, MappingKind kind)
{
    auto all = MappingRepository(db).all(kind);
    if (!all)
        return all.error();
    QHash<QString, QString> hash;
    for (const Mapping &mapping : *all)
        hash.insert(mapping.sourceKey, mapping.target);
    return hash;
}

} // namespace

struct ReconciliationService::Run
{
    QDate day;
    Done done;
    QList<Store> stores;
    int next = 0;
    QList<PrimaLedgerPosting> postings;
    QList<SitooZReport> zReports;
    bool zReportsRead = false;
    ReconciliationSummary summary;
};

ReconciliationService::ReconciliationService(QSqlDatabase db, PrimaGateway *prima, SitooClient *sitoo,
                                             ReconciliationSettings settings, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_prima(prima)
    , m_sitoo(sitoo)
    , m_settings(std::move(settings))
{
}

ReconciliationService::~ReconciliationService() = default;

void ReconciliationService::run(QDate day, Done done)
{
    auto state = std::make_shared<Run>();
    state->day = day;
    state->done = std::move(done);
    state->summary.day = day;
    if (m_running) {
        QTimer::singleShot(0, this, [state] {
            state->done(Error{ErrorCode::InvalidInput, tr("A reconciliation is running already.")});
        });
        return;
    }
    if (!m_prima || !m_prima->supports(PrimaGateway::Capability::Ledger)) {
        QTimer::singleShot(0, this, [this, state] {
            finish(state, Error{ErrorCode::InvalidInput,
                                tr("Prima's ledger cannot be read through this connection, so payouts cannot be "
                                   "reconciled.")});
        });
        m_running = true;
        return;
    }
    if (!day.isValid()) {
        m_running = true;
        QTimer::singleShot(0, this, [this, state] {
            finish(state, Error{ErrorCode::InvalidInput, tr("No trading day was given.")});
        });
        return;
    }
    auto stores = StoreRepository(m_db).all();
    m_running = true;
    if (!stores) {
        QTimer::singleShot(0, this, [this, state, error = stores.error()] { finish(state, error); });
        return;
    }
    for (const Store &store : *stores) {
        if (!store.active)
            continue;
        if (store.primaLocation.isEmpty()) {
            state->summary.warnings.append(
                tr("%1 has no Prima location yet and was not reconciled.").arg(store.name));
            continue;
        }
        state->stores.append(store);
    }
    QTimer::singleShot(0, this, [this, state] { startZReports(state); });
}

void ReconciliationService::startZReports(std::shared_ptr<Run> run)
{
    if (!m_sitoo) {
        run->summary.warnings.append(tr("Z-reports were not read (no Sitoo connection); tenders were compared with "
                                        "the orders only."));
        nextStore(run);
        return;
    }
    // Z-reports are added after the registers close, in the evening or the next morning: read from the earliest
    // start of the day in any zone (UTC+14) onwards; the ones of other days are dropped per store.
    const QDateTime from = QDateTime(run->day, QTime(0, 0), QTimeZone::utc()).addSecs(-14 * 3600);
    m_sitoo->fetchZReports(from, this, [this, run](const Result<SitooList<SitooZReport>> &reports) {
        if (!reports) {
            run->summary.warnings.append(
                tr("Z-reports could not be read (%1); tenders were compared with the orders only.")
                    .arg(reports.errorString()));
        } else {
            run->zReports = reports->items;
            run->zReportsRead = true;
            for (const QString &problem : reports->problems)
                run->summary.warnings.append(tr("A Z-report was left out: %1").arg(problem));
        }
        nextStore(run);
    });
}

void ReconciliationService::nextStore(std::shared_ptr<Run> run)
{
    if (!m_prima) {
        finish(run, Error{ErrorCode::InvalidInput, tr("The Prima connection went away during reconciliation.")});
        return;
    }
    if (run->next >= run->stores.size()) {
        auto silent = checkFeeds(QDateTime::currentDateTimeUtc());
        if (!silent) {
            finish(run, silent.error());
            return;
        }
        run->summary.silentStoreExceptions = *silent;
        finish(run, run->summary);
        return;
    }
    run->postings.clear();
    fetchPostings(run, QString());
}

void ReconciliationService::fetchPostings(std::shared_ptr<Run> run, const QString &cursor)
{
    const Store &store = run->stores.at(run->next);
    PrimaLedgerQuery query;
    query.from = run->day; // Prima posts a POS document on its store-local date
    query.to = run->day;
    query.location = store.primaLocation;
    m_prima->ledgerPostings(query, cursor, kLedgerPageSize, this,
                            [this, run](PrimaReadResult<PrimaPage<PrimaLedgerPosting>> page) {
        if (!page.ok()) {
            finish(run, Error{ErrorCode::Remote, tr("Prima's ledger postings could not be read: %1")
                                                      .arg(page.error.detail.isEmpty() ? page.error.title
                                                                                       : page.error.detail)});
            return;
        }
        run->postings.append(page.value->items);
        if (page.value->hasMore()) {
            fetchPostings(run, page.value->nextCursor);
            return;
        }
        const Store &store = run->stores.at(run->next);
        QList<SitooZReport> reports;
        for (const SitooZReport &report : std::as_const(run->zReports)) {
            const QDateTime at = report.dateOpened.isValid() ? report.dateOpened : report.dateCreated;
            if (report.storeExternalId == store.sitooStoreId && at.isValid()
                && TradingDay::localDay(at, store.timeZone) == run->day)
                reports.append(report);
        }
        auto result = reconcileStoreDay(store, run->day, run->postings, reports);
        if (!result) {
            finish(run, result.error());
            return;
        }
        for (const ReconciliationLine &line : result->lines)
            ++(line.matched ? run->summary.matchedLines : run->summary.varianceLines);
        if (result->exceptionId > 0)
            run->summary.payoutVarianceExceptions.append(result->exceptionId);
        run->summary.storeDays.append(*result);
        ++run->next;
        Q_EMIT progress(run->next, int(run->stores.size()));
        nextStore(run);
    });
}

Result<StoreDayReconciliation> ReconciliationService::reconcileStoreDay(const Store &store, QDate day,
                                                                        const QList<PrimaLedgerPosting> &postings,
                                                                        const QList<SitooZReport> &zReports)
{
    ReconciliationRepository repository(m_db);
    auto sitoo = repository.sitooFigures(store, day);
    if (!sitoo)
        return sitoo.error();
    Reconciler::Mappings mappings;
    auto tenders = mappingHash(m_db, MappingKind::PaymentMethod);
    if (!tenders)
        return tenders.error();
    auto taxCodes = mappingHash(m_db, MappingKind::TaxRate);
    if (!taxCodes)
        return taxCodes.error();
    mappings.tenderByMethod = *tenders;
    mappings.taxCodeByRate = *taxCodes;

    // Postings in another currency than the store's would make every sum meaningless: refuse them loudly.
    for (const PrimaLedgerPosting &posting : postings) {
        if (posting.amount.currency() != store.currency) {
            return Error{ErrorCode::CurrencyMismatch,
                         tr("Prima posting %1 for %2 is in %3, but the store trades in %4.")
                             .arg(posting.postingId, store.name, posting.amount.currency().code(),
                                  store.currency.code())};
        }
    }
    const PrimaDayFigures prima = Reconciler::primaFigures(postings, m_settings.vatAccount);

    StoreDayReconciliation result;
    result.store = store;
    result.day = day;
    result.sitoo = *sitoo;
    result.lines = Reconciler::compare(*sitoo, Reconciler::zReportTenders(zReports), prima, mappings,
                                       m_settings.toleranceMinor);

    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    if (auto recorded = repository.record(tx, result, prima, m_settings); !recorded)
        return recorded.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    qCInfo(lcSync) << "reconciled store" << store.id << day << (result.matched ? "matched" : "variance");
    return result;
}

Result<QList<qint64>> ReconciliationService::checkFeeds(const QDateTime &nowUtc)
{
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto raised = ReconciliationRepository(m_db).checkFeeds(tx, nowUtc, m_settings.actor);
    if (!raised)
        return raised.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return raised;
}

void ReconciliationService::finish(std::shared_ptr<Run> run, Result<ReconciliationSummary> result)
{
    m_running = false;
    if (run->done) {
        const Done done = std::move(run->done);
        run->done = nullptr;
        done(std::move(result));
    }
}

} // namespace Tillbridge::Core
