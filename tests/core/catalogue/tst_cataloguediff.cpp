// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogueDiff on crafted catalogues: every difference type, the saleable/active rules, near-match hints, a clean
// comparison, unsorted input and duplicate SKUs.
#include "core/catalogue/cataloguediff.h"

#include <QJsonArray>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Qt::StringLiterals;

namespace {
CatalogueRow row(const QString &sku, qint64 priceMinor, int vatPercent = 20, bool active = true,
                 const QString &title = QString(), const QString &barcode = QString())
{
    CatalogueRow r;
    r.sku = sku;
    r.title = title.isEmpty() ? QStringLiteral("Item ") + sku : title;
    r.barcode = barcode.isEmpty() ? QStringLiteral("735") + sku : barcode;
    r.price = Money(priceMinor, Currency::of(u"GBP"));
    r.vatRate = VatRate::fromPercent(vatPercent);
    r.active = active;
    return r;
}

const CatalogueDifference *find(const CatalogueDiffResult &result, const std::vector<CatalogueRow> &prima,
                                const std::vector<CatalogueRow> &sitoo, const QString &sku)
{
    for (const CatalogueDifference &d : result.differences) {
        if (CatalogueDiff::skuOf(d, prima, sitoo) == sku)
            return &d;
    }
    return nullptr;
}
} // namespace

class tst_CatalogueDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalCataloguesHaveNoDifference();
    void everyDifferenceType();
    void explanationsNameBothValues();
    void nearMatchHints();
    void unsortedInputAndDuplicates();
};

void tst_CatalogueDiff::identicalCataloguesHaveNoDifference()
{
    std::vector<CatalogueRow> prima{row(u"A-1"_s, 5900), row(u"B-2"_s, 1000), row(u"C-3"_s, 250, 0)};
    std::vector<CatalogueRow> sitoo = prima;
    const CatalogueDiffResult result = CatalogueDiff::compare(prima, sitoo);
    QCOMPARE(result.total(), 0);
    QCOMPARE(int(result.differences.size()), 0);
    QCOMPARE(result.matched, 3);
}

void tst_CatalogueDiff::everyDifferenceType()
{
    std::vector<CatalogueRow> prima{
        row(u"MATCH"_s, 1000),
        row(u"PONLY"_s, 1000),                  // active in Prima, not in Sitoo
        row(u"PONLY-DISC"_s, 1000, 20, false),  // discontinued: not missing anywhere
        row(u"PRICE"_s, 5900),
        row(u"VAT"_s, 1000, 20),
        row(u"TITLE"_s, 1000, 20, true, u"Blue shirt"_s),
        row(u"BARCODE"_s, 1000, 20, true, QString(), u"7350000000017"_s),
        row(u"ACTIVE"_s, 1000, 20, false),      // discontinued in Prima, still sold in Sitoo
        row(u"DEAD"_s, 1000, 20, false),        // neither sells it: differences do not matter
    };
    std::vector<CatalogueRow> sitoo{
        row(u"MATCH"_s, 1000),
        row(u"SONLY"_s, 1000),                  // saleable only in Sitoo
        row(u"SONLY-HIDDEN"_s, 1000, 20, false), // only in Sitoo but hidden in the POS: not saleable
        row(u"PRICE"_s, 5500),
        row(u"VAT"_s, 1000, 25),
        row(u"TITLE"_s, 1000, 20, true, u"Blue Shirt"_s),
        row(u"BARCODE"_s, 1000, 20, true, QString(), u"7350000000024"_s),
        row(u"ACTIVE"_s, 1000, 20, true),
        row(u"DEAD"_s, 999, 25, false),
    };
    const CatalogueDiffResult result = CatalogueDiff::compare(prima, sitoo);
    QCOMPARE(result.onlyInPrima, 1);
    QCOMPARE(result.onlyInSitoo, 1);
    QCOMPARE(result.fieldMismatch, 5);
    QCOMPARE(result.matched, 2); // MATCH and DEAD
    QCOMPARE(int(result.differences.size()), 7);

    QVERIFY(find(result, prima, sitoo, u"PONLY"_s));
    QCOMPARE(find(result, prima, sitoo, u"PONLY"_s)->type, CatalogueDifference::Type::OnlyInPrima);
    QVERIFY(find(result, prima, sitoo, u"SONLY"_s));
    QCOMPARE(find(result, prima, sitoo, u"SONLY"_s)->type, CatalogueDifference::Type::OnlyInSitoo);
    QVERIFY(!find(result, prima, sitoo, u"PONLY-DISC"_s));
    QVERIFY(!find(result, prima, sitoo, u"SONLY-HIDDEN"_s));
    QVERIFY(!find(result, prima, sitoo, u"DEAD"_s));

    const std::pair<const char16_t *, CatalogueField> fields[] = {
        {u"PRICE", CatalogueField::Price},     {u"VAT", CatalogueField::Vat},
        {u"TITLE", CatalogueField::Title},     {u"BARCODE", CatalogueField::Barcode},
        {u"ACTIVE", CatalogueField::Active},
    };
    for (const auto &[sku, field] : fields) {
        const CatalogueDifference *d = find(result, prima, sitoo, QString::fromUtf16(sku));
        QVERIFY2(d, qPrintable(QString::fromUtf16(sku)));
        QCOMPARE(d->type, CatalogueDifference::Type::FieldMismatch);
        QCOMPARE(d->fields, unsigned(field)); // exactly that field, nothing else
    }
}

