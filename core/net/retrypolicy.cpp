// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/retrypolicy.h"

#include "core/net/httpclient.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace Tillbridge::Core {

using std::chrono::milliseconds;

namespace {
// RFC 9110 §5.6.7: IMF-fixdate is what servers send; the two obsolete forms must still be accepted.
QDateTime parseHttpDate(const QByteArray &value)
{
    // Drop the weekday: it is redundant, and QLocale would reject a two-digit-year date whose weekday only
    // matches in the right century.
    QString text = QString::fromLatin1(value).simplified();
    const qsizetype comma = text.indexOf(u',');
    if (comma >= 0)
        text = text.mid(comma + 1).trimmed();
    else if (const qsizetype space = text.indexOf(u' '); space >= 0)
        text = text.mid(space + 1); // asctime: "Fri Nov 27 09:00:05 2026"
    const QLocale c = QLocale::c();
    for (const char *format : {"dd MMM yyyy HH:mm:ss 'GMT'", "dd-MMM-yy HH:mm:ss 'GMT'", "MMM d HH:mm:ss yyyy"}) {
        QDateTime parsed = c.toDateTime(text, QString::fromLatin1(format));
        if (parsed.isValid()) {
            // RFC 850's two-digit years: Qt reads them as 19xx; our horizon is minutes, so move them on a century.
            if (parsed.date().year() < 1970)
                parsed = parsed.addYears(100);
            parsed.setTimeSpec(Qt::UTC);
            return parsed;
        }
    }
    return {};
}

bool isStatusAlwaysRetryable(int status)
{
    // The server says it did not process the request: too many requests, or down for maintenance.
    return status == 429 || status == 503;
}

bool isStatusRetryableWhenSafe(int status)
{
    return status == 408 || status == 425 || status == 500 || status == 502 || status == 504;
}
} // namespace

std::optional<milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &responseDate,
                                                         const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qint64 seconds = trimmed.size() <= 12 ? trimmed.toLongLong(&ok) : 0;
        if (!ok)
            return std::nullopt;
        return milliseconds(seconds * 1000);
    }
    const QDateTime at = parseHttpDate(trimmed);
    if (!at.isValid())
        return std::nullopt;
    // Measure against the server's own clock when it sent one, so local clock skew does not matter.
    const QDateTime reference = responseDate.isValid() ? responseDate : now;
    return milliseconds(std::max<qint64>(0, reference.msecsTo(at)));
}

milliseconds RetryPolicy::backoff(int attempt, QRandomGenerator &random) const
{
    const int doublings = std::clamp(attempt - 1, 0, 30);
    const qint64 exponential = baseDelay.count() << doublings;
    const qint64 ceiling = std::min<qint64>(maxBackoff.count(), exponential);
    if (ceiling <= 0)
        return milliseconds(0);
    return milliseconds(qint64(random.bounded(quint64(ceiling) + 1)));
}

std::optional<milliseconds> RetryPolicy::retryDelay(const HttpRequest &request, const HttpResponse &response,
                                                    int attemptsMade, const QDateTime &now,
                                                    QRandomGenerator &random) const
{
    if (attemptsMade >= maxAttempts)
        return std::nullopt;
    bool retry = false;
    switch (response.outcome) {
    case HttpResponse::Outcome::Completed:
        retry = isStatusAlwaysRetryable(response.status)
                || (request.isRetrySafe() && isStatusRetryableWhenSafe(response.status));
        break;
    case HttpResponse::Outcome::ConnectFailed:
        retry = true; // nothing was sent
        break;
    case HttpResponse::Outcome::Timeout:
    case HttpResponse::Outcome::ConnectionLost:
        retry = request.isRetrySafe(); // the server may have acted: only a safe request may go again
        break;
    case HttpResponse::Outcome::TlsFailed:
    case HttpResponse::Outcome::Cancelled:
        retry = false;
        break;
    }
    if (!retry)
        return std::nullopt;

    if (response.outcome == HttpResponse::Outcome::Completed) {
        const QDateTime serverDate = parseHttpDate(response.header("Date"));
        if (const auto retryAfter = parseRetryAfter(response.header("Retry-After"), serverDate, now)) {
            // A longer wait than we are prepared to hold a request for goes back to the caller to reschedule.
            if (*retryAfter > maxRetryAfter)
                return std::nullopt;
            return *retryAfter;
        }
    }
    return backoff(attemptsMade, random);
}

} // namespace Tillbridge::Core
