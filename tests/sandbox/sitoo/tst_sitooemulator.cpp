// SPDX-License-Identifier: GPL-3.0-or-later
// The Sitoo REST v2 emulator over real HTTP on 127.0.0.1: auth, envelopes and paging, the orderid cursor, filters,
// projection, product and stock writes, warehouse batches, Z-reports, rate limiting and injected faults.
#include "core/money/money.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/sitoo/sitooemulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;

namespace {

struct HttpResult
{
    int status = 0; ///< 0 when no response arrived
    QByteArray body;
    QByteArray retryAfter;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QJsonArray items() const { return object().value(u"items"_s).toArray(); }
    qint64 totalCount() const { return object().value(u"totalcount"_s).toInteger(-1); }
    /** True when the body is Sitoo's error body for this status (§2.6). */
    bool isErrorBody() const
    {
        const QJsonObject o = object();
        return o.size() == 2 && o.value(u"statuscode"_s).toInt() == status && o.value(u"errortext"_s).isString();
    }
};

enum class Auth { Valid, None, WrongPassword, OtherAccount };

ScenarioOptions emulatorScenario()
{
    ScenarioOptions options;
    options.seed = 3;
    options.storeCount = 3;
    options.tradingDays = 3;
    options.ordersPerStoreDay = 15;
    options.refundRate = 0.15;
    options.defectRate = 0.05;
    return options;
}

QList<qint64> ids(const QJsonArray &items, const QString &key = u"orderid"_s)
{
    QList<qint64> result;
    for (const QJsonValue &item : items)
        result.append(item.toObject().value(key).toInteger());
    return result;
}

} // namespace

class tst_SitooEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listensOnLoopbackOnly();
    void authIsRequired();
    void unknownResourcesAre404();
    void envelopeAndPagingEdgeCases();
    void defaultSortIsNewestFirst();
    void badParametersAre400();
    void cursorWalkSeesEveryOrderOnceIncludingLateOfflineSale();
    void fieldsProjection();
    void commaAndRepeatedFilters();
    void refundsViaCreditOrderId();
    void singleOrder();
    void productsListAndFilters();
    void productBatchPostWithBadElement();
    void productBatchPutWithBadElement();
    void productSingleObjectWrites();
    void warehouseItemsPutOnVirtual();
    void warehouseItemsPutRefusedOnFifo();
    void warehouseBatchFlow();
    void zReportsBareArrayWithDateAddedPaging();
    void paymentTypesAreABareArray();
    void storesAndWarehouses();
    void rateLimiterAnswers429();
    void injectedFaults();
    void slowResponsesStillArrive();
    void defaultFieldsOnly();

private:
    HttpResult request(SitooEmulator &emulator, const QByteArray &verb, const QString &path,
                       const QByteArray &body = QByteArray(), Auth auth = Auth::Valid);
    HttpResult get(SitooEmulator &emulator, const QString &path) { return request(emulator, "GET", path); }

    Scenario m_scenario;
    QNetworkAccessManager m_network;
};

void tst_SitooEmulator::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QTest::failOnWarning(QRegularExpression(u".*does not belong to the calling thread.*"_s));
    // Straight to loopback, whatever proxy the environment configures.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_scenario = ScenarioGenerator(emulatorScenario()).generate();
    QVERIFY(m_scenario.orders().size() > 100);
}

HttpResult tst_SitooEmulator::request(SitooEmulator &emulator, const QByteArray &verb, const QString &path,
                                      const QByteArray &body, Auth auth)
{
    QNetworkRequest request(QUrl(emulator.baseUrl().toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    const ApiCredentials &credentials = emulator.credentials();
    QString user = credentials.apiId;
    QString password = credentials.password;
    if (auth == Auth::WrongPassword)
        password += u'x';
    if (auth == Auth::OtherAccount)
        user = u"12345-1"_s;
    if (auth != Auth::None)
        request.setRawHeader("Authorization", "Basic " + QString(user + u':' + password).toUtf8().toBase64());
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    HttpResult result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
    }
    reply->deleteLater();
    return result;
}

void tst_SitooEmulator::listensOnLoopbackOnly()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(!emulator.isListening());
    QVERIFY(emulator.listen());
    QVERIFY(emulator.port() != 0);
    QCOMPARE(emulator.baseUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(emulator.baseUrl().path(), u"/v2/accounts/"_s + m_scenario.credentials().accountId);

    // A second emulator on the same port cannot listen.
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"listen failed"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot listen on 127.0.0.1"_s));
    SitooEmulatorOptions options;
    options.port = emulator.port();
    SitooEmulator second(m_scenario, options);
    QVERIFY(!second.listen());
}

void tst_SitooEmulator::authIsRequired()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    for (Auth auth : {Auth::None, Auth::WrongPassword, Auth::OtherAccount}) {
        const HttpResult result = request(emulator, "GET", u"/orders.json"_s, QByteArray(), auth);
        QCOMPARE(result.status, 401);
        QVERIFY2(result.isErrorBody(), result.body.constData());
    }
    QCOMPARE(get(emulator, u"/orders.json"_s).status, 200);
    QCOMPARE(emulator.requestCount(), 4);
    QCOMPARE(emulator.responseCount(401), 3);
    QCOMPARE(emulator.responseCount(200), 1);
}

