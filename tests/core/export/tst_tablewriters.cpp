// SPDX-License-Identifier: GPL-3.0-or-later
// The table writers against standard readers: the CSV round-trips through Python's csv module (commas, quotes, line
// breaks, ';', '=cmd' text, unicode; with and without a byte-order mark), and the XLSX opens with openpyxl with the
// right cell types — money as a number with the currency's format, dates as datetimes, integers as numbers, text as
// text — a frozen header row and widths that fit. A failed or abandoned export leaves no file behind.
#include "core/export/csvtablewriter.h"
#include "core/export/xlsxtablewriter.h"

#include "tests/core/export/exportfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Export;

namespace {

ExportTable sampleTable()
{
    ExportTable table;
    table.name = QStringLiteral("Sample: [1/2]?");
    table.columns = {{QStringLiteral("Text"), ExportCellType::Text},
                     {QStringLiteral("Count"), ExportCellType::Integer},
                     {QStringLiteral("Amount"), ExportCellType::Money},
                     {QStringLiteral("Day"), ExportCellType::Date},
                     {QStringLiteral("At"), ExportCellType::DateTime}};
    table.rows = {
        {ExportCell::text(awkwardText()), ExportCell::integer(-42), ExportCell::money(-120450, QStringLiteral("SEK")),
         ExportCell::date(QDate(2026, 10, 14)), ExportCell::dateTime(utc(2026, 10, 14, 9, 30))},
        {ExportCell::text(QStringLiteral("  padded  ")), ExportCell::integer(9007199254740991LL),
         ExportCell::money(1999, QStringLiteral("GBP")), ExportCell(), ExportCell()},
        {ExportCell::text(QStringLiteral("yen")), ExportCell(), ExportCell::money(150, QStringLiteral("JPY")),
         ExportCell::date(QDate(2026, 1, 2)), ExportCell::dateTime(utc(2026, 1, 2, 23, 59))},
    };
    return table;
}

} // namespace

