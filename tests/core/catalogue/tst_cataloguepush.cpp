// SPDX-License-Identifier: GPL-3.0-or-later
// CataloguePush against the Sitoo emulator: new Prima SKUs are created, changed ones updated, equal ones left alone;
// an element Sitoo refuses becomes an exception while the rest of its batch goes through; the cursor moves on.
#include "core/catalogue/cataloguepush.h"
#include "core/catalogue/skuauditrepository.h"
#include "core/prima/primagateway.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/syncstaterepository.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

namespace {
/** Prima's item master from a list, filtered by updatedSince (on or after), in pages of `limit`. */
class FakePrimaGateway : public PrimaGateway
{
public:
    QList<PrimaItem> catalogue;
    QList<QDateTime> askedSince;

    Capabilities capabilities() const override { return Capability::ItemMaster; }
    void postSalesOrder(const SalesOrder &, const PrimaWriteOptions &, QObject *, WriteCallback) override {}
    void postCreditNote(const CreditNote &, const PrimaWriteOptions &, QObject *, WriteCallback) override {}
    void postBatch(const QList<PrimaBatchOperation> &, const PrimaWriteOptions &, QObject *, BatchCallback) override {}
    void findDocumentByExternalRef(const QString &, QObject *, ReadCallback<QList<PrimaDocumentResult>>) override {}
    void items(const QDateTime &updatedSince, const QString &cursor, int limit, QObject *context,
               ReadCallback<PrimaPage<PrimaItem>> done) override
    {
        if (cursor.isEmpty())
            askedSince.append(updatedSince);
        QList<PrimaItem> matching;
        for (const PrimaItem &item : std::as_const(catalogue)) {
            if (!updatedSince.isValid() || item.updatedAt >= updatedSince)
                matching.append(item);
        }
        const int start = cursor.toInt();
        PrimaPage<PrimaItem> page;
        page.items = matching.mid(start, limit);
        if (start + limit < matching.size())
            page.nextCursor = QString::number(start + limit);
        QTimer::singleShot(0, context, [done, page]() {
            PrimaReadResult<PrimaPage<PrimaItem>> result;
            result.value = page;
            done(result);
        });
    }
    void stock(const QString &, const QDateTime &, const QString &, int, QObject *,
               ReadCallback<PrimaPage<PrimaStockLevel>>) override {}
    void taxCodes(QObject *, ReadCallback<QList<PrimaTaxCode>>) override {}
    void locations(QObject *, ReadCallback<QList<PrimaLocation>>) override {}
    void ledgerPostings(const PrimaLedgerQuery &, const QString &, int, QObject *,
                        ReadCallback<PrimaPage<PrimaLedgerPosting>>) override {}
    void periods(QObject *, ReadCallback<QList<PrimaPeriod>>) override {}
    void health(QObject *, ReadCallback<PrimaHealth>) override {}
};

PrimaItem item(const QString &sku, qint64 priceMinor, int vatPercent, const QDateTime &updatedAt,
               PrimaItemStatus status = PrimaItemStatus::Active)
{
    PrimaItem i;
    i.sku = sku;
    i.style = sku.section(u'-', 0, 0);
    i.description = u"Prima "_s + sku;
    i.gtins = {u"5012345678900"_s};
    i.status = status;
    i.priceIncVat = Money(priceMinor, Currency::of(u"GBP"));
    i.vatRate = VatRate::fromPercent(vatPercent);
    i.vatCode = u"S20"_s;
    i.updatedAt = updatedAt;
    return i;
}
} // namespace

class tst_CataloguePush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pushesNewAndChangedAndTurnsRefusalsIntoExceptions();
    void aSecondPushStartsFromTheCursorAndWritesNothingEqual();
    void aFailedRequestKeepsTheCursor();

private:
    Result<CataloguePushSummary> push(bool fullResync = false);
    QList<ExceptionRecord> openExceptions();

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<SitooEmulator> m_emulator;
    MemorySecretStore m_secrets;
    std::unique_ptr<SitooClient> m_sitoo;
    FakePrimaGateway m_prima;
    std::unique_ptr<CataloguePush> m_push;
    QString m_existingSku;
    QDateTime m_t0 = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
};

