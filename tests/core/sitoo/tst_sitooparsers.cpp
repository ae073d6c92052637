// SPDX-License-Identifier: GPL-3.0-or-later
// SitooJsonReader and SitooParsers: exact, tolerant field readers and the parsers for products, product groups,
// stores, warehouses, stock levels, payment types, Z-reports, batch results, error bodies and envelopes.
#include "core/sitoo/sitoojson.h"
#include "core/sitoo/sitooparsers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Tillbridge::Core;

namespace {

const Currency kSek = Currency::of(u"SEK");

QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(TILLBRIDGE_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

/** A reader over {"v": <json>} so that each case states the JSON text exactly as it would arrive. */
struct ReaderCase
{
    explicit ReaderCase(const QByteArray &valueJson)
        : object(QJsonDocument::fromJson("{\"v\": " + valueJson + "}").object())
        , reader(object, QStringLiteral("Test"), &problems)
    {
    }
    QJsonObject object;
    QStringList problems;
    SitooJsonReader reader;
};

} // namespace

class tst_SitooParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // SitooJsonReader
    void moneyReader_data();
    void moneyReader();
    void decimalReader_data();
    void decimalReader();
    void integerReader_data();
    void integerReader();
    void vatRateReader_data();
    void vatRateReader();
    void numberTextRefusesNonFinite();
    void dateReader_data();
    void dateReader();
    void booleanReader_data();
    void booleanReader();
    void stringReader_data();
    void stringReader();
    void currencyReader_data();
    void currencyReader();
    void listAndObjectShapes();
    void absentAndNullAreExplicit();
    void nestedReaderNamesTheField();
    // SitooParsers
    void collection_data();
    void collection();
    void collectionRejects_data();
    void collectionRejects();
    void errorBody_data();
    void errorBody();
    void batchResults();
    void batchResultsRejectsNonList();
    void writeReturn_data();
    void writeReturn();
    void product();
    void productsSkipBadElements();
    void productsNeedACurrency();
    void productGroups();
    void stores();
    void warehouses();
    void warehouseItemsAreExact();
    void warehouseItemsWithStockValue();
    void warehouseItemsProblems();
    void paymentTypesBareArray();
    void zReports();
    void unexpectedShapesNeverCrash_data();
    void unexpectedShapesNeverCrash();
};

void tst_SitooParsers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

// ---- SitooJsonReader -----------------------------------------------------------------------------------------------

void tst_SitooParsers::moneyReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("problem"); // empty: parses to minor
    QTest::newRow("price") << QByteArray("\"123.50\"") << "SEK" << qint64(12350) << QString();
    QTest::newRow("refund") << QByteArray("\"-2990.00\"") << "SEK" << qint64(-299000) << QString();
    QTest::newRow("negative zero") << QByteArray("\"-0.00\"") << "SEK" << qint64(0) << QString();
    QTest::newRow("yen") << QByteArray("\"150\"") << "JPY" << qint64(150) << QString();
    QTest::newRow("dinar") << QByteArray("\"1.250\"") << "KWD" << qint64(1250) << QString();
    QTest::newRow("large") << QByteArray("\"92233720368547758.07\"") << "SEK" << std::numeric_limits<qint64>::max()
                           << QString();
    QTest::newRow("comma") << QByteArray("\"12,50\"") << "SEK" << qint64(0)
                           << "Test: \"v\" is \"12,50\", which is not an amount: “12,50” uses a comma; amounts must "
                              "use a point as the decimal separator.";
    QTest::newRow("exponent") << QByteArray("\"1e3\"") << "SEK" << qint64(0)
                              << "Test: \"v\" is \"1e3\", which is not an amount: “1e3” is in exponent notation, "
                                 "which is not accepted for amounts.";
    QTest::newRow("empty") << QByteArray("\"\"") << "SEK" << qint64(0)
                           << "Test: \"v\" is \"\", which is not an amount: The amount is empty.";
    QTest::newRow("integer number") << QByteArray("12") << "SEK" << qint64(0)
                                    << "Test: \"v\" is 12, but amounts must be text with a point as the decimal "
                                       "separator, such as \"12.50\".";
    QTest::newRow("fraction number") << QByteArray("0.1") << "SEK" << qint64(0)
                                     << "Test: \"v\" is 0.1, but amounts must be text with a point as the decimal "
                                        "separator, such as \"12.50\".";
    QTest::newRow("bool") << QByteArray("true") << "SEK" << qint64(0)
                          << "Test: \"v\" is true, but amounts must be text with a point as the decimal separator, "
                             "such as \"12.50\".";
    QTest::newRow("object") << QByteArray("{}") << "SEK" << qint64(0)
                            << "Test: \"v\" is an object, but amounts must be text with a point as the decimal "
                               "separator, such as \"12.50\".";
    QTest::newRow("too many decimals") << QByteArray("\"1.001\"") << "SEK" << qint64(0)
                                       << "Test: \"v\" is \"1.001\", which is not an amount: “1.001” has more "
                                          "decimals than SEK allows (2).";
    QTest::newRow("overflow") << QByteArray("\"92233720368547758.08\"") << "SEK" << qint64(0)
                              << "Test: \"v\" is \"92233720368547758.08\", which is not an amount: "
                                 "“92233720368547758.08” is too large to be represented exactly.";
}

void tst_SitooParsers::moneyReader()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    QFETCH(QString, problem);
    ReaderCase test(json);
    const auto money = test.reader.money("v", Currency::of(currency));
    if (problem.isEmpty()) {
        QVERIFY2(money, qPrintable(test.problems.join(u'\n')));
        QCOMPARE(money->minorUnits(), minor);
        QCOMPARE(money->currency().code(), currency);
        QVERIFY(test.problems.isEmpty());
    } else {
        QVERIFY(!money);
        QCOMPARE(test.problems, QStringList{problem});
    }
}

