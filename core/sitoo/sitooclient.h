// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/httpclient.h"
#include "core/result.h"
#include "core/money/decimal.h"
#include "core/settings/connectionsettings.h"
#include "core/sitoo/sitootypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Tillbridge::Core {

class SecretStore;

/** One page of a Sitoo collection: the envelope's totalcount and the items as they came. */
struct SitooPage
{
    qint64 totalCount = 0;
    QJsonArray items;
};

/**
 * The Sitoo REST v2 client (sitoo-api.md): Basic auth with the API id and the password from the keychain, `.json`
 * paths under the configured account base URL, offset paging with start/num until totalcount is reached, field
 * projection and comma-separated filters. Errors carry Sitoo's {statuscode, errortext} with the HTTP status.
 * Retries (429/5xx with Retry-After or jittered backoff) come from the HttpClient's policy; all calls are reads or
 * idempotent PUTs except the batch POST of new products, which is never re-sent blindly.
 *
 * Lives in one thread (the worker's, or the GUI's for "Test connection"); results arrive on that thread.
 */
class SitooClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    SitooClient(SecretStore *secrets, QObject *parent = nullptr);
    ~SitooClient() override;

    /** Base URL, API id, eshop id and the extra CA. Clears the cached password. */
    Status setConnection(const ConnectionSettings &settings);
    HttpClient *http() const { return m_http; }

    /**
     * One page of orders by the orderid cursor: orderidfrom=fromOrderId (inclusive), sort=orderid, num=pageSize.
     * The cursor, not the order date, is what catches offline tills that sync old sales late. Each item is kept as
     * the exact bytes Sitoo sent (SitooOrderParser::splitOrderList), so its hash is the one a single GET gives.
     */
    void fetchOrdersFrom(qint64 fromOrderId, int pageSize, QObject *context, Callback<QList<QByteArray>> done);
    /** A single order by id, as its JSON text. */
    void fetchOrder(qint64 orderId, QObject *context, Callback<QByteArray> done);
    /** Refunds of a sale (creditorderid filter). */
    void fetchRefundsOf(qint64 saleOrderId, QObject *context, Callback<QList<QByteArray>> done);

    /**
     * Every item of a collection under the account base URL, paging with start/num until totalcount is reached, a
     * short page arrives, or the collection ends early. A totalcount that changes while paging is followed.
     */
    void fetchAll(const QString &path, const QUrlQuery &query, int pageSize, QObject *context,
                  Callback<QJsonArray> done);
    /** A response that is a bare JSON array (payment types, Z-reports) or a single value. */
    void fetchValue(const QString &path, const QUrlQuery &query, QObject *context, Callback<QJsonValue> done);

    /** Batch write with an array body; the reply is one {statuscode, return} element per input element. */
    void sendBatch(const QByteArray &method, const QString &path, const QJsonArray &elements, QObject *context,
                   Callback<QJsonArray> done);

    // Typed reads and writes (sitoo-api.md §3). Lists page until complete and are parsed by SitooParsers; an element
    // that cannot be read is left out and described in SitooList::problems, never silently dropped.

    /** Products of a site; `modifiedSince` filters on datelastmodified (on or after). */
    void fetchProducts(int eshopId, const std::optional<QDateTime> &modifiedSince, bool includeInactive,
                       Currency priceCurrency, QObject *context, Callback<SitooList<SitooProduct>> done);
    /** Batch POST (new products) or PUT (changes, keyed by productid): one result per element, in order. */
    void writeProducts(int eshopId, const QByteArray &method, const QJsonArray &products, QObject *context,
                       Callback<QList<SitooBatchElementResult>> done);
    void fetchStores(int eshopId, QObject *context, Callback<SitooList<SitooStore>> done);
    void fetchWarehouses(int eshopId, QObject *context, Callback<SitooList<SitooWarehouse>> done);
    void fetchWarehouseItems(int eshopId, qint64 warehouseId, QObject *context,
                             Callback<SitooList<SitooWarehouseItem>> done);
    /** Sets stock levels on a Virtual warehouse (batch PUT of decimaltotal per SKU). */
    void setVirtualStockLevels(int eshopId, qint64 warehouseId, const QList<std::pair<QString, Decimal>> &levels,
                               QObject *context, Callback<QList<SitooBatchElementResult>> done);
    /**
     * Counts stock into a FIFO warehouse: opens a stocktaking batch (transaction type 50), adds the counted levels,
     * and closes it (state 10 → 20), which is when Sitoo applies it. Returns the batch id.
     */
    void countFifoStock(int eshopId, qint64 warehouseId, const QList<std::pair<QString, Decimal>> &levels,
                        const QString &comment, QObject *context, Callback<qint64> done);
    /** POS payment types (a bare array). */
    void fetchPaymentTypes(int eshopId, QObject *context, Callback<SitooList<SitooPaymentType>> done);
    /**
     * Z-reports added on or after `from`, paging by dateaddedfrom (the endpoint returns a bare array of at most 500,
     * oldest first, with both bounds inclusive: the last report of a page comes again and is skipped). Paging ends
     * on a page with nothing new, so it costs one request more than the pages themselves.
     */
    void fetchZReports(const QDateTime &from, QObject *context, Callback<SitooList<SitooZReport>> done);

    /** GET /sites.json: proves the address, the credentials and the allowed-IP rule all work. */
    void testConnection(QObject *context, Callback<QString> done);

    /** "sites/<eshopid>/<what>": the site-scoped path (eshopid stands in for the deprecated siteid). */
    QString sitePath(const QString &what) const;
    QString sitePath(int eshopId, const QString &what) const;

private:
    void withPassword(QObject *context, std::function<void(const Result<QString> &)> next);
    /** Sends with auth; the body of a 2xx answer, or an error that says what went wrong. */
    void requestBody(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                     QObject *context, std::function<void(const Result<QByteArray> &)> done);
    /** requestBody() and the answer parsed as JSON (any value, including Sitoo's bare `4` or `true`). */
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                 QObject *context, std::function<void(const Result<QJsonValue> &)> done);
    template<typename T>
    void fetchParsedList(const QString &path, const QUrlQuery &query, int pageSize, QObject *context,
                         std::function<Result<SitooList<T>>(const QByteArray &)> parse, Callback<SitooList<T>> done);
    void fetchPage(const QString &path, const QUrlQuery &query, int start, int pageSize, QObject *context,
                   Callback<SitooPage> done);

    SecretStore *m_secrets;
    HttpClient *m_http;
    ConnectionSettings m_settings;
    std::optional<QString> m_password; // in memory only, for this client's life; never logged or stored
};

} // namespace Tillbridge::Core
