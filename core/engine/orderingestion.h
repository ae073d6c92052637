// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/orderrouter.h"
#include "core/sitoo/sitooorderparser.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QThreadPool>

namespace Tillbridge::Core {

class DbTransaction;

/** What one page of orders did to the cache. */
struct IngestSummary
{
    int received = 0;    ///< orders in the page
    int unchanged = 0;   ///< seen before with the same content: nothing done
    int ready = 0;       ///< valid: written to the outbox for Prima
    int quarantined = 0; ///< held back with one or more blocking exceptions
    int duplicates = 0;  ///< arrived again with different content (DUPLICATE_ORDER)
    int malformed = 0;   ///< could not be read (MALFORMED_ORDER), raw bytes kept
    int exceptions = 0;  ///< exceptions raised or refreshed
    qint64 lastOrderId = 0; ///< the cursor after the page

    IngestSummary &operator+=(const IngestSummary &other);
};

/**
 * Steps 1–3 of the order-to-cash cycle for a page of Sitoo orders (product.md): keep each raw order, normalise it,
 * validate it, and route it — valid orders to the outbox with the document that will post them, invalid ones to
 * quarantine with exceptions a person can act on. A bad order never stops the ones behind it.
 *
 * Validation and routing are OrderRouter's, shared with the quarantine review; this class adds receipt (raw bytes,
 * duplicates, malformed orders) and the cursor.
 *
 * One transaction per page: the orders, their exceptions, their outbox rows, every audit event and the orderid
 * cursor commit together or not at all, so a crash re-reads the page and the receipt is idempotent.
 * Runs in the engine's worker thread on that thread's connection; a page's orders are parsed, and their Prima
 * documents built, ahead on one helper thread (pure work, about two fifths of the whole), while this thread
 * validates and writes them in page order.
 */
class OrderIngestion
{
public:
    OrderIngestion(QSqlDatabase db, QString sitooAccount);

    /** Re-reads stores, mappings and the Prima catalogue (call before a run, and after they change). */
    Status refreshReferenceData();

    /** Ingests one page, in orderid order, as the exact bytes Sitoo sent. */
    Result<IngestSummary> ingestPage(const QList<QByteArray> &rawOrders);

    /**
     * Whether a helper thread parses and prepares the page ahead (the default). Off, every order is parsed and its
     * document built on this thread, as route() would without a prepared payload; the results are the same bytes.
     */
    void setParseAhead(bool enabled) { m_parseAhead = enabled; }

    /** The orderid cursor: the last order taken into the cache (0 before the first). */
    Result<qint64> lastOrderId() const;

    /** The actor recorded in the audit trail for the engine's own work. */
    static QString actor() { return QStringLiteral("system"); }

private:
    struct Routed;
    Result<Routed> ingestOne(DbTransaction &tx, const SitooOrderParse &parse, const PreparedPosting *prepared);

    QSqlDatabase m_db;
    QString m_account;
    OrderRouter m_router;
    QThreadPool m_parsers; ///< one thread: it parses the next orders while the connection's thread writes
    bool m_parseAhead = true;
};

} // namespace Tillbridge::Core
