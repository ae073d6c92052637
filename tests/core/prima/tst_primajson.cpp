// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/httpclient.h"
#include "core/prima/primajson.h"
#include "core/prima/restprimagateway.h"

#include <QJsonDocument>
#include <QTest>

using namespace Tillbridge::Core;

namespace {

const Currency kGbp = Currency::of(u"GBP");

Money gbp(const char *text)
{
    return Money::parse(QString::fromLatin1(text), kGbp).value();
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/** The sales order of the contract's example (prima-gateway.md §3.1). */
SalesOrder exampleOrder()
{
    SalesOrder order;
    order.externalRef = QStringLiteral("sitoo:1500:order:20001");
    order.idempotencyKey = QStringLiteral("sitoo:1500:20001:sale:v1");
    order.location = QStringLiteral("LDN-01");
    order.registerId = QStringLiteral("{2AA4}");
    order.receiptNo = QStringLiteral("SIE000015010002310042");
    order.postingDate = QDate(2026, 10, 31);
    order.orderedAt = QDateTime(QDate(2026, 10, 31), QTime(15, 4, 11), Qt::UTC);
    order.currency = kGbp;
    order.pricesIncludeTax = true;
    SalesOrderLine line;
    line.lineNo = 1;
    line.sku = QStringLiteral("200CH-G-070");
    line.quantity = 2;
    line.unitPrice = gbp("90.00");
    line.discount = gbp("18.00");
    line.unitNetPrice = gbp("67.50");
    line.lineNet = gbp("135.00");
    line.lineVat = gbp("27.00");
    line.taxCode = QStringLiteral("S20");
    line.promotionCode = QStringLiteral("SPRING10");
    order.lines = {line};
    order.payments = {SalesOrderPayment{QStringLiteral("CARD"), gbp("162.00"), QStringLiteral("psp:8515")}};
    order.roundingAmount = gbp("0.00");
    order.total = gbp("162.00");
    return order;
}

HttpResponse completed(int status, const QByteArray &body, HttpHeaders headers = {})
{
    HttpResponse response;
    response.outcome = HttpResponse::Outcome::Completed;
    response.status = status;
    response.body = body;
    response.headers = std::move(headers);
    return response;
}

} // namespace

class tst_PrimaJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void salesOrderMatchesContractExample();
    void creditNoteBody();
    void batchBody();
    void refusesForeignCurrency();
    void totalsFollowTheOrderTotal();
    void roundTrips();
    void pagesAndLists();
    void moneyIsNeverANumber();
    void badRecordFailsThePage();
    void timestampsAndHttpDates();
    void problemMapping_data();
    void problemMapping();
    void transportOutcomes_data();
    void transportOutcomes();
    void retryAfterHeader();
    void batchResultsRoundTrip();
    void acceptableBaseUrls_data();
    void acceptableBaseUrls();
};

void tst_PrimaJson::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_PrimaJson::salesOrderMatchesContractExample()
{
    // Given the example order of the contract, when it is written, then the body is exactly the contract's example.
    auto json = PrimaJson::salesOrderToJson(exampleOrder());
    QVERIFY2(json.ok(), qPrintable(json.errorString()));
    const QJsonObject expected = parseObject(R"({"externalRef":"sitoo:1500:order:20001","storeId":"LDN-01",
        "registerId":"{2AA4}","receiptNo":"SIE000015010002310042","storeLocalDate":"2026-10-31",
        "orderedAt":"2026-10-31T15:04:11Z","currency":"GBP","pricesIncludeTax":true,
        "lines":[{"lineNo":1,"sku":"200CH-G-070","qty":2,"unitPrice":"90.00","discount":"18.00","net":"135.00",
                  "tax":"27.00","taxCode":"S20","gross":"162.00","promotion":"SPRING10"}],
        "tenders":[{"method":"CARD","amount":"162.00","reference":"psp:8515"}],
        "totals":{"net":"135.00","tax":"27.00","gross":"162.00","rounding":"0.00"},
        "taxMode":"SOURCE_AUTHORITATIVE"})");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(*json, expected);
    // Quantities are integers on the wire, money is text.
    QVERIFY(PrimaJson::toBody(*json).contains("\"qty\":2,"));
    QVERIFY(PrimaJson::toBody(*json).contains("\"gross\":\"162.00\""));
}

