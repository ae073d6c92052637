// SPDX-License-Identifier: GPL-3.0-or-later
// The SKU differences view on findings recorded by the real SkuAudit: the model pages the open differences in SKU
// order with both sides' values and near-match hints, the type and text filters run in SQL, the tiles and trend
// come from the background summary, and deactivation is only asked of the engine for a verified approver.
#include "core/catalogue/skuaudit.h"
#include "core/models/skudiffmodel.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/userrepository.h"
#include "ui/common/workbenchuser.h"
#include "ui/skudiff/skudiffpage.h"

#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using namespace Qt::StringLiterals;
using Tillbridge::Test::TempCache;

namespace {
const QString kPassword = u"correct horse battery"_s;

CatalogueRow item(const QString &sku, const QString &title, qint64 priceMinor, int vat = 20, bool active = true)
{
    CatalogueRow r;
    r.sku = sku;
    r.title = title;
    r.barcode = u"50"_s + QString::number(qHash(sku) % 100000000000ULL).rightJustified(11, u'0');
    r.price = Money(priceMinor, Currency::of(u"GBP"));
    r.vatRate = VatRate::fromPercent(vat);
    r.active = active;
    return r;
}

/** A small but realistic apparel catalogue: styles × colours × sizes. */
std::vector<CatalogueRow> catalogue()
{
    std::vector<CatalogueRow> rows;
    const QList<std::pair<QString, QString>> styles{{u"200CH"_s, u"Chino"_s},     {u"310OX"_s, u"Oxford shirt"_s},
                                                    {u"412KN"_s, u"Merino knit"_s}, {u"515DN"_s, u"Denim jacket"_s}};
    const QStringList colours{u"G"_s, u"N"_s};
    const QStringList sizes{u"070"_s, u"080"_s, u"090"_s};
    qint64 price = 4900;
    for (const auto &[style, name] : styles) {
        for (const QString &colour : colours) {
            for (const QString &size : sizes)
                rows.push_back(item(style + u'-' + colour + u'-' + size, name + u' ' + colour + u' ' + size, price));
        }
        price += 2000;
    }
    return rows;
}
} // namespace

class tst_SkuDiffPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyCacheSaysWhatToDo();
    void modelShowsBothSidesAndFiltersInSql();
    void pageShowsCountsTrendAndScreenshot();
    void deactivationNeedsAVerifiedApprover();

private:
    void recordAudits();

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    WorkbenchUser m_user;
};

void tst_SkuDiffPage::initTestCase()
{
    auto connection = m_cache.open(u"gui"_s);
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
    DbTransaction tx(m_connection->database());
    UserRepository users(m_connection->database());
    QVERIFY(users.create(tx, u"pia.preparer"_s, u"Pia Preparer"_s, UserRole::Preparer, kPassword, u"admin"_s).ok());
    QVERIFY(users.create(tx, u"alex.approver"_s, u"Alex Approver"_s, UserRole::Approver, kPassword, u"admin"_s).ok());
    QVERIFY(tx.commit().ok());
}

void tst_SkuDiffPage::recordAudits()
{
    SkuAudit audit(m_connection->database(), nullptr, nullptr);
    SkuAuditOptions options;
    options.eshopId = 1;
    options.actor = u"scheduler"_s;
    const std::vector<CatalogueRow> prima = catalogue();

    // Three earlier runs with more drift, then the latest: the trend goes down.
    for (int run = 0; run < 3; ++run) {
        std::vector<CatalogueRow> sitoo = prima;
        for (int i = 0; i < 6 - 2 * run; ++i)
            sitoo[size_t(i * 3)].price = Money(sitoo[size_t(i * 3)].price.minorUnits() - 500, Currency::of(u"GBP"));
        QVERIFY(audit.record(options, prima, sitoo, 0, 0, QDateTime::currentDateTimeUtc().addDays(run - 4)).ok());
    }

    std::vector<CatalogueRow> primaNow = prima;
    primaNow.push_back(item(u"620BT-B-042"_s, u"Leather boot B 42"_s, 12900)); // only in Prima
    primaNow.push_back(item(u"720SK-G-050"_s, u"Silk scarf G 50"_s, 3900));    // only in Prima
    std::vector<CatalogueRow> sitoo = prima;
    sitoo[1].price = Money(4500, Currency::of(u"GBP"));          // 200CH-G-080: price
    sitoo[7].title = u"Oxford shirt G 080 (old)"_s;               // 310OX-G-080: title
    sitoo[8].vatRate = VatRate::fromPercent(0);                  // 310OX-G-090: VAT
    sitoo[8].price = Money(6500, Currency::of(u"GBP"));          // ... and price
    sitoo.push_back(item(u"720SK-050"_s, u"Silk scarf 50"_s, 3900));         // only in Sitoo, colour dropped
    sitoo.push_back(item(u"GIFTBAG"_s, u"Paper gift bag"_s, 50));         // only in Sitoo, no near match
    sitoo.push_back(item(u"620bt-b-042"_s, u"Leather boot B 42"_s, 12900)); // case differs from Prima's
    auto summary = audit.record(options, primaNow, sitoo, 0, 0, QDateTime::currentDateTimeUtc());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->run.onlyInSitoo, 3);
    QCOMPARE(summary->run.onlyInPrima, 2);
    QCOMPARE(summary->run.fieldMismatch, 3);
}