void tst_SitooEmulator::unknownResourcesAre404()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    for (const auto &path : {u"/nothing.json"_s, u"/sites/9/products.json"_s, u"/sites/1/products"_s,
                             u"/sites/1/orders/1.json"_s, u"/sites/1/products/99999999.json"_s,
                             u"/sites/1/warehouses/99/warehouseitems.json"_s}) {
        const HttpResult result = get(emulator, path);
        QCOMPARE(result.status, 404);
        QVERIFY2(result.isErrorBody(), qPrintable(path));
    }
    QSignalSpy handled(&emulator, &SitooEmulator::requestHandled);
    QCOMPARE(get(emulator, u"/orders"_s).status, 404); // .json is required here
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first().at(2).toInt(), 404);
}

void tst_SitooEmulator::envelopeAndPagingEdgeCases()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const qint64 first = m_scenario.orders().first().orderId;

    // No match: totalcount 0, empty items.
    HttpResult none = get(emulator, u"/orders.json?orderid=1"_s);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.object().keys(), (QStringList{u"items"_s, u"totalcount"_s}));
    QCOMPARE(none.totalCount(), 0);
    QVERIFY(none.items().isEmpty());

    // 20 matches in pages of 10: two full pages, then an empty one; totalcount is always 20.
    const QString range = u"/orders.json?sort=orderid&orderidfrom=%1&orderidto=%2&num=10"_s.arg(first).arg(first + 20);
    for (int start : {0, 10, 20, 1000}) {
        const HttpResult result = get(emulator, range + u"&start=%1"_s.arg(start));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.totalCount(), 20);
        const QJsonArray items = result.items();
        QCOMPARE(items.size(), start < 20 ? 10 : 0);
        if (!items.isEmpty())
            QCOMPARE(items.first().toObject().value(u"orderid"_s).toInteger(), first + start);
    }
    // orderidto is exclusive, orderidfrom inclusive.
    const HttpResult bounds = get(emulator, u"/orders.json?sort=orderid&orderidfrom=%1&orderidto=%2&num=100"_s
                                                .arg(first + 3)
                                                .arg(first + 5));
    QCOMPARE(ids(bounds.items()), (QList<qint64>{first + 3, first + 4}));

    // num=0 counts without returning items.
    const HttpResult counted = get(emulator, u"/orders.json?num=0"_s);
    QCOMPARE(counted.totalCount(), m_scenario.orders().size());
    QVERIFY(counted.items().isEmpty());
}

void tst_SitooEmulator::defaultSortIsNewestFirst()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const HttpResult result = get(emulator, u"/orders.json"_s);
    QCOMPARE(result.totalCount(), m_scenario.orders().size());
    const QList<qint64> page = ids(result.items());
    QCOMPARE(page.size(), 10); // default num
    QCOMPARE(page.first(), m_scenario.orders().last().orderId);
    QVERIFY(std::is_sorted(page.rbegin(), page.rend()));
}

void tst_SitooEmulator::badParametersAre400()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    for (const auto &path : {u"/orders.json?num=abc"_s, u"/orders.json?start=-1"_s, u"/orders.json?sort=orderdate"_s,
                             u"/orders.json?orderid=1,x"_s, u"/sites/1/products.json?includeinactive=maybe"_s,
                             u"/pos-z-reports?dateaddedfrom=yesterday"_s}) {
        const HttpResult result = get(emulator, path);
        QCOMPARE(result.status, 400);
        QVERIFY2(result.isErrorBody(), qPrintable(path));
    }
    const HttpResult result = request(emulator, "DELETE", u"/sites/1/orders/%1.json"_s.arg(m_scenario.orders().first().orderId));
    QCOMPARE(result.status, 400);
    QVERIFY(result.isErrorBody());
}

void tst_SitooEmulator::cursorWalkSeesEveryOrderOnceIncludingLateOfflineSale()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    QList<qint64> seen;
    qint64 last = 0;
    int pages = 0;
    qint64 lateOrderId = 0;
    const ScenarioOrder &template_ = m_scenario.orders().at(5);
    while (true) {
        const HttpResult result = get(emulator, u"/orders.json?orderidfrom=%1&sort=orderid&num=7"_s.arg(last + 1));
        QCOMPARE(result.status, 200);
        const QList<qint64> page = ids(result.items());
        if (page.isEmpty())
            break;
        seen += page;
        last = page.last();
        if (++pages == 3) {
            // Given a till that was offline for days, when its sale arrives mid-walk with an old orderdate,
            // then the orderid cursor still reaches it.
            QJsonObject late = m_scenario.orderJson(template_);
            late.remove(u"orderid"_s);
            late.insert(u"orderdate"_s, template_.orderDate - 3 * 86400);
            lateOrderId = emulator.addOrder(late);
            QCOMPARE(lateOrderId, m_scenario.orders().last().orderId + 1);
        }
    }
    QVERIFY(lateOrderId != 0);
    QList<qint64> expected;
    for (const ScenarioOrder &order : m_scenario.orders())
        expected.append(order.orderId);
    expected.append(lateOrderId);
    QCOMPARE(seen, expected);
    QCOMPARE(emulator.orderCount(), expected.size());
    QCOMPARE(emulator.lastOrderId(), lateOrderId);
    // An explicit orderid below the last one is refused: orderids only grow.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused order 5"_s));
    QCOMPARE(emulator.addOrder(QJsonObject{{u"orderid"_s, 5}}), 0);
    // The late order is served like any other, with its old orderdate.
    const HttpResult single = get(emulator, u"/sites/%1/orders/%2.json"_s.arg(template_.eshopId).arg(lateOrderId));
    QCOMPARE(single.status, 200);
    QCOMPARE(single.object().value(u"orderdate"_s).toInteger(), template_.orderDate - 3 * 86400);
}

