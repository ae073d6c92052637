// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <optional>

namespace Tillbridge::Sandbox {

/**
 * How the sandbox Prima treats repeated writes (reliability.md §6.1, modes a-c). The engine must survive all three,
 * because Prima's real behaviour is not known (prima-gateway.md §1).
 */
enum class PrimaIdempotencyMode {
    Keys,      ///< (a) Idempotency-Key honoured Stripe-style, and externalRef unique
    UniqueRef, ///< (b) keys ignored; a second document with the same externalRef is 409 DUPLICATE_EXTERNAL_REF
    None,      ///< (c) keys ignored, no uniqueness: every POST creates a document (the worst case)
};

/** "keys", "unique-ref", "none". */
QString primaIdempotencyModeName(PrimaIdempotencyMode mode);
/** Parses the names primaIdempotencyModeName() gives; nullopt for anything else. */
std::optional<PrimaIdempotencyMode> primaIdempotencyModeFromName(QStringView name);

/** Everything that shapes one sandbox Prima apart from its seed data. */
struct PrimaEmulatorConfig
{
    /** The emulator's own SQLite ledger file (created when missing). Never the engine's cache file. */
    QString databasePath;
    /** Port on 127.0.0.1; 0 picks any free port (read it back with PrimaEmulator::url()). */
    quint16 port = 0;
    PrimaIdempotencyMode idempotencyMode = PrimaIdempotencyMode::Keys;
    /** Fault schedule in the grammar documented in primafaultschedule.h; empty means no faults. */
    QString faultSpec;
    /** Seed of the fault schedule: the same seed and request sequence give the same faults. */
    quint64 seed = 1;
    /** Default delay of the commit-then-hang fault: longer than the client's write timeout, or it is only slow. */
    std::chrono::milliseconds hangDelay{35000};
    /** Default delay of the slow fault (spent before processing, with the idempotency key in flight). */
    std::chrono::milliseconds slowDelay{1500};
    /** Retry-After (seconds) on 503, 409 IDEMPOTENCY_IN_PROGRESS and the 429 faults that send seconds. */
    int retryAfterSeconds = 1;
    /**
     * Store a 500 under its idempotency key and replay it to same-key retries, as Stripe API v1 does. Off by default:
     * like most modern APIs the sandbox then releases the key of a failed request.
     */
    bool replayServerErrors = false;
    /** ERP_RECALCULATE tolerance: a document whose VAT differs by more minor units is 422 TAX_MISMATCH. */
    qint64 taxToleranceMinorUnits = 1;
    /** Largest page GET /items, /stock and /ledger/postings return (the contract allows up to 1000). */
    int maxPageSize = 1000;
    /** What GET /health reports as version. */
    QString version = QStringLiteral("sandbox-1");
};

} // namespace Tillbridge::Sandbox
