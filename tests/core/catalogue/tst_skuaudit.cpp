// SPDX-License-Identifier: GPL-3.0-or-later
// SkuAudit: findings become exceptions with the numbers, the run is stored with its counts and audited, a later run
// auto-resolves what it no longer finds, and only an approver can have a Sitoo-only SKU deactivated in the POS.
#include "core/catalogue/skuaudit.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/sitoo/sitooclient.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/userrepository.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::scalar;

namespace {
CatalogueRow row(const QString &sku, qint64 priceMinor, bool active = true)
{
    CatalogueRow r;
    r.sku = sku;
    r.title = u"Item "_s + sku;
    r.barcode = u"735"_s + sku;
    r.price = Money(priceMinor, Currency::of(u"GBP"));
    r.vatRate = VatRate::fromPercent(20);
    r.active = active;
    return r;
}
} // namespace

class tst_SkuAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void findingsBecomeExceptionsAndTheRunIsKept();
    void aLaterRunAutoResolvesWhatItNoLongerFinds();
    void deactivationNeedsAnApproverAndIsAudited();

private:
    Result<SkuAuditSummary> record(const std::vector<CatalogueRow> &prima, const std::vector<CatalogueRow> &sitoo);
    QList<ExceptionRecord> exceptions(const QString &state);

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<SkuAudit> m_audit;
};

void tst_SkuAudit::init()
{
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
    m_audit = std::make_unique<SkuAudit>(m_connection->database(), nullptr, nullptr);
}

void tst_SkuAudit::cleanup()
{
    m_audit.reset();
    m_connection.reset();
    m_cache.reset();
}

Result<SkuAuditSummary> tst_SkuAudit::record(const std::vector<CatalogueRow> &prima,
                                             const std::vector<CatalogueRow> &sitoo)
{
    SkuAuditOptions options;
    options.eshopId = 1;
    return m_audit->record(options, prima, sitoo, 0, 0, QDateTime::currentDateTimeUtc());
}

QList<ExceptionRecord> tst_SkuAudit::exceptions(const QString &state)
{
    QList<ExceptionRecord> records;
    QSqlQuery query(m_connection->database());
    query.prepare(u"SELECT id FROM exceptions WHERE state = ? ORDER BY entity_id"_s);
    query.addBindValue(state);
    if (!query.exec())
        return records;
    while (query.next())
        records.append(ExceptionRepository(m_connection->database()).load(query.value(0).toLongLong()).value());
    return records;
}

void tst_SkuAudit::findingsBecomeExceptionsAndTheRunIsKept()
{
    const std::vector<CatalogueRow> prima{row(u"A"_s, 1000), row(u"P"_s, 5900), row(u"ONLYP"_s, 100)};
    std::vector<CatalogueRow> sitoo{row(u"A"_s, 1000), row(u"P"_s, 5500), row(u"ONLYS"_s, 100)};
    sitoo[2].productId = 77;
    auto summary = record(prima, sitoo);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->run.onlyInPrima, 1);
    QCOMPARE(summary->run.onlyInSitoo, 1);
    QCOMPARE(summary->run.fieldMismatch, 1);
    QCOMPARE(summary->raised, 3);
    QVERIFY(summary->run.id > 0);

    const QList<ExceptionRecord> open = exceptions(u"open"_s);
    QCOMPARE(open.size(), 3);
    QCOMPARE(open.at(0).entityId, u"1/ONLYP"_s);
    QCOMPARE(open.at(0).kind, ExceptionKind::CatalogOnlyInPrima);
    QCOMPARE(open.at(1).entityId, u"1/ONLYS"_s);
    QCOMPARE(open.at(1).kind, ExceptionKind::CatalogOnlyInSitoo);
    QCOMPARE(open.at(1).owner, OwnerTeam::Data);
    QCOMPARE(open.at(1).details.value(u"sitoo").toObject().value(u"productid").toInteger(), 77);
    QCOMPARE(open.at(2).kind, ExceptionKind::CatalogFieldMismatch);
    QVERIFY2(open.at(2).explanation.contains(u"Price: Prima 59.00 GBP, Sitoo 55.00 GBP"),
             qPrintable(open.at(2).explanation));

    const QSqlDatabase db = m_connection->database();
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM sku_audit_runs"_s), 1);
    QCOMPARE(scalar(db, u"SELECT only_in_sitoo + only_in_prima + field_mismatch FROM sku_audit_runs"_s), 3);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM audit_events WHERE action = 'catalogue.sku-audit'"_s), 1);

    // The same catalogues again: nothing new, nothing resolved, a second run for the trend.
    auto again = record(prima, sitoo);
    QVERIFY(again.ok());
    QCOMPARE(again->raised, 0);
    QCOMPARE(again->stillOpen, 3);
    QCOMPARE(again->run.autoResolved, 0);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM sku_audit_runs"_s), 2);
    QCOMPARE(exceptions(u"open"_s).size(), 3);
}

