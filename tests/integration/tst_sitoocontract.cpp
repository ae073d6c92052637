// SPDX-License-Identifier: GPL-3.0-or-later
// SitooClient against the Sitoo sandbox over loopback HTTP: the orderid cursor (with a late offline sale), paging
// edge cases, refunds, batch partial failures, warehouse items, Z-reports, auth and rate-limit behaviour, and every
// order parsed exactly (malformed ones reported, none lost).
#include "core/net/clock.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/sitoo/sitooclient.h"
#include "core/sitoo/sitooorderparser.h"
#include "core/sitoo/sitooparsers.h"


#include "tests/testutils/secrettestutils.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <set>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {
template<typename T>
std::optional<Result<T>> await(const std::function<void(QObject *, SitooClient::Callback<T>)> &call)
{
    std::optional<Result<T>> result;
    QObject context;
    call(&context, [&result](const Result<T> &value) { result = value; });
    QDeadlineTimer deadline(60000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return result;
}
} // namespace

class tst_SitooContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cursorWalkSeesEveryOrderOnceIncludingALateOfflineSale();
    void everyOrderParsesOrIsReportedMalformed();
    void pagingEdgeCases_data();
    void pagingEdgeCases();
    void refundsOfASale();
    void batchWithOneBadElement();
    void warehouseItemsAndZReports();
    void typedReadsMatchTheScenario();
    void stockLevelsReachBothWarehouseKinds();
    void wrongPasswordIsRefused();
    void rateLimitedRequestsAreRetried();

private:
    std::unique_ptr<SitooEmulator> m_emulator;
    MemorySecretStore m_secrets;
    std::unique_ptr<SitooClient> m_client;
    ConnectionSettings m_settings;
    QList<QByteArray> m_walked;
};

void tst_SitooContract::initTestCase()
{
    ScenarioOptions options;
    options.seed = 7;
    options.storeCount = 2;
    options.tradingDays = 2;
    options.defectRate = 0.2;
    m_emulator = std::make_unique<SitooEmulator>(ScenarioGenerator(options).generate());
    QVERIFY(m_emulator->listen());
    m_settings.sitooBaseUrl = m_emulator->baseUrl();
    m_settings.sitooAccountId = m_emulator->credentials().accountId;
    m_settings.sitooApiId = m_emulator->credentials().apiId;
    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets,
                                           {{m_settings.sitooPasswordKey(), m_emulator->credentials().password}}));
    m_client = std::make_unique<SitooClient>(&m_secrets);
    QVERIFY(m_client->setConnection(m_settings).ok());
}

void tst_SitooContract::cursorWalkSeesEveryOrderOnceIncludingALateOfflineSale()
{
    const qint64 initialCount = m_emulator->orderCount();
    QVERIFY(initialCount > 100);
    constexpr int kPage = 37; // not a divisor of the order count, to hit a short last page
    qint64 cursor = 1;
    std::set<qint64> seen;
    bool lateSaleAdded = false;
    qint64 lateOrderId = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const auto page = await<QList<QByteArray>>([&](QObject *context, SitooClient::Callback<QList<QByteArray>> done) {
            m_client->fetchOrdersFrom(cursor, kPage, context, done);
        });
        QVERIFY(page && page->ok());
        for (const QByteArray &raw : page->value()) {
            const qint64 id = SitooOrderParser::recoverOrderId(raw);
            QVERIFY2(seen.insert(id).second, qPrintable(QStringLiteral("order %1 seen twice").arg(id)));
            QVERIFY(id >= cursor);
            cursor = id + 1;
            m_walked.append(raw);
        }
        if (!lateSaleAdded && seen.size() > 60) {
            // An offline till syncs a sale from last week now: an old orderdate, a new orderid.
            QJsonObject late = QJsonDocument::fromJson(m_walked.first()).object();
            late.remove(QStringLiteral("orderid"));
            late.insert(QStringLiteral("orderdate"), late.value(QStringLiteral("orderdate")).toInteger() - 7 * 86400);
            lateOrderId = m_emulator->addOrder(late);
            QVERIFY(lateOrderId > 0);
            lateSaleAdded = true;
        }
        if (page->value().size() < kPage)
            break;
    }
    QCOMPARE(qint64(seen.size()), initialCount + 1);
    QVERIFY(seen.count(lateOrderId));
    QCOMPARE(*seen.rbegin(), m_emulator->lastOrderId());
}

