// SPDX-License-Identifier: GPL-3.0-or-later
// VAT rates as exact decimals; VAT from net and from gross, per line and per document, under named rounding.
#include "core/money/vatcalculation.h"
#include "core/money/vatrate.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Tillbridge::Core;

namespace {
Money sek(qint64 minor)
{
    return Money(minor, Currency::of(u"SEK"));
}
Money gbp(qint64 minor)
{
    return Money(minor, Currency::of(u"GBP"));
}
} // namespace

class tst_VatRate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void vatFromNet_data();
    void vatFromNet();
    void vatFromGross_data();
    void vatFromGross();
    void precise();
    void refundMirrorsSale();
    void perLineVersusPerDocument();
    void multiRateDocument();
    void grossBasisDocument();
    void documentRejectsMixedCurrency();
};

void tst_VatRate::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<QString>("shortest");
    QTest::newRow("25") << "25" << qint64(250000) << "25";
    QTest::newRow("25.00") << "25.00" << qint64(250000) << "25";
    QTest::newRow("12") << "12" << qint64(120000) << "12";
    QTest::newRow("6") << "6" << qint64(60000) << "6";
    QTest::newRow("20") << "20" << qint64(200000) << "20";
    QTest::newRow("5") << "5" << qint64(50000) << "5";
    QTest::newRow("0") << "0" << qint64(0) << "0";
    QTest::newRow("7.7") << "7.7" << qint64(77000) << "7.7";
    QTest::newRow("12.5") << "12.50" << qint64(125000) << "12.5";
    QTest::newRow("four decimals") << "8.1234" << qint64(81234) << "8.1234";
    QTest::newRow("trailing zeros beyond four") << "25.000000" << qint64(250000) << "25";
}

void tst_VatRate::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, units);
    QFETCH(QString, shortest);
    const auto rate = VatRate::parse(text);
    QVERIFY2(rate.ok(), qPrintable(rate.errorString()));
    QCOMPARE(rate->units(), units);
    QCOMPARE(rate->toString(), shortest);
    QCOMPARE(VatRate::fromUnits(units), *rate);
}

void tst_VatRate::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << "-1";
    QTest::newRow("five decimals") << "25.00001";
    QTest::newRow("implausible") << "1000";
    QTest::newRow("letters") << "abc";
    QTest::newRow("percent sign") << "25%";
    QTest::newRow("empty") << "";
}

void tst_VatRate::parseRejects()
{
    QFETCH(QString, text);
    const auto rate = VatRate::parse(text);
    QVERIFY(!rate.ok());
    QCOMPARE(rate.error().code, ErrorCode::InvalidInput);
    QVERIFY(!rate.errorString().isEmpty());
}

void tst_VatRate::vatFromNet_data()
{
    QTest::addColumn<Money>("net");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("halfAway");
    QTest::addColumn<qint64>("halfEven");
    QTest::addColumn<qint64>("truncate");
    QTest::newRow("SE 25% even") << sek(10000) << 25 << qint64(2500) << qint64(2500) << qint64(2500);
    QTest::newRow("sitoo t-shirts") << sek(31840) << 25 << qint64(7960) << qint64(7960) << qint64(7960);
    QTest::newRow("sitoo socks") << sek(9536) << 25 << qint64(2384) << qint64(2384) << qint64(2384);
    QTest::newRow("skatteverket 4467.75") << sek(446775) << 25 << qint64(111694) << qint64(111694)
                                          << qint64(111693);
    QTest::newRow("SE tie 0.10 at 25%") << sek(10) << 25 << qint64(3) << qint64(2) << qint64(2);
    QTest::newRow("SE refund tie") << sek(-10) << 25 << qint64(-3) << qint64(-2) << qint64(-2);
    QTest::newRow("SE 12% food") << sek(8950) << 12 << qint64(1074) << qint64(1074) << qint64(1074);
    QTest::newRow("SE 6% books") << sek(12345) << 6 << qint64(741) << qint64(741) << qint64(740);
    QTest::newRow("UK 20%") << gbp(1238) << 20 << qint64(248) << qint64(248) << qint64(247);
    QTest::newRow("UK small line") << gbp(3) << 20 << qint64(1) << qint64(1) << qint64(0);
    QTest::newRow("UK 5% tie") << gbp(30) << 5 << qint64(2) << qint64(2) << qint64(1);
    QTest::newRow("UK 5% odd tie") << gbp(50) << 5 << qint64(3) << qint64(2) << qint64(2);
    QTest::newRow("zero rated") << gbp(99999) << 0 << qint64(0) << qint64(0) << qint64(0);
}

