// SPDX-License-Identifier: GPL-3.0-or-later
// RestPrimaGateway against the sandbox Prima on 127.0.0.1: both sides of the gateway contract v1 at once.
#include "core/net/httpclient.h"
#include "core/prima/primajson.h"
#include "core/prima/restprimagateway.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/secrets/memorysecretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 15000;
const Currency kGbp = Currency::of(u"GBP");
const QString kToken = QStringLiteral("sandbox-token-5f1c");

Money gbp(const char *text)
{
    return Money::parse(QString::fromLatin1(text), kGbp).value();
}

PrimaSandboxSeed testSeed()
{
    PrimaSandboxSeed seed;
    seed.token = kToken;
    const QDateTime updated(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    const auto item = [&](const QString &sku, PrimaItemStatus status, const QDateTime &updatedAt) {
        PrimaItem item;
        item.sku = sku;
        item.style = sku.section(u'-', 0, 0);
        item.matrix = {sku.section(u'-', 1, 1), sku.section(u'-', 2, 2), {}, {}};
        item.gtins = {QStringLiteral("50123456%1").arg(qHash(sku) % 100000, 5, 10, QLatin1Char('0'))};
        item.description = QStringLiteral("Item ") + sku;
        item.status = status;
        item.priceIncVat = gbp("90.00");
        item.vatCode = QStringLiteral("S20");
        item.vatRate = VatRate::fromPercent(20);
        item.updatedAt = updatedAt;
        return item;
    };
    seed.items = {item(QStringLiteral("200CH-G-070"), PrimaItemStatus::Active, updated),
                  item(QStringLiteral("300BL-B-080"), PrimaItemStatus::Blocked, updated),
                  item(QStringLiteral("400DI-R-090"), PrimaItemStatus::Discontinued, updated)};
    // 22 more, half of them changed later, for paging and updatedSince.
    for (int i = 0; i < 22; ++i) {
        seed.items.append(item(QStringLiteral("900PG-X-%1").arg(i, 3, 10, QLatin1Char('0')), PrimaItemStatus::Active,
                               i % 2 ? updated.addDays(20) : updated));
    }
    seed.locations = {
        PrimaLocation{QStringLiteral("LDN-01"), QStringLiteral("London Carnaby"), PrimaLocationType::Store, kGbp,
                      QStringLiteral("Europe/London")},
        PrimaLocation{QStringLiteral("WH-01"), QStringLiteral("Northampton DC"), PrimaLocationType::Warehouse, kGbp,
                      QStringLiteral("Europe/London")},
    };
    seed.taxCodes = {
        PrimaTaxCode{QStringLiteral("S20"), VatRate::fromPercent(20), QDate(2011, 1, 4), QDate()},
        PrimaTaxCode{QStringLiteral("Z0"), VatRate::fromPercent(0), QDate(1973, 4, 1), QDate()},
        PrimaTaxCode{QStringLiteral("S175"), VatRate::parse(u"17.5").value(), QDate(1991, 4, 1), QDate(2011, 1, 3)},
    };
    StockLevel level;
    level.sku = QStringLiteral("200CH-G-070");
    level.location = QStringLiteral("LDN-01");
    level.onHand = 10;
    level.availableToSell = 10;
    level.version = 1;
    level.observedAt = updated;
    seed.stock = {level};
    level.location = QStringLiteral("WH-01");
    level.onHand = 100;
    level.availableToSell = 95;
    level.allocated = 5;
    seed.stock.append(level);
    for (int i = 0; i < 12; ++i) {
        level.sku = QStringLiteral("900PG-X-%1").arg(i, 3, 10, QLatin1Char('0'));
        level.location = QStringLiteral("LDN-01");
        seed.stock.append(level);
    }
    seed.periods = {PrimaPeriod{QStringLiteral("2026-09"), PrimaPeriodStatus::Closed},
                    PrimaPeriod{QStringLiteral("2026-10"), PrimaPeriodStatus::Open},
                    PrimaPeriod{QStringLiteral("2026-11"), PrimaPeriodStatus::Open}};
    return seed;
}

/** The contract's example sale: 2 x 90.00 less 18.00 = 162.00 gross, 27.00 VAT at 20 %. */
SalesOrder sale(const QString &orderId = QStringLiteral("20001"))
{
    SalesOrder order;
    order.externalRef = QStringLiteral("sitoo:1500:order:") + orderId;
    order.idempotencyKey = QStringLiteral("sitoo:1500:") + orderId + QStringLiteral(":sale:v1");
    order.location = QStringLiteral("LDN-01");
    order.registerId = QStringLiteral("{2AA4}");
    order.receiptNo = QStringLiteral("R-") + orderId;
    order.postingDate = QDate(2026, 10, 31);
    order.orderedAt = QDateTime(QDate(2026, 10, 31), QTime(15, 4, 11), Qt::UTC);
    order.currency = kGbp;
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
    order.lines = {line};
    order.payments = {SalesOrderPayment{QStringLiteral("CARD"), gbp("162.00"), QStringLiteral("psp:8515")}};
    order.total = gbp("162.00");
    return order;
}

/** A return of the sale: one unit back to stock at the store, one into quarantine. */
CreditNote creditNote()
{
    CreditNote note;
    note.externalRef = QStringLiteral("sitoo:1500:order:20050");
    note.idempotencyKey = QStringLiteral("sitoo:1500:20050:credit:v1");
    note.originalExternalRef = QStringLiteral("sitoo:1500:order:20001");
    note.location = QStringLiteral("LDN-01");
    note.postingDate = QDate(2026, 11, 2);
    note.currency = kGbp;
    note.reasonCode = QStringLiteral("CHANGED_MIND");
    for (const auto disposition : {LineDisposition::Restock, LineDisposition::Quarantine}) {
        CreditNoteLine line;
        line.line.lineNo = int(note.lines.size()) + 1;
        line.line.sku = QStringLiteral("200CH-G-070");
        line.line.quantity = 1;
        line.line.unitPrice = gbp("81.00");
        line.line.lineNet = gbp("67.50");
        line.line.lineVat = gbp("13.50");
        line.line.taxCode = QStringLiteral("S20");
        line.disposition = disposition;
        line.originalLineNo = 1;
        note.lines.append(line);
    }
    note.refunds = {SalesOrderPayment{QStringLiteral("CARD"), gbp("162.00"), {}}};
    note.total = gbp("162.00");
    return note;
}

/** One emulator plus a gateway talking to it. */
struct Sandbox
{
    QTemporaryDir dir;
    std::unique_ptr<PrimaEmulator> emulator;
    MemorySecretStore secrets;
    HttpClient http;
    std::unique_ptr<RestPrimaGateway> gateway;
};

template<typename T, typename Start>
std::optional<T> await(Start start)
{
    QObject context;
    std::optional<T> result;
    start(&context, [&result](T value) { result = std::move(value); });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, kWaitMs))
        return std::nullopt;
    return result;
}

} // namespace