void tst_CataloguePush::initTestCase()
{
    auto connection = m_cache.open();
    QVERIFY(connection.ok());
    m_connection = *connection;
    ScenarioOptions options;
    options.seed = 11;
    options.storeCount = 1;
    options.tradingDays = 1;
    options.styleCount = 2;
    m_emulator = std::make_unique<SitooEmulator>(ScenarioGenerator(options).generate());
    QVERIFY(m_emulator->listen());
    ConnectionSettings settings;
    settings.sitooBaseUrl = m_emulator->baseUrl();
    settings.sitooAccountId = m_emulator->credentials().accountId;
    settings.sitooApiId = m_emulator->credentials().apiId;
    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets,
                                           {{settings.sitooPasswordKey(), m_emulator->credentials().password}}));
    m_sitoo = std::make_unique<SitooClient>(&m_secrets);
    QVERIFY(m_sitoo->setConnection(settings).ok());
    m_push = std::make_unique<CataloguePush>(m_connection->database(), m_sitoo.get(), &m_prima);
    m_existingSku = m_emulator->products(1).first().value(u"sku"_s).toString();
}

Result<CataloguePushSummary> tst_CataloguePush::push(bool fullResync)
{
    CataloguePushOptions options;
    options.eshopId = 1;
    options.primaAccount = u"prima.test"_s;
    options.batchSize = 3; // several requests, and a refused element in the middle of one
    options.fullResync = fullResync;
    std::optional<Result<CataloguePushSummary>> result;
    m_push->run(options, this, [&result](const Result<CataloguePushSummary> &summary) { result = summary; });
    QDeadlineTimer deadline(60000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return result.value_or(Result<CataloguePushSummary>(Error{ErrorCode::Network, u"timed out"_s}));
}

QList<ExceptionRecord> tst_CataloguePush::openExceptions()
{
    QList<ExceptionRecord> records;
    QSqlQuery query(m_connection->database());
    if (!query.exec(u"SELECT id FROM exceptions WHERE state = 'open' ORDER BY entity_id"_s))
        return records;
    while (query.next())
        records.append(ExceptionRepository(m_connection->database()).load(query.value(0).toLongLong()).value());
    return records;
}

void tst_CataloguePush::pushesNewAndChangedAndTurnsRefusalsIntoExceptions()
{
    const QJsonObject before = *m_emulator->product(1, m_existingSku);
    PrimaItem changed = item(m_existingSku, 12345, 20, m_t0.addSecs(5));
    changed.description = before.value(u"title"_s).toString();
    changed.gtins = {before.value(u"barcode"_s).toString()};
    m_prima.catalogue = {
        item(u"NEW-1"_s, 5900, 20, m_t0),
        item(u"BAD SKU"_s, 1000, 20, m_t0.addSecs(2)), // Sitoo allows no spaces in a SKU: refused
        item(u"NEW-2"_s, 500, 5, m_t0.addSecs(1)),     // in the same batch, after the refused one
        item(u"NEW-3"_s, 1000, 20, m_t0.addSecs(3)),
        item(u"ODD-VAT"_s, 1000, 7, m_t0.addSecs(4)),  // no 7 % product group on the UK site
        changed,                                        // only the price differs
        item(u"GONE-1"_s, 1000, 20, m_t0.addSecs(6), PrimaItemStatus::Discontinued), // nothing to create
    };
    auto summary = push();
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->primaItems, 7);
    QCOMPARE(summary->created, 3);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->failed, 2);
    QCOMPARE(summary->skipped, 1);
    QCOMPARE(summary->requests, 3); // 4 creates in batches of 3, 1 update

    const auto created = m_emulator->product(1, u"NEW-1"_s);
    QVERIFY(created);
    QCOMPARE(created->value(u"moneyprice"_s).toString(), u"59.00"_s);
    QCOMPARE(created->value(u"vatid"_s).toInt(), 2); // the 20 % group
    QCOMPARE(created->value(u"activepos"_s).toBool(), true);
    QCOMPARE(created->value(u"title"_s).toString(), u"Prima NEW-1"_s);
    QCOMPARE(created->value(u"barcode"_s).toString(), u"5012345678900"_s);
    QCOMPARE(m_emulator->product(1, u"NEW-2"_s)->value(u"vatid"_s).toInt(), 3); // 5 %
    QVERIFY(m_emulator->product(1, u"NEW-3"_s));
    QVERIFY(!m_emulator->product(1, u"GONE-1"_s));
    QCOMPARE(m_emulator->product(1, m_existingSku)->value(u"moneyprice"_s).toString(), u"123.45"_s);
    QCOMPARE(m_emulator->product(1, m_existingSku)->value(u"productid"_s), before.value(u"productid"_s));

    const QList<ExceptionRecord> open = openExceptions();
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).entityId, u"1/BAD SKU"_s);
    QCOMPARE(open.at(0).kind, ExceptionKind::CatalogOnlyInPrima);
    QVERIFY2(open.at(0).explanation.contains(u"Sitoo refused to create Prima SKU BAD SKU"),
             qPrintable(open.at(0).explanation));
    QVERIFY2(open.at(0).explanation.contains(u"status 400"), qPrintable(open.at(0).explanation));
    QCOMPARE(open.at(1).entityId, u"1/ODD-VAT"_s);
    QVERIFY2(open.at(1).explanation.contains(u"VAT 7 %"), qPrintable(open.at(1).explanation));

    const QSqlDatabase db = m_connection->database();
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM audit_events WHERE action = 'catalogue.pushed'"_s), 3);
    auto cursor = SyncStateRepository(db).cursor(u"prima"_s, u"prima.test"_s, CataloguePush::cursorStream(1));
    QVERIFY(cursor.ok() && cursor->has_value());
    QCOMPARE(**cursor, m_t0.addSecs(6).toString(Qt::ISODateWithMs));
}

