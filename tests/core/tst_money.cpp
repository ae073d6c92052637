// SPDX-License-Identifier: GPL-3.0-or-later
// Money, Decimal, Currency and Rounding: exact parsing, formatting, named rounding and lossless splitting.
#include "core/money/money.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Tillbridge::Core;

class tst_Money : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void currencyExponents_data();
    void currencyExponents();
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void wireFormat_data();
    void wireFormat();
    void displayFormat_data();
    void displayFormat();
    void roundingModes_data();
    void roundingModes();
    void decimalRescale_data();
    void decimalRescale();
    void arithmeticIsOverflowChecked();
    void arithmeticRefusesMixedCurrencies();
    void multipliedByFraction();
    void allocate_data();
    void allocate();
    void allocateRejects();
    void allocateNeverLosesAMinorUnit();
};

void tst_Money::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_Money::currencyExponents_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exponent");
    QTest::newRow("SEK") << "SEK" << 2;
    QTest::newRow("GBP") << "GBP" << 2;
    QTest::newRow("EUR") << "EUR" << 2;
    QTest::newRow("JPY") << "JPY" << 0;
    QTest::newRow("KWD") << "KWD" << 3;
    QTest::newRow("lower case") << "sek" << -1;
    QTest::newRow("unknown") << "XYZ" << -1;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("too long") << "SEKK" << -1;
}

void tst_Money::currencyExponents()
{
    QFETCH(QString, code);
    QFETCH(int, exponent);
    auto currency = Currency::fromCode(code);
    QCOMPARE(currency.ok(), exponent >= 0);
    if (exponent < 0) {
        QVERIFY(currency.errorString().contains(code));
        return;
    }
    QCOMPARE(currency->exponent(), exponent);
    QCOMPARE(currency->code(), code);
}

void tst_Money::parse_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("sitoo price") << "SEK" << "123.50" << qint64(12350);
    QTest::newRow("refund total") << "SEK" << "-2990.00" << qint64(-299000);
    QTest::newRow("extra zero decimal") << "SEK" << "5.000" << qint64(500);
    QTest::newRow("integer") << "SEK" << "7" << qint64(700);
    QTest::newRow("zero") << "SEK" << "0" << qint64(0);
    QTest::newRow("negative zero") << "SEK" << "-0.00" << qint64(0);
    QTest::newRow("one decimal") << "GBP" << "0.5" << qint64(50);
    QTest::newRow("one penny refund") << "GBP" << "-0.01" << qint64(-1);
    QTest::newRow("explicit plus") << "EUR" << "+1.25" << qint64(125);
    QTest::newRow("leading zeros") << "EUR" << "0007.10" << qint64(710);
    QTest::newRow("yen") << "JPY" << "150" << qint64(150);
    QTest::newRow("yen with zero decimal") << "JPY" << "150.0" << qint64(150);
    QTest::newRow("dinar") << "KWD" << "1.250" << qint64(1250);
    QTest::newRow("dinar short") << "KWD" << "1.2" << qint64(1200);
    QTest::newRow("dinar smallest refund") << "KWD" << "-0.001" << qint64(-1);
    QTest::newRow("largest") << "SEK" << "92233720368547758.07" << std::numeric_limits<qint64>::max();
    QTest::newRow("smallest") << "SEK" << "-92233720368547758.08" << std::numeric_limits<qint64>::min();
}

void tst_Money::parse()
{
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    const auto money = Money::parse(text, Currency::of(currency));
    QVERIFY2(money.ok(), qPrintable(money.errorString()));
    QCOMPARE(money->minorUnits(), minor);
    QCOMPARE(money->currency().code(), currency);
}