void tst_SkuAudit::aLaterRunAutoResolvesWhatItNoLongerFinds()
{
    const std::vector<CatalogueRow> prima{row(u"A"_s, 1000), row(u"P"_s, 5900)};
    std::vector<CatalogueRow> sitoo{row(u"A"_s, 1000), row(u"P"_s, 5500)};
    QVERIFY(record(prima, sitoo).ok());
    QCOMPARE(exceptions(u"open"_s).size(), 1);

    sitoo[1].price = Money(5900, Currency::of(u"GBP")); // someone fixed the price in Sitoo
    auto fixed = record(prima, sitoo);
    QVERIFY2(fixed.ok(), qPrintable(fixed.errorString()));
    QCOMPARE(fixed->run.findings(), 0);
    QCOMPARE(fixed->run.autoResolved, 1);
    QVERIFY(fixed->isClean());
    QCOMPARE(exceptions(u"open"_s).size(), 0);
    const QList<ExceptionRecord> resolved = exceptions(u"auto-resolved"_s);
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().entityId, u"1/P"_s);
    QVERIFY2(resolved.first().resolutionReason.contains(u"Not found again by SKU audit run %1"_s.arg(fixed->run.id)),
             qPrintable(resolved.first().resolutionReason));

    // A mismatch that turns into "only in Prima" closes the old kind and opens the new one.
    std::vector<CatalogueRow> sitooWithoutP{row(u"A"_s, 1000)};
    auto changed = record(prima, sitooWithoutP);
    QVERIFY(changed.ok());
    QCOMPARE(changed->raised, 1);
    QCOMPARE(exceptions(u"open"_s).first().kind, ExceptionKind::CatalogOnlyInPrima);
}

void tst_SkuAudit::deactivationNeedsAnApproverAndIsAudited()
{
    ScenarioOptions options;
    options.seed = 3;
    options.storeCount = 1;
    options.tradingDays = 1;
    options.styleCount = 2;
    SitooEmulator emulator(ScenarioGenerator(options).generate());
    QVERIFY(emulator.listen());
    const qint64 productId = emulator.addProduct(
        1, QJsonObject{{u"sku"_s, u"POS-ONLY-1"_s}, {u"title"_s, u"Made at the till"_s},
                       {u"moneyprice"_s, u"12.00"_s}, {u"activepos"_s, true}, {u"active"_s, true}});
    QVERIFY(productId > 0);

    MemorySecretStore secrets;
    ConnectionSettings settings;
    settings.sitooBaseUrl = emulator.baseUrl();
    settings.sitooAccountId = emulator.credentials().accountId;
    settings.sitooApiId = emulator.credentials().apiId;
    QVERIFY(Tillbridge::Test::storeSecrets(secrets, {{settings.sitooPasswordKey(), emulator.credentials().password}}));
    SitooClient sitoo(&secrets);
    QVERIFY(sitoo.setConnection(settings).ok());
    SkuAudit audit(m_connection->database(), &sitoo, nullptr);

    std::vector<CatalogueRow> sitooRows{row(u"POS-ONLY-1"_s, 1200)};
    sitooRows.front().productId = productId;
    SkuAuditOptions auditOptions;
    QVERIFY(audit.record(auditOptions, {}, sitooRows, 0, 0, {}).ok());
    const QList<ExceptionRecord> open = exceptions(u"open"_s);
    QCOMPARE(open.size(), 1);
    const qint64 exceptionId = open.first().id;

    {
        DbTransaction tx(m_connection->database());
        UserRepository users(m_connection->database());
        QVERIFY(users.create(tx, u"pat"_s, u"Pat Preparer"_s, UserRole::Preparer, u"correct horse"_s, u"admin"_s).ok());
        QVERIFY(users.create(tx, u"ann"_s, u"Ann Approver"_s, UserRole::Approver, u"battery staple"_s, u"admin"_s).ok());
        QVERIFY(tx.commit().ok());
    }
    const auto deactivate = [&](const QString &user) {
        std::optional<Status> result;
        audit.deactivateInPos(exceptionId, user, u"Not a real product; created by mistake at the till"_s, this,
                              [&result](const Status &status) { result = status; });
        QDeadlineTimer deadline(30000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return result.value_or(Status(Error{ErrorCode::Network, u"timed out"_s}));
    };

    const QSqlDatabase db = m_connection->database();
    const Status refused = deactivate(u"pat"_s);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM audit_events WHERE action = 'catalogue.pos-deactivation-refused'"_s), 1);
    QCOMPARE(emulator.product(1, u"POS-ONLY-1"_s)->value(u"activepos"_s).toBool(), true); // Sitoo untouched
    QCOMPARE(deactivate(u"nobody"_s).error().code, ErrorCode::PermissionDenied);

    const Status done = deactivate(u"ann"_s);
    QVERIFY2(done.ok(), qPrintable(done.errorString()));
    QCOMPARE(emulator.product(1, u"POS-ONLY-1"_s)->value(u"activepos"_s).toBool(), false);
    const ExceptionRecord closed = ExceptionRepository(db).load(exceptionId).value();
    QCOMPARE(closed.state, ExceptionState::Resolved);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM audit_events WHERE action = 'catalogue.pos-deactivated' "
                        "AND actor = 'ann'"_s),
             1);
    // A closed exception cannot be deactivated twice.
    QCOMPARE(deactivate(u"ann"_s).error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(tst_SkuAudit)
#include "tst_skuaudit.moc"
