// SPDX-License-Identifier: GPL-3.0-or-later
// The stock view on crafted levels in the stock push's own tables (stock_levels, stock_push_lag, migration 7) and
// stores saved through StoreRepository: Prima's ATS beside Sitoo's level, paged in SKU order with a keyset, the
// filters (store, text, only differences, only failed) in SQL, fast-lane membership by StockPushConfig's thresholds,
// and the per-store figures and tiles aggregated off the GUI thread.
#include "core/models/stocklevelsmodel.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/storerepository.h"
#include "ui/common/workbenchuser.h"
#include "ui/stock/stockpage.h"

#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QPixmap>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using namespace Qt::StringLiterals;
using Tillbridge::Test::TempCache;

namespace {
struct Level
{
    QString sku;
    QString location;
    qint64 ats = 0;
    qint64 version = 1;
    std::optional<qint64> pushedVersion;
    std::optional<qint64> pushedLevel;
    QString lastError;
};
} // namespace

class tst_StockPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyCacheSaysWhatToDo();
    void modelShowsBothSidesAndFiltersInSql();
    void modelPagesWithAKeyset();
    void summaryCountsPerStore();
    void pageShowsFiguresAndScreenshot();

private:
    bool insert(const Level &level);
    void seed();

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    WorkbenchUser m_user;
    int m_levels = 0;
};

void tst_StockPage::initTestCase()
{
    auto connection = m_cache.open(u"gui"_s);
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

bool tst_StockPage::insert(const Level &level)
{
    QSqlQuery query(m_connection->database());
    query.prepare(u"INSERT INTO stock_levels (sku, location, on_hand, allocated, available_to_sell, version, "
                  "observed_at, pushed_version, pushed_at, pushed_level, last_error, next_attempt_at) "
                  "VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    query.addBindValue(level.sku);
    query.addBindValue(level.location);
    query.addBindValue(std::max<qint64>(0, level.ats));
    query.addBindValue(level.ats);
    query.addBindValue(level.version);
    query.addBindValue(dbTime(now.addSecs(-600)));
    query.addBindValue(level.pushedVersion ? QVariant(*level.pushedVersion) : QVariant());
    query.addBindValue(level.pushedVersion ? QVariant(dbTime(now.addSecs(-300))) : QVariant());
    query.addBindValue(level.pushedLevel ? QVariant(*level.pushedLevel) : QVariant());
    query.addBindValue(level.lastError.isEmpty() ? QVariant() : QVariant(level.lastError));
    query.addBindValue(level.lastError.isEmpty() ? QVariant() : QVariant(dbTime(now.addSecs(300))));
    if (!query.exec()) {
        qWarning() << query.lastError().text();
        return false;
    }
    ++m_levels;
    return true;
}

void tst_StockPage::emptyCacheSaysWhatToDo()
{
    StockPage page(m_connection->database(), m_cache.path(), &m_user);
    QSignalSpy loaded(&page, &StockPage::summaryLoaded);
    page.reload();
    QVERIFY(loaded.wait(30000));
    QVERIFY(page.isShowingEmptyState());
    QCOMPARE(page.emptyTitle(), u"No stock levels yet"_s);
    QCOMPARE(page.summary().levels, 0);

    QSignalSpy push(&page, &StockPage::pushRequested);
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->accessibleName() == u"Push fast lane now")
            button->click();
    }
    QCOMPARE(push.count(), 1);
    QCOMPARE(push.first().at(0).toBool(), true);
}

