// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sitoo/sitooemulator.h"

#include "core/money/money.h"
#include "core/sandbox/sandboxlogging.h"
#include "core/sandbox/sitoo/sitooquery.h"
#include "core/net/tokenbucket.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <vector>

namespace Tillbridge::Sandbox {

using namespace Qt::StringLiterals;
using Core::Currency;
using Core::Decimal;
using Core::Money;

namespace {

constexpr int kMaxBatchItems = 1000; // Sitoo's documented limit for warehouse transaction batches (§2.5)
constexpr int kBatchOpen = 10;
constexpr int kBatchClosed = 20;
constexpr int kTransactionStockIn = 10;
constexpr int kTransactionStockOut = 20;
constexpr int kTransactionStocktaking = 50;

// ---- Replies ----

struct Reply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

Reply json(const QJsonObject &object, int status = 200)
{
    return Reply{status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

Reply json(const QJsonArray &array, int status = 200)
{
    return Reply{status, QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

/** A bare JSON scalar: the new id of a single POST, or true for a single PUT (§2.5). */
Reply scalar(qint64 id)
{
    return Reply{200, QByteArray::number(id), {}};
}

Reply scalarTrue()
{
    return Reply{200, QByteArrayLiteral("true"), {}};
}

/** Every error carries Sitoo's body (§2.6); clients branch on the status, never on the text. */
Reply error(int status, const QString &text)
{
    return json(QJsonObject{{u"statuscode"_s, status}, {u"errortext"_s, text}}, status);
}

Reply notFound()
{
    return error(404, u"Resource not found"_s);
}

Reply badRequest(const QString &text)
{
    return error(400, text);
}

Reply envelope(qint64 totalCount, const QJsonArray &items)
{
    return json(QJsonObject{{u"totalcount"_s, totalCount}, {u"items"_s, items}});
}

/** One page of an already filtered and sorted list. totalcount counts every match, not the page. */
Reply page(const QList<QJsonObject> &all, const SitooPaging &paging, const QStringList &fields)
{
    QJsonArray items;
    const qint64 end = std::min<qint64>(all.size(), paging.start + paging.num);
    for (qint64 i = paging.start; i < end; ++i)
        items.append(SitooQuery::project(all.at(i), fields));
    return envelope(all.size(), items);
}

QJsonObject batchElement(int status, const QJsonValue &returned, const QString &errorText = QString())
{
    QJsonObject element{{u"statuscode"_s, status}, {u"return"_s, returned}};
    if (!errorText.isEmpty())
        element.insert(u"errortext"_s, errorText);
    return element;
}

QJsonObject batchError(const QString &text)
{
    return batchElement(400, QJsonValue(QJsonValue::Null), text);
}

// ---- Values ----

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 integer = value.toInteger(std::numeric_limits<qint64>::min());
    if (integer == std::numeric_limits<qint64>::min())
        return std::nullopt; // a fraction such as 1.5
    return integer;
}

/** A Sitoo decimal string ("5.000", "12", "-1.5") in thousandths; Sitoo sends decimals as strings only. */
std::optional<qint64> thousandths(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const auto decimal = Decimal::parse(value.toString());
    if (!decimal || decimal->scale() > 3)
        return std::nullopt;
    const auto rescaled = decimal->rescaled(3, Core::RoundingMode::TowardZero);
    if (!rescaled)
        return std::nullopt;
    return rescaled->units();
}

QString decimalText(qint64 thousandths)
{
    return Decimal(thousandths, 3).toString();
}

std::optional<Money> moneyValue(const QJsonValue &value, const Currency &currency)
{
    if (!value.isString())
        return std::nullopt;
    auto parsed = Money::parse(value.toString(), currency);
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

/** Value of `quantity` thousandths at a unit price, rounded half away from zero to minor units. */
Money stockValue(qint64 quantityThousandths, const Money &unitPrice)
{
    auto value = unitPrice.multipliedByFraction(quantityThousandths, 1000, Core::RoundingMode::HalfAwayFromZero);
    return value.valueOr(Money::zero(unitPrice.currency()));
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

const QStringList &defaultOrderFields()
{
    // §2.2 v2.8 defaults, plus the fields the newer /orders example also returns.
    static const QStringList fields{
        u"orderid"_s,          u"email"_s,          u"namefirst"_s,        u"namelast"_s,
        u"company"_s,          u"moneyfinal_net"_s, u"moneyfinal_vat"_s,   u"moneytotal_gross_roundoff"_s,
        u"moneytotal_gross_all"_s, u"checkouttypename"_s, u"deliverytypename"_s, u"orderdate"_s,
        u"orderstateid"_s,     u"paymentstateid"_s, u"ordertypeid"_s,      u"registerid"_s,
        u"warehouseid"_s,      u"datereserved"_s,   u"orderitems"_s,       u"payments"_s,
        u"eshopid"_s,          u"currencycode"_s,   u"additionaldata"_s};
    return fields;
}

const QStringList &defaultProductFields()
{
    static const QStringList fields{u"productid"_s,        u"sku"_s,          u"datemodified"_s,
                                    u"active"_s,           u"activepos"_s,    u"vatid"_s,
                                    u"manufacturerid"_s,   u"stockcountenable"_s, u"stockallowbackorder"_s,
                                    u"barcode"_s,          u"moneyprice"_s,   u"moneyfinalprice"_s};
    return fields;
}

// ---- The HTTP server: a thin QAbstractHttpServer that hands every request to one function ----

class HttpServer final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &&)>;

    HttpServer(Handler handler, QObject *parent)
        : QAbstractHttpServer(parent)
        , m_handler(std::move(handler))
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, makeResponder(request, socket));
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    Handler m_handler;
};

void writeReply(QHttpServerResponder &responder, const Reply &reply)
{
    // Written piecewise because Qt 6.4's responder only takes a fixed initializer list of headers.
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    for (const auto &header : reply.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(reply.body);
}

// ---- State ----

struct OrderEntry
{
    qint64 orderId = 0;
    int eshopId = 0;
    qint64 creditOrderId = 0; // 0: not a refund
    qint64 warehouseId = 0;
    qint64 orderDate = 0;
    int orderState = 10;
    int paymentState = 20;
    int orderType = 10;
    QString receiptId;
    QString externalId;
    QString email;
    qsizetype scenarioIndex = -1; // into Scenario::orders(), or -1 for an added order
    qsizetype addedIndex = -1;
};

struct ItemState
{
    qint64 itemId = 0;
    qint64 total = 0; // thousandths
    qint64 reserved = 0;
    qint64 threshold = 0;
    QString binLocation;
    Money value;
    qint64 dateModified = 0;
    std::optional<qint64> dateStocktaking;
};

struct WarehouseState
{
    int eshopId = 0;
    WarehouseType type = WarehouseType::Fifo;
    Currency currency;
    QJsonObject json;
    std::map<QString, ItemState> items; // by sku
};

struct BatchItem
{
    qint64 itemId = 0;
    QString sku;
    qint64 quantity = 0; // thousandths
    std::optional<Money> priceIn;
    QString comment;
};

struct BatchState
{
    qint64 batchId = 0;
    qint64 warehouseId = 0;
    int transactionType = kTransactionStocktaking;
    int state = kBatchOpen;
    QString comment;
    QString emailOwner;
    qint64 dateCreated = 0;
    std::optional<qint64> dateClosed;
    QList<BatchItem> items;
};

struct SiteState
{
    ScenarioSite site;
    std::map<qint64, QJsonObject> products; // by productid
    QMap<QString, qint64> productBySku;
    QList<QJsonObject> stores;
    QList<QJsonObject> paymentTypes;
    QList<ScenarioProductGroup> groups;
};

/** One change of a warehouse item's level, for checkers (GET /__sandbox/stock-writes). */
struct StockWrite
{
    qint64 warehouseId = 0;
    QString sku;
    qint64 totalThousandths = 0;
    qint64 at = 0; // Unix seconds
};

} // namespace

struct SitooEmulator::State
{
    SitooEmulator *q = nullptr;
    Scenario scenario;
    SitooEmulatorOptions options;
    QAbstractHttpServer *server = nullptr;
    quint16 port = 0;
    Core::TokenBucket bucket;
    QElapsedTimer clock;
    QRandomGenerator faultRng;
    int failNextCount = 0;
    int failNextStatus = 500;
    qint64 requests = 0;
    std::map<int, qint64> responses;

    std::vector<OrderEntry> orders; // ascending orderid
    QList<QJsonObject> addedOrders;
    std::map<int, SiteState> sites;
    std::map<qint64, WarehouseState> warehouses;
    std::map<qint64, BatchState> batches;
    QList<QJsonObject> transactions;
    QList<QJsonObject> zReports;
    QList<StockWrite> stockWrites; // every level change, in order
    qint64 nextProductId = 1;
    qint64 nextItemId = 1;
    qint64 nextBatchId = 1;
    qint64 nextBatchItemId = 1;
    qint64 nextTransactionId = 1;

    // ---- Setup ----

    void load()
    {
        for (qsizetype i = 0; i < scenario.orders().size(); ++i) {
            const ScenarioOrder &order = scenario.orders().at(i);
            OrderEntry entry;
            entry.orderId = order.orderId;
            entry.eshopId = order.eshopId;
            entry.creditOrderId = order.creditOrderId.value_or(0);
            entry.warehouseId = order.warehouseId;
            entry.orderDate = order.orderDate;
            entry.receiptId = order.receiptId;
            entry.scenarioIndex = i;
            orders.push_back(entry);
        }
        for (const ScenarioSite &site : scenario.sites())
            sites[site.eshopId].site = site;
        for (const ScenarioProductGroup &group : scenario.productGroups())
            sites[group.eshopId].groups.append(group);
        for (const SitooProductRecord &product : scenario.products()) {
            SiteState &site = sites[product.eshopId];
            site.products[product.productId] = Scenario::productJson(product);
            site.productBySku.insert(product.sku, product.productId);
            nextProductId = std::max(nextProductId, product.productId + 1);
        }
        for (const ScenarioPaymentType &type : scenario.paymentTypes())
            sites[type.eshopId].paymentTypes.append(Scenario::paymentTypeJson(type));
        for (const ScenarioStore &store : scenario.stores()) {
            sites[store.eshopId].stores.append(Scenario::storeJson(store));
            WarehouseState &warehouse = warehouses[store.warehouseId];
            warehouse.eshopId = store.eshopId;
            warehouse.type = store.warehouseType;
            warehouse.currency = store.currency;
            warehouse.json = Scenario::warehouseJson(store);
        }
        for (const ScenarioWarehouseItem &item : scenario.warehouseItems()) {
            WarehouseState &warehouse = warehouses[item.warehouseId];
            warehouse.items[item.sku] = ItemState{item.warehouseItemId, item.total.units(), item.reserved.units(),
                                                  item.threshold.units(), item.binLocation, item.stockValue,
                                                  item.dateLastModified, item.dateLastStocktaking};
            nextItemId = std::max(nextItemId, item.warehouseItemId + 1);
        }
        zReports = scenario.zReports();
    }

    // ---- Request entry ----

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    {
        ++requests;
        const QString method = methodName(request.method());
        const QString path = request.url().path();
        // HEAD is a GET without the body.
        Reply reply = dispatch(request, method == u"HEAD"_s ? u"GET"_s : method, path);
        if (request.method() == QHttpServerRequest::Method::Head)
            reply.body.clear(); // a body after a HEAD response would be read as the next response
        ++responses[reply.status];
        qCDebug(lcSandboxSitoo) << method << path << reply.status;

        const bool slow = options.slowResponseRate > 0 && options.slowResponseDelayMs > 0
            && faultRng.generateDouble() < options.slowResponseRate;
        if (!slow) {
            writeReply(responder, reply);
            Q_EMIT q->requestHandled(method, path, reply.status);
            return;
        }
        // A slow response must not block the event loop (the client may live in the same thread): write it later,
        // unless the client has hung up by then.
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(options.slowResponseDelayMs, q, [held, socket, reply]() {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                writeReply(*held, reply);
        });
        Q_EMIT q->requestHandled(method, path, reply.status);
    }

    static QString methodName(QHttpServerRequest::Method method)
    {
        switch (method) {
        case QHttpServerRequest::Method::Get:
            return u"GET"_s;
        case QHttpServerRequest::Method::Put:
            return u"PUT"_s;
        case QHttpServerRequest::Method::Post:
            return u"POST"_s;
        case QHttpServerRequest::Method::Delete:
            return u"DELETE"_s;
        case QHttpServerRequest::Method::Head:
            return u"HEAD"_s;
        case QHttpServerRequest::Method::Patch:
            return u"PATCH"_s;
        default:
            return u"OTHER"_s;
        }
    }

    bool authorised(const QHttpServerRequest &request, const QString &accountId) const
    {
        QByteArray header;
        for (const auto &pair : request.headers()) {
            if (pair.first.compare(QByteArrayLiteral("authorization"), Qt::CaseInsensitive) == 0)
                header = pair.second.trimmed();
        }
        if (!header.startsWith("Basic "))
            return false;
        const auto decoded =
            QByteArray::fromBase64Encoding(header.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        const QString credentials = QString::fromUtf8(*decoded);
        const qsizetype colon = credentials.indexOf(u':');
        if (colon < 0)
            return false;
        const QString apiId = credentials.left(colon);
        const QString password = credentials.mid(colon + 1);
        const ApiCredentials &expected = scenario.credentials();
        // The API id's first segment is the account (§1.3); a valid key for another account is still refused.
        return apiId == expected.apiId && password == expected.password && accountId == expected.accountId
            && apiId.section(u'-', 0, 0) == accountId;
    }

    QJsonArray stockWritesJson() const
    {
        QJsonArray writes;
        for (const StockWrite &write : stockWrites) {
            writes.append(QJsonObject{{u"warehouseid"_s, write.warehouseId},
                                      {u"sku"_s, write.sku},
                                      {u"decimaltotal"_s, decimalText(write.totalThousandths)},
                                      {u"at"_s, write.at}});
        }
        return writes;
    }

    Reply dispatch(const QHttpServerRequest &request, const QString &method, const QString &path)
    {
        if (bucket.isEnabled() && !bucket.tryTake(clock.elapsed())) {
            Reply reply = error(429, u"Too many requests"_s);
            if (options.retryAfterSeconds >= 0) {
                const int seconds =
                    options.retryAfterSeconds > 0 ? options.retryAfterSeconds : bucket.secondsUntilToken(clock.elapsed());
                reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(seconds)});
            }
            return reply;
        }

        // Control endpoint for checkers, outside the API and without auth: every level change, in order.
        if (path == u"/__sandbox/stock-writes"_s && method == u"GET"_s)
            return json(QJsonObject{{u"writes"_s, stockWritesJson()}});
        static const QString prefix = u"/v2/accounts/"_s;
        if (!path.startsWith(prefix))
            return notFound();
        QStringList segments = path.mid(prefix.size()).split(u'/');
        if (segments.size() < 2 || segments.first().isEmpty())
            return notFound();
        const QString accountId = segments.takeFirst();
        if (!authorised(request, accountId))
            return error(401, u"Authorization failed"_s);

        if (failNextCount > 0) {
            --failNextCount;
            return error(failNextStatus, u"Injected failure"_s);
        }
        if (options.faultRate > 0 && faultRng.generateDouble() < options.faultRate)
            return error(500, u"Internal server error (injected)"_s);

        // Every endpoint ends in .json (§1.1); only /pos-z-reports is also served without it (S11).
        QString &last = segments.last();
        const bool hasJson = last.endsWith(u".json"_s);
        if (hasJson)
            last.chop(5);
        if (segments == QStringList{u"pos-z-reports"_s})
            return method == u"GET"_s ? listZReports(SitooQuery(request.query())) : badRequest(unsupported(method));
        if (!hasJson)
            return notFound();
        return route(request, method, segments);
    }

    static QString unsupported(const QString &method)
    {
        return u"Method %1 is not supported on this resource"_s.arg(method);
    }

    Reply route(const QHttpServerRequest &request, const QString &method, const QStringList &s)
    {
        const SitooQuery query(request.query());
        const bool get = method == u"GET"_s;
        if (s == QStringList{u"orders"_s})
            return get ? listOrders(query, std::nullopt) : badRequest(unsupported(method));
        if (s == QStringList{u"sites"_s})
            return get ? listSites(query) : badRequest(unsupported(method));
        if (s.first() != u"sites"_s || s.size() < 2)
            return notFound();

        bool ok = false;
        const int eshopId = s.at(1).toInt(&ok);
        const auto siteIt = sites.find(eshopId);
        if (!ok || siteIt == sites.end())
            return notFound();
        SiteState &site = siteIt->second;
        if (s.size() == 2)
            return get ? json(Scenario::siteJson(site.site)) : badRequest(unsupported(method));

        const QString resource = s.at(2);
        const QByteArray body = request.body();
        if (s.size() == 3) {
            if (resource == u"orders"_s)
                return get ? listOrders(query, eshopId) : badRequest(unsupported(method));
            if (resource == u"products"_s) {
                if (get)
                    return listProducts(site, query);
                if (method == u"POST"_s)
                    return writeProducts(site, body, true);
                if (method == u"PUT"_s)
                    return writeProducts(site, body, false);
                return badRequest(unsupported(method));
            }
            if (resource == u"settings"_s) {
                // GET /sites/{id}/settings.json (sitoo-api.md §3.1): the site's currency and how prices are stored.
                if (!get)
                    return badRequest(unsupported(method));
                return json(QJsonObject{{u"eshopid"_s, site.site.eshopId},
                                        {u"currencycode"_s, site.site.currency.code()},
                                        {u"timezone"_s, site.site.timeZoneId},
                                        {u"pricesstoredwithvat"_s, true}});
            }
            if (resource == u"productgroups"_s) {
                if (!get)
                    return badRequest(unsupported(method));
                QList<QJsonObject> groups;
                for (const ScenarioProductGroup &group : std::as_const(site.groups))
                    groups.append(Scenario::productGroupJson(group));
                return pageOf(groups, query);
            }
            if (resource == u"stores"_s)
                return get ? pageOf(site.stores, query) : badRequest(unsupported(method));
            if (resource == u"warehouses"_s)
                return get ? pageOf(warehousesOf(eshopId), query) : badRequest(unsupported(method));
            if (resource == u"pospaymenttypes"_s) {
                if (!get)
                    return badRequest(unsupported(method));
                QJsonArray types; // a bare array, not an envelope (S7)
                for (const QJsonObject &type : std::as_const(site.paymentTypes))
                    types.append(type);
                return json(types);
            }
            if (resource == u"warehousetransactions"_s)
                return get ? listTransactions(eshopId, query) : badRequest(unsupported(method));
            return notFound();
        }

        const qint64 id = s.at(3).toLongLong(&ok);
        if (!ok)
            return notFound();
        if (s.size() == 4) {
            if (resource == u"orders"_s)
                return get ? singleOrder(eshopId, id, query) : badRequest(unsupported(method));
            if (resource == u"products"_s) {
                const auto product = site.products.find(id);
                if (product == site.products.end())
                    return notFound();
                if (get)
                    return json(SitooQuery::project(product->second, query.fields()));
                if (method == u"PUT"_s)
                    return writeSingleProduct(site, id, body);
                return badRequest(unsupported(method));
            }
            if (resource == u"stores"_s) {
                for (const QJsonObject &store : std::as_const(site.stores)) {
                    if (store.value(u"storeid"_s).toInteger() == id)
                        return get ? json(store) : badRequest(unsupported(method));
                }
                return notFound();
            }
            if (resource == u"warehouses"_s) {
                const auto warehouse = warehouses.find(id);
                if (warehouse == warehouses.end() || warehouse->second.eshopId != eshopId)
                    return notFound();
                return get ? json(warehouse->second.json) : badRequest(unsupported(method));
            }
            return notFound();
        }

        if (resource != u"warehouses"_s)
            return notFound();
        const auto warehouseIt = warehouses.find(id);
        if (warehouseIt == warehouses.end() || warehouseIt->second.eshopId != eshopId)
            return notFound();
        WarehouseState &warehouse = warehouseIt->second;
        const QString sub = s.at(4);
        if (s.size() == 5 && sub == u"warehouseitems"_s) {
            if (get)
                return listWarehouseItems(id, warehouse, query);
            if (method == u"PUT"_s)
                return putWarehouseItems(site, warehouse, body);
            return badRequest(unsupported(method));
        }
        if (s.size() == 5 && sub == u"warehousebatches"_s) {
            if (get)
                return pageOf(batchesOf(id), query);
            if (method == u"POST"_s)
                return createBatch(id, warehouse, body);
            return badRequest(unsupported(method));
        }
        if (s.size() == 5 && sub == u"warehousetransactions"_s)
            return get ? listTransactions(eshopId, query, id) : badRequest(unsupported(method));
        if (sub != u"warehousebatches"_s || s.size() > 7)
            return notFound();
        const qint64 batchId = s.at(5).toLongLong(&ok);
        const auto batchIt = batches.find(batchId);
        if (!ok || batchIt == batches.end() || batchIt->second.warehouseId != id)
            return notFound();
        BatchState &batch = batchIt->second;
        if (s.size() == 6) {
            if (get)
                return json(batchJson(batch));
            if (method == u"PUT"_s)
                return updateBatch(site, warehouse, batch, body);
            return badRequest(unsupported(method));
        }
        if (s.at(6) != u"warehousebatchitems"_s)
            return notFound();
        if (get) {
            QList<QJsonObject> items;
            for (const BatchItem &item : std::as_const(batch.items))
                items.append(batchItemJson(item));
            return pageOf(items, query);
        }
        if (method == u"PUT"_s)
            return putBatchItems(site, batch, body);
        return badRequest(unsupported(method));
    }

    Reply pageOf(const QList<QJsonObject> &all, const SitooQuery &query,
                 const QStringList &defaultFields = QStringList())
    {
        const auto paging = query.paging();
        if (!paging)
            return badRequest(paging.errorString());
        QStringList fields = query.fields();
        if (fields.isEmpty() && options.defaultFieldsOnly)
            fields = defaultFields;
        return page(all, *paging, fields);
    }

    // ---- Sites, warehouses ----

    Reply listSites(const SitooQuery &query)
    {
        QList<QJsonObject> all;
        for (const auto &[id, site] : sites)
            all.append(Scenario::siteJson(site.site));
        return pageOf(all, query);
    }

    QList<QJsonObject> warehousesOf(int eshopId) const
    {
        QList<QJsonObject> all;
        for (const auto &[id, warehouse] : warehouses) {
            if (warehouse.eshopId == eshopId)
                all.append(warehouse.json);
        }
        return all;
    }

    // ---- Orders ----

    QJsonObject orderJson(const OrderEntry &entry, bool single) const
    {
        if (entry.scenarioIndex >= 0)
            return scenario.orderJson(scenario.orders().at(entry.scenarioIndex), single);
        QJsonObject order = addedOrders.at(entry.addedIndex);
        if (!single)
            order.remove(u"orderlogitems"_s);
        return order;
    }

    const OrderEntry *findOrder(qint64 orderId) const
    {
        const auto it = std::lower_bound(orders.begin(), orders.end(), orderId,
                                         [](const OrderEntry &e, qint64 id) { return e.orderId < id; });
        return (it == orders.end() || it->orderId != orderId) ? nullptr : &*it;
    }

    Reply singleOrder(int eshopId, qint64 orderId, const SitooQuery &query) const
    {
        const OrderEntry *entry = findOrder(orderId);
        if (!entry || entry->eshopId != eshopId)
            return notFound();
        return json(SitooQuery::project(orderJson(*entry, true), query.fields()));
    }

    Reply listOrders(const SitooQuery &query, std::optional<int> siteEshopId)
    {
        const auto paging = query.paging();
        const auto eshops = query.integerList(u"eshopid"_s);
        const auto orderIds = query.integerList(u"orderid"_s);
        const auto creditOrderId = query.integer(u"creditorderid"_s);
        const auto from = query.integer(u"orderidfrom"_s);
        const auto to = query.integer(u"orderidto"_s);
        const auto dateFrom = query.integer(u"orderdatefrom"_s);
        const auto dateTo = query.integer(u"orderdateto"_s);
        const auto states = query.integerList(u"orderstate"_s);
        const auto paymentStates = query.integerList(u"paymentstate"_s);
        const auto types = query.integerList(u"ordertype"_s);
        const auto warehouseIds = query.integerList(u"warehouseid"_s);
        for (const QString &problem : {paging.errorString(), eshops.errorString(), orderIds.errorString(),
                                       creditOrderId.errorString(), from.errorString(), to.errorString(),
                                       dateFrom.errorString(), dateTo.errorString(), states.errorString(),
                                       paymentStates.errorString(), types.errorString(), warehouseIds.errorString()}) {
            if (!problem.isEmpty())
                return badRequest(problem);
        }
        const QString sort = query.value(u"sort"_s);
        if (!sort.isEmpty() && sort != u"orderid"_s && sort != u"-orderid"_s)
            return badRequest(u"sort must be orderid or -orderid"_s);
        const bool ascending = sort == u"orderid"_s; // Sitoo's default is -orderid, newest first
        const QStringList externalIds = query.list(u"externalid"_s);
        const QString receiptId = query.value(u"receiptid"_s);
        const QString email = query.value(u"email"_s);
        // receiptid and creditorderid override orderid (§3.7.1).
        const bool byOrderId = !orderIds->isEmpty() && receiptId.isEmpty() && !creditOrderId.value();
        QList<qint64> eshopFilter = *eshops;
        if (siteEshopId)
            eshopFilter = {*siteEshopId};

        const auto matches = [&](const OrderEntry &e) {
            if (!eshopFilter.isEmpty() && !eshopFilter.contains(e.eshopId))
                return false;
            if (byOrderId && !orderIds->contains(e.orderId))
                return false;
            if (!receiptId.isEmpty() && e.receiptId != receiptId)
                return false;
            if (creditOrderId.value() && e.creditOrderId != *creditOrderId.value())
                return false;
            if (dateFrom.value() && e.orderDate < *dateFrom.value())
                return false;
            if (dateTo.value() && e.orderDate >= *dateTo.value())
                return false;
            if (!states->isEmpty() && !states->contains(e.orderState))
                return false;
            if (!paymentStates->isEmpty() && !paymentStates->contains(e.paymentState))
                return false;
            if (!types->isEmpty() && !types->contains(e.orderType))
                return false;
            if (!warehouseIds->isEmpty() && !warehouseIds->contains(e.warehouseId))
                return false;
            if (!externalIds.isEmpty() && !externalIds.contains(e.externalId))
                return false;
            if (!email.isEmpty() && e.email != email)
                return false;
            return true;
        };

        // orderidfrom is inclusive and orderidto exclusive (§2.3): a binary-searched range, then a linear filter.
        auto lo = orders.begin();
        auto hi = orders.end();
        if (from.value())
            lo = std::lower_bound(orders.begin(), orders.end(), *from.value(),
                                  [](const OrderEntry &e, qint64 id) { return e.orderId < id; });
        if (to.value())
            hi = std::lower_bound(lo, orders.end(), *to.value(),
                                  [](const OrderEntry &e, qint64 id) { return e.orderId < id; });
        if (hi < lo)
            hi = lo;

        qint64 total = 0;
        std::vector<const OrderEntry *> window;
        const qint64 start = paging->start;
        const qint64 end = paging->start + paging->num;
        const auto visit = [&](const OrderEntry &e) {
            if (!matches(e))
                return;
            if (total >= start && total < end)
                window.push_back(&e);
            ++total;
        };
        if (ascending) {
            for (auto it = lo; it != hi; ++it)
                visit(*it);
        } else {
            for (auto it = hi; it != lo;)
                visit(*--it);
        }
        QStringList fields = query.fields();
        if (fields.isEmpty() && options.defaultFieldsOnly)
            fields = defaultOrderFields();
        QJsonArray items;
        for (const OrderEntry *e : window)
            items.append(SitooQuery::project(orderJson(*e, false), fields));
        return envelope(total, items);
    }

    qint64 addOrder(QJsonObject order)
    {
        const qint64 last = orders.empty() ? 0 : orders.back().orderId;
        qint64 orderId = order.value(u"orderid"_s).toInteger(0);
        if (orderId == 0)
            orderId = last + 1;
        if (orderId <= last) {
            qCWarning(lcSandboxSitoo) << "refused order" << orderId << "not above the last orderid" << last;
            return 0;
        }
        order.insert(u"orderid"_s, orderId);
        if (!order.contains(u"eshopid"_s))
            order.insert(u"eshopid"_s, 1);
        if (!order.contains(u"orderdate"_s))
            order.insert(u"orderdate"_s, now());
        OrderEntry entry;
        entry.orderId = orderId;
        entry.eshopId = order.value(u"eshopid"_s).toInt();
        entry.creditOrderId = order.value(u"creditorderid"_s).toInteger(0);
        entry.warehouseId = order.value(u"warehouseid"_s).toInteger(0);
        entry.orderDate = order.value(u"orderdate"_s).toInteger(0);
        entry.orderState = order.value(u"orderstateid"_s).toInt(10);
        entry.paymentState = order.value(u"paymentstateid"_s).toInt(20);
        entry.orderType = order.value(u"ordertypeid"_s).toInt(10);
        entry.receiptId = order.value(u"additionaldata"_s).toObject().value(u"pos-receiptid"_s).toString();
        entry.externalId = order.value(u"externalid"_s).toString();
        entry.email = order.value(u"email"_s).toString();
        entry.addedIndex = addedOrders.size();
        addedOrders.append(order);
        orders.push_back(entry);
        return orderId;
    }

    // ---- Products ----

    Reply listProducts(SiteState &site, const SitooQuery &query)
    {
        const auto productIds = query.integerList(u"productid"_s);
        const auto includeInactive = query.boolean(u"includeinactive"_s);
        const auto modifiedSince = query.integer(u"datelastmodified"_s);
        for (const QString &problem :
             {productIds.errorString(), includeInactive.errorString(), modifiedSince.errorString()}) {
            if (!problem.isEmpty())
                return badRequest(problem);
        }
        const QStringList skus = query.list(u"sku"_s);
        QList<QJsonObject> all;
        for (const auto &[id, product] : site.products) {
            if (!skus.isEmpty() && !skus.contains(product.value(u"sku"_s).toString()))
                continue;
            if (!productIds->isEmpty() && !productIds->contains(id))
                continue;
            // "Include products that are not active in POS or webshop" (S15): hidden by default.
            const bool inactive = !product.value(u"active"_s).toBool() && !product.value(u"activepos"_s).toBool();
            if (inactive && !includeInactive.value().value_or(false))
                continue;
            // [I] "modified after": read as on-or-after, so a cursor at the last seen second never loses a write.
            if (modifiedSince.value() && product.value(u"datemodified"_s).toInteger() < *modifiedSince.value())
                continue;
            all.append(product);
        }
        return pageOf(all, query, defaultProductFields());
    }

    /** Applies writable fields of `input` to `product`; an error text when any field is invalid (nothing applied). */
    QString applyProductFields(const SiteState &site, QJsonObject &product, const QJsonObject &input) const
    {
        static const QRegularExpression skuPattern(u"^[A-Za-z0-9_+\\-/]+$"_s);
        static const QStringList readOnly{u"productid"_s, u"datecreated"_s, u"datemodified"_s, u"vatvalue"_s,
                                          u"productgrouptype"_s};
        static const QStringList booleans{u"active"_s,           u"activepos"_s,         u"allowdecimals"_s,
                                          u"stockcountenable"_s, u"stockallowbackorder"_s, u"offerisenabled"_s};
        QJsonObject result = product;
        for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (readOnly.contains(key))
                continue;
            if (key == u"sku"_s) {
                const QString sku = value.toString();
                if (!value.isString() || !skuPattern.match(sku).hasMatch())
                    return u"sku must be a non-empty string of A-Z, a-z, 0-9, _, +, - and /"_s;
                const qint64 owner = site.productBySku.value(sku, 0);
                if (owner != 0 && owner != product.value(u"productid"_s).toInteger())
                    return u"sku %1 already exists"_s.arg(sku);
                result.insert(key, sku);
            } else if (key.startsWith(u"money"_s)) {
                const auto money = moneyValue(value, site.site.currency);
                if (!money)
                    return u"%1 must be a money string with at most two decimals, such as \"123.50\""_s.arg(key);
                result.insert(key, money->toWireString());
            } else if (key.startsWith(u"decimal"_s)) {
                const auto quantity = thousandths(value);
                if (!quantity)
                    return u"%1 must be a decimal string with at most three decimals"_s.arg(key);
                result.insert(key, decimalText(*quantity));
            } else if (key == u"vatid"_s) {
                const auto vatId = jsonInteger(value);
                const auto group = std::find_if(site.groups.cbegin(), site.groups.cend(),
                                                [&](const ScenarioProductGroup &g) { return vatId && g.vatId == *vatId; });
                if (group == site.groups.cend())
                    return u"vatid must name a product group of this site"_s;
                result.insert(u"vatid"_s, group->vatId);
                result.insert(u"vatvalue"_s, group->vatRate.units() / Core::VatRate::kUnitsPerPercent);
                result.insert(u"productgrouptype"_s, group->productGroupType);
            } else if (booleans.contains(key)) {
                if (!value.isBool())
                    return u"%1 must be true or false"_s.arg(key);
                result.insert(key, value);
            } else if (key == u"title"_s) {
                if (!value.isString())
                    return u"title must be a string"_s;
                result.insert(key, value);
            } else {
                result.insert(key, value);
            }
        }
        product = result;
        return QString();
    }

    QJsonObject newProduct(const SiteState &site, qint64 productId) const
    {
        SitooProductRecord record;
        record.productId = productId;
        record.eshopId = site.site.eshopId;
        record.price = Money::zero(site.site.currency);
        record.purchasePrice = record.price;
        record.vatId = 2; // Sitoo's default product group (§3.5)
        for (const ScenarioProductGroup &group : site.groups) {
            if (group.vatId == record.vatId)
                record.vatRate = group.vatRate;
        }
        record.dateCreated = now();
        record.dateModified = record.dateCreated;
        return Scenario::productJson(record);
    }

    /** One element of a product batch: {statuscode, return} with the new id (POST) or true (PUT). */
    QJsonObject writeProduct(SiteState &site, const QJsonValue &element, bool create)
    {
        if (!element.isObject())
            return batchError(u"Each element must be a product object"_s);
        const QJsonObject input = element.toObject();
        if (create) {
            if (!input.value(u"sku"_s).isString())
                return batchError(u"sku is required"_s);
            const qint64 productId = nextProductId;
            QJsonObject product = newProduct(site, productId);
            const QString problem = applyProductFields(site, product, input);
            if (!problem.isEmpty())
                return batchError(problem);
            ++nextProductId;
            site.products[productId] = product;
            site.productBySku.insert(product.value(u"sku"_s).toString(), productId);
            return batchElement(200, productId);
        }
        const auto productId = jsonInteger(input.value(u"productid"_s));
        if (!productId)
            return batchError(u"productid is required to update a product"_s);
        const auto it = site.products.find(*productId);
        if (it == site.products.end())
            return batchElement(404, QJsonValue(QJsonValue::Null), u"Product %1 not found"_s.arg(*productId));
        QJsonObject product = it->second;
        const QString oldSku = product.value(u"sku"_s).toString();
        const QString problem = applyProductFields(site, product, input);
        if (!problem.isEmpty())
            return batchError(problem);
        product.insert(u"datemodified"_s, std::max(now(), it->second.value(u"datemodified"_s).toInteger()));
        const QString newSku = product.value(u"sku"_s).toString();
        if (newSku != oldSku) {
            site.productBySku.remove(oldSku);
            site.productBySku.insert(newSku, *productId);
        }
        it->second = product;
        return batchElement(200, true);
    }

    static std::optional<QJsonDocument> parseBody(const QByteArray &body, QString *problem)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *problem = u"Invalid JSON: %1"_s.arg(parseError.errorString());
            return std::nullopt;
        }
        return document;
    }