class tst_PrimaEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void postsSalesOrder();
    void replaysInKeysMode();
    void keyReusedWithAnotherBody();
    void keyInFlight();
    void duplicateInUniqueRefMode();
    void duplicatesSilentlyInNoneMode();
    void validationErrors_data();
    void validationErrors();
    void taxRecalculation();
    void hangIsUnknownThenFound();
    void serverErrorAfterCommitIsUnknown();
    void resetIsUnknownThenFound();
    void resetSendsNoAnswer();
    void transientAnswers_data();
    void transientAnswers();
    void rateLimitHoldsAndAnnouncesEvery429();
    void stockFollowsSalesAndRestocks();
    void readsWithCursors();
    void ledgerPostingsBalance();
    void batches();
    void authentication();
    void controlEndpoint();
    void reproducibleFaults();
    void keepsLedgerAcrossRestart();

private:
    std::unique_ptr<Sandbox> makeSandbox(PrimaIdempotencyMode mode = PrimaIdempotencyMode::Keys,
                                         const QString &faults = {}, quint64 seed = 1,
                                         std::chrono::milliseconds writeTimeout = 10s);
    static std::optional<PrimaWriteResult> post(Sandbox &sandbox, const SalesOrder &order);
    static std::optional<PrimaWriteResult> post(Sandbox &sandbox, const CreditNote &note);
    static std::optional<PrimaReadResult<QList<PrimaDocumentResult>>> lookUp(Sandbox &sandbox, const QString &ref);
    static std::optional<StockLevel> stockOf(Sandbox &sandbox, const QString &sku, const QString &location);
};

void tst_PrimaEmulator::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_PrimaEmulator::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
}

std::unique_ptr<Sandbox> tst_PrimaEmulator::makeSandbox(PrimaIdempotencyMode mode, const QString &faults,
                                                        quint64 seed, std::chrono::milliseconds writeTimeout)
{
    auto sandbox = std::make_unique<Sandbox>();
    if (!sandbox->dir.isValid())
        return nullptr;
    PrimaEmulatorConfig config;
    config.databasePath = sandbox->dir.filePath(QStringLiteral("prima-ledger.sqlite"));
    config.idempotencyMode = mode;
    config.faultSpec = faults;
    config.seed = seed;
    config.hangDelay = 3s;
    config.slowDelay = 1500ms;
    sandbox->emulator = std::make_unique<PrimaEmulator>(config, testSeed());
    if (const Status started = sandbox->emulator->start(); !started) {
        qWarning("%s", qPrintable(started.errorString()));
        return nullptr;
    }
    // One attempt only: these tests look at what each answer maps to, not at the transport's retries.
    RetryPolicy policy;
    policy.maxAttempts = 1;
    sandbox->http.setRetryPolicy(policy);
    RestPrimaGatewayConfig gatewayConfig;
    gatewayConfig.baseUrl = sandbox->emulator->url();
    gatewayConfig.writeTimeout = writeTimeout;
    gatewayConfig.readTimeout = 10s;
    sandbox->gateway = std::make_unique<RestPrimaGateway>(gatewayConfig, &sandbox->http, &sandbox->secrets);
    const bool written = await<Status>([&](QObject *context, auto done) {
                             sandbox->secrets.write(SecretStore::primaTokenKey(QStringLiteral("127.0.0.1")), kToken,
                                                    context, std::move(done));
                         }).value_or(Status(Error{ErrorCode::Keychain, {}}))
                             .ok();
    return written ? std::move(sandbox) : nullptr;
}

std::optional<PrimaWriteResult> tst_PrimaEmulator::post(Sandbox &sandbox, const SalesOrder &order)
{
    return await<PrimaWriteResult>([&](QObject *context, auto done) {
        sandbox.gateway->postSalesOrder(order, {QStringLiteral("run-1/attempt-1")}, context, std::move(done));
    });
}

std::optional<PrimaWriteResult> tst_PrimaEmulator::post(Sandbox &sandbox, const CreditNote &note)
{
    return await<PrimaWriteResult>([&](QObject *context, auto done) {
        sandbox.gateway->postCreditNote(note, {QStringLiteral("run-1/attempt-1")}, context, std::move(done));
    });
}

std::optional<PrimaReadResult<QList<PrimaDocumentResult>>> tst_PrimaEmulator::lookUp(Sandbox &sandbox,
                                                                                     const QString &ref)
{
    return await<PrimaReadResult<QList<PrimaDocumentResult>>>(
        [&](QObject *context, auto done) { sandbox.gateway->findDocumentByExternalRef(ref, context, std::move(done)); });
}

std::optional<StockLevel> tst_PrimaEmulator::stockOf(Sandbox &sandbox, const QString &sku, const QString &location)
{
    const auto page = await<PrimaReadResult<PrimaPage<StockLevel>>>([&](QObject *context, auto done) {
        sandbox.gateway->stock(location, QDateTime(), QString(), 1000, context, std::move(done));
    });
    if (!page || !page->ok())
        return std::nullopt;
    for (const StockLevel &level : page->value->items) {
        if (level.sku == sku)
            return level;
    }
    return std::nullopt;
}

