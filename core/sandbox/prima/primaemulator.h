// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/sandbox/prima/primaemulatorconfig.h"
#include "core/sandbox/prima/primafaultschedule.h"
#include "core/sandbox/prima/primaledger.h"
#include "core/net/tokenbucket.h"

#include <QElapsedTimer>
#include "core/sandbox/prima/primasandboxseed.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace Tillbridge::Sandbox {

class PrimaHttpServer;
struct PrimaHttpRequest;

/**
 * A sandbox Prima: the gateway contract v1 (prima-gateway.md §3) on 127.0.0.1 only, with its own SQLite ledger,
 * seeded master data, three idempotency modes and a reproducible fault schedule (reliability.md §6.1).
 *
 * Endpoints under url() ("http://127.0.0.1:{port}/prima/v1"): POST /sales-orders, /credit-notes, /batches; GET
 * /documents?externalRef=, /items, /stock, /tax-codes, /locations, /ledger/postings, /periods, /health. Outside it,
 * for checkers and without authentication: GET /__sandbox/ledger (every document with its external reference,
 * amounts and idempotency key, plus the request log; see ledgerSnapshot()), POST /__sandbox/stock
 * ({"levels":[{"sku","location","availableToSell"}]}: a stock change in Prima, answered with the new versions) and
 * GET /__sandbox/stock-history (every version of every level).
 *
 * Writes, in order: bearer token (401) -> 503 window / "@" faults / rate limit / random fault (429, 503, 500 before
 * commit) -> JSON shape (400) -> idempotency key (mode "keys": 409 in flight, 422 reused with another body, or the
 * stored answer replayed with Idempotency-Replayed: true) -> slow fault (the key stays in flight) -> master data and
 * totals (422 with a §3.4 code) -> externalRef uniqueness (modes "keys" and "unique-ref": 409 DUPLICATE_EXTERNAL_REF
 * with the existing documentNo) -> commit -> the after-commit faults (500, hang, reset) or 201.
 * A POST /batches answers 200 {"results":[...]} with each operation's own status and body, in order.
 *
 * Threading: the emulator, its server and its ledger connection belong to the thread that calls start(); call
 * start(), stop() and the accessors there (moveToThread() first, then start() from that thread). The destructor
 * stops it and must run in that thread too.
 */
class PrimaEmulator : public QObject
{
    Q_OBJECT

public:
    /** An emulator that will serve @p seed under @p config once started. */
    PrimaEmulator(PrimaEmulatorConfig config, PrimaSandboxSeed seed, QObject *parent = nullptr);
    ~PrimaEmulator() override;

    /**
     * Parses the fault spec, opens (and on first use seeds) the ledger and listens on 127.0.0.1. Fails with a
     * message naming what went wrong (a bad fault item, a ledger that cannot be opened, a port in use).
     */
    Core::Status start();
    /** Stops listening, drops open connections and closes the ledger. Safe to call twice. */
    void stop();
    bool isRunning() const;

    /** "http://127.0.0.1:{port}/prima/v1": the base URL for RestPrimaGateway; invalid while not running. */
    QUrl url() const;
    quint16 port() const { return m_port; }
    const PrimaEmulatorConfig &config() const { return m_config; }
    /** The seed in use: the spec's "seed=" item if it has one, else the configured seed. */
    quint64 seed() const { return m_seed; }

    /** Every request so far, in arrival order (batch operations follow their batch). */
    QList<PrimaRequestLogEntry> requestLog() const;
    /** Every document in the ledger, oldest first. */
    QList<PrimaLedgerDocument> documents() const;
    /** Sets available-to-sell (version + 1), as POST /__sandbox/stock does; returns the new version. */
    Core::Result<qint64> setAvailableToSell(const QString &sku, const QString &location, qint64 availableToSell);
    /** Every stock level version the ledger ever held, oldest first (GET /__sandbox/stock-history). */
    QList<Core::StockLevel> stockHistory() const;
    /** What GET /__sandbox/ledger serves: {"mode","seed","faults","documents":[...],"requests":[...]}. */
    QJsonObject ledgerSnapshot() const;

Q_SIGNALS:
    /** A contract request numbered @p sequence arrived (before anything was decided about it). */
    void requestReceived(qint64 sequence, const QString &method, const QString &path);
    /**
     * The emulator decided how request @p sequence ends: @p status is what is or will be answered (0 for a reset),
     * @p fault the fault label that was applied.
     */
    void requestFinished(qint64 sequence, int status, const QString &fault);

private:
    struct Answer;
    enum class Endpoint;

    void handle(const PrimaHttpRequest &request, QTcpSocket *socket);
    void serveControl(const PrimaHttpRequest &request, QTcpSocket *socket);
    void serveRead(qint64 sequence, Endpoint endpoint, const PrimaHttpRequest &request, QPointer<QTcpSocket> socket,
                   const PrimaFaultDecision &decision);
    void serveWrite(qint64 sequence, Endpoint endpoint, const PrimaHttpRequest &request, QPointer<QTcpSocket> socket,
                    const PrimaFaultDecision &decision);
    void serveBatch(qint64 sequence, const PrimaHttpRequest &request, QPointer<QTcpSocket> socket,
                    const PrimaFaultDecision &decision);

    /**
     * The idempotency step (mode "keys" only): true with @p answer filled when a stored key decides the answer (in
     * flight, reused with another body, replay); otherwise false, after claiming the key (then @p claimed is set).
     */
    bool admit(const QString &key, const QByteArray &bodySha256, bool &claimed, Answer &answer);
    /** Validates and commits one document; releases a claimed key when nothing is committed. */
    void commitDocument(PrimaDocumentKind kind, const QJsonObject &body, const QByteArray &bodySha256,
                        const QString &key, bool claimed, const QString &correlationId, Answer &answer);

    /** Sends @p answer for request @p sequence, applying an after-commit fault when it committed something. */
    void finish(qint64 sequence, QPointer<QTcpSocket> socket, const Answer &answer, const PrimaFaultDecision &decision,
                const QByteArray &correlationId);

    PrimaEmulatorConfig m_config;
    PrimaSandboxSeed m_seedData;
    PrimaFaultSchedule m_schedule;
    Core::TokenBucket m_rateLimiter; ///< the spec's "rate" limit; disabled when there is none
    QElapsedTimer m_uptime;          ///< the limiter's monotonic time
    PrimaLedger m_ledger;
    std::unique_ptr<PrimaHttpServer> m_server;
    quint64 m_seed = 1;
    quint16 m_port = 0;
    qint64 m_sequence = 0;
};

} // namespace Tillbridge::Sandbox