    Reply writeProducts(SiteState &site, const QByteArray &body, bool create)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        if (document->isArray()) {
            // Batch: one element per input, in order; a bad element fails alone (§2.5, [I] per-element status).
            QJsonArray replies;
            for (const QJsonValue &element : document->array())
                replies.append(writeProduct(site, element, create));
            return json(replies);
        }
        const QJsonObject reply = writeProduct(site, document->object(), create);
        const int status = reply.value(u"statuscode"_s).toInt();
        if (status != 200)
            return error(status, reply.value(u"errortext"_s).toString());
        return create ? scalar(reply.value(u"return"_s).toInteger()) : scalarTrue();
    }

    Reply writeSingleProduct(SiteState &site, qint64 productId, const QByteArray &body)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        if (!document->isObject())
            return badRequest(u"A product object is required"_s);
        QJsonObject input = document->object();
        input.insert(u"productid"_s, productId);
        const QJsonObject reply = writeProduct(site, input, false);
        const int status = reply.value(u"statuscode"_s).toInt();
        return status == 200 ? scalarTrue() : error(status, reply.value(u"errortext"_s).toString());
    }

    // ---- Stock ----

    QJsonObject itemJson(const QString &sku, const ItemState &item) const
    {
        return QJsonObject{
            {u"warehouseitemid"_s, item.itemId},
            {u"sku"_s, sku},
            {u"binlocation"_s, item.binLocation},
            {u"decimalthreshold"_s, decimalText(item.threshold)},
            {u"decimaltotal"_s, decimalText(item.total)},
            {u"moneytotal"_s, item.value.toWireString()},
            {u"datelastmodified"_s, item.dateModified},
            {u"datelaststocktaking"_s,
             item.dateStocktaking ? QJsonValue(*item.dateStocktaking) : QJsonValue(QJsonValue::Null)},
            {u"decimalreserved"_s, decimalText(item.reserved)},
            {u"decimalavailable"_s, decimalText(item.total - item.reserved)},
        };
    }

    Reply listWarehouseItems(qint64 warehouseId, const WarehouseState &warehouse, const SitooQuery &query)
    {
        Q_UNUSED(warehouseId);
        const auto from = query.integer(u"datelastmodifiedfrom"_s);
        const auto to = query.integer(u"datelastmodifiedto"_s);
        if (!from)
            return badRequest(from.errorString());
        if (!to)
            return badRequest(to.errorString());
        const QStringList skus = query.list(u"sku"_s);
        QList<QJsonObject> all;
        for (const auto &[sku, item] : warehouse.items) {
            if (!skus.isEmpty() && !skus.contains(sku))
                continue;
            if (from.value() && item.dateModified < *from.value())
                continue;
            if (to.value() && item.dateModified >= *to.value())
                continue;
            all.append(itemJson(sku, item));
        }
        return pageOf(all, query);
    }

    /** The purchase price of a SKU on a site, for stock values; zero when unknown. */
    Money purchasePrice(const SiteState &site, const QString &sku) const
    {
        const qint64 productId = site.productBySku.value(sku, 0);
        const auto product = site.products.find(productId);
        if (product != site.products.end()) {
            if (const auto price = moneyValue(product->second.value(u"moneypricein"_s), site.site.currency))
                return *price;
        }
        return Money::zero(site.site.currency);
    }

    ItemState &itemFor(WarehouseState &warehouse, const QString &sku)
    {
        auto it = warehouse.items.find(sku);
        if (it == warehouse.items.end()) {
            ItemState item;
            item.itemId = nextItemId++;
            item.value = Money::zero(warehouse.currency);
            it = warehouse.items.emplace(sku, item).first;
        }
        return it->second;
    }

    Reply putWarehouseItems(const SiteState &site, WarehouseState &warehouse, const QByteArray &body)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        const bool batch = document->isArray();
        const QJsonArray elements = batch ? document->array() : QJsonArray{document->object()};
        // decimaltotal and moneytotal are "Read Only if not warehousetype Virtual" (§3.8): on a FIFO warehouse stock
        // only moves through transactions and batches, so the whole request is refused.
        if (warehouse.type != WarehouseType::Virtual) {
            for (const QJsonValue &element : elements) {
                const QJsonObject object = element.toObject();
                if (object.contains(u"decimaltotal"_s) || object.contains(u"moneytotal"_s)) {
                    return badRequest(u"Stock levels of warehouse %1 (FIFO) can only change through warehouse "
                                      u"transactions or batches"_s.arg(warehouse.json.value(u"warehouseid"_s).toInteger()));
                }
            }
        }
        const qint64 timestamp = now();
        QJsonArray replies;
        for (const QJsonValue &element : elements) {
            const QJsonObject input = element.toObject();
            const QString sku = input.value(u"sku"_s).toString();
            if (!element.isObject() || sku.isEmpty()) {
                replies.append(batchError(u"sku is required"_s));
                continue;
            }
            if (!site.productBySku.contains(sku) && !warehouse.items.count(sku)) {
                replies.append(batchError(u"Unknown sku %1"_s.arg(sku)));
                continue;
            }
            std::optional<qint64> total;
            std::optional<qint64> threshold;
            std::optional<Money> value;
            if (input.contains(u"decimaltotal"_s) && !(total = thousandths(input.value(u"decimaltotal"_s)))) {
                replies.append(batchError(u"decimaltotal must be a decimal string such as \"5.000\""_s));
                continue;
            }
            if (input.contains(u"decimalthreshold"_s)
                && !(threshold = thousandths(input.value(u"decimalthreshold"_s)))) {
                replies.append(batchError(u"decimalthreshold must be a decimal string such as \"5.000\""_s));
                continue;
            }
            if (input.contains(u"moneytotal"_s)
                && !(value = moneyValue(input.value(u"moneytotal"_s), warehouse.currency))) {
                replies.append(batchError(u"moneytotal must be a money string such as \"123.50\""_s));
                continue;
            }
            if (input.contains(u"binlocation"_s) && !input.value(u"binlocation"_s).isString()) {
                replies.append(batchError(u"binlocation must be a string"_s));
                continue;
            }
            ItemState &item = itemFor(warehouse, sku);
            if (total) {
                item.total = *total;
                stockWrites.append(StockWrite{warehouse.json.value(u"warehouseid"_s).toInteger(), sku, *total,
                                              timestamp});
                item.value = value ? *value : stockValue(*total, purchasePrice(site, sku));
            } else if (value) {
                item.value = *value;
            }
            if (threshold)
                item.threshold = *threshold;
            if (input.contains(u"binlocation"_s))
                item.binLocation = input.value(u"binlocation"_s).toString();
            item.dateModified = timestamp;
            replies.append(batchElement(200, item.itemId));
        }
        if (batch)
            return json(replies);
        const QJsonObject reply = replies.first().toObject();
        if (reply.value(u"statuscode"_s).toInt() != 200)
            return badRequest(reply.value(u"errortext"_s).toString());
        return scalar(reply.value(u"return"_s).toInteger());
    }

    // ---- Warehouse batches (FIFO) ----

    QJsonObject batchJson(const BatchState &batch) const
    {
        return QJsonObject{
            {u"warehousebatchid"_s, batch.batchId},
            {u"warehouseid"_s, batch.warehouseId},
            {u"transactiontype"_s, batch.transactionType},
            {u"warehousebatchstate"_s, batch.state},
            {u"comment"_s, batch.comment},
            {u"emailowner"_s, batch.emailOwner},
            {u"datecreated"_s, batch.dateCreated},
            {u"dateclosed"_s, batch.dateClosed ? QJsonValue(*batch.dateClosed) : QJsonValue(QJsonValue::Null)},
            {u"numitems"_s, qint64(batch.items.size())},
        };
    }

    static QJsonObject batchItemJson(const BatchItem &item)
    {
        return QJsonObject{
            {u"warehousebatchitemid"_s, item.itemId},
            {u"sku"_s, item.sku},
            {u"decimalquantity"_s, decimalText(item.quantity)},
            {u"moneypricein"_s, item.priceIn ? QJsonValue(item.priceIn->toWireString()) : QJsonValue(QJsonValue::Null)},
            {u"comment"_s, item.comment},
        };
    }

    QList<QJsonObject> batchesOf(qint64 warehouseId) const
    {
        QList<QJsonObject> all;
        for (const auto &[id, batch] : batches) {
            if (batch.warehouseId == warehouseId)
                all.append(batchJson(batch));
        }
        return all;
    }

    Reply createBatch(qint64 warehouseId, const WarehouseState &warehouse, const QByteArray &body)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        if (!document->isObject())
            return badRequest(u"A warehouse batch object is required"_s);
        if (warehouse.type == WarehouseType::Virtual)
            return badRequest(u"Warehouse %1 is Virtual: set its stock with PUT warehouseitems"_s.arg(warehouseId));
        const QJsonObject input = document->object();
        const auto type = jsonInteger(input.value(u"transactiontype"_s));
        if (!type || (*type != kTransactionStocktaking && *type != kTransactionStockIn && *type != kTransactionStockOut))
            return badRequest(u"transactiontype must be 10, 20 or 50"_s);
        BatchState batch;
        batch.batchId = nextBatchId++;
        batch.warehouseId = warehouseId;
        batch.transactionType = int(*type);
        batch.comment = input.value(u"comment"_s).toString();
        batch.emailOwner = input.value(u"emailowner"_s).toString();
        batch.dateCreated = now();
        batches[batch.batchId] = batch;
        return scalar(batch.batchId);
    }

    Reply putBatchItems(const SiteState &site, BatchState &batch, const QByteArray &body)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        if (batch.state != kBatchOpen)
            return badRequest(u"Warehouse batch %1 is closed"_s.arg(batch.batchId));
        const bool isBatch = document->isArray();
        const QJsonArray elements = isBatch ? document->array() : QJsonArray{document->object()};
        if (elements.size() > kMaxBatchItems)
            return badRequest(u"At most %1 items per request"_s.arg(kMaxBatchItems));
        QJsonArray replies;
        for (const QJsonValue &element : elements) {
            const QJsonObject input = element.toObject();
            const QString sku = input.value(u"sku"_s).toString();
            const auto quantity = thousandths(input.value(u"decimalquantity"_s));
            if (sku.isEmpty() || !site.productBySku.contains(sku)) {
                replies.append(batchError(sku.isEmpty() ? u"sku is required"_s : u"Unknown sku %1"_s.arg(sku)));
                continue;
            }
            if (!quantity || (batch.transactionType == kTransactionStocktaking && *quantity < 0)) {
                replies.append(batchError(u"decimalquantity must be a non-negative decimal string such as \"5.000\""_s));
                continue;
            }
            std::optional<Money> priceIn;
            if (input.contains(u"moneypricein"_s)
                && !(priceIn = moneyValue(input.value(u"moneypricein"_s), site.site.currency))) {
                replies.append(batchError(u"moneypricein must be a money string"_s));
                continue;
            }
            // Keyed by sku: a second PUT of the same sku replaces its quantity.
            auto existing = std::find_if(batch.items.begin(), batch.items.end(),
                                         [&](const BatchItem &item) { return item.sku == sku; });
            if (existing == batch.items.end()) {
                batch.items.append(BatchItem{nextBatchItemId++, sku, 0, std::nullopt, QString()});
                existing = batch.items.end() - 1;
            }
            existing->quantity = *quantity;
            existing->priceIn = priceIn;
            existing->comment = input.value(u"comment"_s).toString();
            replies.append(batchElement(200, true));
        }
        if (isBatch)
            return json(replies);
        const QJsonObject reply = replies.first().toObject();
        return reply.value(u"statuscode"_s).toInt() == 200 ? scalarTrue()
                                                            : badRequest(reply.value(u"errortext"_s).toString());
    }

    Reply updateBatch(const SiteState &site, WarehouseState &warehouse, BatchState &batch, const QByteArray &body)
    {
        QString problem;
        const auto document = parseBody(body, &problem);
        if (!document)
            return badRequest(problem);
        if (!document->isObject())
            return badRequest(u"A warehouse batch object is required"_s);
        const QJsonObject input = document->object();
        if (input.contains(u"warehousebatchstate"_s)) {
            const auto state = jsonInteger(input.value(u"warehousebatchstate"_s));
            if (!state || (*state != kBatchOpen && *state != kBatchClosed))
                return badRequest(u"warehousebatchstate must be 10 (Open) or 20 (Closed)"_s);
            if (batch.state == kBatchClosed && *state != kBatchClosed)
                return badRequest(u"A closed warehouse batch cannot be reopened"_s);
            if (batch.state == kBatchClosed && *state == kBatchClosed)
                return badRequest(u"Warehouse batch %1 is already closed"_s.arg(batch.batchId));
        }
        if (input.contains(u"comment"_s))
            batch.comment = input.value(u"comment"_s).toString();
        if (input.value(u"warehousebatchstate"_s).toInt() == kBatchClosed)
            commitBatch(site, warehouse, batch);
        return scalarTrue();
    }

    /** 10 (Open) → 20 (Closed) commits: one warehouse transaction with every item (§3.9). */
    void commitBatch(const SiteState &site, WarehouseState &warehouse, BatchState &batch)
    {
        const qint64 timestamp = now();
        QJsonArray logItems;
        for (const BatchItem &batchItem : std::as_const(batch.items)) {
            ItemState &item = itemFor(warehouse, batchItem.sku);
            const qint64 before = item.total;
            switch (batch.transactionType) {
            case kTransactionStocktaking:
                item.total = batchItem.quantity; // a count: the absolute level, not a delta
                item.dateStocktaking = timestamp;
                break;
            case kTransactionStockIn:
                item.total += batchItem.quantity;
                break;
            case kTransactionStockOut:
                item.total -= batchItem.quantity;
                break;
            }
            stockWrites.append(StockWrite{batch.warehouseId, batchItem.sku, item.total, timestamp});
            const Money unitPrice = batchItem.priceIn.value_or(purchasePrice(site, batchItem.sku));
            const Money oldValue = item.value;
            item.value = stockValue(item.total, unitPrice);
            item.dateModified = timestamp;
            logItems.append(QJsonObject{
                {u"sku"_s, batchItem.sku},
                {u"decimalquantity"_s, decimalText(item.total - before)},
                {u"decimaltotal"_s, decimalText(item.total)},
                {u"moneypricein"_s, unitPrice.toWireString()},
                {u"moneytotal"_s, item.value.toWireString()},
                {u"moneyvalue"_s, item.value.subtracted(oldValue).valueOr(Money::zero(item.value.currency())).toWireString()},
            });
        }
        batch.state = kBatchClosed;
        batch.dateClosed = timestamp;
        transactions.append(QJsonObject{
            {u"warehousetransactionid"_s, nextTransactionId++},
            {u"warehouseid"_s, batch.warehouseId},
            {u"datecreated"_s, timestamp},
            {u"transactiontype"_s, batch.transactionType},
            {u"description"_s, batch.comment},
            {u"orderdeliveryid"_s, QJsonValue(QJsonValue::Null)},
            {u"shipmentid"_s, QJsonValue(QJsonValue::Null)},
            {u"externalid"_s, QJsonValue(QJsonValue::Null)},
            {u"reasoncode"_s, QJsonValue(QJsonValue::Null)},
            {u"items"_s, logItems},
        });
    }

    Reply listTransactions(int eshopId, const SitooQuery &query, std::optional<qint64> warehouseId = std::nullopt)
    {
        const auto from = query.integer(u"warehousetransactionidfrom"_s);
        const auto to = query.integer(u"warehousetransactionidto"_s);
        if (!from || !to)
            return badRequest(from ? to.errorString() : from.errorString());
        const QString sort = query.value(u"sort"_s);
        if (!sort.isEmpty() && sort != u"warehousetransactionid"_s && sort != u"-warehousetransactionid"_s)
            return badRequest(u"sort must be warehousetransactionid or -warehousetransactionid"_s);
        QList<QJsonObject> all;
        for (const QJsonObject &transaction : std::as_const(transactions)) {
            const qint64 id = transaction.value(u"warehousetransactionid"_s).toInteger();
            const qint64 warehouse = transaction.value(u"warehouseid"_s).toInteger();
            const auto it = warehouses.find(warehouse);
            if (it == warehouses.end() || it->second.eshopId != eshopId)
                continue;
            if ((warehouseId && warehouse != *warehouseId) || (from.value() && id < *from.value())
                || (to.value() && id >= *to.value())) {
                continue;
            }
            all.append(transaction);
        }
        if (sort != u"warehousetransactionid"_s)
            std::reverse(all.begin(), all.end()); // default: newest first
        return pageOf(all, query);
    }

    // ---- Z-reports ----

    Reply listZReports(const SitooQuery &query)
    {
        const auto eshops = query.integerList(u"eshopid"_s);
        const auto from = query.integer(u"dateaddedfrom"_s);
        const auto to = query.integer(u"dateaddedto"_s);
        for (const QString &problem : {eshops.errorString(), from.errorString(), to.errorString()}) {
            if (!problem.isEmpty())
                return badRequest(problem);
        }
        const QStringList storeIds = query.list(u"store_id"_s);
        const QStringList registerIds = query.list(u"registerid"_s);
        // A bare array of at most 500, sorted by dateadded; dateaddedfrom and dateaddedto are both inclusive (S11).
        QJsonArray reports;
        for (const QJsonObject &report : std::as_const(zReports)) {
            const qint64 added = report.value(u"dateadded"_s).toInteger();
            if (from.value() && added < *from.value())
                continue;
            if (to.value() && added > *to.value())
                continue;
            if (!eshops->isEmpty() && !eshops->contains(report.value(u"eshopid"_s).toInteger()))
                continue;
            if (!storeIds.isEmpty() && !storeIds.contains(report.value(u"store_id"_s).toString()))
                continue;
            if (!registerIds.isEmpty() && !registerIds.contains(report.value(u"registerid"_s).toString()))
                continue;
            reports.append(report);
            if (reports.size() >= options.zReportLimit)
                break;
        }
        return json(reports);
    }
};

