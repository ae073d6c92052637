// SPDX-License-Identifier: GPL-3.0-or-later
// SitooOrderParser: Sitoo order JSON → PosOrder, exact money, refunds and their links, tolerance of nulls and mixed
// types, malformed orders that keep their bytes and say what is wrong, and splitting of /orders.json pages.
#include "core/sitoo/sitoojson.h"
#include "core/sitoo/sitooorderparser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <functional>

using namespace Tillbridge::Core;

namespace {

const QString kAccount = QStringLiteral("1500");

QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(TILLBRIDGE_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject saleObject()
{
    return QJsonDocument::fromJson(testData(QStringLiteral("order-sale-20001.json"))).object();
}

QJsonObject refundObject()
{
    return QJsonDocument::fromJson(testData(QStringLiteral("order-refund-20002.json"))).object();
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray edited(QJsonObject object, const std::function<void(QJsonObject &)> &edit)
{
    edit(object);
    return toBytes(object);
}

void setInList(QJsonObject &order, const char *list, int index, const char *key, const QJsonValue &value)
{
    QJsonArray array = order.value(QLatin1String(list)).toArray();
    QJsonObject element = array.at(index).toObject();
    element.insert(QLatin1String(key), value);
    array[index] = element;
    order.insert(QLatin1String(list), array);
}

void setAdditional(QJsonObject &order, const char *key, const QJsonValue &value)
{
    QJsonObject additional = order.value(QLatin1String("additionaldata")).toObject();
    additional.insert(QLatin1String(key), value);
    order.insert(QStringLiteral("additionaldata"), additional);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/** The money of a PosOrder by a short path such as "totalNet", "line1.discount.lineNet" or "payment0.amount". */
Money moneyAt(const PosOrder &order, const QString &path)
{
    const QStringList parts = path.split(u'.');
    if (parts.size() == 1) {
        if (path == u"totalNet")
            return order.totalNet;
        if (path == u"totalVat")
            return order.totalVat;
        if (path == u"cashRounding")
            return order.cashRounding;
        if (path == u"salesTax")
            return order.salesTax;
        if (path == u"totalGross")
            return order.totalGross;
    } else if (parts.first().startsWith(u"line")) {
        const PosOrderLine &line = order.lines.at(parts.first().mid(4).toInt());
        if (parts.at(1) == u"unitNetPrice")
            return line.unitNetPrice;
        if (parts.at(1) == u"lineNet")
            return line.lineNet;
        if (parts.at(1) == u"lineVat")
            return line.lineVat;
        if (parts.at(1) == u"discount" && line.discount)
            return parts.at(2) == u"perUnitNet" ? line.discount->perUnitNet : line.discount->lineNet;
    } else if (parts.first().startsWith(u"payment")) {
        return order.payments.at(parts.first().mid(7).toInt()).amount;
    }
    qFatal("unknown money path %s", qPrintable(path));
    return Money();
}

/** Collects every object in a JSON tree that holds "money*" strings, with its path, to check each one on its own. */
void collectMoneyObjects(const QJsonValue &value, const QString &path, QList<std::pair<QString, QJsonObject>> *out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        bool hasMoney = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            hasMoney = hasMoney || (it.key().startsWith(u"money") && it.value().isString());
            collectMoneyObjects(it.value(), path + u'/' + it.key(), out);
        }
        if (hasMoney)
            out->append({path, object});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            collectMoneyObjects(array.at(i), path + u'[' + QString::number(i) + u']', out);
    }
}

} // namespace

class tst_SitooOrderParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void moneyIsExact_data();
    void moneyIsExact();
    void everyMoneyFieldOfTheExamplesIsExact_data();
    void everyMoneyFieldOfTheExamplesIsExact();
    void saleMapping();
    void saleInvariantsHold();
    void refundMapping();
    void refundDetection_data();
    void refundDetection();
    void nullsAreTolerated();
    void mixedTypesAndUnknownEnums();
    void vatValueForms_data();
    void vatValueForms();
    void totalsFallBackToTheirParts();
    void discountLineIsPerUnitTimesQuantity_data();
    void discountLineIsPerUnitTimesQuantity();
    void malformedOrders_data();
    void malformedOrders();
    void everyProblemIsListed();
    void neverThrowsOnTruncatedBytes();
    void recoverOrderId_data();
    void recoverOrderId();
    void splitOrderList_data();
    void splitOrderList();
    void splitKeepsOriginalTextAndParses();
    void splitRejects_data();
    void splitRejects();
    void splitFallsBackToCompactJson();
};

void tst_SitooOrderParser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

void tst_SitooOrderParser::moneyIsExact_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("minor");
    const QString sale = QStringLiteral("order-sale-20001.json");
    QTest::newRow("sale moneyfinal_net") << sale << "totalNet" << qint64(41376);
    QTest::newRow("sale moneyfinal_vat") << sale << "totalVat" << qint64(10344);
    QTest::newRow("sale roundoff") << sale << "cashRounding" << qint64(0);
    QTest::newRow("sale salestax") << sale << "salesTax" << qint64(0);
    QTest::newRow("sale gross_all") << sale << "totalGross" << qint64(51720);
    QTest::newRow("sale line 1 unit") << sale << "line0.unitNetPrice" << qint64(15920);
    QTest::newRow("sale line 1 net") << sale << "line0.lineNet" << qint64(31840);
    QTest::newRow("sale line 1 vat") << sale << "line0.lineVat" << qint64(7960);
    QTest::newRow("sale line 2 unit") << sale << "line1.unitNetPrice" << qint64(9536);
    QTest::newRow("sale line 2 net") << sale << "line1.lineNet" << qint64(9536);
    QTest::newRow("sale line 2 vat") << sale << "line1.lineVat" << qint64(2384);
    QTest::newRow("sale line 2 discount/unit") << sale << "line1.discount.perUnitNet" << qint64(2384);
    QTest::newRow("sale line 2 discount/line") << sale << "line1.discount.lineNet" << qint64(2384);
    QTest::newRow("sale gift card") << sale << "payment0.amount" << qint64(10000);
    QTest::newRow("sale card") << sale << "payment1.amount" << qint64(41720);
    const QString refund = QStringLiteral("order-refund-20002.json");
    QTest::newRow("refund moneyfinal_net") << refund << "totalNet" << qint64(-15920);
    QTest::newRow("refund moneyfinal_vat") << refund << "totalVat" << qint64(-3980);
    QTest::newRow("refund roundoff") << refund << "cashRounding" << qint64(0);
    QTest::newRow("refund salestax") << refund << "salesTax" << qint64(0);
    QTest::newRow("refund gross_all") << refund << "totalGross" << qint64(-19900);
    QTest::newRow("refund line unit stays positive") << refund << "line0.unitNetPrice" << qint64(15920);
    QTest::newRow("refund line net") << refund << "line0.lineNet" << qint64(-15920);
    QTest::newRow("refund line vat") << refund << "line0.lineVat" << qint64(-3980);
    QTest::newRow("refund card") << refund << "payment0.amount" << qint64(-19900);
}

