// SPDX-License-Identifier: GPL-3.0-or-later
// Reconciliation per store and trading day: seeded known variances are each found with the right amount, store and
// day; clean days give no false positives and keep their residual; the day is cut in the store's time zone; the
// Z-report cross-check and VAT are compared; a re-run after the fix auto-resolves; STORE_FEED_SILENT.
#include "core/domain/exceptionrecord.h"
#include "core/reconciliation/reconciler.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/reconciliation/tradingday.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"
#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/secrets/memorysecretstore.h"

#include "tests/core/reconciliation/cachefixture.h"
#include "tests/testutils/scriptedhttpserver.h"
#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Recon;
using Tillbridge::Test::TempCache;

namespace {

constexpr qint64 kRate20 = 200000; // 20 % in ten-thousandths of a percent
constexpr qint64 kRate25 = 250000;

const QDate kDay(2026, 10, 14);

PrimaLedgerPosting posting(const QString &account, const QString &tender, qint64 minor, const QString &currency,
                           QDate day = kDay)
{
    static int id = 0;
    PrimaLedgerPosting p;
    p.postingId = QString::number(++id);
    p.postingDate = day;
    p.account = account;
    p.location = QStringLiteral("LOC");
    p.amount = Money(minor, Currency::of(currency));
    p.tender = tender;
    return p;
}

QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

Store storeOf(const QSqlDatabase &db, qint64 id)
{
    const auto stores = StoreRepository(db).all();
    for (const Store &store : stores.value())
        if (store.id == id)
            return store;
    return {};
}

SitooZReport zReport(const QString &storeExternalId, const QDateTime &opened, const QString &method, qint64 minor,
                     const QString &currency)
{
    SitooZReport report;
    report.storeExternalId = storeExternalId;
    report.dateOpened = opened;
    report.dateCreated = opened.addSecs(9 * 3600);
    report.currency = Currency::of(currency);
    report.paymentsSales.append({method, Money(minor, Currency::of(currency))});
    return report;
}

QJsonObject wirePosting(const QString &id, const QString &account, const QString &tender, const QString &amount,
                        const QString &location, const QString &currency)
{
    return QJsonObject{{QStringLiteral("postingId"), id},
                       {QStringLiteral("postingDate"), kDay.toString(Qt::ISODate)},
                       {QStringLiteral("account"), account},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("amount"), amount},
                       {QStringLiteral("currency"), currency},
                       {QStringLiteral("sourceDocumentNo"), QString(QStringLiteral("SO-") + id)},
                       {QStringLiteral("externalRef"), QString(QStringLiteral("sitoo:1500:order:") + id)},
                       {QStringLiteral("tender"), tender.isEmpty() ? QJsonValue() : QJsonValue(tender)}};
}

QByteArray page(const QJsonArray &items, const QString &nextCursor = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), items},
                                     {QStringLiteral("nextCursor"),
                                      nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}})
        .toJson(QJsonDocument::Compact);
}

QString plain(QString text)
{
    return text.replace(QChar::Nbsp, u' ');
}

} // namespace