void tst_SitooParsers::decimalReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("problem");
    QTest::newRow("stock") << QByteArray("\"5.000\"") << qint64(5000) << 3 << QString();
    QTest::newRow("negative") << QByteArray("\"-1.000\"") << qint64(-1000) << 3 << QString();
    QTest::newRow("integer text") << QByteArray("\"40\"") << qint64(40) << 0 << QString();
    QTest::newRow("comma") << QByteArray("\"5,000\"") << qint64(0) << 0
                           << "Test: \"v\" is \"5,000\", which is not a decimal number: “5,000” uses a comma; "
                              "amounts must use a point as the decimal separator.";
    QTest::newRow("number") << QByteArray("5") << qint64(0) << 0
                            << "Test: \"v\" is 5, but quantities must be text with a point as the decimal separator, "
                               "such as \"5.000\".";
}

void tst_SitooParsers::decimalReader()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, units);
    QFETCH(int, scale);
    QFETCH(QString, problem);
    ReaderCase test(json);
    const auto decimal = test.reader.decimal("v");
    if (problem.isEmpty()) {
        QVERIFY2(decimal, qPrintable(test.problems.join(u'\n')));
        QCOMPARE(decimal->units(), units);
        QCOMPARE(decimal->scale(), scale);
    } else {
        QVERIFY(!decimal);
        QCOMPARE(test.problems, QStringList{problem});
    }
}

void tst_SitooParsers::integerReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("ok");
    QTest::newRow("int") << QByteArray("20001") << qint64(20001) << true;
    QTest::newRow("negative") << QByteArray("-1") << qint64(-1) << true;
    QTest::newRow("text") << QByteArray("\"20001\"") << qint64(20001) << true;
    QTest::newRow("above 2^53, exact") << QByteArray("9007199254740993") << qint64(9007199254740993LL) << true;
    QTest::newRow("qint64 max") << QByteArray("9223372036854775807") << std::numeric_limits<qint64>::max() << true;
    QTest::newRow("integral double") << QByteArray("25.0") << qint64(25) << true;
    QTest::newRow("fraction") << QByteArray("2.5") << qint64(0) << false;
    QTest::newRow("fraction text") << QByteArray("\"2.0\"") << qint64(0) << false;
    QTest::newRow("beyond 64 bits") << QByteArray("18446744073709551616") << qint64(0) << false;
    QTest::newRow("huge") << QByteArray("1e30") << qint64(0) << false;
    QTest::newRow("letters") << QByteArray("\"abc\"") << qint64(0) << false;
    QTest::newRow("bool") << QByteArray("true") << qint64(0) << false;
    QTest::newRow("list") << QByteArray("[1]") << qint64(0) << false;
}

void tst_SitooParsers::integerReader()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, value);
    QFETCH(bool, ok);
    ReaderCase test(json);
    const auto integer = test.reader.integer("v");
    QCOMPARE(integer.has_value(), ok);
    if (ok) {
        QCOMPARE(*integer, value);
        QVERIFY(test.problems.isEmpty());
    } else {
        QCOMPARE(test.problems.size(), 1);
        QVERIFY2(test.problems.first().endsWith(u"which is not a whole number."), qPrintable(test.problems.first()));
    }

    // smallInteger refuses what does not fit in int
    ReaderCase small(json);
    const auto narrow = small.reader.smallInteger("v");
    const bool fits = ok && value >= std::numeric_limits<int>::min() && value <= std::numeric_limits<int>::max();
    QCOMPARE(narrow.has_value(), fits);
    if (ok && !fits)
        QCOMPARE(small.problems, QStringList{QStringLiteral("Test: \"v\" is %1, which is out of range.").arg(value)});
}

void tst_SitooParsers::vatRateReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("units"); // -1: a problem
    QTest::newRow("25") << QByteArray("25") << qint64(250000);
    QTest::newRow("25.0") << QByteArray("25.0") << qint64(250000);
    QTest::newRow("25.00 text") << QByteArray("\"25.00\"") << qint64(250000);
    QTest::newRow("7.7") << QByteArray("7.7") << qint64(77000);
    QTest::newRow("0.1") << QByteArray("0.1") << qint64(1000);
    QTest::newRow("12.25") << QByteArray("12.25") << qint64(122500);
    QTest::newRow("2.1") << QByteArray("2.1") << qint64(21000);
    QTest::newRow("5.5") << QByteArray("5.5") << qint64(55000);
    QTest::newRow("8.1234") << QByteArray("8.1234") << qint64(81234);
    QTest::newRow("exponent 2.5e1") << QByteArray("2.5e1") << qint64(250000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("negative") << QByteArray("-25") << qint64(-1);
    QTest::newRow("negative fraction") << QByteArray("-7.7") << qint64(-1);
    QTest::newRow("five decimals") << QByteArray("7.71234") << qint64(-1);
    QTest::newRow("1000 %") << QByteArray("1000") << qint64(-1);
    QTest::newRow("1e300") << QByteArray("1e300") << qint64(-1);
    QTest::newRow("tiny") << QByteArray("1e-7") << qint64(-1);
    QTest::newRow("comma text") << QByteArray("\"7,7\"") << qint64(-1);
    QTest::newRow("empty text") << QByteArray("\"\"") << qint64(-1);
    QTest::newRow("bool") << QByteArray("false") << qint64(-1);
    QTest::newRow("list") << QByteArray("[25]") << qint64(-1);
}

void tst_SitooParsers::vatRateReader()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, units);
    ReaderCase test(json);
    const auto rate = test.reader.vatRate("v");
    if (units < 0) {
        QVERIFY(!rate);
        QCOMPARE(test.problems.size(), 1);
        QVERIFY2(test.problems.first().startsWith(u"Test: \"v\" is "), qPrintable(test.problems.first()));
        QVERIFY2(test.problems.first().contains(u"VAT rate"), qPrintable(test.problems.first()));
        return;
    }
    QVERIFY2(rate, qPrintable(test.problems.join(u'\n')));
    QCOMPARE(rate->units(), units);
}