void tst_SitooEmulator::fieldsProjection()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const HttpResult orders = get(emulator, u"/orders.json?fields=orderid,moneytotal_gross_all&num=3"_s);
    QCOMPARE(orders.items().size(), 3);
    for (const QJsonValue &item : orders.items()) {
        QCOMPARE(item.toObject().keys(), (QStringList{u"moneytotal_gross_all"_s, u"orderid"_s}));
        QVERIFY(item.toObject().value(u"moneytotal_gross_all"_s).toString().contains(u'.'));
    }
    const HttpResult products =
        get(emulator, u"/sites/1/products.json?fields=productid,sku,title,moneyprice&num=2"_s);
    QCOMPARE(products.items().size(), 2);
    QCOMPARE(products.items().first().toObject().keys(),
             (QStringList{u"moneyprice"_s, u"productid"_s, u"sku"_s, u"title"_s}));
    const HttpResult items = get(emulator, u"/sites/1/warehouses/1/warehouseitems.json?fields=sku,decimaltotal"_s);
    QCOMPARE(items.items().first().toObject().keys(), (QStringList{u"decimaltotal"_s, u"sku"_s}));
}

void tst_SitooEmulator::commaAndRepeatedFilters()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const auto &orders = m_scenario.orders();
    const qint64 a = orders.at(3).orderId;
    const qint64 b = orders.at(8).orderId;
    const qint64 c = orders.at(13).orderId;
    HttpResult result = get(emulator, u"/orders.json?orderid=%1,%2,%3&sort=orderid"_s.arg(a).arg(b).arg(c));
    QCOMPARE(ids(result.items()), (QList<qint64>{a, b, c}));
    QCOMPARE(result.totalCount(), 3);
    result = get(emulator, u"/orders.json?orderid=%1&orderid=%2&sort=orderid"_s.arg(a).arg(c));
    QCOMPARE(ids(result.items()), (QList<qint64>{a, c}));

    // eshopid filter: only Swedish orders.
    qint64 swedish = 0;
    for (const ScenarioOrder &order : orders)
        swedish += order.eshopId == 2 ? 1 : 0;
    result = get(emulator, u"/orders.json?eshopid=2&num=1000"_s);
    QCOMPARE(result.totalCount(), swedish);
    for (const QJsonValue &item : result.items())
        QCOMPARE(item.toObject().value(u"eshopid"_s).toInt(), 2);
    // The deprecated site-level list is the same filter.
    QCOMPARE(get(emulator, u"/sites/2/orders.json?num=0"_s).totalCount(), swedish);
    // receiptid overrides orderid.
    result = get(emulator, u"/orders.json?receiptid=%1&orderid=%2"_s.arg(orders.at(3).receiptId).arg(b));
    QVERIFY(ids(result.items()).contains(a));
    QVERIFY(!ids(result.items()).contains(b));

    const QString skuA = m_scenario.catalogue().at(0).sku;
    const QString skuB = m_scenario.catalogue().at(2).sku;
    result = get(emulator, u"/sites/1/products.json?sku=%1,%2"_s.arg(skuA, skuB));
    QCOMPARE(result.totalCount(), 2);
    QCOMPARE(ids(result.items(), u"productid"_s).size(), 2);
}

void tst_SitooEmulator::refundsViaCreditOrderId()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    std::map<qint64, QList<qint64>> refundsBySale;
    for (const ScenarioOrder &order : m_scenario.orders()) {
        if (order.isRefund())
            refundsBySale[*order.creditOrderId].append(order.orderId);
    }
    QVERIFY(!refundsBySale.empty());
    int checked = 0;
    for (const auto &[sale, refunds] : refundsBySale) {
        const HttpResult result = get(emulator, u"/orders.json?creditorderid=%1&sort=orderid&num=100"_s.arg(sale));
        QCOMPARE(ids(result.items()), refunds);
        for (const QJsonValue &item : result.items()) {
            const QJsonObject refund = item.toObject();
            QCOMPARE(refund.value(u"creditorderid"_s).toInteger(), sale);
            QVERIFY(refund.value(u"moneytotal_gross_all"_s).toString().startsWith(u'-'));
            QVERIFY(refund.value(u"orderitems"_s).toArray().first().toObject().value(u"quantity"_s).toInt() < 0);
        }
        if (++checked == 5)
            break;
    }
    // A sale without refunds has none.
    const HttpResult none = get(emulator, u"/orders.json?creditorderid=1"_s);
    QCOMPARE(none.totalCount(), 0);
}