SitooEmulator::SitooEmulator(const Scenario &scenario, const SitooEmulatorOptions &options, QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<State>())
{
    m_state->q = this;
    m_state->scenario = scenario;
    m_state->options = options;
    m_state->bucket = Core::TokenBucket(options.rateLimitPerSecond, options.rateLimitBurst);
    m_state->faultRng = QRandomGenerator(options.faultSeed);
    m_state->clock.start();
    m_state->load();
}

SitooEmulator::~SitooEmulator()
{
    // The server's handler points into m_state: stop serving before the state goes away.
    delete m_state->server;
    m_state->server = nullptr;
}

bool SitooEmulator::listen()
{
    if (m_state->server)
        return true;
    State *state = m_state.get();
    auto *server = new HttpServer(
        [state](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            state->handle(request, std::move(responder));
        },
        this);
    // Loopback only: the emulator holds demo credentials and must never be reachable from the network.
    const quint16 port = server->listen(QHostAddress::LocalHost, m_state->options.port);
    if (port == 0) {
        qCWarning(lcSandboxSitoo) << "cannot listen on 127.0.0.1 port" << m_state->options.port;
        delete server;
        return false;
    }
    m_state->server = server;
    m_state->port = port;
    qCInfo(lcSandboxSitoo) << "Sitoo emulator for account" << m_state->scenario.credentials().accountId
                           << "on port" << port;
    return true;
}