void tst_SitooContract::everyOrderParsesOrIsReportedMalformed()
{
    QVERIFY(!m_walked.isEmpty());
    std::set<qint64> defective;
    for (const ScenarioDefect &defect : m_emulator->scenario().defects())
        defective.insert(Scenario::defectJson(defect).value(u"orderid").toInteger());
    int malformed = 0;
    for (const QByteArray &raw : m_walked) {
        const SitooOrderParse parse = SitooOrderParser::parse(raw, m_settings.sitooAccountId);
        QVERIFY(parse.orderId > 0);
        QCOMPARE(parse.raw, raw); // nothing is lost, even when the order cannot be read
        if (!parse.order) {
            QVERIFY(!parse.problems.isEmpty());
            ++malformed;
            continue;
        }
        // Orders without an injected defect add up exactly in minor units (the sandbox follows Sitoo's invariants).
        if (defective.count(parse.orderId))
            continue;
        const PosOrder &order = *parse.order;
        qint64 payments = 0;
        for (const PosPayment &payment : order.payments)
            payments += payment.amount.minorUnits();
        QCOMPARE(order.totalNet.minorUnits() + order.totalVat.minorUnits() + order.cashRounding.minorUnits(),
                 order.totalGross.minorUnits());
        QCOMPARE(payments, order.totalGross.minorUnits());
    }
    qint64 injected = 0;
    for (const ScenarioDefect &defect : m_emulator->scenario().defects()) {
        if (Scenario::defectJson(defect).value(u"kind").toString() == u"MALFORMED_ORDER")
            ++injected;
    }
    QCOMPARE(qint64(malformed), injected);
    QVERIFY(injected > 0);
}

void tst_SitooContract::pagingEdgeCases_data()
{
    QTest::addColumn<int>("pageSize");
    const qint64 products = m_emulator->products(1).size();
    QTest::newRow("one page larger than the collection") << int(products + 10);
    QTest::newRow("page size equal to the collection") << int(products);
    QTest::newRow("an exact divisor of the collection") << (products % 2 == 0 ? 2 : 1);
    QTest::newRow("a page of 7") << 7;
}

void tst_SitooContract::pagingEdgeCases()
{
    QFETCH(int, pageSize);
    const qint64 before = m_emulator->requestCount();
    const auto products = await<QJsonArray>([&](QObject *context, SitooClient::Callback<QJsonArray> done) {
        QUrlQuery everything; // inactive products are hidden unless asked for (S15)
        everything.addQueryItem(QStringLiteral("includeinactive"), QStringLiteral("true"));
        m_client->fetchAll(m_client->sitePath(QStringLiteral("products.json")), everything, pageSize, context, done);
    });
    QVERIFY(products && products->ok());
    const qint64 expected = m_emulator->products(1).size();
    QCOMPARE(qint64(products->value().size()), expected);
    std::set<qint64> ids;
    for (const QJsonValue &product : products->value())
        ids.insert(product.toObject().value(u"productid").toInteger());
    QCOMPARE(qint64(ids.size()), expected);
    // No request beyond the last page, except the one that proves an exact multiple ended.
    const qint64 requests = m_emulator->requestCount() - before;
    QVERIFY2(requests <= expected / pageSize + 1, qPrintable(QString::number(requests)));
}

