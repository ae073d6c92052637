// SPDX-License-Identifier: GPL-3.0-or-later
// The close pack as PDF and XLSX from ClosePack::load() on a real cache: the PDF has the page count the writer
// reports (pdfinfo) and the cover, gates, reconciliation, VAT, chart, exceptions, overrides (maker and checker) and
// audit head in its text (pdftotext); the workbook's sheets read back with openpyxl with money as numbers in the
// currency's format; and `tillbridge-cli close-pack --format pdf,xlsx,csv` writes all three (CSV alone by default).
// With TILLBRIDGE_SCREENSHOT_DIR set, the PDF's pages are also rendered to PNG there (pdftoppm) for a look.
#include "core/close/closepack.h"
#include "core/export/closepackworkbook.h"
#include "core/export/pdf/closepackpdf.h"
#include "core/storage/auditchain.h"

#include "tests/core/export/exportfixture.h"
#include "translations/languagepreference.h"
#include "tests/testutils/tempcache.h"

#include <QDir>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Export;
using Tillbridge::Test::TempCache;

namespace {

QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return {};
    if (exitCode)
        *exitCode = process.exitCode();
    // NFKC: pdftotext gives DejaVu's ligatures as such ("sign-oﬀs"); compatibility decomposition spells them out.
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

} // namespace

