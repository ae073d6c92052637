// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prima/restprimagateway.h"

#include "core/net/clock.h"
#include "core/net/httpclient.h"
#include "core/net/retrypolicy.h"
#include "core/prima/primajson.h"
#include "core/secrets/secretstore.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QUuid>

namespace Tillbridge::Core {

namespace {

Q_LOGGING_CATEGORY(lcPrima, "tillbridge.core.prima", QtInfoMsg)

constexpr int kDefaultPageSize = 500;

int clampedLimit(int limit)
{
    if (limit <= 0)
        return kDefaultPageSize;
    return std::min(limit, PrimaGateway::kMaxPageSize);
}

PrimaError localError(PrimaErrorCode code, const QString &detail)
{
    PrimaError error;
    error.code = code;
    error.codeText = primaErrorCodeString(code);
    error.detail = detail;
    return error;
}

PrimaError transportError(const HttpResponse &response)
{
    PrimaError error;
    error.httpStatus = response.status;
    error.detail = response.errorString;
    return error;
}

bool isReplayed(const HttpResponse &response)
{
    return response.header("Idempotency-Replayed").trimmed().compare("true", Qt::CaseInsensitive) == 0;
}

std::optional<std::chrono::milliseconds> retryAfterOf(const HttpResponse &response, const QDateTime &now)
{
    const QByteArray value = response.header("Retry-After");
    if (value.isEmpty())
        return std::nullopt;
    return RetryPolicy::parseRetryAfter(value, PrimaJson::parseHttpDate(response.header("Date")), now);
}

/** Runs @p fn later from @p context's event loop (never inside the caller's call), unless @p context dies first. */
void deliverLater(QObject *context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

template<typename T>
PrimaReadResult<T> readFailure(PrimaReadOutcome outcome, PrimaError error)
{
    PrimaReadResult<T> result;
    result.outcome = outcome;
    result.error = std::move(error);
    return result;
}

template<typename T>
PrimaReadResult<T> mapReadResponse(const HttpResponse &response, const QDateTime &now,
                                   Result<T> (*parse)(const QByteArray &))
{
    using Outcome = HttpResponse::Outcome;
    switch (response.outcome) {
    case Outcome::Completed:
        break;
    case Outcome::TlsFailed:
        return readFailure<T>(PrimaReadOutcome::Configuration, transportError(response));
    case Outcome::ConnectFailed:
    case Outcome::Timeout:
    case Outcome::ConnectionLost:
    case Outcome::Cancelled:
        return readFailure<T>(PrimaReadOutcome::Transient, transportError(response));
    }
    const int status = response.status;
    if (status >= 200 && status < 300) {
        auto parsed = parse(response.body);
        if (!parsed) {
            PrimaError error = localError(PrimaErrorCode::Other, parsed.errorString());
            error.httpStatus = status;
            error.codeText.clear();
            return readFailure<T>(PrimaReadOutcome::Rejected, std::move(error));
        }
        PrimaReadResult<T> result;
        result.value = std::move(parsed).value();
        return result;
    }
    PrimaError error = PrimaJson::parseProblem(status, response.body);
    error.retryAfter = retryAfterOf(response, now);
    if (status == 401 || status == 403 || status == 404 || status == 405 || (status >= 300 && status < 400))
        return readFailure<T>(PrimaReadOutcome::Configuration, std::move(error));
    if (status == 408 || status == 425 || status == 429 || status >= 500)
        return readFailure<T>(PrimaReadOutcome::Transient, std::move(error));
    return readFailure<T>(PrimaReadOutcome::Rejected, std::move(error));
}

PrimaWriteResult withOutcome(PrimaWriteOutcome outcome, PrimaError error)
{
    PrimaWriteResult result;
    result.outcome = outcome;
    result.error = std::move(error);
    return result;
}

QString batchIdempotencyKey(const QList<PrimaBatchOperation> &operations)
{
    // Deterministic from the operations, so that re-sending the same batch carries the same key.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &operation : operations) {
        hash.addData(operation.idempotencyKey().toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    return QStringLiteral("batch:") + QString::fromLatin1(hash.result().toHex().left(32));
}

} // namespace

RestPrimaGateway::RestPrimaGateway(RestPrimaGatewayConfig config, HttpClient *http, SecretStore *secrets,
                                   QObject *parent)
    : PrimaGateway(parent)
    , m_config(std::move(config))
    , m_http(http)
    , m_secrets(secrets)
{
    if (m_config.tokenKey.isEmpty())
        m_config.tokenKey = SecretStore::primaTokenKey(m_config.baseUrl.host());
}

RestPrimaGateway::~RestPrimaGateway() = default;

PrimaGateway::Capabilities RestPrimaGateway::capabilities() const
{
    return Capability::IdempotencyKeys | Capability::Batches | Capability::CreditNotes | Capability::Ledger
         | Capability::DocumentLookup | Capability::ItemMaster | Capability::StockLevels | Capability::Periods;
}

bool RestPrimaGateway::isAcceptableBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return true;
    if (scheme != u"http")
        return false;
    if (url.host() == u"localhost")
        return true;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

QDateTime RestPrimaGateway::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

QUrl RestPrimaGateway::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

HttpRequest RestPrimaGateway::readRequest(const QString &path, const QUrlQuery &query) const
{
    HttpRequest request;
    request.method = "GET";
    request.url = endpoint(path, query);
    request.headers = {{"Accept", "application/json, application/problem+json"}};
    request.timeout = m_config.readTimeout;
    request.tag = QStringLiteral("prima GET ") + path;
    return request;
}

HttpRequest RestPrimaGateway::writeRequest(const QString &path, const QByteArray &body,
                                           const QString &idempotencyKey, const QString &correlationId) const
{
    HttpRequest request;
    request.method = "POST";
    request.url = endpoint(path);
    request.headers = {
        {"Accept", "application/json, application/problem+json"},
        {"Content-Type", "application/json"},
        {"Idempotency-Key", idempotencyKey.toUtf8()},
        {"X-Correlation-Id", correlationId.toUtf8()},
    };
    request.body = body;
    request.timeout = m_config.writeTimeout;
    // The engine settles unclear outcomes by look-up and decides about re-sending; the transport must not.
    request.retrySafe = false;
    request.tag = QStringLiteral("prima POST ") + path;
    return request;
}

void RestPrimaGateway::sendAuthorized(HttpRequest request, QObject *context, ResponseHandler done,
                                      FailureHandler failed)
{
    Q_ASSERT(context);
    if (!isAcceptableBaseUrl(m_config.baseUrl)) {
        const PrimaError error = localError(
            PrimaErrorCode::Other,
            tr("The Prima address %1 is not usable: it must be an https:// address (plain http only for the "
               "sandbox on this computer).")
                .arg(m_config.baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        deliverLater(context, [failed, error]() { failed(error); });
        return;
    }
    if (!m_http || !m_secrets) {
        const PrimaError error = localError(PrimaErrorCode::Other, tr("The connection to Prima is not set up."));
        deliverLater(context, [failed, error]() { failed(error); });
        return;
    }
    const QString tag = request.tag;
    QPointer<HttpClient> http = m_http;
    m_secrets->read(m_config.tokenKey, context,
                    [http, context, request = std::move(request), done = std::move(done),
                     failed = std::move(failed), tag](SecretReadResult secret) mutable {
                        if (secret.outcome != SecretReadResult::Outcome::Found || secret.secret.isEmpty()) {
                            const QString detail =
                                secret.outcome == SecretReadResult::Outcome::Failed
                                    ? secret.errorMessage
                                    : tr("No Prima access token is stored in the keychain. Enter it in the "
                                         "settings.");
                            qCWarning(lcPrima) << tag << "not sent: no usable token";
                            failed(localError(PrimaErrorCode::Other, detail));
                            return;
                        }
                        if (!http) {
                            failed(localError(PrimaErrorCode::Other, tr("The connection to Prima was closed.")));
                            return;
                        }
                        // The token lives only in this request's header from here on.
                        request.headers.append({"Authorization", "Bearer " + secret.secret.toUtf8()});
                        http->send(request, context, [done = std::move(done)](const HttpResponse &response) {
                            done(response);
                        });
                    });
}

// ---- writes ------------------------------------------------------------------------------------------------------

PrimaWriteResult RestPrimaGateway::mapCompletedWrite(int status, const QByteArray &body, bool replayed,
                                                     std::optional<std::chrono::milliseconds> retryAfter)
{
    if (status >= 200 && status < 300) {
        auto document = PrimaJson::parseDocumentResult(body);
        if (!document) {
            // Prima acted on it but the answer cannot be read: the look-up will give the document number.
            PrimaError error = localError(PrimaErrorCode::Other, document.errorString());
            error.codeText.clear();
            error.httpStatus = status;
            return withOutcome(PrimaWriteOutcome::Unknown, std::move(error));
        }
        PrimaWriteResult result;
        result.outcome = PrimaWriteOutcome::Posted;
        result.document = std::move(document).value();
        result.document.replayed = replayed;
        return result;
    }
    PrimaError error = PrimaJson::parseProblem(status, body);
    error.retryAfter = retryAfter;
    if (status == 409) {
        if (error.code == PrimaErrorCode::DuplicateExternalRef)
            return withOutcome(PrimaWriteOutcome::Rejected, std::move(error));
        if (error.code == PrimaErrorCode::IdempotencyInProgress || error.codeText.isEmpty())
            return withOutcome(PrimaWriteOutcome::Transient, std::move(error));
        return withOutcome(PrimaWriteOutcome::Rejected, std::move(error));
    }
    if (status == 401 || status == 403 || status == 404 || status == 405 || (status >= 300 && status < 400))
        return withOutcome(PrimaWriteOutcome::Configuration, std::move(error));
    if (status == 408 || status == 425 || status == 429 || status == 503)
        return withOutcome(PrimaWriteOutcome::Transient, std::move(error));
    if (status >= 500)
        return withOutcome(PrimaWriteOutcome::Unknown, std::move(error));
    if (status >= 400)
        return withOutcome(PrimaWriteOutcome::Rejected, std::move(error));
    return withOutcome(PrimaWriteOutcome::Unknown, std::move(error));
}

PrimaWriteResult RestPrimaGateway::mapWriteResponse(const HttpResponse &response, const QDateTime &now)
{
    using Outcome = HttpResponse::Outcome;
    switch (response.outcome) {
    case Outcome::Completed:
        return mapCompletedWrite(response.status, response.body, isReplayed(response), retryAfterOf(response, now));
    case Outcome::ConnectFailed:
        return withOutcome(PrimaWriteOutcome::Transient, transportError(response));
    case Outcome::TlsFailed:
        return withOutcome(PrimaWriteOutcome::Configuration, transportError(response));
    case Outcome::Timeout:
    case Outcome::ConnectionLost:
    case Outcome::Cancelled:
        break;
    }
    return withOutcome(PrimaWriteOutcome::Unknown, transportError(response));
}

void RestPrimaGateway::postDocument(const QString &path, const Result<QJsonObject> &body, const QString &externalRef,
                                    const QString &idempotencyKey, const PrimaWriteOptions &options,
                                    QObject *context, WriteCallback done)
{
    const QString correlationId =
        options.correlationId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : options.correlationId;
    const auto finish = [done, externalRef, idempotencyKey, correlationId](PrimaWriteResult result) {
        result.externalRef = externalRef;
        result.idempotencyKey = idempotencyKey;
        result.correlationId = correlationId;
        done(std::move(result));
    };
    // Refuse locally what must never reach Prima: a body we could not build, or a write without its key.
    std::optional<PrimaError> local;
    if (!body)
        local = localError(PrimaErrorCode::ValidationFailed, body.errorString());
    else if (idempotencyKey.isEmpty())
        local = localError(PrimaErrorCode::ValidationFailed,
                           tr("Document %1 has no idempotency key; it is not sent.").arg(externalRef));
    if (local) {
        deliverLater(context, [finish, error = *local]() {
            finish(withOutcome(PrimaWriteOutcome::Rejected, error));
        });
        return;
    }
    HttpRequest request = writeRequest(path, PrimaJson::toBody(*body), idempotencyKey, correlationId);
    QPointer<RestPrimaGateway> self(this);
    sendAuthorized(
        std::move(request), context,
        [self, finish, path, externalRef](const HttpResponse &response) {
            const QDateTime now = self ? self->now() : QDateTime::currentDateTimeUtc();
            PrimaWriteResult result = mapWriteResponse(response, now);
            qCInfo(lcPrima).noquote() << "POST" << path << externalRef << "->" << primaWriteOutcomeName(result.outcome)
                                      << response.status << result.error.codeText;
            finish(std::move(result));
        },
        [finish](const PrimaError &error) { finish(withOutcome(PrimaWriteOutcome::Configuration, error)); });
}

void RestPrimaGateway::postSalesOrder(const SalesOrder &order, const PrimaWriteOptions &options, QObject *context,
                                      WriteCallback done)
{
    postDocument(PrimaJson::batchOperationPath(PrimaBatchOperation::Kind::SalesOrder),
                 PrimaJson::salesOrderToJson(order), order.externalRef, order.idempotencyKey, options, context,
                 std::move(done));
}

void RestPrimaGateway::postCreditNote(const CreditNote &note, const PrimaWriteOptions &options, QObject *context,
                                      WriteCallback done)
{
    postDocument(PrimaJson::batchOperationPath(PrimaBatchOperation::Kind::CreditNote),
                 PrimaJson::creditNoteToJson(note), note.externalRef, note.idempotencyKey, options, context,
                 std::move(done));
}

void RestPrimaGateway::postBatch(const QList<PrimaBatchOperation> &operations, const PrimaWriteOptions &options,
                                 QObject *context, BatchCallback done)
{
    const QString correlationId =
        options.correlationId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : options.correlationId;

    // Every operation gets a result entry whatever happens, so the engine can walk results in all cases.
    const auto spread = [operations, correlationId](PrimaWriteOutcome outcome, const PrimaError &error) {
        PrimaBatchResult batch;
        batch.outcome = outcome;
        batch.error = error;
        for (const auto &operation : operations) {
            PrimaWriteResult result = withOutcome(outcome, error);
            result.externalRef = operation.externalRef();
            result.idempotencyKey = operation.idempotencyKey();
            result.correlationId = correlationId;
            batch.results.append(std::move(result));
        }
        return batch;
    };

    std::optional<PrimaError> local;
    if (operations.isEmpty() || operations.size() > kMaxBatchOperations) {
        local = localError(PrimaErrorCode::ValidationFailed,
                           tr("A batch must hold between 1 and %1 documents; this one holds %2.")
                               .arg(kMaxBatchOperations)
                               .arg(operations.size()));
    } else {
        for (const auto &operation : operations) {
            if (operation.idempotencyKey().isEmpty()) {
                local = localError(PrimaErrorCode::ValidationFailed,
                                   tr("Document %1 has no idempotency key; the batch is not sent.")
                                       .arg(operation.externalRef()));
                break;
            }
        }
    }
    Result<QJsonObject> body = local ? Result<QJsonObject>(Error{ErrorCode::InvalidInput, local->detail})
                                     : PrimaJson::batchToJson(operations);
    if (!local && !body)
        local = localError(PrimaErrorCode::ValidationFailed, body.errorString());
    if (local) {
        deliverLater(context, [done, spread, error = *local]() { done(spread(PrimaWriteOutcome::Rejected, error)); });
        return;
    }

    const QString path = QStringLiteral("/batches");
    HttpRequest request = writeRequest(path, PrimaJson::toBody(*body), batchIdempotencyKey(operations), correlationId);
    QPointer<RestPrimaGateway> self(this);
    sendAuthorized(
        std::move(request), context,
        [self, done, spread, operations, correlationId](const HttpResponse &response) {
            const QDateTime now = self ? self->now() : QDateTime::currentDateTimeUtc();
            if (!response.isSuccess()) {
                const PrimaWriteResult whole = mapWriteResponse(response, now);
                // A batch-level 2xx-less answer never carries a document: Posted cannot occur here.
                done(spread(whole.outcome, whole.error));
                return;
            }
            auto entries = PrimaJson::parseBatchResults(response.body);
            if (!entries || entries->size() != operations.size()) {
                PrimaError error = localError(PrimaErrorCode::Other,
                                              entries ? tr("Prima answered %1 results for %2 documents.")
                                                            .arg(entries->size())
                                                            .arg(operations.size())
                                                      : entries.errorString());
                error.codeText.clear();
                error.httpStatus = response.status;
                // Prima processed the batch, but we cannot tell which answer belongs to which document.
                done(spread(PrimaWriteOutcome::Unknown, error));
                return;
            }
            PrimaBatchResult batch;
            batch.outcome = PrimaWriteOutcome::Posted;
            for (qsizetype i = 0; i < entries->size(); ++i) {
                const PrimaJson::BatchEntry &entry = entries->at(i);
                std::optional<std::chrono::milliseconds> retryAfter;
                if (entry.retryAfter)
                    retryAfter = std::chrono::duration_cast<std::chrono::milliseconds>(*entry.retryAfter);
                PrimaWriteResult result = mapCompletedWrite(entry.status, entry.body, entry.replayed, retryAfter);
                result.externalRef = operations.at(i).externalRef();
                result.idempotencyKey = operations.at(i).idempotencyKey();
                result.correlationId = correlationId;
                batch.results.append(std::move(result));
            }
            qCInfo(lcPrima) << "POST /batches:" << batch.results.size() << "results";
            done(std::move(batch));
        },
        [done, spread](const PrimaError &error) { done(spread(PrimaWriteOutcome::Configuration, error)); });
}

// ---- reads -------------------------------------------------------------------------------------------------------

template<typename T>
void RestPrimaGateway::read(const QString &path, const QUrlQuery &query, QObject *context,
                            Result<T> (*parse)(const QByteArray &), ReadCallback<T> done)
{
    QPointer<RestPrimaGateway> self(this);
    sendAuthorized(
        readRequest(path, query), context,
        [self, done, parse, path](const HttpResponse &response) {
            const QDateTime now = self ? self->now() : QDateTime::currentDateTimeUtc();
            PrimaReadResult<T> result = mapReadResponse<T>(response, now, parse);
            if (!result.ok())
                qCWarning(lcPrima).noquote() << "GET" << path << "failed:" << result.error.summary();
            done(std::move(result));
        },
        [done](const PrimaError &error) {
            done(readFailure<T>(PrimaReadOutcome::Configuration, error));
        });
}

namespace {
/** Adds a query item percent-encoded, so that '+', '&' and '=' in values survive (QUrlQuery leaves them alone). */
void addItem(QUrlQuery &query, const char *key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(QString::fromLatin1(key), QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

QString timestampText(const QDateTime &timestamp)
{
    return PrimaJson::timestampToJson(timestamp).toString();
}
} // namespace

void RestPrimaGateway::findDocumentByExternalRef(const QString &externalRef, QObject *context,
                                                 ReadCallback<QList<PrimaDocumentResult>> done)
{
    QUrlQuery query;
    addItem(query, "externalRef", externalRef);
    read<QList<PrimaDocumentResult>>(QStringLiteral("/documents"), query, context, &PrimaJson::parseDocumentList,
                                     std::move(done));
}

void RestPrimaGateway::items(const QDateTime &updatedSince, const QString &cursor, int limit, QObject *context,
                             ReadCallback<PrimaPage<PrimaItem>> done)
{
    QUrlQuery query;
    addItem(query, "updatedSince", timestampText(updatedSince));
    addItem(query, "cursor", cursor);
    addItem(query, "limit", QString::number(clampedLimit(limit)));
    read<PrimaPage<PrimaItem>>(QStringLiteral("/items"), query, context, &PrimaJson::parseItemsPage, std::move(done));
}

void RestPrimaGateway::stock(const QString &location, const QDateTime &updatedSince, const QString &cursor, int limit,
                             QObject *context, ReadCallback<PrimaPage<PrimaStockLevel>> done)
{
    QUrlQuery query;
    addItem(query, "location", location);
    addItem(query, "updatedSince", timestampText(updatedSince));
    addItem(query, "cursor", cursor);
    addItem(query, "limit", QString::number(clampedLimit(limit)));
    read<PrimaPage<PrimaStockLevel>>(QStringLiteral("/stock"), query, context, &PrimaJson::parseStockPage,
                                     std::move(done));
}

void RestPrimaGateway::taxCodes(QObject *context, ReadCallback<QList<PrimaTaxCode>> done)
{
    read<QList<PrimaTaxCode>>(QStringLiteral("/tax-codes"), {}, context, &PrimaJson::parseTaxCodes, std::move(done));
}

void RestPrimaGateway::locations(QObject *context, ReadCallback<QList<PrimaLocation>> done)
{
    read<QList<PrimaLocation>>(QStringLiteral("/locations"), {}, context, &PrimaJson::parseLocations,
                               std::move(done));
}

void RestPrimaGateway::ledgerPostings(const PrimaLedgerQuery &filter, const QString &cursor, int limit,
                                      QObject *context, ReadCallback<PrimaPage<PrimaLedgerPosting>> done)
{
    QUrlQuery query;
    addItem(query, "from", PrimaJson::dateToJson(filter.from).toString());
    addItem(query, "to", PrimaJson::dateToJson(filter.to).toString());
    addItem(query, "location", filter.location);
    addItem(query, "account", filter.account);
    addItem(query, "cursor", cursor);
    addItem(query, "limit", QString::number(clampedLimit(limit)));
    read<PrimaPage<PrimaLedgerPosting>>(QStringLiteral("/ledger/postings"), query, context,
                                        &PrimaJson::parseLedgerPage, std::move(done));
}

void RestPrimaGateway::periods(QObject *context, ReadCallback<QList<PrimaPeriod>> done)
{
    read<QList<PrimaPeriod>>(QStringLiteral("/periods"), {}, context, &PrimaJson::parsePeriods, std::move(done));
}

void RestPrimaGateway::health(QObject *context, ReadCallback<PrimaHealth> done)
{
    read<PrimaHealth>(QStringLiteral("/health"), {}, context, &PrimaJson::parseHealth, std::move(done));
}

} // namespace Tillbridge::Core
