// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP transport against a scripted loopback server: retries as the policy says (in virtual time), unknown
// outcomes for writes, connection failures, and callbacks that never outlive their context.
#include "core/net/clock.h"
#include "core/net/httpclient.h"

#include "tests/testutils/scriptedhttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::ScriptedHttpServer;
using Step = ScriptedHttpServer::Step;
using std::chrono::milliseconds;

namespace {
/** Sends one request and returns its final response, advancing the manual clock whenever a retry waits. */
std::optional<HttpResponse> run(HttpClient &client, ManualClock &clock, const HttpRequest &request)
{
    std::optional<HttpResponse> result;
    QObject context;
    client.send(request, &context, [&result](const HttpResponse &response) { result = response; });
    QDeadlineTimer deadline(20000);
    while (!result && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (clock.pendingCount() > 0)
            clock.advance(milliseconds(200000));
    }
    return result;
}
} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendsHeadersAndBody();
    void retriesRetryAfterThenSucceeds();
    void writeThatMayHaveCommittedIsNotResent();
    void timeoutIsAnUnknownOutcomeForAWrite();
    void resetReadIsRetried();
    void resetWriteIsNeverResentSilently();
    void clientErrorIsNotRetried();
    void connectionRefusedIsRetriedUpToTheBudget();
    void callbackNeverOutlivesItsContext();

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<HttpClient> m_client;
};

void tst_HttpClient::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>();
    m_client = std::make_unique<HttpClient>();
    m_client->setClock(m_clock.get());
    m_client->setRandomSeed(11);
}

void tst_HttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_clock.reset();
}

void tst_HttpClient::sendsHeadersAndBody()
{
    m_server->setScript({Step::respond(201, R"({"documentNo":"SO-1"})", {{"Content-Type", "application/json"}})});
    HttpRequest request;
    request.method = "POST";
    request.url = m_server->url(QStringLiteral("/prima/v1/sales-orders"));
    request.headers = {{"Idempotency-Key", "sitoo:90001:20001:sale:v1"}, {"Content-Type", "application/json"}};
    request.body = R"({"externalRef":"sitoo:90001:20001"})";
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QVERIFY(response->isSuccess());
    QCOMPARE(response->status, 201);
    QCOMPARE(response->body, QByteArray(R"({"documentNo":"SO-1"})"));
    QCOMPARE(response->header("content-type"), QByteArray("application/json"));
    QCOMPARE(response->attempts, 1);
    const auto received = m_server->received();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].method, QByteArray("POST"));
    QCOMPARE(received[0].path, QByteArray("/prima/v1/sales-orders"));
    QCOMPARE(received[0].header("Idempotency-Key"), QByteArray("sitoo:90001:20001:sale:v1"));
    QCOMPARE(received[0].body, request.body);
}

void tst_HttpClient::retriesRetryAfterThenSucceeds()
{
    m_server->setScript({Step::respond(429, "{}", {{"Retry-After", "2"}}), Step::respond(503), Step::respond(200, "ok")});
    QSignalSpy retries(m_client.get(), &HttpClient::retryScheduled);
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/orders.json"));
    request.tag = QStringLiteral("sitoo GET /orders.json");
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->attempts, 3);
    QCOMPARE(m_server->received().size(), 3);
    const auto delays = m_clock->requestedDelays();
    QCOMPARE(delays.size(), 2);
    QCOMPARE(delays[0], milliseconds(2000));                  // Retry-After honoured exactly
    QVERIFY(delays[1] <= m_client->retryPolicy().baseDelay * 2); // then jittered backoff
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries[0][3].toInt(), 429);
}

void tst_HttpClient::writeThatMayHaveCommittedIsNotResent()
{
    m_server->setScript({Step::respond(500, "oops"), Step::respond(201)});
    HttpRequest request;
    request.method = "POST";
    request.url = m_server->url(QStringLiteral("/prima/v1/sales-orders"));
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->status, 500);
    QCOMPARE(response->attempts, 1);
    QCOMPARE(m_server->received().size(), 1);
}

void tst_HttpClient::timeoutIsAnUnknownOutcomeForAWrite()
{
    m_server->setScript({Step::hang()});
    HttpRequest request;
    request.method = "POST";
    request.url = m_server->url(QStringLiteral("/prima/v1/sales-orders"));
    request.timeout = milliseconds(300);
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->outcome, HttpResponse::Outcome::Timeout);
    QVERIFY(response->isUnknownOutcome());
    QCOMPARE(response->attempts, 1);
    QCOMPARE(m_server->received().size(), 1); // it did arrive: exactly why it must be looked up, not re-sent
}

void tst_HttpClient::resetReadIsRetried()
{
    // Qt itself re-sends an idempotent request once when a connection closes before any answer; past that, our
    // policy retries. Enough closes to exhaust Qt's own resend, then an answer.
    m_server->setScript({Step::close(), Step::close(), Step::close(), Step::close(), Step::respond(200, "[]")});
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/pos-z-reports"));
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY2(response->attempts >= 2, qPrintable(QString::number(response->attempts)));
    QCOMPARE(m_server->received().size(), 5);
    QCOMPARE(m_clock->requestedDelays().size(), response->attempts - 1);
}

void tst_HttpClient::resetWriteIsNeverResentSilently()
{
    // Qt would quietly send a buffered POST again after a reset; a write that may have been committed must instead
    // come back as an unknown outcome, having reached the server exactly once.
    m_server->setScript({Step::close(), Step::respond(201)});
    HttpRequest request;
    request.method = "POST";
    request.url = m_server->url(QStringLiteral("/prima/v1/sales-orders"));
    request.body = R"({"externalRef":"sitoo:90001:20001"})";
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QVERIFY2(response->isUnknownOutcome(), qPrintable(response->errorString));
    QCOMPARE(response->attempts, 1);
    QCOMPARE(m_server->received().size(), 1);
    QCOMPARE(m_server->received().first().body, request.body);
}

void tst_HttpClient::clientErrorIsNotRetried()
{
    m_server->setScript({Step::respond(401, R"({"statuscode":401,"errortext":"Authorization failed"})")});
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/orders.json"));
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->status, 401);
    QVERIFY(!response->isSuccess());
    QCOMPARE(response->attempts, 1);
    QVERIFY(response->body.contains("Authorization failed"));
}

void tst_HttpClient::connectionRefusedIsRetriedUpToTheBudget()
{
    const QUrl closed = m_server->url(QStringLiteral("/health"));
    m_server->close(); // nothing listens on that port any more
    RetryPolicy policy;
    policy.maxAttempts = 3;
    m_client->setRetryPolicy(policy);
    HttpRequest request;
    request.method = "POST";
    request.url = closed;
    const auto response = run(*m_client, *m_clock, request);
    QVERIFY(response);
    QCOMPARE(response->outcome, HttpResponse::Outcome::ConnectFailed);
    QCOMPARE(response->attempts, 3); // even a POST: nothing was sent
    QVERIFY(!response->errorString.isEmpty());
}

void tst_HttpClient::callbackNeverOutlivesItsContext()
{
    m_server->setScript({Step::respond(200)});
    m_server->setDefault(Step::respond(200));
    bool called = false;
    auto context = std::make_unique<QObject>();
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/health"));
    m_client->send(request, context.get(), [&called](const HttpResponse &) { called = true; });
    context.reset();
    QTRY_COMPARE(m_server->received().size(), 1);
    QTest::qWait(100); // give a (wrong) callback the chance to run
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