class tst_ClosePackExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        m_python = pythonWithOpenpyxl();
        QVERIFY2(!m_python.isEmpty(), "python3 with openpyxl (python3-openpyxl) is needed");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty(), "poppler-utils is needed");
        auto db = m_cache.open();
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = std::move(db).value();
        QVERIFY(m_fixture.seed(m_db->database()));
        auto data = ClosePack::load(m_db->database(), QStringLiteral("2026-10"));
        QVERIFY2(data.ok(), qPrintable(data.errorString()));
        m_data = *data;
        QVERIFY(m_data.auditChainIntact);
        QCOMPARE(m_data.overrides.size(), 1);
    }

    void pdfHasEverySectionAndThePagesItSays()
    {
        const QString path = m_dir.filePath(QStringLiteral("close-pack-2026-10.pdf"));
        Tillbridge::Reports::ClosePackPdfOptions options{QStringLiteral("Nordic Shoes AB"), QStringLiteral("Maria Lind")};
        auto pages = Tillbridge::Reports::ClosePackPdf::write(m_data, options, path);
        QVERIFY2(pages.ok(), qPrintable(pages.errorString()));
        // Cover, gates + reconciliation + VAT, the charts of GBP and SEK, exceptions + overrides + audit.
        QVERIFY(*pages >= 4);

        const QString screenshots = qEnvironmentVariable("TILLBRIDGE_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            QDir().mkpath(screenshots);
            run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path,
                                             QDir(screenshots).filePath(QStringLiteral("close-pack"))});
        }

        const QString info = run(QStringLiteral("pdfinfo"), {path});
        const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(match.hasMatch(), qPrintable(info));
        QCOMPARE(match.captured(1).toInt(), *pages);
        QVERIFY(info.contains(QStringLiteral("A4")));
        QVERIFY(info.contains(QStringLiteral("Close pack 2026-10")));

        const QString cover = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"),
                                                                QStringLiteral("-l"), QStringLiteral("1"),
                                                                QStringLiteral("-layout"), path, QStringLiteral("-")});
        for (const QString &expected :
             {QStringLiteral("Nordic Shoes AB"), QStringLiteral("Month-end close pack"), QStringLiteral("October 2026"),
              QStringLiteral("Generated at"), QStringLiteral("Maria Lind"), QStringLiteral("Period lock"),
              m_data.auditHeadHash}) {
            QVERIFY2(cover.contains(expected), qPrintable(expected + QStringLiteral(" not on the cover:\n") + cover));
        }

        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        for (const QString &expected :
             {QStringLiteral("Gate status and sign-offs"), QStringLiteral("Reconciliation per store"),
              QStringLiteral("Stockholm \"Drottninggatan\", City"), QStringLiteral("London Oxford St"),
              QStringLiteral("VAT by rate: Sitoo against Prima"), QStringLiteral("VAT variance by store and rate (SEK)"),
              QStringLiteral("VAT variance by store and rate (GBP)"), QStringLiteral("Exceptions by kind, owner and state"),
              QStringLiteral("Accepted overrides"), QStringLiteral("pete"), QStringLiteral("anna"),
              QStringLiteral("agreed with the store"), QStringLiteral("Audit chain"), m_data.auditHeadHash,
              QStringLiteral("Page 2 of %1").arg(*pages), QStringLiteral("Page %1 of %1").arg(*pages)}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is missing")));
        }
        // The 1-öre VAT variance at 12 % is in the VAT table, exactly.
        QVERIFY(text.contains(QStringLiteral("60.01")));

    }

    void workbookHasTypedSheets()
    {
        auto path = ClosePackWorkbook::writeXlsx(m_data, m_dir.filePath(QStringLiteral("xlsx")));
        QVERIFY2(path.ok(), qPrintable(path.errorString()));
        const QString script = QStringLiteral(R"(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rec = wb["Reconciliation"]
rows = list(rec.iter_rows(min_row=2))
variance = [r for r in rows if r[10].value == "Variance"][0]
over = wb["Overrides"]
print(json.dumps({"sheets": wb.sheetnames, "freeze": rec.freeze_panes,
  "day": type(variance[0].value).__name__, "sitoo": variance[5].value, "format": variance[5].number_format,
  "maker": over.cell(2, 5).value, "checker": over.cell(2, 6).value}))
)");
        const QJsonObject book = QJsonDocument::fromJson(runPython(m_python, script, {*path})).object();
        QCOMPARE(book.value(u"sheets").toArray(),
                 QJsonArray({QStringLiteral("Summary"), QStringLiteral("Gates"), QStringLiteral("Reconciliation"),
                             QStringLiteral("VAT by rate"), QStringLiteral("Exceptions"), QStringLiteral("Overrides")}));
        QCOMPARE(book.value(u"freeze").toString(), QStringLiteral("A2"));
        QCOMPARE(book.value(u"day").toString(), QStringLiteral("datetime"));
        QCOMPARE(book.value(u"sitoo").toDouble(), 60.0);
        QCOMPARE(book.value(u"format").toString(), QStringLiteral("#,##0.00 \"GBP\""));
        QCOMPARE(book.value(u"maker").toString(), QStringLiteral("pete"));
        QCOMPARE(book.value(u"checker").toString(), QStringLiteral("anna"));
    }

    void cliWritesEveryFormat()
    {
        const QString out = m_dir.filePath(QStringLiteral("cli"));
        int exitCode = -1;
        const QString printed = run(QStringLiteral(TILLBRIDGE_CLI),
                                    {QStringLiteral("close-pack"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                                     QStringLiteral("--out"), out, QStringLiteral("--format"),
                                     QStringLiteral("pdf,xlsx,csv"), QStringLiteral("--db"), m_cache.path(),
                                     QStringLiteral("--company"), QStringLiteral("Nordic Shoes AB")},
                                    &exitCode);
        QCOMPARE(exitCode, 1); // written, but the period's gates do not all pass
        QVERIFY(printed.contains(QStringLiteral("close-pack-2026-10.pdf")));
        for (const QString &file : {QStringLiteral("close-pack-2026-10.pdf"), QStringLiteral("close-pack-2026-10.xlsx"),
                                    QStringLiteral("reconciliation.csv"), QStringLiteral("summary.json")})
            QVERIFY2(QFile::exists(QDir(out).filePath(file)), qPrintable(file));
        QVERIFY(run(QStringLiteral("pdftotext"), {QDir(out).filePath(QStringLiteral("close-pack-2026-10.pdf")),
                                                  QStringLiteral("-")})
                    .contains(QStringLiteral("Nordic Shoes AB")));

        // The default stays what close-pack always wrote: CSV and summary.json only.
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        run(QStringLiteral(TILLBRIDGE_CLI), {QStringLiteral("close-pack"), QStringLiteral("--period"),
                                             QStringLiteral("2026-10"), QStringLiteral("--out"), plain,
                                             QStringLiteral("--db"), m_cache.path()},
            &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY(QFile::exists(QDir(plain).filePath(QStringLiteral("summary.json"))));
        QCOMPARE(QDir(plain).entryList({QStringLiteral("*.pdf"), QStringLiteral("*.xlsx")}, QDir::Files).size(), 0);

        run(QStringLiteral(TILLBRIDGE_CLI), {QStringLiteral("close-pack"), QStringLiteral("--period"),
                                             QStringLiteral("2026-10"), QStringLiteral("--out"), plain,
                                             QStringLiteral("--format"), QStringLiteral("docx"),
                                             QStringLiteral("--db"), m_cache.path()},
            &exitCode);
        QCOMPARE(exitCode, 2);
    }

    // A controller who runs Tillbridge in Swedish gets the pack in Swedish: its own strings (tillbridge_reports) and
    // the core's (gates, exception kinds) both come from the installed catalogues.
    void pdfFollowsTheLanguage()
    {
        const QStringList installed =
            Tillbridge::I18n::installTranslators(QCoreApplication::instance(), QLocale(QLocale::Swedish, QLocale::Sweden));
        QVERIFY2(installed.contains(QStringLiteral("tillbridge_reports_sv.qm")), qPrintable(installed.join(u' ')));
        const QString path = m_dir.filePath(QStringLiteral("bokslutspaket-2026-10.pdf"));
        Tillbridge::Reports::ClosePackPdfOptions options{QStringLiteral("Nordic Shoes AB"), QStringLiteral("Maria Lind")};
        auto pages = Tillbridge::Reports::ClosePackPdf::write(m_data, options, path);
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY2(pages.ok(), qPrintable(pages.errorString()));
        if (const QString screenshots = qEnvironmentVariable("TILLBRIDGE_SCREENSHOT_DIR"); !screenshots.isEmpty()) {
            run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path,
                                             QDir(screenshots).filePath(QStringLiteral("bokslutspaket"))});
        }
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        for (const QString &expected :
             {QStringLiteral("Bokslutspaket för månadsbokslutet"), QStringLiteral("Kontrollpunkternas status och attester"),
              QStringLiteral("Avstämning per butik"), QStringLiteral("Moms per sats: Sitoo mot Prima"),
              QStringLiteral("Godkända åsidosättanden"), QStringLiteral("Revisionskedja"),
              QStringLiteral("Sida 2 av %1").arg(*pages)}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is missing")));
        }
        QVERIFY2(!text.contains(QStringLiteral("Reconciliation per store")), "an English heading in the Swedish pack");
    }

private:
    TempCache m_cache;
    DatabaseConnectionPtr m_db;
    ExportFixture m_fixture;
    ClosePackData m_data;
    QTemporaryDir m_dir;
    QString m_python;
};

QTEST_MAIN(tst_ClosePackExport)
#include "tst_closepackexport.moc"