void tst_StockPage::seed()
{
    const QSqlDatabase db = m_connection->database();
    DbTransaction tx(db);
    StoreRepository stores(db);
    qint64 leedsId = 0;
    const QList<std::tuple<QString, QString, QString>> shops{{u"100"_s, u"London Carnaby St"_s, u"LDN"_s},
                                                             {u"200"_s, u"Leeds Briggate"_s, u"LDS"_s},
                                                             {u"300"_s, u"Stockholm Drottninggatan"_s, u"STO"_s}};
    for (const auto &[sitooId, name, location] : shops) {
        Store store;
        store.sitooAccount = u"90002"_s;
        store.sitooStoreId = sitooId;
        store.sitooWarehouseId = sitooId.toLongLong();
        store.name = name;
        store.currency = Currency::of(location == u"STO" ? u"SEK" : u"GBP");
        store.countryCode = location == u"STO" ? u"SE"_s : u"GB"_s;
        store.taxRegime = location == u"STO" ? TaxRegime::Sweden : TaxRegime::UnitedKingdom;
        store.timeZone = location == u"STO" ? u"Europe/Stockholm"_s : u"Europe/London"_s;
        store.primaLocation = location;
        auto saved = stores.save(tx, store, u"system"_s);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        if (location == u"LDS")
            leedsId = saved->id;
    }

    // 3 stores × 30 SKUs. Most are in Sitoo as Prima says; some wait, some failed, some were never written.
    const QStringList styles{u"200CH"_s, u"310OX"_s, u"412KN"_s, u"515DN"_s, u"620BT"_s};
    const QStringList sizes{u"070"_s, u"080"_s, u"090"_s};
    int n = 0;
    for (const QString &location : {u"LDN"_s, u"LDS"_s, u"STO"_s}) {
        for (const QString &style : styles) {
            for (const QString &colour : {u"G"_s, u"N"_s}) {
                for (const QString &size : sizes) {
                    Level level;
                    level.sku = style + u'-' + colour + u'-' + size;
                    level.location = location;
                    level.ats = 4 + (n * 7) % 23;
                    level.version = 3;
                    level.pushedVersion = 3;
                    level.pushedLevel = level.ats;
                    ++n;
                    QVERIFY(insert(level));
                }
            }
        }
    }
    // The interesting ones.
    QSqlQuery update(db);
    // Waiting: Prima sold two since the last write (version 4, Sitoo still shows version 3's 12).
    QVERIFY(update.exec(u"UPDATE stock_levels SET available_to_sell = 10, version = 4, pushed_level = 12 "
                        "WHERE sku = '200CH-G-080' AND location = 'LDS'"_s));
    // Low stock, waiting: in the fast lane.
    QVERIFY(update.exec(u"UPDATE stock_levels SET available_to_sell = 2, version = 5, pushed_level = 6 "
                        "WHERE sku = '310OX-N-090' AND location = 'LDN'"_s));
    // Failed twice: Sitoo refused the SKU.
    QVERIFY(update.exec(u"UPDATE stock_levels SET available_to_sell = 14, version = 6, pushed_level = 9, "
                        "attempts = 2, last_error = 'Sitoo refused the level: sku not found (404)', "
                        "next_attempt_at = '2099-01-01T00:00:00.000Z' WHERE sku = '515DN-G-070' AND location = 'LDS'"_s));
    // Negative available-to-sell is written as 0: no difference.
    QVERIFY(update.exec(u"UPDATE stock_levels SET available_to_sell = -1, version = 3, pushed_level = 0 "
                        "WHERE sku = '620BT-N-070' AND location = 'STO'"_s));
    QVERIFY(tx.commit().ok());

    // Never written: a new SKU in Stockholm.
    Level fresh;
    fresh.sku = u"700SC-R-001"_s;
    fresh.location = u"STO"_s;
    fresh.ats = 40;
    QVERIFY(insert(fresh));
    // A location no store serves yet.
    Level orphan;
    orphan.sku = u"200CH-G-070"_s;
    orphan.location = u"WH1"_s;
    orphan.ats = 250;
    orphan.pushedVersion = 1;
    orphan.pushedLevel = 250;
    QVERIFY(insert(orphan));

    QVERIFY(update.exec(u"INSERT INTO stock_push_lag (location, store_id, last_lag_ms, max_lag_ms, total_lag_ms, "
                        "samples, last_pushed_at) SELECT prima_location, id, 850 + id * 400, 4200 + id * 9000, "
                        "(850 + id * 400) * 10, 10, '2026-11-27T07:55:00.000Z' FROM stores"_s));

    DbTransaction raiseTx(db);
    ExceptionRecord failed = ExceptionRecord::open(ExceptionKind::StockPushFailed, u"stock-level"_s,
                                                   u"515DN-G-070@LDS"_s,
                                                   u"Sitoo refused the level 14 of 515DN-G-070 at Leeds: sku not found"_s,
                                                   QJsonObject{}, leedsId);
    QVERIFY(ExceptionRepository(db).raise(raiseTx, failed).ok());
    QVERIFY(raiseTx.commit().ok());
}

