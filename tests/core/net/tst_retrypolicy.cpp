// SPDX-License-Identifier: GPL-3.0-or-later
// R4: retry-policy conformance, table-driven, in virtual time.
#include "core/net/httpclient.h"
#include "core/net/retrypolicy.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Tillbridge::Core;
using std::chrono::milliseconds;

namespace {
const QDateTime kNow(QDate(2026, 11, 27), QTime(9, 0, 0), Qt::UTC);

HttpResponse completed(int status, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    HttpResponse response;
    response.outcome = HttpResponse::Outcome::Completed;
    response.status = status;
    response.headers = std::move(headers);
    return response;
}

HttpRequest request(const QByteArray &method, std::optional<bool> retrySafe = {})
{
    HttpRequest r;
    r.method = method;
    r.retrySafe = retrySafe;
    return r;
}
} // namespace

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseRetryAfter_data();
    void parseRetryAfter();
    void classification_data();
    void classification();
    void retryAfterIsHonouredUpToTheCap_data();
    void retryAfterIsHonouredUpToTheCap();
    void budgetIsRespected();
    void fullJitterIsUniformUpToTheCap();
};

void tst_RetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("responseDate");
    QTest::addColumn<qint64>("expectedMs"); // -1: not understood
    QTest::newRow("seconds") << QByteArray("120") << QDateTime() << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << QDateTime() << qint64(0);
    QTest::newRow("whitespace") << QByteArray(" 7 ") << QDateTime() << qint64(7000);
    QTest::newRow("http-date ahead") << QByteArray("Fri, 27 Nov 2026 09:00:30 GMT") << QDateTime() << qint64(30000);
    QTest::newRow("http-date in the past") << QByteArray("Fri, 27 Nov 2026 08:59:00 GMT") << QDateTime()
                                           << qint64(0);
    // Measured against the server's Date header, not our clock: the server says it is 08:59:50, so 40 s.
    QTest::newRow("http-date vs server clock")
        << QByteArray("Fri, 27 Nov 2026 09:00:30 GMT") << QDateTime(QDate(2026, 11, 27), QTime(8, 59, 50), Qt::UTC)
        << qint64(40000);
    QTest::newRow("rfc850 date") << QByteArray("Friday, 27-Nov-26 09:01:00 GMT") << QDateTime() << qint64(60000);
    QTest::newRow("asctime date") << QByteArray("Fri Nov 27 09:00:05 2026") << QDateTime() << qint64(5000);
    QTest::newRow("negative") << QByteArray("-5") << QDateTime() << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << QDateTime() << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << QDateTime() << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << QDateTime() << qint64(-1);
    QTest::newRow("absurdly long number") << QByteArray("99999999999999999999") << QDateTime() << qint64(-1);
}

void tst_RetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, responseDate);
    QFETCH(qint64, expectedMs);
    const auto parsed = RetryPolicy::parseRetryAfter(value, responseDate, kNow);
    if (expectedMs < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->count(), expectedMs);
}

void tst_RetryPolicy::classification_data()
{
    using Outcome = HttpResponse::Outcome;
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("retrySafe"); // -1 default by method, 0 no, 1 yes
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retried");
    const int done = int(Outcome::Completed);
    QTest::newRow("GET 200") << QByteArray("GET") << -1 << done << 200 << false;
    QTest::newRow("GET 429") << QByteArray("GET") << -1 << done << 429 << true;
    QTest::newRow("POST 429: not processed") << QByteArray("POST") << -1 << done << 429 << true;
    QTest::newRow("POST 503: not processed") << QByteArray("POST") << -1 << done << 503 << true;
    QTest::newRow("GET 500") << QByteArray("GET") << -1 << done << 500 << true;
    QTest::newRow("GET 502") << QByteArray("GET") << -1 << done << 502 << true;
    QTest::newRow("GET 504") << QByteArray("GET") << -1 << done << 504 << true;
    QTest::newRow("GET 408") << QByteArray("GET") << -1 << done << 408 << true;
    QTest::newRow("POST 500: maybe committed") << QByteArray("POST") << -1 << done << 500 << false;
    QTest::newRow("POST marked safe 500") << QByteArray("POST") << 1 << done << 500 << true;
    QTest::newRow("PUT marked unsafe 500") << QByteArray("PUT") << 0 << done << 500 << false;
    QTest::newRow("400") << QByteArray("GET") << -1 << done << 400 << false;
    QTest::newRow("401") << QByteArray("GET") << -1 << done << 401 << false;
    QTest::newRow("403") << QByteArray("GET") << -1 << done << 403 << false;
    QTest::newRow("404") << QByteArray("GET") << -1 << done << 404 << false;
    QTest::newRow("409") << QByteArray("POST") << -1 << done << 409 << false;
    QTest::newRow("422") << QByteArray("POST") << 1 << done << 422 << false;
    QTest::newRow("connect failed POST: nothing sent") << QByteArray("POST") << -1 << int(Outcome::ConnectFailed)
                                                       << 0 << true;
    QTest::newRow("timeout GET") << QByteArray("GET") << -1 << int(Outcome::Timeout) << 0 << true;
    QTest::newRow("timeout POST: unknown outcome") << QByteArray("POST") << -1 << int(Outcome::Timeout) << 0 << false;
    QTest::newRow("reset POST: unknown outcome") << QByteArray("POST") << -1 << int(Outcome::ConnectionLost) << 0
                                                 << false;
    QTest::newRow("reset GET") << QByteArray("GET") << -1 << int(Outcome::ConnectionLost) << 0 << true;
    QTest::newRow("TLS failure never") << QByteArray("GET") << -1 << int(Outcome::TlsFailed) << 0 << false;
    QTest::newRow("cancelled never") << QByteArray("GET") << -1 << int(Outcome::Cancelled) << 0 << false;
}