void tst_SitooParsers::numberTextRefusesNonFinite()
{
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(7.7)), QStringLiteral("7.7"));
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(0.30000000000000004)), QStringLiteral("0.30000000000000004"));
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(qint64(9007199254740993LL))), QStringLiteral("9007199254740993"));
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(std::numeric_limits<double>::quiet_NaN())), QString());
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(std::numeric_limits<double>::infinity())), QString());
    QCOMPARE(SitooJsonReader::numberText(QJsonValue(QStringLiteral("7.7"))), QString()); // not a number

    // A rate that reaches the reader as NaN (not expressible in JSON, but QJsonValue can hold it) is refused.
    QJsonObject object{{QStringLiteral("v"), std::numeric_limits<double>::quiet_NaN()}};
    QStringList problems;
    SitooJsonReader reader(object, QStringLiteral("Test"), &problems);
    QVERIFY(!reader.vatRate("v"));
    QCOMPARE(problems.size(), 1);
}

void tst_SitooParsers::dateReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expected"); // invalid: a problem
    const QDateTime june10(QDate(2024, 6, 10), QTime(9, 0), Qt::UTC);
    QTest::newRow("unix seconds") << QByteArray("1718010000") << june10;
    QTest::newRow("as text") << QByteArray("\"1718010000\"") << june10;
    QTest::newRow("epoch") << QByteArray("0") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("negative") << QByteArray("-1") << QDateTime();
    QTest::newRow("after year 9999") << QByteArray("253402300800") << QDateTime();
    QTest::newRow("milliseconds by mistake?") << QByteArray("1718010000000") << QDateTime();
    QTest::newRow("ISO text") << QByteArray("\"2024-06-10T09:00:00Z\"") << QDateTime();
    QTest::newRow("fraction") << QByteArray("1718010000.5") << QDateTime();
}

void tst_SitooParsers::dateReader()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    ReaderCase test(json);
    const auto date = test.reader.date("v");
    if (!expected.isValid()) {
        QVERIFY(!date);
        QCOMPARE(test.problems.size(), 1);
        QVERIFY2(test.problems.first().contains(u"which is not a date"), qPrintable(test.problems.first()));
        return;
    }
    QVERIFY2(date, qPrintable(test.problems.join(u'\n')));
    QCOMPARE(*date, expected);
    QCOMPARE(date->timeSpec(), Qt::UTC);
}

void tst_SitooParsers::booleanReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("expected"); // 0, 1; -1: a problem
    QTest::newRow("true") << QByteArray("true") << 1;
    QTest::newRow("false") << QByteArray("false") << 0;
    QTest::newRow("1") << QByteArray("1") << 1;
    QTest::newRow("0") << QByteArray("0") << 0;
    QTest::newRow("\"true\"") << QByteArray("\"true\"") << 1;
    QTest::newRow("\"0\"") << QByteArray("\"0\"") << 0;
    QTest::newRow("2") << QByteArray("2") << -1;
    QTest::newRow("\"yes\"") << QByteArray("\"yes\"") << -1;
    QTest::newRow("list") << QByteArray("[]") << -1;
}

void tst_SitooParsers::booleanReader()
{
    QFETCH(QByteArray, json);
    QFETCH(int, expected);
    ReaderCase test(json);
    const auto value = test.reader.boolean("v");
    if (expected < 0) {
        QVERIFY(!value);
        QCOMPARE(test.problems.size(), 1);
        QVERIFY(test.problems.first().endsWith(u"which is not true or false."));
        return;
    }
    QVERIFY(value);
    QCOMPARE(*value, expected == 1);
}

void tst_SitooParsers::stringReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("problem");
    QTest::newRow("text") << QByteArray("\"Concept Store\"") << "Concept Store" << false;
    QTest::newRow("empty") << QByteArray("\"\"") << "" << false;
    QTest::newRow("null") << QByteArray("null") << "" << false;
    QTest::newRow("int as text") << QByteArray("200") << "200" << false;
    QTest::newRow("unicode") << QByteArray("\"Malm\\u00f6\"") << QString::fromUtf8("Malmö") << false;
    QTest::newRow("fraction") << QByteArray("1.5") << "" << true;
    QTest::newRow("bool") << QByteArray("true") << "" << true;
    QTest::newRow("object") << QByteArray("{\"a\":1}") << "" << true;
}

void tst_SitooParsers::stringReader()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QFETCH(bool, problem);
    ReaderCase test(json);
    QCOMPARE(test.reader.string("v"), expected);
    QCOMPARE(test.problems.size(), problem ? 1 : 0);
    if (problem)
        QVERIFY(test.problems.first().endsWith(u"which is not text."));
}

void tst_SitooParsers::currencyReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code"); // empty: a problem
    QTest::newRow("SEK") << QByteArray("\"SEK\"") << "SEK";
    QTest::newRow("lower case") << QByteArray("\"gbp\"") << "GBP";
    QTest::newRow("unknown") << QByteArray("\"XYZ\"") << "";
    QTest::newRow("empty") << QByteArray("\"\"") << "";
    QTest::newRow("number") << QByteArray("752") << "";
}

void tst_SitooParsers::currencyReader()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    ReaderCase test(json);
    const auto currency = test.reader.currency("v");
    if (code.isEmpty()) {
        QVERIFY(!currency);
        QCOMPARE(test.problems.size(), 1);
        return;
    }
    QVERIFY(currency);
    QCOMPARE(currency->code(), code);
}

void tst_SitooParsers::listAndObjectShapes()
{
    // PHP encodes an empty map as [] and some back ends an empty list as {}: both are accepted when empty only.
    ReaderCase emptyObjectAsList("{}");
    QCOMPARE(emptyObjectAsList.reader.array("v").value_or(QJsonArray{1}), QJsonArray());
    ReaderCase emptyListAsObject("[]");
    QCOMPARE(emptyListAsObject.reader.objectField("v").value_or(QJsonObject{{QStringLiteral("x"), 1}}), QJsonObject());
    QVERIFY(emptyObjectAsList.problems.isEmpty() && emptyListAsObject.problems.isEmpty());

    ReaderCase objectAsList("{\"a\": 1}");
    QVERIFY(!objectAsList.reader.array("v"));
    QCOMPARE(objectAsList.problems, QStringList{QStringLiteral("Test: \"v\" is an object, but a list was expected.")});
    ReaderCase listAsObject("[1]");
    QVERIFY(!listAsObject.reader.objectField("v"));
    QCOMPARE(listAsObject.problems,
             QStringList{QStringLiteral("Test: \"v\" is a list, but an object with named values was expected.")});
}