void tst_CatalogueDiff::explanationsNameBothValues()
{
    std::vector<CatalogueRow> prima{row(u"200CH-G-070"_s, 5900, 20, true, u"Chelsea boot"_s)};
    std::vector<CatalogueRow> sitoo{row(u"200CH-G-070"_s, 5500, 25, false, u"Chelsea Boot"_s, u"123"_s)};
    sitoo.front().productId = 1234;
    const CatalogueDiffResult result = CatalogueDiff::compare(prima, sitoo);
    QCOMPARE(int(result.differences.size()), 1);
    const QString text = CatalogueDiff::explain(result.differences.front(), prima, sitoo);
    QVERIFY2(text.contains(u"Price: Prima 59.00 GBP, Sitoo 55.00 GBP"), qPrintable(text));
    QVERIFY2(text.contains(u"VAT: Prima 20 %, Sitoo 25 %"), qPrintable(text));
    QVERIFY2(text.contains(u"Title: Prima \"Chelsea boot\", Sitoo \"Chelsea Boot\""), qPrintable(text));
    QVERIFY2(text.contains(u"Barcode: Prima \"735200CH-G-070\", Sitoo \"123\""), qPrintable(text));
    QVERIFY2(text.contains(u"Active in POS: Prima yes, Sitoo no"), qPrintable(text));

    const QJsonObject details = CatalogueDiff::details(result.differences.front(), prima, sitoo);
    QCOMPARE(details.value(u"prima").toObject().value(u"price_minor").toInteger(), 5900);
    QCOMPARE(details.value(u"sitoo").toObject().value(u"price_minor").toInteger(), 5500);
    QCOMPARE(details.value(u"sitoo").toObject().value(u"productid").toInteger(), 1234);
    QCOMPARE(details.value(u"fields").toArray().size(), 5);
}

void tst_CatalogueDiff::nearMatchHints()
{
    std::vector<CatalogueRow> prima{
        row(u"200CH-G-070"_s, 5900), // Sitoo dropped the colour segment
        row(u"TS-100-M"_s, 1500),    // Sitoo typed it in lower case
        row(u"AB12"_s, 800),         // Sitoo has a space in it
        row(u"LONE-1"_s, 800),       // nothing near
    };
    std::vector<CatalogueRow> sitoo{
        row(u"200CH-070"_s, 5900),
        row(u"ts-100-m"_s, 1500),
        row(u"AB 12"_s, 800),
        row(u"ELSEWHERE"_s, 800),
    };
    const CatalogueDiffResult result = CatalogueDiff::compare(prima, sitoo);
    QCOMPARE(result.onlyInPrima, 4);
    QCOMPARE(result.onlyInSitoo, 4);
    QCOMPARE(result.nearMatches, 6); // three pairs, hinted on both sides

    const CatalogueDifference *dropped = find(result, prima, sitoo, u"200CH-G-070"_s);
    QVERIFY(dropped);
    QCOMPARE(dropped->nearReason, u"dropped-segment:G"_s);
    QCOMPARE(sitoo[size_t(dropped->nearIndex)].sku, u"200CH-070"_s);
    const QString text = CatalogueDiff::explain(*dropped, prima, sitoo);
    QVERIFY2(text.contains(u"Near match: Sitoo has 200CH-070"), qPrintable(text));
    QVERIFY2(text.contains(u"\"G\""), qPrintable(text));
    const CatalogueDifference *shorter = find(result, prima, sitoo, u"200CH-070"_s);
    QVERIFY(shorter);
    QCOMPARE(shorter->nearReason, u"dropped-segment:G"_s);
    QCOMPARE(prima[size_t(shorter->nearIndex)].sku, u"200CH-G-070"_s);

    QCOMPARE(find(result, prima, sitoo, u"TS-100-M"_s)->nearReason, u"case"_s);
    QCOMPARE(find(result, prima, sitoo, u"ts-100-m"_s)->nearReason, u"case"_s);
    QCOMPARE(find(result, prima, sitoo, u"AB12"_s)->nearReason, u"whitespace"_s);
    QCOMPARE(find(result, prima, sitoo, u"LONE-1"_s)->nearIndex, -1);
    QCOMPARE(find(result, prima, sitoo, u"ELSEWHERE"_s)->nearIndex, -1);
    QVERIFY(!CatalogueDiff::explain(*find(result, prima, sitoo, u"LONE-1"_s), prima, sitoo).contains(u"Near"));
}

void tst_CatalogueDiff::unsortedInputAndDuplicates()
{
    std::vector<CatalogueRow> prima{row(u"Z"_s, 100), row(u"A"_s, 100), row(u"M"_s, 100), row(u"A"_s, 100)};
    std::vector<CatalogueRow> sitoo{row(u"M"_s, 100), row(u"Z"_s, 200), row(u"A"_s, 100)};
    const CatalogueDiffResult result = CatalogueDiff::compare(prima, sitoo);
    QCOMPARE(result.matched, 2);
    QCOMPARE(result.fieldMismatch, 1);
    QCOMPARE(result.total(), 1);
    QCOMPARE(CatalogueDiff::skuOf(result.differences.front(), prima, sitoo), u"Z"_s);
}

QTEST_GUILESS_MAIN(tst_CatalogueDiff)
#include "tst_cataloguediff.moc"
