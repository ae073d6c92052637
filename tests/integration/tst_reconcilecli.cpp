// SPDX-License-Identifier: GPL-3.0-or-later
// `tillbridge-cli reconcile` and `close-pack` end to end against the sandbox on 127.0.0.1: a clean scenario is
// synced and reconciled with no false positives (Sitoo orders, Z-reports and Prima's ledger agree per store and
// day); a variance seeded into the cache is found with its amount, store and day; the close pack's CSV files parse
// as RFC 4180 and its JSON carries the audit chain's head.
#include "core/reconciliation/tradingday.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/storage/auditchain.h"
#include "core/storage/cache.h"

#include "tests/testutils/sqltestutils.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;

namespace {

/** A strict RFC 4180 reader: returns the records, or nothing when the text is not well-formed. */
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            quoted = fieldWasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return std::nullopt; // records end with CRLF
            ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\n') {
            return std::nullopt;
        } else {
            if (fieldWasQuoted)
                return std::nullopt; // text after a closing quote
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        return std::nullopt; // the last record must end with CRLF too
    return records;
}

} // namespace

class tst_ReconcileCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanDaysGiveNoFalsePositives();
    void seededVarianceIsFound();
    void closePackIsParseable();
    void usageErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &arguments);
    QSqlDatabase db();

    QTemporaryDir m_dir;
    std::unique_ptr<DemoSandbox> m_sandbox;
    SandboxEndpoints m_endpoints;
    QString m_config;
    DatabaseConnectionPtr m_db;
    QDate m_day;
    QString m_storeName;
    qint64 m_storeId = 0;
};

void tst_ReconcileCli::initTestCase()
{
    DemoSandboxOptions options;
    options.scenario.seed = 11;
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 1;
    options.scenario.defectRate = 0.0;
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY2(endpoints.ok(), qPrintable(endpoints.errorString()));
    m_endpoints = *endpoints;

    QFile mappings(m_dir.filePath(u"mappings.json"_s));
    QVERIFY(mappings.open(QIODevice::WriteOnly));
    mappings.write(DemoSandbox::demoMappingsJson(m_sandbox->scenario()));
    mappings.close();
    m_config = m_dir.filePath(u"tillbridge.json"_s);
    const QJsonObject config{
        {u"cache"_s, u"cache.sqlite"_s},
        {u"mappings"_s, u"mappings.json"_s},
        {u"sitoo"_s, QJsonObject{{u"baseUrl"_s, m_endpoints.sitooBaseUrl.toString()},
                                 {u"accountId"_s, m_endpoints.sitooAccountId},
                                 {u"apiId"_s, m_endpoints.sitooApiId},
                                 {u"eshopId"_s, 1}}},
        {u"prima"_s, QJsonObject{{u"baseUrl"_s, m_endpoints.primaBaseUrl.toString()}}},
        {u"schedule"_s, QJsonObject{{u"primaRequestsPerSecond"_s, 1000}}},
        {u"credentials"_s, u"environment"_s},
        {u"reconciliation"_s, QJsonObject{{u"toleranceMinor"_s, 0}}},
    };
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();

    const Run sync = cli({u"sync"_s, u"--once"_s, u"--config"_s, m_config});
    QVERIFY2(sync.exitCode == 0 || sync.exitCode == 1, sync.err.constData());

    auto connection = openCache(DatabaseConnection::Options{m_dir.filePath(u"cache.sqlite"_s), u"check"_s});
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_db = *connection;
    QVERIFY(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM pos_orders WHERE state = 'posted'"_s) > 0);
    // The trading day of the first posted order, in its store's zone.
    QSqlQuery query(db());
    QVERIFY(query.exec(u"SELECT o.order_date, s.time_zone, s.name, s.id FROM pos_orders o "
                       "JOIN stores s ON s.id = o.store_id WHERE o.state = 'posted' ORDER BY o.order_date LIMIT 1"_s));
    QVERIFY(query.next());
    m_day = TradingDay::localDay(QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs),
                                 query.value(1).toString());
    m_storeName = query.value(2).toString();
    m_storeId = query.value(3).toLongLong();
    query.finish();
    QVERIFY(m_day.isValid());
}

