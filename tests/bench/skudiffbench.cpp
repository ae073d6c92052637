// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/skudiffbench.h"

#include "tests/bench/benchreport.h"

#include "core/catalogue/cataloguediff.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <random>
#include <vector>

namespace Tillbridge::Bench {

using namespace Core;

namespace {
constexpr char kHeader[] = "sku,title,barcode,price_minor,currency,vat_units,active\n";

struct Line
{
    QByteArray sku;
    QByteArray title;
    QByteArray barcode;
    qint64 price = 0;
    qint64 vat = 0;
    bool active = true;
};

QByteArray csvLine(const Line &l)
{
    return l.sku + ',' + l.title + ',' + l.barcode + ',' + QByteArray::number(l.price) + ",GBP,"
           + QByteArray::number(l.vat) + ',' + (l.active ? '1' : '0') + '\n';
}

/** Reads a file written by this bench (no quoting: titles have no commas) into diff rows. */
Result<std::vector<CatalogueRow>> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(path)};
    const QByteArray bytes = file.readAll();
    const Currency gbp = Currency::of(u"GBP");
    std::vector<CatalogueRow> rows;
    rows.reserve(size_t(bytes.count('\n')));
    qsizetype pos = bytes.indexOf('\n') + 1; // the header
    while (pos < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0)
            end = bytes.size();
        QByteArrayView line(bytes.constData() + pos, end - pos);
        QByteArrayView fields[7];
        int n = 0;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= line.size() && n < 7; ++i) {
            if (i == line.size() || line[i] == ',') {
                fields[n++] = line.sliced(start, i - start);
                start = i + 1;
            }
        }
        if (n != 7)
            return Error{ErrorCode::InvalidInput, QStringLiteral("bad line in %1").arg(path)};
        CatalogueRow row;
        row.sku = QString::fromLatin1(fields[0]);
        row.title = QString::fromLatin1(fields[1]);
        row.barcode = QString::fromLatin1(fields[2]);
        row.price = Money(fields[3].toLongLong(), gbp);
        row.vatRate = VatRate::fromUnits(fields[5].toLongLong());
        row.active = fields[6] == "1";
        rows.push_back(std::move(row));
        pos = end + 1;
    }
    return rows;
}
} // namespace