void tst_SitooOrderParser::moneyIsExact()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(qint64, minor);
    const SitooOrderParse parse = SitooOrderParser::parse(testData(file), kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    const Money money = moneyAt(*parse.order, path);
    QCOMPARE(money.minorUnits(), minor);
    QCOMPARE(money.currency().code(), QStringLiteral("SEK"));
}

void tst_SitooOrderParser::everyMoneyFieldOfTheExamplesIsExact_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("fieldCount");
    // 5.2: 13 order totals, 8 per line × 2, 2 payments. 5.3 (trimmed): 7 order totals, 8 on its line, 1 payment.
    QTest::newRow("5.2 sale") << QStringLiteral("order-sale-20001.json") << 31;
    QTest::newRow("5.3 refund") << QStringLiteral("order-refund-20002.json") << 16;
}

void tst_SitooOrderParser::everyMoneyFieldOfTheExamplesIsExact()
{
    // Independently of the mapping: every money* string anywhere in the payload reads to the minor units that its
    // digits spell (the text without the point), through the same reader the parser uses.
    QFETCH(QString, file);
    QFETCH(int, fieldCount);
    QList<std::pair<QString, QJsonObject>> fields;
    collectMoneyObjects(QJsonDocument::fromJson(testData(file)).object(), QStringLiteral("order"), &fields);
    int checked = 0;
    for (const auto &[path, object] : std::as_const(fields)) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.key().startsWith(u"money") || !it.value().isString())
                continue;
            const QString text = it.value().toString();
            QVERIFY2(text.size() >= 4 && text.at(text.size() - 3) == u'.', qPrintable(text)); // two decimals
            bool ok = false;
            const qint64 expected = QString(text).remove(u'.').toLongLong(&ok);
            QVERIFY(ok);
            QStringList problems;
            SitooJsonReader reader(object, path, &problems);
            const QByteArray key = it.key().toLatin1();
            const auto money = reader.money(key.constData(), Currency::of(u"SEK"));
            QVERIFY2(money, qPrintable(problems.join(u'\n')));
            QCOMPARE(money->minorUnits(), expected);
            ++checked;
        }
    }
    QCOMPARE(checked, fieldCount); // the walk really visited every money field
}

void tst_SitooOrderParser::saleMapping()
{
    const QByteArray raw = testData(QStringLiteral("order-sale-20001.json"));
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    QVERIFY(parse.problems.isEmpty());
    QCOMPARE(parse.orderId, qint64(20001));
    QCOMPARE(parse.raw, raw);
    QCOMPARE(parse.rawSha256Hex, sha256Hex(raw));
    QCOMPARE(parse.rawSha256Hex.size(), 64);

    const PosOrder &order = *parse.order;
    QCOMPARE(order.sitooAccount, kAccount);
    QCOMPARE(order.orderId, qint64(20001));
    QCOMPARE(order.kind, PosOrderKind::Sale);
    QCOMPARE(order.rawPayloadSha256, parse.rawSha256Hex);
    QCOMPARE(order.receiptId, QStringLiteral("SIE000015010002310042"));
    QCOMPARE(order.registerId, QStringLiteral("{2AA484B4-2B5F-55AB-128A-7DB46E573357}"));
    QCOMPARE(order.warehouseId, qint64(1));
    QCOMPARE(order.storeExternalId, QStringLiteral("200"));
    QCOMPARE(order.timeZone, QStringLiteral("Europe/Stockholm"));
    QCOMPARE(order.orderDate, QDateTime(QDate(2024, 6, 10), QTime(9, 0), Qt::UTC));
    QCOMPARE(order.orderDate.timeSpec(), Qt::UTC);
    QCOMPARE(order.currency.code(), QStringLiteral("SEK"));
    QCOMPARE(order.eshopId, qint64(1));
    QCOMPARE(order.externalId, QString());
    QCOMPARE(order.creditOrderId, std::nullopt);
    QCOMPARE(order.originalOrderId, std::nullopt);
    QCOMPARE(order.orderStateId, 10);
    QCOMPARE(order.paymentStateId, 20);
    QCOMPARE(order.orderTypeId, 10);
    QCOMPARE(order.refundReasonCode, QString());

    QCOMPARE(order.lines.size(), 2);
    const PosOrderLine &shirts = order.lines.at(0);
    QCOMPARE(shirts.lineIndex, 0);
    QCOMPARE(shirts.itemType, 10);
    QCOMPARE(shirts.sku, QStringLiteral("TS-100-M"));
    QCOMPARE(shirts.productName, QStringLiteral("T-shirt Basic M"));
    QCOMPARE(shirts.quantity, qint64(2));
    QCOMPARE(shirts.vatRate, VatRate::fromPercent(25));
    QVERIFY(!shirts.discount);
    QCOMPARE(shirts.originalLineIndex, std::nullopt);
    QCOMPARE(shirts.unitQuantity, std::nullopt);
    const PosOrderLine &socks = order.lines.at(1);
    QCOMPARE(socks.lineIndex, 1);
    QCOMPARE(socks.sku, QStringLiteral("SO-300"));
    QCOMPARE(socks.quantity, qint64(1));
    QVERIFY(socks.discount);
    QCOMPARE(socks.discount->voucherCode, QStringLiteral("SPRING20"));
    QCOMPARE(socks.discount->voucherName, QStringLiteral("Spring 20%"));

    QCOMPARE(order.payments.size(), 2);
    QCOMPARE(order.payments.at(0).paymentIndex, 0);
    QCOMPARE(order.payments.at(0).methodName, QStringLiteral("Gift Card"));
    QCOMPARE(order.payments.at(0).reference, QString()); // the card number display is never taken
    QCOMPARE(order.payments.at(1).paymentIndex, 1);
    QCOMPARE(order.payments.at(1).methodName, QStringLiteral("Card"));
    QCOMPARE(order.payments.at(1).reference, QStringLiteral("240610101500 000046160830"));
    QCOMPARE(order.payments.at(1).originalPaymentIndex, std::nullopt);
}

