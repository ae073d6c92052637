// SPDX-License-Identifier: GPL-3.0-or-later
// The headless engine's configuration file: defaults, relative paths, and errors that name the field.
#include "core/engine/syncconfig.h"

#include <QTest>

using namespace Tillbridge::Core;


class tst_SyncConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalFileGetsDefaults();
    void everythingSet();
    void errorsNameTheField_data();
    void errorsNameTheField();
};

// After the class: moc's parser trips over raw string literals that come before it.
namespace {
const QByteArray kMinimal = R"({
  "cache": "cache.sqlite",
  "sitoo": {"baseUrl": "https://api.mysitoo.com/v2/accounts/90001", "accountId": "90001", "apiId": "90001-1"},
  "prima": {"baseUrl": "https://erp.example.com/prima/v1"}
})";
}

void tst_SyncConfig::minimalFileGetsDefaults()
{
    const auto config = SyncConfig::fromJson(kMinimal, QStringLiteral("/etc/tillbridge"));
    QVERIFY2(config.ok(), qPrintable(config.errorString()));
    QCOMPARE(config->cachePath, QStringLiteral("/etc/tillbridge/cache.sqlite"));
    QCOMPARE(config->connections.sitooApiId, QStringLiteral("90001-1"));
    QCOMPARE(config->connections.sitooEshopId, 1);
    QCOMPARE(config->credentials, SyncConfig::Credentials::Keychain);
    QCOMPARE(config->schedule.orderPullSeconds, 60);
    QCOMPARE(config->schedule.postingBatchSize, 100);
    QVERIFY(config->mappingsFile.isEmpty());
}

void tst_SyncConfig::everythingSet()
{
    const QByteArray json = R"({
      "cache": "/var/lib/tillbridge/cache.sqlite",
      "sitoo": {"baseUrl": "http://127.0.0.1:8080/v2/accounts/90002", "accountId": "90002", "apiId": "90002-1",
                "eshopId": 2},
      "prima": {"baseUrl": "http://127.0.0.1:8081/prima/v1"},
      "mappings": "maps/mappings.json",
      "credentials": "environment",
      "schedule": {"orderPullSeconds": 30, "orderPageSize": 250, "postingBatchSize": 50,
                   "primaRequestsPerSecond": 2.5}
    })";
    const auto config = SyncConfig::fromJson(json, QStringLiteral("/srv/tb"));
    QVERIFY2(config.ok(), qPrintable(config.errorString()));
    QCOMPARE(config->cachePath, QStringLiteral("/var/lib/tillbridge/cache.sqlite"));
    QCOMPARE(config->mappingsFile, QStringLiteral("/srv/tb/maps/mappings.json"));
    QCOMPARE(config->credentials, SyncConfig::Credentials::Environment);
    QCOMPARE(config->connections.sitooEshopId, 2);
    QCOMPARE(config->schedule.orderPullSeconds, 30);
    QCOMPARE(config->schedule.orderPageSize, 250);
    QCOMPARE(config->schedule.postingBatchSize, 50);
    QCOMPARE(config->schedule.primaRequestsPerSecond, 2.5);
}

void tst_SyncConfig::errorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
    QTest::newRow("no cache") << QByteArray(R"({"sitoo":{}})") << "\"cache\"";
    QTest::newRow("no sitoo") << QByteArray(R"({"cache":"c"})") << "\"sitoo\" needs";
    QByteArray noPrima = kMinimal;
    noPrima.replace("https://erp.example.com/prima/v1", "");
    QTest::newRow("no prima") << noPrima << "\"prima\" needs";
    QByteArray credentials = kMinimal;
    credentials.replace("\"cache\"", "\"credentials\": \"file\", \"cache\"");
    QTest::newRow("bad credentials") << credentials << "\"credentials\"";
    QByteArray schedule = kMinimal;
    schedule.replace("\"cache\"", "\"schedule\": {\"orderPageSize\": -1}, \"cache\"");
    QTest::newRow("bad page size") << schedule << "schedule.orderPageSize";
    QByteArray batch = kMinimal;
    batch.replace("\"cache\"", "\"schedule\": {\"postingBatchSize\": 500}, \"cache\"");
    QTest::newRow("batch above Prima's limit") << batch << "limit of 100";
    QByteArray scheme = kMinimal;
    scheme.replace("https://erp.example.com", "ftp://erp.example.com");
    QTest::newRow("not http") << scheme << "Prima address";
}

void tst_SyncConfig::errorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto config = SyncConfig::fromJson(json, QStringLiteral("/etc/tillbridge"));
    QVERIFY(!config.ok());
    QVERIFY2(config.errorString().contains(message), qPrintable(config.errorString()));
}

QTEST_GUILESS_MAIN(tst_SyncConfig)
#include "tst_syncconfig.moc"
