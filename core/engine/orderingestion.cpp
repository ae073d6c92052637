// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/orderingestion.h"

#include "core/engine/failpoints.h"
#include "core/logging.h"
#include "core/sitoo/sitooorderparser.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/syncstaterepository.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <atomic>
#include <future>
#include <memory>
#include <vector>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OrderIngestion", text);
}

const QString kSource = QStringLiteral("sitoo");
const QString kStream = QStringLiteral("orders");

QString orderEntityId(const QString &account, qint64 orderId)
{
    return OrderRouter::orderEntityId(account, orderId);
}

ExceptionRecord exceptionFor(const ValidationFinding &finding, const QString &entityId, qint64 storeId)
{
    return OrderRouter::exceptionFor(finding, entityId, storeId);
}

/** One order as the helper thread hands it over: parsed, and for a readable order its payload built ahead. */
struct ParsedOrder
{
    SitooOrderParse parse;
    std::optional<PreparedPosting> prepared;
};

/**
 * A page's orders parsed on a pool thread, ahead of the thread that writes them; take(i) waits for order i. Parsing
 * and building a Prima document are pure and about two fifths of the work, so on a second core they cost no time.
 * The task reads the router's reference data, so the destructor waits for it: no refresh may run under it.
 */
class ParseAhead
{
public:
    ParseAhead(QThreadPool &pool, const QList<QByteArray> &rawOrders, const QString &account,
               const OrderRouter &router)
        : m_state(std::make_shared<State>())
    {
        m_state->promises.resize(size_t(rawOrders.size()));
        m_futures.reserve(m_state->promises.size());
        for (auto &promise : m_state->promises)
            m_futures.push_back(promise.get_future());
        m_done = m_state->done.get_future();
        // The page and the account are implicitly shared copies; the router outlives this object.
        pool.start([state = m_state, rawOrders, account, router = &router] {
            for (qsizetype i = 0; i < rawOrders.size() && !state->abandoned.load(std::memory_order_relaxed); ++i) {
                try {
                    ParsedOrder parsed{SitooOrderParser::parse(rawOrders.at(i), account), std::nullopt};
                    if (parsed.parse.order)
                        parsed.prepared = router->prepare(account, *parsed.parse.order);
                    state->promises[size_t(i)].set_value(std::move(parsed));
                } catch (...) {
                    state->promises[size_t(i)].set_exception(std::current_exception()); // rethrown by take()
                }
            }
            state->done.set_value();
        });
    }
    ~ParseAhead()
    {
        m_state->abandoned.store(true, std::memory_order_relaxed);
        m_done.wait();
    }
    ParseAhead(const ParseAhead &) = delete;
    ParseAhead &operator=(const ParseAhead &) = delete;

    ParsedOrder take(qsizetype index) { return m_futures[size_t(index)].get(); }

private:
    struct State
    {
        std::vector<std::promise<ParsedOrder>> promises;
        std::promise<void> done;
        std::atomic<bool> abandoned = false;
    };
    std::shared_ptr<State> m_state;
    std::vector<std::future<ParsedOrder>> m_futures;
    std::future<void> m_done;
};
} // namespace

IngestSummary &IngestSummary::operator+=(const IngestSummary &other)
{
    received += other.received;
    unchanged += other.unchanged;
    ready += other.ready;
    quarantined += other.quarantined;
    duplicates += other.duplicates;
    malformed += other.malformed;
    exceptions += other.exceptions;
    lastOrderId = std::max(lastOrderId, other.lastOrderId);
    return *this;
}

struct OrderIngestion::Routed
{
    enum class Outcome { Unchanged, Ready, Quarantined, Duplicate, Malformed } outcome = Outcome::Unchanged;
    qint64 sitooOrderId = 0;
    int exceptions = 0;
};

OrderIngestion::OrderIngestion(QSqlDatabase db, QString sitooAccount)
    : m_db(std::move(db))
    , m_account(std::move(sitooAccount))
    , m_router(m_db)
{
    m_parsers.setMaxThreadCount(1);
}

Status OrderIngestion::refreshReferenceData()
{
    return m_router.refreshReferenceData();
}

Result<qint64> OrderIngestion::lastOrderId() const
{
    auto cursor = SyncStateRepository(m_db).cursor(kSource, m_account, kStream);
    if (!cursor)
        return cursor.error();
    return cursor->value_or(QStringLiteral("0")).toLongLong();
}