void tst_SitooOrderParser::saleInvariantsHold()
{
    // The [C-ex] invariants of §5.2, on the parsed integers: lines add up to the totals, totals to the gross, and
    // the payments to the gross.
    for (const QString &file : {QStringLiteral("order-sale-20001.json"), QStringLiteral("order-refund-20002.json")}) {
        const SitooOrderParse parse = SitooOrderParser::parse(testData(file), kAccount);
        QVERIFY(parse.isOk());
        const PosOrder &order = *parse.order;
        qint64 lineNet = 0;
        qint64 lineVat = 0;
        for (const PosOrderLine &line : order.lines) {
            lineNet += line.lineNet.minorUnits();
            lineVat += line.lineVat.minorUnits();
            QCOMPARE(line.lineNet.minorUnits(), line.unitNetPrice.minorUnits() * line.quantity);
        }
        qint64 paid = 0;
        for (const PosPayment &payment : order.payments)
            paid += payment.amount.minorUnits();
        QCOMPARE(lineNet, order.totalNet.minorUnits());
        QCOMPARE(lineVat, order.totalVat.minorUnits());
        QCOMPARE(order.totalNet.minorUnits() + order.totalVat.minorUnits() + order.cashRounding.minorUnits(),
                 order.totalGross.minorUnits());
        QCOMPARE(paid, order.totalGross.minorUnits());
    }
}

void tst_SitooOrderParser::refundMapping()
{
    const SitooOrderParse parse =
        SitooOrderParser::parse(testData(QStringLiteral("order-refund-20002.json")), kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    const PosOrder &order = *parse.order;
    QCOMPARE(order.orderId, qint64(20002));
    QCOMPARE(order.kind, PosOrderKind::Refund);
    QCOMPARE(order.creditOrderId, qint64(20001));
    QCOMPARE(order.originalOrderId, qint64(20001));
    QCOMPARE(order.refundReasonCode, QStringLiteral("102"));
    QCOMPARE(order.receiptId, QStringLiteral("SIE000015010002310043"));
    QCOMPARE(order.orderDate, QDateTime(QDate(2024, 6, 11), QTime(9, 0), Qt::UTC));
    QCOMPARE(order.timeZone, QString()); // not in the refund example
    QCOMPARE(order.lines.size(), 1);
    const PosOrderLine &line = order.lines.at(0);
    QCOMPARE(line.quantity, qint64(-1));
    QCOMPARE(line.originalLineIndex, 0);
    QCOMPARE(line.returnReasonCode, QStringLiteral("102"));
    QVERIFY(!line.discount);
    QCOMPARE(order.payments.size(), 1);
    QCOMPARE(order.payments.at(0).reference, QStringLiteral("240611100000 000046160831"));
    QCOMPARE(order.payments.at(0).originalPaymentIndex, 1);
}

void tst_SitooOrderParser::refundDetection_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("refund");
    QTest::addColumn<qint64>("originalOrderId"); // 0: none

    const QJsonObject refund = refundObject();
    const QJsonObject sale = saleObject();
    QTest::newRow("both links") << toBytes(refund) << true << qint64(20001);
    QTest::newRow("creditorderid only") << edited(refund, [](QJsonObject &o) {
        QJsonObject additional = o.value(u"additionaldata").toObject();
        additional.remove(u"pos-originalsales-orderid");
        o.insert(u"additionaldata", additional);
    }) << true << qint64(20001);
    QTest::newRow("additionaldata link only")
        << edited(refund, [](QJsonObject &o) { o.insert(u"creditorderid", QJsonValue()); }) << true << qint64(20001);
    QTest::newRow("creditorderid as text")
        << edited(refund, [](QJsonObject &o) { o.insert(u"creditorderid", QStringLiteral("20001")); }) << true
        << qint64(20001);
    QTest::newRow("negative quantities, no links") << edited(refund, [](QJsonObject &o) {
        o.remove(u"creditorderid");
        o.remove(u"additionaldata");
    }) << true << qint64(0);
    QTest::newRow("creditorderid 0 is no link")
        << edited(sale, [](QJsonObject &o) { o.insert(u"creditorderid", 0); }) << false << qint64(0);
    QTest::newRow("empty link text is no link")
        << edited(sale, [](QJsonObject &o) { setAdditional(o, "pos-originalsales-orderid", QString()); }) << false
        << qint64(0);
    QTest::newRow("sale") << toBytes(sale) << false << qint64(0);
    QTest::newRow("mixed quantities without link")
        << edited(sale, [](QJsonObject &o) { setInList(o, "orderitems", 1, "quantity", -1); }) << false << qint64(0);
}

void tst_SitooOrderParser::refundDetection()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, refund);
    QFETCH(qint64, originalOrderId);
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    QCOMPARE(parse.order->kind, refund ? PosOrderKind::Refund : PosOrderKind::Sale);
    QCOMPARE(parse.order->originalOrderId.value_or(0), originalOrderId);
}

