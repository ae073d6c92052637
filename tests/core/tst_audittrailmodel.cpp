// SPDX-License-Identifier: GPL-3.0-or-later
// The paged audit trail model: keyset pages from SQL, newest first, filtering in SQL, under QAbstractItemModelTester.
#include "core/export/exportsources.h"
#include "core/models/audittrailmodel.h"
#include "core/models/storesmodel.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/schemamigrator.h"
#include "core/storage/storerepository.h"

#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

class tst_AuditTrailModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesNewestFirst();
    void filtersInSql_data();
    void filtersInSql();
    void reloadShowsNewEntries();
    void anExportPassesOverEveryRowWithAPageOrTwoInMemory();
    void storesModel();

private:
    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    qint64 m_head = 0;
};

void tst_AuditTrailModel::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    DbTransaction tx(m_connection->database());
    for (int i = 0; i < 1000; ++i) {
        AuditEvent event;
        event.actor = i % 10 == 0 ? QStringLiteral("karin.controller") : QStringLiteral("system");
        event.action = i % 2 ? QStringLiteral("order.posted") : QStringLiteral("order.quarantined");
        event.entityType = QStringLiteral("order");
        event.entityId = QString::number(30000 + i);
        // Hostile text must be matched literally, not as LIKE wildcards.
        event.details = QJsonObject{{QStringLiteral("note"), i == 500 ? QStringLiteral("100%_off") : QString()}};
        QVERIFY(AuditChain::append(tx, event).ok());
    }
    QVERIFY(tx.commit().ok());
    m_head = AuditChain::head(m_connection->database())->seq;
}

void tst_AuditTrailModel::pagesNewestFirst()
{
    {
        // Nothing is read until a view asks; then one page at a time.
        AuditTrailModel lazy(m_connection->database());
        QCOMPARE(lazy.rowCount(), 0);
        QVERIFY(lazy.canFetchMore({}));
        lazy.fetchMore({});
        QCOMPARE(lazy.rowCount(), AuditTrailModel::kPageSize);
        lazy.fetchMore({});
        QCOMPARE(lazy.rowCount(), 2 * AuditTrailModel::kPageSize);
    }
    AuditTrailModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() >= AuditTrailModel::kPageSize);
    QCOMPARE(model.index(0, 0).data(AuditTrailModel::SeqRole).toLongLong(), m_head);
    QCOMPARE(model.index(1, 0).data(AuditTrailModel::SeqRole).toLongLong(), m_head - 1);
    QCOMPARE(model.index(0, AuditTrailModel::EntityColumn).data().toString(), QStringLiteral("order 30999"));
    QCOMPARE(model.index(0, 0).data(AuditTrailModel::ActionCodeRole).toString(),
             QStringLiteral("order.posted"));
    QCOMPARE(model.index(0, 0).data(AuditTrailModel::HashRole).toString().size(), 64);

    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), int(m_head));
    // The oldest entry is the first migration, shown with a readable title.
    const int last = model.rowCount() - 1;
    QCOMPARE(model.index(last, AuditTrailModel::SeqColumn).data().toLongLong(), qint64(1));
    QCOMPARE(model.index(last, AuditTrailModel::ActionColumn).data().toString(), QStringLiteral("Cache schema updated"));
    QVERIFY(model.index(last, AuditTrailModel::DetailsColumn).data().toString().contains(u"to version: 1"));
    QCOMPARE(model.headerData(AuditTrailModel::ActorColumn, Qt::Horizontal).toString(), QStringLiteral("Who"));
}

void tst_AuditTrailModel::filtersInSql_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("actor") << "karin" << 100;
    QTest::newRow("action, case-insensitive") << "QUARANTINED" << 500;
    QTest::newRow("entity id") << "30999" << 1;
    QTest::newRow("percent is literal") << "100%" << 1;
    QTest::newRow("underscore is literal") << "%_off" << 1;
    QTest::newRow("schema events") << "schema" << SchemaMigrator::latestVersion();
    QTest::newRow("nothing") << "no such text" << 0;
    QTest::newRow("sql text is only text") << "'); DROP TABLE audit_events;--" << 0;
}

