// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/orderingestion.h"
#include "core/engine/postingrelay.h"
#include "core/engine/syncconfig.h"
#include "core/sitoo/sitootypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace Tillbridge::Core {

class HttpClient;
class PrimaGateway;
class SecretStore;
class SitooClient;

/** What one cycle did, for the status bar, the CLI and the tests. */
struct SyncSummary
{
    int stores = 0;
    int catalogueItems = 0;
    IngestSummary orders;
    RelaySummary postings;
    qint64 blockingExceptionsOpen = 0;
    qint64 postingsWaiting = 0; ///< outbox rows not yet posted nor failed (pending, retrying, unknown)
    QDateTime nextPostingDue;   ///< when the earliest of them is due; invalid when none waits
};

/** Where a running pass is, for a progress bar: the step and what it has done so far. */
struct SyncProgress
{
    QString step; ///< "stores", "catalogue", "orders", "posting"
    int ordersReceived = 0;
    int documentsPosted = 0;
};

/**
 * One pass of the order-to-cash cycle, draining what there is: stores from Sitoo, Prima's item master (when the
 * cache has none yet, or when asked), every new Sitoo order by the orderid cursor (validated and routed), then the
 * outbox to Prima. Each step commits on its own; a failure ends the pass with a message and loses nothing: the next
 * pass picks up from the cursor and the outbox.
 *
 * Lives in one thread (the worker's, or the CLI's main thread) and owns its network clients there.
 */
class SyncCycle : public QObject
{
    Q_OBJECT

public:
    SyncCycle(const SyncConfig &config, QSqlDatabase db, SecretStore *secrets, QObject *parent = nullptr);
    ~SyncCycle() override;

    /** Imports the configured mappings file and recovers postings a crash left unfinished. Call once first. */
    Status prepare();
    /**
     * Only configures the Sitoo client and the Prima gateway (addresses, TLS) — for commands that use them beside a
     * running engine (stock push, SKU audit, reconciliation), which must not touch its outbox.
     */
    Status connectClients();

    /** Runs one pass; `done` runs once, on this thread. `refreshCatalogue` re-reads Prima's items even if cached. */
    void run(bool refreshCatalogue, std::function<void(const Result<SyncSummary> &)> done);

    /**
     * Stops at the next safe point — between pages of orders, between requests to Prima — with everything done so
     * far committed and nothing half-done: a page is one transaction, a claim is only made for a request that goes
     * out. done() reports what was done.
     */
    void cancel();

    PrimaGateway *gateway() const { return m_gateway; }
    SitooClient *sitoo() const { return m_sitoo; }

Q_SIGNALS:
    void progressed(const Tillbridge::Core::SyncProgress &progress);

private:
    struct Pass;
    void report(const std::shared_ptr<Pass> &pass, const QString &step);
    void syncStores(std::shared_ptr<Pass> pass);
    /** Upserts one site's stores with their warehouse, currency, VAT regime and mapped Prima location. */
    Result<int> saveStores(const QList<SitooStore> &stores, const QList<SitooWarehouse> &warehouses);
    void syncCatalogue(std::shared_ptr<Pass> pass, QString cursor);
    void pullOrders(std::shared_ptr<Pass> pass);
    void relay(std::shared_ptr<Pass> pass);
    void finish(std::shared_ptr<Pass> pass, const Result<SyncSummary> &result);

    SyncConfig m_config;
    QSqlDatabase m_db;
    SecretStore *m_secrets;
    SitooClient *m_sitoo;
    HttpClient *m_primaHttp;
    PrimaGateway *m_gateway;
    PostingRelay *m_relay;
    OrderIngestion m_ingestion;
    bool m_cancelled = false;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::SyncSummary)
Q_DECLARE_METATYPE(Tillbridge::Core::SyncProgress)