void tst_SkuDiffPage::emptyCacheSaysWhatToDo()
{
    SkuDiffPage page(m_connection->database(), m_cache.path(), &m_user);
    QSignalSpy loaded(&page, &SkuDiffPage::summaryLoaded);
    page.reload();
    QVERIFY(loaded.wait(30000));
    QVERIFY(page.isShowingEmptyState());
    QCOMPARE(page.emptyTitle(), u"No SKU audit yet"_s);
    QCOMPARE(page.trendModel()->rowCount(), 0);
    QCOMPARE(page.tileText(ExceptionKind::CatalogOnlyInSitoo), u"–"_s);

    QSignalSpy audit(&page, &SkuDiffPage::auditRequested);
    const auto buttons = page.findChildren<QPushButton *>();
    const auto run = std::find_if(buttons.begin(), buttons.end(),
                                  [](QPushButton *b) { return b->accessibleName() == u"Run audit now"; });
    QVERIFY(run != buttons.end());
    (*run)->click();
    QCOMPARE(audit.count(), 1);
}

void tst_SkuDiffPage::modelShowsBothSidesAndFiltersInSql()
{
    recordAudits();
    SkuDiffModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.totalCount(), 8);
    QCOMPARE(model.rowCount(), 8);

    // SKU order, with both sides' values for people.
    QStringList skus;
    for (int row = 0; row < model.rowCount(); ++row)
        skus << model.rowAt(row).sku;
    QStringList sorted = skus;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(skus, sorted);

    const auto rowOf = [&model](const QString &sku) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.rowAt(row).sku == sku)
                return row;
        }
        return -1;
    };
    const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    const QLocale locale;
    const int price = rowOf(u"200CH-G-080"_s);
    QVERIFY(price >= 0);
    QCOMPARE(text(price, SkuDiffModel::DifferenceColumn), u"Different price"_s);
    QCOMPARE(text(price, SkuDiffModel::PrimaColumn),
             u"Price "_s + Money(4900, Currency::of(u"GBP")).toDisplayString(locale));
    QCOMPARE(text(price, SkuDiffModel::SitooColumn),
             u"Price "_s + Money(4500, Currency::of(u"GBP")).toDisplayString(locale));

    const int vat = rowOf(u"310OX-G-090"_s);
    QVERIFY(text(vat, SkuDiffModel::DifferenceColumn).contains(u"VAT"));
    QVERIFY2(text(vat, SkuDiffModel::SitooColumn).contains(VatRate::fromPercent(0).toDisplayString(locale)),
             qPrintable(text(vat, SkuDiffModel::SitooColumn)));

    const int sitooOnly = rowOf(u"720SK-050"_s);
    QCOMPARE(text(sitooOnly, SkuDiffModel::DifferenceColumn), u"Only in Sitoo"_s);
    QCOMPARE(text(sitooOnly, SkuDiffModel::PrimaColumn), u"(not in Prima)"_s);
    QCOMPARE(text(sitooOnly, SkuDiffModel::SitooColumn),
             u"Silk scarf 50 · "_s + Money(3900, Currency::of(u"GBP")).toDisplayString(locale));
    QCOMPARE(text(sitooOnly, SkuDiffModel::HintColumn), u"Prima has 720SK-G-050 (segment “G”)"_s);
    QCOMPARE(text(rowOf(u"720SK-G-050"_s), SkuDiffModel::SitooColumn), u"(not in Sitoo)"_s);
    QVERIFY(text(rowOf(u"GIFTBAG"_s), SkuDiffModel::HintColumn).isEmpty());
    QCOMPARE(text(rowOf(u"620BT-B-042"_s), SkuDiffModel::HintColumn), u"Sitoo has 620bt-b-042 (letter case differs)"_s);

    // Filters run in SQL.
    SkuDiffFilter filter;
    filter.kind = ExceptionKind::CatalogOnlyInSitoo;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(SkuDiffModel::KindCodeRole).toString(), u"CATALOG_ONLY_IN_SITOO"_s);
    filter.text = u"gift"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).sku, u"GIFTBAG"_s);
    filter.kind.reset();
    filter.text = u"310OX"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 2);
    filter.text = u"100%_"_s; // wildcards are literal
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    filter = {};
    filter.eshopId = 2; // another site has no findings
    model.setFilter(filter);
    QCOMPARE(model.totalCount(), 0);

    // The summary (read off the GUI thread in the page) counts what is open per type, and keeps the runs.
    auto summary = SkuDiffSummary::load(m_connection->database());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->onlyInSitoo, 3);
    QCOMPARE(summary->onlyInPrima, 2);
    QCOMPARE(summary->fieldMismatch, 3);
    QCOMPARE(summary->nearMatches, 4); // 620BT-B-042 and 720SK-G-050, each on both sides
    QCOMPARE(summary->runs.size(), 4);

    SkuAuditTrendModel trend;
    QAbstractItemModelTester trendTester(&trend, QAbstractItemModelTester::FailureReportingMode::QtTest);
    trend.setRuns(summary->runs);
    QCOMPARE(trend.rowCount(), 4);
    QCOMPARE(trend.index(0, SkuAuditTrendModel::FieldMismatchColumn).data(Qt::EditRole).toInt(), 3);
    QCOMPARE(trend.index(3, SkuAuditTrendModel::FieldMismatchColumn).data(Qt::EditRole).toInt(), 6);
    QVERIFY(trend.index(0, SkuAuditTrendModel::OnlyInSitooColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignRight);
}