void tst_VatRate::vatFromNet()
{
    QFETCH(Money, net);
    QFETCH(int, percent);
    QFETCH(qint64, halfAway);
    QFETCH(qint64, halfEven);
    QFETCH(qint64, truncate);
    const VatRate rate = VatRate::fromPercent(percent);
    QCOMPARE(rate.vatFromNet(net, RoundingMode::HalfAwayFromZero)->minorUnits(), halfAway);
    QCOMPARE(rate.vatFromNet(net, RoundingMode::HalfEven)->minorUnits(), halfEven);
    QCOMPARE(rate.vatFromNet(net, RoundingMode::TowardZero)->minorUnits(), truncate);
    QCOMPARE(rate.vatFromNet(net, RoundingMode::HalfEven)->currency(), net.currency());
}

void tst_VatRate::vatFromGross_data()
{
    QTest::addColumn<Money>("gross");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("vatHalfAway");
    QTest::addColumn<qint64>("vatHalfEven");
    QTest::newRow("t-shirt 199.00 at 25%") << sek(19900) << 25 << qint64(3980) << qint64(3980);
    QTest::newRow("socks 119.20 at 25%") << sek(11920) << 25 << qint64(2384) << qint64(2384);
    QTest::newRow("UK 9.99 at 20% (tie 1.665)") << gbp(999) << 20 << qint64(167) << qint64(166);
    QTest::newRow("UK refund 9.99") << gbp(-999) << 20 << qint64(-167) << qint64(-166);
    QTest::newRow("SE 12% 112.00") << sek(11200) << 12 << qint64(1200) << qint64(1200);
    QTest::newRow("SE 6% 10.60") << sek(1060) << 6 << qint64(60) << qint64(60);
    QTest::newRow("zero rated") << gbp(500) << 0 << qint64(0) << qint64(0);
}

void tst_VatRate::vatFromGross()
{
    QFETCH(Money, gross);
    QFETCH(int, percent);
    QFETCH(qint64, vatHalfAway);
    QFETCH(qint64, vatHalfEven);
    const VatRate rate = VatRate::fromPercent(percent);
    QCOMPARE(rate.vatFromGross(gross, RoundingMode::HalfAwayFromZero)->minorUnits(), vatHalfAway);
    QCOMPARE(rate.vatFromGross(gross, RoundingMode::HalfEven)->minorUnits(), vatHalfEven);
    const auto net = rate.netFromGross(gross, RoundingMode::HalfAwayFromZero);
    QCOMPARE(net->minorUnits() + vatHalfAway, gross.minorUnits()); // nothing lost between net and VAT
}

void tst_VatRate::precise()
{
    const VatRate rate = VatRate::fromPercent(25);
    // Skatteverket's worked example: 25 % of 4 467.75 = 1 116.9375, rounded to 1 116.94.
    const auto exact = rate.vatFromNetPrecise(sek(446775), 4, RoundingMode::HalfAwayFromZero);
    QVERIFY(exact.ok());
    QCOMPARE(exact->toString(), QStringLiteral("1116.9375"));
    QCOMPARE(Money::fromDecimal(*exact, Currency::of(u"SEK"), RoundingMode::HalfAwayFromZero)->minorUnits(),
             qint64(111694));
    // HMRC: compute to 5 decimals, round to 4 (VATREC12020) — a 20 % rate on 0.03 GBP is 0.00600.
    const auto uk = VatRate::fromPercent(20).vatFromNetPrecise(gbp(3), 5, RoundingMode::TowardZero);
    QCOMPARE(uk->toString(), QStringLiteral("0.00600"));
    QCOMPARE(uk->rescaled(4, RoundingMode::HalfAwayFromZero)->toString(), QStringLiteral("0.0060"));
    // From gross to 6 decimals: 9.99 / 6 = 1.665 exactly.
    QCOMPARE(VatRate::fromPercent(20).vatFromGrossPrecise(gbp(999), 6, RoundingMode::TowardZero)->toString(),
             QStringLiteral("1.665000"));
    // A fractional rate: 7.7 % of 100.00 = 7.70.
    QCOMPARE(VatRate::parse(u"7.7")->vatFromNet(sek(10000), RoundingMode::HalfEven)->minorUnits(), qint64(770));
    QCOMPARE(rate.vatFromNetPrecise(sek(1), 19, RoundingMode::HalfEven).error().code, ErrorCode::InvalidInput);
}

void tst_VatRate::refundMirrorsSale()
{
    // With half-away-from-zero, the VAT of a refund is exactly the negated VAT of the sale, for every amount.
    QRandomGenerator random(42);
    const QList<int> rates{25, 12, 6, 20, 5, 0};
    for (int i = 0; i < 20000; ++i) {
        const Money amount = sek(random.bounded(10000000));
        const VatRate rate = VatRate::fromPercent(rates[random.bounded(int(rates.size()))]);
        const Money refund = amount.negated().value();
        QCOMPARE(rate.vatFromNet(refund, RoundingMode::HalfAwayFromZero)->minorUnits(),
                 -rate.vatFromNet(amount, RoundingMode::HalfAwayFromZero)->minorUnits());
        QCOMPARE(rate.vatFromGross(refund, RoundingMode::HalfAwayFromZero)->minorUnits(),
                 -rate.vatFromGross(amount, RoundingMode::HalfAwayFromZero)->minorUnits());
    }
}