void tst_PrimaJson::creditNoteBody()
{
    CreditNote note;
    note.externalRef = QStringLiteral("sitoo:1500:order:20002");
    note.idempotencyKey = QStringLiteral("sitoo:1500:20002:credit:v1");
    note.originalExternalRef = QStringLiteral("sitoo:1500:order:20001");
    note.location = QStringLiteral("LDN-01");
    note.postingDate = QDate(2026, 11, 2);
    note.currency = kGbp;
    note.reasonCode = QStringLiteral("FAULTY");
    CreditNoteLine line;
    line.line.lineNo = 1;
    line.line.sku = QStringLiteral("200CH-G-070");
    line.line.quantity = 1;
    line.line.unitPrice = gbp("81.00");
    line.line.lineNet = gbp("67.50");
    line.line.lineVat = gbp("13.50");
    line.line.taxCode = QStringLiteral("S20");
    line.disposition = LineDisposition::Restock;
    line.returnToLocation = QStringLiteral("WH-01");
    line.originalLineNo = 1;
    note.lines = {line};
    note.refunds = {SalesOrderPayment{QStringLiteral("CARD"), gbp("81.00"), {}}};

    auto json = PrimaJson::creditNoteToJson(note);
    QVERIFY2(json.ok(), qPrintable(json.errorString()));
    QCOMPARE(json->value(u"originalExternalRef").toString(), note.originalExternalRef);
    QCOMPARE(json->value(u"reasonCode").toString(), QStringLiteral("FAULTY"));
    QVERIFY(json->value(u"refundTenders").isArray());
    QVERIFY(!json->contains(u"tenders"));
    const QJsonObject jsonLine = json->value(u"lines").toArray().first().toObject();
    QCOMPARE(jsonLine.value(u"disposition").toString(), QStringLiteral("RESTOCK"));
    QCOMPARE(jsonLine.value(u"returnToLocation").toString(), QStringLiteral("WH-01"));
    QCOMPARE(jsonLine.value(u"discount").toString(), QStringLiteral("0.00")); // not set: none
    QCOMPARE(jsonLine.value(u"gross").toString(), QStringLiteral("81.00"));
    QCOMPARE(json->value(u"totals").toObject().value(u"gross").toString(), QStringLiteral("81.00"));

    // A blind return has a null originalExternalRef, not an empty string.
    note.originalExternalRef.clear();
    QVERIFY(PrimaJson::creditNoteToJson(note)->value(u"originalExternalRef").isNull());
}

void tst_PrimaJson::batchBody()
{
    SalesOrder second = exampleOrder();
    second.externalRef = QStringLiteral("sitoo:1500:order:20003");
    second.idempotencyKey = QStringLiteral("sitoo:1500:20003:sale:v1");
    auto json = PrimaJson::batchToJson(
        {PrimaBatchOperation::ofSalesOrder(exampleOrder()), PrimaBatchOperation::ofSalesOrder(second)});
    QVERIFY(json.ok());
    QCOMPARE(json->value(u"mode").toString(), QStringLiteral("independent"));
    const QJsonArray operations = json->value(u"operations").toArray();
    QCOMPARE(operations.size(), 2);
    QCOMPARE(operations.at(1).toObject().value(u"path").toString(), QStringLiteral("/sales-orders"));
    QCOMPARE(operations.at(1).toObject().value(u"idempotencyKey").toString(), second.idempotencyKey);
    QCOMPARE(operations.at(1).toObject().value(u"body").toObject().value(u"externalRef").toString(),
             second.externalRef);
}