void tst_Money::parseRejects_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("messagePart");
    const int invalid = int(ErrorCode::InvalidInput);
    const int overflow = int(ErrorCode::Overflow);
    QTest::newRow("empty") << "SEK" << "" << invalid << "empty";
    QTest::newRow("exponent") << "SEK" << "1e3" << invalid << "exponent";
    QTest::newRow("comma decimal") << "SEK" << "12,50" << invalid << "comma";
    QTest::newRow("leading space") << "SEK" << " 1.00" << invalid << "unexpected character";
    QTest::newRow("trailing space") << "SEK" << "1.00 " << invalid << "unexpected character";
    QTest::newRow("thousands space") << "SEK" << "1 000.00" << invalid << "unexpected character";
    QTest::newRow("no leading digit") << "SEK" << ".5" << invalid << "before the decimal point";
    QTest::newRow("no trailing digit") << "SEK" << "5." << invalid << "after the decimal point";
    QTest::newRow("two points") << "SEK" << "1.2.3" << invalid << "more than one decimal point";
    QTest::newRow("letters") << "SEK" << "abc" << invalid << "unexpected character";
    QTest::newRow("double minus") << "SEK" << "--1" << invalid << "unexpected character";
    QTest::newRow("sign only") << "SEK" << "-" << invalid << "no digits";
    QTest::newRow("hex") << "SEK" << "0x10" << invalid << "unexpected character";
    QTest::newRow("arabic digits") << "SEK" << QString::fromUtf8("١٢") << invalid << "unexpected character";
    QTest::newRow("too many decimals for SEK") << "SEK" << "5.001" << invalid << "more decimals than SEK";
    QTest::newRow("decimals on yen") << "JPY" << "150.5" << invalid << "more decimals than JPY";
    QTest::newRow("too many decimals for KWD") << "KWD" << "0.0001" << invalid << "more decimals than KWD";
    QTest::newRow("overflow digits") << "SEK" << "92233720368547758.08" << overflow << "too large";
    QTest::newRow("overflow negative") << "SEK" << "-92233720368547758.09" << overflow << "too large";
    QTest::newRow("overflow after scaling") << "SEK" << "922337203685477580" << overflow << "too large";
    QTest::newRow("twenty digits") << "JPY" << "12345678901234567890" << overflow << "too large";
}

void tst_Money::parseRejects()
{
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(QString, messagePart);
    const auto money = Money::parse(text, Currency::of(currency));
    QVERIFY(!money.ok());
    QCOMPARE(int(money.error().code), code);
    QVERIFY2(money.errorString().contains(messagePart), qPrintable(money.errorString()));
}

void tst_Money::wireFormat_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("wire");
    QTest::newRow("price") << "SEK" << qint64(12350) << "123.50";
    QTest::newRow("refund") << "SEK" << qint64(-299000) << "-2990.00";
    QTest::newRow("five öre") << "SEK" << qint64(5) << "0.05";
    QTest::newRow("minus five öre") << "SEK" << qint64(-5) << "-0.05";
    QTest::newRow("zero") << "GBP" << qint64(0) << "0.00";
    QTest::newRow("yen") << "JPY" << qint64(150) << "150";
    QTest::newRow("dinar") << "KWD" << qint64(1250) << "1.250";
    QTest::newRow("dinar fils") << "KWD" << qint64(-7) << "-0.007";
    QTest::newRow("max") << "SEK" << std::numeric_limits<qint64>::max() << "92233720368547758.07";
    QTest::newRow("min") << "SEK" << std::numeric_limits<qint64>::min() << "-92233720368547758.08";
}

void tst_Money::wireFormat()
{
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    QFETCH(QString, wire);
    const Money money(minor, Currency::of(currency));
    QCOMPARE(money.toWireString(), wire);
    // The wire text parses back to the same amount.
    QCOMPARE(Money::parse(wire, money.currency()).value(), money);
}

void tst_Money::displayFormat_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("display");
    const QString nbsp(QChar::Nbsp);
    QTest::newRow("en_GB") << "en_GB" << "GBP" << qint64(123456) << "1,234.56" + nbsp + "GBP";
    QTest::newRow("en_GB negative") << "en_GB" << "GBP" << qint64(-5) << "-0.05" + nbsp + "GBP";
    QTest::newRow("sv_SE") << "sv_SE" << "SEK" << qint64(123456) << "1" + nbsp + "234,56" + nbsp + "SEK";
    QTest::newRow("sv_SE negative") << "sv_SE" << "SEK" << qint64(-299000)
                                    << QString(QChar(0x2212)) + "2" + nbsp + "990,00" + nbsp + "SEK";
    QTest::newRow("yen") << "en_GB" << "JPY" << qint64(1500) << "1,500" + nbsp + "JPY";
    QTest::newRow("dinar in sv") << "sv_SE" << "KWD" << qint64(1250) << "1,250" + nbsp + "KWD";
}