void tst_SitooContract::refundsOfASale()
{
    const ScenarioOrder *refund = nullptr;
    for (const ScenarioOrder &order : m_emulator->scenario().orders()) {
        const QJsonObject json = m_emulator->scenario().orderJson(order, false);
        if (json.value(u"creditorderid").toInteger() > 0) {
            refund = &order;
            break;
        }
    }
    QVERIFY(refund);
    const qint64 saleId = m_emulator->scenario().orderJson(*refund, false).value(u"creditorderid").toInteger();
    const auto refunds = await<QList<QByteArray>>([&](QObject *context, SitooClient::Callback<QList<QByteArray>> done) {
        m_client->fetchRefundsOf(saleId, context, done);
    });
    QVERIFY(refunds && refunds->ok());
    QVERIFY(!refunds->value().isEmpty());
    for (const QByteArray &raw : refunds->value()) {
        const SitooOrderParse parse = SitooOrderParser::parse(raw, m_settings.sitooAccountId);
        if (!parse.order)
            continue; // a malformed refund is still returned, just not readable
        QCOMPARE(parse.order->kind, PosOrderKind::Refund);
        QCOMPARE(parse.order->originalOrderId, std::optional<qint64>(saleId));
        QVERIFY(parse.order->totalGross.isNegative());
    }
    // A sale nobody refunded: an empty collection (totalcount 0) is a valid answer, not an error.
    const auto none = await<QList<QByteArray>>([&](QObject *context, SitooClient::Callback<QList<QByteArray>> done) {
        m_client->fetchRefundsOf(999999999, context, done);
    });
    QVERIFY(none && none->ok());
    QVERIFY(none->value().isEmpty());
}

void tst_SitooContract::batchWithOneBadElement()
{
    const QList<QJsonObject> products = m_emulator->products(1);
    QVERIFY(products.size() >= 2);
    const qint64 firstId = products[0].value(u"productid").toInteger();
    QJsonArray batch{QJsonObject{{QStringLiteral("productid"), firstId}, {QStringLiteral("activepos"), false}},
                     QJsonObject{{QStringLiteral("productid"), 987654321}, {QStringLiteral("activepos"), false}}};
    const auto results = await<QJsonArray>([&](QObject *context, SitooClient::Callback<QJsonArray> done) {
        m_client->sendBatch("PUT", m_client->sitePath(QStringLiteral("products.json")), batch, context, done);
    });
    QVERIFY(results && results->ok());
    QCOMPARE(results->value().size(), 2);
    QCOMPARE(results->value()[0].toObject().value(u"statuscode").toInt(), 200);
    QVERIFY(results->value()[1].toObject().value(u"statuscode").toInt() >= 400);
    // The good element was applied, the bad one changed nothing.
    QCOMPARE(m_emulator->product(1, products[0].value(u"sku").toString())->value(u"activepos").toBool(), false);
}

void tst_SitooContract::warehouseItemsAndZReports()
{
    const ScenarioStore &store = m_emulator->scenario().stores().first();
    const auto items = await<SitooList<SitooWarehouseItem>>(
        [&](QObject *context, SitooClient::Callback<SitooList<SitooWarehouseItem>> done) {
            m_client->fetchWarehouseItems(store.eshopId, store.warehouseId, context, done);
        });
    QVERIFY(items && items->ok());
    QVERIFY(items->value().problems.isEmpty());
    qint64 expected = 0;
    for (const ScenarioWarehouseItem &item : m_emulator->scenario().warehouseItems()) {
        if (item.warehouseId != store.warehouseId)
            continue;
        ++expected;
        if (expected == 1) {
            // Decimals arrive exactly: the first level equals the scenario's to the thousandth.
            const auto &first = items->value().items.first();
            QCOMPARE(first.sku, item.sku);
            QCOMPARE(first.total.compare(item.total), 0);
        }
    }
    QCOMPARE(qint64(items->value().items.size()), expected);

    // Z-reports: a bare array of at most N, paged by dateaddedfrom (inclusive) until everything was seen once.
    SitooEmulatorOptions options = m_emulator->options();
    options.zReportLimit = 3;
    m_emulator->setOptions(options);
    const auto reports = await<SitooList<SitooZReport>>(
        [&](QObject *context, SitooClient::Callback<SitooList<SitooZReport>> done) {
            m_client->fetchZReports(QDateTime::fromSecsSinceEpoch(0, Qt::UTC), context, done);
        });
    options.zReportLimit = 500;
    m_emulator->setOptions(options);
    QVERIFY(reports && reports->ok());
    QCOMPARE(reports->value().items.size(), m_emulator->scenario().zReports().size());
}