void tst_PrimaJson::refusesForeignCurrency()
{
    SalesOrder order = exampleOrder();
    order.lines[0].lineVat = Money::parse(u"27.00", Currency::of(u"SEK")).value();
    QVERIFY(!PrimaJson::salesOrderToJson(order).ok());
    order = exampleOrder();
    order.payments[0].amount = Money::parse(u"162.00", Currency::of(u"EUR")).value();
    QVERIFY(!PrimaJson::salesOrderToJson(order).ok());
    order = exampleOrder();
    order.currency = Currency();
    QVERIFY(!PrimaJson::salesOrderToJson(order).ok());
}

void tst_PrimaJson::totalsFollowTheOrderTotal()
{
    // Cash rounding: gross 162.00, paid 162.05 with 0.05 rounding; totals.gross stays the goods' gross.
    SalesOrder order = exampleOrder();
    order.roundingAmount = gbp("0.05");
    order.total = gbp("162.05");
    auto json = PrimaJson::salesOrderToJson(order);
    QCOMPARE(json->value(u"totals").toObject().value(u"gross").toString(), QStringLiteral("162.00"));
    QCOMPARE(json->value(u"totals").toObject().value(u"rounding").toString(), QStringLiteral("0.05"));
    // An order whose total disagrees with its lines is sent as it is, for Prima to refuse (TOTALS_MISMATCH).
    order.total = gbp("170.00");
    order.roundingAmount = Money();
    json = PrimaJson::salesOrderToJson(order);
    QCOMPARE(json->value(u"totals").toObject().value(u"gross").toString(), QStringLiteral("170.00"));
    QCOMPARE(json->value(u"totals").toObject().value(u"rounding").toString(), QStringLiteral("0.00"));
}

