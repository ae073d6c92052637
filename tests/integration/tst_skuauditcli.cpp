// SPDX-License-Identifier: GPL-3.0-or-later
// `tillbridge-cli sku-audit` against the sandbox: the POS-created product is the one finding (exit 1, counts in the
// JSON line), the run and its exception are in the cache, and a usage error exits 2.
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/storage/cache.h"

#include "tests/testutils/sqltestutils.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;

class tst_SkuAuditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsThePosCreatedProduct();
    void aMissingConfigurationIsAUsageError();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<DemoSandbox> m_sandbox;
    SandboxEndpoints m_endpoints;
    QString m_config;
};

void tst_SkuAuditCli::initTestCase()
{
    DemoSandboxOptions options;
    options.scenario.seed = 5;
    options.scenario.storeCount = 2;
    options.scenario.tradingDays = 1;
    options.scenario.defectRate = 0.1; // defects include the product created at a till
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY2(endpoints.ok(), qPrintable(endpoints.errorString()));
    m_endpoints = *endpoints;

    m_config = m_dir.filePath(u"tillbridge.json"_s);
    const QJsonObject config{
        {u"cache"_s, u"cache.sqlite"_s},
        {u"sitoo"_s, QJsonObject{{u"baseUrl"_s, m_endpoints.sitooBaseUrl.toString()},
                                 {u"accountId"_s, m_endpoints.sitooAccountId},
                                 {u"apiId"_s, m_endpoints.sitooApiId},
                                 {u"eshopId"_s, 1}}},
        {u"prima"_s, QJsonObject{{u"baseUrl"_s, m_endpoints.primaBaseUrl.toString()}}},
        {u"credentials"_s, u"environment"_s},
    };
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
}

tst_SkuAuditCli::Run tst_SkuAuditCli::cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TILLBRIDGE_SITOO_PASSWORD"_s, m_endpoints.sitooPassword);
    environment.insert(u"TILLBRIDGE_PRIMA_TOKEN"_s, m_endpoints.primaToken);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TILLBRIDGE_CLI), arguments);
    // The sandbox answers from this thread's event loop, so keep it turning while the CLI runs.
    QDeadlineTimer deadline(120000);
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

void tst_SkuAuditCli::findsThePosCreatedProduct()
{
    const Run run = cli({u"sku-audit"_s, u"--config"_s, m_config, u"--json"_s});
    QVERIFY2(run.exitCode == 1, QByteArray(QByteArray::number(run.exitCode) + " " + run.err.right(600).replace('\n', ' ')).constData());
    const QJsonObject line = QJsonDocument::fromJson(run.out.trimmed()).object();
    QVERIFY2(!line.isEmpty(), run.out.constData());
    QCOMPARE(line.value(u"only_in_sitoo"_s).toInt(), 1); // the pink T-shirt made at a till
    QCOMPARE(line.value(u"only_in_prima"_s).toInt(), 0);
    QCOMPARE(line.value(u"field_mismatch"_s).toInt(), 0);
    QCOMPARE(line.value(u"prima_items"_s).toInt(), int(m_sandbox->scenario().catalogue().size()));
    QCOMPARE(line.value(u"run"_s).toInt(), 1);

    // Text output, second run: the same finding, still open, no auto-resolution.
    const Run text = cli({u"sku-audit"_s, u"--config"_s, m_config});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("CATALOG_ONLY_IN_SITOO   1"), text.out.constData());

    auto db = openCache(DatabaseConnection::Options{m_dir.filePath(u"cache.sqlite"_s), u"check"_s});
    QVERIFY2(db.ok(), qPrintable(db.errorString()));
    QCOMPARE(Tillbridge::Test::scalar((*db)->database(), u"SELECT COUNT(*) FROM sku_audit_runs"_s), 2);
    QCOMPARE(Tillbridge::Test::scalar((*db)->database(),
                                      u"SELECT COUNT(*) FROM exceptions WHERE kind = 'CATALOG_ONLY_IN_SITOO' "
                                      "AND state = 'open' AND entity_id LIKE '1/%-PNK-M'"_s),
             1);
}

void tst_SkuAuditCli::aMissingConfigurationIsAUsageError()
{
    QCOMPARE(cli({u"sku-audit"_s}).exitCode, 2);
    QCOMPARE(cli({u"sku-audit"_s, u"--config"_s, m_dir.filePath(u"nope.json"_s)}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_SkuAuditCli)
#include "tst_skuauditcli.moc"