void tst_Money::displayFormat()
{
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    QFETCH(QString, display);
    const Money money(minor, Currency::of(currency));
    QCOMPARE(money.toDisplayString(QLocale(locale)), display);
    const QString withoutCode = display.left(display.size() - 4);
    QCOMPARE(money.toDisplayString(QLocale(locale), Money::CurrencyDisplay::None), withoutCode);
}

void tst_Money::roundingModes_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("halfAway");
    QTest::addColumn<qint64>("halfEven");
    QTest::addColumn<qint64>("truncate");
    QTest::addColumn<qint64>("floor");
    QTest::addColumn<qint64>("ceiling");
    // numerator/denominator                          away  even trunc floor ceil
    QTest::newRow("tie x.xx5 odd") << qint64(2345) << qint64(10) << qint64(235) << qint64(234) << qint64(234)
                                   << qint64(234) << qint64(235);
    QTest::newRow("tie x.xx5 even") << qint64(2355) << qint64(10) << qint64(236) << qint64(236) << qint64(235)
                                    << qint64(235) << qint64(236);
    QTest::newRow("negative tie") << qint64(-2345) << qint64(10) << qint64(-235) << qint64(-234) << qint64(-234)
                                  << qint64(-235) << qint64(-234);
    QTest::newRow("negative even tie") << qint64(-2355) << qint64(10) << qint64(-236) << qint64(-236)
                                       << qint64(-235) << qint64(-236) << qint64(-235);
    QTest::newRow("below half") << qint64(2344) << qint64(10) << qint64(234) << qint64(234) << qint64(234)
                                << qint64(234) << qint64(235);
    QTest::newRow("above half") << qint64(2346) << qint64(10) << qint64(235) << qint64(235) << qint64(234)
                                << qint64(234) << qint64(235);
    QTest::newRow("negative above half") << qint64(-2346) << qint64(10) << qint64(-235) << qint64(-235)
                                         << qint64(-234) << qint64(-235) << qint64(-234);
    QTest::newRow("exact") << qint64(2340) << qint64(10) << qint64(234) << qint64(234) << qint64(234) << qint64(234)
                           << qint64(234);
    QTest::newRow("half of one") << qint64(1) << qint64(2) << qint64(1) << qint64(0) << qint64(0) << qint64(0)
                                 << qint64(1);
    QTest::newRow("minus half of one") << qint64(-1) << qint64(2) << qint64(-1) << qint64(0) << qint64(0)
                                       << qint64(-1) << qint64(0);
    QTest::newRow("negative denominator") << qint64(2345) << qint64(-10) << qint64(-235) << qint64(-234)
                                          << qint64(-234) << qint64(-235) << qint64(-234);
    QTest::newRow("thirds") << qint64(1000) << qint64(3) << qint64(333) << qint64(333) << qint64(333)
                            << qint64(333) << qint64(334);
}

void tst_Money::roundingModes()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, halfAway);
    QFETCH(qint64, halfEven);
    QFETCH(qint64, truncate);
    QFETCH(qint64, floor);
    QFETCH(qint64, ceiling);
    QCOMPARE(Rounding::divide(numerator, denominator, RoundingMode::HalfAwayFromZero), halfAway);
    QCOMPARE(Rounding::divide(numerator, denominator, RoundingMode::HalfEven), halfEven);
    QCOMPARE(Rounding::divide(numerator, denominator, RoundingMode::TowardZero), truncate);
    QCOMPARE(Rounding::divide(numerator, denominator, RoundingMode::Floor), floor);
    QCOMPARE(Rounding::divide(numerator, denominator, RoundingMode::Ceiling), ceiling);
    QVERIFY(!Rounding::divide(numerator, 0, RoundingMode::HalfEven).has_value());

    // Names round-trip for configuration files.
    for (auto mode : {RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero,
                      RoundingMode::Floor, RoundingMode::Ceiling}) {
        QCOMPARE(roundingModeFromName(roundingModeName(mode)), mode);
    }
}

