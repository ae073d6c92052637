// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/synccycle.h"

#include "core/logging.h"
#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/cachestatistics.h"
#include "core/storage/cataloguerepository.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/outboxrepository.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Tillbridge::Core {

namespace {
QString timeZoneForCountry(const QString &country)
{
    // Sitoo's store record has no time zone; the country decides the trading day's zone for the regions we serve.
    const QString code = country.toLower();
    if (code == u"se")
        return QStringLiteral("Europe/Stockholm");
    if (code == u"gb" || code == u"uk")
        return QStringLiteral("Europe/London");
    return QStringLiteral("UTC");
}
} // namespace

struct SyncCycle::Pass
{
    bool refreshCatalogue = false;
    std::function<void(const Result<SyncSummary> &)> done;
    SyncSummary summary;
    QList<int> eshops;
    QList<CatalogueEntry> catalogue;
    bool finished = false;
};

SyncCycle::SyncCycle(const SyncConfig &config, QSqlDatabase db, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_db(db)
    , m_secrets(secrets)
    , m_sitoo(new SitooClient(secrets, this))
    , m_primaHttp(new HttpClient(this))
    , m_gateway(nullptr)
    , m_relay(nullptr)
    , m_ingestion(db, config.connections.sitooAccountId)
{
    RestPrimaGatewayConfig gatewayConfig;
    gatewayConfig.baseUrl = config.connections.primaBaseUrl;
    gatewayConfig.tokenKey = config.connections.primaTokenKey();
    gatewayConfig.writeTimeout = std::chrono::seconds(config.schedule.primaWriteTimeoutSeconds);
    m_gateway = new RestPrimaGateway(gatewayConfig, m_primaHttp, secrets, this);
    m_relay = new PostingRelay(db, m_gateway, this);
    m_relay->setBatchSize(config.schedule.postingBatchSize);
    m_relay->setRequestsPerSecond(config.schedule.primaRequestsPerSecond);
}

void SyncCycle::cancel()
{
    m_cancelled = true;
    m_relay->cancel();
}

void SyncCycle::report(const std::shared_ptr<Pass> &pass, const QString &step)
{
    SyncProgress progress;
    progress.step = step;
    progress.ordersReceived = pass->summary.orders.received;
    progress.documentsPosted = pass->summary.postings.documents();
    Q_EMIT progressed(progress);
}

SyncCycle::~SyncCycle() = default;

Status SyncCycle::connectClients()
{
    if (auto configured = m_sitoo->setConnection(m_config.connections); !configured)
        return configured;
    if (auto certificates = m_config.connections.extraCaCertificates(); certificates)
        m_primaHttp->setExtraCaCertificates(*certificates);
    return Status::success();
}

Status SyncCycle::prepare()
{
    if (auto connected = connectClients(); !connected)
        return connected;
    if (!m_config.mappingsFile.isEmpty()) {
        DbTransaction tx(m_db);
        auto imported = MappingRepository(m_db).importFile(tx, m_config.mappingsFile, OrderIngestion::actor());
        if (!imported)
            return imported.error();
        if (auto committed = tx.commit(); !committed)
            return committed;
    }
    if (auto recovered = m_relay->recoverAfterCrash(); !recovered)
        return recovered.error();
    return Status::success();
}

void SyncCycle::run(bool refreshCatalogue, std::function<void(const Result<SyncSummary> &)> done)
{
    m_cancelled = false;
    auto pass = std::make_shared<Pass>();
    pass->refreshCatalogue = refreshCatalogue;
    pass->done = std::move(done);
    syncStores(pass);
}

void SyncCycle::finish(std::shared_ptr<Pass> pass, const Result<SyncSummary> &result)
{
    if (pass->finished)
        return;
    pass->finished = true;
    pass->done(result);
}

void SyncCycle::syncStores(std::shared_ptr<Pass> pass)
{
    report(pass, QStringLiteral("stores"));
    m_sitoo->fetchValue(QStringLiteral("sites.json"), {}, this, [this, pass](const Result<QJsonValue> &sites) {
        if (!sites) {
            finish(pass, sites.error());
            return;
        }
        for (const QJsonValue &site : sites->toObject().value(u"items").toArray())
            pass->eshops.append(site.toObject().value(u"eshopid").toInt());
        auto remaining = std::make_shared<int>(int(pass->eshops.size()));
        if (*remaining == 0) {
            syncCatalogue(pass, QString());
            return;
        }
        for (int eshop : std::as_const(pass->eshops)) {
            m_sitoo->fetchStores(eshop, this, [this, pass, eshop, remaining](const Result<SitooList<SitooStore>> &stores) {
                if (!stores) {
                    finish(pass, stores.error());
                    return;
                }
                m_sitoo->fetchWarehouses(eshop, this, [this, pass, stores = stores->items, remaining](
                                                          const Result<SitooList<SitooWarehouse>> &warehouses) {
                    if (!warehouses) {
                        finish(pass, warehouses.error());
                        return;
                    }
                    auto saved = saveStores(stores, warehouses->items);
                    if (!saved) {
                        finish(pass, saved.error());
                        return;
                    }
                    pass->summary.stores += *saved;
                    if (--*remaining == 0)
                        syncCatalogue(pass, QString());
                });
            });
        }
    });
}

Result<int> SyncCycle::saveStores(const QList<SitooStore> &stores, const QList<SitooWarehouse> &warehouses)
{
    DbTransaction tx(m_db);
    StoreRepository repository(m_db);
    const MappingRepository mappings(m_db);
    auto existing = repository.all();
    if (!existing)
        return existing.error();
    for (const SitooStore &sitooStore : stores) {
        Store store;
        store.sitooAccount = m_config.connections.sitooAccountId;
        // Orders name their store by its external id ("store-externalid"); keep that as the key.
        store.sitooStoreId = sitooStore.externalId.isEmpty() ? QString::number(sitooStore.storeId) : sitooStore.externalId;
        store.name = sitooStore.name;
        store.countryCode = sitooStore.countryId.toUpper();
        store.taxRegime = store.countryCode == u"SE" ? TaxRegime::Sweden : TaxRegime::UnitedKingdom;
        store.timeZone = timeZoneForCountry(sitooStore.countryId);
        for (const SitooWarehouse &warehouse : warehouses) {
            if (warehouse.storeId && *warehouse.storeId == sitooStore.storeId) {
                store.sitooWarehouseId = warehouse.warehouseId;
                if (warehouse.currency)
                    store.currency = *warehouse.currency;
            }
        }
        if (!store.currency.isValid())
            store.currency = Currency::of(store.taxRegime == TaxRegime::Sweden ? u"SEK" : u"GBP");
        for (const Store &known : *existing) {
            if (known.sitooAccount == store.sitooAccount && known.sitooStoreId == store.sitooStoreId)
                store.primaLocation = known.primaLocation;
        }
        // The store mapping is where finance sets the Prima location; the store row shows it.
        if (auto location = mappings.lookup(MappingKind::Store, store.sitooStoreId); location && location->has_value())
            store.primaLocation = **location;
        if (auto saved = repository.save(tx, store, OrderIngestion::actor()); !saved)
            return saved.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return int(stores.size());
}

void SyncCycle::syncCatalogue(std::shared_ptr<Pass> pass, QString cursor)
{
    if (m_cancelled) {
        finish(pass, pass->summary);
        return;
    }
    if (cursor.isEmpty() && !pass->refreshCatalogue) {
        auto snapshot = CatalogueRepository(m_db).latestSnapshotId(CatalogueRepository::Source::Prima);
        if (snapshot && *snapshot > 0) {
            pullOrders(pass); // the item master is cached; it is refreshed on its own schedule
            return;
        }
    }
    report(pass, QStringLiteral("catalogue"));
    m_gateway->items(QDateTime(), cursor, 1000, this, [this, pass](PrimaReadResult<PrimaPage<PrimaItem>> page) {
        if (!page.ok()) {
            finish(pass, Error{ErrorCode::Remote, tr("Prima's item master could not be read: %1")
                                                      .arg(page.error.summary())});
            return;
        }
        for (const PrimaItem &item : page.value->items) {
            CatalogueEntry entry;
            entry.sku = item.sku;
            entry.title = item.description;
            entry.barcode = item.gtins.value(0);
            entry.price = item.priceIncVat;
            entry.vatRate = item.vatRate;
            entry.active = item.status == PrimaItemStatus::Active;
            entry.blocked = item.status == PrimaItemStatus::Blocked;
            pass->catalogue.append(entry);
        }
        if (page.value->hasMore()) {
            syncCatalogue(pass, page.value->nextCursor);
            return;
        }
        DbTransaction tx(m_db);
        auto saved = CatalogueRepository(m_db).saveSnapshot(tx, CatalogueRepository::Source::Prima, pass->catalogue,
                                                            OrderIngestion::actor());
        Status status = saved ? tx.commit() : Status(saved.error());
        if (!status) {
            finish(pass, status.error());
            return;
        }
        pass->summary.catalogueItems = int(pass->catalogue.size());
        pullOrders(pass);
    });
}

void SyncCycle::pullOrders(std::shared_ptr<Pass> pass)
{
    if (auto refreshed = m_ingestion.refreshReferenceData(); !refreshed) {
        finish(pass, refreshed.error());
        return;
    }
    auto cursor = m_ingestion.lastOrderId();
    if (!cursor) {
        finish(pass, cursor.error());
        return;
    }
    if (m_cancelled) {
        finish(pass, pass->summary);
        return;
    }
    const int pageSize = m_config.schedule.orderPageSize;
    m_sitoo->fetchOrdersFrom(*cursor + 1, pageSize, this,
                             [this, pass, pageSize](const Result<QList<QByteArray>> &page) {
                                 if (!page) {
                                     finish(pass, page.error());
                                     return;
                                 }
                                 auto ingested = m_ingestion.ingestPage(*page);
                                 if (!ingested) {
                                     finish(pass, ingested.error());
                                     return;
                                 }
                                 pass->summary.orders += *ingested;
                                 report(pass, QStringLiteral("orders"));
                                 if (page->size() < pageSize)
                                     relay(pass);
                                 else
                                     pullOrders(pass);
                             });
}

void SyncCycle::relay(std::shared_ptr<Pass> pass)
{
    if (m_cancelled) {
        finish(pass, pass->summary);
        return;
    }
    report(pass, QStringLiteral("posting"));
    // Each committed request moves the progress bar; the connection ends with the run.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_relay, &PostingRelay::progressed, this, [this, pass](const RelaySummary &soFar) {
        SyncProgress progress;
        progress.step = QStringLiteral("posting");
        progress.ordersReceived = pass->summary.orders.received;
        progress.documentsPosted = pass->summary.postings.documents() + soFar.documents();
        Q_EMIT progressed(progress);
    });
    m_relay->run([this, pass, connection](const Result<RelaySummary> &relayed) {
        disconnect(*connection);
        if (!relayed) {
            finish(pass, relayed.error());
            return;
        }
        pass->summary.postings += *relayed;
        // What still needs a person decides `sync --once`'s exit status.
        if (auto statistics = readCacheStatistics(m_db); statistics)
            pass->summary.blockingExceptionsOpen = statistics->blockingExceptions;
        // ... and what still waits for Prima whether it is done at all.
        OutboxRepository outbox(m_db);
        if (auto counts = outbox.countsByState(); counts) {
            pass->summary.postingsWaiting = counts->value(OutboxState::Pending) + counts->value(OutboxState::RetryWait)
                                            + counts->value(OutboxState::Unknown)
                                            + counts->value(OutboxState::Sending);
        }
        if (auto due = outbox.nextDue(); due)
            pass->summary.nextPostingDue = *due;
        finish(pass, pass->summary);
    });
}

} // namespace Tillbridge::Core