bool SitooEmulator::isListening() const
{
    return m_state->server != nullptr;
}

quint16 SitooEmulator::port() const
{
    return m_state->port;
}

QUrl SitooEmulator::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v2/accounts/%2"_s.arg(m_state->port).arg(credentials().accountId));
}

const ApiCredentials &SitooEmulator::credentials() const
{
    return m_state->scenario.credentials();
}

const Scenario &SitooEmulator::scenario() const
{
    return m_state->scenario;
}

const SitooEmulatorOptions &SitooEmulator::options() const
{
    return m_state->options;
}

void SitooEmulator::setOptions(const SitooEmulatorOptions &options)
{
    const quint16 port = m_state->options.port;
    m_state->options = options;
    m_state->options.port = port;
    m_state->bucket = Core::TokenBucket(options.rateLimitPerSecond, options.rateLimitBurst);
    m_state->faultRng = QRandomGenerator(options.faultSeed);
}

qint64 SitooEmulator::addOrder(QJsonObject order)
{
    return m_state->addOrder(std::move(order));
}

qint64 SitooEmulator::addProduct(int eshopId, const QJsonObject &product)
{
    const auto site = m_state->sites.find(eshopId);
    if (site == m_state->sites.end())
        return 0;
    const QJsonObject reply = m_state->writeProduct(site->second, product, true);
    if (reply.value(u"statuscode"_s).toInt() != 200) {
        qCWarning(lcSandboxSitoo) << "refused product:" << reply.value(u"errortext"_s).toString();
        return 0;
    }
    return reply.value(u"return"_s).toInteger();
}