void tst_PrimaJson::roundTrips()
{
    PrimaItem item;
    item.sku = QStringLiteral("200CH-G-070");
    item.style = QStringLiteral("200CH");
    item.matrix = {QStringLiteral("G"), QStringLiteral("070"), QStringLiteral("W"), QString()};
    item.gtins = {QStringLiteral("5012345678900"), QStringLiteral("5012345678917")};
    item.description = QStringLiteral("Chelsea boot – “tan”, 7");
    item.status = PrimaItemStatus::Discontinued;
    item.priceIncVat = gbp("90.00");
    item.vatCode = QStringLiteral("S20");
    item.vatRate = VatRate::parse(u"20").value();
    item.updatedAt = QDateTime(QDate(2026, 10, 1), QTime(8, 30, 0, 250), Qt::UTC);
    auto itemBack = PrimaJson::itemFromJson(PrimaJson::itemToJson(item));
    QVERIFY2(itemBack.ok(), qPrintable(itemBack.errorString()));
    QCOMPARE(itemBack->sku, item.sku);
    QCOMPARE(itemBack->matrix.fit, item.matrix.fit);
    QCOMPARE(itemBack->gtins, item.gtins);
    QCOMPARE(itemBack->description, item.description);
    QCOMPARE(itemBack->status, item.status);
    QCOMPARE(itemBack->priceIncVat, item.priceIncVat);
    QCOMPARE(itemBack->vatRate, item.vatRate);
    QCOMPARE(itemBack->updatedAt, item.updatedAt);
    QCOMPARE(PrimaJson::itemToJson(item).value(u"vatRate").toString(), QStringLiteral("20.00"));

    StockLevel level;
    level.sku = item.sku;
    level.location = QStringLiteral("LDN-01");
    level.onHand = 12;
    level.allocated = 2;
    level.availableToSell = 10;
    level.version = 7;
    level.observedAt = QDateTime(QDate(2026, 10, 31), QTime(12, 0), Qt::UTC);
    level.nextAvailableDate = QDate(2026, 11, 20);
    auto levelBack = PrimaJson::stockLevelFromJson(PrimaJson::stockLevelToJson(level));
    QVERIFY(levelBack.ok());
    QCOMPARE(levelBack->availableToSell, 10);
    QCOMPARE(levelBack->onHand, 12);
    QCOMPARE(levelBack->version, 7);
    QCOMPARE(levelBack->observedAt, level.observedAt);
    QCOMPARE(levelBack->nextAvailableDate, level.nextAvailableDate);

    const PrimaTaxCode taxCode{QStringLiteral("R5"), VatRate::parse(u"5").value(), QDate(2011, 1, 4), QDate()};
    auto taxBack = PrimaJson::taxCodeFromJson(PrimaJson::taxCodeToJson(taxCode));
    QVERIFY(taxBack.ok());
    QCOMPARE(taxBack->rate, taxCode.rate);
    QCOMPARE(taxBack->validFrom, taxCode.validFrom);
    QVERIFY(taxBack->validTo.isNull());

    const PrimaLocation location{QStringLiteral("WH-01"), QStringLiteral("Northampton"), PrimaLocationType::Warehouse,
                                 kGbp, QStringLiteral("Europe/London")};
    auto locationBack = PrimaJson::locationFromJson(PrimaJson::locationToJson(location));
    QVERIFY(locationBack.ok());
    QCOMPARE(locationBack->type, PrimaLocationType::Warehouse);
    QCOMPARE(locationBack->currency, kGbp);
    QCOMPARE(locationBack->timezone, location.timezone);
    // R12 fuzz finding: a location Prima sent without a currency was written back as "currency": "", which the
    // reader refuses; it is written as null, which reads back as no currency.
    const PrimaLocation noCurrency{QStringLiteral("PR-UK002"), QStringLiteral("Manchester"), PrimaLocationType::Store,
                                   Currency(), QStringLiteral("Europe/London")};
    QVERIFY(PrimaJson::locationToJson(noCurrency).value(u"currency").isNull());
    auto noCurrencyBack = PrimaJson::locationFromJson(PrimaJson::locationToJson(noCurrency));
    QVERIFY2(noCurrencyBack.ok(), qPrintable(noCurrencyBack.errorString()));
    QVERIFY(!noCurrencyBack->currency.isValid());

    PrimaLedgerPosting posting;
    posting.postingId = QStringLiteral("41");
    posting.postingDate = QDate(2026, 10, 31);
    posting.account = QStringLiteral("SALES");
    posting.location = QStringLiteral("LDN-01");
    posting.amount = gbp("-135.00");
    posting.sourceDocumentNo = QStringLiteral("SO-000001");
    posting.externalRef = QStringLiteral("sitoo:1500:order:20001");
    auto postingBack = PrimaJson::ledgerPostingFromJson(PrimaJson::ledgerPostingToJson(posting));
    QVERIFY(postingBack.ok());
    QCOMPARE(postingBack->amount, posting.amount);
    QVERIFY(postingBack->tender.isEmpty());

    auto periodBack =
        PrimaJson::periodFromJson(PrimaJson::periodToJson({QStringLiteral("2026-10"), PrimaPeriodStatus::SoftClosed}));
    QVERIFY(periodBack.ok());
    QCOMPARE(periodBack->status, PrimaPeriodStatus::SoftClosed);

    PrimaDocumentResult document;
    document.documentNo = QStringLiteral("SO-000001");
    document.externalRef = posting.externalRef;
    document.documentType = QStringLiteral("SALES_ORDER");
    document.postingDate = QDate(2026, 10, 31);
    document.status = QStringLiteral("POSTED");
    document.taxAdjustment = gbp("-0.01");
    auto documentBack = PrimaJson::parseDocumentResult(PrimaJson::toBody(PrimaJson::documentResultToJson(document)));
    QVERIFY(documentBack.ok());
    QCOMPARE(documentBack->documentNo, document.documentNo);
    QCOMPARE(documentBack->taxAdjustment, document.taxAdjustment);
    QCOMPARE(documentBack->postingDate, document.postingDate);
    QVERIFY(!documentBack->replayed);
}

