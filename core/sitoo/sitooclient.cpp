// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sitoo/sitooclient.h"

#include "core/logging.h"
#include "core/secrets/secretstore.h"
#include "core/sitoo/sitoojson.h"
#include "core/sitoo/sitooorderparser.h"
#include "core/sitoo/sitooparsers.h"

#include <set>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tillbridge::Core {

namespace {
constexpr int kStocktaking = 50; // warehouse batch transaction type: stocktaking (counted levels)
constexpr int kClosed = 20;      // warehouse batch state: closed, which is when Sitoo applies it

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::SitooClient", text);
}

Error transportError(const HttpResponse &response)
{
    switch (response.outcome) {
    case HttpResponse::Outcome::TlsFailed:
        return Error{ErrorCode::Network, tr("Sitoo's certificate could not be verified, so nothing was sent. %1")
                                             .arg(response.errorString)};
    case HttpResponse::Outcome::Timeout:
        return Error{ErrorCode::Network, tr("Sitoo did not answer in time. %1").arg(response.errorString)};
    default:
        return Error{ErrorCode::Network, tr("Sitoo could not be reached: %1").arg(response.errorString)};
    }
}

Error statusError(const HttpResponse &response)
{
    // Sitoo's error body is {"statuscode": <http status>, "errortext": "..."}; its wording is not a contract.
    QString errorText;
    if (const auto body = SitooParsers::parseError(response.body))
        errorText = body->errorText;
    if (response.status == 401) {
        return Error{ErrorCode::Remote, tr("Sitoo refused the API id and password (HTTP 401). Check them in Settings, "
                                           "and that this computer's IP address is allowed in Sitoo Backoffice.")};
    }
    if (response.status == 429)
        return Error{ErrorCode::Remote, tr("Sitoo is limiting requests (HTTP 429); Tillbridge will try again later.")};
    return Error{ErrorCode::Remote, errorText.isEmpty()
                                        ? tr("Sitoo answered HTTP %1.").arg(response.status)
                                        : tr("Sitoo answered HTTP %1: %2").arg(response.status).arg(errorText)};
}
} // namespace

SitooClient::SitooClient(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_http(new HttpClient(this))
{
}

SitooClient::~SitooClient() = default;

Status SitooClient::setConnection(const ConnectionSettings &settings)
{
    if (auto valid = settings.validate(); !valid)
        return valid;
    auto certificates = settings.extraCaCertificates();
    if (!certificates)
        return certificates.error();
    m_http->setExtraCaCertificates(*certificates);
    m_settings = settings;
    m_password.reset();
    return Status::success();
}

QString SitooClient::sitePath(const QString &what) const
{
    return sitePath(m_settings.sitooEshopId, what);
}

QString SitooClient::sitePath(int eshopId, const QString &what) const
{
    return QStringLiteral("sites/%1/%2").arg(eshopId).arg(what);
}

void SitooClient::withPassword(QObject *context, std::function<void(const Result<QString> &)> next)
{
    if (m_password) {
        next(*m_password);
        return;
    }
    if (!m_settings.isSitooConfigured()) {
        next(Error{ErrorCode::InvalidInput, tr("Sitoo is not set up yet: enter its address and API id in Settings.")});
        return;
    }
    const QString apiId = m_settings.sitooApiId;
    m_secrets->read(m_settings.sitooPasswordKey(), context, [this, apiId, next](SecretReadResult read) {
        switch (read.outcome) {
        case SecretReadResult::Outcome::Found:
            m_password = read.secret;
            next(read.secret);
            return;
        case SecretReadResult::Outcome::Absent:
            next(Error{ErrorCode::Keychain, tr("No Sitoo API password is stored in the keychain for API id %1. "
                                               "Enter it in Settings.")
                                                .arg(apiId)});
            return;
        case SecretReadResult::Outcome::Failed:
            next(Error{ErrorCode::Keychain, read.errorMessage});
            return;
        }
    });
}

void SitooClient::requestBody(const QByteArray &method, const QString &path, const QUrlQuery &query,
                              const QByteArray &body, QObject *context,
                              std::function<void(const Result<QByteArray> &)> done)
{
    withPassword(context, [this, method, path, query, body, context, done](const Result<QString> &password) {
        if (!password) {
            done(password.error());
            return;
        }
        HttpRequest request;
        request.method = method;
        QUrl url = m_settings.sitooBaseUrl;
        url.setPath(url.path() + u'/' + path);
        url.setQuery(query);
        request.url = url;
        request.tag = QStringLiteral("sitoo %1 %2").arg(QString::fromLatin1(method), path);
        const QByteArray credentials = (m_settings.sitooApiId + u':' + *password).toUtf8().toBase64();
        request.headers = {{"Authorization", "Basic " + credentials},
                           {"Accept", "application/json"},
                           {"Content-Type", "application/json"}};
        request.body = body;
        m_http->send(request, context, [done](const HttpResponse &response) {
            if (response.outcome != HttpResponse::Outcome::Completed)
                done(transportError(response));
            else if (!response.isSuccess())
                done(statusError(response));
            else
                done(response.body);
        });
    });
}

void SitooClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query,
                          const QByteArray &body, QObject *context,
                          std::function<void(const Result<QJsonValue> &)> done)
{
    requestBody(method, path, query, body, context, [done](const Result<QByteArray> &answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        // Any JSON value: an envelope, an array, or Sitoo's bare `4` / `true` after a write.
        auto value = SitooParsers::parseWriteReturn(*answer);
        if (!value) {
            done(Error{ErrorCode::Remote, tr("Sitoo's answer is not valid JSON (%1 bytes).").arg(answer->size())});
            return;
        }
        done(*value);
    });
}

