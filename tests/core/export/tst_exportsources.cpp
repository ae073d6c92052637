// SPDX-License-Identifier: GPL-3.0-or-later
// The export sources on a real cache: each view's table (exception queue as filtered, SKU differences, stock levels,
// audit trail, reconciliation, VAT variance) exported page by page through the views' own page queries — more than one
// page where the view pages — and read back with Python's csv module and openpyxl; the worker-thread task with
// progress and cancel, which leaves no file when cancelled.
#include "core/export/exportsources.h"
#include "core/export/exporttask.h"

#include "tests/core/export/exportfixture.h"
#include "tests/testutils/tempcache.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Export;
using Tillbridge::Test::TempCache;

class tst_ExportSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        m_python = pythonWithOpenpyxl();
        QVERIFY2(!m_python.isEmpty(), "python3 with openpyxl (python3-openpyxl) is needed");
        auto db = m_cache.open();
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = std::move(db).value();
        QVERIFY(m_fixture.seed(m_db->database()));
    }

    void exceptionQueueAsFiltered()
    {
        ExceptionFilter filter;
        filter.kinds = {ExceptionKind::UnmappedPromotion};
        ExceptionQueueExport source(filter);
        const QJsonArray rows = exportCsv(source, QStringLiteral("queue.csv"));
        QCOMPARE(rows.size(), 2); // header + the one exception of that kind
        const QJsonArray header = rows.at(0).toArray();
        const QJsonArray row = rows.at(1).toArray();
        QCOMPARE(row.at(0).toString(), QString::number(m_fixture.awkwardException));
        QCOMPARE(row.at(header.toVariantList().indexOf(QStringLiteral("Explanation"))).toString(), awkwardText());
        QCOMPARE(row.at(header.toVariantList().indexOf(QStringLiteral("Store"))).toString(),
                 QStringLiteral("Stockholm \"Drottninggatan\", City"));

        // Every state: the approved override with its maker and checker.
        ExceptionFilter all;
        all.kinds = {ExceptionKind::TotalsMismatch};
        ExceptionQueueExport approved(all);
        const QJsonArray accepted = exportCsv(approved, QStringLiteral("approved.csv"));
        QCOMPARE(accepted.size(), 2);
        QVERIFY(accepted.at(1).toArray().contains(QStringLiteral("pete")));
        QVERIFY(accepted.at(1).toArray().contains(QStringLiteral("anna")));
        QVERIFY(accepted.at(1).toArray().contains(QStringLiteral("approved")));
    }

    void skuDifferencesOverMoreThanOnePage()
    {
        SkuDiffExport source(SkuDiffFilter{});
        auto total = source.total(m_db->database());
        QVERIFY(total.ok());
        QCOMPARE(total->value_or(-1), qint64(ExportFixture::kSkuDiffs));
        const QJsonArray rows = exportCsv(source, QStringLiteral("skudiff.csv"));
        QCOMPARE(rows.size(), ExportFixture::kSkuDiffs + 1); // 230 > the view's page of 200
        QCOMPARE(rows.at(1).toArray().at(0).toString(), QStringLiteral("SKU-0000"));
        QCOMPARE(rows.last().toArray().at(0).toString(), QStringLiteral("SKU-0229"));
        // A field mismatch shows both sides, with the comma and quotes of the Prima name intact.
        QVERIFY(rows.at(3).toArray().at(3).toString().contains(QStringLiteral("Shoe, \"red\"")));

        SkuDiffFilter onlyInSitoo;
        onlyInSitoo.kind = ExceptionKind::CatalogOnlyInSitoo;
        SkuDiffExport filtered(onlyInSitoo);
        QCOMPARE(exportCsv(filtered, QStringLiteral("skudiff-sitoo.csv")).size(), 77 + 1);
    }

    void stockLevelsAsFilteredToXlsx()
    {
        QCOMPARE(value(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM stock_levels")),
                 qint64(ExportFixture::kStockLevels));
        StockLevelsExport source(StockFilter{}, StockPushConfig{});
        const QJsonArray rows = exportCsv(source, QStringLiteral("stock.csv"));
        QCOMPARE(rows.size(), ExportFixture::kStockLevels + 1);

        StockFilter stockholm;
        stockholm.location = QStringLiteral("STO-01");
        StockLevelsExport filtered(stockholm, StockPushConfig{});
        const QString path = m_dir.filePath(QStringLiteral("stock.xlsx"));
        auto outcome = runExport(m_db->database(), filtered, {path, ExportFormat::Xlsx, false});
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorString()));
        QCOMPARE(outcome->rows, qint64(ExportFixture::kStockLevels / 2));
        const QString script = QStringLiteral(R"(
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = list(ws.iter_rows(min_row=2, values_only=True))
print(json.dumps({"n": len(rows), "locations": sorted(set(r[1] for r in rows)), "ats": type(rows[0][3]).__name__,
                  "freeze": ws.freeze_panes, "never": sum(1 for r in rows if r[4] is None)}))
)");
        const QJsonObject book = QJsonDocument::fromJson(runPython(m_python, script, {path})).object();
        QCOMPARE(book.value(u"n").toInt(), ExportFixture::kStockLevels / 2);
        QCOMPARE(book.value(u"locations").toArray(), QJsonArray({QStringLiteral("STO-01")}));
        QCOMPARE(book.value(u"ats").toString(), QStringLiteral("int"));
        QCOMPARE(book.value(u"freeze").toString(), QStringLiteral("A2"));
        QCOMPARE(book.value(u"never").toInt(), 45); // every fifth level was never written to Sitoo
    }

    void auditTrailNewestFirst()
    {
        AuditTrailExport source{QString()};
        const QJsonArray rows = exportCsv(source, QStringLiteral("audit.csv"));
        const qint64 events = value(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_events"));
        QVERIFY(events > 200); // more than one page of the view
        QCOMPARE(rows.size(), events + 1);
        QCOMPARE(rows.at(1).toArray().at(0).toString(),
                 QString::number(value(m_db->database(), QStringLiteral("SELECT MAX(seq) FROM audit_events"))));
        QCOMPARE(rows.at(1).toArray().at(7).toString().size(), 64); // the entry's SHA-256

        AuditTrailExport approvals{QStringLiteral("exception.approved")};
        const QJsonArray approved = exportCsv(approvals, QStringLiteral("audit-approved.csv"));
        QCOMPARE(approved.size(), 2);
        QCOMPARE(approved.at(1).toArray().at(4).toString(), QStringLiteral("exception.approved"));
    }

    void reconciliationAndVatWithExactMoney()
    {
        ReconciliationExport all(QDate(2026, 10, 1), QDate(2026, 10, 31));
        const QJsonArray rows = exportCsv(all, QStringLiteral("reconciliation.csv"));
        QVERIFY(rows.size() > 4);
        ReconciliationExport variances(QDate(2026, 10, 1), QDate(2026, 10, 31), true);
        const QJsonArray varianceRows = exportCsv(variances, QStringLiteral("variances.csv"));
        QCOMPARE(varianceRows.size(), 2); // London's card line of 15 October
        const QJsonArray variance = varianceRows.at(1).toArray();
        QCOMPARE(variance.at(0).toString(), QStringLiteral("2026-10-15"));
        QCOMPARE(variance.at(4).toString(), QStringLiteral("GBP"));
        QCOMPARE(variance.at(5).toString(), QStringLiteral("60.00"));
        QCOMPARE(variance.at(7).toString(), QStringLiteral("50.00"));
        QCOMPARE(variance.at(8).toString(), QStringLiteral("10.00"));

        TaxVarianceExport vat(QDate(2026, 10, 1), QDate(2026, 10, 31), QStringLiteral("SEK"));
        const QJsonArray vatRows = exportCsv(vat, QStringLiteral("vat.csv"));
        QCOMPARE(vatRows.size(), 3); // Stockholm at 12 % and 25 %
        bool sawTwelve = false;
        for (int row = 1; row < vatRows.size(); ++row) {
            const QJsonArray cells = vatRows.at(row).toArray();
            if (cells.at(1).toString() == u"12") {
                sawTwelve = true;
                QCOMPARE(cells.at(5).toString(), QStringLiteral("60.01")); // Sitoo VAT
                QCOMPARE(cells.at(6).toString(), QStringLiteral("60.00")); // from the rate
                QCOMPARE(cells.at(7).toString(), QStringLiteral("0.01"));  // the variance, exactly
            }
        }
        QVERIFY(sawTwelve);
    }

    void taskRunsOnAWorkerWithProgressAndCancel()
    {
        const QString path = m_dir.filePath(QStringLiteral("task.csv"));
        ExportTask task(m_cache.path(), std::make_unique<SkuDiffExport>(SkuDiffFilter{}),
                        {path, ExportFormat::Csv, true});
        QSignalSpy progress(&task, &ExportTask::progress);
        std::optional<Result<ExportOutcome>> done;
        connect(&task, &ExportTask::finished, this, [&done](const Result<ExportOutcome> &result) { done = result; });
        task.start();
        QVERIFY(task.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 30000);
        const Result<ExportOutcome> result = *done;
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->rows, qint64(ExportFixture::kSkuDiffs));
        QVERIFY(!result->cancelled);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(ExportFixture::kSkuDiffs));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(ExportFixture::kSkuDiffs)); // the total was known
        QCOMPARE(readCsvWithPython(m_python, path, true).size(), ExportFixture::kSkuDiffs + 1);

        // Cancelled: no file.
        const QString cancelledPath = m_dir.filePath(QStringLiteral("cancelled.csv"));
        ExportTask cancelled(m_cache.path(), std::make_unique<AuditTrailExport>(QString()),
                             {cancelledPath, ExportFormat::Xlsx, false});
        std::optional<Result<ExportOutcome>> cancelledDone;
        connect(&cancelled, &ExportTask::finished, this,
                [&cancelledDone](const Result<ExportOutcome> &result) { cancelledDone = result; });
        cancelled.cancel();
        cancelled.start();
        QTRY_VERIFY_WITH_TIMEOUT(cancelledDone.has_value(), 30000);
        const Result<ExportOutcome> outcome = *cancelledDone;
        QVERIFY(outcome.ok());
        QVERIFY(outcome->cancelled);
        QVERIFY(!QFile::exists(cancelledPath));

        // Cancelled between pages, after the first one.
        std::atomic<bool> stop{false};
        SkuDiffExport source(SkuDiffFilter{});
        auto midway = runExport(m_db->database(), source, {cancelledPath, ExportFormat::Csv, false}, &stop,
                                [&stop](qint64 rows, std::optional<qint64>) {
                                    if (rows > 0)
                                        stop = true;
                                });
        QVERIFY(midway.ok());
        QVERIFY(midway->cancelled);
        QCOMPARE(midway->rows, qint64(SkuDiffModel::kPageSize));
        QVERIFY(!QFile::exists(cancelledPath));
    }

private:
    QJsonArray exportCsv(ExportSource &source, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto outcome = runExport(m_db->database(), source, {path, ExportFormat::Csv, false});
        if (!outcome) {
            qWarning() << outcome.errorString();
            return {};
        }
        const QJsonArray rows = readCsvWithPython(m_python, path, false);
        if (rows.size() != outcome->rows + 1)
            qWarning() << "rows written" << outcome->rows << "rows read" << rows.size();
        return rows;
    }

    TempCache m_cache;
    Tillbridge::Core::DatabaseConnectionPtr m_db;
    ExportFixture m_fixture;
    QTemporaryDir m_dir;
    QString m_python;
};

QTEST_GUILESS_MAIN(tst_ExportSources)
#include "tst_exportsources.moc"