void tst_PrimaEmulator::postsSalesOrder()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    const auto result = post(*sandbox, sale());
    QVERIFY(result);
    QVERIFY2(result->isPosted(), qPrintable(result->error.summary()));
    QCOMPARE(result->document.documentNo, QStringLiteral("SO-000001"));
    QCOMPARE(result->document.externalRef, sale().externalRef);
    QCOMPARE(result->document.postingDate, QDate(2026, 10, 31));
    QCOMPARE(result->document.status, QStringLiteral("POSTED"));
    QVERIFY(!result->document.replayed);
    QCOMPARE(result->document.taxAdjustment, gbp("0.00"));
    QCOMPARE(result->idempotencyKey, sale().idempotencyKey);
    QCOMPARE(result->correlationId, QStringLiteral("run-1/attempt-1"));

    const QList<PrimaLedgerDocument> documents = sandbox->emulator->documents();
    QCOMPARE(documents.size(), 1);
    QCOMPARE(documents.first().externalRef, sale().externalRef);
    QCOMPARE(documents.first().idempotencyKey, sale().idempotencyKey);
    QCOMPARE(documents.first().gross, gbp("162.00"));
    QCOMPARE(documents.first().correlationId, QStringLiteral("run-1/attempt-1"));
    const QList<PrimaRequestLogEntry> log = sandbox->emulator->requestLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().method, QStringLiteral("POST"));
    QCOMPARE(log.first().path, QStringLiteral("/prima/v1/sales-orders"));
    QCOMPARE(log.first().idempotencyKey, sale().idempotencyKey);
    QCOMPARE(log.first().externalRef, sale().externalRef);
    QCOMPARE(log.first().status, 201);
    QCOMPARE(log.first().fault, QStringLiteral("none"));
}

void tst_PrimaEmulator::replaysInKeysMode()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys);
    QVERIFY(sandbox);
    const auto first = post(*sandbox, sale());
    const auto second = post(*sandbox, sale());
    QVERIFY(first && second);
    QVERIFY(first->isPosted());
    QVERIFY2(second->isPosted(), qPrintable(second->error.summary()));
    QVERIFY(second->document.replayed);
    QCOMPARE(second->document.documentNo, first->document.documentNo);
    QCOMPARE(sandbox->emulator->documents().size(), 1);
}

void tst_PrimaEmulator::keyReusedWithAnotherBody()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys);
    QVERIFY(sandbox);
    QVERIFY(post(*sandbox, sale())->isPosted());
    SalesOrder changed = sale();
    changed.receiptNo = QStringLiteral("R-20001-corrected");
    const auto result = post(*sandbox, changed);
    QVERIFY(result);
    QCOMPARE(result->outcome, PrimaWriteOutcome::Rejected);
    QCOMPARE(result->error.httpStatus, 422);
    QCOMPARE(result->error.code, PrimaErrorCode::IdempotencyKeyReused);
    QCOMPARE(sandbox->emulator->documents().size(), 1);
}

void tst_PrimaEmulator::keyInFlight()
{
    // Given a Prima that is slow with the first request, while its key is in flight...
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, QStringLiteral("slow@1:1500"));
    QVERIFY(sandbox);
    QSignalSpy received(sandbox->emulator.get(), &PrimaEmulator::requestReceived);
    QObject context;
    std::optional<PrimaWriteResult> first;
    sandbox->gateway->postSalesOrder(sale(), {}, &context, [&first](PrimaWriteResult result) { first = result; });
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kWaitMs);

    // ...when the same key is sent again, then Prima says it is in progress: try later, not a failure.
    const auto second = post(*sandbox, sale());
    QVERIFY(second);
    QCOMPARE(second->outcome, PrimaWriteOutcome::Transient);
    QCOMPARE(second->error.httpStatus, 409);
    QCOMPARE(second->error.code, PrimaErrorCode::IdempotencyInProgress);
    QVERIFY(second->error.retryAfter.has_value());
    QCOMPARE(second->error.retryAfter->count(), 1000);
    QVERIFY(!first.has_value());

    // The first one completes; a later retry gets its answer replayed.
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), kWaitMs);
    QVERIFY(first->isPosted());
    const auto third = post(*sandbox, sale());
    QVERIFY(third->isPosted());
    QVERIFY(third->document.replayed);
    QCOMPARE(third->document.documentNo, first->document.documentNo);
    QCOMPARE(sandbox->emulator->documents().size(), 1);
    QCOMPARE(sandbox->emulator->requestLog().at(0).fault, QStringLiteral("slow(at)"));
}

void tst_PrimaEmulator::duplicateInUniqueRefMode()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::UniqueRef);
    QVERIFY(sandbox);
    const auto first = post(*sandbox, sale());
    QVERIFY(first->isPosted());
    // Keys are ignored in this mode: the very same request is a duplicate, and so is one with another key.
    SalesOrder retry = sale();
    retry.idempotencyKey = QStringLiteral("sitoo:1500:20001:sale:v2");
    for (const SalesOrder &order : {sale(), retry}) {
        const auto result = post(*sandbox, order);
        QVERIFY(result);
        QCOMPARE(result->outcome, PrimaWriteOutcome::Rejected);
        QCOMPARE(result->error.httpStatus, 409);
        QCOMPARE(result->error.code, PrimaErrorCode::DuplicateExternalRef);
        QCOMPARE(result->error.existingDocumentNo, first->document.documentNo);
    }
    QCOMPARE(sandbox->emulator->documents().size(), 1);
}

void tst_PrimaEmulator::duplicatesSilentlyInNoneMode()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::None);
    QVERIFY(sandbox);
    const auto first = post(*sandbox, sale());
    const auto second = post(*sandbox, sale());
    QVERIFY(first->isPosted());
    QVERIFY(second->isPosted());
    QVERIFY(!second->document.replayed);
    QVERIFY(first->document.documentNo != second->document.documentNo);
    const QList<PrimaLedgerDocument> documents = sandbox->emulator->documents();
    QCOMPARE(documents.size(), 2);
    QCOMPARE(documents.at(0).externalRef, documents.at(1).externalRef);
    // The look-up shows both, so the engine can see the duplicate rather than pick one.
    const auto found = lookUp(*sandbox, sale().externalRef);
    QVERIFY(found && found->ok());
    QCOMPARE(found->value->size(), 2);
}