void tst_CataloguePush::aSecondPushStartsFromTheCursorAndWritesNothingEqual()
{
    // Prima fixes the bad SKU (a new version), everything else is as pushed.
    m_prima.catalogue.append(item(u"BAD-SKU"_s, 1000, 20, m_t0.addSecs(10)));
    m_prima.askedSince.clear();
    const qint64 writesBefore = m_emulator->requestCount();
    auto summary = push();
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(m_prima.askedSince.value(0), m_t0.addSecs(6));
    QCOMPARE(summary->primaItems, 2); // GONE-1 (on the cursor) and the fixed SKU
    QCOMPARE(summary->created, 1);
    QCOMPARE(summary->requests, 1);
    QVERIFY(m_emulator->requestCount() > writesBefore);

    // A full re-sync compares everything and writes nothing: Sitoo already matches.
    auto full = push(true);
    QVERIFY2(full.ok(), qPrintable(full.errorString()));
    QCOMPARE(full->created, 0);
    QCOMPARE(full->updated, 0);
    QCOMPARE(full->unchanged, 5);
    QCOMPARE(full->failed, 2); // still refused, still one open exception each (not duplicated)
    QCOMPARE(openExceptions().size(), 2);
}

void tst_CataloguePush::aFailedRequestKeepsTheCursor()
{
    const QSqlDatabase db = m_connection->database();
    const auto before = SyncStateRepository(db).cursor(u"prima"_s, u"prima.test"_s, CataloguePush::cursorStream(1));
    m_prima.catalogue.append(item(u"NEW-4"_s, 1000, 20, m_t0.addSecs(20)));
    m_emulator->failNextRequests(50, 400); // not retried: the run ends
    auto summary = push();
    QVERIFY(!summary.ok());
    const auto after = SyncStateRepository(db).cursor(u"prima"_s, u"prima.test"_s, CataloguePush::cursorStream(1));
    QCOMPARE(**after, **before);
    m_emulator->failNextRequests(0);
    auto retried = push();
    QVERIFY2(retried.ok(), qPrintable(retried.errorString()));
    QCOMPARE(retried->created, 1);
    QVERIFY(m_emulator->product(1, u"NEW-4"_s));
}

QTEST_GUILESS_MAIN(tst_CataloguePush)
#include "tst_cataloguepush.moc"
