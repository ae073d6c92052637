// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prima/primagateway.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

namespace Tillbridge::Core {

class Clock;
class HttpClient;
class SecretStore;
struct HttpRequest;
struct HttpResponse;

/** Where and how RestPrimaGateway reaches Prima. */
struct RestPrimaGatewayConfig
{
    /**
     * "https://{host}/prima/v1". Plain http is accepted only for a loopback host (127.0.0.1, ::1, localhost: the
     * sandbox); any other http URL makes every call end as Configuration without sending anything, so that the
     * token never crosses a network in clear text.
     */
    QUrl baseUrl;
    /** Keychain entry of the bearer token; SecretStore::primaTokenKey(baseUrl.host()) when empty. */
    QString tokenKey;
    /**
     * Per-attempt timeout of writes. Expiry after sending is an unknown outcome, so it should be well above Prima's
     * normal latency (a false timeout costs a look-up, not a duplicate).
     */
    std::chrono::milliseconds writeTimeout{30000};
    std::chrono::milliseconds readTimeout{30000}; ///< per attempt; reads are retried by the transport
};

/**
 * PrimaGateway over the JSON contract v1 (prima-gateway.md §3) on HttpClient.
 *
 * - The bearer token is read from the SecretStore at the time of every call, put into the Authorization header of
 *   that request and nowhere else: it is not kept in a member, logged, or put into an error text.
 * - Every write carries Idempotency-Key (the document's key; for a batch a key derived from its operations' keys),
 *   X-Correlation-Id, Accept and Content-Type, and is marked HttpRequest::retrySafe = false: the engine, not the
 *   transport, decides whether a document is sent again. Reads are left to the transport's retry policy.
 * - Answers map to outcomes as mapWriteResponse() and mapReadResponse() describe.
 *
 * Lives in, and must be used from, the thread of its HttpClient. Neither the HttpClient nor the SecretStore is owned.
 */
class RestPrimaGateway final : public PrimaGateway
{
    Q_OBJECT

public:
    /** A gateway that sends through @p http and reads the token from @p secrets; both must outlive it. */
    RestPrimaGateway(RestPrimaGatewayConfig config, HttpClient *http, SecretStore *secrets,
                     QObject *parent = nullptr);
    ~RestPrimaGateway() override;

    /** Everything the contract offers: keys, batches, credit notes, ledger, look-up, items, stock, periods. */
    Capabilities capabilities() const override;

    /** The clock used to measure Retry-After HTTP-dates; not owned; the system clock when null (the default). */
    void setClock(Clock *clock) { m_clock = clock; }

    /** The configuration in use (the token key resolved). */
    const RestPrimaGatewayConfig &config() const { return m_config; }

    void postSalesOrder(const SalesOrder &order, const PrimaWriteOptions &options, QObject *context,
                        WriteCallback done) override;
    void postCreditNote(const CreditNote &note, const PrimaWriteOptions &options, QObject *context,
                        WriteCallback done) override;
    void postBatch(const QList<PrimaBatchOperation> &operations, const PrimaWriteOptions &options, QObject *context,
                   BatchCallback done) override;
    void findDocumentByExternalRef(const QString &externalRef, QObject *context,
                                   ReadCallback<QList<PrimaDocumentResult>> done) override;
    void items(const QDateTime &updatedSince, const QString &cursor, int limit, QObject *context,
               ReadCallback<PrimaPage<PrimaItem>> done) override;
    void stock(const QString &location, const QDateTime &updatedSince, const QString &cursor, int limit,
               QObject *context, ReadCallback<PrimaPage<PrimaStockLevel>> done) override;
    void taxCodes(QObject *context, ReadCallback<QList<PrimaTaxCode>> done) override;
    void locations(QObject *context, ReadCallback<QList<PrimaLocation>> done) override;
    void ledgerPostings(const PrimaLedgerQuery &query, const QString &cursor, int limit, QObject *context,
                        ReadCallback<PrimaPage<PrimaLedgerPosting>> done) override;
    void periods(QObject *context, ReadCallback<QList<PrimaPeriod>> done) override;
    void health(QObject *context, ReadCallback<PrimaHealth> done) override;

    /**
     * Maps the answer to a single write:
     * - 2xx with a readable document: Posted (replayed when Idempotency-Replayed: true); unreadable: Unknown.
     * - 409 IDEMPOTENCY_IN_PROGRESS (or a 409 without code), 408, 425, 429, 503, connection refused: Transient, with
     *   Retry-After when sent.
     * - 409 DUPLICATE_EXTERNAL_REF: Rejected, with error.existingDocumentNo for the engine to adopt.
     * - other 4xx (400, 422 TAX_MISMATCH, IDEMPOTENCY_KEY_REUSED, VALIDATION_FAILED, ...): Rejected.
     * - 500, 502, 504 and other 5xx: Unknown, because a server can fail after it committed (contract §3.3); the
     *   engine looks the document up before it sends it again.
     * - timeout, reset or cancellation after sending: Unknown.
     * - 401, 403, 404, 405, 3xx, TLS failure: Configuration.
     */
    static PrimaWriteResult mapWriteResponse(const HttpResponse &response, const QDateTime &now);

    /**
     * The same mapping for an answer that arrived as an entry of a batch (status, body and headers in JSON).
     * Exposed so that the mapping can be tested without a server.
     */
    static PrimaWriteResult mapCompletedWrite(int status, const QByteArray &body, bool replayed,
                                              std::optional<std::chrono::milliseconds> retryAfter);

    /** Whether @p url may carry the token: https, or http to a loopback host. */
    static bool isAcceptableBaseUrl(const QUrl &url);

private:
    using ResponseHandler = std::function<void(const HttpResponse &)>;
    using FailureHandler = std::function<void(const PrimaError &)>;

    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;
    HttpRequest readRequest(const QString &path, const QUrlQuery &query) const;
    HttpRequest writeRequest(const QString &path, const QByteArray &body, const QString &idempotencyKey,
                             const QString &correlationId) const;
    QDateTime now() const;

    /** Reads the token, adds it to @p request, sends; @p failed when nothing could be sent (no token, bad URL). */
    void sendAuthorized(HttpRequest request, QObject *context, ResponseHandler done, FailureHandler failed);

    void postDocument(const QString &path, const Result<QJsonObject> &body, const QString &externalRef,
                      const QString &idempotencyKey, const PrimaWriteOptions &options, QObject *context,
                      WriteCallback done);

    template<typename T>
    void read(const QString &path, const QUrlQuery &query, QObject *context,
              Result<T> (*parse)(const QByteArray &), ReadCallback<T> done);

    RestPrimaGatewayConfig m_config;
    QPointer<HttpClient> m_http;
    QPointer<SecretStore> m_secrets;
    Clock *m_clock = nullptr;
};

} // namespace Tillbridge::Core