void tst_PrimaEmulator::validationErrors_data()
{
    QTest::addColumn<SalesOrder>("order");
    QTest::addColumn<PrimaErrorCode>("code");

    SalesOrder order = sale();
    order.lines[0].sku = QStringLiteral("999XX-X-000");
    QTest::newRow("unknown sku") << order << PrimaErrorCode::UnknownSku;
    order = sale();
    order.lines[0].sku = QStringLiteral("300BL-B-080");
    QTest::newRow("blocked sku") << order << PrimaErrorCode::SkuBlocked;
    order = sale();
    order.location = QStringLiteral("MAN-02");
    QTest::newRow("unknown location") << order << PrimaErrorCode::UnknownLocation;
    order = sale();
    order.lines[0].taxCode = QStringLiteral("X99");
    QTest::newRow("unknown tax code") << order << PrimaErrorCode::UnknownTaxCode;
    order = sale();
    order.lines[0].taxCode = QStringLiteral("S175");
    QTest::newRow("tax code no longer valid") << order << PrimaErrorCode::UnknownTaxCode;
    order = sale();
    order.total = gbp("170.00");
    QTest::newRow("total disagrees with lines") << order << PrimaErrorCode::TotalsMismatch;
    order = sale();
    order.payments[0].amount = gbp("160.00");
    QTest::newRow("tenders short") << order << PrimaErrorCode::TotalsMismatch;
    order = sale();
    order.lines[0].discount = gbp("0.00");
    QTest::newRow("unit price x qty") << order << PrimaErrorCode::TotalsMismatch;
    order = sale();
    order.postingDate = QDate(2026, 9, 30);
    QTest::newRow("closed period") << order << PrimaErrorCode::PeriodClosed;
    order = sale();
    order.currency = Currency::of(u"SEK");
    for (auto &line : order.lines) {
        for (Money *amount : {&line.unitPrice, &line.discount, &line.unitNetPrice, &line.lineNet, &line.lineVat})
            *amount = Money(amount->minorUnits(), order.currency);
    }
    order.payments[0].amount = Money(16200, order.currency);
    order.total = Money(16200, order.currency);
    QTest::newRow("currency of another store") << order << PrimaErrorCode::ValidationFailed;
}

void tst_PrimaEmulator::validationErrors()
{
    QFETCH(SalesOrder, order);
    QFETCH(PrimaErrorCode, code);
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    const auto result = post(*sandbox, order);
    QVERIFY(result);
    QCOMPARE(result->outcome, PrimaWriteOutcome::Rejected);
    QCOMPARE(result->error.httpStatus, 422);
    QCOMPARE(result->error.code, code);
    QCOMPARE(result->error.codeText, primaErrorCodeString(code));
    QVERIFY(!result->error.detail.isEmpty());
    QVERIFY(sandbox->emulator->documents().isEmpty());
    // Nothing was committed, so the key is free again: the corrected document can use it.
    const auto corrected = post(*sandbox, sale());
    QVERIFY2(corrected->isPosted(), qPrintable(corrected->error.summary()));
    QVERIFY(!corrected->document.replayed);
}

void tst_PrimaEmulator::taxRecalculation()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    // POS says 27.01 VAT (and net 134.99); Prima computes 27.00 on 134.99.
    SalesOrder order = sale();
    order.lines[0].lineNet = gbp("134.99");
    order.lines[0].lineVat = gbp("27.01");
    order.taxMode = TaxMode::SourceAuthoritative;
    auto result = post(*sandbox, order);
    QVERIFY2(result->isPosted(), qPrintable(result->error.summary()));
    QCOMPARE(result->document.taxAdjustment, gbp("-0.01"));

    order = sale(QStringLiteral("20002"));
    order.lines[0].lineNet = gbp("134.90");
    order.lines[0].lineVat = gbp("27.10");
    order.taxMode = TaxMode::ErpRecalculate;
    result = post(*sandbox, order);
    QCOMPARE(result->outcome, PrimaWriteOutcome::Rejected);
    QCOMPARE(result->error.code, PrimaErrorCode::TaxMismatch);
}

void tst_PrimaEmulator::hangIsUnknownThenFound()
{
    // Given a Prima that commits and then does not answer for 3 s, and a client that waits 500 ms...
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, QStringLiteral("hang@1:3000"), 1, 500ms);
    QVERIFY(sandbox);
    const auto result = post(*sandbox, sale());
    QVERIFY(result);
    // ...then the outcome is unknown, not a failure...
    QCOMPARE(result->outcome, PrimaWriteOutcome::Unknown);
    QCOMPARE(result->error.httpStatus, 0);
    // ...and the look-up by external reference settles it.
    const auto found = lookUp(*sandbox, sale().externalRef);
    QVERIFY(found);
    QVERIFY2(found->ok(), qPrintable(found->error.summary()));
    QCOMPARE(found->value->size(), 1);
    QCOMPARE(found->value->first().documentNo, QStringLiteral("SO-000001"));
    QCOMPARE(found->value->first().documentType, QStringLiteral("SALES_ORDER"));
    // Re-sending with the same key is safe in mode "keys": the original answer comes back.
    const auto again = post(*sandbox, sale());
    QVERIFY(again->isPosted());
    QVERIFY(again->document.replayed);
    QCOMPARE(sandbox->emulator->documents().size(), 1);
    QCOMPARE(sandbox->emulator->requestLog().first().fault, QStringLiteral("hang(at)"));
}

void tst_PrimaEmulator::serverErrorAfterCommitIsUnknown()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::UniqueRef, QStringLiteral("500-after@1"));
    QVERIFY(sandbox);
    const auto result = post(*sandbox, sale());
    QCOMPARE(result->outcome, PrimaWriteOutcome::Unknown);
    QCOMPARE(result->error.httpStatus, 500);
    const auto found = lookUp(*sandbox, sale().externalRef);
    QVERIFY(found && found->ok());
    QCOMPARE(found->value->size(), 1);

    // A 500 before the commit leaves nothing behind.
    auto before = makeSandbox(PrimaIdempotencyMode::UniqueRef, QStringLiteral("500-before@1"));
    QVERIFY(before);
    QCOMPARE(post(*before, sale())->outcome, PrimaWriteOutcome::Unknown);
    QVERIFY(lookUp(*before, sale().externalRef)->value->isEmpty());
    QVERIFY(post(*before, sale())->isPosted());
}