void tst_PrimaJson::pagesAndLists()
{
    auto page = PrimaJson::parseItemsPage(R"({"items":[{"sku":"A","priceIncVat":"1.00","currency":"GBP",
        "status":"SOMETHING_NEW","vatRate":"20.00","futureField":{"x":1}}],"nextCursor":"abc"})");
    QVERIFY2(page.ok(), qPrintable(page.errorString()));
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items.first().status, PrimaItemStatus::Unknown); // tolerated, not guessed
    QCOMPARE(page->nextCursor, QStringLiteral("abc"));
    QVERIFY(page->hasMore());

    auto last = PrimaJson::parseStockPage(R"({"items":[],"nextCursor":null})");
    QVERIFY(last.ok());
    QVERIFY(!last->hasMore());

    auto taxCodes = PrimaJson::parseTaxCodes(R"([{"code":"S20","rate":"20.00","validFrom":"2011-01-04","validTo":null}])");
    QVERIFY(taxCodes.ok());
    QCOMPARE(taxCodes->first().rate, VatRate::fromPercent(20));
    // The envelope form is accepted too.
    QVERIFY(PrimaJson::parseLocations(R"({"items":[{"id":"LDN-01","type":"STORE","currency":"GBP"}]})").ok());

    auto documents = PrimaJson::parseDocumentList(R"({"items":[]})");
    QVERIFY(documents.ok());
    QVERIFY(documents->isEmpty());

    QVERIFY(!PrimaJson::parseItemsPage("not json").ok());
    QVERIFY(!PrimaJson::parseItemsPage(R"({"nextCursor":null})").ok());
    auto health = PrimaJson::parseHealth(R"({"status":"ok","version":"1.2","time":"2026-10-31T15:04:11+01:00"})");
    QVERIFY(health.ok());
    QCOMPARE(health->time, QDateTime(QDate(2026, 10, 31), QTime(14, 4, 11), Qt::UTC));
}

void tst_PrimaJson::moneyIsNeverANumber()
{
    QVERIFY(!PrimaJson::moneyFromJson(QJsonValue(90.5), kGbp).ok());
    QVERIFY(!PrimaJson::moneyFromJson(QJsonValue(), kGbp).ok());
    QVERIFY(!PrimaJson::moneyFromJson(QJsonValue(QStringLiteral("90.005")), kGbp).ok());
    QCOMPARE(PrimaJson::moneyFromJson(QJsonValue(QStringLiteral("90.50")), kGbp)->minorUnits(), 9050);
    QVERIFY(!PrimaJson::itemFromJson(parseObject(R"({"sku":"A","priceIncVat":90.0,"currency":"GBP"})")).ok());
    QVERIFY(!PrimaJson::ledgerPostingFromJson(parseObject(R"({"postingId":"1","amount":"1.00"})")).ok());
}

void tst_PrimaJson::badRecordFailsThePage()
{
    // One unreadable stock level fails the page: silently dropping it could leave a stale level in Sitoo.
    auto page = PrimaJson::parseStockPage(R"({"items":[
        {"sku":"A","location":"L","availableToSell":1,"version":1},
        {"sku":"B","location":"L","availableToSell":1.5,"version":1}],"nextCursor":null})");
    QVERIFY(!page.ok());
    QVERIFY2(page.errorString().contains(u'2'), qPrintable(page.errorString()));

    // R12 fuzz finding: a posting id of 1e300 was cast to qint64 (undefined behaviour); now it fails the page.
    const char *ledger = R"({"items":[{"postingId":%1,"postingDate":"2026-10-31","currency":"GBP","amount":"1.00"}],
                             "nextCursor":null})";
    QVERIFY(!PrimaJson::parseLedgerPage(QString::fromLatin1(ledger).arg(u"1e300").toUtf8()).ok());
    QVERIFY(!PrimaJson::parseLedgerPage(QString::fromLatin1(ledger).arg(u"81.5").toUtf8()).ok());
    const auto numbered = PrimaJson::parseLedgerPage(QString::fromLatin1(ledger).arg(u"81").toUtf8());
    QVERIFY2(numbered.ok(), qPrintable(numbered.errorString()));
    QCOMPARE(numbered->items.at(0).postingId, QStringLiteral("81"));
}

