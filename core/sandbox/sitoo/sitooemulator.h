// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/decimal.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/sitoo/sitooemulatoroptions.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace Tillbridge::Sandbox {

/**
 * A loopback emulation of the Sitoo REST API v2 (sitoo-api.md), serving a Scenario on 127.0.0.1 with Qt HttpServer.
 *
 * Base URL: `http://127.0.0.1:PORT/v2/accounts/{accountid}`. Every request needs HTTP Basic auth with the
 * scenario's API id and password (401 otherwise). Collections use `{totalcount, items}` envelopes with start/num
 * paging and `fields` projection; money is sent as 2-decimal strings, stock as 3-decimal strings, dates as Unix
 * seconds; errors always have the body `{statuscode, errortext}`.
 *
 * Endpoints: `GET /orders.json`, `GET /sites/{site}/orders/{id}.json`, `GET|POST|PUT /sites/{site}/products.json`,
 * `GET|PUT /sites/{site}/products/{id}.json`, `GET /sites/{site}/productgroups.json`, `GET /sites/{site}/stores.json`,
 * `GET /sites/{site}/warehouses.json`, `GET|PUT …/warehouses/{id}/warehouseitems.json` (PUT of stock levels only on
 * Virtual warehouses), FIFO warehouse batches (`POST …/warehousebatches.json`, `PUT …/warehousebatchitems.json`,
 * `PUT …/warehousebatches/{id}.json` with state 20 to commit), `GET /sites/{site}/warehousetransactions.json`,
 * `GET /sites/{site}/pospaymenttypes.json` (bare array), `GET /pos-z-reports` (bare array, with or without .json),
 * `GET /sites.json`.
 *
 * Writes change the emulator's state and show on later reads. The object lives in the thread that created it and
 * serves from that thread's event loop.
 */
class SitooEmulator : public QObject
{
    Q_OBJECT

public:
    /** Serves `scenario` (copied cheaply; later changes stay inside the emulator). Call listen() to start. */
    explicit SitooEmulator(const Scenario &scenario, const SitooEmulatorOptions &options = SitooEmulatorOptions(),
                           QObject *parent = nullptr);
    ~SitooEmulator() override;

    /** Starts listening on 127.0.0.1 at options().port (0 = any free port). False if the port is taken. */
    [[nodiscard]] bool listen();
    bool isListening() const;
    /** The port listened on, 0 before listen(). */
    quint16 port() const;
    /** `http://127.0.0.1:PORT/v2/accounts/{accountid}`: append endpoint paths to it. */
    QUrl baseUrl() const;

    /** The credentials clients must send (the scenario's). */
    const ApiCredentials &credentials() const;
    const Scenario &scenario() const;
    const SitooEmulatorOptions &options() const;
    /** Changes the limiter and fault settings at run time (the token bucket restarts full). The port is ignored. */
    void setOptions(const SitooEmulatorOptions &options);

    /**
     * Adds an order as if a till had just synced it (e.g. a late offline sale). Without an `orderid` (or with 0) the
     * next orderid is assigned; an explicit orderid must be higher than every existing one. Missing `eshopid`
     * defaults to 1. Returns the orderid, or 0 when the order was refused.
     */
    qint64 addOrder(QJsonObject order);
    /** Adds a product to a site as if created in the Sitoo backoffice or POS; returns its productid (0 if refused). */
    qint64 addProduct(int eshopId, const QJsonObject &product);
    /** The next `count` authenticated requests fail with `statusCode` and the error body, before any effect. */
    void failNextRequests(int count, int statusCode = 500);

    /** Every request received, whatever its outcome. */
    qint64 requestCount() const;
    /** Responses sent with this status code. */
    qint64 responseCount(int statusCode) const;

    int orderCount() const;
    qint64 lastOrderId() const;
    /** The order as the single-order endpoint serves it, or nullopt. */
    std::optional<QJsonObject> order(qint64 orderId) const;
    /** The products of a site in productid order, as GET serves them with every field. */
    QList<QJsonObject> products(int eshopId) const;
    std::optional<QJsonObject> product(int eshopId, const QString &sku) const;
    /** Current `decimaltotal` of a SKU in a warehouse, or nullopt when the warehouse has no item for it. */
    std::optional<Core::Decimal> stockLevel(qint64 warehouseId, const QString &sku) const;
    /**
     * Every change of a stock level in @p warehouseId (SKU and the level after it), oldest first: PUTs on Virtual
     * warehouses and closed batches on FIFO ones. GET /__sandbox/stock-writes (no auth) serves all warehouses.
     */
    QList<std::pair<QString, Core::Decimal>> stockWrites(qint64 warehouseId) const;
    /** Warehouse batches of a warehouse, as GET serves them. */
    QList<QJsonObject> warehouseBatches(qint64 warehouseId) const;
    /** Warehouse transactions created by committed batches, oldest first. */
    QList<QJsonObject> warehouseTransactions() const;

Q_SIGNALS:
    /** Emitted after each response has been handed to the socket (or scheduled, for a slow response). */
    void requestHandled(const QString &method, const QString &path, int statusCode);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace Tillbridge::Sandbox