void tst_SitooOrderParser::nullsAreTolerated()
{
    const SitooOrderParse parse = SitooOrderParser::parse(testData(QStringLiteral("order-nulls.json")), kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    const PosOrder &order = *parse.order;
    QCOMPARE(order.orderId, qint64(20005));
    QCOMPARE(order.kind, PosOrderKind::Sale);
    QCOMPARE(order.eshopId, qint64(0));
    QCOMPARE(order.registerId, QString());
    QCOMPARE(order.warehouseId, qint64(0));
    QCOMPARE(order.receiptId, QString());
    QCOMPARE(order.orderStateId, std::nullopt);
    QCOMPARE(order.totalNet.minorUnits(), qint64(8000));
    QCOMPARE(order.totalVat.minorUnits(), qint64(2000));
    QCOMPARE(order.cashRounding, Money::zero(Currency::of(u"SEK"))); // null roundoff is no rounding
    QCOMPARE(order.salesTax, Money::zero(Currency::of(u"SEK")));
    QCOMPARE(order.totalGross.minorUnits(), qint64(10000));
    QCOMPARE(order.lines.size(), 1);
    QCOMPARE(order.lines.at(0).sku, QString());
    QCOMPARE(order.lines.at(0).productName, QString());
    QVERIFY(!order.lines.at(0).discount);
    QCOMPARE(order.payments.size(), 1);
    QCOMPARE(order.payments.at(0).reference, QString());

    // null lists are empty lists
    QJsonObject object = QJsonDocument::fromJson(testData(QStringLiteral("order-nulls.json"))).object();
    object.insert(u"payments", QJsonValue());
    object.insert(u"orderitems", QJsonValue());
    const SitooOrderParse empty = SitooOrderParser::parse(toBytes(object), kAccount);
    QVERIFY2(empty.isOk(), qPrintable(empty.problems.join(u'\n')));
    QVERIFY(empty.order->lines.isEmpty());
    QVERIFY(empty.order->payments.isEmpty());
}

void tst_SitooOrderParser::mixedTypesAndUnknownEnums()
{
    const SitooOrderParse parse = SitooOrderParser::parse(testData(QStringLiteral("order-mixed-types.json")), kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    const PosOrder &order = *parse.order;
    QCOMPARE(order.orderId, qint64(20010)); // "20010"
    QCOMPARE(order.eshopId, qint64(1));     // "1"
    QCOMPARE(order.warehouseId, qint64(3)); // "3"
    QCOMPARE(order.externalId, QStringLiteral("WEB-77"));
    QCOMPARE(order.currency.code(), QStringLiteral("SEK"));                         // "sek"
    QCOMPARE(order.orderDate, QDateTime(QDate(2024, 6, 11), QTime(9, 0), Qt::UTC)); // "1718096400"
    QCOMPARE(order.storeExternalId, QStringLiteral("200"));                         // 200
    QCOMPARE(order.kind, PosOrderKind::Sale);                                       // creditorderid 0
    QCOMPARE(order.creditOrderId, std::nullopt);
    // Unknown enumeration values are kept, not rejected.
    QCOMPARE(order.orderStateId, 55);
    QCOMPARE(order.paymentStateId, 77);
    QCOMPARE(order.orderTypeId, 4242);
    QCOMPARE(order.lines.size(), 2);
    QCOMPARE(order.lines.at(0).itemType, 999);
    QCOMPARE(order.lines.at(0).lineIndex, 0);                      // "0"
    QCOMPARE(order.lines.at(0).quantity, qint64(2));               // "2"
    QCOMPARE(order.lines.at(0).vatRate, VatRate::fromPercent(12)); // "12"
    QVERIFY(order.lines.at(0).unitQuantity);
    QCOMPARE(order.lines.at(0).unitQuantity->units(), qint64(500));
    QCOMPARE(order.lines.at(0).unitQuantity->scale(), 3);
    QVERIFY(!order.lines.at(0).discount);                           // zero discount, no voucher
    QCOMPARE(order.lines.at(1).sku, QStringLiteral("4711"));        // 4711
    QCOMPARE(order.lines.at(1).vatRate, VatRate::fromUnits(77000)); // 7.7
    QVERIFY(order.lines.at(1).discount);
    QCOMPARE(order.lines.at(1).discount->voucherCode, QStringLiteral("discount-manual"));
    QCOMPARE(order.lines.at(1).discount->perUnitNet.minorUnits(), qint64(500));
    QCOMPARE(order.lines.at(1).discount->lineNet.minorUnits(), qint64(500));
    QVERIFY(order.payments.isEmpty()); // {}
}

void tst_SitooOrderParser::vatValueForms_data()
{
    QTest::addColumn<QJsonValue>("vatvalue");
    QTest::addColumn<qint64>("units"); // -1: a problem
    QTest::newRow("25") << QJsonValue(25) << qint64(250000);
    QTest::newRow("25.0") << QJsonValue(25.0) << qint64(250000);
    QTest::newRow("\"25\"") << QJsonValue(QStringLiteral("25")) << qint64(250000);
    QTest::newRow("\"25.00\"") << QJsonValue(QStringLiteral("25.00")) << qint64(250000);
    QTest::newRow("7.7") << QJsonValue(7.7) << qint64(77000);
    QTest::newRow("12.5") << QJsonValue(12.5) << qint64(125000);
    QTest::newRow("5.5") << QJsonValue(5.5) << qint64(55000);
    QTest::newRow("0.1") << QJsonValue(0.1) << qint64(1000);
    QTest::newRow("8.1234") << QJsonValue(8.1234) << qint64(81234);
    QTest::newRow("0") << QJsonValue(0) << qint64(0);
    QTest::newRow("negative") << QJsonValue(-25) << qint64(-1);
    QTest::newRow("five decimals") << QJsonValue(7.71234) << qint64(-1);
    QTest::newRow("huge") << QJsonValue(1e300) << qint64(-1);
    QTest::newRow("comma text") << QJsonValue(QStringLiteral("7,7")) << qint64(-1);
    QTest::newRow("bool") << QJsonValue(true) << qint64(-1);
    QTest::newRow("null") << QJsonValue() << qint64(-1);
}

void tst_SitooOrderParser::vatValueForms()
{
    QFETCH(QJsonValue, vatvalue);
    QFETCH(qint64, units);
    const QByteArray raw =
        edited(saleObject(), [&vatvalue](QJsonObject &o) { setInList(o, "orderitems", 0, "vatvalue", vatvalue); });
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    if (units < 0) {
        QVERIFY(!parse.isOk());
        QCOMPARE(parse.problems.size(), 1);
        QVERIFY2(parse.problems.first().startsWith(u"Order 20001, line 1: \"vatvalue\""),
                 qPrintable(parse.problems.first()));
        return;
    }
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    QCOMPARE(parse.order->lines.at(0).vatRate.units(), units);
}

void tst_SitooOrderParser::totalsFallBackToTheirParts()
{
    // moneyfinal_* left out: rebuilt as moneytotal_* + checkout + delivery (§3.7.3). The mixed-types order has a
    // 40.00 + 10.00 delivery charge.
    const SitooOrderParse parse = SitooOrderParser::parse(testData(QStringLiteral("order-mixed-types.json")), kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    QCOMPARE(parse.order->totalNet.minorUnits(), qint64(17100));
    QCOMPARE(parse.order->totalVat.minorUnits(), qint64(2202));
    QCOMPARE(parse.order->cashRounding.minorUnits(), qint64(-2));
    QCOMPARE(parse.order->totalGross.minorUnits(), qint64(19300));

    // moneyfinal_* wins when both are sent, even if they differ (the validator compares, the parser does not).
    const QByteArray both =
        edited(saleObject(), [](QJsonObject &o) { o.insert(u"moneytotal_net", QStringLiteral("1.00")); });
    const SitooOrderParse withBoth = SitooOrderParser::parse(both, kAccount);
    QVERIFY(withBoth.isOk());
    QCOMPARE(withBoth.order->totalNet.minorUnits(), qint64(41376));

    // Neither: a problem naming the field.
    const QByteArray neither = edited(saleObject(), [](QJsonObject &o) {
        o.remove(u"moneyfinal_vat");
        o.remove(u"moneytotal_vat");
    });
    const SitooOrderParse withNeither = SitooOrderParser::parse(neither, kAccount);
    QVERIFY(!withNeither.isOk());
    QCOMPARE(withNeither.problems, QStringList{QStringLiteral("Order 20001: \"moneyfinal_vat\" is missing.")});
}

void tst_SitooOrderParser::discountLineIsPerUnitTimesQuantity_data()
{
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<QJsonValue>("moneydiscount");
    QTest::addColumn<QString>("vouchercode");
    QTest::addColumn<qint64>("perUnit"); // -1: no discount on the line
    QTest::addColumn<qint64>("lineDiscount");
    QTest::newRow("two units") << qint64(2) << QJsonValue(QStringLiteral("10.00")) << "SPRING20" << qint64(1000)
                               << qint64(2000);
    QTest::newRow("refund of three units stays positive")
        << qint64(-3) << QJsonValue(QStringLiteral("10.05")) << "SPRING20" << qint64(1005) << qint64(3015);
    QTest::newRow("manual discount without a code")
        << qint64(4) << QJsonValue(QStringLiteral("0.25")) << "" << qint64(25) << qint64(100);
    QTest::newRow("voucher with no amount is still reported")
        << qint64(2) << QJsonValue(QStringLiteral("0.00")) << "FREESHIP" << qint64(0) << qint64(0);
    QTest::newRow("null discount, no voucher") << qint64(2) << QJsonValue() << "" << qint64(-1) << qint64(0);
    QTest::newRow("zero discount, no voucher")
        << qint64(2) << QJsonValue(QStringLiteral("0.00")) << "" << qint64(-1) << qint64(0);
}

void tst_SitooOrderParser::discountLineIsPerUnitTimesQuantity()
{
    QFETCH(qint64, quantity);
    QFETCH(QJsonValue, moneydiscount);
    QFETCH(QString, vouchercode);
    QFETCH(qint64, perUnit);
    QFETCH(qint64, lineDiscount);
    const QByteArray raw = edited(saleObject(), [&](QJsonObject &o) {
        setInList(o, "orderitems", 0, "quantity", quantity);
        setInList(o, "orderitems", 0, "moneydiscount", moneydiscount);
        setInList(o, "orderitems", 0, "vouchercode", vouchercode);
    });
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    QVERIFY2(parse.isOk(), qPrintable(parse.problems.join(u'\n')));
    const PosOrderLine &line = parse.order->lines.at(0);
    if (perUnit < 0) {
        QVERIFY(!line.discount);
        return;
    }
    QVERIFY(line.discount);
    QCOMPARE(line.discount->voucherCode, vouchercode);
    QCOMPARE(line.discount->perUnitNet.minorUnits(), perUnit);
    QCOMPARE(line.discount->lineNet.minorUnits(), lineDiscount);
    QCOMPARE(line.discount->lineNet.currency().code(), QStringLiteral("SEK"));
}

void tst_SitooOrderParser::malformedOrders_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<qint64>("orderId");
    QTest::addColumn<QStringList>("fragments"); // each must appear in one problem

    const QJsonObject sale = saleObject();
    const auto row = [](const char *name, const QByteArray &raw, qint64 orderId, const QStringList &fragments) {
        QTest::newRow(name) << raw << orderId << fragments;
    };
    row("comma decimal",
        edited(sale,
               [](QJsonObject &o) { setInList(o, "orderitems", 1, "moneyitemtotal_net", QStringLiteral("12,50")); }),
        20001,
        {QStringLiteral("Order 20001, line 2: \"moneyitemtotal_net\" is \"12,50\", which is not an amount"),
         QStringLiteral("point as the decimal separator")});
    row("exponent", edited(sale, [](QJsonObject &o) { o.insert(u"moneytotal_gross_all", QStringLiteral("1e3")); }),
        20001, {QStringLiteral("Order 20001: \"moneytotal_gross_all\" is \"1e3\""), QStringLiteral("exponent")});
    row("empty amount", edited(sale, [](QJsonObject &o) { setInList(o, "payments", 0, "moneyamount", QString()); }),
        20001, {QStringLiteral("Order 20001, payment 1: \"moneyamount\" is \"\", which is not an amount")});
    row("amount as a JSON number", edited(sale, [](QJsonObject &o) { o.insert(u"moneyfinal_net", 413.76); }), 20001,
        {QStringLiteral("Order 20001: \"moneyfinal_net\" is 413.76, but amounts must be text")});
    row("too many decimals for SEK",
        edited(
            sale,
            [](QJsonObject &o) { setInList(o, "orderitems", 0, "moneynetpriceperunit", QStringLiteral("159.205")); }),
        20001, {QStringLiteral("line 1: \"moneynetpriceperunit\" is \"159.205\""), QStringLiteral("SEK")});
    row("amount with spaces",
        edited(sale, [](QJsonObject &o) { o.insert(u"moneyfinal_vat", QStringLiteral("1 034.40")); }), 20001,
        {QStringLiteral("\"moneyfinal_vat\" is \"1 034.40\"")});
    row("optional amount bad",
        edited(sale, [](QJsonObject &o) { o.insert(u"moneytotal_gross_roundoff", QStringLiteral("abc")); }), 20001,
        {QStringLiteral("\"moneytotal_gross_roundoff\" is \"abc\"")});
    row("discount bad",
        edited(sale,
               [](QJsonObject &o) { setInList(o, "orderitems", 1, "moneydiscount", QStringLiteral("23.84 SEK")); }),
        20001, {QStringLiteral("line 2: \"moneydiscount\" is \"23.84 SEK\"")});
    row("missing currencycode", edited(sale, [](QJsonObject &o) { o.remove(u"currencycode"); }), 20001,
        {QStringLiteral("Order 20001: \"currencycode\" is missing.")});
    row("null currencycode", edited(sale, [](QJsonObject &o) { o.insert(u"currencycode", QJsonValue()); }), 20001,
        {QStringLiteral("Order 20001: \"currencycode\" is null")});
    row("unknown currency", edited(sale, [](QJsonObject &o) { o.insert(u"currencycode", QStringLiteral("XYZ")); }),
        20001, {QStringLiteral("Order 20001: \"currencycode\" is \"XYZ\", which is not a currency")});
    row("orderitems not an array",
        edited(sale, [](QJsonObject &o) { o.insert(u"orderitems", QStringLiteral("none")); }), 20001,
        {QStringLiteral("Order 20001: \"orderitems\" is \"none\", but a list was expected.")});
    row("orderitems missing", edited(sale, [](QJsonObject &o) { o.remove(u"orderitems"); }), 20001,
        {QStringLiteral("Order 20001: \"orderitems\" is missing.")});
    row("payments a number", edited(sale, [](QJsonObject &o) { o.insert(u"payments", 2); }), 20001,
        {QStringLiteral("\"payments\" is 2, but a list was expected.")});
    row("line not an object",
        edited(sale,
               [](QJsonObject &o) {
                   QJsonArray items = o.value(u"orderitems").toArray();
                   items[1] = QStringLiteral("socks");
                   o.insert(u"orderitems", items);
               }),
        20001, {QStringLiteral("Order 20001, line 2 is \"socks\", not an order item.")});
    row("quantity abc",
        edited(sale, [](QJsonObject &o) { setInList(o, "orderitems", 0, "quantity", QStringLiteral("abc")); }), 20001,
        {QStringLiteral("Order 20001, line 1: \"quantity\" is \"abc\", which is not a whole number.")});
    row("quantity fraction", edited(sale, [](QJsonObject &o) { setInList(o, "orderitems", 0, "quantity", 1.5); }),
        20001, {QStringLiteral("\"quantity\" is 1.5, which is not a whole number.")});
    row("quantity missing",
        edited(sale,
               [](QJsonObject &o) {
                   QJsonArray items = o.value(u"orderitems").toArray();
                   QJsonObject item = items.at(0).toObject();
                   item.remove(u"quantity");
                   items[0] = item;
                   o.insert(u"orderitems", items);
               }),
        20001, {QStringLiteral("Order 20001, line 1: \"quantity\" is missing.")});
    row("orderitemid negative", edited(sale, [](QJsonObject &o) { setInList(o, "orderitems", 0, "orderitemid", -3); }),
        20001, {QStringLiteral("\"orderitemid\" is -3")});
    row("original line index bad",
        edited(
            refundObject(),
            [](QJsonObject &o) {
                QJsonArray items = o.value(u"orderitems").toArray();
                QJsonObject item = items.at(0).toObject();
                item.insert(u"additionaldata", QJsonObject{{QStringLiteral("pos-originalsales-orderitemid"), "first"}});
                items[0] = item;
                o.insert(u"orderitems", items);
            }),
        20002,
        {QStringLiteral("Order 20002, line 1: \"additionaldata.pos-originalsales-orderitemid\" is \"first\", which is "
                        "not a whole number.")});
    row("orderdate text", edited(sale, [](QJsonObject &o) { o.insert(u"orderdate", QStringLiteral("yesterday")); }),
        20001, {QStringLiteral("Order 20001: \"orderdate\" is \"yesterday\", which is not a date")});
    row("orderdate negative", edited(sale, [](QJsonObject &o) { o.insert(u"orderdate", -1); }), 20001,
        {QStringLiteral("\"orderdate\" is -1, which is not a date")});
    row("payment name missing",
        edited(sale,
               [](QJsonObject &o) {
                   QJsonArray payments = o.value(u"payments").toArray();
                   QJsonObject payment = payments.at(1).toObject();
                   payment.remove(u"name");
                   payments[1] = payment;
                   o.insert(u"payments", payments);
               }),
        20001, {QStringLiteral("Order 20001, payment 2: \"name\" is missing.")});
    row("payment name empty", edited(sale, [](QJsonObject &o) { setInList(o, "payments", 1, "name", QString()); }),
        20001, {QStringLiteral("Order 20001, payment 2: \"name\" is empty")});
    row("conflicting refund links",
        edited(refundObject(),
               [](QJsonObject &o) { setAdditional(o, "pos-originalsales-orderid", QStringLiteral("19999")); }),
        20002,
        {QStringLiteral("\"creditorderid\" is 20001 but \"additionaldata.pos-originalsales-orderid\" is 19999")});
    row("additionaldata a string",
        edited(sale, [](QJsonObject &o) { o.insert(u"additionaldata", QStringLiteral("x")); }), 20001,
        {QStringLiteral("\"additionaldata\" is \"x\", but an object with named values was expected.")});
    row("orderid text", edited(sale, [](QJsonObject &o) { o.insert(u"orderid", QStringLiteral("abc")); }), 0,
        {QStringLiteral("Order (id unreadable): \"orderid\" is \"abc\", which is not a whole number.")});
    row("orderid missing", edited(sale, [](QJsonObject &o) { o.remove(u"orderid"); }), 0,
        {QStringLiteral("Order (id unreadable): \"orderid\" is missing.")});
    row("orderid zero", edited(sale, [](QJsonObject &o) { o.insert(u"orderid", 0); }), 0,
        {QStringLiteral("\"orderid\" is 0, which is not an order id.")});

    const QByteArray saleBytes = testData(QStringLiteral("order-sale-20001.json"));
    row("truncated", saleBytes.left(saleBytes.size() / 2), 20001,
        {QStringLiteral("Order 20001: the order data is not valid JSON"), QStringLiteral("cut off")});
    row("truncated inside orderid", QByteArray("{\"orderid\": 200"), 0,
        {QStringLiteral("Order (id unreadable): the order data is not valid JSON")});
    row("top level array", QByteArray("[1, 2]"), 0,
        {QStringLiteral("Order (id unreadable): the order data is a list, not an order object.")});
    row("top level string", QByteArray("\"20001\""), 0, {QStringLiteral("not valid JSON")});
    row("empty bytes", QByteArray(), 0, {QStringLiteral("Order (id unreadable): the order data is empty.")});
    row("trailing garbage", saleBytes + "garbage", 20001, {QStringLiteral("not valid JSON")});
}

void tst_SitooOrderParser::malformedOrders()
{
    QFETCH(QByteArray, raw);
    QFETCH(qint64, orderId);
    QFETCH(QStringList, fragments);
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    QVERIFY(!parse.isOk());
    QVERIFY(!parse.order);
    QVERIFY(!parse.problems.isEmpty());
    QCOMPARE(parse.orderId, orderId);
    QCOMPARE(parse.raw, raw); // kept byte for byte
    QCOMPARE(parse.rawSha256Hex, sha256Hex(raw));
    for (const QString &fragment : fragments) {
        const bool found = std::any_of(parse.problems.cbegin(), parse.problems.cend(),
                                       [&fragment](const QString &problem) { return problem.contains(fragment); });
        QVERIFY2(found, qPrintable(QStringLiteral("“%1” not in:\n%2").arg(fragment, parse.problems.join(u'\n'))));
    }
}

void tst_SitooOrderParser::everyProblemIsListed()
{
    // Four independent problems: all four are reported, each once, in reading order.
    const QByteArray raw = edited(saleObject(), [](QJsonObject &o) {
        o.insert(u"moneytotal_gross_all", QStringLiteral("517,20"));
        setInList(o, "orderitems", 0, "quantity", QStringLiteral("two"));
        setInList(o, "orderitems", 1, "moneyitemtotal_vat", QJsonValue());
        setInList(o, "payments", 1, "moneyamount", 417.2);
    });
    const SitooOrderParse parse = SitooOrderParser::parse(raw, kAccount);
    QVERIFY(!parse.isOk());
    const QStringList expected{
        QStringLiteral("Order 20001: \"moneytotal_gross_all\" is \"517,20\", which is not an amount: “517,20” uses a "
                       "comma; amounts must use a point as the decimal separator."),
        QStringLiteral("Order 20001, line 1: \"quantity\" is \"two\", which is not a whole number."),
        QStringLiteral("Order 20001, line 2: \"moneyitemtotal_vat\" is null, but a value is needed."),
        QStringLiteral("Order 20001, payment 2: \"moneyamount\" is 417.2, but amounts must be text with a point as "
                       "the decimal separator, such as \"12.50\"."),
    };
    QCOMPARE(parse.problems, expected);

    // Without a currency, amounts are still checked for syntax, and the currency itself is the first problem.
    const QByteArray noCurrency = edited(saleObject(), [](QJsonObject &o) {
        o.remove(u"currencycode");
        setInList(o, "orderitems", 0, "moneyitemtotal_net", QStringLiteral("12,50"));
    });
    const SitooOrderParse second = SitooOrderParser::parse(noCurrency, kAccount);
    QCOMPARE(second.problems.size(), 2);
    QCOMPARE(second.problems.at(0), QStringLiteral("Order 20001: \"currencycode\" is missing."));
    QVERIFY(second.problems.at(1).startsWith(u"Order 20001, line 1: \"moneyitemtotal_net\" is \"12,50\""));
}

void tst_SitooOrderParser::neverThrowsOnTruncatedBytes()
{
    // Every prefix of a real order: no crash, bytes kept, and only the complete order parses.
    const QByteArray raw = testData(QStringLiteral("order-refund-20002.json")).trimmed();
    int parsed = 0;
    for (qsizetype length = 0; length <= raw.size(); ++length) {
        const QByteArray prefix = raw.left(length);
        const SitooOrderParse parse = SitooOrderParser::parse(prefix, kAccount);
        QCOMPARE(parse.raw, prefix);
        if (parse.isOk())
            ++parsed;
        else
            QVERIFY(!parse.problems.isEmpty());
        // Once "orderid": 20002, is complete, the id is always recovered.
        if (length > raw.indexOf("20002") + 6)
            QCOMPARE(parse.orderId, qint64(20002));
    }
    QCOMPARE(parsed, 1);
}

void tst_SitooOrderParser::recoverOrderId_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<qint64>("orderId");
    QTest::newRow("cut after the id") << QByteArray("{\"orderid\": 20001, \"orderitems\": [{\"sku\": \"A")
                                      << qint64(20001);
    QTest::newRow("id as text") << QByteArray("{\"orderid\":\"20001\",") << qint64(20001);
    QTest::newRow("nested orderid ignored")
        << QByteArray("{\"orderlogitems\":[{\"orderid\":5}],\"orderid\":7,\"x") << qint64(7);
    QTest::newRow("only nested orderid") << QByteArray("{\"data\":{\"orderid\":5},\"items\":[") << qint64(0);
    QTest::newRow("creditorderid is not orderid") << QByteArray("{\"creditorderid\": 9, \"orderid\": 3}") << qint64(3);
    QTest::newRow("number cut short") << QByteArray("{\"orderid\": 200") << qint64(0);
    QTest::newRow("brackets inside strings")
        << QByteArray("{\"comment\": \"a } ] \\\" {\", \"orderid\": 42, \"x\": [") << qint64(42);
    QTest::newRow("not an object") << QByteArray("[{\"orderid\": 1}]") << qint64(0);
    QTest::newRow("garbage") << QByteArray("\x00\xff{{{", 5) << qint64(0);
    QTest::newRow("negative") << QByteArray("{\"orderid\": -5,") << qint64(0);
}

void tst_SitooOrderParser::recoverOrderId()
{
    QFETCH(QByteArray, raw);
    QFETCH(qint64, orderId);
    QCOMPARE(SitooOrderParser::recoverOrderId(raw), orderId);
}

void tst_SitooOrderParser::splitOrderList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("totalCount"); // -1: a bare array
    QTest::addColumn<QList<QByteArray>>("orders");

    QTest::newRow("envelope") << QByteArray(" {\"totalcount\": 2, \"items\": [ {\"orderid\": 1} ,\n{\"orderid\":2}]}")
                              << qint64(2) << QList<QByteArray>{"{\"orderid\": 1}", "{\"orderid\":2}"};
    QTest::newRow("bare array") << QByteArray("[{\"orderid\": 1}, {\"orderid\": 2, \"x\": [1, {\"y\": []}]}]")
                                << qint64(-1)
                                << QList<QByteArray>{"{\"orderid\": 1}", "{\"orderid\": 2, \"x\": [1, {\"y\": []}]}"};
    QTest::newRow("totalcount as text") << QByteArray("{\"totalcount\": \"7\", \"items\": [{\"orderid\": 1}]}")
                                        << qint64(7) << QList<QByteArray>{"{\"orderid\": 1}"};
    QTest::newRow("items before totalcount") << QByteArray("{\"items\": [{\"orderid\": 1}], \"totalcount\": 1}")
                                             << qint64(1) << QList<QByteArray>{"{\"orderid\": 1}"};
    QTest::newRow("totalcount 0") << QByteArray("{\"totalcount\": 0, \"items\": []}") << qint64(0)
                                  << QList<QByteArray>{};
    QTest::newRow("totalcount 0, items missing")
        << QByteArray("{\"totalcount\": 0}") << qint64(0) << QList<QByteArray>{};
    QTest::newRow("totalcount 0, items null")
        << QByteArray("{\"totalcount\": 0, \"items\": null}") << qint64(0) << QList<QByteArray>{};
    QTest::newRow("page past the end") << QByteArray("{\"totalcount\": 12, \"items\": []}") << qint64(12)
                                       << QList<QByteArray>{};
    QTest::newRow("empty bare array") << QByteArray("[]") << qint64(-1) << QList<QByteArray>{};
    QTest::newRow("strings with brackets and escapes")
        << QByteArray(R"({"totalcount":2,"items":[{"orderid":1,"comment":"a ] } \" [ {"},{"orderid":2,"n":"\\"}]})")
        << qint64(2) << QList<QByteArray>{R"({"orderid":1,"comment":"a ] } \" [ {"})", R"({"orderid":2,"n":"\\"})"};
    QTest::newRow("non-object elements kept") << QByteArray("[1, \"x\", null, {\"orderid\": 3}]") << qint64(-1)
                                              << QList<QByteArray>{"1", "\"x\"", "null", "{\"orderid\": 3}"};
    QTest::newRow("nested items key ignored")
        << QByteArray("{\"meta\": {\"items\": [9]}, \"totalcount\": 1, \"items\": [{\"orderid\": 4}]}") << qint64(1)
        << QList<QByteArray>{"{\"orderid\": 4}"};
}