void tst_PrimaEmulator::resetIsUnknownThenFound()
{
    // Mode "none" so that any silent re-send by the HTTP stack would show up as a second document.
    auto sandbox = makeSandbox(PrimaIdempotencyMode::None, QStringLiteral("reset@1"));
    QVERIFY(sandbox);
    QSignalSpy finished(sandbox->emulator.get(), &PrimaEmulator::requestFinished);
    const auto result = post(*sandbox, sale());
    QVERIFY(result);
    QVERIFY(finished.count() >= 1);
    QCOMPARE(finished.first().at(1).toInt(), 0); // no HTTP status: the connection was reset
    QCOMPARE(finished.first().at(2).toString(), QStringLiteral("reset(at)"));
    int posts = 0;
    for (const PrimaRequestLogEntry &entry : sandbox->emulator->requestLog())
        posts += entry.method == u"POST" ? 1 : 0;
    // Qt re-sends a buffered request after a reset before any answer byte; HttpClient uploads writes from a
    // one-shot body so that cannot happen: the POST reached Prima once and the outcome is unknown.
    QCOMPARE(result->outcome, PrimaWriteOutcome::Unknown);
    QCOMPARE(posts, 1);
    // The look-up finds what Prima committed, which is how the engine settles the outcome.
    const auto found = lookUp(*sandbox, sale().externalRef);
    QVERIFY(found && found->ok());
    QCOMPARE(found->value->size(), qsizetype(posts));
    QCOMPARE(found->value->first().documentNo, QStringLiteral("SO-000001"));
}

void tst_PrimaEmulator::resetSendsNoAnswer()
{
    // The server side of the reset fault, seen from a plain socket: the document is committed, then the connection
    // is reset (RST) without a single byte of answer.
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, QStringLiteral("reset@1"));
    QVERIFY(sandbox);
    const QByteArray body = PrimaJson::toBody(PrimaJson::salesOrderToJson(sale()).value());
    QTcpSocket socket;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, sandbox->emulator->port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    socket.write("POST /prima/v1/sales-orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Authorization: Bearer " + kToken.toUtf8() + "\r\nIdempotency-Key: " + sale().idempotencyKey.toUtf8()
                 + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(disconnected.wait(kWaitMs));
    QCOMPARE(socket.error(), QAbstractSocket::RemoteHostClosedError);
    QVERIFY(socket.readAll().isEmpty());
    QCOMPARE(sandbox->emulator->documents().size(), 1);
    QCOMPARE(sandbox->emulator->requestLog().first().status, 0);
    QCOMPARE(sandbox->emulator->requestLog().first().fault, QStringLiteral("reset(at)"));
    // The retry in mode "keys" gets the committed document back.
    const auto retry = post(*sandbox, sale());
    QVERIFY(retry->isPosted());
    QVERIFY(retry->document.replayed);
}

void tst_PrimaEmulator::transientAnswers_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<PrimaErrorCode>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::newRow("429 seconds") << "429@1:4" << PrimaErrorCode::RateLimited << 429 << qint64(4000);
    QTest::newRow("429 http-date") << "429-date@1:30" << PrimaErrorCode::RateLimited << 429 << qint64(30000);
    QTest::newRow("429 without") << "429-none@1" << PrimaErrorCode::RateLimited << 429 << qint64(-1);
    QTest::newRow("503 window") << "503-window=1-3:2" << PrimaErrorCode::Unavailable << 503 << qint64(2000);
    QTest::newRow("token bucket") << "rate=1/60s" << PrimaErrorCode::RateLimited << 429 << qint64(-2);
}

void tst_PrimaEmulator::transientAnswers()
{
    QFETCH(QString, faults);
    QFETCH(PrimaErrorCode, code);
    QFETCH(int, status);
    QFETCH(qint64, retryAfterMs);
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, faults);
    QVERIFY(sandbox);
    auto result = post(*sandbox, sale());
    if (retryAfterMs == -2) {
        // The bucket holds one token: request 1 spends it, request 2 finds it empty.
        QVERIFY(result && result->isPosted());
        result = post(*sandbox, sale(QStringLiteral("20002")));
        QCOMPARE(sandbox->emulator->requestLog().at(1).fault, QStringLiteral("rate-limit"));
    }
    QVERIFY(result);
    QCOMPARE(result->outcome, PrimaWriteOutcome::Transient);
    QCOMPARE(result->error.httpStatus, status);
    QCOMPARE(result->error.code, code);
    if (retryAfterMs == -1) {
        QVERIFY(!result->error.retryAfter.has_value());
    } else if (retryAfterMs == -2) {
        QVERIFY(result->error.retryAfter.has_value());
        QVERIFY(result->error.retryAfter->count() >= 1000);
    } else {
        QVERIFY(result->error.retryAfter.has_value());
        // An HTTP-date has whole seconds: allow the second boundary to fall in between.
        QVERIFY2(qAbs(result->error.retryAfter->count() - retryAfterMs) <= 1000,
                 qPrintable(QString::number(result->error.retryAfter->count())));
    }
    QCOMPARE(sandbox->emulator->documents().size(), retryAfterMs == -2 ? 1 : 0);
}

void tst_PrimaEmulator::rateLimitHoldsAndAnnouncesEvery429()
{
    // What tillbridge-bench post relies on: "rate=N/P" admits a burst of N, then N per P; every request beyond it is
    // 429 RATE_LIMITED with an honest Retry-After, logged and announced through requestFinished() (which the bench
    // counts). 2 per 4 s: the five posts below finish long before the next token (2 s).
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, QStringLiteral("rate=2/4s"));
    QVERIFY(sandbox);
    QSignalSpy finished(sandbox->emulator.get(), &PrimaEmulator::requestFinished);
    QList<PrimaWriteResult> results;
    for (int i = 0; i < 5; ++i) {
        const auto result = post(*sandbox, sale(QString::number(20001 + i)));
        QVERIFY(result);
        results.append(*result);
    }
    QVERIFY(results.at(0).isPosted());
    QVERIFY(results.at(1).isPosted());
    std::optional<std::chrono::milliseconds> retryAfter;
    for (int i = 2; i < 5; ++i) {
        QCOMPARE(results.at(i).outcome, PrimaWriteOutcome::Transient);
        QCOMPARE(results.at(i).error.httpStatus, 429);
        QCOMPARE(results.at(i).error.code, PrimaErrorCode::RateLimited);
        QVERIFY(results.at(i).error.retryAfter.has_value());
        QVERIFY(*results.at(i).error.retryAfter >= 1s && *results.at(i).error.retryAfter <= 2s);
        QCOMPARE(sandbox->emulator->requestLog().at(i).fault, QStringLiteral("rate-limit"));
        retryAfter = results.at(i).error.retryAfter;
    }
    QCOMPARE(finished.size(), 5);
    int announced429 = 0;
    for (const QList<QVariant> &signal : std::as_const(finished))
        announced429 += signal.at(1).toInt() == 429 ? 1 : 0;
    QCOMPARE(announced429, 3);
    QCOMPARE(sandbox->emulator->documents().size(), 2);

    // A client that waits as long as Retry-After says gets through.
    QTest::qWait(int(retryAfter->count()) + 100);
    const auto retried = post(*sandbox, sale(QStringLiteral("20005")));
    QVERIFY(retried);
    QVERIFY2(retried->isPosted(), qPrintable(retried->error.summary()));
    QCOMPARE(sandbox->emulator->documents().size(), 3);
}

