// SPDX-License-Identifier: GPL-3.0-or-later
// tillbridge-cli end to end: exit codes and output of `audit verify`, `audit export-head`, `db migrate`,
// `validate-orders` and `mappings import`.
#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/schemamigrator.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(TILLBRIDGE_CLI), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void tamper(const QString &path, const QString &statement)
{
    const auto connection = Tillbridge::Test::openRaw(path);
    QVERIFY(connection);
    QVERIFY(Tillbridge::Test::dropAuditTriggers(connection->database()));
    QVERIFY(Tillbridge::Test::execSql(connection->database(), statement));
}

void appendEvents(const TempCache &cache, int count)
{
    auto connection = cache.open();
    QVERIFY(connection.ok());
    DbTransaction tx((*connection)->database());
    for (int i = 0; i < count; ++i) {
        AuditEvent event;
        event.actor = QStringLiteral("system");
        event.action = QStringLiteral("order.posted");
        event.entityType = QStringLiteral("order");
        event.entityId = QString::number(i);
        QVERIFY(AuditChain::append(tx, event).ok());
    }
    QVERIFY(tx.commit().ok());
}
} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndUsage();
    void migrateCreatesACache();
    void verifyIntactChain();
    void verifyNamesTheFirstBadEntry();
    void anchorCatchesTruncation();
    void missingCacheIsAConfigurationError();
    void validateOrdersPrintsOneVerdictPerOrder();
    void mappingsImportPreviewsThenReleases();
    void usersAddAndList();
};

void tst_Cli::versionAndUsage()
{
    const Run version = cli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(u"tillbridge-cli 0."));

    const Run none = cli({});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.out.contains(u"audit verify"));

    const Run unknown = cli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(u"Unknown command"));

    const Run help = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"--anchor"));

    const Run badOption = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--nope")});
    QCOMPARE(badOption.exitCode, 2);
}

void tst_Cli::usersAddAndList()
{
    TempCache cache;
    const auto add = [&cache](const QStringList &arguments, const QByteArray &password) {
        QProcess process;
        process.start(QStringLiteral(TILLBRIDGE_CLI),
                      QStringList{QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--db"), cache.path()}
                          + arguments);
        process.write(password + '\n');
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    QCOMPARE(add({QStringLiteral("anna"), QStringLiteral("--role"), QStringLiteral("approver"),
                  QStringLiteral("--display-name"), QStringLiteral("Anna Ek")},
                 "a long enough password")
                 .first,
             0);
    // A short password and an unknown role are refused with a reason; nothing is created.
    const auto weak = add({QStringLiteral("bo"), QStringLiteral("--role"), QStringLiteral("preparer")}, "short");
    QCOMPARE(weak.first, 2);
    QVERIFY2(!weak.second.isEmpty(), "no reason given");
    QCOMPARE(add({QStringLiteral("cid"), QStringLiteral("--role"), QStringLiteral("boss")}, "a long enough password")
                 .first,
             2);
    const Run list = cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("anna")) && list.out.contains(QStringLiteral("approver")),
             qPrintable(list.out));
    QVERIFY(!list.out.contains(QStringLiteral("bo ")));
    QVERIFY(!list.out.contains(QStringLiteral("a long enough password")));
}

void tst_Cli::migrateCreatesACache()
{
    TempCache cache;
    const Run run = cli({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("schema version %1").arg(SchemaMigrator::latestVersion())),
             qPrintable(run.out));
    QVERIFY(QFile::exists(cache.path()));
}

void tst_Cli::verifyIntactChain()
{
    TempCache cache;
    appendEvents(cache, 250);
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const auto head = AuditChain::head((*connection)->database());

    const Run run = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Audit trail intact: %1 entries.").arg(head->seq)), qPrintable(run.out));
    QVERIFY(run.out.contains(QString::fromLatin1(head->hash)));

    const Run json = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), cache.path(),
                          QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(u"intact").toBool(), true);
    QCOMPARE(object.value(u"head_seq").toInteger(), head->seq);
    QCOMPARE(object.value(u"head_hash").toString(), QString::fromLatin1(head->hash));
}