void SitooEmulator::failNextRequests(int count, int statusCode)
{
    m_state->failNextCount = std::max(0, count);
    m_state->failNextStatus = statusCode;
}

qint64 SitooEmulator::requestCount() const
{
    return m_state->requests;
}

qint64 SitooEmulator::responseCount(int statusCode) const
{
    const auto it = m_state->responses.find(statusCode);
    return it == m_state->responses.end() ? 0 : it->second;
}

int SitooEmulator::orderCount() const
{
    return int(m_state->orders.size());
}

qint64 SitooEmulator::lastOrderId() const
{
    return m_state->orders.empty() ? 0 : m_state->orders.back().orderId;
}

std::optional<QJsonObject> SitooEmulator::order(qint64 orderId) const
{
    const OrderEntry *entry = m_state->findOrder(orderId);
    if (!entry)
        return std::nullopt;
    return m_state->orderJson(*entry, true);
}

QList<QJsonObject> SitooEmulator::products(int eshopId) const
{
    QList<QJsonObject> all;
    const auto site = m_state->sites.find(eshopId);
    if (site != m_state->sites.end()) {
        for (const auto &[id, product] : site->second.products)
            all.append(product);
    }
    return all;
}

std::optional<QJsonObject> SitooEmulator::product(int eshopId, const QString &sku) const
{
    const auto site = m_state->sites.find(eshopId);
    if (site == m_state->sites.end())
        return std::nullopt;
    const qint64 productId = site->second.productBySku.value(sku, 0);
    const auto product = site->second.products.find(productId);
    if (product == site->second.products.end())
        return std::nullopt;
    return product->second;
}

QList<std::pair<QString, Decimal>> SitooEmulator::stockWrites(qint64 warehouseId) const
{
    QList<std::pair<QString, Decimal>> writes;
    for (const StockWrite &write : m_state->stockWrites) {
        if (write.warehouseId == warehouseId)
            writes.append({write.sku, Decimal(write.totalThousandths, 3)});
    }
    return writes;
}

std::optional<Decimal> SitooEmulator::stockLevel(qint64 warehouseId, const QString &sku) const
{
    const auto warehouse = m_state->warehouses.find(warehouseId);
    if (warehouse == m_state->warehouses.end())
        return std::nullopt;
    const auto item = warehouse->second.items.find(sku);
    if (item == warehouse->second.items.end())
        return std::nullopt;
    return Decimal(item->second.total, 3);
}

QList<QJsonObject> SitooEmulator::warehouseBatches(qint64 warehouseId) const
{
    return m_state->batchesOf(warehouseId);
}

QList<QJsonObject> SitooEmulator::warehouseTransactions() const
{
    return m_state->transactions;
}

} // namespace Tillbridge::Sandbox