void tst_SitooParsers::absentAndNullAreExplicit()
{
    const QJsonObject object = QJsonDocument::fromJson(R"({"n": null, "e": ""})").object();
    QStringList problems;
    SitooJsonReader reader(object, QStringLiteral("Order 1"), &problems);
    // Optional: no value, no problem.
    QVERIFY(!reader.money("absent", kSek, SitooField::Optional));
    QVERIFY(!reader.money("n", kSek, SitooField::Optional));
    QVERIFY(!reader.integer("e", SitooField::Optional)); // "" counts as null for ids and enums
    QVERIFY(!reader.date("n", SitooField::Optional));
    QVERIFY(!reader.vatRate("n", SitooField::Optional));
    QCOMPARE(reader.string("n"), QString());
    QVERIFY(problems.isEmpty());
    QVERIFY(reader.isPresent("n"));
    QVERIFY(!reader.hasValue("n"));
    QVERIFY(!reader.isPresent("absent"));
    // Required: a problem each, naming the field.
    QVERIFY(!reader.money("absent", kSek));
    QVERIFY(!reader.decimal("n"));
    QVERIFY(!reader.integer("e"));
    QVERIFY(!reader.money("e", kSek, SitooField::Optional)); // "" is never a valid amount, even when optional
    const QStringList expected{
        QStringLiteral("Order 1: \"absent\" is missing."),
        QStringLiteral("Order 1: \"n\" is null, but a value is needed."),
        QStringLiteral("Order 1: \"e\" is empty, but a value is needed."),
        QStringLiteral("Order 1: \"e\" is \"\", which is not an amount: The amount is empty."),
    };
    QCOMPARE(problems, expected);
}

void tst_SitooParsers::nestedReaderNamesTheField()
{
    const QJsonObject object =
        QJsonDocument::fromJson(R"({"additionaldata": {"pos-originalsales-orderid": "x", "long": ")" +
                                QByteArray(100, 'a') + R"("}})")
            .object();
    QStringList problems;
    SitooJsonReader reader(object, QStringLiteral("Order 7"), &problems);
    SitooJsonReader additional = reader.nested("additionaldata");
    QVERIFY(!additional.integer("pos-originalsales-orderid"));
    QVERIFY(!additional.integer("long"));
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0), QStringLiteral("Order 7: \"additionaldata.pos-originalsales-orderid\" is \"x\", which is "
                                            "not a whole number."));
    // Long values are shortened in problems.
    QCOMPARE(problems.at(1), QStringLiteral("Order 7: \"additionaldata.long\" is \"") + QString(60, u'a') +
                                 QChar(0x2026) + QStringLiteral("\", which is not a whole number."));
}

// ---- SitooParsers --------------------------------------------------------------------------------------------------

void tst_SitooParsers::collection_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("totalCount");
    QTest::addColumn<int>("items");
    QTest::newRow("page") << QByteArray(R"({"totalcount": 2, "items": [{"productid": 1001}, {"productid": 1002}]})")
                          << qint64(2) << 2;
    QTest::newRow("totalcount is matches, not page size")
        << QByteArray(R"({"totalcount": 250, "items": [{}]})") << qint64(250) << 1;
    QTest::newRow("totalcount as text") << QByteArray(R"({"totalcount": "3", "items": [1, 2, 3]})") << qint64(3) << 3;
    QTest::newRow("totalcount 0") << QByteArray(R"({"totalcount": 0, "items": []})") << qint64(0) << 0;
    QTest::newRow("totalcount 0, items missing") << QByteArray(R"({"totalcount": 0})") << qint64(0) << 0;
    QTest::newRow("page past the end") << QByteArray(R"({"totalcount": 5, "items": []})") << qint64(5) << 0;
    QTest::newRow("extra keys") << QByteArray(R"({"totalcount": 1, "items": [{}], "next": null})") << qint64(1) << 1;
}

void tst_SitooParsers::collection()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, totalCount);
    QFETCH(int, items);
    const auto collection = SitooParsers::parseCollection(body);
    QVERIFY2(collection.ok(), qPrintable(collection.errorString()));
    QCOMPARE(collection->totalCount, totalCount);
    QCOMPARE(collection->items.size(), items);
}

void tst_SitooParsers::collectionRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("items missing") << QByteArray(R"({"totalcount": 4})")
                                   << "The list from Sitoo: \"totalcount\" is 4, but there is no \"items\" list.";
    QTest::newRow("totalcount missing") << QByteArray(R"({"items": []})")
                                        << "The list from Sitoo: \"totalcount\" is missing.";
    QTest::newRow("totalcount negative") << QByteArray(R"({"totalcount": -2, "items": []})")
                                         << "The list from Sitoo: \"totalcount\" is -2, which is not a count.";
    QTest::newRow("items an object") << QByteArray(R"({"totalcount": 1, "items": {"a": 1}})")
                                     << "The list from Sitoo: \"items\" is an object, but a list was expected.";
    QTest::newRow("bare array") << QByteArray("[]")
                                << "The reply from Sitoo is a bare list, not a {\"totalcount\", \"items\"} envelope.";
    QTest::newRow("not JSON") << QByteArray("Bad Gateway") << "The reply from Sitoo is not valid JSON (";
}

void tst_SitooParsers::collectionRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const auto collection = SitooParsers::parseCollection(body);
    QVERIFY(!collection.ok());
    QCOMPARE(collection.error().code, ErrorCode::InvalidInput);
    QVERIFY2(collection.errorString().startsWith(message), qPrintable(collection.errorString()));
}

void tst_SitooParsers::errorBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("statusCode"); // 0: not an error body
    QTest::addColumn<QString>("errorText");
    QTest::newRow("§5.6 example") << QByteArray(R"({"statuscode": 404, "errortext": "Resource not found"})") << 404
                                  << "Resource not found";
    QTest::newRow("429") << QByteArray(R"({"statuscode": 429, "errortext": "Too Many Requests"})") << 429
                         << "Too Many Requests";
    QTest::newRow("status as text") << QByteArray(R"({"statuscode": "400", "errortext": null})") << 400 << "";
    QTest::newRow("no errortext") << QByteArray(R"({"statuscode": 500})") << 500 << "";
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << 0 << "";
    QTest::newRow("no statuscode") << QByteArray(R"({"errortext": "x"})") << 0 << "";
    QTest::newRow("a list") << QByteArray(R"([{"statuscode": 400}])") << 0 << "";
    QTest::newRow("empty") << QByteArray() << 0 << "";
}