void tst_Cli::verifyNamesTheFirstBadEntry()
{
    TempCache cache;
    appendEvents(cache, 100);
    tamper(cache.path(), QStringLiteral("UPDATE audit_events SET entity_id = '99' WHERE seq = 42"));

    const Run run = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"First bad entry: 42 (modified)"), qPrintable(run.out));

    const Run json = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), cache.path(),
                          QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(u"first_bad_seq").toInteger(), qint64(42));
    QCOMPARE(object.value(u"problem").toString(), QStringLiteral("modified"));

    // A broken chain's head is never exported as an anchor.
    const Run exported = cli({QStringLiteral("audit"), QStringLiteral("export-head"), QStringLiteral("--db"),
                              cache.path()});
    QCOMPARE(exported.exitCode, 1);
    QVERIFY(exported.err.contains(u"does not verify"));
}

void tst_Cli::anchorCatchesTruncation()
{
    TempCache cache;
    appendEvents(cache, 30);
    const QString anchorFile = cache.dirPath() + QStringLiteral("/anchor.json");
    const Run exported = cli({QStringLiteral("audit"), QStringLiteral("export-head"), QStringLiteral("--db"),
                              cache.path(), QStringLiteral("--out"), anchorFile});
    QCOMPARE(exported.exitCode, 0);
    const auto anchor = AuditAnchor::load(anchorFile);
    QVERIFY(anchor.ok());
    QCOMPARE(anchor->seq, qint64(SchemaMigrator::latestVersion() + 30)); // the migrations' events, then ours

    tamper(cache.path(), QStringLiteral("DELETE FROM audit_events WHERE seq > 31"));
    const Run withoutAnchor = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"),
                                   cache.path()});
    QCOMPARE(withoutAnchor.exitCode, 0); // consistent in itself: only the anchor can tell
    const Run withAnchor = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"),
                                cache.path(), QStringLiteral("--anchor"), anchorFile});
    QCOMPARE(withAnchor.exitCode, 1);
    QVERIFY2(withAnchor.out.contains(u"First bad entry: 32 (truncated)"), qPrintable(withAnchor.out));
}

void tst_Cli::missingCacheIsAConfigurationError()
{
    TempCache cache;
    const QString missing = cache.dirPath() + QStringLiteral("/nothing-here.sqlite");
    const Run run = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"There is no cache"));
    QVERIFY(!QFile::exists(missing)); // a check never creates what it checks
    const Run noDb = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(noDb.exitCode, 2);
    QVERIFY(noDb.err.contains(u"--db"));
}

void tst_Cli::validateOrdersPrintsOneVerdictPerOrder()
{
    // sitoo-api.md §5.2 (a sale) and §5.3 (its refund) in one /orders.json page.
    const QString orders = QStringLiteral(TILLBRIDGE_SITOO_DATA "/orders-page.json");
    TempCache folder;
    const QString mappings = folder.dirPath() + QStringLiteral("/mappings.json");
    QFile file(mappings);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"store":{"200":"STO-01"},"tax_rate":{"25":"SE25"},"payment_method":{"Card":"CARD",)"
               R"("Gift Card":"GIFT"},"promotion":{"SPRING20":"P-SPRING"},"refund_reason":{"102":"RESTOCK"}})");
    file.close();

    const Run mapped = cli({QStringLiteral("validate-orders"), QStringLiteral("--orders"), orders,
                            QStringLiteral("--mappings"), mappings});
    QCOMPARE(mapped.exitCode, 0);
    const QStringList lines = mapped.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject sale = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    QCOMPARE(sale.value(u"orderid").toInteger(), qint64(20001));
    QCOMPARE(sale.value(u"verdict").toString(), QStringLiteral("ready"));
    QCOMPARE(QJsonDocument::fromJson(lines[1].toUtf8()).object().value(u"verdict").toString(), QStringLiteral("ready"));

    // Without mappings nothing can post: each order is quarantined and says why.
    const Run unmapped = cli({QStringLiteral("validate-orders"), QStringLiteral("--orders"), orders});
    QCOMPARE(unmapped.exitCode, 1);
    const QJsonObject first = QJsonDocument::fromJson(unmapped.out.split(u'\n').first().toUtf8()).object();
    QCOMPARE(first.value(u"verdict").toString(), QStringLiteral("quarantined"));
    QStringList kinds;
    for (const QJsonValue &exception : first.value(u"exceptions").toArray())
        kinds.append(exception.toObject().value(u"kind").toString());
    QVERIFY2(kinds.contains(u"UNMAPPED_STORE") && kinds.contains(u"UNMAPPED_PAYMENT_METHOD"), qPrintable(kinds.join(u',')));

    const Run missing = cli({QStringLiteral("validate-orders")});
    QCOMPARE(missing.exitCode, 2);
}