void tst_Money::decimalRescale_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");
    const int away = int(RoundingMode::HalfAwayFromZero);
    const int even = int(RoundingMode::HalfEven);
    const int trunc = int(RoundingMode::TowardZero);
    QTest::newRow("skatteverket example") << "1116.9375" << 2 << away << "1116.94";
    QTest::newRow("tie away") << "0.125" << 2 << away << "0.13";
    QTest::newRow("tie even") << "0.125" << 2 << even << "0.12";
    QTest::newRow("negative tie away") << "-0.125" << 2 << away << "-0.13";
    QTest::newRow("six decimals truncated to four") << "1.234567" << 4 << trunc << "1.2345";
    QTest::newRow("widen") << "1.5" << 4 << away << "1.5000";
    QTest::newRow("to integer") << "2.5" << 0 << even << "2";
}

void tst_Money::decimalRescale()
{
    QFETCH(QString, text);
    QFETCH(int, scale);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    const auto decimal = Decimal::parse(text);
    QVERIFY(decimal.ok());
    const auto rescaled = decimal->rescaled(scale, RoundingMode(mode));
    QVERIFY(rescaled.ok());
    QCOMPARE(rescaled->toString(), expected);
    QCOMPARE(rescaled->scale(), scale);

    // Money::fromDecimal rounds the same way to the currency's exponent.
    if (scale == 2) {
        const auto money = Money::fromDecimal(*decimal, Currency::of(u"SEK"), RoundingMode(mode));
        QVERIFY(money.ok());
        QCOMPARE(money->toWireString(), expected);
    }
}

void tst_Money::arithmeticIsOverflowChecked()
{
    const Currency sek = Currency::of(u"SEK");
    const Money max(std::numeric_limits<qint64>::max(), sek);
    const Money min(std::numeric_limits<qint64>::min(), sek);
    const Money one(1, sek);

    QCOMPARE(max.added(one).error().code, ErrorCode::Overflow);
    QCOMPARE(min.subtracted(one).error().code, ErrorCode::Overflow);
    QCOMPARE(min.negated().error().code, ErrorCode::Overflow);
    QCOMPARE(min.abs().error().code, ErrorCode::Overflow);
    QCOMPARE(max.multiplied(2).error().code, ErrorCode::Overflow);
    QCOMPARE(Money(-1, sek).multiplied(std::numeric_limits<qint64>::min()).error().code, ErrorCode::Overflow);

    QCOMPARE(max.subtracted(one)->minorUnits(), std::numeric_limits<qint64>::max() - 1);
    QCOMPARE(Money(12350, sek).multiplied(-3)->minorUnits(), qint64(-37050));
    QCOMPARE(Money(-12350, sek).negated()->minorUnits(), qint64(12350));
    QCOMPARE(Money(-12350, sek).abs()->minorUnits(), qint64(12350));

    const auto total = sum({Money(41376, sek), Money(10344, sek), Money(0, sek)}, sek);
    QCOMPARE(total->minorUnits(), qint64(51720));
    QCOMPARE(sum({max, one}, sek).error().code, ErrorCode::Overflow);
    QCOMPARE(sum({}, sek)->minorUnits(), qint64(0));
}

void tst_Money::arithmeticRefusesMixedCurrencies()
{
    const Money sek(100, Currency::of(u"SEK"));
    const Money gbp(100, Currency::of(u"GBP"));
    const auto mixed = sek.added(gbp);
    QCOMPARE(mixed.error().code, ErrorCode::CurrencyMismatch);
    QVERIFY(mixed.errorString().contains(u"SEK") && mixed.errorString().contains(u"GBP"));
    QCOMPARE(sek.subtracted(gbp).error().code, ErrorCode::CurrencyMismatch);
    QCOMPARE(sum({sek, gbp}, Currency::of(u"SEK")).error().code, ErrorCode::CurrencyMismatch);
    QVERIFY(sek != gbp);
    QVERIFY(!Money::parse(u"1.00", Currency()).ok());
}