class tst_TableWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        m_python = pythonWithOpenpyxl();
        QVERIFY2(!m_python.isEmpty(), "python3 with openpyxl (python3-openpyxl) is needed");
    }

    void csvRoundTripsThroughPythonsCsvModule_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::newRow("plain") << false;
        QTest::newRow("with BOM for Excel") << true;
    }

    void csvRoundTripsThroughPythonsCsvModule()
    {
        QFETCH(bool, bom);
        const QString path = m_dir.filePath(bom ? QStringLiteral("bom.csv") : QStringLiteral("plain.csv"));
        CsvTableWriter writer(path, CsvOptions{bom});
        QVERIFY(writer.writeTable(sampleTable()).ok());
        QVERIFY(!QFile::exists(path)); // nothing visible before finish()
        QVERIFY(writer.finish().ok());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
        QVERIFY(bytes.contains("\r\n")); // RFC 4180 line ends

        const QJsonArray rows = readCsvWithPython(m_python, path, bom);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).toArray(),
                 QJsonArray({QStringLiteral("Text"), QStringLiteral("Count"), QStringLiteral("Amount"),
                             QStringLiteral("Day"), QStringLiteral("At")}));
        const QJsonArray first = rows.at(1).toArray();
        QCOMPARE(first.at(0).toString(), awkwardText()); // commas, quotes, ';', a line break, '=cmd', unicode
        QCOMPARE(first.at(1).toString(), QStringLiteral("-42"));
        QCOMPARE(first.at(2).toString(), QStringLiteral("-1204.50")); // exact decimal text, never a double
        QCOMPARE(first.at(3).toString(), QStringLiteral("2026-10-14"));
        QCOMPARE(first.at(4).toString(), QStringLiteral("2026-10-14T09:30:00Z"));
        const QJsonArray second = rows.at(2).toArray();
        QCOMPARE(second.at(0).toString(), QStringLiteral("  padded  "));
        QCOMPARE(second.at(1).toString(), QStringLiteral("9007199254740991"));
        QCOMPARE(second.at(2).toString(), QStringLiteral("19.99"));
        QCOMPARE(second.at(3).toString(), QString()); // empty, not zero
        QCOMPARE(rows.at(3).toArray().at(2).toString(), QStringLiteral("150")); // JPY has no decimals
    }

    void csvTakesOneTableAndLeavesNothingWhenAbandoned()
    {
        const QString path = m_dir.filePath(QStringLiteral("abandoned.csv"));
        {
            CsvTableWriter writer(path);
            QVERIFY(writer.writeTable(sampleTable()).ok());
            QVERIFY(!writer.beginTable(QStringLiteral("second"), {}).ok());
        }
        QVERIFY(!QFile::exists(path));
    }

    void xlsxOpensWithOpenpyxlWithTypedCells()
    {
        const QString path = m_dir.filePath(QStringLiteral("sample.xlsx"));
        {
            XlsxTableWriter writer(path);
            QVERIFY(writer.writeTable(sampleTable()).ok());
            ExportTable second{QStringLiteral("Sample: [1/2]?"), {{QStringLiteral("Only"), ExportCellType::Text}}, {}};
            QVERIFY(writer.writeTable(second).ok()); // same name: made unique
            QVERIFY(writer.finish().ok());
        }
        const QString script = QStringLiteral(R"(
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames}
ws = wb.worksheets[0]
out["freeze"] = ws.freeze_panes
out["header"] = [c.value for c in ws[1]]
out["header_bold"] = all(c.font.b for c in ws[1])
cells = []
for row in ws.iter_rows(min_row=2, values_only=False):
    cells.append([{"type": type(c.value).__name__, "value": (c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value), "format": c.number_format} for c in row])
out["rows"] = cells
out["widths"] = {k: v.width for k, v in ws.column_dimensions.items()}
out["filter"] = ws.auto_filter.ref
print(json.dumps(out))
)");
        const QJsonObject book = QJsonDocument::fromJson(runPython(m_python, script, {path})).object();
        QVERIFY2(!book.isEmpty(), "openpyxl could not read the workbook");
        const QJsonArray sheets = book.value(u"sheets").toArray();
        QCOMPARE(sheets.size(), 2);
        QCOMPARE(sheets.at(0).toString(), XlsxTableWriter::sheetName(QStringLiteral("Sample: [1/2]?"), {}));
        QVERIFY(!sheets.at(0).toString().contains(u'['));
        QVERIFY(sheets.at(1).toString().endsWith(QStringLiteral("(2)")));
        QCOMPARE(book.value(u"freeze").toString(), QStringLiteral("A2")); // the header row stays
        QVERIFY(book.value(u"header_bold").toBool());
        QCOMPARE(book.value(u"filter").toString(), QStringLiteral("A1:E4"));
        QCOMPARE(book.value(u"header").toArray().at(2).toString(), QStringLiteral("Amount"));

        const QJsonArray rows = book.value(u"rows").toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonArray first = rows.at(0).toArray();
        QCOMPARE(first.at(0).toObject().value(u"type").toString(), QStringLiteral("str"));
        QCOMPARE(first.at(0).toObject().value(u"value").toString(), awkwardText()); // text, not a formula
        QCOMPARE(first.at(1).toObject().value(u"type").toString(), QStringLiteral("int"));
        QCOMPARE(first.at(1).toObject().value(u"value").toInteger(), -42);
        const QJsonObject money = first.at(2).toObject();
        QCOMPARE(money.value(u"type").toString(), QStringLiteral("float"));
        QCOMPARE(money.value(u"value").toDouble(), -1204.5);
        QCOMPARE(money.value(u"format").toString(), QStringLiteral("#,##0.00 \"SEK\""));
        QCOMPARE(first.at(3).toObject().value(u"type").toString(), QStringLiteral("datetime"));
        QCOMPARE(first.at(3).toObject().value(u"value").toString(), QStringLiteral("2026-10-14T00:00:00"));
        QCOMPARE(first.at(3).toObject().value(u"format").toString(), QStringLiteral("yyyy-mm-dd"));
        QCOMPARE(first.at(4).toObject().value(u"type").toString(), QStringLiteral("datetime"));
        QCOMPARE(first.at(4).toObject().value(u"value").toString(), QStringLiteral("2026-10-14T09:30:00"));
        const QJsonArray second = rows.at(1).toArray();
        QCOMPARE(second.at(1).toObject().value(u"value").toInteger(), 9007199254740991LL);
        QCOMPARE(second.at(2).toObject().value(u"value").toDouble(), 19.99);
        QCOMPARE(second.at(2).toObject().value(u"format").toString(), QStringLiteral("#,##0.00 \"GBP\""));
        QCOMPARE(second.at(3).toObject().value(u"type").toString(), QStringLiteral("NoneType")); // empty stays empty
        const QJsonObject yen = rows.at(2).toArray().at(2).toObject();
        QCOMPARE(yen.value(u"value").toInteger(), 150);
        QCOMPARE(yen.value(u"format").toString(), QStringLiteral("#,##0 \"JPY\""));

        // Widths fit: the long text column is wider than the short "Count" one, within the cap.
        const QJsonObject widths = book.value(u"widths").toObject();
        QVERIFY(widths.value(u"A").toDouble() > widths.value(u"B").toDouble());
        QVERIFY(widths.value(u"A").toDouble() <= 62);
        QVERIFY(widths.value(u"D").toDouble() >= 10); // a date fits
    }

    void xlsxLeavesNothingWhenAbandoned()
    {
        const QString path = m_dir.filePath(QStringLiteral("abandoned.xlsx"));
        {
            XlsxTableWriter writer(path);
            QVERIFY(writer.writeTable(sampleTable()).ok());
        }
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden).size(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_python;
};

QTEST_GUILESS_MAIN(tst_TableWriters)
#include "tst_tablewriters.moc"
