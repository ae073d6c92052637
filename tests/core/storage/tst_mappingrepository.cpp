// SPDX-License-Identifier: GPL-3.0-or-later
// Mappings: save/lookup/remove with audited old -> new targets, VAT-rate key normalisation, and the all-or-nothing
// JSON import.
#include "core/storage/mappingrepository.h"

#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

class tst_MappingRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void saveLookupAndRemoveAreAudited();
    void refundReasonTargetsMustBeDispositions();
    void importAppliesAWholeFile();
    void importIsAllOrNothing();
    void importRefusesBrokenFiles_data();
    void importRefusesBrokenFiles();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }
    QJsonObject lastAudit(const char *action) const;

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_MappingRepository::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_MappingRepository::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

QJsonObject tst_MappingRepository::lastAudit(const char *action) const
{
    QSqlQuery query(db());
    query.prepare(QStringLiteral("SELECT details FROM audit_events WHERE action = ? ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(QString::fromLatin1(action));
    if (!query.exec() || !query.next())
        return {};
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

void tst_MappingRepository::saveLookupAndRemoveAreAudited()
{
    MappingRepository mappings(db());
    QVERIFY(mappings.lookup(MappingKind::TaxRate, QStringLiteral("25"))->has_value() == false);
    {
        DbTransaction tx(db());
        QVERIFY(mappings.save(tx, MappingKind::TaxRate, QStringLiteral("25.00"), QStringLiteral("SE25"),
                              QStringLiteral("anna"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    // "25.00" and "25" are one VAT rate.
    QCOMPARE(mappings.lookup(MappingKind::TaxRate, QStringLiteral("25"))->value_or(QString()), QStringLiteral("SE25"));
    QCOMPARE(mappings.lookup(MappingKind::TaxRate, QStringLiteral("25.0"))->value_or(QString()),
             QStringLiteral("SE25"));
    QCOMPARE(mappings.all(MappingKind::TaxRate)->size(), 1);
    QCOMPARE(mappings.all(MappingKind::TaxRate)->at(0).sourceKey, QStringLiteral("25"));
    QCOMPARE(mappings.all(MappingKind::TaxRate)->at(0).updatedBy, QStringLiteral("anna"));
    QVERIFY(mappings.all(MappingKind::Store)->isEmpty());
    QJsonObject audit = lastAudit("mapping.saved");
    QVERIFY(audit.value(QStringLiteral("old_target")).isNull());
    QCOMPARE(audit.value(QStringLiteral("new_target")).toString(), QStringLiteral("SE25"));

    {
        DbTransaction tx(db());
        QVERIFY(mappings.save(tx, MappingKind::TaxRate, QStringLiteral("25"), QStringLiteral("SE25B"),
                              QStringLiteral("bertil"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    audit = lastAudit("mapping.saved");
    QCOMPARE(audit.value(QStringLiteral("old_target")).toString(), QStringLiteral("SE25"));
    QCOMPARE(audit.value(QStringLiteral("new_target")).toString(), QStringLiteral("SE25B"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'mapping.saved'"), qint64(2));

    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    {
        DbTransaction tx(db());
        QVERIFY(mappings.save(tx, MappingKind::TaxRate, QStringLiteral("25"), QStringLiteral("SE25B"),
                              QStringLiteral("bertil"))
                    .ok()); // unchanged: nothing written
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    {
        DbTransaction tx(db());
        QVERIFY(mappings.remove(tx, MappingKind::TaxRate, QStringLiteral("25.000"), QStringLiteral("anna")).ok());
        QCOMPARE(mappings.remove(tx, MappingKind::TaxRate, QStringLiteral("25"), QStringLiteral("anna")).error().code,
                 ErrorCode::NotFound);
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(mappings.lookup(MappingKind::TaxRate, QStringLiteral("25"))->has_value() == false);
    audit = lastAudit("mapping.deleted");
    QCOMPARE(audit.value(QStringLiteral("old_target")).toString(), QStringLiteral("SE25B"));
    QCOMPARE(audit.value(QStringLiteral("kind")).toString(), QStringLiteral("tax_rate"));

    DbTransaction tx(db());
    QCOMPARE(mappings.save(tx, MappingKind::TaxRate, QStringLiteral("twenty"), QStringLiteral("X"),
                           QStringLiteral("anna"))
                 .error()
                 .code,
             ErrorCode::InvalidInput);
    QCOMPARE(mappings.save(tx, MappingKind::PaymentMethod, QStringLiteral("Card"), QStringLiteral(" "),
                           QStringLiteral("anna"))
                 .error()
                 .code,
             ErrorCode::InvalidInput);
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_MappingRepository::refundReasonTargetsMustBeDispositions()
{
    MappingRepository mappings(db());
    DbTransaction tx(db());
    const Status bad = mappings.save(tx, MappingKind::RefundReason, QStringLiteral("102"), QStringLiteral("BIN"),
                                     QStringLiteral("anna"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.errorString().contains(u"RESTOCK"));
    for (const char *code : {"RESTOCK", "QUARANTINE", "WRITE_OFF", "NO_STOCK_MOVEMENT"}) {
        QVERIFY(mappings.save(tx, MappingKind::RefundReason, QStringLiteral("102"), QString::fromLatin1(code),
                              QStringLiteral("anna"))
                    .ok());
    }
    QVERIFY(tx.commit().ok());
    QCOMPARE(mappings.lookup(MappingKind::RefundReason, QStringLiteral("102"))->value_or(QString()),
             QStringLiteral("NO_STOCK_MOVEMENT"));
}

void tst_MappingRepository::importAppliesAWholeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mappings.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "tax_rate": {"25": "SE25", "12": "SE12", "6.00": "SE06"},
        "payment_method": {"Card": "CARD", "Swish": "SWISH"},
        "promotion": {"SUMMER10": "PROMO-SUMMER"},
        "store": {"SE001": "STO-01"},
        "refund_reason": {"102": "RESTOCK", "103": "WRITE_OFF"}
    })");
    file.close();

    MappingRepository mappings(db());
    {
        DbTransaction tx(db());
        QVERIFY(mappings.save(tx, MappingKind::PaymentMethod, QStringLiteral("Card"), QStringLiteral("OLD"),
                              QStringLiteral("anna"))
                    .ok());
        auto summary = mappings.importFile(tx, path, QStringLiteral("anna"));
        QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
        QCOMPARE(summary->added, 8);
        QCOMPARE(summary->changed, 1);
        QCOMPARE(summary->unchanged, 0);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(count("SELECT COUNT(*) FROM mappings"), qint64(9));
    QCOMPARE(mappings.lookup(MappingKind::TaxRate, QStringLiteral("6"))->value_or(QString()), QStringLiteral("SE06"));
    QCOMPARE(mappings.lookup(MappingKind::PaymentMethod, QStringLiteral("Card"))->value_or(QString()),
             QStringLiteral("CARD"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'mapping.saved'"), qint64(10));

    // The same file again changes nothing.
    DbTransaction tx(db());
    auto again = mappings.importFile(tx, path, QStringLiteral("anna"));
    QVERIFY(again.ok());
    QCOMPARE(again->unchanged, 9);
    QCOMPARE(again->added + again->changed, 0);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'mapping.saved'"), qint64(10));
}

void tst_MappingRepository::importIsAllOrNothing()
{
    MappingRepository mappings(db());
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    DbTransaction tx(db());
    auto result = mappings.importJson(tx, QByteArrayLiteral(R"({
        "tax_rate": {"25": "SE25"},
        "payment_method": {"Card": "CARD"},
        "refund_reason": {"102": "RESTOCK", "104": "THROW_AWAY"}
    })"),
                                      QStringLiteral("anna"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.errorString().contains(u"104") && result.errorString().contains(u"THROW_AWAY"),
             qPrintable(result.errorString()));
    QVERIFY(result.errorString().contains(u"nothing was changed"));
    QVERIFY(tx.commit().ok());
    // The valid entries of the file were not applied either.
    QCOMPARE(count("SELECT COUNT(*) FROM mappings"), qint64(0));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);
}

void tst_MappingRepository::importRefusesBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArrayLiteral("{\"tax_rate\": ") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArrayLiteral("[]") << QStringLiteral("one JSON object");
    QTest::newRow("unknown kind") << QByteArrayLiteral(R"({"vat": {"25": "SE25"}})") << QStringLiteral("\"vat\"");
    QTest::newRow("bad rate") << QByteArrayLiteral(R"({"tax_rate": {"abc": "SE25"}})") << QStringLiteral("abc");
    QTest::newRow("number target") << QByteArrayLiteral(R"({"store": {"SE001": 1}})") << QStringLiteral("SE001");
    QTest::newRow("empty target") << QByteArrayLiteral(R"({"store": {"SE001": ""}})") << QStringLiteral("SE001");
    QTest::newRow("same rate twice") << QByteArrayLiteral(R"({"tax_rate": {"25": "A", "25.0": "B"}})")
                                     << QStringLiteral("more than once");
}

void tst_MappingRepository::importRefusesBrokenFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    MappingRepository mappings(db());
    DbTransaction tx(db());
    auto result = mappings.importJson(tx, json, QStringLiteral("anna"));
    QVERIFY(!result.ok());
    QVERIFY2(result.errorString().contains(mentions), qPrintable(result.errorString()));
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM mappings"), qint64(0));
}

QTEST_GUILESS_MAIN(tst_MappingRepository)
#include "tst_mappingrepository.moc"