void tst_PrimaEmulator::stockFollowsSalesAndRestocks()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    const QString sku = QStringLiteral("200CH-G-070");
    const QString store = QStringLiteral("LDN-01");
    auto before = stockOf(*sandbox, sku, store);
    QVERIFY(before);
    QCOMPARE(before->availableToSell, 10);
    QCOMPARE(before->version, 1);

    // A sale of 2 lowers available-to-sell at the store, and only there.
    QVERIFY(post(*sandbox, sale())->isPosted());
    auto afterSale = stockOf(*sandbox, sku, store);
    QCOMPARE(afterSale->availableToSell, 8);
    QCOMPARE(afterSale->onHand, 8);
    QCOMPARE(afterSale->version, 2);
    QCOMPARE(stockOf(*sandbox, sku, QStringLiteral("WH-01"))->availableToSell, 95);

    // The return restocks one unit and quarantines the other: only the restock raises available-to-sell.
    const auto credited = post(*sandbox, creditNote());
    QVERIFY2(credited->isPosted(), qPrintable(credited->error.summary()));
    QCOMPARE(credited->document.documentNo, QStringLiteral("CN-000001"));
    auto afterReturn = stockOf(*sandbox, sku, store);
    QCOMPARE(afterReturn->availableToSell, 9);
    QCOMPARE(afterReturn->version, 3);
    QVERIFY(afterReturn->observedAt >= afterSale->observedAt);

    // A restock to another location raises it there.
    CreditNote toWarehouse = creditNote();
    toWarehouse.externalRef = QStringLiteral("sitoo:1500:order:20051");
    toWarehouse.idempotencyKey = QStringLiteral("sitoo:1500:20051:credit:v1");
    toWarehouse.lines[0].returnToLocation = QStringLiteral("WH-01");
    QVERIFY(post(*sandbox, toWarehouse)->isPosted());
    QCOMPARE(stockOf(*sandbox, sku, QStringLiteral("WH-01"))->availableToSell, 96);
    QCOMPARE(stockOf(*sandbox, sku, store)->availableToSell, 9);
}