void tst_SkuDiffPage::pageShowsCountsTrendAndScreenshot()
{
    SkuDiffPage page(m_connection->database(), m_cache.path(), &m_user);
    QSignalSpy loaded(&page, &SkuDiffPage::summaryLoaded);
    page.resize(1440, 900);
    page.show();
    page.reload();
    QVERIFY(loaded.wait(30000));
    QVERIFY(!page.isShowingEmptyState());
    QCOMPARE(page.tileText(ExceptionKind::CatalogOnlyInSitoo), u"3"_s);
    QCOMPARE(page.tileText(ExceptionKind::CatalogOnlyInPrima), u"2"_s);
    QCOMPARE(page.tileText(ExceptionKind::CatalogFieldMismatch), u"3"_s);
    QCOMPARE(page.trendModel()->rowCount(), 4);
    QCOMPARE(page.view()->model()->rowCount(), 8);

    page.setKindFilter(ExceptionKind::CatalogFieldMismatch);
    QCOMPARE(page.model()->rowCount(), 3);
    page.setSearchText(u"no such sku"_s);
    QVERIFY(page.isShowingEmptyState());
    QCOMPARE(page.emptyTitle(), u"No differences match the filter"_s);
    page.setSearchText(QString());
    page.setKindFilter(std::nullopt);
    QVERIFY(!page.isShowingEmptyState());
    QVERIFY(page.selectSku(u"720SK-050"_s));

    QTest::qWait(50);
    const QPixmap shot = page.grab();
    QCOMPARE(shot.size(), QSize(1440, 900));
    // Like tst_demo: TILLBRIDGE_SCREENSHOT_DIR=docs/screenshots refreshes the committed screenshot.
    if (const QString folder = QString::fromLocal8Bit(qgetenv("TILLBRIDGE_SCREENSHOT_DIR")); !folder.isEmpty()) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(shot.save(folder + u"/skudiff.png"_s));
    }
}

void tst_SkuDiffPage::deactivationNeedsAVerifiedApprover()
{
    SkuDiffPage page(m_connection->database(), m_cache.path(), &m_user);
    QSignalSpy requested(&page, &SkuDiffPage::deactivateRequested);
    QSignalSpy checked(&page, &SkuDiffPage::deactivationChecked);
    QSignalSpy loaded(&page, &SkuDiffPage::summaryLoaded);
    page.reload();
    QVERIFY(loaded.wait(30000)); // (Qt 6.4 asserts when a continuation's context dies before its future finishes)

    // A field mismatch cannot be deactivated: nothing happens.
    QVERIFY(page.selectSku(u"200CH-G-080"_s));
    page.requestDeactivationAs(u"alex.approver"_s, kPassword, u"Not ours"_s);
    QCOMPARE(checked.count(), 0);

    QVERIFY(page.selectSku(u"GIFTBAG"_s));
    const qint64 id = page.view()->selectionModel()->selectedRows().value(0).data(SkuDiffModel::IdRole).toLongLong();
    QVERIFY(id > 0);

    page.requestDeactivationAs(u"pia.preparer"_s, kPassword, u"Not sold any more"_s);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
    QCOMPARE(checked.takeFirst().at(0).toBool(), false);
    QVERIFY2(page.statusText().contains(u"not an approver"), qPrintable(page.statusText()));

    page.requestDeactivationAs(u"alex.approver"_s, u"wrong"_s, u"Not sold any more"_s);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
    QCOMPARE(checked.takeFirst().at(0).toBool(), false);
    QCOMPARE(requested.count(), 0);

    page.requestDeactivationAs(u"alex.approver"_s, kPassword, u"Not sold any more"_s);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
    QCOMPARE(checked.takeFirst().at(0).toBool(), true);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toLongLong(), id);
    QCOMPARE(requested.first().at(1).toString(), u"alex.approver"_s);
    QCOMPARE(requested.first().at(2).toString(), u"Not sold any more"_s);

    page.deactivationFinished(false, u"Sitoo did not answer"_s);
    QCOMPARE(page.statusText(), u"Sitoo did not answer"_s);
    QVERIFY(loaded.wait(30000)); // it reads the view again
}

QTEST_MAIN(tst_SkuDiffPage)
#include "tst_skudiffpage.moc"