void tst_SitooEmulator::singleOrder()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const ScenarioOrder &order = m_scenario.orders().at(10);
    const HttpResult result = get(emulator, u"/sites/%1/orders/%2.json"_s.arg(order.eshopId).arg(order.orderId));
    QCOMPARE(result.status, 200);
    const QJsonObject json = result.object();
    QCOMPARE(json.value(u"orderid"_s).toInteger(), order.orderId);
    QVERIFY(json.contains(u"orderlogitems"_s));
    QVERIFY(json.value(u"datereserved"_s).isNull());
    QCOMPARE(json.value(u"moneytotal_gross_all"_s).toString(), order.totalGross.toWireString());
    QCOMPARE(json, m_scenario.orderJson(order, true));
    // The list endpoint leaves the log items out.
    const HttpResult listed = get(emulator, u"/orders.json?orderid=%1"_s.arg(order.orderId));
    QVERIFY(!listed.items().first().toObject().contains(u"orderlogitems"_s));
    // The wrong site does not have it.
    const int otherSite = order.eshopId == 1 ? 2 : 1;
    QCOMPARE(get(emulator, u"/sites/%1/orders/%2.json"_s.arg(otherSite).arg(order.orderId)).status, 404);
    QCOMPARE(emulator.order(order.orderId).value(), json);
}

void tst_SitooEmulator::productsListAndFilters()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    int active = 0;
    int all = 0;
    for (const SitooProductRecord &product : m_scenario.products()) {
        if (product.eshopId != 2)
            continue;
        ++all;
        active += (product.active || product.activePos) ? 1 : 0;
    }
    QVERIFY(active < all); // the catalogue has discontinued SKUs
    QCOMPARE(get(emulator, u"/sites/2/products.json?num=0"_s).totalCount(), active);
    QCOMPARE(get(emulator, u"/sites/2/products.json?num=0&includeinactive=true"_s).totalCount(), all);
    QCOMPARE(get(emulator, u"/sites/2/products.json?num=0&includeinactive=false"_s).totalCount(), active);
    // datelastmodified: nothing in the scenario was modified in the future.
    QCOMPARE(get(emulator, u"/sites/2/products.json?num=0&datelastmodified=4000000000"_s).totalCount(), 0);
    const HttpResult single =
        get(emulator, u"/sites/2/products/%1.json"_s.arg(emulator.products(2).first().value(u"productid"_s).toInteger()));
    QCOMPARE(single.status, 200);
    QCOMPARE(single.object(), emulator.products(2).first());
}

void tst_SitooEmulator::productBatchPostWithBadElement()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const QString existing = m_scenario.catalogue().first().sku;
    const QJsonArray body{
        QJsonObject{{u"sku"_s, u"NEW-100-M"_s}, {u"title"_s, u"New product M"_s}, {u"moneyprice"_s, u"249.00"_s},
                    {u"vatid"_s, 5}},
        QJsonObject{{u"sku"_s, u"bad sku!"_s}, {u"title"_s, u"Broken"_s}},
        QJsonObject{{u"sku"_s, existing}, {u"title"_s, u"Duplicate"_s}},
        QJsonObject{{u"sku"_s, u"NEW-101-M"_s}, {u"moneyprice"_s, u"12,50"_s}},
    };
    const qsizetype before = emulator.products(2).size();
    const HttpResult result =
        request(emulator, "POST", u"/sites/2/products.json"_s, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(result.status, 200);
    const QJsonArray replies = result.array();
    QCOMPARE(replies.size(), 4);
    QCOMPARE(replies.at(0).toObject().value(u"statuscode"_s).toInt(), 200);
    const qint64 newId = replies.at(0).toObject().value(u"return"_s).toInteger();
    QVERIFY(newId > 0);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(replies.at(i).toObject().value(u"statuscode"_s).toInt(), 400);
    QCOMPARE(emulator.products(2).size(), before + 1);

    // Then the new product is visible, with the group's VAT and a normalised price.
    const HttpResult listed = get(emulator, u"/sites/2/products.json?sku=NEW-100-M"_s);
    QCOMPARE(listed.totalCount(), 1);
    const QJsonObject product = listed.items().first().toObject();
    QCOMPARE(product.value(u"productid"_s).toInteger(), newId);
    QCOMPARE(product.value(u"moneyprice"_s).toString(), u"249.00"_s);
    QCOMPARE(product.value(u"vatvalue"_s).toInt(), 12);
    QVERIFY(!emulator.product(2, u"NEW-101-M"_s));
}