void tst_StockPage::modelShowsBothSidesAndFiltersInSql()
{
    seed();
    StockLevelsModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    // All 92 levels fit on the first page (200).
    QCOMPARE(model.rowCount(), m_levels);
    QVERIFY(!model.canFetchMore({}));

    const auto rowOf = [&model](const QString &sku, const QString &location) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.rowAt(row).sku == sku && model.rowAt(row).location == location)
                return row;
        }
        return -1;
    };
    const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };

    const int waiting = rowOf(u"200CH-G-080"_s, u"LDS"_s);
    QCOMPARE(text(waiting, StockLevelsModel::StoreColumn), u"Leeds Briggate"_s);
    QCOMPARE(text(waiting, StockLevelsModel::PrimaColumn), u"10"_s);
    QCOMPARE(text(waiting, StockLevelsModel::SitooColumn), u"12"_s);
    QCOMPARE(text(waiting, StockLevelsModel::DifferenceColumn), u"+2"_s);
    QCOMPARE(text(waiting, StockLevelsModel::StateColumn), u"Waiting to push"_s);
    QVERIFY(model.index(waiting, StockLevelsModel::PrimaColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignRight);

    const int low = rowOf(u"310OX-N-090"_s, u"LDN"_s);
    QCOMPARE(text(low, StockLevelsModel::FastLaneColumn), u"Low stock"_s);
    QVERIFY(model.index(low, 0).data(StockLevelsModel::AtRiskRole).toBool());
    QCOMPARE(text(low, StockLevelsModel::DifferenceColumn), u"+4"_s); // Sitoo 6, Prima 2
    QVERIFY(!model.index(waiting, 0).data(StockLevelsModel::AtRiskRole).toBool()); // 10 > 3, nothing sold

    const int failed = rowOf(u"515DN-G-070"_s, u"LDS"_s);
    QVERIFY(text(failed, StockLevelsModel::StateColumn).startsWith(u"Failed: Sitoo refused the level"));
    QVERIFY(model.index(failed, 0).data(StockLevelsModel::FailedRole).toBool());

    QCOMPARE(text(rowOf(u"620BT-N-070"_s, u"STO"_s), StockLevelsModel::DifferenceColumn), u"0"_s);
    QCOMPARE(text(rowOf(u"700SC-R-001"_s, u"STO"_s), StockLevelsModel::SitooColumn), u"not written"_s);
    QCOMPARE(text(rowOf(u"700SC-R-001"_s, u"STO"_s), StockLevelsModel::StateColumn), u"Not written yet"_s);
    QCOMPARE(text(rowOf(u"200CH-G-070"_s, u"WH1"_s), StockLevelsModel::StoreColumn), u"WH1 (no store)"_s);

    // Thresholds come from StockPushConfig.
    StockPushConfig config;
    config.lowStockThreshold = 10;
    model.setConfig(config);
    QVERIFY(model.index(rowOf(u"200CH-G-080"_s, u"LDS"_s), 0).data(StockLevelsModel::AtRiskRole).toBool());
    model.setConfig({});

    StockFilter filter;
    filter.onlyDifferences = true;
    model.setFilter(filter);
    QStringList differing;
    for (int row = 0; row < model.rowCount(); ++row)
        differing << model.rowAt(row).sku + u'@' + model.rowAt(row).location;
    // Differences are always due: they come in (location, SKU) order, off the partial due index.
    QCOMPARE(differing, (QStringList{u"310OX-N-090@LDN"_s, u"200CH-G-080@LDS"_s, u"515DN-G-070@LDS"_s,
                                     u"700SC-R-001@STO"_s}));
    filter.onlyDifferences = false;
    filter.onlyFailed = true;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).sku, u"515DN-G-070"_s);
    filter = {};
    filter.location = u"LDS"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 30);
    filter.text = u"515DN"_s; // the start of the SKU: a style
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 6);
    filter.text = u"515DN-N"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 3);
    filter.text = u"DN"_s; // not a substring search
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    filter.text = u"_"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
}

