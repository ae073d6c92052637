// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/httpclient.h"

#include "core/logging.h"
#include "core/net/clock.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <cstring>

namespace Tillbridge::Core {

namespace {
QByteArray findHeader(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

/**
 * The body of a request that must not be sent twice. Qt re-sends a buffered request by itself when a connection
 * closes before any answer byte (it treats that as a stale keep-alive connection); for a POST that may already have
 * been committed, that is a silent duplicate. A sequential device that cannot rewind makes Qt give up instead
 * (ContentReSendError), which we report as an unknown outcome for the caller to settle by look-up.
 */
class SingleShotBody final : public QIODevice
{
public:
    SingleShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool atEnd() const override { return m_position >= m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
        std::memcpy(out, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

HttpResponse::Outcome outcomeOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return HttpResponse::Outcome::ConnectFailed;
    case QNetworkReply::SslHandshakeFailedError:
        return HttpResponse::Outcome::TlsFailed;
    case QNetworkReply::OperationCanceledError:
        return HttpResponse::Outcome::Cancelled;
    default:
        // Closed, reset or anything else once the request may have left: the server may have acted on it.
        return HttpResponse::Outcome::ConnectionLost;
    }
}
} // namespace

bool HttpRequest::isRetrySafe() const
{
    if (retrySafe)
        return *retrySafe;
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

struct HttpClient::Call
{
    HttpRequest request;
    QPointer<QObject> context;
    std::function<void(const HttpResponse &)> done;
    int attempts = 0;
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_clock(Clock::system())
    , m_random(QRandomGenerator::securelySeeded())
{
    // API calls never follow redirects: a redirected write could land somewhere it was not meant to.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient() = default;

void HttpClient::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

void HttpClient::send(const HttpRequest &request, QObject *context, std::function<void(const HttpResponse &)> done)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->context = context;
    call->done = std::move(done);
    attempt(std::move(call));
}

void HttpClient::attempt(std::shared_ptr<Call> call)
{
    ++call->attempts;
    QNetworkRequest request(call->request.url);
    for (const auto &[name, value] : call->request.headers)
        request.setRawHeader(name, value);
    if (call->request.url.scheme() == u"https") {
        // Verification stays on (the default); an internal CA is added to, never instead of, the checks.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_extraCas.isEmpty())
            tls.addCaCertificates(m_extraCas);
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply = nullptr;
    if (call->request.isRetrySafe()) {
        reply = m_network->sendCustomRequest(request, call->request.method, call->request.body);
    } else {
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, call->request.body.size());
        auto *body = new SingleShotBody(call->request.body, nullptr);
        reply = m_network->sendCustomRequest(request, call->request.method, body);
        body->setParent(reply);
    }
    auto timedOut = std::make_shared<bool>(false);
    auto tlsErrors = std::make_shared<QStringList>();
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(call->request.timeout);
    // Collected for the message only. The errors are never ignored: the handshake fails and the call with it.
    connect(reply, &QNetworkReply::sslErrors, this, [tlsErrors, tag = call->request.tag](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            tlsErrors->append(error.errorString());
        qCWarning(lcNet) << tag << "TLS verification failed:" << *tlsErrors;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, call, timedOut, tlsErrors] {
        reply->deleteLater();
        HttpResponse response;
        response.receivedAt = m_clock->now();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && !*timedOut) {
            response.outcome = HttpResponse::Outcome::Completed;
            response.status = status.toInt();
            for (const auto &pair : reply->rawHeaderPairs())
                response.headers.append({pair.first, pair.second});
            response.body = reply->readAll();
        } else if (*timedOut) {
            response.outcome = HttpResponse::Outcome::Timeout;
            response.errorString = tr("No answer within %1 seconds.").arg(call->request.timeout.count() / 1000.0);
        } else {
            response.outcome = outcomeOf(reply->error());
            response.errorString = tlsErrors->isEmpty()
                                       ? reply->errorString()
                                       : tr("The server's certificate is not trusted: %1")
                                             .arg(tlsErrors->join(QStringLiteral("; ")));
        }
        response.attempts = call->attempts;

        const auto delay = m_policy.retryDelay(call->request, response, call->attempts, m_clock->now(), m_random);
        if (delay) {
            qCInfo(lcNet) << call->request.tag << "attempt" << call->attempts << "got" << response.status
                          << int(response.outcome) << "- retrying in" << delay->count() << "ms";
            Q_EMIT retryScheduled(call->request.tag, call->attempts, delay->count(), response.status);
            m_clock->callAfter(*delay, this, [this, call] { attempt(call); });
            return;
        }
        finish(call, std::move(response));
    });
}

void HttpClient::finish(std::shared_ptr<Call> call, HttpResponse response)
{
    if (!response.isSuccess()) {
        qCDebug(lcNet) << call->request.tag << "ended after" << call->attempts << "attempt(s):" << response.status
                       << response.errorString;
    }
    if (call->context)
        call->done(response);
}

} // namespace Tillbridge::Core
