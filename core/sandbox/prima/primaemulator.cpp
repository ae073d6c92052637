// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primaemulator.h"

#include "core/prima/primajson.h"
#include "core/sandbox/prima/primahttpserver.h"
#include "core/sandbox/sandboxlogging.h"
#include "core/storage/dbtransaction.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace Tillbridge::Sandbox {

using namespace Tillbridge::Core;

/** An answer the emulator has decided on, before faults and correlation are applied. */
struct PrimaEmulator::Answer
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool committed = false;             ///< a document was committed by this request (after-commit faults apply)
    bool replayed = false;              ///< the stored answer of an idempotency key
    QString documentNo;
    std::optional<int> retryAfterSeconds; ///< also sent as Retry-After
    bool internalError = false;         ///< the ledger failed (not the document): a batch cannot answer truthfully
};

enum class PrimaEmulator::Endpoint {
    SalesOrders,
    CreditNotes,
    Batches,
    Documents,
    Items,
    Stock,
    TaxCodes,
    Locations,
    LedgerPostings,
    Periods,
    Health,
};

namespace {

using Header = QPair<QByteArray, QByteArray>;

const QString kBasePath = QStringLiteral("/prima/v1");
constexpr int kDefaultPageSize = 500;

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

PrimaError problemOf(int status, PrimaErrorCode code, const QString &title, const QString &detail)
{
    PrimaError error;
    error.httpStatus = status;
    error.code = code;
    error.codeText = primaErrorCodeString(code);
    error.title = title;
    error.detail = detail;
    return error;
}

QString textOf(const QUrlQuery &query, const char *key)
{
    return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

} // namespace

// Helpers that build answers; they need the private Answer type, so they are static members in all but name.
namespace {
template<typename AnswerT>
AnswerT problemAnswer(const PrimaError &error, std::optional<int> retryAfterSeconds = std::nullopt)
{
    AnswerT answer;
    answer.status = error.httpStatus;
    answer.body = PrimaJson::toBody(PrimaJson::problemToJson(error));
    answer.headers.append(Header("Content-Type", "application/problem+json"));
    if (retryAfterSeconds) {
        answer.retryAfterSeconds = retryAfterSeconds;
        answer.headers.append(Header("Retry-After", QByteArray::number(*retryAfterSeconds)));
    }
    return answer;
}

template<typename AnswerT>
AnswerT jsonAnswer(int status, const QByteArray &body)
{
    AnswerT answer;
    answer.status = status;
    answer.body = body;
    answer.headers.append(Header("Content-Type", "application/json"));
    return answer;
}
} // namespace

PrimaEmulator::PrimaEmulator(PrimaEmulatorConfig config, PrimaSandboxSeed seed, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_seedData(std::move(seed))
{
}

PrimaEmulator::~PrimaEmulator()
{
    stop();
}

Status PrimaEmulator::start()
{
    if (isRunning())
        return Status::success();
    auto schedule = PrimaFaultSchedule::parse(m_config.faultSpec);
    if (!schedule)
        return schedule.error();
    m_schedule = *schedule;
    m_seed = m_schedule.seedOverride().value_or(m_config.seed);
    // "rate=N/Ws": bursts of N, refilled at N per W.
    if (const auto limit = m_schedule.rateLimit()) {
        const double perSecond = double(limit->first) * 1000.0 / double(std::max<qint64>(1, limit->second.count()));
        m_rateLimiter = Core::TokenBucket(perSecond, limit->first);
    } else {
        m_rateLimiter = Core::TokenBucket();
    }
    m_uptime.start();
    if (auto status = m_ledger.open(m_config.databasePath); !status)
        return status;
    if (auto status = m_ledger.seedIfEmpty(m_seedData); !status) {
        m_ledger.close();
        return status;
    }
    m_sequence = m_ledger.lastSequence();

    m_server = std::make_unique<PrimaHttpServer>(
        [this](const PrimaHttpRequest &request, QTcpSocket *socket) { handle(request, socket); });
    // Loopback only: the sandbox must never be reachable from another machine.
    m_port = m_server->listen(QHostAddress::LocalHost, m_config.port);
    if (m_port == 0) {
        m_server.reset();
        m_ledger.close();
        return Error{ErrorCode::Io, tr("The sandbox Prima could not listen on 127.0.0.1 port %1.").arg(m_config.port)};
    }
    qCInfo(lcSandboxPrima).noquote() << "listening on" << url().toString() << "mode"
                                     << primaIdempotencyModeName(m_config.idempotencyMode) << "seed" << m_seed
                                     << "faults" << (m_config.faultSpec.isEmpty() ? QStringLiteral("none")
                                                                                   : m_config.faultSpec);
    return Status::success();
}

void PrimaEmulator::stop()
{
    m_server.reset();
    m_ledger.close();
    m_port = 0;
}

bool PrimaEmulator::isRunning() const
{
    return m_server != nullptr;
}

QUrl PrimaEmulator::url() const
{
    if (!isRunning())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(kBasePath);
    return url;
}

QList<PrimaRequestLogEntry> PrimaEmulator::requestLog() const
{
    return m_ledger.isOpen() ? m_ledger.requestLog() : QList<PrimaRequestLogEntry>();
}

Result<qint64> PrimaEmulator::setAvailableToSell(const QString &sku, const QString &location, qint64 availableToSell)
{
    if (!m_ledger.isOpen())
        return Error{ErrorCode::InvalidInput, tr("The Prima sandbox is not running.")};
    return m_ledger.setAvailableToSell(sku, location, availableToSell, QDateTime::currentDateTimeUtc());
}

QList<StockLevel> PrimaEmulator::stockHistory() const
{
    return m_ledger.isOpen() ? m_ledger.stockHistory() : QList<StockLevel>();
}

QList<PrimaLedgerDocument> PrimaEmulator::documents() const
{
    return m_ledger.isOpen() ? m_ledger.documents() : QList<PrimaLedgerDocument>();
}

QJsonObject PrimaEmulator::ledgerSnapshot() const
{
    QJsonArray documents;
    for (const PrimaLedgerDocument &document : this->documents()) {
        documents.append(QJsonObject{
            {QStringLiteral("documentNo"), document.documentNo},
            {QStringLiteral("type"), document.type},
            {QStringLiteral("externalRef"), document.externalRef},
            {QStringLiteral("idempotencyKey"), document.idempotencyKey},
            {QStringLiteral("correlationId"), document.correlationId},
            {QStringLiteral("location"), document.location},
            {QStringLiteral("postingDate"), PrimaJson::dateToJson(document.postingDate)},
            {QStringLiteral("currency"), document.gross.currency().code()},
            {QStringLiteral("net"), document.net.toWireString()},
            {QStringLiteral("tax"), document.tax.toWireString()},
            {QStringLiteral("gross"), document.gross.toWireString()},
            {QStringLiteral("rounding"), document.rounding.toWireString()},
            {QStringLiteral("taxAdjustment"), document.taxAdjustment.toWireString()},
            {QStringLiteral("bodySha256"), document.bodySha256},
            {QStringLiteral("createdAt"), PrimaJson::timestampToJson(document.createdAt)},
        });
    }
    QJsonArray requests;
    for (const PrimaRequestLogEntry &entry : requestLog()) {
        requests.append(QJsonObject{
            {QStringLiteral("sequence"), static_cast<double>(entry.sequence)},
            {QStringLiteral("operationIndex"), entry.operationIndex},
            {QStringLiteral("receivedAt"), PrimaJson::timestampToJson(entry.receivedAt)},
            {QStringLiteral("method"), entry.method},
            {QStringLiteral("path"), entry.path},
            {QStringLiteral("idempotencyKey"), entry.idempotencyKey},
            {QStringLiteral("externalRef"), entry.externalRef},
            {QStringLiteral("correlationId"), entry.correlationId},
            {QStringLiteral("fault"), entry.fault},
            {QStringLiteral("status"), entry.status},
            {QStringLiteral("documentNo"), entry.documentNo},
        });
    }
    return QJsonObject{
        {QStringLiteral("mode"), primaIdempotencyModeName(m_config.idempotencyMode)},
        // As text: a 64-bit seed does not survive a JSON number.
        {QStringLiteral("seed"), QString::number(m_seed)},
        {QStringLiteral("faults"), m_config.faultSpec},
        {QStringLiteral("documents"), documents},
        {QStringLiteral("requests"), requests},
    };
}

// ---- request handling ------------------------------------------------------------------------------------------

void PrimaEmulator::handle(const PrimaHttpRequest &request, QTcpSocket *socket)
{
    if (request.path.startsWith(u"/__sandbox/")) {
        serveControl(request, socket);
        return;
    }
    struct Route
    {
        const char *path;
        const char *method;
        Endpoint endpoint;
    };
    static constexpr Route kRoutes[] = {
        {"/sales-orders", "POST", Endpoint::SalesOrders},   {"/credit-notes", "POST", Endpoint::CreditNotes},
        {"/batches", "POST", Endpoint::Batches},            {"/documents", "GET", Endpoint::Documents},
        {"/items", "GET", Endpoint::Items},                 {"/stock", "GET", Endpoint::Stock},
        {"/tax-codes", "GET", Endpoint::TaxCodes},          {"/locations", "GET", Endpoint::Locations},
        {"/ledger/postings", "GET", Endpoint::LedgerPostings}, {"/periods", "GET", Endpoint::Periods},
        {"/health", "GET", Endpoint::Health},
    };
    const QString route = request.path.startsWith(kBasePath + u'/') ? request.path.mid(kBasePath.size()) : QString();
    const Route *match = nullptr;
    for (const Route &candidate : kRoutes) {
        if (route == QLatin1StringView(candidate.path)) {
            match = &candidate;
            break;
        }
    }
    if (!match || request.method != match->method) {
        // Not part of the contract: answered, but not counted, so that it cannot shift the fault schedule.
        const int status = match ? 405 : 404;
        const Answer answer = problemAnswer<Answer>(
            problemOf(status, PrimaErrorCode::Other, match ? tr("Method not allowed") : tr("Not found"),
                      tr("%1 %2 is not part of the Prima gateway contract.")
                          .arg(QString::fromLatin1(request.method), request.path)));
        PrimaHttpServer::writeResponse(socket, answer.status, answer.headers, answer.body);
        return;
    }

    const Endpoint endpoint = match->endpoint;
    const qint64 sequence = ++m_sequence;
    const bool isWrite = request.method == "POST";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Q_EMIT requestReceived(sequence, QString::fromLatin1(request.method), request.path);

    PrimaFaultDecision decision = m_schedule.decide(m_seed, sequence, isWrite);
    if (decision.origin != u"window" && decision.origin != u"at") {
        if (!m_rateLimiter.tryTake(m_uptime.elapsed())) {
            decision = PrimaFaultDecision{};
            decision.fault = PrimaFault::TokenBucket;
            decision.retryAfterSeconds = m_rateLimiter.secondsUntilToken(m_uptime.elapsed());
        }
    }

    qCDebug(lcSandboxPrima).noquote() << "request" << sequence << request.method << request.path << "fault"
                                      << decision.label();

    const QByteArray correlation = request.header("X-Correlation-Id");
    PrimaRequestLogEntry entry;
    entry.sequence = sequence;
    entry.receivedAt = now;
    entry.method = QString::fromLatin1(request.method);
    entry.path = request.path;
    entry.idempotencyKey = QString::fromUtf8(request.header("Idempotency-Key"));
    entry.correlationId = QString::fromUtf8(correlation);
    if (endpoint == Endpoint::SalesOrders || endpoint == Endpoint::CreditNotes)
        entry.externalRef = QJsonDocument::fromJson(request.body).object().value(u"externalRef").toString();
    entry.fault = decision.label();
    if (auto status = m_ledger.logRequest(entry); !status)
        qCWarning(lcSandboxPrima) << "request" << sequence << "not logged:" << status.errorString();

    QPointer<QTcpSocket> peer(socket);
    if (!m_seedData.token.isEmpty()
        && request.header("Authorization") != QByteArray("Bearer ") + m_seedData.token.toUtf8()) {
        Answer answer = problemAnswer<Answer>(problemOf(401, PrimaErrorCode::Other, tr("Unauthorized"),
                                                        tr("A valid bearer token is required.")));
        answer.headers.append(Header("WWW-Authenticate", "Bearer"));
        PrimaFaultDecision none;
        none.origin = QStringLiteral("unauthorized");
        finish(sequence, peer, answer, none, correlation);
        return;
    }

    const int retryAfter = decision.retryAfterSeconds.value_or(m_config.retryAfterSeconds);
    switch (decision.fault) {
    case PrimaFault::Unavailable:
        finish(sequence, peer,
               problemAnswer<Answer>(problemOf(503, PrimaErrorCode::Unavailable, tr("Unavailable"),
                                               tr("Prima is in maintenance; try again later.")),
                                     retryAfter),
               decision, correlation);
        return;
    case PrimaFault::RateLimited:
    case PrimaFault::TokenBucket:
        finish(sequence, peer,
               problemAnswer<Answer>(problemOf(429, PrimaErrorCode::RateLimited, tr("Too many requests"),
                                               tr("The request rate limit was exceeded.")),
                                     retryAfter),
               decision, correlation);
        return;
    case PrimaFault::RateLimitedDate: {
        Answer answer = problemAnswer<Answer>(problemOf(429, PrimaErrorCode::RateLimited, tr("Too many requests"),
                                                        tr("The request rate limit was exceeded.")));
        answer.headers.append(Header("Retry-After", PrimaJson::httpDate(now.addSecs(retryAfter))));
        finish(sequence, peer, answer, decision, correlation);
        return;
    }
    case PrimaFault::RateLimitedBare:
        finish(sequence, peer,
               problemAnswer<Answer>(problemOf(429, PrimaErrorCode::RateLimited, tr("Too many requests"),
                                               tr("The request rate limit was exceeded."))),
               decision, correlation);
        return;
    case PrimaFault::ServerErrorBefore: {
        const PrimaError error = problemOf(500, PrimaErrorCode::Other, tr("Internal server error"),
                                           tr("Prima failed before it processed the request."));
        const QString key = entry.idempotencyKey;
        if (m_config.replayServerErrors && m_config.idempotencyMode == PrimaIdempotencyMode::Keys && isWrite
            && endpoint != Endpoint::Batches && !key.isEmpty() && !m_ledger.findKey(key)) {
            // Stripe API v1 semantics: the failure is stored under the key and replayed to every retry.
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            (void)m_ledger.storeKeyAnswer(key, sha256(PrimaJson::toBody(body)), 500,
                                          PrimaJson::toBody(PrimaJson::problemToJson(error)), now);
        }
        finish(sequence, peer, problemAnswer<Answer>(error), decision, correlation);
        return;
    }
    default:
        break;
    }

    switch (endpoint) {
    case Endpoint::SalesOrders:
    case Endpoint::CreditNotes:
        serveWrite(sequence, endpoint, request, peer, decision);
        return;
    case Endpoint::Batches:
        serveBatch(sequence, request, peer, decision);
        return;
    default:
        break;
    }
    if (decision.fault == PrimaFault::Slow) {
        QTimer::singleShot(decision.delay.value_or(m_config.slowDelay), this,
                           [this, sequence, endpoint, request, peer, decision]() {
                               if (isRunning())
                                   serveRead(sequence, endpoint, request, peer, decision);
                           });
        return;
    }
    serveRead(sequence, endpoint, request, peer, decision);
}

void PrimaEmulator::serveControl(const PrimaHttpRequest &request, QTcpSocket *socket)
{
    Answer answer;
    if (request.path == u"/__sandbox/ledger" && request.method == "GET") {
        answer = jsonAnswer<Answer>(200, PrimaJson::toBody(ledgerSnapshot()));
    } else if (request.path == u"/__sandbox/stock" && request.method == "POST") {
        const QJsonArray levels = QJsonDocument::fromJson(request.body).object().value(u"levels").toArray();
        QJsonArray set;
        QString problem;
        for (const QJsonValue &value : levels) {
            const QJsonObject level = value.toObject();
            const QString sku = level.value(u"sku").toString();
            const QString location = level.value(u"location").toString();
            const QJsonValue ats = level.value(u"availableToSell");
            if (sku.isEmpty() || location.isEmpty() || !ats.isDouble()) {
                problem = tr("Each level needs sku, location and an integer availableToSell.");
                break;
            }
            auto version = setAvailableToSell(sku, location, ats.toInteger());
            if (!version) {
                problem = version.errorString();
                break;
            }
            set.append(QJsonObject{{QStringLiteral("sku"), sku},
                                   {QStringLiteral("location"), location},
                                   {QStringLiteral("availableToSell"), ats.toInteger()},
                                   {QStringLiteral("version"), *version}});
        }
        answer = problem.isEmpty()
                     ? jsonAnswer<Answer>(200, PrimaJson::toBody(QJsonObject{{QStringLiteral("levels"), set}}))
                     : problemAnswer<Answer>(
                           problemOf(400, PrimaErrorCode::ValidationFailed, tr("Invalid stock change"), problem));
    } else if (request.path == u"/__sandbox/stock-history" && request.method == "GET") {
        QJsonArray history;
        for (const StockLevel &level : stockHistory()) {
            history.append(QJsonObject{{QStringLiteral("sku"), level.sku},
                                       {QStringLiteral("location"), level.location},
                                       {QStringLiteral("version"), level.version},
                                       {QStringLiteral("availableToSell"), level.availableToSell},
                                       {QStringLiteral("asOf"), level.observedAt.toString(Qt::ISODateWithMs)}});
        }
        answer = jsonAnswer<Answer>(200, PrimaJson::toBody(QJsonObject{{QStringLiteral("history"), history}}));
    } else {
        answer = problemAnswer<Answer>(problemOf(404, PrimaErrorCode::Other, tr("Not found"),
                                                 tr("The sandbox control endpoint is GET /__sandbox/ledger.")));
    }
    PrimaHttpServer::writeResponse(socket, answer.status, answer.headers, answer.body);
}

void PrimaEmulator::serveRead(qint64 sequence, Endpoint endpoint, const PrimaHttpRequest &request,
                              QPointer<QTcpSocket> socket, const PrimaFaultDecision &decision)
{
    const QByteArray correlation = request.header("X-Correlation-Id");
    const auto invalid = [](const QString &detail) {
        return problemAnswer<Answer>(
            problemOf(400, PrimaErrorCode::ValidationFailed, tr("Invalid query"), detail));
    };
    const auto pageToJson = [](const auto &page, auto toJson) {
        QJsonArray items;
        for (const auto &item : page.items)
            items.append(toJson(item));
        return PrimaJson::toBody(QJsonObject{
            {QStringLiteral("items"), items},
            {QStringLiteral("nextCursor"),
             page.nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.nextCursor)},
        });
    };
    const auto listToJson = [](const auto &list, auto toJson) {
        QJsonArray array;
        for (const auto &item : list)
            array.append(toJson(item));
        return PrimaJson::toBody(array);
    };

    // 0 marks a limit that is not a positive whole number (a plain int: GCC's -O2 flow analysis misreads an
    // optional assigned in a branch as maybe-uninitialised).
    int pageLimit = std::min(kDefaultPageSize, m_config.maxPageSize);
    if (const QString limitText = textOf(request.query, "limit"); !limitText.isEmpty()) {
        bool ok = false;
        const int asked = limitText.toInt(&ok);
        pageLimit = ok && asked > 0 ? std::min(asked, m_config.maxPageSize) : 0;
    }
    QDateTime updatedSince;
    bool sinceValid = true;
    if (const QString since = textOf(request.query, "updatedSince"); !since.isEmpty()) {
        auto parsed = PrimaJson::timestampFromJson(QJsonValue(since));
        sinceValid = parsed.ok();
        updatedSince = parsed.valueOr({});
    }
    const QString cursor = textOf(request.query, "cursor");

    Answer answer;
    switch (endpoint) {
    case Endpoint::Documents: {
        const QString externalRef = textOf(request.query, "externalRef");
        if (externalRef.isEmpty()) {
            answer = invalid(tr("The query parameter externalRef is required."));
            break;
        }
        QJsonArray items;
        for (const PrimaDocumentResult &document : m_ledger.documentsByExternalRef(externalRef))
            items.append(PrimaJson::documentResultToJson(document));
        answer = jsonAnswer<Answer>(200, PrimaJson::toBody(QJsonObject{{QStringLiteral("items"), items}}));
        break;
    }
    case Endpoint::Items:
    case Endpoint::Stock:
    case Endpoint::LedgerPostings: {
        if (pageLimit <= 0) {
            answer = invalid(tr("limit must be a positive whole number."));
            break;
        }
        if (!sinceValid) {
            answer = invalid(tr("updatedSince must be an RFC 3339 timestamp."));
            break;
        }
        if (endpoint == Endpoint::Items) {
            auto page = m_ledger.items(updatedSince, cursor, pageLimit);
            answer = page ? jsonAnswer<Answer>(200, pageToJson(*page, &PrimaJson::itemToJson))
                          : invalid(page.errorString());
        } else if (endpoint == Endpoint::Stock) {
            auto page = m_ledger.stock(textOf(request.query, "location"), updatedSince, cursor, pageLimit);
            answer = page ? jsonAnswer<Answer>(200, pageToJson(*page, &PrimaJson::stockLevelToJson))
                          : invalid(page.errorString());
        } else {
            PrimaLedgerQuery query;
            auto from = PrimaJson::dateFromJson(QJsonValue(textOf(request.query, "from")));
            auto to = PrimaJson::dateFromJson(QJsonValue(textOf(request.query, "to")));
            const bool fromGiven = !textOf(request.query, "from").isEmpty();
            const bool toGiven = !textOf(request.query, "to").isEmpty();
            if ((fromGiven && !from) || (toGiven && !to)) {
                answer = invalid(tr("from and to must be dates (YYYY-MM-DD)."));
                break;
            }
            query.from = fromGiven ? *from : QDate();
            query.to = toGiven ? *to : QDate();
            query.location = textOf(request.query, "location");
            query.account = textOf(request.query, "account");
            auto page = m_ledger.postings(query, cursor, pageLimit);
            answer = page ? jsonAnswer<Answer>(200, pageToJson(*page, &PrimaJson::ledgerPostingToJson))
                          : invalid(page.errorString());
        }
        break;
    }
    case Endpoint::TaxCodes:
        answer = jsonAnswer<Answer>(200, listToJson(m_ledger.taxCodes(), &PrimaJson::taxCodeToJson));
        break;
    case Endpoint::Locations:
        answer = jsonAnswer<Answer>(200, listToJson(m_ledger.locations(), &PrimaJson::locationToJson));
        break;
    case Endpoint::Periods:
        answer = jsonAnswer<Answer>(200, listToJson(m_ledger.periods(), &PrimaJson::periodToJson));
        break;
    case Endpoint::Health:
        answer = jsonAnswer<Answer>(
            200, PrimaJson::toBody(PrimaJson::healthToJson(
                     PrimaHealth{QStringLiteral("ok"), m_config.version, QDateTime::currentDateTimeUtc()})));
        break;
    default:
        answer = invalid(tr("Not a read."));
        break;
    }
    finish(sequence, socket, answer, decision, correlation);
}

bool PrimaEmulator::admit(const QString &key, const QByteArray &bodySha256, bool &claimed, Answer &answer)
{
    claimed = false;
    if (m_config.idempotencyMode != PrimaIdempotencyMode::Keys || key.isEmpty())
        return false;
    if (const auto record = m_ledger.findKey(key)) {
        if (record->inProgress) {
            answer = problemAnswer<Answer>(
                problemOf(409, PrimaErrorCode::IdempotencyInProgress, tr("Request in progress"),
                          tr("A request with this idempotency key is still being processed.")),
                m_config.retryAfterSeconds);
            return true;
        }
        if (record->requestSha256 != bodySha256) {
            answer = problemAnswer<Answer>(
                problemOf(422, PrimaErrorCode::IdempotencyKeyReused, tr("Idempotency key reused"),
                          tr("This idempotency key was used with a different request body.")));
            return true;
        }
        answer = record->status >= 400 ? problemAnswer<Answer>(PrimaJson::parseProblem(record->status, record->body))
                                       : jsonAnswer<Answer>(record->status, record->body);
        answer.status = record->status;
        answer.body = record->body;
        answer.headers.append(Header("Idempotency-Replayed", "true"));
        answer.replayed = true;
        answer.documentNo = record->documentNo;
        return true;
    }
    if (!m_ledger.claimKey(key, bodySha256, QDateTime::currentDateTimeUtc())) {
        answer = problemAnswer<Answer>(problemOf(409, PrimaErrorCode::IdempotencyInProgress,
                                                 tr("Request in progress"),
                                                 tr("A request with this idempotency key is still being processed.")),
                                       m_config.retryAfterSeconds);
        return true;
    }
    claimed = true;
    return false;
}

void PrimaEmulator::commitDocument(PrimaDocumentKind kind, const QJsonObject &body, const QByteArray &bodySha256,
                                   const QString &key, bool claimed, const QString &correlationId, Answer &answer)
{
    const auto fail = [&](Answer failure) {
        // Nothing was committed: a retry with the same key must be processed afresh, not replayed.
        if (claimed)
            m_ledger.releaseKey(key);
        answer = std::move(failure);
    };
    auto document = PrimaIncomingDocument::fromJson(body, kind);
    if (!document) {
        fail(problemAnswer<Answer>(
            problemOf(422, PrimaErrorCode::ValidationFailed, tr("Invalid document"), document.errorString())));
        return;
    }
    PrimaError problem;
    auto adjustment = m_ledger.validate(*document, m_config.taxToleranceMinorUnits, &problem);
    if (!adjustment) {
        fail(problem.httpStatus > 0 ? problemAnswer<Answer>(problem)
                                    : problemAnswer<Answer>(problemOf(500, PrimaErrorCode::Other,
                                                                      tr("Internal server error"),
                                                                      adjustment.errorString())));
        return;
    }
    if (m_config.idempotencyMode != PrimaIdempotencyMode::None) {
        const QList<PrimaDocumentResult> existing = m_ledger.documentsByExternalRef(document->externalRef);
        if (!existing.isEmpty()) {
            PrimaError duplicate = problemOf(409, PrimaErrorCode::DuplicateExternalRef, tr("Duplicate external reference"),
                                             tr("Prima already holds %1 for %2.")
                                                 .arg(existing.constFirst().documentNo, document->externalRef));
            duplicate.existingDocumentNo = existing.constFirst().documentNo;
            fail(problemAnswer<Answer>(duplicate));
            return;
        }
    }
    auto posted = m_ledger.post(*document, PrimaJson::toBody(body), bodySha256, key, claimed, correlationId,
                                *adjustment, QDateTime::currentDateTimeUtc());
    if (!posted) {
        fail(problemAnswer<Answer>(
            problemOf(500, PrimaErrorCode::Other, tr("Internal server error"), posted.errorString())));
        answer.internalError = true;
        return;
    }
    answer = jsonAnswer<Answer>(201, PrimaJson::toBody(PrimaJson::documentResultToJson(*posted)));
    answer.committed = true;
    answer.documentNo = posted->documentNo;
    qCInfo(lcSandboxPrima).noquote() << "posted" << posted->documentNo << posted->externalRef;
}

void PrimaEmulator::serveWrite(qint64 sequence, Endpoint endpoint, const PrimaHttpRequest &request,
                               QPointer<QTcpSocket> socket, const PrimaFaultDecision &decision)
{
    const QByteArray correlation = request.header("X-Correlation-Id");
    const QJsonDocument json = QJsonDocument::fromJson(request.body);
    if (!json.isObject()) {
        finish(sequence, socket,
               problemAnswer<Answer>(problemOf(400, PrimaErrorCode::ValidationFailed, tr("Invalid JSON"),
                                               tr("The request body must be a JSON object."))),
               decision, correlation);
        return;
    }
    const QJsonObject body = json.object();
    // The key is compared with a hash of the canonical body, so that white space or member order does not count.
    const QByteArray bodySha256 = sha256(PrimaJson::toBody(body));
    const QString key = QString::fromUtf8(request.header("Idempotency-Key"));
    const PrimaDocumentKind kind =
        endpoint == Endpoint::SalesOrders ? PrimaDocumentKind::SalesOrder : PrimaDocumentKind::CreditNote;

    Answer early;
    bool claimed = false;
    if (admit(key, bodySha256, claimed, early)) {
        finish(sequence, socket, early, decision, correlation);
        return;
    }
    const auto proceed = [this, sequence, socket, decision, correlation, body, bodySha256, key, kind, claimed]() {
        if (!isRunning())
            return;
        Answer answer;
        commitDocument(kind, body, bodySha256, key, claimed, QString::fromUtf8(correlation), answer);
        finish(sequence, socket, answer, decision, correlation);
    };
    if (decision.fault == PrimaFault::Slow) {
        // The key stays claimed meanwhile: a same-key retry now gets 409 IDEMPOTENCY_IN_PROGRESS.
        QTimer::singleShot(decision.delay.value_or(m_config.slowDelay), this, proceed);
        return;
    }
    proceed();
}

void PrimaEmulator::serveBatch(qint64 sequence, const PrimaHttpRequest &request, QPointer<QTcpSocket> socket,
                               const PrimaFaultDecision &decision)
{
    const QByteArray correlation = request.header("X-Correlation-Id");
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonValue operations = body.value(u"operations");
    const QString mode = body.value(u"mode").toString(QStringLiteral("independent"));
    QString problem;
    if (mode != u"independent")
        problem = tr("Only batches in mode “independent” are supported.");
    else if (!operations.isArray() || operations.toArray().isEmpty() || operations.toArray().size() > 100)
        problem = tr("A batch needs between 1 and 100 operations.");
    if (!problem.isEmpty()) {
        finish(sequence, socket,
               problemAnswer<Answer>(problemOf(422, PrimaErrorCode::ValidationFailed, tr("Invalid batch"), problem)),
               decision, correlation);
        return;
    }

    const auto proceed = [this, sequence, socket, decision, correlation, operations = operations.toArray()]() {
        if (!isRunning())
            return;
        // Like a real ERP gateway, the whole batch commits in one transaction (one fsync, not one per document):
        // the ledger's own transactions join it. It commits before any answer leaves, so the after-commit faults
        // (500, hang, reset) still follow a commit; a crash before it leaves nothing of the batch.
        m_ledger.releaseStatements();
        DbTransaction batch(m_ledger.database());
        if (!batch.isActive()) {
            finish(sequence, socket,
                   problemAnswer<Answer>(problemOf(503, PrimaErrorCode::Other, tr("Service unavailable"),
                                                   batch.beginStatus().errorString()),
                                         m_config.retryAfterSeconds),
                   decision, correlation);
            return;
        }
        QList<PrimaJson::BatchEntry> entries;
        bool committed = false;
        bool ledgerFailed = false;
        for (qsizetype i = 0; i < operations.size() && !ledgerFailed; ++i) {
            const QJsonObject operation = operations.at(i).toObject();
            const QString path = operation.value(u"path").toString();
            const QString method = operation.value(u"method").toString(QStringLiteral("POST"));
            const QString key = operation.value(u"idempotencyKey").toString();
            const QJsonObject documentBody = operation.value(u"body").toObject();

            PrimaRequestLogEntry entry;
            entry.sequence = sequence;
            entry.operationIndex = int(i);
            entry.receivedAt = QDateTime::currentDateTimeUtc();
            entry.method = method;
            entry.path = kBasePath + path;
            entry.idempotencyKey = key;
            entry.externalRef = documentBody.value(u"externalRef").toString();
            entry.correlationId = QString::fromUtf8(correlation);
            entry.fault = primaFaultName(PrimaFault::None);
            (void)m_ledger.logRequest(entry);

            Answer answer;
            if (method != u"POST" || (path != u"/sales-orders" && path != u"/credit-notes")) {
                answer = problemAnswer<Answer>(problemOf(404, PrimaErrorCode::Other, tr("Not found"),
                                                         tr("A batch operation must be POST /sales-orders or POST "
                                                            "/credit-notes.")));
            } else {
                const PrimaDocumentKind kind =
                    path == u"/sales-orders" ? PrimaDocumentKind::SalesOrder : PrimaDocumentKind::CreditNote;
                const QByteArray bodySha256 = sha256(PrimaJson::toBody(documentBody));
                bool claimed = false;
                if (!admit(key, bodySha256, claimed, answer))
                    commitDocument(kind, documentBody, bodySha256, key, claimed, entry.correlationId, answer);
            }
            if (answer.internalError) {
                ledgerFailed = true; // a failed write rolled the batch's transaction back: nothing of it is kept
                break;
            }
            (void)m_ledger.finishRequest(sequence, int(i), answer.status, answer.documentNo, entry.fault);
            committed = committed || answer.committed;
            PrimaJson::BatchEntry result;
            result.status = answer.status;
            result.replayed = answer.replayed;
            if (answer.retryAfterSeconds)
                result.retryAfter = std::chrono::seconds(*answer.retryAfterSeconds);
            result.body = answer.body;
            entries.append(result);
        }
        Status saved = ledgerFailed ? Status(Error{ErrorCode::Database, tr("A document could not be saved.")})
                                    : batch.commit();
        if (!saved) {
            batch.rollback();
            finish(sequence, socket,
                   problemAnswer<Answer>(problemOf(500, PrimaErrorCode::Other, tr("Internal server error"),
                                                   saved.errorString())),
                   decision, correlation);
            return;
        }
        Answer answer = jsonAnswer<Answer>(200, PrimaJson::toBody(PrimaJson::batchResultsToJson(entries)));
        answer.committed = committed;
        finish(sequence, socket, answer, decision, correlation);
    };
    if (decision.fault == PrimaFault::Slow) {
        QTimer::singleShot(decision.delay.value_or(m_config.slowDelay), this, proceed);
        return;
    }
    proceed();
}

void PrimaEmulator::finish(qint64 sequence, QPointer<QTcpSocket> socket, const Answer &answer,
                           const PrimaFaultDecision &decision, const QByteArray &correlationId)
{
    Answer sent = answer;
    QString fault = decision.origin == u"unauthorized" ? decision.origin : decision.label();
    if (decision.isAfterCommit()) {
        if (!answer.committed) {
            // Nothing was committed (a replay, a rejection): the fault has nothing to follow. Logged as such.
            fault += QStringLiteral(":not-applied");
        } else if (decision.fault == PrimaFault::ServerErrorAfter) {
            sent = problemAnswer<Answer>(problemOf(500, PrimaErrorCode::Other, tr("Internal server error"),
                                                   tr("Prima failed while answering.")));
        } else if (decision.fault == PrimaFault::ResetAfterCommit) {
            (void)m_ledger.finishRequest(sequence, -1, 0, answer.documentNo, fault);
            Q_EMIT requestFinished(sequence, 0, fault);
            qCInfo(lcSandboxPrima) << "request" << sequence << "committed, connection reset";
            PrimaHttpServer::resetConnection(socket);
            return;
        }
    }
    if (!correlationId.isEmpty())
        sent.headers.append(Header("X-Correlation-Id", correlationId));
    (void)m_ledger.finishRequest(sequence, -1, sent.status, answer.documentNo, fault);
    Q_EMIT requestFinished(sequence, sent.status, fault);
    if (decision.fault == PrimaFault::HangAfterCommit && answer.committed) {
        const auto delay = decision.delay.value_or(m_config.hangDelay);
        qCInfo(lcSandboxPrima) << "request" << sequence << "committed, answer held back for" << delay.count() << "ms";
        QTimer::singleShot(delay, this, [socket, sent]() {
            PrimaHttpServer::writeResponse(socket, sent.status, sent.headers, sent.body);
        });
        return;
    }
    PrimaHttpServer::writeResponse(socket, sent.status, sent.headers, sent.body);
}

} // namespace Tillbridge::Sandbox