Result<IngestSummary> OrderIngestion::ingestPage(const QList<QByteArray> &rawOrders)
{
    IngestSummary summary;
    if (rawOrders.isEmpty())
        return summary;
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    std::optional<ParseAhead> parses;
    if (m_parseAhead)
        parses.emplace(m_parsers, rawOrders, m_account, m_router);
    for (qsizetype i = 0; i < rawOrders.size(); ++i) {
        const ParsedOrder parsed = parses ? parses->take(i)
                                          : ParsedOrder{SitooOrderParser::parse(rawOrders.at(i), m_account), {}};
        auto routed = ingestOne(tx, parsed.parse, parsed.prepared ? &*parsed.prepared : nullptr);
        if (!routed)
            return routed.error(); // the transaction rolls back: the page is read again next time
        ++summary.received;
        summary.exceptions += routed->exceptions;
        summary.lastOrderId = std::max(summary.lastOrderId, routed->sitooOrderId);
        switch (routed->outcome) {
        case Routed::Outcome::Unchanged:
            ++summary.unchanged;
            break;
        case Routed::Outcome::Ready:
            ++summary.ready;
            break;
        case Routed::Outcome::Quarantined:
            ++summary.quarantined;
            break;
        case Routed::Outcome::Duplicate:
            ++summary.duplicates;
            break;
        case Routed::Outcome::Malformed:
            ++summary.malformed;
            break;
        }
    }
    // The cursor moves with the page it read, in the same transaction.
    auto previous = lastOrderId();
    if (!previous)
        return previous.error();
    if (summary.lastOrderId > *previous) {
        if (auto moved = SyncStateRepository(m_db).setCursor(tx, kSource, m_account, kStream,
                                                             QString::number(summary.lastOrderId));
            !moved) {
            return moved.error();
        }
    }
    FailPoints::hit("import.before_commit");
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return summary;
}

Result<OrderIngestion::Routed> OrderIngestion::ingestOne(DbTransaction &tx, const SitooOrderParse &parse,
                                                        const PreparedPosting *prepared)
{
    const QByteArray &raw = parse.raw;
    Routed routed;
    routed.sitooOrderId = parse.orderId;
    OrderRepository orders(m_db);
    ExceptionRepository exceptions(m_db);
    auto received = orders.receive(tx, m_account, parse.orderId, raw, parse.rawSha256Hex, parse.order);
    if (!received)
        return received.error();
    const QString entityId = orderEntityId(m_account, parse.orderId);
    auto raise = [&](const ExceptionRecord &record) -> Status {
        auto raised = exceptions.raise(tx, record, actor());
        if (!raised)
            return raised.error();
        if (raised->outcome != ExceptionRaise::AlreadyOpen)
            ++routed.exceptions;
        return Status::success();
    };

    switch (received->receipt) {
    case OrderReceipt::Unchanged:
        routed.outcome = Routed::Outcome::Unchanged;
        return routed;
    case OrderReceipt::ChangedContent: {
        // Both versions are kept; which one is right is a person's decision, so the order waits for it.
        routed.outcome = Routed::Outcome::Duplicate;
        ValidationFinding finding = ValidationFinding::make(
            ExceptionKind::DuplicateOrder,
            tr("Order %1 arrived again with different content. Both versions are kept; the first one is the one "
               "Tillbridge works with until someone decides.")
                .arg(parse.orderId),
            QJsonObject{{QStringLiteral("sha256"), QString::fromLatin1(parse.rawSha256Hex)}});
        if (auto status = raise(exceptionFor(finding, entityId, 0)); !status)
            return status.error();
        return routed;
    }
    case OrderReceipt::New:
        break;
    }

    if (!parse.order) {
        routed.outcome = Routed::Outcome::Malformed;
        ValidationFinding finding = ValidationFinding::make(
            ExceptionKind::MalformedOrder,
            tr("Order %1 could not be read: %2 The order as Sitoo sent it is kept.")
                .arg(parse.orderId)
                .arg(parse.problems.join(QStringLiteral(" "))),
            QJsonObject{{QStringLiteral("problems"), QJsonArray::fromStringList(parse.problems)}});
        if (auto status = raise(exceptionFor(finding, entityId, 0)); !status)
            return status.error();
        return routed; // stored quarantined by the repository
    }

    const PosOrder &order = *parse.order;
    // The same receipt under a second order id would post one sale twice: hold the later one for a person.
    QList<ValidationFinding> receiptFindings;
    auto twin = orders.findOtherWithReceipt(tx, m_account, order.receiptId, order.orderId);
    if (!twin)
        return twin.error();
    if (twin->has_value()) {
        const StoredOrder &first = **twin;
        receiptFindings.append(ValidationFinding::make(
            ExceptionKind::DuplicateOrder,
            tr("Receipt %1 arrived before as order %2 (total %3 %4); this order %5 carries the same receipt with a "
               "total of %6 %4. Only one of them can be posted.")
                .arg(order.receiptId)
                .arg(first.sitooOrderId)
                .arg(Money(first.totalGrossMinor, order.currency).toWireString(), order.currency.code())
                .arg(order.orderId)
                .arg(order.totalGross.toWireString()),
            QJsonObject{{QStringLiteral("receiptId"), order.receiptId},
                        {QStringLiteral("firstOrderId"), first.sitooOrderId},
                        {QStringLiteral("firstTotalMinor"), first.totalGrossMinor},
                        {QStringLiteral("totalMinor"), order.totalGross.minorUnits()},
                        {QStringLiteral("currency"), order.currency.code()}}));
    }
    RoutingRequest request;
    request.actor = actor();
    request.quarantineReason = tr("Held back: blocking exceptions were raised.");
    request.extraFindings = receiptFindings;
    request.prepared = prepared;
    auto outcome = m_router.route(tx, m_account, received->posOrderId, order, RoutingHistory{}, request);
    if (!outcome)
        return outcome.error();
    routed.exceptions += outcome->exceptionsRaised;
    routed.outcome = outcome->verdict.ready() ? Routed::Outcome::Ready : Routed::Outcome::Quarantined;
    return routed;
}

} // namespace Tillbridge::Core
