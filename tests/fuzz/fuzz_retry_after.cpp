// SPDX-License-Identifier: GPL-3.0-or-later
// Retry-After and HTTP dates (reliability.md §2; RFC 9110 §10.2.3, §5.6.7): RetryPolicy::parseRetryAfter, the
// Date-header parsing inside RetryPolicy::retryDelay, and PrimaJson::parseHttpDate / httpDate, as the HTTP client
// and the Prima gateway use them. Input: the Retry-After value, optionally followed by a newline and a Date header.
// Invariants: a wait is never negative; delay-seconds give exactly that many seconds; an HTTP-date Retry-After is
// measured against the response's Date when one was sent; a wait above the cap is never waited for; an IMF-fixdate
// that parses is written back as the same instant.

#include "fuzzcheck.h"

#include "core/net/httpclient.h"
#include "core/net/retrypolicy.h"
#include "core/prima/primajson.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

using namespace Tillbridge::Core;
using std::chrono::milliseconds;

namespace {

// A fixed "now": the result must not depend on the wall clock of the machine that replays the corpus.
const QDateTime kNow(QDate(2026, 11, 27), QTime(9, 0, 0), QTimeZone::utc());

void checkParse(const QByteArray &value, const QByteArray &dateHeader)
{
    const QDateTime responseDate = PrimaJson::parseHttpDate(dateHeader);
    const auto wait = RetryPolicy::parseRetryAfter(value, responseDate, kNow);
    const auto again = RetryPolicy::parseRetryAfter(value, responseDate, kNow);
    FUZZ_CHECK(wait == again);
    if (!wait)
        return;
    FUZZ_CHECK(wait->count() >= 0);
    const QByteArray trimmed = value.trimmed();
    if (!trimmed.isEmpty() && std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; }))
        FUZZ_CHECK_MSG(wait->count() == trimmed.toLongLong() * 1000, QString::fromLatin1(trimmed));
    else if (responseDate.isValid())
        // A date is measured on the server's clock, so our own "now" must not matter.
        FUZZ_CHECK(RetryPolicy::parseRetryAfter(value, responseDate, kNow.addDays(400)) == wait);
}

void checkRetryDelay(const QByteArray &value, const QByteArray &dateHeader)
{
    RetryPolicy policy;
    HttpRequest request;
    request.method = "GET";
    HttpResponse response;
    response.outcome = HttpResponse::Outcome::Completed;
    response.status = 429;
    response.headers = {{"Retry-After", value}, {"Date", dateHeader}};
    QRandomGenerator random(1); // seeded: a run must be reproducible
    const auto delay = policy.retryDelay(request, response, 1, kNow, random);
    if (delay) {
        FUZZ_CHECK(delay->count() >= 0);
        FUZZ_CHECK(*delay <= std::max(policy.maxRetryAfter, policy.maxBackoff));
    }
}

void checkHttpDate(const QByteArray &text)
{
    const QDateTime parsed = PrimaJson::parseHttpDate(text);
    if (!parsed.isValid())
        return;
    const QByteArray written = PrimaJson::httpDate(parsed);
    const QDateTime reread = PrimaJson::parseHttpDate(written);
    FUZZ_CHECK_MSG(reread.isValid() && reread == parsed, QString::fromLatin1(text) + u" -> " + QString::fromLatin1(written));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray input = TillbridgeFuzz::bytes(data, size);
        const qsizetype newline = input.indexOf('\n');
        const QByteArray value = newline < 0 ? input : input.left(newline);
        const QByteArray dateHeader = newline < 0 ? QByteArray() : input.mid(newline + 1);
        checkParse(value, dateHeader);
        checkParse(value, QByteArray());
        checkRetryDelay(value, dateHeader);
        checkHttpDate(value);
        checkHttpDate(dateHeader);
    });
}
