// SPDX-License-Identifier: GPL-3.0-or-later
// Exporting from a page through its ExportController without the dialog: the SKU differences page's controller writes
// the rows the view shows (two of the view's pages) to an XLSX that openpyxl reads back, off the GUI thread, and the
// page says where the file went; the export dialog offers the BOM only for CSV and keeps the extension in step.
#include "ui/common/exportcontroller.h"
#include "ui/common/workbenchuser.h"
#include "ui/skudiff/skudiffpage.h"

#include "tests/core/export/exportfixture.h"
#include "tests/testutils/tempcache.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using namespace Tillbridge::Test::Export;
using Tillbridge::Test::TempCache;

class tst_ExportController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_python = pythonWithOpenpyxl();
        QVERIFY2(!m_python.isEmpty(), "python3 with openpyxl (python3-openpyxl) is needed");
        auto connection = m_cache.open(QStringLiteral("gui"));
        QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
        m_connection = *connection;
        QVERIFY(m_fixture.seed(m_connection->database()));
    }

    void skuDifferencesPageExportsThroughItsController()
    {
        SkuDiffPage page(m_connection->database(), m_cache.path(), &m_user);
        page.resize(1200, 800);
        page.show();
        auto *controller = page.findChild<ExportController *>();
        QVERIFY(controller);
        const QString path = m_dir.filePath(QStringLiteral("sku-differences.xlsx"));
        QSignalSpy finished(controller, &ExportController::finished);
        QVERIFY(controller->startExport({path, ExportFormat::Xlsx, false}));
        QVERIFY(controller->isRunning());
        QVERIFY(!controller->startExport({path, ExportFormat::Xlsx, false})); // one at a time
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(finished.first().at(1).toString(), path);
        QVERIFY(!controller->isRunning());
        QVERIFY2(page.statusText().contains(QDir::toNativeSeparators(path)), qPrintable(page.statusText()));
        QVERIFY(page.statusText().contains(QStringLiteral("230")));

        const QString script = QStringLiteral(R"(
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = list(ws.iter_rows(values_only=True))
print(json.dumps({"title": ws.title, "rows": len(rows) - 1, "first": rows[1][0], "freeze": ws.freeze_panes}))
)");
        const QJsonObject book = QJsonDocument::fromJson(runPython(m_python, script, {path})).object();
        QCOMPARE(book.value(u"title").toString(), QStringLiteral("SKU differences"));
        QCOMPARE(book.value(u"rows").toInt(), ExportFixture::kSkuDiffs);
        QCOMPARE(book.value(u"first").toString(), QStringLiteral("SKU-0000"));
        QCOMPARE(book.value(u"freeze").toString(), QStringLiteral("A2"));

        // The view's filter is what gets exported: only the Sitoo-only differences.
        page.setKindFilter(ExceptionKind::CatalogOnlyInSitoo);
        const QString csv = m_dir.filePath(QStringLiteral("only-in-sitoo.csv"));
        QVERIFY(controller->startExport({csv, ExportFormat::Csv, true}));
        QVERIFY(finished.wait(30000));
        QCOMPARE(readCsvWithPython(m_python, csv, true).size(), 77 + 1);
    }

    void dialogOffersTheBomOnlyForCsv()
    {
        ExportDialog dialog(QStringLiteral("Export"), m_dir.path(), QStringLiteral("stock-2026-11-27"));
        auto *path = dialog.findChild<QLineEdit *>();
        QRadioButton *xlsx = nullptr;
        QRadioButton *csv = nullptr;
        for (auto *button : dialog.findChildren<QRadioButton *>())
            (button->text().contains(QStringLiteral("xlsx")) ? xlsx : csv) = button;
        auto *bom = dialog.findChild<QCheckBox *>();
        QVERIFY(path && xlsx && csv && bom);
        xlsx->setChecked(true);
        QVERIFY(!bom->isEnabled());
        QVERIFY(path->text().endsWith(QStringLiteral("stock-2026-11-27.xlsx")));
        QCOMPARE(dialog.options().format, ExportFormat::Xlsx);
        QVERIFY(!dialog.options().byteOrderMark);
        csv->setChecked(true);
        bom->setChecked(true);
        QVERIFY(bom->isEnabled());
        QVERIFY(path->text().endsWith(QStringLiteral("stock-2026-11-27.csv")));
        QCOMPARE(dialog.options().format, ExportFormat::Csv);
        QVERIFY(dialog.options().byteOrderMark);
    }

private:
    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    ExportFixture m_fixture;
    WorkbenchUser m_user;
    QTemporaryDir m_dir;
    QString m_python;
};

QTEST_MAIN(tst_ExportController)
#include "tst_exportcontroller.moc"