void SitooClient::fetchPage(const QString &path, const QUrlQuery &query, int start, int pageSize, QObject *context,
                            Callback<SitooPage> done)
{
    QUrlQuery paged = query;
    paged.addQueryItem(QStringLiteral("start"), QString::number(start));
    paged.addQueryItem(QStringLiteral("num"), QString::number(pageSize));
    request("GET", path, paged, {}, context, [done, path](const Result<QJsonValue> &value) {
        if (!value) {
            done(value.error());
            return;
        }
        const QJsonObject envelope = value->toObject();
        const QJsonValue items = envelope.value(QStringLiteral("items"));
        const QJsonValue total = envelope.value(QStringLiteral("totalcount"));
        if (!value->isObject() || (!items.isArray() && !items.isNull() && !items.isUndefined())) {
            done(Error{ErrorCode::Remote,
                       tr("Sitoo's answer to %1 is not a {totalcount, items} envelope.").arg(path)});
            return;
        }
        SitooPage page;
        page.items = items.toArray();
        // Tolerate totalcount as a number or a numeric string (mixed types are common in Sitoo's JSON).
        page.totalCount = total.isString() ? total.toString().toLongLong() : total.toInteger(page.items.size());
        done(page);
    });
}

void SitooClient::fetchAll(const QString &path, const QUrlQuery &query, int pageSize, QObject *context,
                           Callback<QJsonArray> done)
{
    struct State
    {
        QJsonArray collected;
        int start = 0;
    };
    auto state = std::make_shared<State>();
    auto next = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weakNext = next;
    *next = [this, path, query, pageSize, context, done, state, weakNext]() {
        fetchPage(path, query, state->start, pageSize, context,
                  [done, state, pageSize, next = weakNext.lock()](const Result<SitooPage> &page) {
                      if (!page) {
                          done(page.error());
                          return;
                      }
                      for (const QJsonValue &item : page->items)
                          state->collected.append(item);
                      state->start += int(page->items.size());
                      // Stop on a short page (the end), when the latest totalcount is reached (also when it is an
                      // exact multiple of the page size), or on an empty page (the collection shrank while paging).
                      const bool end = page->items.size() < pageSize || page->items.isEmpty()
                                       || state->collected.size() >= page->totalCount;
                      if (end || !next)
                          done(state->collected);
                      else
                          (*next)();
                  });
    };
    // The page in flight holds the chain (a strong reference in its callback); nothing else does, so it is freed
    // after the last page, or when a callback is dropped because its context is gone.
    (*next)();
}

void SitooClient::fetchValue(const QString &path, const QUrlQuery &query, QObject *context, Callback<QJsonValue> done)
{
    request("GET", path, query, {}, context, std::move(done));
}

void SitooClient::fetchOrdersFrom(qint64 fromOrderId, int pageSize, QObject *context,
                                  Callback<QList<QByteArray>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("orderidfrom"), QString::number(fromOrderId));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("orderid"));
    query.addQueryItem(QStringLiteral("start"), QStringLiteral("0"));
    query.addQueryItem(QStringLiteral("num"), QString::number(pageSize));
    requestBody("GET", QStringLiteral("orders.json"), query, {}, context, [done](const Result<QByteArray> &body) {
        if (!body) {
            done(body.error());
            return;
        }
        auto page = SitooOrderParser::splitOrderList(*body);
        if (!page)
            done(page.error());
        else
            done(page->orders);
    });
}

void SitooClient::fetchOrder(qint64 orderId, QObject *context, Callback<QByteArray> done)
{
    request("GET", sitePath(QStringLiteral("orders/%1.json").arg(orderId)), {}, {}, context,
            [done](const Result<QJsonValue> &value) {
                if (!value)
                    done(value.error());
                else
                    done(compactJsonText(*value));
            });
}