void tst_RetryPolicy::classification()
{
    QFETCH(QByteArray, method);
    QFETCH(int, retrySafe);
    QFETCH(int, outcome);
    QFETCH(int, status);
    QFETCH(bool, retried);
    RetryPolicy policy;
    QRandomGenerator random(1);
    HttpResponse response = completed(status);
    response.outcome = HttpResponse::Outcome(outcome);
    const auto delay = policy.retryDelay(
        request(method, retrySafe < 0 ? std::optional<bool>() : std::optional<bool>(retrySafe == 1)), response, 1,
        kNow, random);
    QCOMPARE(delay.has_value(), retried);
    if (delay)
        QVERIFY(*delay <= policy.baseDelay); // first retry: full jitter within the base delay
}

void tst_RetryPolicy::retryAfterIsHonouredUpToTheCap_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expectedMs"); // -1: give up
    QTest::newRow("seconds") << QByteArray("2") << qint64(2000);
    QTest::newRow("at the cap") << QByteArray("120") << qint64(120000);
    QTest::newRow("above the cap") << QByteArray("121") << qint64(-1);
    QTest::newRow("http-date") << QByteArray("Fri, 27 Nov 2026 09:00:10 GMT") << qint64(10000);
    QTest::newRow("past date: at once") << QByteArray("Thu, 26 Nov 2026 09:00:10 GMT") << qint64(0);
    QTest::newRow("garbage: jittered backoff") << QByteArray("later") << qint64(-2);
}

void tst_RetryPolicy::retryAfterIsHonouredUpToTheCap()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expectedMs);
    RetryPolicy policy;
    QRandomGenerator random(7);
    const auto delay = policy.retryDelay(request("GET"), completed(429, {{"Retry-After", retryAfter}}), 2, kNow, random);
    if (expectedMs == -1) {
        QVERIFY(!delay.has_value());
    } else if (expectedMs == -2) {
        QVERIFY(delay.has_value());
        QVERIFY(*delay <= policy.baseDelay * 2); // attempt 2: up to base × 2
    } else {
        QVERIFY(delay.has_value());
        QCOMPARE(delay->count(), expectedMs);
    }
}

void tst_RetryPolicy::budgetIsRespected()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    QRandomGenerator random(3);
    QVERIFY(policy.retryDelay(request("GET"), completed(503), 1, kNow, random).has_value());
    QVERIFY(policy.retryDelay(request("GET"), completed(503), 2, kNow, random).has_value());
    QVERIFY(!policy.retryDelay(request("GET"), completed(503), 3, kNow, random).has_value());
}

void tst_RetryPolicy::fullJitterIsUniformUpToTheCap()
{
    // For each attempt, 10,000 samples are spread uniformly over [0, min(cap, base × 2^(n-1))]:
    // a Kolmogorov-Smirnov statistic below the 1 % critical value (1.63 / sqrt(n)).
    RetryPolicy policy;
    policy.baseDelay = milliseconds(100);
    policy.maxBackoff = milliseconds(1000);
    QRandomGenerator random(20261127);
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const double ceiling = double(std::min<qint64>(1000, 100LL << (attempt - 1)));
        constexpr int kSamples = 10000;
        QList<double> samples;
        samples.reserve(kSamples);
        for (int i = 0; i < kSamples; ++i) {
            const qint64 delay = policy.backoff(attempt, random).count();
            QVERIFY(delay >= 0 && delay <= qint64(ceiling));
            samples.append(double(delay));
        }
        std::sort(samples.begin(), samples.end());
        double statistic = 0;
        for (int i = 0; i < kSamples; ++i) {
            // Discrete uniform on 0..ceiling: its CDF at x is (x + 1) / (ceiling + 1).
            const double cdf = (samples[i] + 1) / (ceiling + 1);
            statistic = std::max({statistic, std::abs(cdf - double(i + 1) / kSamples),
                                  std::abs(cdf - double(i) / kSamples)});
        }
        QVERIFY2(statistic < 1.63 / std::sqrt(double(kSamples)) + 1.0 / (ceiling + 1),
                 qPrintable(QStringLiteral("attempt %1: D = %2").arg(attempt).arg(statistic)));
        QCOMPARE(samples.last() <= ceiling, true);
    }
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