void tst_SitooEmulator::productBatchPutWithBadElement()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const QList<QJsonObject> products = emulator.products(1);
    const qint64 first = products.at(0).value(u"productid"_s).toInteger();
    const qint64 second = products.at(1).value(u"productid"_s).toInteger();
    const QString secondPrice = products.at(1).value(u"moneyprice"_s).toString();
    const QJsonArray body{
        QJsonObject{{u"productid"_s, first}, {u"moneyprice"_s, u"21.5"_s}, {u"title"_s, u"Renamed"_s}},
        QJsonObject{{u"productid"_s, second}, {u"moneyprice"_s, u"12,50"_s}},
        QJsonObject{{u"productid"_s, 99999999}, {u"title"_s, u"Nobody"_s}},
        QJsonObject{{u"title"_s, u"No key"_s}},
    };
    const qint64 started = QDateTime::currentSecsSinceEpoch();
    const HttpResult result =
        request(emulator, "PUT", u"/sites/1/products.json"_s, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(result.status, 200);
    const QJsonArray replies = result.array();
    QCOMPARE(replies.size(), 4);
    QCOMPARE(replies.at(0).toObject().value(u"statuscode"_s).toInt(), 200);
    QCOMPARE(replies.at(0).toObject().value(u"return"_s).toBool(), true);
    QCOMPARE(replies.at(1).toObject().value(u"statuscode"_s).toInt(), 400);
    QCOMPARE(replies.at(2).toObject().value(u"statuscode"_s).toInt(), 404);
    QCOMPARE(replies.at(3).toObject().value(u"statuscode"_s).toInt(), 400);

    const HttpResult updated = get(emulator, u"/sites/1/products/%1.json"_s.arg(first));
    QCOMPARE(updated.object().value(u"moneyprice"_s).toString(), u"21.50"_s);
    QCOMPARE(updated.object().value(u"title"_s).toString(), u"Renamed"_s);
    QVERIFY(updated.object().value(u"datemodified"_s).toInteger() >= started);
    QCOMPARE(emulator.products(1).at(1).value(u"moneyprice"_s).toString(), secondPrice);

    // The incremental product cursor returns the change.
    const HttpResult changed =
        get(emulator, u"/sites/1/products.json?datelastmodified=%1&includeinactive=true"_s.arg(started));
    QCOMPARE(ids(changed.items(), u"productid"_s), (QList<qint64>{first}));
}

void tst_SitooEmulator::productSingleObjectWrites()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    // A single object gets a scalar reply: the new id for POST, true for PUT (§2.5).
    const HttpResult created = request(emulator, "POST", u"/sites/1/products.json"_s,
                                       R"({"sku":"SOLO-1","title":"Solo","moneyprice":"5.00"})");
    QCOMPARE(created.status, 200);
    bool ok = false;
    const qint64 id = created.body.toLongLong(&ok);
    QVERIFY2(ok, created.body.constData());
    const HttpResult updated =
        request(emulator, "PUT", u"/sites/1/products/%1.json"_s.arg(id), R"({"moneyprice":"6.00","activepos":false})");
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.body, QByteArray("true"));
    QCOMPARE(emulator.product(1, u"SOLO-1"_s)->value(u"moneyprice"_s).toString(), u"6.00"_s);
    QCOMPARE(emulator.product(1, u"SOLO-1"_s)->value(u"activepos"_s).toBool(), false);

    const HttpResult bad = request(emulator, "POST", u"/sites/1/products.json"_s, R"({"sku":"SOLO-1"})");
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.isErrorBody());
    const HttpResult broken = request(emulator, "POST", u"/sites/1/products.json"_s, "[{");
    QCOMPARE(broken.status, 400);
    QVERIFY(broken.isErrorBody());
    QCOMPARE(emulator.addProduct(1, QJsonObject{{u"sku"_s, u"SOLO-2"_s}}), id + 1);
}

void tst_SitooEmulator::warehouseItemsPutOnVirtual()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const ScenarioStore *store = nullptr;
    for (const ScenarioStore &s : m_scenario.stores()) {
        if (s.warehouseType == WarehouseType::Virtual)
            store = &s;
    }
    QVERIFY(store);
    const QString path = u"/sites/%1/warehouses/%2/warehouseitems.json"_s.arg(store->eshopId).arg(store->warehouseId);
    const HttpResult before = get(emulator, path + u"?num=1"_s);
    const QJsonObject item = before.items().first().toObject();
    const QString sku = item.value(u"sku"_s).toString();
    const Decimal reserved = Decimal::parse(item.value(u"decimalreserved"_s).toString()).value();

    const QJsonArray body{QJsonObject{{u"sku"_s, sku}, {u"decimaltotal"_s, u"17.000"_s}},
                          QJsonObject{{u"sku"_s, u"NO-SUCH-SKU"_s}, {u"decimaltotal"_s, u"1.000"_s}},
                          QJsonObject{{u"sku"_s, sku}, {u"decimaltotal"_s, u"1.2345"_s}}};
    const HttpResult result = request(emulator, "PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(result.status, 200);
    const QJsonArray replies = result.array();
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies.at(0).toObject().value(u"statuscode"_s).toInt(), 200);
    QCOMPARE(replies.at(0).toObject().value(u"return"_s).toInteger(), item.value(u"warehouseitemid"_s).toInteger());
    QCOMPARE(replies.at(1).toObject().value(u"statuscode"_s).toInt(), 400);
    QCOMPARE(replies.at(2).toObject().value(u"statuscode"_s).toInt(), 400);

    // Then later reads show the new absolute level, and available = total - reserved.
    const HttpResult after = get(emulator, path + u"?sku="_s + sku);
    const QJsonObject updated = after.items().first().toObject();
    QCOMPARE(updated.value(u"decimaltotal"_s).toString(), u"17.000"_s);
    QCOMPARE(updated.value(u"decimalavailable"_s).toString(), Decimal(17000 - reserved.units(), 3).toString());
    QCOMPARE(emulator.stockLevel(store->warehouseId, sku)->toString(), u"17.000"_s);
    QVERIFY(!emulator.stockLevel(store->warehouseId, u"NO-SUCH-SKU"_s));
    // No transaction history on Virtual warehouses.
    QVERIFY(emulator.warehouseTransactions().isEmpty());
}