void tst_SitooOrderParser::splitOrderList()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, totalCount);
    QFETCH(QList<QByteArray>, orders);
    const auto list = SitooOrderParser::splitOrderList(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount.value_or(-1), totalCount);
    QCOMPARE(list->orders, orders);
    QVERIFY(list->originalText);
}

void tst_SitooOrderParser::splitKeepsOriginalTextAndParses()
{
    // A page with the §5 sale and refund verbatim: each element comes back byte for byte, hashes like the single
    // GET of the same order, and parses.
    const QByteArray page = testData(QStringLiteral("orders-page.json"));
    const QByteArray sale = testData(QStringLiteral("order-sale-20001.json")).trimmed();
    const QByteArray refund = testData(QStringLiteral("order-refund-20002.json")).trimmed();
    const auto list = SitooOrderParser::splitOrderList(page);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->totalCount, qint64(5));
    QVERIFY(list->originalText);
    QCOMPARE(list->orders.size(), 2);
    QCOMPARE(list->orders.at(0), sale);
    QCOMPARE(list->orders.at(1), refund);
    const SitooOrderParse first = SitooOrderParser::parse(list->orders.at(0), kAccount);
    const SitooOrderParse second = SitooOrderParser::parse(list->orders.at(1), kAccount);
    QVERIFY(first.isOk());
    QVERIFY(second.isOk());
    QCOMPARE(first.orderId, qint64(20001));
    QCOMPARE(second.orderId, qint64(20002));
    QCOMPARE(first.rawSha256Hex, sha256Hex(sale));
    QCOMPARE(second.order->kind, PosOrderKind::Refund);
}

