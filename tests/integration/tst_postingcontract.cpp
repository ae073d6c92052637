// SPDX-License-Identifier: GPL-3.0-or-later
// The whole posting path on loopback: sandbox Sitoo orders, parsed into PosOrders, built into Prima documents
// (sales orders and credit notes with dispositions) and posted through RestPrimaGateway to the Prima sandbox —
// which checks every total to the minor unit. Every clean order posts; a RESTOCK credit note raises stock.
#include "core/engine/posting/documentbuilder.h"
#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/sitoo/sitooorderparser.h"


#include "tests/testutils/secrettestutils.h"
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {
PostingMappings mappingsFor(const Scenario &scenario, const ScenarioStore &store)
{
    PostingMappings mappings;
    mappings.location = store.primaLocationCode;
    const bool sweden = store.region == Region::Sweden;
    mappings.taxCodeByRate = sweden ? QHash<QString, QString>{{"25", "SE25"}, {"12", "SE12"}, {"6", "SE06"}}
                                    : QHash<QString, QString>{{"20", "S20"}, {"5", "R5"}, {"0", "Z0"}};
    for (const QString &method : Scenario::usualPaymentMethodNames(store.region))
        mappings.tenderByMethod.insert(method, method.toUpper().replace(u' ', u'_'));
    for (const ScenarioVoucher &voucher : scenario.vouchers())
        mappings.promotionByVoucher.insert(voucher.code, QStringLiteral("PROMO-") + voucher.code);
    mappings.dispositionByReason = {{"101", "RESTOCK"}, {"102", "RESTOCK"}, {"103", "QUARANTINE"},
                                    {"104", "WRITE_OFF"}};
    return mappings;
}
} // namespace

class tst_PostingContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCleanOrderPostsAndRefundsRestock();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DemoSandbox> m_sandbox;
    SandboxEndpoints m_endpoints;
};

void tst_PostingContract::initTestCase()
{
    DemoSandboxOptions options;
    options.scenario.seed = 11;
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 2;
    options.scenario.defectRate = 0.1;
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY2(endpoints.ok(), qPrintable(endpoints.errorString()));
    m_endpoints = *endpoints;
}

void tst_PostingContract::everyCleanOrderPostsAndRefundsRestock()
{
    const Scenario &scenario = m_sandbox->scenario();
    std::set<qint64> defective;
    for (const ScenarioDefect &defect : scenario.defects())
        defective.insert(defect.orderId);

    MemorySecretStore secrets;
    RestPrimaGatewayConfig config;
    config.baseUrl = m_endpoints.primaBaseUrl;
    QVERIFY(Tillbridge::Test::storeSecrets(secrets,
                                           {{SecretStore::primaTokenKey(config.baseUrl.host()), m_endpoints.primaToken}}));
    HttpClient http;
    RestPrimaGateway gateway(config, &http, &secrets);

    int sales = 0;
    int credits = 0;
    int restockedLines = 0;
    for (const ScenarioOrder &scenarioOrder : scenario.orders()) {
        const QJsonObject json = scenario.orderJson(scenarioOrder, false);
        const qint64 orderId = json.value(u"orderid").toInteger();
        if (defective.count(orderId))
            continue;
        const QByteArray raw = QJsonDocument(json).toJson(QJsonDocument::Compact);
        const SitooOrderParse parse = SitooOrderParser::parse(raw, m_endpoints.sitooAccountId);
        QVERIFY2(parse.order, qPrintable(parse.problems.join(u"; ")));
        const PosOrder &order = *parse.order;
        const ScenarioStore *scenarioStore = scenario.storeForWarehouse(order.warehouseId);
        QVERIFY(scenarioStore);
        Store store;
        store.name = scenarioStore->name;
        store.timeZone = scenarioStore->timeZoneId;
        const PostingMappings mappings = mappingsFor(scenario, *scenarioStore);

        std::optional<PrimaWriteResult> result;
        QObject context;
        if (order.kind == PosOrderKind::Sale) {
            auto document = DocumentBuilder::salesOrder(order, store, mappings);
            QVERIFY2(document.ok(), qPrintable(document.errorString()));
            QCOMPARE(document->idempotencyKey,
                     QStringLiteral("sitoo:%1:%2:sale:v1").arg(m_endpoints.sitooAccountId).arg(orderId));
            gateway.postSalesOrder(*document, {}, &context, [&result](PrimaWriteResult r) { result = r; });
            ++sales;
        } else {
            auto note = DocumentBuilder::creditNote(order, store, mappings);
            QVERIFY2(note.ok(), qPrintable(note.errorString()));
            QVERIFY(!note->originalExternalRef.isEmpty());
            for (const CreditNoteLine &line : note->lines) {
                QVERIFY(line.line.quantity > 0 && !line.line.lineNet.isNegative());
                restockedLines += line.disposition == LineDisposition::Restock ? 1 : 0;
            }
            gateway.postCreditNote(*note, {}, &context, [&result](PrimaWriteResult r) { result = r; });
            ++credits;
        }
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY2(result->isPosted(), qPrintable(QStringLiteral("order %1: %2").arg(orderId).arg(result->error.summary())));
    }
    QVERIFY(sales > 20);
    QVERIFY(credits > 0);
    QVERIFY(restockedLines > 0);
    // Prima's ledger holds exactly one document per posted order.
    QCOMPARE(m_sandbox->prima()->documents().size(), qsizetype(sales + credits));
}

QTEST_GUILESS_MAIN(tst_PostingContract)
#include "tst_postingcontract.moc"