void tst_PrimaJson::timestampsAndHttpDates()
{
    const QDateTime at(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    QCOMPARE(PrimaJson::timestampToJson(at).toString(), QStringLiteral("2026-11-27T09:00:00Z"));
    QCOMPARE(PrimaJson::httpDate(at), QByteArray("Fri, 27 Nov 2026 09:00:00 GMT"));
    QCOMPARE(PrimaJson::parseHttpDate("Fri, 27 Nov 2026 09:00:00 GMT"), at);
    QVERIFY(!PrimaJson::parseHttpDate("yesterday").isValid());
    QVERIFY(!PrimaJson::timestampFromJson(QJsonValue(QStringLiteral("2026-11-27T09:00:00"))).ok()); // no offset
    QVERIFY(!PrimaJson::dateFromJson(QJsonValue(QStringLiteral("27/11/2026"))).ok());
}

void tst_PrimaJson::problemMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PrimaWriteOutcome>("outcome");
    QTest::addColumn<PrimaErrorCode>("code");
    QTest::addColumn<QString>("codeText");
    QTest::addColumn<QString>("existingDocumentNo");

    const auto problem = [](int status, const char *code) -> QByteArray {
        return QByteArray(R"({"type":"about:blank","title":"t","status":)") + QByteArray::number(status)
             + R"(,"code":")" + code + R"(","detail":"d"})";
    };
    QTest::newRow("unknown sku") << 422 << problem(422, "UNKNOWN_SKU") << PrimaWriteOutcome::Rejected
                                 << PrimaErrorCode::UnknownSku << "UNKNOWN_SKU" << "";
    QTest::newRow("blocked") << 422 << problem(422, "SKU_BLOCKED") << PrimaWriteOutcome::Rejected
                             << PrimaErrorCode::SkuBlocked << "SKU_BLOCKED" << "";
    QTest::newRow("tax mismatch") << 422 << problem(422, "TAX_MISMATCH") << PrimaWriteOutcome::Rejected
                                  << PrimaErrorCode::TaxMismatch << "TAX_MISMATCH" << "";
    QTest::newRow("key reused") << 422 << problem(422, "IDEMPOTENCY_KEY_REUSED") << PrimaWriteOutcome::Rejected
                                << PrimaErrorCode::IdempotencyKeyReused << "IDEMPOTENCY_KEY_REUSED" << "";
    QTest::newRow("period closed") << 422 << problem(422, "PERIOD_CLOSED") << PrimaWriteOutcome::Rejected
                                   << PrimaErrorCode::PeriodClosed << "PERIOD_CLOSED" << "";
    QTest::newRow("validation 400") << 400 << problem(400, "VALIDATION_FAILED") << PrimaWriteOutcome::Rejected
                                    << PrimaErrorCode::ValidationFailed << "VALIDATION_FAILED" << "";
    QTest::newRow("duplicate") << 409
                               << QByteArray(R"({"status":409,"code":"DUPLICATE_EXTERNAL_REF","documentNo":"SO-7"})")
                               << PrimaWriteOutcome::Rejected << PrimaErrorCode::DuplicateExternalRef
                               << "DUPLICATE_EXTERNAL_REF" << "SO-7";
    QTest::newRow("duplicate, other member")
        << 409 << QByteArray(R"({"code":"DUPLICATE_EXTERNAL_REF","existingDocumentNo":"SO-8"})")
        << PrimaWriteOutcome::Rejected << PrimaErrorCode::DuplicateExternalRef << "DUPLICATE_EXTERNAL_REF" << "SO-8";
    QTest::newRow("in progress") << 409 << problem(409, "IDEMPOTENCY_IN_PROGRESS") << PrimaWriteOutcome::Transient
                                 << PrimaErrorCode::IdempotencyInProgress << "IDEMPOTENCY_IN_PROGRESS" << "";
    QTest::newRow("409 without code") << 409 << QByteArray() << PrimaWriteOutcome::Transient << PrimaErrorCode::Other
                                      << "" << "";
    QTest::newRow("429 bare") << 429 << QByteArray() << PrimaWriteOutcome::Transient << PrimaErrorCode::RateLimited
                              << "" << "";
    QTest::newRow("503 html") << 503 << QByteArray("<html>maintenance</html>") << PrimaWriteOutcome::Transient
                              << PrimaErrorCode::Unavailable << "" << "";
    QTest::newRow("500 may have committed") << 500 << problem(500, "INTERNAL") << PrimaWriteOutcome::Unknown
                                            << PrimaErrorCode::Other << "INTERNAL" << "";
    QTest::newRow("502") << 502 << QByteArray() << PrimaWriteOutcome::Unknown << PrimaErrorCode::Other << "" << "";
    QTest::newRow("401") << 401 << QByteArray(R"({"status":401,"title":"Unauthorized"})")
                         << PrimaWriteOutcome::Configuration << PrimaErrorCode::Other << "" << "";
    QTest::newRow("404") << 404 << QByteArray() << PrimaWriteOutcome::Configuration << PrimaErrorCode::Other << ""
                         << "";
    QTest::newRow("unknown code kept") << 422 << problem(422, "LOYALTY_POINTS_MISSING") << PrimaWriteOutcome::Rejected
                                       << PrimaErrorCode::Other << "LOYALTY_POINTS_MISSING" << "";
    QTest::newRow("201") << 201
                         << QByteArray(R"({"documentNo":"SO-1","externalRef":"r","postingDate":"2026-10-31",
                                          "status":"POSTED"})")
                         << PrimaWriteOutcome::Posted << PrimaErrorCode::Other << "" << "";
    QTest::newRow("201 unreadable") << 201 << QByteArray("<ok/>") << PrimaWriteOutcome::Unknown
                                    << PrimaErrorCode::Other << "" << "";
}