void tst_VatRate::perLineVersusPerDocument()
{
    // Three lines of 0.10 at 25 %: each line's VAT is the tie 0.025.
    const VatRate rate = VatRate::fromPercent(25);
    const QList<VatLine> lines{{sek(10), rate}, {sek(10), rate}, {sek(10), rate}};
    const auto perLine = computeVatByRate(lines, {PriceBasis::Net, VatRoundingLevel::PerLine,
                                                  RoundingMode::HalfAwayFromZero},
                                          Currency::of(u"SEK"));
    QVERIFY(perLine.ok());
    QCOMPARE(perLine->size(), 1);
    QCOMPARE(perLine->at(0).vat.minorUnits(), qint64(9)); // 0.03 × 3
    QCOMPARE(perLine->at(0).net.minorUnits(), qint64(30));
    QCOMPARE(perLine->at(0).gross.minorUnits(), qint64(39));
    QCOMPARE(perLine->at(0).lineCount, 3);

    const auto perDocument = computeVatByRate(lines, {PriceBasis::Net, VatRoundingLevel::PerDocument,
                                                      RoundingMode::HalfAwayFromZero},
                                              Currency::of(u"SEK"));
    QCOMPARE(perDocument->at(0).vat.minorUnits(), qint64(8)); // 0.075 → 0.08
    QCOMPARE(perDocument->at(0).gross.minorUnits(), qint64(38));

    const auto perLineEven = computeVatByRate(lines, {PriceBasis::Net, VatRoundingLevel::PerLine,
                                                      RoundingMode::HalfEven},
                                              Currency::of(u"SEK"));
    QCOMPARE(perLineEven->at(0).vat.minorUnits(), qint64(6)); // 0.02 × 3: banker's rounding on every tie
}

void tst_VatRate::multiRateDocument()
{
    const QList<VatLine> lines{{sek(5000), VatRate::fromPercent(12)},
                               {sek(10000), VatRate::fromPercent(25)},
                               {sek(2000), VatRate::fromPercent(6)},
                               {sek(2500), VatRate::fromPercent(25)}};
    const auto summary = computeVatByRate(lines, {}, Currency::of(u"SEK"));
    QVERIFY(summary.ok());
    QCOMPARE(summary->size(), 3);
    QCOMPARE(summary->at(0).rate, VatRate::fromPercent(25));
    QCOMPARE(summary->at(0).net.minorUnits(), qint64(12500));
    QCOMPARE(summary->at(0).vat.minorUnits(), qint64(3125));
    QCOMPARE(summary->at(0).lineCount, 2);
    QCOMPARE(summary->at(1).rate, VatRate::fromPercent(12));
    QCOMPARE(summary->at(1).vat.minorUnits(), qint64(600));
    QCOMPARE(summary->at(2).rate, VatRate::fromPercent(6));
    QCOMPARE(summary->at(2).vat.minorUnits(), qint64(120));
    QCOMPARE(summary->at(2).gross.minorUnits(), qint64(2120));
}

void tst_VatRate::grossBasisDocument()
{
    // Sitoo example 5.2: two t-shirts at 199.00 and socks at 119.20, all gross at 25 %.
    const VatRate rate = VatRate::fromPercent(25);
    const QList<VatLine> lines{{sek(39800), rate}, {sek(11920), rate}};
    const auto summary = computeVatByRate(lines, {PriceBasis::Gross, VatRoundingLevel::PerLine,
                                                  RoundingMode::HalfAwayFromZero},
                                          Currency::of(u"SEK"));
    QVERIFY(summary.ok());
    QCOMPARE(summary->at(0).gross.minorUnits(), qint64(51720));
    QCOMPARE(summary->at(0).vat.minorUnits(), qint64(10344));
    QCOMPARE(summary->at(0).net.minorUnits(), qint64(41376));
}

void tst_VatRate::documentRejectsMixedCurrency()
{
    const QList<VatLine> lines{{sek(100), VatRate::fromPercent(25)}, {gbp(100), VatRate::fromPercent(20)}};
    const auto summary = computeVatByRate(lines, {}, Currency::of(u"SEK"));
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, ErrorCode::CurrencyMismatch);
}

QTEST_GUILESS_MAIN(tst_VatRate)
#include "tst_vatrate.moc"