void tst_Cli::mappingsImportPreviewsThenReleases()
{
    namespace Review = Tillbridge::Test::Review;
    const QString sale = QStringLiteral(TILLBRIDGE_SITOO_DATA "/order-sale-20001.json");
    TempCache cache;
    auto quarantined = [&cache]() {
        auto connection = cache.open(QStringLiteral("check"));
        return connection.ok() ? Tillbridge::Test::scalar((*connection)->database(),
                                                          QStringLiteral("SELECT COUNT(*) FROM pos_orders WHERE "
                                                                         "state = 'quarantined'"))
                               : qint64(-1);
    };
    {
        auto connection = cache.open();
        QVERIFY(connection.ok());
        const QSqlDatabase db = (*connection)->database();
        QVERIFY(Review::seed(db).ok()); // no mapping for Gift Card or Swish
        Review::SaleShape swish;
        swish.giftPayment = QStringLiteral("Swish");
        const auto ingested = Review::ingest(db, {Review::saleOrder(sale, 60001), Review::saleOrder(sale, 60002),
                                                  Review::saleOrder(sale, 60003, swish)});
        QVERIFY(ingested.ok());
        QCOMPARE(ingested->quarantined, 3);
    }
    auto writeFile = [&cache](const QString &name, const QByteArray &json) {
        const QString path = cache.dirPath() + u'/' + name;
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(json);
        return path;
    };
    const QString giftCard = writeFile(QStringLiteral("gift.json"), R"({"payment_method":{"Gift Card":"GIFT"}})");

    const Run preview = cli({QStringLiteral("mappings"), QStringLiteral("import"), giftCard, QStringLiteral("--preview"),
                             QStringLiteral("--db"), cache.path()});
    QCOMPARE(preview.exitCode, 1); // an order stays quarantined
    QVERIFY2(preview.out.contains(u"This change releases 2 of 3 quarantined orders; 1 stay quarantined "
                                  u"(UNMAPPED_PAYMENT_METHOD 1)."),
             qPrintable(preview.out));
    QVERIFY2(preview.out.contains(u"Would release: 90001:60001 90001:60002"), qPrintable(preview.out));
    QVERIFY(preview.out.contains(u"nothing was changed"));
    QCOMPARE(quarantined(), qint64(3));

    const Run applied = cli({QStringLiteral("mappings"), QStringLiteral("import"), giftCard, QStringLiteral("--actor"),
                             QStringLiteral("anna"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(applied.exitCode, 1);
    QVERIFY2(applied.out.contains(u"This change released 2 of 3 quarantined orders; 1 stay quarantined "
                                  u"(UNMAPPED_PAYMENT_METHOD 1)."),
             qPrintable(applied.out));
    QVERIFY(applied.out.contains(u"Mappings: 1 added, 0 changed, 0 unchanged."));
    QCOMPARE(quarantined(), qint64(1));
    {
        auto connection = cache.open(QStringLiteral("check"));
        QVERIFY(connection.ok());
        const QSqlDatabase db = (*connection)->database();
        QCOMPARE(Tillbridge::Test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), qint64(2));
        QCOMPARE(Tillbridge::Test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                                             "'mapping.saved' AND actor = 'anna'")),
                 qint64(1));
    }

    const QString swish = writeFile(QStringLiteral("swish.json"), R"({"payment_method":{"Swish":"SWISH"}})");
    const Run rest = cli({QStringLiteral("mappings"), QStringLiteral("import"), swish, QStringLiteral("--actor"),
                          QStringLiteral("anna"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(rest.exitCode, 0);
    QVERIFY2(rest.out.contains(u"This change released 1 of 1 quarantined orders; 0 stay quarantined."),
             qPrintable(rest.out));
    QCOMPARE(quarantined(), qint64(0));

    const QString bad = writeFile(QStringLiteral("bad.json"), R"({"payment_method":{"Klarna":""}})");
    const Run refused = cli({QStringLiteral("mappings"), QStringLiteral("import"), bad, QStringLiteral("--actor"),
                             QStringLiteral("anna"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"Klarna"), qPrintable(refused.err));
    QCOMPARE(cli({QStringLiteral("mappings"), QStringLiteral("import"), QStringLiteral("--db"), cache.path()}).exitCode,
             2);
    const Run verified = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), cache.path()});
    QCOMPARE(verified.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