tst_ReconcileCli::Run tst_ReconcileCli::cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TILLBRIDGE_SITOO_PASSWORD"_s, m_endpoints.sitooPassword);
    environment.insert(u"TILLBRIDGE_PRIMA_TOKEN"_s, m_endpoints.primaToken);
    environment.insert(u"LC_ALL"_s, u"en_GB.UTF-8"_s); // the summary line's words are checked in English
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TILLBRIDGE_CLI), arguments);
    // The sandbox answers from this thread's event loop, so keep it turning while the CLI runs.
    QDeadlineTimer deadline(180000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        process.waitForFinished(10);
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QSqlDatabase tst_ReconcileCli::db()
{
    return m_db->database();
}

void tst_ReconcileCli::cleanDaysGiveNoFalsePositives()
{
    const Run run = cli({u"reconcile"_s, u"--config"_s, m_config, u"--date"_s, m_day.toString(Qt::ISODate)});
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QCOMPARE(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'"_s), 0);
    QVERIFY(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM reconciliation_results WHERE status = 'matched' "
                                            "AND kind = 'tender' AND zreport_minor IS NOT NULL"_s)
            > 0);
    QCOMPARE(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM reconciliation_results WHERE status <> 'matched'"_s),
             0);
    QVERIFY(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM tax_variance_daily"_s) > 0);
    // One JSON line per store-day, then the summary line.
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QVERIFY(QJsonDocument::fromJson(lines.constFirst()).object().value(u"matched"_s).toBool());
    // The summary counts in English words: "2 stores, 14 lines matched", never "2 store(s)".
    const QString summary = QString::fromUtf8(lines.constLast());
    static const QRegularExpression counted(u"^\\d{4}-\\d\\d-\\d\\d: \\d+ stores?, \\d+ lines? matched, 0 with a "
                                            "variance, 0 silent stores$"_s);
    QVERIFY2(counted.match(summary).hasMatch(), qPrintable(summary));
}

void tst_ReconcileCli::seededVarianceIsFound()
{
    // Given: the cache lost 10.00 of one posted card payment of the store (Prima and the Z-report still have it).
    QSqlQuery query(db());
    QVERIFY(query.exec(u"SELECT p.order_id, p.payment_index, p.method_name FROM pos_order_payments p "
                       "JOIN pos_orders o ON o.id = p.order_id WHERE o.store_id = "_s
                       + QString::number(m_storeId) + u" AND o.state = 'posted' AND p.amount_minor > 2000 "
                                                      "ORDER BY o.order_date LIMIT 1"_s));
    QVERIFY(query.next());
    const qint64 orderId = query.value(0).toLongLong();
    const int index = query.value(1).toInt();
    const QString method = query.value(2).toString();
    query.finish(); // an open statement would pin this connection's snapshot from before the CLI's run
    QVERIFY(Tillbridge::Test::execSql(db(), u"UPDATE pos_order_payments SET amount_minor = amount_minor - 1000 "
                                             "WHERE order_id = %1 AND payment_index = %2"_s.arg(orderId).arg(index)));
    // When
    const Run run = cli({u"reconcile"_s, u"--config"_s, m_config, u"--date"_s, m_day.toString(Qt::ISODate)});
    // Then: exit 1, one PAYOUT_VARIANCE for that store and day, the difference -10.00 against Prima.
    QVERIFY2(run.exitCode == 1, QByteArray(run.out + run.err).constData());
    QCOMPARE(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM exceptions WHERE kind = 'PAYOUT_VARIANCE' "
                                             "AND state = 'open'"_s),
             1);
    QSqlQuery exception(db());
    QVERIFY(exception.exec(u"SELECT entity_id, explanation, store_id FROM exceptions WHERE kind = 'PAYOUT_VARIANCE'"_s));
    QVERIFY(exception.next());
    QCOMPARE(exception.value(0).toString(), u"%1:%2"_s.arg(m_storeId).arg(m_day.toString(Qt::ISODate)));
    QCOMPARE(exception.value(2).toLongLong(), m_storeId);
    const QString explanation = exception.value(1).toString().replace(QChar::Nbsp, u' ');
    QVERIFY2(explanation.contains(u"difference -10.00"_s), qPrintable(explanation));
    QVERIFY2(explanation.contains(method + u": Sitoo orders"_s), qPrintable(explanation)); // and vs the Z-report
    exception.finish();
    QCOMPARE(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM reconciliation_results WHERE status = 'variance' "
                                             "AND difference_minor = -1000 AND store_id = "_s
                                                 + QString::number(m_storeId)),
             1);
    // The other store's day stays clean.
    QCOMPARE(Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM reconciliation_results WHERE status = 'variance' "
                                             "AND store_id <> "_s + QString::number(m_storeId)),
             0);
}