void tst_PrimaJson::problemMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(PrimaWriteOutcome, outcome);
    QFETCH(PrimaErrorCode, code);
    QFETCH(QString, codeText);
    QFETCH(QString, existingDocumentNo);

    const PrimaWriteResult result = RestPrimaGateway::mapWriteResponse(completed(status, body), QDateTime());
    QCOMPARE(result.outcome, outcome);
    if (outcome == PrimaWriteOutcome::Posted) {
        QCOMPARE(result.document.documentNo, QStringLiteral("SO-1"));
        return;
    }
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.codeText, codeText);
    QCOMPARE(result.error.httpStatus, status);
    QCOMPARE(result.error.existingDocumentNo, existingDocumentNo);
    QVERIFY(!result.error.summary().isEmpty());
}

void tst_PrimaJson::transportOutcomes_data()
{
    QTest::addColumn<HttpResponse::Outcome>("transport");
    QTest::addColumn<PrimaWriteOutcome>("outcome");
    QTest::newRow("timeout after sending") << HttpResponse::Outcome::Timeout << PrimaWriteOutcome::Unknown;
    QTest::newRow("reset after sending") << HttpResponse::Outcome::ConnectionLost << PrimaWriteOutcome::Unknown;
    QTest::newRow("cancelled") << HttpResponse::Outcome::Cancelled << PrimaWriteOutcome::Unknown;
    QTest::newRow("refused: nothing sent") << HttpResponse::Outcome::ConnectFailed << PrimaWriteOutcome::Transient;
    QTest::newRow("TLS") << HttpResponse::Outcome::TlsFailed << PrimaWriteOutcome::Configuration;
}

void tst_PrimaJson::transportOutcomes()
{
    QFETCH(HttpResponse::Outcome, transport);
    QFETCH(PrimaWriteOutcome, outcome);
    HttpResponse response;
    response.outcome = transport;
    response.errorString = QStringLiteral("what happened");
    const PrimaWriteResult result = RestPrimaGateway::mapWriteResponse(response, QDateTime::currentDateTimeUtc());
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.error.detail, QStringLiteral("what happened"));
    QCOMPARE(result.error.httpStatus, 0);
}