void tst_SitooParsers::errorBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, statusCode);
    QFETCH(QString, errorText);
    const auto error = SitooParsers::parseError(body);
    QCOMPARE(error.ok(), statusCode != 0);
    if (!error.ok()) {
        QVERIFY(!error.errorString().isEmpty());
        return;
    }
    QCOMPARE(error->statusCode, statusCode);
    QCOMPARE(error->errorText, errorText);
}

void tst_SitooParsers::batchResults()
{
    const QByteArray body = R"([
        {"statuscode": 200, "return": 28},
        {"statuscode": 200, "return": true},
        {"statuscode": 400, "errortext": "Invalid sku"},
        {"statuscode": "404", "return": "Product not found"},
        "garbage",
        {"return": 5},
        {"statuscode": 0, "return": 7},
        {"statuscode": 999}
    ])";
    const auto results = SitooParsers::parseBatchResults(body);
    QVERIFY2(results.ok(), qPrintable(results.errorString()));
    QCOMPARE(results->size(), 8); // never fewer than the input: matched by position
    QCOMPARE(results->at(0).statusCode, 200);
    QVERIFY(results->at(0).isSuccess());
    QCOMPARE(results->at(0).returnValue.toInteger(), qint64(28));
    QCOMPARE(results->at(0).errorText, QString());
    QCOMPARE(results->at(1).returnValue, QJsonValue(true));
    QCOMPARE(results->at(2).statusCode, 400);
    QVERIFY(!results->at(2).isSuccess());
    QCOMPARE(results->at(2).errorText, QStringLiteral("Invalid sku"));
    QCOMPARE(results->at(3).statusCode, 404);
    QCOMPARE(results->at(3).errorText, QStringLiteral("Product not found"));
    QCOMPARE(results->at(4).statusCode, 0);
    QCOMPARE(results->at(4).errorText, QStringLiteral("Batch result 5 is \"garbage\", not an object."));
    QCOMPARE(results->at(5).statusCode, 0);
    QCOMPARE(results->at(5).errorText, QStringLiteral("Batch result 6: \"statuscode\" is missing."));
    QVERIFY(!results->at(5).isSuccess());
    // Found by fuzz_sitoo_envelope: a status that is no HTTP status left a failed element without a reason.
    QCOMPARE(results->at(6).statusCode, 0);
    QCOMPARE(results->at(6).errorText, QStringLiteral("Batch result 7: the status 0 is not an HTTP status."));
    QCOMPARE(results->at(7).statusCode, 0);
    QCOMPARE(results->at(7).errorText, QStringLiteral("Batch result 8: the status 999 is not an HTTP status."));
}

void tst_SitooParsers::batchResultsRejectsNonList()
{
    QVERIFY(!SitooParsers::parseBatchResults(R"({"statuscode": 400, "errortext": "Bad"})").ok());
    QVERIFY(!SitooParsers::parseBatchResults("503").ok());
    QVERIFY(!SitooParsers::parseBatchResults("[{\"statuscode\": 200").ok());
    const auto empty = SitooParsers::parseBatchResults("[]");
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
}

void tst_SitooParsers::writeReturn_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("expected"); // Undefined: an error
    QTest::newRow("new id") << QByteArray("503") << QJsonValue(503);
    QTest::newRow("with white space") << QByteArray(" 20003\n") << QJsonValue(20003);
    QTest::newRow("true") << QByteArray("true") << QJsonValue(true);
    QTest::newRow("batch array") << QByteArray(R"([{"statuscode":200,"return":503}])")
                                 << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("statuscode"), 200},
                                                                      {QStringLiteral("return"), 503}}});
    QTest::newRow("empty") << QByteArray() << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("two values") << QByteArray("1,2") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("html") << QByteArray("<html>") << QJsonValue(QJsonValue::Undefined);
}

void tst_SitooParsers::writeReturn()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, expected);
    const auto value = SitooParsers::parseWriteReturn(body);
    QCOMPARE(value.ok(), !expected.isUndefined());
    if (value.ok())
        QCOMPARE(*value, expected);
}

void tst_SitooParsers::product()
{
    const auto product = SitooParsers::parseProduct(testData(QStringLiteral("product-1001.json")), kSek);
    QVERIFY2(product.ok(), qPrintable(product.errorString()));
    QCOMPARE(product->productId, qint64(1001));
    QCOMPARE(product->sku, QStringLiteral("TS-100-M"));
    QCOMPARE(product->title, QStringLiteral("T-shirt Basic M"));
    QCOMPARE(product->barcode, QStringLiteral("7350000000017"));
    QCOMPARE(product->active, true);
    QCOMPARE(product->activePos, true);
    QCOMPARE(product->vatId, qint64(2));
    QCOMPARE(product->vatRate, VatRate::fromPercent(25));
    QCOMPARE(product->price->minorUnits(), qint64(19900));
    QCOMPARE(product->priceOrg->minorUnits(), qint64(19900));
    QCOMPARE(product->priceIn->minorUnits(), qint64(6000));
    QCOMPARE(product->finalPrice->minorUnits(), qint64(19900));
    QCOMPARE(product->price->currency(), kSek);
    QCOMPARE(product->dateModified, QDateTime(QDate(2024, 6, 4), QTime(11, 20), Qt::UTC));
    QCOMPARE(product->variantParentId, qint64(1000));
    QVERIFY(product->isVariantChild());
    QCOMPARE(product->variant.size(), 1);
    QCOMPARE(product->variant.at(0).name, QStringLiteral("Size"));
    QCOMPARE(product->variant.at(0).value, QStringLiteral("M"));

    // A main variant points to itself; a plain product has null.
    QJsonObject object = QJsonDocument::fromJson(testData(QStringLiteral("product-1001.json"))).object();
    object.insert(u"variantparentid", 1001);
    const auto main = SitooParsers::parseProduct(QJsonDocument(object).toJson(), kSek);
    QVERIFY(main.ok());
    QVERIFY(!main->isVariantChild());
    object.insert(u"variantparentid", QJsonValue());
    object.insert(u"barcode", QJsonValue());
    const auto plain = SitooParsers::parseProduct(QJsonDocument(object).toJson(), kSek);
    QVERIFY(plain.ok());
    QCOMPARE(plain->variantParentId, std::nullopt);
    QCOMPARE(plain->barcode, QString());
}

