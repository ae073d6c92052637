// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/retrypolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

class QNetworkAccessManager;

namespace Tillbridge::Core {

class Clock;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;             ///< e.g. Authorization, Content-Type, Idempotency-Key
    QByteArray body;
    std::chrono::milliseconds timeout{30000}; ///< per attempt; expiry after sending is an *unknown* outcome
    /**
     * May this request be sent again when the outcome is unclear (timeout, reset, 500)? Defaults to yes for
     * GET/HEAD/PUT/DELETE and no for POST. A caller that can settle unclear outcomes itself (the Prima outbox)
     * leaves it off and decides.
     */
    std::optional<bool> retrySafe;
    QString tag;                     ///< for logs: "sitoo GET /orders.json" (never a secret or a full URL query)

    bool isRetrySafe() const;
    QByteArray header(const QByteArray &name) const;
};

struct HttpResponse
{
    enum class Outcome {
        Completed,      ///< an HTTP status arrived (any status)
        ConnectFailed,  ///< nothing was sent: refused, unreachable, DNS
        Timeout,        ///< no complete answer in time after sending: the server may have processed it
        ConnectionLost, ///< reset or closed after sending: the server may have processed it
        TlsFailed,      ///< certificate not trusted, wrong host, expired: never retried, always shown
        Cancelled,
    };

    Outcome outcome = Outcome::Completed;
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QString errorString; ///< what went wrong, for logs and people (no secrets)
    int attempts = 0;    ///< how many times the request was sent
    QDateTime receivedAt;

    QByteArray header(const QByteArray &name) const; ///< case-insensitive; empty when absent
    bool isSuccess() const { return outcome == Outcome::Completed && status >= 200 && status < 300; }
    /** True when the server may or may not have acted on the request (the caller must look it up). */
    bool isUnknownOutcome() const { return outcome == Outcome::Timeout || outcome == Outcome::ConnectionLost; }
};

/**
 * Sends HTTP requests with a per-attempt timeout, the RetryPolicy, and TLS that is always verified (optionally
 * trusting extra CA certificates, never ignoring errors). Lives in, and must be used from, the thread that creates
 * it (its QNetworkAccessManager is its child).
 */
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    /** Not owned; defaults to Clock::system(). */
    void setClock(Clock *clock);
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    /** Trusts these CA certificates in addition to the system's (a customer's internal CA). */
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }

    /**
     * Sends `request`, retrying as the policy allows, and calls `done` once with the final response on this
     * object's thread — unless `context` is destroyed first.
     */
    void send(const HttpRequest &request, QObject *context, std::function<void(const HttpResponse &)> done);

Q_SIGNALS:
    /** A retry was scheduled: after attempt `attempt` ended with `status` (0 without one), wait `delayMs`. */
    void retryScheduled(const QString &tag, int attempt, qint64 delayMs, int status);

private:
    struct Call;
    void attempt(std::shared_ptr<Call> call);
    void finish(std::shared_ptr<Call> call, HttpResponse response);

    QNetworkAccessManager *m_network;
    RetryPolicy m_policy;
    Clock *m_clock;
    QRandomGenerator m_random;
    QList<QSslCertificate> m_extraCas;
};

} // namespace Tillbridge::Core
