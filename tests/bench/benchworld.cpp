// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/benchworld.h"

#include "core/engine/orderingestion.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sitoo/sitoojson.h"
#include "core/storage/cataloguerepository.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"

#include <algorithm>
#include <cmath>

namespace Tillbridge::Bench {

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {
constexpr int kStores = 8;
constexpr int kOrdersPerStoreDay = 200;
// ScenarioGenerator's weekday pattern averages ~0.98 of the mean, and each day varies ±25 %: aim a little high.
constexpr double kDaysHeadroom = 1.15;
} // namespace

BenchWorld BenchWorld::generate(int orders, double defectRate, quint32 seed)
{
    ScenarioOptions options;
    options.seed = seed;
    options.storeCount = kStores;
    options.ordersPerStoreDay = kOrdersPerStoreDay;
    options.defectRate = defectRate;
    options.tradingDays =
        std::max(1, int(std::ceil(kDaysHeadroom * double(orders) / double(kStores * kOrdersPerStoreDay))));
    BenchWorld world;
    for (;;) {
        world.m_scenario = ScenarioGenerator(options).generate();
        if (world.m_scenario.orders().size() >= orders || options.tradingDays >= 3660)
            break;
        options.tradingDays = std::min(3660, options.tradingDays * 2);
    }
    world.m_orderCount = int(std::min<qsizetype>(orders, world.m_scenario.orders().size()));
    return world;
}

QList<QByteArray> BenchWorld::renderPage(int first, int count) const
{
    QList<QByteArray> page;
    const int end = std::min(m_orderCount, first + count);
    page.reserve(std::max(0, end - first));
    for (int i = first; i < end; ++i)
        page.append(compactJsonText(m_scenario.orderJson(m_scenario.orders().at(i), false)));
    return page;
}

Status BenchWorld::setUpCache(const QSqlDatabase &db) const
{
    const QString actor = OrderIngestion::actor();
    {
        DbTransaction tx(db);
        auto imported = MappingRepository(db).importJson(tx, DemoSandbox::demoMappingsJson(m_scenario), actor);
        if (!imported)
            return imported.error();
        if (auto committed = tx.commit(); !committed)
            return committed;
    }
    {
        // What SyncCycle::saveStores() makes of the sandbox's stores and warehouses.
        DbTransaction tx(db);
        StoreRepository repository(db);
        for (const ScenarioStore &scenarioStore : m_scenario.stores()) {
            Store store;
            store.sitooAccount = sitooAccount();
            store.sitooStoreId = scenarioStore.externalId;
            store.sitooWarehouseId = scenarioStore.warehouseId;
            store.name = scenarioStore.name;
            store.currency = scenarioStore.currency;
            store.countryCode = scenarioStore.countryCode.toUpper();
            store.taxRegime = scenarioStore.region == Region::Sweden ? TaxRegime::Sweden : TaxRegime::UnitedKingdom;
            store.timeZone = scenarioStore.timeZoneId;
            store.primaLocation = scenarioStore.primaLocationCode;
            if (auto saved = repository.save(tx, store, actor); !saved)
                return saved.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed;
    }
    {
        // Prima's item master as the sandbox Prima serves it, kept as SyncCycle keeps it.
        QList<CatalogueEntry> entries;
        for (const PrimaItem &item : DemoSandbox::primaSeed(m_scenario, QString()).items) {
            CatalogueEntry entry;
            entry.sku = item.sku;
            entry.title = item.description;
            entry.barcode = item.gtins.value(0);
            entry.price = item.priceIncVat;
            entry.vatRate = item.vatRate;
            entry.active = item.status == PrimaItemStatus::Active;
            entry.blocked = item.status == PrimaItemStatus::Blocked;
            entries.append(entry);
        }
        DbTransaction tx(db);
        auto saved = CatalogueRepository(db).saveSnapshot(tx, CatalogueRepository::Source::Prima, entries, actor);
        if (!saved)
            return saved.error();
        if (auto committed = tx.commit(); !committed)
            return committed;
    }
    return Status::success();
}

} // namespace Tillbridge::Bench