void tst_SitooEmulator::warehouseItemsPutRefusedOnFifo()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const ScenarioStore &store = m_scenario.stores().first();
    QCOMPARE(store.warehouseType, WarehouseType::Fifo);
    const QString sku = m_scenario.warehouseItems().first().sku;
    const auto level = emulator.stockLevel(store.warehouseId, sku);
    QVERIFY(level);
    const HttpResult result =
        request(emulator, "PUT", u"/sites/1/warehouses/%1/warehouseitems.json"_s.arg(store.warehouseId),
                QJsonDocument(QJsonArray{QJsonObject{{u"sku"_s, sku}, {u"decimaltotal"_s, u"99.000"_s}}})
                    .toJson(QJsonDocument::Compact));
    QCOMPARE(result.status, 400);
    QVERIFY(result.isErrorBody());
    QCOMPARE(emulator.stockLevel(store.warehouseId, sku).value(), *level);
}

void tst_SitooEmulator::warehouseBatchFlow()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const ScenarioStore &store = m_scenario.stores().first(); // FIFO
    const QString base = u"/sites/%1/warehouses/%2/"_s.arg(store.eshopId).arg(store.warehouseId);
    const QString sku = m_scenario.warehouseItems().first().sku;
    const Decimal before = emulator.stockLevel(store.warehouseId, sku).value();

    // Given an open stocktaking batch (type 50, state 10) ...
    const HttpResult created = request(emulator, "POST", base + u"warehousebatches.json"_s,
                                       R"({"transactiontype":50,"comment":"Nightly count","emailowner":""})");
    QCOMPARE(created.status, 200);
    const qint64 batchId = created.body.toLongLong();
    QVERIFY(batchId > 0);
    const QString batchPath = base + u"warehousebatches/%1"_s.arg(batchId);
    QCOMPARE(get(emulator, batchPath + u".json"_s).object().value(u"warehousebatchstate"_s).toInt(), 10);

    // ... with counted levels (absolute, not deltas) ...
    const QJsonArray items{QJsonObject{{u"sku"_s, sku}, {u"decimalquantity"_s, u"9.000"_s}},
                           QJsonObject{{u"sku"_s, u"NO-SUCH-SKU"_s}, {u"decimalquantity"_s, u"1.000"_s}},
                           QJsonObject{{u"sku"_s, sku}, {u"decimalquantity"_s, u"-2.000"_s}}};
    const HttpResult put = request(emulator, "PUT", batchPath + u"/warehousebatchitems.json"_s,
                                   QJsonDocument(items).toJson(QJsonDocument::Compact));
    QCOMPARE(put.status, 200);
    QCOMPARE(put.array().size(), 3);
    QCOMPARE(put.array().at(0).toObject().value(u"statuscode"_s).toInt(), 200);
    QCOMPARE(put.array().at(1).toObject().value(u"statuscode"_s).toInt(), 400);
    QCOMPARE(put.array().at(2).toObject().value(u"statuscode"_s).toInt(), 400);
    QCOMPARE(get(emulator, batchPath + u"/warehousebatchitems.json"_s).totalCount(), 1);
    // Nothing moves before the commit.
    QCOMPARE(emulator.stockLevel(store.warehouseId, sku).value(), before);

    // When the batch goes 10 -> 20, then the counted level is the new stock level.
    const HttpResult commit = request(emulator, "PUT", batchPath + u".json"_s, R"({"warehousebatchstate":20})");
    QCOMPARE(commit.status, 200);
    QCOMPARE(commit.body, QByteArray("true"));
    QCOMPARE(emulator.stockLevel(store.warehouseId, sku)->toString(), u"9.000"_s);
    const HttpResult level = get(emulator, base + u"warehouseitems.json?sku="_s + sku);
    QCOMPARE(level.items().first().toObject().value(u"decimaltotal"_s).toString(), u"9.000"_s);
    QCOMPARE(get(emulator, batchPath + u".json"_s).object().value(u"warehousebatchstate"_s).toInt(), 20);

    // A closed batch takes no more items and cannot be committed twice.
    QCOMPARE(request(emulator, "PUT", batchPath + u"/warehousebatchitems.json"_s,
                     R"([{"sku":"x","decimalquantity":"1.000"}])")
                 .status,
             400);
    QCOMPARE(request(emulator, "PUT", batchPath + u".json"_s, R"({"warehousebatchstate":20})").status, 400);

    // The commit left a stocktaking transaction with the signed change.
    const QList<QJsonObject> transactions = emulator.warehouseTransactions();
    QCOMPARE(transactions.size(), 1);
    QCOMPARE(transactions.first().value(u"transactiontype"_s).toInt(), 50);
    const QJsonObject logItem = transactions.first().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(logItem.value(u"decimalquantity"_s).toString(), Decimal(9000 - before.units(), 3).toString());
    QCOMPARE(get(emulator, u"/sites/%1/warehousetransactions.json"_s.arg(store.eshopId)).totalCount(), 1);

    // Batches are for FIFO warehouses; a Virtual one refuses them.
    for (const ScenarioStore &s : m_scenario.stores()) {
        if (s.warehouseType != WarehouseType::Virtual)
            continue;
        const HttpResult refused =
            request(emulator, "POST", u"/sites/%1/warehouses/%2/warehousebatches.json"_s.arg(s.eshopId).arg(s.warehouseId),
                    R"({"transactiontype":50})");
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.isErrorBody());
    }
}