void SitooClient::fetchRefundsOf(qint64 saleOrderId, QObject *context, Callback<QList<QByteArray>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("creditorderid"), QString::number(saleOrderId));
    fetchAll(QStringLiteral("orders.json"), query, 100, context, [done](const Result<QJsonArray> &items) {
        if (!items) {
            done(items.error());
            return;
        }
        QList<QByteArray> orders;
        for (const QJsonValue &item : *items)
            orders.append(compactJsonText(item));
        done(orders);
    });
}

void SitooClient::sendBatch(const QByteArray &method, const QString &path, const QJsonArray &elements,
                            QObject *context, Callback<QJsonArray> done)
{
    const QByteArray body = QJsonDocument(elements).toJson(QJsonDocument::Compact);
    request(method, path, {}, body, context, [done, count = elements.size()](const Result<QJsonValue> &value) {
        if (!value) {
            done(value.error());
            return;
        }
        if (!value->isArray() || value->toArray().size() != count) {
            done(Error{ErrorCode::Remote, tr("Sitoo's answer to a batch of %1 is not one result per element.")
                                              .arg(count)});
            return;
        }
        done(value->toArray());
    });
}

template<typename T>
void SitooClient::fetchParsedList(const QString &path, const QUrlQuery &query, int pageSize, QObject *context,
                                  std::function<Result<SitooList<T>>(const QByteArray &)> parse,
                                  Callback<SitooList<T>> done)
{
    fetchAll(path, query, pageSize, context, [parse, done](const Result<QJsonArray> &items) {
        if (!items) {
            done(items.error());
            return;
        }
        // Money and decimals are strings in Sitoo's JSON, so re-serialising the collected pages loses nothing.
        done(parse(QJsonDocument(*items).toJson(QJsonDocument::Compact)));
    });
}

void SitooClient::fetchProducts(int eshopId, const std::optional<QDateTime> &modifiedSince, bool includeInactive,
                                Currency priceCurrency, QObject *context, Callback<SitooList<SitooProduct>> done)
{
    QUrlQuery query;
    if (modifiedSince)
        query.addQueryItem(QStringLiteral("datelastmodified"), QString::number(modifiedSince->toSecsSinceEpoch()));
    if (includeInactive)
        query.addQueryItem(QStringLiteral("includeinactive"), QStringLiteral("true"));
    fetchParsedList<SitooProduct>(
        sitePath(eshopId, QStringLiteral("products.json")), query, 500, context,
        [priceCurrency](const QByteArray &body) { return SitooParsers::parseProducts(body, priceCurrency); }, done);
}

void SitooClient::writeProducts(int eshopId, const QByteArray &method, const QJsonArray &products, QObject *context,
                                Callback<QList<SitooBatchElementResult>> done)
{
    sendBatch(method, sitePath(eshopId, QStringLiteral("products.json")), products, context,
              [done](const Result<QJsonArray> &results) {
                  if (!results)
                      done(results.error());
                  else
                      done(SitooParsers::parseBatchResults(QJsonDocument(*results).toJson(QJsonDocument::Compact)));
              });
}

void SitooClient::fetchStores(int eshopId, QObject *context, Callback<SitooList<SitooStore>> done)
{
    fetchParsedList<SitooStore>(sitePath(eshopId, QStringLiteral("stores.json")), {}, 100, context,
                                &SitooParsers::parseStores, done);
}

void SitooClient::fetchWarehouses(int eshopId, QObject *context, Callback<SitooList<SitooWarehouse>> done)
{
    fetchParsedList<SitooWarehouse>(sitePath(eshopId, QStringLiteral("warehouses.json")), {}, 100, context,
                                    &SitooParsers::parseWarehouses, done);
}

void SitooClient::fetchWarehouseItems(int eshopId, qint64 warehouseId, QObject *context,
                                      Callback<SitooList<SitooWarehouseItem>> done)
{
    fetchParsedList<SitooWarehouseItem>(
        sitePath(eshopId, QStringLiteral("warehouses/%1/warehouseitems.json").arg(warehouseId)), {}, 1000, context,
        [](const QByteArray &body) { return SitooParsers::parseWarehouseItems(body); }, done);
}

void SitooClient::setVirtualStockLevels(int eshopId, qint64 warehouseId,
                                        const QList<std::pair<QString, Decimal>> &levels, QObject *context,
                                        Callback<QList<SitooBatchElementResult>> done)
{
    QJsonArray items;
    for (const auto &[sku, level] : levels) {
        const Decimal quantity = level.rescaled(3, RoundingMode::TowardZero).valueOr(level);
        items.append(QJsonObject{{QStringLiteral("sku"), sku}, {QStringLiteral("decimaltotal"), quantity.toString()}});
    }
    sendBatch("PUT", sitePath(eshopId, QStringLiteral("warehouses/%1/warehouseitems.json").arg(warehouseId)), items,
              context, [done](const Result<QJsonArray> &results) {
                  if (!results)
                      done(results.error());
                  else
                      done(SitooParsers::parseBatchResults(QJsonDocument(*results).toJson(QJsonDocument::Compact)));
              });
}