void tst_Money::multipliedByFraction()
{
    const Money amount(1000, Currency::of(u"GBP"));
    QCOMPARE(amount.multipliedByFraction(1, 3, RoundingMode::HalfAwayFromZero)->minorUnits(), qint64(333));
    QCOMPARE(amount.multipliedByFraction(2, 3, RoundingMode::HalfAwayFromZero)->minorUnits(), qint64(667));
    QCOMPARE(amount.multipliedByFraction(2, 3, RoundingMode::TowardZero)->minorUnits(), qint64(666));
    QCOMPARE(amount.multipliedByFraction(1, 0, RoundingMode::HalfEven).error().code, ErrorCode::InvalidInput);
    // A 128-bit intermediate: the product overflows 64 bits but the result does not.
    const Money large(std::numeric_limits<qint64>::max() / 2, Currency::of(u"GBP"));
    QCOMPARE(large.multipliedByFraction(4, 4, RoundingMode::HalfEven)->minorUnits(), large.minorUnits());
}

void tst_Money::allocate_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("three even parts") << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
    QTest::newRow("refund mirrors sale") << qint64(-100) << QList<qint64>{1, 1, 1} << QList<qint64>{-34, -33, -33};
    QTest::newRow("exact proportions") << qint64(1000) << QList<qint64>{50, 30, 20} << QList<qint64>{500, 300, 200};
    QTest::newRow("largest remainder") << qint64(1001) << QList<qint64>{1, 2} << QList<qint64>{334, 667};
    QTest::newRow("zero weight gets nothing") << qint64(7) << QList<qint64>{0, 5} << QList<qint64>{0, 7};
    QTest::newRow("two units over three") << qint64(2) << QList<qint64>{1, 1, 1} << QList<qint64>{1, 1, 0};
    QTest::newRow("by line value") << qint64(2000) << QList<qint64>{31840, 9536} << QList<qint64>{1539, 461};
    QTest::newRow("zero total") << qint64(0) << QList<qint64>{3, 4} << QList<qint64>{0, 0};
}

void tst_Money::allocate()
{
    QFETCH(qint64, total);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);
    const Currency sek = Currency::of(u"SEK");
    const auto parts = Money(total, sek).allocated(weights);
    QVERIFY2(parts.ok(), qPrintable(parts.errorString()));
    QList<qint64> minor;
    for (const Money &part : *parts)
        minor.append(part.minorUnits());
    QCOMPARE(minor, expected);
}

void tst_Money::allocateRejects()
{
    const Money amount(100, Currency::of(u"SEK"));
    QCOMPARE(amount.allocated({}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(amount.allocated({1, -1}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(amount.allocated({0, 0}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(amount.split(0).error().code, ErrorCode::InvalidInput);
    QCOMPARE(amount.split(4)->size(), 4);
}

void tst_Money::allocateNeverLosesAMinorUnit()
{
    // Property: for random totals and weights, parts add up exactly and each is within one unit of its exact share.
    QRandomGenerator random(20261127);
    const Currency sek = Currency::of(u"SEK");
    for (int round = 0; round < 5000; ++round) {
        const qint64 total = qint64(random.bounded(2000001)) - 1000000;
        QList<qint64> weights;
        qint64 weightSum = 0;
        const int count = 1 + random.bounded(12);
        for (int i = 0; i < count; ++i) {
            weights.append(random.bounded(10000));
            weightSum += weights.last();
        }
        if (weightSum == 0)
            weights[0] = weightSum = 1;
        const auto parts = Money(total, sek).allocated(weights);
        QVERIFY(parts.ok());
        qint64 partsSum = 0;
        for (qsizetype i = 0; i < parts->size(); ++i) {
            const qint64 part = parts->at(i).minorUnits();
            partsSum += part;
            const Int128 exactTimesSum = Int128(total) * weights[i];
            const Int128 difference = Int128(part) * weightSum - exactTimesSum;
            QVERIFY2((difference < 0 ? -difference : difference) < weightSum,
                     qPrintable(QStringLiteral("round %1 part %2").arg(round).arg(i)));
        }
        QCOMPARE(partsSum, total);
    }
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