void tst_SitooParsers::productsSkipBadElements()
{
    const QByteArray body = R"({"totalcount": 12, "items": [
        {"productid": 1001, "sku": "TS-100-M", "title": "T-shirt Basic M", "moneyprice": "199.00"},
        {"productid": 1002, "sku": "TS-100-L", "title": "T-shirt Basic L", "moneyprice": "199,00"},
        "not a product",
        {"sku": "NO-ID", "moneyprice": "10.00", "vatvalue": "abc"},
        {"productid": 1004, "sku": "", "active": "maybe"},
        {"productid": 1005, "sku": "SO-300", "categories": [19, "49"], "variant": [{"name": "Size", "value": "S"}, 7]}
    ]})";
    const auto list = SitooParsers::parseProducts(body, kSek);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, qint64(12));
    QCOMPARE(list->items.size(), 1);
    QCOMPARE(list->items.at(0).productId, qint64(1001));
    QCOMPARE(list->items.at(0).price->minorUnits(), qint64(19900));
    QCOMPARE(list->items.at(0).active, std::nullopt); // projected away: unknown, not false
    QCOMPARE(list->skippedCount, 5);
    const QStringList expected{
        QStringLiteral("Product 1002: \"moneyprice\" is \"199,00\", which is not an amount: “199,00” uses a comma; "
                       "amounts must use a point as the decimal separator."),
        QStringLiteral("Product number 3 in the list is \"not a product\", not an object."),
        QStringLiteral("Product number 4 in the list: \"productid\" is missing."),
        QStringLiteral("Product number 4 in the list: \"vatvalue\" is \"abc\": “abc” is not a VAT rate: “abc” is not "
                       "a decimal number (unexpected character “a”)."),
        QStringLiteral("Product 1004: \"sku\" is empty."),
        QStringLiteral("Product 1004: \"active\" is \"maybe\", which is not true or false."),
        QStringLiteral("Product 1005, variant attribute 2 is 7, not an object."),
    };
    QCOMPARE(list->problems, expected);
}

void tst_SitooParsers::productsNeedACurrency()
{
    const auto list = SitooParsers::parseProducts(R"({"totalcount": 0, "items": []})", Currency());
    QVERIFY(!list.ok());
    QVERIFY(!SitooParsers::parseProduct(testData(QStringLiteral("product-1001.json")), Currency()).ok());
}

void tst_SitooParsers::productGroups()
{
    const QByteArray body = R"json({"totalcount": 4, "items": [
        {"vatid": 2, "value": 25, "productgrouptype": 10, "productgroupname": "Common Goods", "comment": ""},
        {"vatid": 3, "value": 7.7, "productgrouptype": 20, "productgroupname": "Consulting", "comment": null},
        {"vatid": 4, "value": "0", "productgrouptype": 77, "productgroupname": "Gift Card(s)"},
        {"vatid": 5, "value": -6, "productgroupname": "Broken"}
    ]})json";
    const auto list = SitooParsers::parseProductGroups(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->items.size(), 3);
    QCOMPARE(list->items.at(0).vatId, qint64(2));
    QCOMPARE(list->items.at(0).vatRate, VatRate::fromPercent(25));
    QCOMPARE(list->items.at(0).productGroupType, 10);
    QCOMPARE(list->items.at(0).name, QStringLiteral("Common Goods"));
    QCOMPARE(list->items.at(1).vatRate, VatRate::fromUnits(77000));
    QCOMPARE(list->items.at(1).comment, QString());
    QCOMPARE(list->items.at(2).vatRate, VatRate::fromPercent(0));
    QCOMPARE(list->items.at(2).name, QStringLiteral("Gift Card(s)"));
    QCOMPARE(list->items.at(2).productGroupType, 77); // unknown type kept raw
    QCOMPARE(list->problems.size(), 1);
    QVERIFY2(list->problems.first().startsWith(u"Product group 5: \"value\" is -6"),
             qPrintable(list->problems.first()));
}

void tst_SitooParsers::stores()
{
    const QByteArray body = R"({"totalcount": 2, "items": [
        {"storeid": 1, "eshopid": 1, "storetype": 10, "name": "Concept Store", "externalid": "200",
         "externalgroupid": "NORDIC", "phone": null, "email": null, "address": "Drottninggatan 1", "zip": "111 51",
         "city": "Stockholm", "state": "", "countryid": "se", "latitude": null, "longitude": null,
         "nearby_stores": [2], "usetype_movein": null, "tags": ["flagship", 2024], "additional_data": null},
        {"storeid": 2, "storetype": 45, "name": "Pop-up", "externalid": null, "tags": null}
    ]})";
    const auto list = SitooParsers::parseStores(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->items.size(), 2);
    const SitooStore &store = list->items.at(0);
    QCOMPARE(store.storeId, qint64(1));
    QCOMPARE(store.eshopId, qint64(1));
    QCOMPARE(store.storeType, 10);
    QCOMPARE(store.externalId, QStringLiteral("200"));
    QCOMPARE(store.externalGroupId, QStringLiteral("NORDIC"));
    QCOMPARE(store.city, QStringLiteral("Stockholm"));
    QCOMPARE(store.countryId, QStringLiteral("se"));
    QCOMPARE(store.tags, (QStringList{QStringLiteral("flagship"), QStringLiteral("2024")}));
    QCOMPARE(list->items.at(1).storeType, 45);
    QCOMPARE(list->items.at(1).externalId, QString());
    QCOMPARE(list->items.at(1).eshopId, std::nullopt);
}