void tst_SitooContract::typedReadsMatchTheScenario()
{
    const Scenario &scenario = m_emulator->scenario();
    const ScenarioSite &uk = scenario.sites().first();
    const auto products = await<SitooList<SitooProduct>>(
        [&](QObject *context, SitooClient::Callback<SitooList<SitooProduct>> done) {
            m_client->fetchProducts(uk.eshopId, std::nullopt, true, uk.currency, context, done);
        });
    QVERIFY(products && products->ok());
    QCOMPARE(products->value().items.size(), m_emulator->products(uk.eshopId).size());
    QVERIFY(products->value().problems.isEmpty());

    const auto stores = await<SitooList<SitooStore>>([&](QObject *context, SitooClient::Callback<SitooList<SitooStore>> done) {
        m_client->fetchStores(uk.eshopId, context, done);
    });
    QVERIFY(stores && stores->ok());
    qint64 ukStores = 0;
    for (const ScenarioStore &store : scenario.stores())
        ukStores += store.eshopId == uk.eshopId ? 1 : 0;
    QCOMPARE(qint64(stores->value().items.size()), ukStores);

    const auto warehouses = await<SitooList<SitooWarehouse>>(
        [&](QObject *context, SitooClient::Callback<SitooList<SitooWarehouse>> done) {
            m_client->fetchWarehouses(uk.eshopId, context, done);
        });
    QVERIFY(warehouses && warehouses->ok());
    QCOMPARE(qint64(warehouses->value().items.size()), ukStores);

    const auto tenders = await<SitooList<SitooPaymentType>>(
        [&](QObject *context, SitooClient::Callback<SitooList<SitooPaymentType>> done) {
            m_client->fetchPaymentTypes(uk.eshopId, context, done);
        });
    QVERIFY(tenders && tenders->ok());
    qint64 ukTenders = 0;
    for (const ScenarioPaymentType &type : scenario.paymentTypes())
        ukTenders += type.eshopId == uk.eshopId ? 1 : 0;
    QCOMPARE(qint64(tenders->value().items.size()), ukTenders);
}

void tst_SitooContract::stockLevelsReachBothWarehouseKinds()
{
    const Scenario &scenario = m_emulator->scenario();
    const ScenarioStore *virtualStore = nullptr;
    const ScenarioStore *fifoStore = nullptr;
    for (const ScenarioStore &store : scenario.stores()) {
        if (store.warehouseType == WarehouseType::Virtual && !virtualStore)
            virtualStore = &store;
        if (store.warehouseType == WarehouseType::Fifo && !fifoStore)
            fifoStore = &store;
    }
    QVERIFY(virtualStore && fifoStore);
    const QString sku = scenario.catalogue().first().sku;

    // Virtual: a batch PUT of levels.
    const auto set = await<QList<SitooBatchElementResult>>(
        [&](QObject *context, SitooClient::Callback<QList<SitooBatchElementResult>> done) {
            m_client->setVirtualStockLevels(virtualStore->eshopId, virtualStore->warehouseId,
                                            {{sku, Decimal(17, 0)}}, context, done);
        });
    QVERIFY(set && set->ok());
    QCOMPARE(set->value().size(), 1);
    QCOMPARE(set->value().first().statusCode, 200);
    QCOMPARE(m_emulator->stockLevel(virtualStore->warehouseId, sku)->compare(Decimal(17, 0)), 0);

    // FIFO refuses a level PUT; it takes a stocktaking batch that is applied when it closes.
    const auto refused = await<QList<SitooBatchElementResult>>(
        [&](QObject *context, SitooClient::Callback<QList<SitooBatchElementResult>> done) {
            m_client->setVirtualStockLevels(fifoStore->eshopId, fifoStore->warehouseId, {{sku, Decimal(5, 0)}},
                                            context, done);
        });
    QVERIFY(refused);
    QVERIFY(!refused->ok() || refused->value().first().statusCode >= 400);
    const auto counted = await<qint64>([&](QObject *context, SitooClient::Callback<qint64> done) {
        m_client->countFifoStock(fifoStore->eshopId, fifoStore->warehouseId, {{sku, Decimal(9, 0)}},
                                 QStringLiteral("Prima available-to-sell"), context, done);
    });
    QVERIFY2(counted && counted->ok(), counted ? qPrintable(counted->errorString()) : "no answer");
    QCOMPARE(m_emulator->stockLevel(fifoStore->warehouseId, sku)->compare(Decimal(9, 0)), 0);
    const QList<QJsonObject> batches = m_emulator->warehouseBatches(fifoStore->warehouseId);
    QVERIFY(!batches.isEmpty());
    QCOMPARE(batches.last().value(u"warehousebatchstate").toInt(), 20);
    QCOMPARE(batches.last().value(u"transactiontype").toInt(), 50);
}