Result<QJsonObject> runSkuDiffBench(const SkuDiffBenchOptions &options)
{
    auto tempDir = options.directory.isEmpty() ? std::make_unique<QTemporaryDir>()
                                               : std::make_unique<QTemporaryDir>(options.directory
                                                                                 + QStringLiteral("/sku-diff-XXXXXX"));
    if (!tempDir->isValid())
        return Error{ErrorCode::Io, QStringLiteral("cannot create a temporary folder")};
    tempDir->setAutoRemove(!options.keepFiles);
    const QString primaPath = tempDir->filePath(QStringLiteral("prima.csv"));
    const QString sitooPath = tempDir->filePath(QStringLiteral("sitoo.csv"));

    // ---- The two catalogues: ~differenceRate of the SKUs differ, split evenly over the three kinds.
    BenchReport::progress(QStringLiteral("sku-diff: writing %1 + %1 SKUs").arg(options.skus));
    QRandomGenerator rng(options.seed);
    std::vector<Line> sitooLines;
    sitooLines.reserve(size_t(options.skus));
    {
        QFile prima(primaPath);
        if (!prima.open(QIODevice::WriteOnly))
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(primaPath)};
        prima.write(kHeader);
        const quint32 threshold = quint32(options.differenceRate * 3000000.0); // out of 3·10^6: a third per kind
        for (int i = 0; i < options.skus; ++i) {
            Line line;
            line.sku = "ST" + QByteArray::number(100000 + i / 12) + '-' + QByteArray("BLKWHTNAVREDGRN").mid((i % 4) * 3, 3)
                       + '-' + QByteArray::number(36 + i % 3);
            line.title = "Style " + QByteArray::number(i / 12) + " size " + QByteArray::number(36 + i % 3);
            line.barcode = QByteArray::number(7350000000000LL + i);
            line.price = 1000 + (i % 97) * 100;
            line.vat = 200000;
            prima.write(csvLine(line));
            const quint32 draw = rng.bounded(1000000u) * 3;
            Line sitoo = line;
            if (draw < threshold) {
                switch (rng.bounded(3)) {
                case 0: // only in Prima
                    continue;
                case 1: // only in Sitoo: a SKU typed at a till next to this one
                    sitoo.sku += "-X";
                    break;
                default: // a field differs
                    if (rng.bounded(2) == 0)
                        sitoo.price -= 400;
                    else
                        sitoo.title += " (old)";
                    break;
                }
            }
            sitooLines.push_back(std::move(sitoo));
        }
    }
    // Sitoo's order is not Prima's.
    std::shuffle(sitooLines.begin(), sitooLines.end(), std::mt19937(options.seed));
    {
        QFile sitoo(sitooPath);
        if (!sitoo.open(QIODevice::WriteOnly))
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(sitooPath)};
        sitoo.write(kHeader);
        for (const Line &line : sitooLines)
            sitoo.write(csvLine(line));
    }
    const int sitooCount = int(sitooLines.size());
    std::vector<Line>().swap(sitooLines);

    // ---- Tillbridge: read both files into value rows, then the sort-merge diff.
    BenchReport::progress(QStringLiteral("sku-diff: CatalogueDiff"));
    QElapsedTimer timer;
    timer.start();
    auto primaRows = readCsv(primaPath);
    auto sitooRows = readCsv(sitooPath);
    if (!primaRows || !sitooRows)
        return !primaRows ? primaRows.error() : sitooRows.error();
    const qint64 readNs = timer.nsecsElapsed();
    const CatalogueDiffResult diff = CatalogueDiff::compare(*primaRows, *sitooRows);
    const qint64 totalNs = timer.nsecsElapsed();
    const double peakRss = BenchReport::peakRssMb();
    primaRows = std::vector<CatalogueRow>();
    sitooRows = std::vector<CatalogueRow>();

    // ---- The reference: the sqlite3 shell, in memory, both files imported, one join.
    BenchReport::progress(QStringLiteral("sku-diff: sqlite3 reference"));
    const QByteArray script =
        ".mode csv\n"
        ".import '" + primaPath.toUtf8() + "' prima\n"
        ".import '" + sitooPath.toUtf8() + "' sitoo\n"
        // Without an index SQLite's FULL OUTER JOIN scans the right side per row (quadratic); the reference gets
        // its best plan, and the index builds are part of its time.
        "CREATE INDEX prima_sku ON prima (sku);\n"
        "CREATE INDEX sitoo_sku ON sitoo (sku);\n"
        ".mode list\n"
        "SELECT SUM(s.sku IS NULL AND p.active = '1'), SUM(p.sku IS NULL AND s.active = '1'),\n"
        "  SUM(p.sku IS NOT NULL AND s.sku IS NOT NULL AND (p.active = '1' OR s.active = '1') AND (\n"
        "      p.price_minor <> s.price_minor OR p.currency <> s.currency OR p.vat_units <> s.vat_units\n"
        "      OR p.title <> s.title OR p.barcode <> s.barcode OR p.active <> s.active))\n"
        "FROM prima p FULL OUTER JOIN sitoo s ON p.sku = s.sku;\n";
    QProcess sqlite;
    timer.restart();
    sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral(":memory:")});
    if (!sqlite.waitForStarted(10000))
        return Error{ErrorCode::Io, QStringLiteral("the sqlite3 shell could not be started (apt install sqlite3)")};
    sqlite.write(script);
    sqlite.closeWriteChannel();
    if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0)
        return Error{ErrorCode::Io, QStringLiteral("sqlite3 failed: %1").arg(QString::fromLocal8Bit(
                                                                               sqlite.readAllStandardError()))};
    const qint64 sqliteNs = timer.nsecsElapsed();
    const QList<QByteArray> counts = sqlite.readAllStandardOutput().trimmed().split('|');
    if (counts.size() != 3)
        return Error{ErrorCode::InvalidInput, QStringLiteral("unexpected sqlite3 output")};
    const bool agree = counts[0].toInt() == diff.onlyInPrima && counts[1].toInt() == diff.onlyInSitoo
                       && counts[2].toInt() == diff.fieldMismatch;
    if (!agree)
        return Error{ErrorCode::InvalidInput,
                     QStringLiteral("the reference disagrees: sqlite3 %1/%2/%3, CatalogueDiff %4/%5/%6")
                         .arg(QString::fromLatin1(counts[0]), QString::fromLatin1(counts[1]),
                              QString::fromLatin1(counts[2]))
                         .arg(diff.onlyInPrima)
                         .arg(diff.onlyInSitoo)
                         .arg(diff.fieldMismatch)};

    const double seconds = double(totalNs) / 1e9;
    const double sqliteSeconds = double(sqliteNs) / 1e9;
    return QJsonObject{
        {QStringLiteral("scenario"), QStringLiteral("sku-diff")},
        {QStringLiteral("prima_skus"), options.skus},
        {QStringLiteral("sitoo_skus"), sitooCount},
        {QStringLiteral("seed"), qint64(options.seed)},
        {QStringLiteral("only_in_prima"), diff.onlyInPrima},
        {QStringLiteral("only_in_sitoo"), diff.onlyInSitoo},
        {QStringLiteral("field_mismatch"), diff.fieldMismatch},
        {QStringLiteral("near_match_hints"), diff.nearMatches},
        {QStringLiteral("seconds"), BenchReport::rounded(seconds)},
        {QStringLiteral("read_seconds"), BenchReport::rounded(double(readNs) / 1e9)},
        {QStringLiteral("diff_seconds"), BenchReport::rounded(double(totalNs - readNs) / 1e9)},
        {QStringLiteral("sqlite3_seconds"), BenchReport::rounded(sqliteSeconds)},
        {QStringLiteral("ratio"), BenchReport::rounded(seconds / sqliteSeconds)},
        {QStringLiteral("peak_rss_mb"), BenchReport::rounded(peakRss, 1)},
        {QStringLiteral("agree"), agree},
    };
}

} // namespace Tillbridge::Bench