void SitooClient::countFifoStock(int eshopId, qint64 warehouseId, const QList<std::pair<QString, Decimal>> &levels,
                                 const QString &comment, QObject *context, Callback<qint64> done)
{
    const QString batches = QStringLiteral("warehouses/%1/warehousebatches").arg(warehouseId);
    const QJsonObject open{{QStringLiteral("transactiontype"), kStocktaking}, {QStringLiteral("comment"), comment}};
    request("POST", sitePath(eshopId, batches + QStringLiteral(".json")), {},
            QJsonDocument(open).toJson(QJsonDocument::Compact), context,
            [this, eshopId, batches, levels, context, done](const Result<QJsonValue> &created) {
                if (!created) {
                    done(created.error());
                    return;
                }
                const qint64 batchId = created->toInteger();
                QJsonArray items;
                for (const auto &[sku, level] : levels) {
                    const Decimal quantity = level.rescaled(3, RoundingMode::TowardZero).valueOr(level);
                    items.append(QJsonObject{{QStringLiteral("sku"), sku},
                                             {QStringLiteral("decimalquantity"), quantity.toString()}});
                }
                const QString batchPath = batches + u'/' + QString::number(batchId);
                sendBatch("PUT", sitePath(eshopId, batchPath + QStringLiteral("/warehousebatchitems.json")), items,
                          context, [this, eshopId, batchPath, batchId, context, done](const Result<QJsonArray> &added) {
                              if (!added) {
                                  done(added.error());
                                  return;
                              }
                              const QJsonObject close{{QStringLiteral("warehousebatchstate"), kClosed}};
                              request("PUT", sitePath(eshopId, batchPath + QStringLiteral(".json")), {},
                                      QJsonDocument(close).toJson(QJsonDocument::Compact), context,
                                      [batchId, done](const Result<QJsonValue> &closed) {
                                          if (!closed)
                                              done(closed.error());
                                          else
                                              done(batchId);
                                      });
                          });
            });
}

void SitooClient::fetchPaymentTypes(int eshopId, QObject *context, Callback<SitooList<SitooPaymentType>> done)
{
    requestBody("GET", sitePath(eshopId, QStringLiteral("pospaymenttypes.json")), {}, {}, context,
                [done](const Result<QByteArray> &body) {
                    if (!body)
                        done(body.error());
                    else
                        done(SitooParsers::parsePaymentTypes(*body));
                });
}

void SitooClient::fetchZReports(const QDateTime &from, QObject *context, Callback<SitooList<SitooZReport>> done)
{
    struct State
    {
        SitooList<SitooZReport> collected;
        std::set<qint64> seen;
    };
    auto state = std::make_shared<State>();
    auto next = std::make_shared<std::function<void(QDateTime)>>();
    std::weak_ptr<std::function<void(QDateTime)>> weakNext = next;
    *next = [this, context, done, state, weakNext](const QDateTime &cursor) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("dateaddedfrom"), QString::number(cursor.toSecsSinceEpoch()));
        requestBody("GET", QStringLiteral("pos-z-reports"), query, {}, context,
                    [done, state, cursor, next = weakNext.lock()](const Result<QByteArray> &body) {
                        if (!body) {
                            done(body.error());
                            return;
                        }
                        auto page = SitooParsers::parseZReports(*body);
                        if (!page) {
                            done(page.error());
                            return;
                        }
                        int fresh = 0;
                        QDateTime last = cursor;
                        for (const SitooZReport &report : page->items) {
                            last = std::max(last, report.dateAdded);
                            if (state->seen.insert(report.zReportId).second) {
                                state->collected.items.append(report);
                                ++fresh;
                            }
                        }
                        state->collected.problems += page->problems;
                        state->collected.skippedCount += page->skippedCount;
                        // Keep paging while pages bring new reports (the page limit is Sitoo's, 500 today, and not
                        // assumed); the inclusive bound repeats the last report, so a page with nothing new ends it.
                        if (fresh == 0 || page->items.isEmpty() || !next)
                            done(state->collected);
                        else
                            (*next)(last);
                    });
    };
    (*next)(from);
}

void SitooClient::testConnection(QObject *context, Callback<QString> done)
{
    fetchValue(QStringLiteral("sites.json"), {}, context, [this, done](const Result<QJsonValue> &value) {
        if (!value) {
            done(value.error());
            return;
        }
        const qint64 sites = value->toObject().value(QStringLiteral("items")).toArray().size();
        done(tr("Connected to Sitoo account %1 (sites: %2).").arg(m_settings.sitooAccountId).arg(sites));
    });
}

} // namespace Tillbridge::Core