void tst_SitooParsers::warehouses()
{
    const QByteArray body = R"({"totalcount": 4, "items": [
        {"warehouseid": 1, "warehousetype": 10, "usetype": 10, "storeid": 1, "sellable": true, "currencycode": "SEK",
         "name": "Concept Store", "externalid": "W200"},
        {"warehouseid": 2, "warehousetype": 20, "usetype": 40, "storeid": null, "sellable": false,
         "currencycode": "SEK", "name": "Web"},
        {"warehouseid": 3, "warehousetype": 30, "usetype": 20, "storeid": "2", "currencycode": "NOK", "name": "New"},
        {"warehouseid": 4, "warehousetype": 10, "currencycode": "ABC", "name": "Bad"}
    ]})";
    const auto list = SitooParsers::parseWarehouses(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->items.size(), 3);
    const SitooWarehouse &fifo = list->items.at(0);
    QCOMPARE(fifo.warehouseId, qint64(1));
    QVERIFY(fifo.isFifo());
    QVERIFY(!fifo.isVirtual());
    QCOMPARE(fifo.storeId, qint64(1));
    QCOMPARE(fifo.sellable, true);
    QCOMPARE(fifo.currency, kSek);
    QCOMPARE(fifo.externalId, QStringLiteral("W200"));
    const SitooWarehouse &virtualWarehouse = list->items.at(1);
    QVERIFY(virtualWarehouse.isVirtual());
    QCOMPARE(virtualWarehouse.storeId, std::nullopt);
    QCOMPARE(virtualWarehouse.useType, 40);
    const SitooWarehouse &unknown = list->items.at(2);
    QCOMPARE(unknown.warehouseType, 30); // kept raw
    QVERIFY(!unknown.isFifo() && !unknown.isVirtual());
    QCOMPARE(unknown.storeId, qint64(2));
    QCOMPARE(list->problems.size(), 1);
    QVERIFY2(list->problems.first().startsWith(u"Warehouse 4: \"currencycode\" is \"ABC\""),
             qPrintable(list->problems.first()));
}

void tst_SitooParsers::warehouseItemsAreExact()
{
    const auto list = SitooParsers::parseWarehouseItems(testData(QStringLiteral("warehouseitems.json")));
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, qint64(2));
    QVERIFY(list->problems.isEmpty());
    QCOMPARE(list->items.size(), 2);
    const SitooWarehouseItem &shirts = list->items.at(0);
    QCOMPARE(shirts.warehouseItemId, qint64(11));
    QCOMPARE(shirts.sku, QStringLiteral("TS-100-M"));
    QCOMPARE(shirts.total.units(), qint64(23000));
    QCOMPARE(shirts.total.scale(), 3);
    QCOMPARE(shirts.reserved.units(), qint64(2000));
    QCOMPARE(shirts.available.units(), qint64(21000));
    QCOMPARE(shirts.available.scale(), 3);
    QCOMPARE(shirts.threshold->units(), qint64(5000));
    QCOMPARE(shirts.binLocation, QStringLiteral("A1:03"));
    QCOMPARE(shirts.dateLastModified, QDateTime(QDate(2024, 6, 11), QTime(9, 0), Qt::UTC));
    QCOMPARE(shirts.stockValue, std::nullopt); // no currency given
    const SitooWarehouseItem &socks = list->items.at(1);
    QCOMPARE(socks.sku, QStringLiteral("SO-300"));
    QCOMPARE(socks.total.units(), qint64(40000));
    QCOMPARE(socks.reserved.units(), qint64(0));
    QCOMPARE(socks.available.units(), qint64(40000));
    // The §3.8 invariant on the exact values: available = total − reserved.
    for (const SitooWarehouseItem &item : list->items)
        QCOMPARE(item.available.units(), item.total.units() - item.reserved.units());
}

void tst_SitooParsers::warehouseItemsWithStockValue()
{
    const auto list = SitooParsers::parseWarehouseItems(testData(QStringLiteral("warehouseitems.json")), kSek);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->items.size(), 2);
    QCOMPARE(list->items.at(0).stockValue->minorUnits(), qint64(138000));
    QCOMPARE(list->items.at(1).stockValue->minorUnits(), qint64(120000));
    QCOMPARE(list->items.at(1).dateLastModified, QDateTime(QDate(2024, 6, 10), QTime(9, 0), Qt::UTC));
}

void tst_SitooParsers::warehouseItemsProblems()
{
    // The S14 projection (no warehouseitemid) is fine; bad decimals are named with the SKU.
    const QByteArray body = R"([
        {"sku": "A", "decimaltotal": "1.000", "decimalreserved": "0.000", "decimalavailable": "1.000"},
        {"sku": "B", "decimaltotal": "5,000", "decimalreserved": "0.000", "decimalavailable": "5.000"},
        {"sku": "C", "decimaltotal": 3, "decimalreserved": "0.000"},
        {"decimaltotal": "1.000", "decimalreserved": "0.000", "decimalavailable": "1.000"}
    ])";
    const auto list = SitooParsers::parseWarehouseItems(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, std::nullopt);
    QCOMPARE(list->items.size(), 1);
    QCOMPARE(list->items.at(0).warehouseItemId, std::nullopt);
    const QStringList expected{
        QStringLiteral("Stock of SKU B: \"decimaltotal\" is \"5,000\", which is not a decimal number: “5,000” uses a "
                       "comma; amounts must use a point as the decimal separator."),
        QStringLiteral("Stock of SKU C: \"decimaltotal\" is 3, but quantities must be text with a point as the "
                       "decimal separator, such as \"5.000\"."),
        QStringLiteral("Stock of SKU C: \"decimalavailable\" is missing."),
        QStringLiteral("Stock line 4 in the list: \"sku\" is missing."),
    };
    QCOMPARE(list->problems, expected);
    QCOMPARE(list->skippedCount, 3);
}