void tst_ReconcileCli::closePackIsParseable()
{
    const QString out = m_dir.filePath(u"pack"_s);
    const QString period = m_day.toString(u"yyyy-MM"_s);
    const Run run = cli({u"close-pack"_s, u"--period"_s, period, u"--out"_s, out, u"--db"_s,
                         m_dir.filePath(u"cache.sqlite"_s)});
    // Written, but the gates do not all pass (no SKU audit, an open variance): exit 1.
    QVERIFY2(run.exitCode == 1, QByteArray(run.out + run.err).constData());
    for (const QString &name : {u"reconciliation.csv"_s, u"tax_by_rate.csv"_s, u"exceptions.csv"_s,
                               u"signoffs.csv"_s, u"overrides.csv"_s}) {
        QFile file(QDir(out).filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        const auto records = parseCsv(file.readAll());
        QVERIFY2(records, qPrintable(name + u" is not RFC 4180"_s));
        QVERIFY2(!records->isEmpty(), qPrintable(name));
        for (const QStringList &record : *records)
            QCOMPARE(record.size(), records->constFirst().size());
        if (name == u"reconciliation.csv") {
            QCOMPARE(records->size() - 1,
                     Tillbridge::Test::scalar(db(), u"SELECT COUNT(*) FROM reconciliation_results"_s));
            QCOMPARE(records->constFirst().at(9), u"difference"_s);
            bool found = false;
            for (const QStringList &record : *records)
                found = found || (record.at(11) == u"variance" && record.at(9) == u"-10.00");
            QVERIFY(found);
        }
        if (name == u"signoffs.csv") {
            QCOMPARE(records->size(), 1 + 6);
            // The explanations hold commas and are quoted.
        }
    }
    QFile summaryFile(QDir(out).filePath(u"summary.json"_s));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject summary = QJsonDocument::fromJson(summaryFile.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(summary.value(u"period"_s).toString(), period);
    QCOMPARE(summary.value(u"gates"_s).toArray().size(), 6);
    QCOMPARE(summary.value(u"all_gates_pass"_s).toBool(), false);
    QCOMPARE(summary.value(u"exceptions_by_kind"_s).toObject().value(u"PAYOUT_VARIANCE"_s).toInt(), 1);
    const auto head = AuditChain::head(db());
    QVERIFY(head.ok());
    const QJsonObject audit = summary.value(u"audit_chain"_s).toObject();
    QVERIFY(audit.value(u"intact"_s).toBool());
    QCOMPARE(audit.value(u"head_hash"_s).toString(), QString::fromLatin1(head->hash));
    QCOMPARE(audit.value(u"head_seq"_s).toInteger(), head->seq);
}

void tst_ReconcileCli::usageErrors()
{
    QCOMPARE(cli({u"close-pack"_s, u"--out"_s, m_dir.filePath(u"x"_s)}).exitCode, 2);
    QCOMPARE(cli({u"close-pack"_s, u"--period"_s, u"2026-13"_s, u"--out"_s, m_dir.filePath(u"x"_s), u"--db"_s,
                  m_dir.filePath(u"cache.sqlite"_s)})
                 .exitCode,
             2);
    QCOMPARE(cli({u"close-pack"_s, u"--period"_s, u"2026-10"_s, u"--out"_s, m_dir.filePath(u"x"_s), u"--db"_s,
                  m_dir.filePath(u"nope.sqlite"_s)})
                 .exitCode,
             2);
    QCOMPARE(cli({u"reconcile"_s}).exitCode, 2);
    QCOMPARE(cli({u"reconcile"_s, u"--config"_s, m_config, u"--date"_s, u"yesterday"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_ReconcileCli)
#include "tst_reconcilecli.moc"