void tst_PrimaJson::retryAfterHeader()
{
    const QDateTime now(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    auto result = RestPrimaGateway::mapWriteResponse(completed(429, {}, {{"Retry-After", "7"}}), now);
    QCOMPARE(result.outcome, PrimaWriteOutcome::Transient);
    QVERIFY(result.error.retryAfter.has_value());
    QCOMPARE(result.error.retryAfter->count(), 7000);

    // An HTTP-date is measured against the answer's Date header, not our clock.
    result = RestPrimaGateway::mapWriteResponse(
        completed(503, {}, {{"Retry-After", "Fri, 27 Nov 2026 08:01:00 GMT"}, {"Date", "Fri, 27 Nov 2026 08:00:30 GMT"}}),
        now);
    QCOMPARE(result.outcome, PrimaWriteOutcome::Transient);
    QVERIFY(result.error.retryAfter.has_value());
    QCOMPARE(result.error.retryAfter->count(), 30000);

    result = RestPrimaGateway::mapWriteResponse(completed(429, {}), now);
    QVERIFY(!result.error.retryAfter.has_value());

    // Replays are recognised from the header.
    result = RestPrimaGateway::mapWriteResponse(
        completed(201, R"({"documentNo":"SO-1","status":"POSTED"})", {{"idempotency-replayed", "True"}}), now);
    QVERIFY(result.isPosted());
    QVERIFY(result.document.replayed);
}

void tst_PrimaJson::batchResultsRoundTrip()
{
    PrimaJson::BatchEntry posted{201, true, std::nullopt, R"({"documentNo":"SO-1","status":"POSTED"})"};
    PrimaJson::BatchEntry busy{409, false, std::chrono::seconds(2), R"({"code":"IDEMPOTENCY_IN_PROGRESS"})"};
    auto entries = PrimaJson::parseBatchResults(PrimaJson::toBody(PrimaJson::batchResultsToJson({posted, busy})));
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).status, 201);
    QVERIFY(entries->at(0).replayed);
    QCOMPARE(entries->at(1).retryAfter, std::optional(std::chrono::seconds(2)));

    const PrimaWriteResult result = RestPrimaGateway::mapCompletedWrite(entries->at(1).status, entries->at(1).body,
                                                                        false, std::chrono::milliseconds(2000));
    QCOMPARE(result.outcome, PrimaWriteOutcome::Transient);
    QCOMPARE(result.error.code, PrimaErrorCode::IdempotencyInProgress);

    // R12 fuzz finding: 4294967497 wrapped around into 201 in the int status, so a nonsense answer read as posted.
    const auto wrapped = PrimaJson::parseBatchResults(R"({"results":[{"status":4294967497,"body":{}}]})");
    QVERIFY(!wrapped.ok());
    QVERIFY2(wrapped.errorString().contains(u"4294967497"), qPrintable(wrapped.errorString()));
    QVERIFY(!PrimaJson::parseBatchResults(R"({"results":[{"status":99,"body":{}}]})").ok());
}

void tst_PrimaJson::acceptableBaseUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("https") << "https://prima.example.com/prima/v1" << true;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080/prima/v1" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:8080/prima/v1" << true;
    QTest::newRow("http localhost") << "http://localhost:8080/prima/v1" << true;
    QTest::newRow("http remote") << "http://prima.example.com/prima/v1" << false;
    QTest::newRow("http private address") << "http://10.0.0.5/prima/v1" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1/prima/v1" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_PrimaJson::acceptableBaseUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, acceptable);
    QCOMPARE(RestPrimaGateway::isAcceptableBaseUrl(QUrl(url)), acceptable);
}

QTEST_GUILESS_MAIN(tst_PrimaJson)
#include "tst_primajson.moc"