void tst_SitooEmulator::zReportsBareArrayWithDateAddedPaging()
{
    SitooEmulatorOptions options;
    options.zReportLimit = 4;
    SitooEmulator emulator(m_scenario, options);
    QVERIFY(emulator.listen());
    const qsizetype expected = m_scenario.zReports().size();
    QVERIFY(expected > 8);

    // Page with dateaddedfrom = the last dateadded seen (inclusive), dropping reports already seen.
    QSet<qint64> seen;
    qint64 from = 0;
    for (int guard = 0; guard < 100; ++guard) {
        const HttpResult result = get(emulator, u"/pos-z-reports?dateaddedfrom=%1"_s.arg(from));
        QCOMPARE(result.status, 200);
        QVERIFY(QJsonDocument::fromJson(result.body).isArray());
        const QJsonArray reports = result.array();
        QVERIFY(reports.size() <= 4);
        int fresh = 0;
        qint64 previous = 0;
        for (const QJsonValue &value : reports) {
            const QJsonObject report = value.toObject();
            const qint64 added = report.value(u"dateadded"_s).toInteger();
            QVERIFY(added >= from);
            QVERIFY(added >= previous);
            previous = added;
            if (!seen.contains(report.value(u"zreportid"_s).toInteger())) {
                seen.insert(report.value(u"zreportid"_s).toInteger());
                ++fresh;
            }
        }
        if (fresh == 0)
            break;
        from = reports.last().toObject().value(u"dateadded"_s).toInteger();
    }
    QCOMPARE(seen.size(), expected);

    // dateaddedto is inclusive as well, and the .json form is served too.
    const qint64 added = m_scenario.zReports().at(2).value(u"dateadded"_s).toInteger();
    const HttpResult exact = get(emulator, u"/pos-z-reports.json?dateaddedfrom=%1&dateaddedto=%1"_s.arg(added));
    QCOMPARE(exact.status, 200);
    QVERIFY(!exact.array().isEmpty());
    for (const QJsonValue &value : exact.array())
        QCOMPARE(value.toObject().value(u"dateadded"_s).toInteger(), added);
    const HttpResult uk = get(emulator, u"/pos-z-reports?eshopid=1"_s);
    for (const QJsonValue &value : uk.array())
        QCOMPARE(value.toObject().value(u"currencycode"_s).toString(), u"GBP"_s);
}

void tst_SitooEmulator::paymentTypesAreABareArray()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const HttpResult result = get(emulator, u"/sites/2/pospaymenttypes.json"_s);
    QCOMPARE(result.status, 200);
    QVERIFY(QJsonDocument::fromJson(result.body).isArray());
    QStringList names;
    for (const QJsonValue &value : result.array()) {
        names.append(value.toObject().value(u"name"_s).toString());
        QVERIFY(value.toObject().contains(u"paymentmethodid"_s));
    }
    for (const QString &name : Scenario::usualPaymentMethodNames(Region::Sweden))
        QVERIFY(names.contains(name));
}

