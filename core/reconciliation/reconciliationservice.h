// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prima/primatypes.h"
#include "core/reconciliation/reconciliationtypes.h"
#include "core/result.h"
#include "core/sitoo/sitootypes.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <functional>

namespace Tillbridge::Core {

class PrimaGateway;
class SitooClient;

/**
 * Payout-vs-ledger reconciliation of one trading day for every active store with a Prima location (product.md
 * step 7): Sitoo's tenders from the cached orders, cross-checked with Sitoo's Z-reports, against Prima's ledger
 * postings by tender, and VAT Sitoo vs Prima. Results, tax-variance aggregates and PAYOUT_VARIANCE exceptions are
 * written by ReconciliationRepository, one transaction per store and day; STORE_FEED_SILENT is checked at the end.
 *
 * Lives in one thread (the engine's worker, or the CLI's main thread) with the gateway, the Sitoo client and the
 * connection it is given; results arrive on that thread. One run at a time.
 */
class ReconciliationService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<ReconciliationSummary>)>;

    /** @p sitoo may be null: then the Z-report cross-check is skipped (and said so in the summary's warnings). */
    ReconciliationService(QSqlDatabase db, PrimaGateway *prima, SitooClient *sitoo,
                          ReconciliationSettings settings = {}, QObject *parent = nullptr);
    ~ReconciliationService() override;

    const ReconciliationSettings &settings() const { return m_settings; }
    void setSettings(const ReconciliationSettings &settings) { m_settings = settings; }

    bool isRunning() const { return m_running; }

    /**
     * Reconciles trading day @p day (each store's own calendar day). @p done runs exactly once, later, on this
     * object's thread. A Prima read that fails ends the run with that error; what was recorded for stores before it
     * stays (each store-day is complete on its own).
     */
    void run(QDate day, Done done);

    /** Reconciles one store and day from figures at hand (no network): what run() does per store. */
    Result<StoreDayReconciliation> reconcileStoreDay(const Store &store, QDate day,
                                                     const QList<PrimaLedgerPosting> &postings,
                                                     const QList<SitooZReport> &zReports);

    /** Checks STORE_FEED_SILENT for every store at @p nowUtc in its own transaction. */
    Result<QList<qint64>> checkFeeds(const QDateTime &nowUtc);

Q_SIGNALS:
    /** Progress for the workbench: @p done of @p total stores reconciled. */
    void progress(int done, int total);

private:
    struct Run;
    void startZReports(std::shared_ptr<Run> run);
    void nextStore(std::shared_ptr<Run> run);
    void fetchPostings(std::shared_ptr<Run> run, const QString &cursor);
    void finish(std::shared_ptr<Run> run, Result<ReconciliationSummary> result);

    QSqlDatabase m_db;
    QPointer<PrimaGateway> m_prima;
    QPointer<SitooClient> m_sitoo;
    ReconciliationSettings m_settings;
    bool m_running = false;
};

} // namespace Tillbridge::Core
