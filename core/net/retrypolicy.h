// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

class QRandomGenerator;

namespace Tillbridge::Core {

struct HttpRequest;
struct HttpResponse;

/**
 * When an HTTP call is tried again, and after how long (reliability.md §2): 429 and 503 always (the server did not
 * process the request); connection failures before the request was sent always; 408/425/500/502/504 and timeouts or
 * resets after sending only for requests marked retry-safe (reads, PUTs, or writes the caller declares safe); TLS
 * verification failures and every other 4xx never. Waits honour Retry-After (seconds or HTTP-date, measured against
 * the response's Date header) up to a cap, and otherwise use exponential backoff with full jitter.
 */
struct RetryPolicy
{
    int maxAttempts = 5;                               ///< including the first
    std::chrono::milliseconds baseDelay{500};          ///< backoff for the first retry before jitter
    std::chrono::milliseconds maxBackoff{30000};       ///< cap of the exponential backoff
    std::chrono::milliseconds maxRetryAfter{120000};   ///< a longer Retry-After is not waited for: give up

    /**
     * Parses a Retry-After value: delay-seconds ("120") or an HTTP-date ("Fri, 27 Nov 2026 09:00:00 GMT"). A date is
     * measured against `responseDate` (the response's Date header) when valid, else `now`; a date in the past gives
     * zero. Garbage, negative numbers and empty values give nullopt.
     */
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                                    const QDateTime &responseDate,
                                                                    const QDateTime &now);

    /** Full jitter: uniform in [0, min(maxBackoff, baseDelay × 2^(attempt-1))], attempt counted from 1. */
    std::chrono::milliseconds backoff(int attempt, QRandomGenerator &random) const;

    /**
     * How long to wait before trying `request` again after `response`, which ended attempt number
     * `attemptsMade`; nullopt when it must not be retried (done, not retryable, budget spent, Retry-After above
     * the cap).
     */
    std::optional<std::chrono::milliseconds> retryDelay(const HttpRequest &request, const HttpResponse &response,
                                                        int attemptsMade, const QDateTime &now,
                                                        QRandomGenerator &random) const;
};

} // namespace Tillbridge::Core