void tst_SitooParsers::paymentTypesBareArray()
{
    const QByteArray body = R"([
        {"paymenttypeid": 1, "paymentmethodid": 100, "name": "Cash", "sortorder": 1, "externalid": null},
        {"paymenttypeid": 2, "paymentmethodid": 210, "name": "Card", "sortorder": 2, "externalid": "CARD"},
        {"paymenttypeid": 3, "paymentmethodid": 9999, "name": "New method", "sortorder": null}
    ])";
    const auto list = SitooParsers::parsePaymentTypes(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, std::nullopt);
    QCOMPARE(list->items.size(), 3);
    QCOMPARE(list->items.at(0).name, QStringLiteral("Cash"));
    QCOMPARE(list->items.at(0).paymentMethodId, 100);
    QCOMPARE(list->items.at(1).externalId, QStringLiteral("CARD"));
    QCOMPARE(list->items.at(1).paymentMethodId, 210);
    QCOMPARE(list->items.at(2).paymentMethodId, 9999); // unknown method kept raw
    QCOMPARE(list->items.at(2).sortOrder, std::nullopt);
}

void tst_SitooParsers::zReports()
{
    const auto list = SitooParsers::parseZReports(testData(QStringLiteral("pos-z-reports.json")));
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, std::nullopt); // a bare array
    QCOMPARE(list->items.size(), 1);
    const SitooZReport &report = list->items.at(0);
    QCOMPARE(report.zReportId, qint64(501));
    QCOMPARE(report.registerKey, QStringLiteral("SIE0000150100023"));
    QCOMPARE(report.storeExternalId, QStringLiteral("200"));
    QCOMPARE(report.currency, kSek);
    QCOMPARE(report.dateAdded, QDateTime::fromSecsSinceEpoch(1718125260, Qt::UTC));
    QCOMPARE(report.salesTotal.minorUnits(), qint64(51720));
    QCOMPARE(report.salesTotalNet->minorUnits(), qint64(41376));
    QCOMPARE(report.numSales, qint64(1));
    QCOMPARE(report.refundTotal.minorUnits(), qint64(-19900));
    QCOMPARE(report.refundTotalNet->minorUnits(), qint64(-15920));
    QCOMPARE(report.numRefunds, qint64(1));
    QCOMPARE(report.roundOff->minorUnits(), qint64(0));
    QCOMPARE(report.summaryTotal->minorUnits(), qint64(31820));
    QCOMPARE(report.cashExpected->minorUnits(), qint64(150000));
    QCOMPARE(report.cashCounted->minorUnits(), qint64(149950));
    QCOMPARE(report.cashDifference->minorUnits(), qint64(-50));
    QCOMPARE(report.vatGroupsSales.size(), 1);
    QCOMPARE(report.vatGroupsSales.at(0).vatRate, VatRate::fromPercent(25));
    QCOMPARE(report.vatGroupsSales.at(0).total.minorUnits(), qint64(51720));
    QCOMPARE(report.vatGroupsSales.at(0).totalNet.minorUnits(), qint64(41376));
    QCOMPARE(report.vatGroupsSales.at(0).totalVat.minorUnits(), qint64(10344));
    QCOMPARE(report.vatGroupsRefund.size(), 1);
    QCOMPARE(report.vatGroupsRefund.at(0).totalVat.minorUnits(), qint64(-3980));
    QCOMPARE(report.paymentsSales.size(), 2);
    QCOMPARE(report.paymentsSales.at(0).name, QStringLiteral("Gift Card"));
    QCOMPARE(report.paymentsSales.at(0).total.minorUnits(), qint64(10000));
    QCOMPARE(report.paymentsSales.at(1).total.minorUnits(), qint64(41720));
    QCOMPARE(report.paymentsRefund.size(), 1);
    QCOMPARE(report.paymentsRefund.at(0).total.minorUnits(), qint64(-19900));
    // Tender totals add up to the sales total: what payout reconciliation relies on.
    QCOMPARE(report.paymentsSales.at(0).total.minorUnits() + report.paymentsSales.at(1).total.minorUnits(),
             report.salesTotal.minorUnits());

    QCOMPARE(list->skippedCount, 1);
    const QStringList expected{
        QStringLiteral("Z-report 502: \"moneysalestotal\" is \"1.234,00\", which is not an amount: “1.234,00” uses a "
                       "comma; amounts must use a point as the decimal separator."),
        QStringLiteral("Z-report 502, \"vatgroupssales\" item 1: \"moneytotal\" is 12, but amounts must be text with "
                       "a point as the decimal separator, such as \"12.50\"."),
    };
    QCOMPARE(list->problems, expected);
}

void tst_SitooParsers::unexpectedShapesNeverCrash_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("string") << QByteArray("\"x\"");
    QTest::newRow("object without envelope") << QByteArray(R"({"productid": 1})");
    QTest::newRow("list of lists") << QByteArray("[[1], [2, [3]]]");
    QTest::newRow("list of nulls") << QByteArray("[null, null]");
    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']');
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5);
    QTest::newRow("truncated") << testData(QStringLiteral("pos-z-reports.json")).left(700);
}

void tst_SitooParsers::unexpectedShapesNeverCrash()
{
    QFETCH(QByteArray, body);
    // Each parser either fails cleanly or returns a list whose elements were all read; none crashes or throws.
    const auto products = SitooParsers::parseProducts(body, kSek);
    if (products.ok()) {
        QVERIFY(products->items.isEmpty());
    } else {
        QVERIFY(!products.errorString().isEmpty());
    }
    QVERIFY(!SitooParsers::parseProduct(body, kSek).ok());
    (void)SitooParsers::parseProductGroups(body);
    (void)SitooParsers::parseStores(body);
    (void)SitooParsers::parseWarehouses(body);
    (void)SitooParsers::parseWarehouseItems(body, kSek);
    (void)SitooParsers::parsePaymentTypes(body);
    const auto zReports = SitooParsers::parseZReports(body);
    if (zReports.ok())
        QVERIFY(zReports->items.isEmpty());
    (void)SitooParsers::parseBatchResults(body);
    (void)SitooParsers::parseError(body);
    (void)SitooParsers::parseCollection(body);
    (void)SitooParsers::parseWriteReturn(body);
}

QTEST_GUILESS_MAIN(tst_SitooParsers)
#include "tst_sitooparsers.moc"
