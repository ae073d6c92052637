// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tillbridge::Sandbox {

/**
 * Behaviour knobs of SitooEmulator that tests turn to exercise a client: port, rate limiting, injected faults and
 * paging limits. The defaults serve a well-behaved Sitoo on any free loopback port.
 */
struct SitooEmulatorOptions
{
    quint16 port = 0; ///< 0: any free port on 127.0.0.1

    /** Token-bucket refill rate in requests per second; 0 turns the limiter off. */
    double rateLimitPerSecond = 0.0;
    /** Bucket capacity: how many requests may arrive at once before 429s start. */
    int rateLimitBurst = 20;
    /**
     * Retry-After on a 429: > 0 sends that many seconds, 0 sends the seconds until the bucket has a token again,
     * < 0 sends no header (Sitoo documents no header, so clients must cope without one; sitoo-api.md §2.7).
     */
    int retryAfterSeconds = 0;

    /** Share of authenticated requests answered with a 500 error body before anything is applied. */
    double faultRate = 0.0;
    /** Share of responses delayed by slowResponseDelayMs (the event loop keeps serving others meanwhile). */
    double slowResponseRate = 0.0;
    int slowResponseDelayMs = 0;
    /** Seed of the fault and delay draws, so a failing run can be replayed. */
    quint32 faultSeed = 1;

    /** Most Z-reports one `GET /pos-z-reports` returns (Sitoo: 500; lower it to test dateaddedfrom paging). */
    int zReportLimit = 500;
    /**
     * When true, list endpoints without `fields` return only the documented default fields (sitoo-api.md §2.2);
     * when false (default) they return every field, which is what Sitoo's newer examples show for orders.
     */
    bool defaultFieldsOnly = false;
};

} // namespace Tillbridge::Sandbox