void tst_SitooOrderParser::splitRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not JSON") << QByteArray("<html>502 Bad Gateway</html>") << QStringLiteral("not valid JSON");
    QTest::newRow("truncated page") << QByteArray("{\"totalcount\": 2, \"items\": [{\"orderid\": 1}")
                                    << QStringLiteral("not valid JSON");
    QTest::newRow("items missing with matches")
        << QByteArray("{\"totalcount\": 3}") << QStringLiteral("\"totalcount\" is 3, but there is no \"items\" list.");
    QTest::newRow("items not a list") << QByteArray("{\"totalcount\": 1, \"items\": \"x\"}")
                                      << QStringLiteral("\"items\" is \"x\", but a list was expected.");
    QTest::newRow("totalcount missing") << QByteArray("{\"items\": []}")
                                        << QStringLiteral("\"totalcount\" is missing.");
    QTest::newRow("totalcount bad") << QByteArray("{\"totalcount\": \"many\", \"items\": []}")
                                    << QStringLiteral("\"totalcount\" is \"many\", which is not a whole number.");
    QTest::newRow("totalcount negative") << QByteArray("{\"totalcount\": -1, \"items\": []}")
                                         << QStringLiteral("\"totalcount\" is -1, which is not a count.");
}

void tst_SitooOrderParser::splitRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, fragment);
    const auto list = SitooOrderParser::splitOrderList(body);
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, ErrorCode::InvalidInput);
    QVERIFY2(list.errorString().contains(fragment), qPrintable(list.errorString()));
}

void tst_SitooOrderParser::splitFallsBackToCompactJson()
{
    // An escaped key spelling "items" defeats the lexical scan (QJsonDocument decodes it, the scanner does not):
    // the elements are then re-serialised, and money strings survive unchanged.
    const QByteArray body = R"({"totalcount": 1, "\u0069tems": [ {"orderid": 9, "moneyamount": "12.50"} ]})";
    const auto list = SitooOrderParser::splitOrderList(body);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QVERIFY(!list->originalText);
    QCOMPARE(list->orders, QList<QByteArray>{R"({"moneyamount":"12.50","orderid":9})"});
}

QTEST_GUILESS_MAIN(tst_SitooOrderParser)
#include "tst_sitooorderparser.moc"