void tst_PrimaEmulator::readsWithCursors()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    // Items in pages of 10: every SKU exactly once, and the last page says so.
    QStringList skus;
    QString cursor;
    int pages = 0;
    do {
        const auto page = await<PrimaReadResult<PrimaPage<PrimaItem>>>([&](QObject *context, auto done) {
            sandbox->gateway->items(QDateTime(), cursor, 10, context, std::move(done));
        });
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(page->error.summary()));
        for (const PrimaItem &item : page->value->items)
            skus.append(item.sku);
        cursor = page->value->nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(skus.size(), 25);
    QCOMPARE(QSet<QString>(skus.begin(), skus.end()).size(), 25);

    // updatedSince leaves out what did not change.
    const auto changed = await<PrimaReadResult<PrimaPage<PrimaItem>>>([&](QObject *context, auto done) {
        sandbox->gateway->items(QDateTime(QDate(2026, 10, 15), QTime(0, 0), Qt::UTC), QString(), 100, context,
                                std::move(done));
    });
    QVERIFY(changed && changed->ok());
    QCOMPARE(changed->value->items.size(), 11);
    QVERIFY(!changed->value->hasMore());
    QCOMPARE(changed->value->items.first().priceIncVat, gbp("90.00"));

    // Stock at one location in pages of 5.
    int levels = 0;
    cursor.clear();
    pages = 0;
    do {
        const auto page = await<PrimaReadResult<PrimaPage<StockLevel>>>([&](QObject *context, auto done) {
            sandbox->gateway->stock(QStringLiteral("LDN-01"), QDateTime(), cursor, 5, context, std::move(done));
        });
        QVERIFY(page && page->ok());
        for (const StockLevel &level : page->value->items)
            QCOMPARE(level.location, QStringLiteral("LDN-01"));
        levels += int(page->value->items.size());
        cursor = page->value->nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(levels, 13);
    QCOMPARE(pages, 3);

    // A cursor we did not hand out is refused, not read as "from the start".
    const auto bogus = await<PrimaReadResult<PrimaPage<StockLevel>>>([&](QObject *context, auto done) {
        sandbox->gateway->stock(QString(), QDateTime(), QStringLiteral("%%%"), 5, context, std::move(done));
    });
    QVERIFY(bogus);
    QCOMPARE(bogus->outcome, PrimaReadOutcome::Rejected);
    QCOMPARE(bogus->error.httpStatus, 400);

    const auto taxCodes = await<PrimaReadResult<QList<PrimaTaxCode>>>(
        [&](QObject *context, auto done) { sandbox->gateway->taxCodes(context, std::move(done)); });
    QVERIFY(taxCodes && taxCodes->ok());
    QCOMPARE(taxCodes->value->size(), 3);
    const auto locations = await<PrimaReadResult<QList<PrimaLocation>>>(
        [&](QObject *context, auto done) { sandbox->gateway->locations(context, std::move(done)); });
    QVERIFY(locations && locations->ok());
    QCOMPARE(locations->value->size(), 2);
    QCOMPARE(locations->value->at(1).type, PrimaLocationType::Warehouse);
    const auto periods = await<PrimaReadResult<QList<PrimaPeriod>>>(
        [&](QObject *context, auto done) { sandbox->gateway->periods(context, std::move(done)); });
    QVERIFY(periods && periods->ok());
    QCOMPARE(periods->value->first().status, PrimaPeriodStatus::Closed);
    const auto health = await<PrimaReadResult<PrimaHealth>>(
        [&](QObject *context, auto done) { sandbox->gateway->health(context, std::move(done)); });
    QVERIFY(health && health->ok());
    QCOMPARE(health->value->status, QStringLiteral("ok"));
    QCOMPARE(health->value->version, QStringLiteral("sandbox-1"));
    QVERIFY(qAbs(health->value->time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void tst_PrimaEmulator::ledgerPostingsBalance()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    QVERIFY(post(*sandbox, sale())->isPosted());
    QVERIFY(post(*sandbox, creditNote())->isPosted());

    QList<PrimaLedgerPosting> postings;
    QString cursor;
    int pages = 0;
    do {
        const auto page = await<PrimaReadResult<PrimaPage<PrimaLedgerPosting>>>([&](QObject *context, auto done) {
            sandbox->gateway->ledgerPostings({}, cursor, 2, context, std::move(done));
        });
        QVERIFY(page && page->ok());
        postings += page->value->items;
        cursor = page->value->nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 20);
    // Sale: tender, sales, VAT; credit note: the same three mirrored.
    QCOMPARE(postings.size(), 6);
    Money balance = Money::zero(kGbp);
    for (const PrimaLedgerPosting &posting : postings)
        balance = *balance.added(posting.amount);
    QCOMPARE(balance, Money::zero(kGbp));
    QCOMPARE(postings.first().account, QStringLiteral("TENDER"));
    QCOMPARE(postings.first().tender, QStringLiteral("CARD"));
    QCOMPARE(postings.first().amount, gbp("162.00"));
    QCOMPARE(postings.first().sourceDocumentNo, QStringLiteral("SO-000001"));

    // Filters: the VAT account in November holds the credit note's VAT only, as a debit.
    PrimaLedgerQuery query;
    query.account = QStringLiteral("VAT");
    query.from = QDate(2026, 11, 1);
    const auto vat = await<PrimaReadResult<PrimaPage<PrimaLedgerPosting>>>([&](QObject *context, auto done) {
        sandbox->gateway->ledgerPostings(query, QString(), 100, context, std::move(done));
    });
    QVERIFY(vat && vat->ok());
    QCOMPARE(vat->value->items.size(), 1);
    QCOMPARE(vat->value->items.first().amount, gbp("27.00"));
    QCOMPARE(vat->value->items.first().externalRef, creditNote().externalRef);
}

void tst_PrimaEmulator::batches()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    QVERIFY(post(*sandbox, sale())->isPosted());
    SalesOrder unknownSku = sale(QStringLiteral("20003"));
    unknownSku.lines[0].sku = QStringLiteral("999XX-X-000");
    const QList<PrimaBatchOperation> operations{
        PrimaBatchOperation::ofSalesOrder(sale(QStringLiteral("20002"))),
        PrimaBatchOperation::ofSalesOrder(sale()), // already posted: replayed
        PrimaBatchOperation::ofSalesOrder(unknownSku),
        PrimaBatchOperation::ofCreditNote(creditNote()),
    };
    const auto batch = await<PrimaBatchResult>([&](QObject *context, auto done) {
        sandbox->gateway->postBatch(operations, {QStringLiteral("run-7")}, context, std::move(done));
    });
    QVERIFY(batch);
    QCOMPARE(batch->outcome, PrimaWriteOutcome::Posted);
    QCOMPARE(batch->results.size(), 4);
    QVERIFY(batch->results.at(0).isPosted());
    QVERIFY(!batch->results.at(0).document.replayed);
    QVERIFY(batch->results.at(1).isPosted());
    QVERIFY(batch->results.at(1).document.replayed);
    QCOMPARE(batch->results.at(1).document.documentNo, QStringLiteral("SO-000001"));
    QCOMPARE(batch->results.at(2).outcome, PrimaWriteOutcome::Rejected);
    QCOMPARE(batch->results.at(2).error.code, PrimaErrorCode::UnknownSku);
    QCOMPARE(batch->results.at(2).externalRef, unknownSku.externalRef);
    QVERIFY(batch->results.at(3).isPosted());
    QCOMPARE(batch->results.at(3).correlationId, QStringLiteral("run-7"));
    QCOMPARE(sandbox->emulator->documents().size(), 3);
    // The request log has the batch and one line per operation with its key.
    const QList<PrimaRequestLogEntry> log = sandbox->emulator->requestLog();
    QCOMPARE(log.size(), 1 + 1 + 4);
    QCOMPARE(log.at(1).path, QStringLiteral("/prima/v1/batches"));
    QCOMPARE(log.at(1).operationIndex, -1);
    QCOMPARE(log.at(4).operationIndex, 2);
    QCOMPARE(log.at(4).idempotencyKey, unknownSku.idempotencyKey);
    QCOMPARE(log.at(4).status, 422);

    // Oversized and empty batches never leave the client.
    QList<PrimaBatchOperation> tooMany;
    for (int i = 0; i < PrimaGateway::kMaxBatchOperations + 1; ++i)
        tooMany.append(PrimaBatchOperation::ofSalesOrder(sale(QString::number(30000 + i))));
    for (const auto &list : {tooMany, QList<PrimaBatchOperation>()}) {
        const auto refused = await<PrimaBatchResult>([&](QObject *context, auto done) {
            sandbox->gateway->postBatch(list, {}, context, std::move(done));
        });
        QVERIFY(refused);
        QCOMPARE(refused->outcome, PrimaWriteOutcome::Rejected);
        QCOMPARE(refused->results.size(), list.size());
    }
    QCOMPARE(sandbox->emulator->requestLog().size(), log.size());
}

void tst_PrimaEmulator::authentication()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    const QString key = SecretStore::primaTokenKey(QStringLiteral("127.0.0.1"));
    QVERIFY(await<Status>([&](QObject *context, auto done) {
                sandbox->secrets.write(key, QStringLiteral("wrong-token"), context, std::move(done));
            })->ok());
    const auto rejected = post(*sandbox, sale());
    QCOMPARE(rejected->outcome, PrimaWriteOutcome::Configuration);
    QCOMPARE(rejected->error.httpStatus, 401);
    const auto read = await<PrimaReadResult<PrimaHealth>>(
        [&](QObject *context, auto done) { sandbox->gateway->health(context, std::move(done)); });
    QCOMPARE(read->outcome, PrimaReadOutcome::Configuration);
    QCOMPARE(read->error.httpStatus, 401);
    QCOMPARE(sandbox->emulator->requestLog().first().fault, QStringLiteral("unauthorized"));
    QVERIFY(sandbox->emulator->documents().isEmpty());

    // Without a token nothing is sent at all.
    QVERIFY(await<Status>([&](QObject *context, auto done) {
                sandbox->secrets.remove(key, context, std::move(done));
            })->ok());
    const qsizetype logged = sandbox->emulator->requestLog().size();
    const auto missing = post(*sandbox, sale());
    QCOMPARE(missing->outcome, PrimaWriteOutcome::Configuration);
    QCOMPARE(missing->error.httpStatus, 0);
    QVERIFY(!missing->error.detail.contains(kToken));
    QCOMPARE(sandbox->emulator->requestLog().size(), logged);

    // Plain http to a remote host is refused before the token is even read.
    RestPrimaGatewayConfig remote;
    remote.baseUrl = QUrl(QStringLiteral("http://prima.example.com/prima/v1"));
    RestPrimaGateway insecure(remote, &sandbox->http, &sandbox->secrets);
    const auto refused = await<PrimaWriteResult>([&](QObject *context, auto done) {
        insecure.postSalesOrder(sale(), {}, context, std::move(done));
    });
    QCOMPARE(refused->outcome, PrimaWriteOutcome::Configuration);
}