void tst_AuditTrailModel::filtersInSql()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    AuditTrailModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilterText(filter);
    QCOMPARE(reset.size(), 1);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), rows);
    model.setFilterText(QString());
    QVERIFY(model.rowCount() >= AuditTrailModel::kPageSize);
    QCOMPARE(AuditChain::head(m_connection->database())->seq, m_head); // the table is untouched
}

// The export's pager over the growing audit model: every entry once, newest first, as a view scrolled to the end
// reads them, while the model never holds more than two pages (it held all of them before).
void tst_AuditTrailModel::anExportPassesOverEveryRowWithAPageOrTwoInMemory()
{
    AuditTrailModel view(m_connection->database());
    view.reload();
    while (view.canFetchMore({}))
        view.fetchMore({});
    QVERIFY(view.rowCount() > 4 * AuditTrailModel::kPageSize);
    QList<qint64> expected;
    for (int row = 0; row < view.rowCount(); ++row)
        expected.append(view.rowAt(row).seq);

    ModelPager<AuditTrailModel> pager;
    const auto setUp = [](AuditTrailModel &model) { model.reload(); };
    QList<qint64> exported;
    int mostPages = 0;
    for (;;) {
        const auto range = pager.next(m_connection->database(), setUp);
        QVERIFY2(range.ok(), qPrintable(range.errorString()));
        if (range->first == range->second)
            break;
        const AuditTrailModel &model = pager.model(m_connection->database(), setUp);
        for (int row = range->first; row < range->second; ++row)
            exported.append(model.rowAt(row).seq);
        mostPages = std::max(mostPages, pager.loadedPageCount());
    }
    QCOMPARE(exported, expected);
    QVERIFY2(mostPages <= 2, qPrintable(QString::number(mostPages)));
}

void tst_AuditTrailModel::reloadShowsNewEntries()
{
    AuditTrailModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.fetchMore({});
    Store store;
    store.sitooAccount = QStringLiteral("90001");
    store.sitooStoreId = QStringLiteral("200");
    store.name = QStringLiteral("Concept Store");
    store.currency = Currency::of(u"SEK");
    store.countryCode = QStringLiteral("SE");
    store.taxRegime = TaxRegime::Sweden;
    store.timeZone = QStringLiteral("Europe/Stockholm");
    {
        DbTransaction tx(m_connection->database());
        QVERIFY(StoreRepository(m_connection->database()).save(tx, store, QStringLiteral("anna.finance")).ok());
        QVERIFY(tx.commit().ok());
    }
    model.reload();
    QCOMPARE(model.index(0, AuditTrailModel::ActionColumn).data().toString(), QStringLiteral("Store saved"));
    QCOMPARE(model.index(0, AuditTrailModel::ActorColumn).data().toString(), QStringLiteral("anna.finance"));
    m_head = AuditChain::head(m_connection->database())->seq;
}

void tst_AuditTrailModel::storesModel()
{
    StoresModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto stores = StoreRepository(m_connection->database()).all();
    QVERIFY(stores.ok());
    model.setStores(*stores);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, StoresModel::NameColumn).data().toString(), QStringLiteral("Concept Store"));
    QCOMPARE(model.index(0, StoresModel::CurrencyColumn).data().toString(), QStringLiteral("SEK"));
    QCOMPARE(model.index(0, StoresModel::RegimeColumn).data().toString(), QStringLiteral("Swedish VAT"));
    QCOMPARE(model.index(0, StoresModel::PrimaLocationColumn).data().toString(), QStringLiteral("Not mapped"));
    QCOMPARE(model.index(0, 0).data(StoresModel::MappedRole).toBool(), false);
    model.setStores({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_AuditTrailModel)
#include "tst_audittrailmodel.moc"