void tst_SitooContract::wrongPasswordIsRefused()
{
    MemorySecretStore wrong;
    QVERIFY(Tillbridge::Test::storeSecrets(wrong, {{m_settings.sitooPasswordKey(), QStringLiteral("guess")}}));
    SitooClient client(&wrong);
    QVERIFY(client.setConnection(m_settings).ok());
    const auto result = await<QString>([&](QObject *context, SitooClient::Callback<QString> done) {
        client.testConnection(context, done);
    });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::Remote);
    QVERIFY(result->errorString().contains(u"401"));

    MemorySecretStore empty;
    SitooClient unconfigured(&empty);
    QVERIFY(unconfigured.setConnection(m_settings).ok());
    const auto missing = await<QString>([&](QObject *context, SitooClient::Callback<QString> done) {
        unconfigured.testConnection(context, done);
    });
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error().code, ErrorCode::Keychain);
}

void tst_SitooContract::rateLimitedRequestsAreRetried()
{
    SitooEmulatorOptions options = m_emulator->options();
    options.rateLimitPerSecond = 5;
    options.rateLimitBurst = 1;
    options.retryAfterSeconds = 1;
    m_emulator->setOptions(options);
    ManualClock clock;
    m_client->http()->setClock(&clock);
    const qint64 requestsBefore = m_emulator->requestCount();
    std::optional<Result<QJsonArray>> result;
    QObject context;
    m_client->fetchAll(QStringLiteral("orders.json"), {}, 20, &context,
                       [&result](const Result<QJsonArray> &value) { result = value; });
    QDeadlineTimer deadline(60000);
    while (!result && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (clock.pendingCount() > 0) {
            QTest::qWait(250); // let the sandbox's real bucket refill; the client's own wait is virtual
            clock.advance(std::chrono::seconds(2));
        }
    }
    m_client->http()->setClock(nullptr);
    options.rateLimitPerSecond = 0;
    m_emulator->setOptions(options);
    QVERIFY(result && result->ok());
    QCOMPARE(qint64(result->value().size()), qint64(m_emulator->orderCount()));
    QVERIFY2(m_emulator->responseCount(429) > 0,
             qPrintable(QStringLiteral("requests %1, 200s %2, waits %3")
                            .arg(m_emulator->requestCount() - requestsBefore)
                            .arg(m_emulator->responseCount(200))
                            .arg(clock.requestedDelays().size())));
    QVERIFY(clock.requestedDelays().contains(std::chrono::milliseconds(1000))); // Retry-After: 1 honoured
}

QTEST_GUILESS_MAIN(tst_SitooContract)
#include "tst_sitoocontract.moc"