void tst_PrimaEmulator::controlEndpoint()
{
    auto sandbox = makeSandbox(PrimaIdempotencyMode::Keys, QStringLiteral("seed=77"));
    QVERIFY(sandbox);
    QVERIFY(post(*sandbox, sale())->isPosted());
    QNetworkAccessManager network;
    QUrl url = sandbox->emulator->url();
    url.setPath(QStringLiteral("/__sandbox/ledger"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(kWaitMs));
    reply->deleteLater();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject ledger = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(ledger.value(u"mode").toString(), QStringLiteral("keys"));
    QCOMPARE(ledger.value(u"seed").toString(), QStringLiteral("77"));
    const QJsonArray documents = ledger.value(u"documents").toArray();
    QCOMPARE(documents.size(), 1);
    const QJsonObject document = documents.first().toObject();
    QCOMPARE(document.value(u"externalRef").toString(), sale().externalRef);
    QCOMPARE(document.value(u"idempotencyKey").toString(), sale().idempotencyKey);
    QCOMPARE(document.value(u"gross").toString(), QStringLiteral("162.00"));
    QCOMPARE(document.value(u"currency").toString(), QStringLiteral("GBP"));
    const QJsonArray requests = ledger.value(u"requests").toArray();
    QCOMPARE(requests.size(), 1); // the control endpoint itself is not logged
    QCOMPARE(requests.first().toObject().value(u"idempotencyKey").toString(), sale().idempotencyKey);
    QVERIFY(!requests.first().toObject().value(u"receivedAt").toString().isEmpty());
}

void tst_PrimaEmulator::reproducibleFaults()
{
    // Two emulators with the same seed and the same request sequence apply the same faults; another seed differs.
    const QString faults = QStringLiteral("500-before=0.15,500-after=0.15,429-none=0.1,503=0.1,slow=0.1:20");
    const auto runSequence = [this, &faults](quint64 seed) {
        QStringList decisions;
        auto sandbox = makeSandbox(PrimaIdempotencyMode::UniqueRef, faults, seed);
        if (!sandbox)
            return decisions;
        for (int i = 0; i < 30; ++i) {
            if (i % 3 == 2) {
                (void)await<PrimaReadResult<PrimaHealth>>(
                    [&](QObject *context, auto done) { sandbox->gateway->health(context, std::move(done)); });
            } else {
                (void)post(*sandbox, sale(QString::number(40000 + i)));
            }
        }
        for (const PrimaRequestLogEntry &entry : sandbox->emulator->requestLog())
            decisions.append(QString::number(entry.sequence) + u' ' + entry.method + u' ' + entry.fault);
        return decisions;
    };
    const QStringList first = runSequence(2024);
    const QStringList second = runSequence(2024);
    const QStringList other = runSequence(2025);
    QCOMPARE(first.size(), 30);
    QCOMPARE(second, first);
    QVERIFY(other != first);
    // The schedule did inject faults, of more than one kind.
    QSet<QString> kinds;
    for (const QString &decision : first) {
        const QString fault = decision.section(u' ', 2).section(u'(', 0, 0);
        if (fault != u"none")
            kinds.insert(fault);
    }
    QVERIFY2(kinds.size() >= 3, qPrintable(QStringList(kinds.values()).join(u", ")));
}

void tst_PrimaEmulator::keepsLedgerAcrossRestart()
{
    auto sandbox = makeSandbox();
    QVERIFY(sandbox);
    QVERIFY(post(*sandbox, sale())->isPosted());
    sandbox->emulator->stop();
    QVERIFY(!sandbox->emulator->url().isValid());
    QVERIFY(sandbox->emulator->start().ok());
    // The same file: documents, keys and request numbers carry on.
    RestPrimaGatewayConfig config = sandbox->gateway->config();
    config.baseUrl = sandbox->emulator->url();
    sandbox->gateway = std::make_unique<RestPrimaGateway>(config, &sandbox->http, &sandbox->secrets);
    const auto again = post(*sandbox, sale());
    QVERIFY(again->isPosted());
    QVERIFY(again->document.replayed);
    QCOMPARE(sandbox->emulator->documents().size(), 1);
    QCOMPARE(sandbox->emulator->requestLog().last().sequence, 2);
}

QTEST_GUILESS_MAIN(tst_PrimaEmulator)
#include "tst_primaemulator.moc"