void tst_SitooEmulator::storesAndWarehouses()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    const HttpResult stores = get(emulator, u"/sites/1/stores.json"_s);
    int ukStores = 0;
    for (const ScenarioStore &store : m_scenario.stores())
        ukStores += store.eshopId == 1 ? 1 : 0;
    QCOMPARE(stores.totalCount(), ukStores);
    const HttpResult warehouses = get(emulator, u"/sites/2/warehouses.json"_s);
    QCOMPARE(warehouses.totalCount(), m_scenario.stores().size() - ukStores);
    const QJsonObject warehouse = warehouses.items().first().toObject();
    QCOMPARE(warehouse.value(u"warehousetype"_s).toInt(), 20); // the second store has the Virtual warehouse
    QCOMPARE(warehouse.value(u"currencycode"_s).toString(), u"SEK"_s);
    const HttpResult sites = get(emulator, u"/sites.json"_s);
    QCOMPARE(sites.totalCount(), 2);
    const HttpResult items = get(emulator, u"/sites/1/warehouses/1/warehouseitems.json?num=100000"_s);
    qint64 expected = 0;
    for (const ScenarioWarehouseItem &item : m_scenario.warehouseItems())
        expected += item.warehouseId == 1 ? 1 : 0;
    QCOMPARE(items.totalCount(), expected);
    QCOMPARE(items.items().size(), expected);

    // HEAD answers without a body, and the connection stays usable.
    const HttpResult head = request(emulator, "HEAD", u"/sites.json"_s);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(get(emulator, u"/sites.json"_s).totalCount(), 2);
}

void tst_SitooEmulator::rateLimiterAnswers429()
{
    SitooEmulatorOptions options;
    options.rateLimitPerSecond = 0.001; // effectively no refill during the test
    options.rateLimitBurst = 3;
    options.retryAfterSeconds = 7;
    SitooEmulator emulator(m_scenario, options);
    QVERIFY(emulator.listen());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(get(emulator, u"/sites.json"_s).status, 200);
    const HttpResult limited = get(emulator, u"/sites.json"_s);
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.isErrorBody());
    QCOMPARE(limited.retryAfter, QByteArray("7"));

    // Without a configured value, Retry-After says when the bucket refills; with < 0 there is no header.
    options.retryAfterSeconds = 0;
    options.rateLimitPerSecond = 0.5;
    options.rateLimitBurst = 1;
    emulator.setOptions(options);
    QCOMPARE(get(emulator, u"/sites.json"_s).status, 200);
    const HttpResult computed = get(emulator, u"/sites.json"_s);
    QCOMPARE(computed.status, 429);
    QVERIFY(computed.retryAfter.toInt() >= 1 && computed.retryAfter.toInt() <= 2);
    options.retryAfterSeconds = -1;
    emulator.setOptions(options);
    QCOMPARE(get(emulator, u"/sites.json"_s).status, 200);
    const HttpResult bare = get(emulator, u"/sites.json"_s);
    QCOMPARE(bare.status, 429);
    QVERIFY(bare.retryAfter.isEmpty());
    QCOMPARE(emulator.responseCount(429), 3);
}

void tst_SitooEmulator::injectedFaults()
{
    SitooEmulator emulator(m_scenario);
    QVERIFY(emulator.listen());
    emulator.failNextRequests(2, 503);
    for (int i = 0; i < 2; ++i) {
        const HttpResult failed = get(emulator, u"/sites.json"_s);
        QCOMPARE(failed.status, 503);
        QVERIFY(failed.isErrorBody());
    }
    QCOMPARE(get(emulator, u"/sites.json"_s).status, 200);

    // A failed write has no effect.
    emulator.failNextRequests(1, 500);
    QCOMPARE(request(emulator, "POST", u"/sites/1/products.json"_s, R"({"sku":"FAULTY-1"})").status, 500);
    QVERIFY(!emulator.product(1, u"FAULTY-1"_s));

    SitooEmulatorOptions options;
    options.faultRate = 1.0;
    emulator.setOptions(options);
    const HttpResult failed = get(emulator, u"/sites.json"_s);
    QCOMPARE(failed.status, 500);
    QVERIFY(failed.isErrorBody());
    // Unauthenticated requests are refused before any fault is drawn.
    QCOMPARE(request(emulator, "GET", u"/sites.json"_s, QByteArray(), Auth::None).status, 401);
}

void tst_SitooEmulator::slowResponsesStillArrive()
{
    SitooEmulatorOptions options;
    options.slowResponseRate = 1.0;
    options.slowResponseDelayMs = 150;
    SitooEmulator emulator(m_scenario, options);
    QVERIFY(emulator.listen());
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = get(emulator, u"/sites.json"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.totalCount(), 2);
    QVERIFY(timer.elapsed() >= 140);
}

void tst_SitooEmulator::defaultFieldsOnly()
{
    SitooEmulatorOptions options;
    options.defaultFieldsOnly = true;
    SitooEmulator emulator(m_scenario, options);
    QVERIFY(emulator.listen());
    const QJsonObject order = get(emulator, u"/orders.json?num=1"_s).items().first().toObject();
    QVERIFY(order.contains(u"moneytotal_gross_all"_s));
    QVERIFY(!order.contains(u"creditorderid"_s)); // not a documented default field: ask for it with fields=
    const QJsonObject product = get(emulator, u"/sites/1/products.json?num=1"_s).items().first().toObject();
    QVERIFY(product.contains(u"moneyprice"_s));
    QVERIFY(!product.contains(u"title"_s));
    const QJsonObject asked = get(emulator, u"/orders.json?num=1&fields=creditorderid"_s).items().first().toObject();
    QVERIFY(asked.contains(u"creditorderid"_s));
}

QTEST_GUILESS_MAIN(tst_SitooEmulator)
#include "tst_sitooemulator.moc"