void tst_StockPage::modelPagesWithAKeyset()
{
    // 450 more levels at one location, every other one waiting with a difference: pages in both orders.
    DbTransaction tx(m_connection->database());
    for (int i = 0; i < 450; ++i) {
        Level level;
        level.sku = u"900XX-%1"_s.arg(i, 4, 10, QChar(u'0'));
        level.location = u"LDN"_s;
        level.ats = 20;
        level.version = 1 + i % 2;
        level.pushedVersion = 1;
        level.pushedLevel = i % 2 ? 19 : 20;
        QVERIFY(insert(level));
    }
    QVERIFY(tx.commit().ok());
    StockLevelsModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StockFilter filter;
    filter.location = u"LDN"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), StockLevelsModel::kPageSize);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 30 + 450);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.rowAt(row - 1).sku < model.rowAt(row).sku);

    filter.onlyDifferences = true;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), StockLevelsModel::kPageSize);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 1 + 225);
    QSet<QString> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.rowAt(row).difference().value_or(1) != 0);
        seen.insert(model.rowAt(row).sku);
    }
    QCOMPARE(seen.size(), model.rowCount());
}

void tst_StockPage::summaryCountsPerStore()
{
    auto summary = StockSummary::load(m_connection->database());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->levels, m_levels);
    // 200CH-G-080@LDS, 310OX-N-090@LDN, 515DN-G-070@LDS, 700SC-R-001@STO and 225 of the 900XX levels at LDN.
    QCOMPARE(summary->differences, 4 + 225);
    QCOMPARE(summary->waiting, 4 + 225);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->fastLaneNow, 1); // only 310OX-N-090@LDN is due and low
    QCOMPARE(summary->stores.size(), 4);
    QCOMPARE(summary->stores.at(0).storeName, u"Leeds Briggate"_s);
    QCOMPARE(summary->stores.at(0).failed, 1);
    QCOMPARE(summary->stores.at(0).openFailures, 1);
    QVERIFY(summary->stores.at(0).meanLagMs.has_value());
    QCOMPARE(summary->stores.at(3).location, u"WH1"_s); // no store: last
    QVERIFY(!summary->stores.at(3).lastLagMs.has_value());

    StockStoresModel stores;
    QAbstractItemModelTester tester(&stores, QAbstractItemModelTester::FailureReportingMode::QtTest);
    stores.setStores(summary->stores);
    QCOMPARE(stores.rowCount(), 4);
    QCOMPARE(stores.index(0, StockStoresModel::FailedColumn).data(Qt::EditRole).toLongLong(), 1);
    QCOMPARE(stores.index(3, StockStoresModel::LastLagColumn).data().toString(), u"–"_s);
    QCOMPARE(StockStoresModel::lagText(850), u"850 ms"_s);
    QCOMPARE(StockStoresModel::lagText(125000), u"2 min 5 s"_s);
}

void tst_StockPage::pageShowsFiguresAndScreenshot()
{
    StockPage page(m_connection->database(), m_cache.path(), &m_user);
    QSignalSpy loaded(&page, &StockPage::summaryLoaded);
    page.resize(1440, 900);
    page.show();
    page.reload();
    QVERIFY(loaded.wait(30000));
    QVERIFY(!page.isShowingEmptyState());
    QCOMPARE(page.storesModel()->rowCount(), 4);

    page.setOnlyFailed(true);
    QCOMPARE(page.model()->rowCount(), 1);
    page.setOnlyFailed(false);
    page.setSearchText(u"nothing like this"_s);
    QVERIFY(page.isShowingEmptyState());
    QCOMPARE(page.emptyTitle(), u"No levels match the filter"_s);
    page.setSearchText(QString());
    page.setLocationFilter(u"LDS"_s);
    QCOMPARE(page.model()->rowCount(), 30);
    page.setOnlyDifferences(true);
    QCOMPARE(page.model()->rowCount(), 2);
    page.setOnlyDifferences(false);
    page.setLocationFilter(QString());
    QVERIFY(!page.isShowingEmptyState());

    QSignalSpy push(&page, &StockPage::pushRequested);
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->accessibleName() == u"Push all now")
            button->click();
    }
    QCOMPARE(push.count(), 1);
    QCOMPARE(push.first().at(0).toBool(), false);

    QTest::qWait(50);
    const QPixmap shot = page.grab();
    QCOMPARE(shot.size(), QSize(1440, 900));
    if (const QString folder = QString::fromLocal8Bit(qgetenv("TILLBRIDGE_SCREENSHOT_DIR")); !folder.isEmpty()) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(shot.save(folder + u"/stock.png"_s));
    }
}

QTEST_MAIN(tst_StockPage)
#include "tst_stockpage.moc"