class tst_Reconciliation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init()
    {
        m_cache = std::make_unique<TempCache>();
        auto db = m_cache->open();
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = std::move(db).value();
        const QSqlDatabase db2 = m_db->database();
        m_london = addStore(db2, QStringLiteral("LDN-01"), QStringLiteral("London Oxford St"), QStringLiteral("GBP"),
                            QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("LDN-01"));
        m_stockholm = addStore(db2, QStringLiteral("STO-01"), QStringLiteral("Stockholm Drottninggatan"),
                               QStringLiteral("SEK"), QStringLiteral("SE"), QStringLiteral("Europe/Stockholm"),
                               QStringLiteral("STO-01"));
        QVERIFY(m_london > 0 && m_stockholm > 0);
        DbTransaction tx(db2);
        MappingRepository mappings(db2);
        for (const auto &[method, tender] : {std::pair{"Card", "CARD"}, std::pair{"Cash", "CASH"},
                                             std::pair{"Swish", "SWISH"}}) {
            QVERIFY(mappings.save(tx, MappingKind::PaymentMethod, QLatin1StringView(method),
                                  QLatin1StringView(tender), QStringLiteral("test")));
        }
        QVERIFY(mappings.save(tx, MappingKind::TaxRate, QStringLiteral("20"), QStringLiteral("S20"),
                              QStringLiteral("test")));
        QVERIFY(tx.commit());
    }

    void cleanup()
    {
        m_db.reset();
        m_cache.reset();
    }

    void settingsFromTheConfigurationFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("tolerance");
        QTest::addRow("absent") << QByteArray("{}") << true << qint64(0);
        QTest::addRow("whole") << QByteArray(R"({"reconciliation": {"toleranceMinor": 150}})") << true << qint64(150);
        QTest::addRow("fraction") << QByteArray(R"({"reconciliation": {"toleranceMinor": 1.5}})") << false << qint64(0);
        QTest::addRow("negative") << QByteArray(R"({"reconciliation": {"toleranceMinor": -1}})") << false << qint64(0);
        QTest::addRow("text") << QByteArray(R"({"reconciliation": {"toleranceMinor": "1.00"}})") << false << qint64(0);
        QTest::addRow("unknown") << QByteArray(R"({"reconciliation": {"tolerance": 1}})") << false << qint64(0);
    }

    void settingsFromTheConfigurationFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(qint64, tolerance);
        auto settings = ReconciliationSettings::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(settings.ok(), ok);
        if (ok)
            QCOMPARE(settings->toleranceMinor, tolerance);
    }

    void tradingDayBounds()
    {
        // Stockholm in October (before the change back on the 25th) is UTC+2.
        const TradingDay day = TradingDay::of(kDay, QStringLiteral("Europe/Stockholm"));
        QCOMPARE(day.startUtc, utc(2026, 10, 13, 22, 0));
        QCOMPARE(day.endUtc, utc(2026, 10, 14, 22, 0));
        // The day the clocks go back has 25 hours.
        const TradingDay longDay = TradingDay::of(QDate(2026, 10, 25), QStringLiteral("Europe/Stockholm"));
        QCOMPARE(longDay.startUtc.secsTo(longDay.endUtc), qint64(25 * 3600));
        QCOMPARE(TradingDay::localDay(utc(2026, 10, 14, 21, 30), QStringLiteral("Europe/Stockholm")), kDay);
        QCOMPARE(TradingDay::localDay(utc(2026, 10, 14, 22, 30), QStringLiteral("Europe/Stockholm")),
                 kDay.addDays(1));
    }

    void seededVarianceIsFoundWithAmountStoreAndDay()
    {
        const QSqlDatabase db = m_db->database();
        // Given: London sold 1,204.50 on card and 50.00 cash on the 14th; Prima's ledger has 1,194.50 on card.
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"),
                 {{kRate20, 100375, 20075}}, {{QStringLiteral("Card"), 120450}});
        addOrder(db, m_london, 1002, utc(2026, 10, 14, 11, 0), QStringLiteral("posted"), {{kRate20, 4167, 833}},
                 {{QStringLiteral("Cash"), 5000}});
        // And Stockholm had a clean day.
        addOrder(db, m_stockholm, 2001, utc(2026, 10, 14, 9, 0), QStringLiteral("posted"), {{kRate25, 80000, 20000}},
                 {{QStringLiteral("Swish"), 100000}}, QStringLiteral("SEK"));

        ReconciliationService service(db, nullptr, nullptr);
        const QList<PrimaLedgerPosting> london{
            posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 119450, QStringLiteral("GBP")),
            posting(QStringLiteral("TENDER"), QStringLiteral("CASH"), 5000, QStringLiteral("GBP")),
            posting(QStringLiteral("VAT"), {}, -20908, QStringLiteral("GBP")),
        };
        // When
        auto result = service.reconcileStoreDay(storeOf(db, m_london), kDay, london, {});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        // Then: one variance on card, 10.00 GBP, for London on the 14th; cash and VAT match.
        QVERIFY(!result->matched);
        QVERIFY(result->exceptionId > 0);
        QCOMPARE(value(db, QStringLiteral("SELECT difference_minor FROM reconciliation_results WHERE store_id = ? "
                                          "AND trading_day = '2026-10-14' AND kind = 'tender' AND item = 'CARD'"),
                       {m_london}),
                 qint64(1000));
        QCOMPARE(text(db, QStringLiteral("SELECT status FROM reconciliation_results WHERE store_id = ? AND item = 'CASH'"),
                      {m_london}),
                 QStringLiteral("matched"));
        QCOMPARE(text(db, QStringLiteral("SELECT status FROM reconciliation_results WHERE store_id = ? AND kind = 'vat'"),
                      {m_london}),
                 QStringLiteral("matched"));
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'")), qint64(1));
        QCOMPARE(text(db, QStringLiteral("SELECT entity_id FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'")),
                 QString::number(m_london) + QStringLiteral(":2026-10-14"));
        QCOMPARE(value(db, QStringLiteral("SELECT store_id FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'")), m_london);
        const QString explanation = plain(text(db, QStringLiteral("SELECT explanation FROM exceptions")));
        QVERIFY2(explanation.contains(u"Card: Sitoo 1,204.50 GBP, Prima 1,194.50 GBP, difference 10.00 GBP"),
                 qPrintable(explanation));
        QVERIFY2(!explanation.contains(u"Cash"), qPrintable(explanation));

        // And the clean Stockholm day: matched with residual 0, no exception.
        auto clean = service.reconcileStoreDay(
            storeOf(db, m_stockholm), kDay,
            {posting(QStringLiteral("TENDER"), QStringLiteral("SWISH"), 100000, QStringLiteral("SEK")),
             posting(QStringLiteral("VAT"), {}, -20000, QStringLiteral("SEK"))},
            {});
        QVERIFY2(clean.ok(), qPrintable(clean.errorString()));
        QVERIFY(clean->matched);
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions")), qint64(1));
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM reconciliation_results WHERE store_id = ? "
                                          "AND status = 'matched' AND difference_minor = 0"),
                       {m_stockholm}),
                 qint64(2));

        // Tax variance aggregates for the charts: London at 20 %: Sitoo VAT 209.08, expected per line the same.
        QCOMPARE(value(db, QStringLiteral("SELECT sitoo_vat_minor FROM tax_variance_daily WHERE store_id = ? "
                                          "AND vat_rate_units = ?"),
                       {m_london, kRate20}),
                 qint64(20908));
        QCOMPARE(value(db, QStringLiteral("SELECT expected_vat_minor FROM tax_variance_daily WHERE store_id = ? "
                                          "AND vat_rate_units = ?"),
                       {m_london, kRate20}),
                 qint64(20075 + 833));
        QCOMPARE(value(db, QStringLiteral("SELECT order_count FROM tax_variance_daily WHERE store_id = ?"), {m_london}),
                 qint64(2));

        // The audit trail recorded both store-days and still verifies.
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'reconciliation.%'")),
                 qint64(2));
        auto verified = AuditChain::verify(db);
        QVERIFY(verified.ok() && verified->intact);

        // When the missing 10.00 arrives in Prima and the day is run again, the exception auto-resolves.
        auto rerun = service.reconcileStoreDay(
            storeOf(db, m_london), kDay,
            london + QList{posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 1000, QStringLiteral("GBP"))}, {});
        QVERIFY(rerun.ok() && rerun->matched);
        QCOMPARE(text(db, QStringLiteral("SELECT state FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'")),
                 QStringLiteral("auto-resolved"));
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM reconciliation_results WHERE store_id = ? "
                                          "AND status = 'variance'"),
                       {m_london}),
                 qint64(0));
    }

    void toleranceKeepsTheResidual()
    {
        const QSqlDatabase db = m_db->database();
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"), {{kRate20, 1000, 200}},
                 {{QStringLiteral("Card"), 1200}});
        const QList<PrimaLedgerPosting> prima{
            posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 1197, QStringLiteral("GBP")),
            posting(QStringLiteral("VAT"), {}, -200, QStringLiteral("GBP"))};
        ReconciliationSettings settings;
        settings.toleranceMinor = 5;
        ReconciliationService lenient(db, nullptr, nullptr, settings);
        auto within = lenient.reconcileStoreDay(storeOf(db, m_london), kDay, prima, {});
        QVERIFY(within.ok() && within->matched);
        QCOMPARE(value(db, QStringLiteral("SELECT difference_minor FROM reconciliation_results WHERE item = 'CARD' "
                                          "AND status = 'matched' AND tolerance_minor = 5")),
                 qint64(3));
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions")), qint64(0));

        settings.toleranceMinor = 2;
        ReconciliationService strict(db, nullptr, nullptr, settings);
        auto beyond = strict.reconcileStoreDay(storeOf(db, m_london), kDay, prima, {});
        QVERIFY(beyond.ok() && !beyond->matched);
        QVERIFY(plain(beyond->explanation).contains(u"difference 0.03 GBP"));
    }

    void dayIsCutInTheStoresTimeZone()
    {
        const QSqlDatabase db = m_db->database();
        // 23:30 in Stockholm on the 14th is 21:30 UTC: it belongs to the 14th.
        addOrder(db, m_stockholm, 2001, utc(2026, 10, 14, 21, 30), QStringLiteral("posted"), {{kRate25, 8000, 2000}},
                 {{QStringLiteral("Card"), 10000}}, QStringLiteral("SEK"));
        // 00:30 in Stockholm on the 15th is 22:30 UTC on the 14th: it belongs to the 15th.
        addOrder(db, m_stockholm, 2002, utc(2026, 10, 14, 22, 30), QStringLiteral("posted"), {{kRate25, 4000, 1000}},
                 {{QStringLiteral("Card"), 5000}}, QStringLiteral("SEK"));
        // 00:30 in Stockholm on the 14th is 22:30 UTC on the 13th: it belongs to the 14th.
        addOrder(db, m_stockholm, 2003, utc(2026, 10, 13, 22, 30), QStringLiteral("posted"), {{kRate25, 800, 200}},
                 {{QStringLiteral("Card"), 1000}}, QStringLiteral("SEK"));

        ReconciliationService service(db, nullptr, nullptr);
        auto day14 = service.reconcileStoreDay(
            storeOf(db, m_stockholm), kDay,
            {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 11000, QStringLiteral("SEK")),
             posting(QStringLiteral("VAT"), {}, -2200, QStringLiteral("SEK"))},
            {});
        QVERIFY2(day14.ok(), qPrintable(day14.errorString()));
        QVERIFY2(day14->matched, qPrintable(day14->explanation));
        auto day15 = service.reconcileStoreDay(
            storeOf(db, m_stockholm), kDay.addDays(1),
            {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 5000, QStringLiteral("SEK"), kDay.addDays(1)),
             posting(QStringLiteral("VAT"), {}, -1000, QStringLiteral("SEK"), kDay.addDays(1))},
            {});
        QVERIFY(day15.ok());
        QVERIFY2(day15->matched, qPrintable(day15->explanation));
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions")), qint64(0));
    }

    void zReportsAndVatAreCrossChecked()
    {
        const QSqlDatabase db = m_db->database();
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"), {{kRate20, 10000, 2000}},
                 {{QStringLiteral("Card"), 12000}});
        // A ready order (not posted yet) counts on Sitoo's side and is named in the explanation.
        addOrder(db, m_london, 1002, utc(2026, 10, 14, 12, 0), QStringLiteral("ready"), {{kRate20, 1000, 200}},
                 {{QStringLiteral("Cash"), 1200}});
        // Quarantined orders are not Prima's business yet: left out.
        addOrder(db, m_london, 1003, utc(2026, 10, 14, 13, 0), QStringLiteral("quarantined"), {{kRate20, 5000, 1000}},
                 {{QStringLiteral("Card"), 6000}});
        // The quarantined order carries a TAX_VARIANCE: the charts count it (and its VAT), Prima's comparison not.
        {
            DbTransaction tx(db);
            QVERIFY(ExceptionRepository(db)
                        .raise(tx, ExceptionRecord::open(ExceptionKind::TaxVariance, QStringLiteral("order"),
                                                         QStringLiteral("1500:1003"), QStringLiteral("VAT off"), {},
                                                         m_london))
                        .ok());
            QVERIFY(tx.commit());
        }
        ReconciliationService service(db, nullptr, nullptr);
        // Prima has card and VAT by code S20 with 1.00 less VAT; the Z-report says 130.00 on card.
        auto result = service.reconcileStoreDay(
            storeOf(db, m_london), kDay,
            {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 12000, QStringLiteral("GBP")),
             posting(QStringLiteral("VAT:S20"), {}, -2100, QStringLiteral("GBP"))},
            {zReport(QStringLiteral("LDN-01"), utc(2026, 10, 14, 8, 0), QStringLiteral("Card"), 13000,
                     QStringLiteral("GBP")),
             zReport(QStringLiteral("LDN-01"), utc(2026, 10, 14, 8, 0), QStringLiteral("Cash"), 1200,
                     QStringLiteral("GBP"))});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(!result->matched);
        const QString explanation = plain(result->explanation);
        QVERIFY2(explanation.contains(u"Card: Sitoo orders 120.00 GBP, Z-reports 130.00 GBP, difference -10.00 GBP"),
                 qPrintable(explanation));
        QVERIFY2(explanation.contains(u"Cash: Sitoo 12.00 GBP, Prima 0.00 GBP, difference 12.00 GBP"),
                 qPrintable(explanation));
        QVERIFY2(explanation.contains(u"VAT 20 %: Sitoo 22.00 GBP, Prima 21.00 GBP, difference 1.00 GBP"),
                 qPrintable(explanation));
        QVERIFY2(explanation.contains(u"1 order(s)") || explanation.contains(u"not posted"), qPrintable(explanation));
        QCOMPARE(value(db, QStringLiteral("SELECT zreport_minor FROM reconciliation_results WHERE item = 'CARD'")),
                 qint64(13000));
        QCOMPARE(value(db, QStringLiteral("SELECT prima_vat_minor FROM tax_variance_daily WHERE store_id = ?"),
                       {m_london}),
                 qint64(2100));
        QCOMPARE(value(db, QStringLiteral("SELECT sitoo_vat_minor FROM tax_variance_daily WHERE store_id = ?"),
                       {m_london}),
                 qint64(2000 + 200 + 1000));
        QCOMPARE(value(db, QStringLiteral("SELECT order_count FROM tax_variance_daily WHERE store_id = ?"), {m_london}),
                 qint64(3));
        QCOMPARE(value(db, QStringLiteral("SELECT tax_exception_count FROM tax_variance_daily WHERE store_id = ?"),
                       {m_london}),
                 qint64(1));
        // The storage layer will not hold a "matched" row beyond tolerance either.
        QCOMPARE(exec(db, QStringLiteral("UPDATE reconciliation_results SET status = 'matched' WHERE item = 'CASH'")),
                 qint64(-1));
    }

    void acceptedVarianceIsNotRaisedAgain()
    {
        const QSqlDatabase db = m_db->database();
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"), {{kRate20, 1000, 200}},
                 {{QStringLiteral("Card"), 1200}});
        const QList<PrimaLedgerPosting> prima{
            posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 1100, QStringLiteral("GBP")),
            posting(QStringLiteral("VAT"), {}, -200, QStringLiteral("GBP"))};
        ReconciliationService service(db, nullptr, nullptr);
        auto first = service.reconcileStoreDay(storeOf(db, m_london), kDay, prima, {});
        QVERIFY(first.ok() && !first->matched);
        // Finance accepts the 1.00 difference: an override proposed by Pete, approved by Anna.
        {
            DbTransaction tx(db);
            ExceptionRepository exceptions(db);
            QVERIFY(exceptions.markOverride(tx, first->exceptionId, QStringLiteral("pete"), QStringLiteral("bank fee")));
            QVERIFY(exceptions.approveOverride(tx, first->exceptionId, QStringLiteral("anna"), QStringLiteral("ok")));
            QVERIFY(tx.commit());
        }
        // The nightly run finds the same figures: nothing new is raised; the result points at the accepted one.
        auto again = service.reconcileStoreDay(storeOf(db, m_london), kDay, prima, {});
        QVERIFY(again.ok() && !again->matched);
        QCOMPARE(again->exceptionId, first->exceptionId);
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions")), qint64(1));
        // Different figures are a new question.
        auto changed = service.reconcileStoreDay(
            storeOf(db, m_london), kDay,
            prima + QList{posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 50, QStringLiteral("GBP"))}, {});
        QVERIFY(changed.ok() && !changed->matched);
        QVERIFY(changed->exceptionId != first->exceptionId);
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE state = 'open'")), qint64(1));
    }

    void runReadsTheLedgerThroughTheGateway()
    {
        const QSqlDatabase db = m_db->database();
        // Given: London's day as in the first test, and a Prima that answers GET /ledger/postings over two pages for
        // London (VAT per tax code) and an empty page for Stockholm.
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"),
                 {{kRate20, 100375, 20075}}, {{QStringLiteral("Card"), 120450}});
        addOrder(db, m_london, 1002, utc(2026, 10, 14, 11, 0), QStringLiteral("posted"), {{kRate20, 4167, 833}},
                 {{QStringLiteral("Cash"), 5000}});
        Tillbridge::Test::ScriptedHttpServer server;
        QVERIFY(server.start());
        using Step = Tillbridge::Test::ScriptedHttpServer::Step;
        const QString ldn = QStringLiteral("LDN-01");
        server.setScript({
            Step::respond(200,
                          page({wirePosting(QStringLiteral("1"), QStringLiteral("TENDER"), QStringLiteral("CARD"),
                                            QStringLiteral("1194.50"), ldn, QStringLiteral("GBP"))},
                               QStringLiteral("c2")),
                          {{"Content-Type", "application/json"}}),
            Step::respond(200,
                          page({wirePosting(QStringLiteral("2"), QStringLiteral("TENDER"), QStringLiteral("CASH"),
                                            QStringLiteral("50.00"), ldn, QStringLiteral("GBP")),
                                wirePosting(QStringLiteral("3"), QStringLiteral("VAT:S20"), {},
                                            QStringLiteral("-209.08"), ldn, QStringLiteral("GBP"))}),
                          {{"Content-Type", "application/json"}}),
            Step::respond(200, page({}), {{"Content-Type", "application/json"}}),
        });
        Tillbridge::Core::MemorySecretStore secrets;
        QVERIFY(Tillbridge::Test::storeSecrets(secrets, {{QStringLiteral("prima/test"), QStringLiteral("token")}}));
        HttpClient http;
        RestPrimaGatewayConfig config;
        config.baseUrl = server.url(QStringLiteral("/prima/v1"));
        config.tokenKey = QStringLiteral("prima/test");
        RestPrimaGateway prima(config, &http, &secrets);
        ReconciliationService service(db, &prima, nullptr);

        // When
        std::optional<Result<ReconciliationSummary>> summary;
        service.run(kDay, [&summary](Result<ReconciliationSummary> result) { summary = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(summary.has_value(), 20000);

        // Then: the card variance of 10.00, cash and VAT (per code S20) matched, Stockholm clean and empty.
        QVERIFY2(summary->ok(), qPrintable(summary->errorString()));
        QCOMPARE((*summary)->storeDays.size(), 2);
        QCOMPARE((*summary)->varianceLines, 1);
        QCOMPARE((*summary)->payoutVarianceExceptions.size(), 1);
        QVERIFY((*summary)->warnings.join(u' ').contains(u"Z-reports"));
        QCOMPARE(value(db, QStringLiteral("SELECT difference_minor FROM reconciliation_results WHERE item = 'CARD'")),
                 qint64(1000));
        QCOMPARE(text(db, QStringLiteral("SELECT status FROM reconciliation_results WHERE kind = 'vat' "
                                         "AND item = 'S20'")),
                 QStringLiteral("matched"));
        QCOMPARE(value(db, QStringLiteral("SELECT prima_vat_minor FROM tax_variance_daily WHERE store_id = ?"),
                       {m_london}),
                 qint64(20908));
        const auto received = server.received();
        QCOMPARE(received.size(), 3);
        QVERIFY(received.at(0).path.startsWith("/prima/v1/ledger/postings?"));
        QVERIFY(received.at(0).path.contains("location=LDN-01"));
        QVERIFY(received.at(0).path.contains("from=2026-10-14"));
        QVERIFY(received.at(1).path.contains("cursor=c2"));
        QVERIFY(received.at(2).path.contains("location=STO-01"));
        QVERIFY(!service.isRunning());
    }

    void otherCurrencyPostingsAreRefused()
    {
        const QSqlDatabase db = m_db->database();
        ReconciliationService service(db, nullptr, nullptr);
        auto result = service.reconcileStoreDay(
            storeOf(db, m_london), kDay,
            {posting(QStringLiteral("TENDER"), QStringLiteral("CARD"), 100, QStringLiteral("SEK"))}, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::CurrencyMismatch);
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM reconciliation_results")), qint64(0));
    }

    void silentStoreFeed()
    {
        const QSqlDatabase db = m_db->database();
        ReconciliationRepository repository(db);
        {
            DbTransaction tx(db);
            TradingHours hours;
            hours.opensAt = QTime(9, 0);
            hours.closesAt = QTime(18, 0);
            hours.silentAfterMinutes = 60;
            QVERIFY(repository.saveTradingHours(tx, m_london, hours, QStringLiteral("anna")));
            QVERIFY(repository.saveTradingHours(tx, m_stockholm, hours, QStringLiteral("anna")));
            QVERIFY(tx.commit());
        }
        // London's last order arrived at 10:00 local (09:00 UTC, BST); Stockholm sent one at 13:30 local.
        addOrder(db, m_london, 1001, utc(2026, 10, 14, 9, 0), QStringLiteral("posted"), {{kRate20, 1000, 200}},
                 {{QStringLiteral("Card"), 1200}});
        addOrder(db, m_stockholm, 2001, utc(2026, 10, 14, 11, 30), QStringLiteral("posted"), {{kRate25, 800, 200}},
                 {{QStringLiteral("Card"), 1000}}, QStringLiteral("SEK"));
        ReconciliationService service(db, nullptr, nullptr);

        // Before opening (07:00 London): nothing.
        auto early = service.checkFeeds(utc(2026, 10, 14, 6, 0));
        QVERIFY(early.ok());
        QCOMPARE(early->size(), 0);
        // 13:00 London, 12:00 UTC: London silent for 180 minutes; Stockholm (14:00, last 13:30) is fine.
        auto noon = service.checkFeeds(utc(2026, 10, 14, 12, 0));
        QVERIFY2(noon.ok(), qPrintable(noon.errorString()));
        QCOMPARE(noon->size(), 1);
        QCOMPARE(text(db, QStringLiteral("SELECT entity_id FROM exceptions WHERE kind = 'STORE_FEED_SILENT'")),
                 QString::number(m_london));
        QCOMPARE(text(db, QStringLiteral("SELECT owner_team FROM exceptions WHERE kind = 'STORE_FEED_SILENT'")),
                 QStringLiteral("retail-ops"));
        QVERIFY(text(db, QStringLiteral("SELECT explanation FROM exceptions")).contains(u"180 minutes"));
        // Checking again a minute later does not raise a second one.
        auto again = service.checkFeeds(utc(2026, 10, 14, 12, 1));
        QVERIFY(again.ok());
        QCOMPARE(value(db, QStringLiteral("SELECT COUNT(*) FROM exceptions")), qint64(1));
        // An order arrives: resolved automatically.
        addOrder(db, m_london, 1002, utc(2026, 10, 14, 12, 5), QStringLiteral("ready"), {{kRate20, 1000, 200}},
                 {{QStringLiteral("Card"), 1200}});
        auto alive = service.checkFeeds(utc(2026, 10, 14, 12, 10));
        QVERIFY(alive.ok());
        QCOMPARE(alive->size(), 0);
        QCOMPARE(text(db, QStringLiteral("SELECT state FROM exceptions WHERE kind = 'STORE_FEED_SILENT'")),
                 QStringLiteral("auto-resolved"));
    }

private:
    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_db;
    qint64 m_london = 0;
    qint64 m_stockholm = 0;
};

QTEST_GUILESS_MAIN(tst_Reconciliation)
#include "tst_reconciliation.moc"
