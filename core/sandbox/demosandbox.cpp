// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/demosandbox.h"

#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/sandboxlogging.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

#include <set>

namespace Tillbridge::Sandbox {

namespace {
struct TaxCodeDefinition
{
    const char *code;
    int percent;
    QDate validFrom;
};

// The codes a UK and a Swedish Prima company would use for the rates the scenario sells at.
const QList<TaxCodeDefinition> &taxCodeDefinitions()
{
    static const QList<TaxCodeDefinition> codes{
        {"S20", 20, QDate(2011, 1, 4)}, {"R5", 5, QDate(1997, 9, 1)},   {"Z0", 0, QDate(1973, 4, 1)},
        {"SE25", 25, QDate(1990, 7, 1)}, {"SE12", 12, QDate(1996, 1, 1)}, {"SE06", 6, QDate(1996, 1, 1)},
    };
    return codes;
}

QString ukTaxCodeFor(const Core::VatRate &rate)
{
    for (const auto &definition : taxCodeDefinitions()) {
        if (QLatin1StringView(definition.code).startsWith(u"SE"))
            continue;
        if (rate == Core::VatRate::fromPercent(definition.percent))
            return QString::fromLatin1(definition.code);
    }
    return QStringLiteral("S20");
}

qint64 wholeUnits(const Core::Decimal &quantity)
{
    return quantity.rescaled(0, Core::RoundingMode::TowardZero).valueOr(Core::Decimal()).units();
}
} // namespace

DemoSandbox::DemoSandbox(DemoSandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

DemoSandbox::~DemoSandbox() = default;

PrimaSandboxSeed DemoSandbox::primaSeed(const Scenario &scenario, const QString &token)
{
    PrimaSandboxSeed seed;
    seed.token = token;
    const QDateTime updatedAt(scenario.options().firstTradingDay.addDays(-1), QTime(6, 0), Qt::UTC);
    const QDateTime seededAt = QDateTime::currentDateTimeUtc();
    std::set<QString> known;
    for (const CatalogueItem &item : scenario.catalogue()) {
        Core::PrimaItem prima;
        prima.sku = item.sku;
        prima.style = item.style;
        prima.matrix.colour = item.colour;
        prima.matrix.size = item.size;
        prima.gtins = QStringList{item.barcode};
        prima.description = item.title;
        prima.status = item.status == CatalogueStatus::Active ? Core::PrimaItemStatus::Active
                                                              : Core::PrimaItemStatus::Discontinued;
        prima.priceIncVat = item.gbp.grossPrice;
        prima.vatRate = item.gbp.vatRate;
        prima.vatCode = ukTaxCodeFor(item.gbp.vatRate);
        prima.updatedAt = updatedAt;
        seed.items.append(prima);
        known.insert(item.sku);
    }
    for (const auto &definition : taxCodeDefinitions())
        seed.taxCodes.append({QString::fromLatin1(definition.code), Core::VatRate::fromPercent(definition.percent),
                              definition.validFrom, QDate()});
    for (const ScenarioStore &store : scenario.stores()) {
        seed.locations.append({store.primaLocationCode, store.name, Core::PrimaLocationType::Store, store.currency,
                               store.timeZoneId});
    }
    for (const ScenarioWarehouseItem &level : scenario.warehouseItems()) {
        const ScenarioStore *store = scenario.storeForWarehouse(level.warehouseId);
        if (!store || !known.count(level.sku))
            continue; // POS-created products exist only in Sitoo
        Core::StockLevel stock;
        stock.sku = level.sku;
        stock.location = store->primaLocationCode;
        stock.onHand = wholeUnits(level.total);
        stock.allocated = wholeUnits(level.reserved);
        stock.availableToSell = std::max<qint64>(0, stock.onHand - stock.allocated);
        stock.version = 1;
        // Stock is today's figure, not the scenario's: the sandbox starts with the levels as of now, so the first
        // push measures Tillbridge's lag (seconds) rather than the age of the scenario's dates (years).
        stock.observedAt = seededAt;
        seed.stock.append(stock);
    }
    // The trading month and its neighbours are open; anything not listed counts as open too.
    const QDate first = scenario.options().firstTradingDay;
    for (int month = -1; month <= 1; ++month) {
        const QDate date = first.addMonths(month);
        seed.periods.append({QStringLiteral("%1-%2").arg(date.year()).arg(date.month(), 2, 10, QLatin1Char('0')),
                             Core::PrimaPeriodStatus::Open});
    }
    return seed;
}

QByteArray DemoSandbox::demoMappingsJson(const Scenario &scenario)
{
    QJsonObject stores;
    for (const ScenarioStore &store : scenario.stores())
        stores.insert(store.externalId, store.primaLocationCode);
    QJsonObject taxRates;
    for (const auto &definition : taxCodeDefinitions())
        taxRates.insert(QString::number(definition.percent), QString::fromLatin1(definition.code));
    QJsonObject tenders;
    for (Region region : {Region::UnitedKingdom, Region::Sweden}) {
        for (const QString &method : Scenario::usualPaymentMethodNames(region))
            tenders.insert(method, method.toUpper().replace(u' ', u'_'));
    }
    QJsonObject promotions;
    for (const ScenarioVoucher &voucher : scenario.vouchers())
        promotions.insert(voucher.code, QString(QStringLiteral("PROMO-") + voucher.code));
    // The scenario's reasons: wrong size (101), changed mind (103) and wrong colour (104) go back on the shelf;
    // defective goods (102) go to quarantine for inspection, never straight back into stock.
    const QJsonObject reasons{{QStringLiteral("101"), QStringLiteral("RESTOCK")},
                              {QStringLiteral("102"), QStringLiteral("QUARANTINE")},
                              {QStringLiteral("103"), QStringLiteral("RESTOCK")},
                              {QStringLiteral("104"), QStringLiteral("RESTOCK")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("store"), stores},
                                     {QStringLiteral("tax_rate"), taxRates},
                                     {QStringLiteral("payment_method"), tenders},
                                     {QStringLiteral("promotion"), promotions},
                                     {QStringLiteral("refund_reason"), reasons}})
        .toJson(QJsonDocument::Indented);
}

Core::Result<SandboxEndpoints> DemoSandbox::start()
{
    m_scenario = ScenarioGenerator(m_options.scenario).generate();
    qCInfo(lcSandboxScenario) << "scenario: seed" << m_scenario.options().seed << m_scenario.stores().size()
                              << "stores" << m_scenario.orders().size() << "orders" << m_scenario.defects().size()
                              << "defects";

    m_sitoo = new SitooEmulator(m_scenario, m_options.sitoo, this);
    if (!m_sitoo->listen()) {
        return Core::Error{Core::ErrorCode::Network,
                           tr("The Sitoo sandbox could not listen on 127.0.0.1 port %1.").arg(m_options.sitoo.port)};
    }

    PrimaEmulatorConfig prima = m_options.prima;
    if (prima.databasePath.isEmpty()) {
        if (m_options.dataDirectory.isEmpty() || !QDir().mkpath(m_options.dataDirectory))
            return Core::Error{Core::ErrorCode::Io, tr("The Prima sandbox needs a folder for its ledger.")};
        prima.databasePath = QDir(m_options.dataDirectory).filePath(QStringLiteral("prima-ledger.sqlite"));
    }
    // A fresh token per run: the sandbox is on loopback, but it is still a credential and goes in the keychain.
    const QString token = QString::number(QRandomGenerator::securelySeeded().generate64(), 16)
                          + QString::number(QRandomGenerator::securelySeeded().generate64(), 16);
    m_prima = new PrimaEmulator(prima, primaSeed(m_scenario, token), this);
    if (auto started = m_prima->start(); !started)
        return started.error();

    SandboxEndpoints endpoints;
    endpoints.sitooBaseUrl = m_sitoo->baseUrl();
    endpoints.sitooAccountId = m_sitoo->credentials().accountId;
    endpoints.sitooApiId = m_sitoo->credentials().apiId;
    endpoints.sitooPassword = m_sitoo->credentials().password;
    endpoints.primaBaseUrl = m_prima->url();
    endpoints.primaToken = token;
    endpoints.mappingsJson = demoMappingsJson(m_scenario);
    return endpoints;
}

} // namespace Tillbridge::Sandbox
