// SPDX-License-Identifier: GPL-3.0-or-later
// The exception queue: every transition with its history row and audit event, de-duplication of open exceptions,
// maker-checker enforced by the repository and by the database, and filtering/paging done in SQL with hostile text.
#include "core/storage/exceptionrepository.h"

#include "core/domain/store.h"
#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/storerepository.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::execSql;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

namespace {
const QString kMakerCheckerMessage =
    QStringLiteral("An override must be approved by someone other than the person who made it (maker-checker).");

ExceptionRecord makeRecord(ExceptionKind kind, const QString &entityId, const QString &explanation,
                           qint64 storeId = 0)
{
    ExceptionRecord record;
    record.kind = kind;
    record.severity = ExceptionKinds::defaultSeverity(kind);
    record.owner = ExceptionKinds::owner(kind);
    record.storeId = storeId;
    record.entityType = QStringLiteral("order");
    record.entityId = entityId;
    record.explanation = explanation;
    record.details = QJsonObject{{QStringLiteral("difference_minor"), 1},
                                 {QStringLiteral("currency"), QStringLiteral("SEK")}};
    return record;
}

QString lastAuditDetails(const QSqlDatabase &db, const QString &action)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT details FROM audit_events WHERE action = ? ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(action);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}
} // namespace

class tst_ExceptionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void raiseWritesHistoryAndAudit();
    void raisingTheSameProblemDoesNotStack();
    void assignAndResolve();
    void rejectAndAutoResolve();
    void illegalTransitionsAreRefused();
    void makerCannotApproveTheirOwnOverride();
    void theDatabaseEnforcesMakerChecker();
    void approvalByASecondPersonIsAudited();
    void filtersArePagedInSql();
    void hostileSearchTextMatchesLiterally_data();
    void hostileSearchTextMatchesLiterally();
    void searchFindsAnySubstringAndFollowsChanges();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }
    qint64 raise(const ExceptionRecord &record);

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_ExceptionRepository::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_ExceptionRepository::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

qint64 tst_ExceptionRepository::raise(const ExceptionRecord &record)
{
    ExceptionRepository exceptions(db());
    DbTransaction tx(db());
    auto raised = exceptions.raise(tx, record);
    if (!raised.ok() || !tx.commit().ok()) {
        qWarning() << "raise failed:" << raised.errorString();
        return 0;
    }
    return raised->id;
}

void tst_ExceptionRepository::raiseWritesHistoryAndAudit()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::TotalsMismatch, QStringLiteral("1"),
                                       QStringLiteral("Lines 413.76 + VAT 103.44 = 517.20; total 517.21")));
    QVERIFY(id > 0);
    auto record = exceptions.load(id);
    QVERIFY(record.ok());
    QCOMPARE(record->state, ExceptionState::Open);
    QCOMPARE(record->kind, ExceptionKind::TotalsMismatch);
    QCOMPARE(record->owner, OwnerTeam::Finance);
    QCOMPARE(record->details.value(QStringLiteral("difference_minor")).toInt(), 1);
    QVERIFY(record->createdAt.isValid());

    auto history = exceptions.history(id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
    QVERIFY(!history->at(0).fromState.has_value());
    QCOMPARE(history->at(0).toState, ExceptionState::Open);
    QCOMPARE(history->at(0).actor, QStringLiteral("system"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.raised'"), qint64(1));
    QCOMPARE(exceptions.openForEntity(QStringLiteral("order"), QStringLiteral("1"))->size(), 1);
    QCOMPARE(exceptions.load(4242).error().code, ErrorCode::NotFound);
}

void tst_ExceptionRepository::raisingTheSameProblemDoesNotStack()
{
    ExceptionRepository exceptions(db());
    const ExceptionRecord record =
        makeRecord(ExceptionKind::UnknownSku, QStringLiteral("7"), QStringLiteral("SKU X-1 is not in Prima"));
    const qint64 id = raise(record);
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");

    {
        DbTransaction tx(db());
        auto again = exceptions.raise(tx, record);
        QVERIFY(again.ok());
        QCOMPARE(again->outcome, ExceptionRaise::AlreadyOpen);
        QCOMPARE(again->id, id);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(count("SELECT COUNT(*) FROM exceptions"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM exception_history"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    // New figures refresh the open copy and withdraw a pending override.
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.markOverride(tx, id, QStringLiteral("anna"), QStringLiteral("known item")).ok());
        ExceptionRecord changed = record;
        changed.explanation = QStringLiteral("SKU X-1 and X-2 are not in Prima");
        auto refreshed = exceptions.raise(tx, changed);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed->outcome, ExceptionRaise::Refreshed);
        QCOMPARE(refreshed->id, id);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(count("SELECT COUNT(*) FROM exceptions"), qint64(1));
    QCOMPARE(exceptions.load(id)->explanation, QStringLiteral("SKU X-1 and X-2 are not in Prima"));
    QVERIFY(exceptions.load(id)->madeBy.isEmpty());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.refreshed'"), qint64(1));
    QCOMPARE(exceptions.history(id)->size(), 3);

    // Another kind for the same entity is another exception; after closing, the same problem is raised anew.
    QVERIFY(raise(makeRecord(ExceptionKind::TaxVariance, QStringLiteral("7"), QStringLiteral("VAT differs"))) != id);
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.resolve(tx, id, QStringLiteral("items created in Prima"), QStringLiteral("anna")).ok());
        QVERIFY(tx.commit().ok());
    }
    const qint64 reopened = raise(record);
    QVERIFY(reopened > 0 && reopened != id);
    QCOMPARE(count("SELECT COUNT(*) FROM exceptions"), qint64(3));
    // The database holds the rule as well: a second open copy cannot be inserted behind the repository's back.
    QVERIFY(!execSql(db(), QStringLiteral("INSERT INTO exceptions (kind, severity, owner_team, entity_type, entity_id, "
                                          "explanation, state, created_at, updated_at) SELECT kind, severity, "
                                          "owner_team, entity_type, entity_id, explanation, 'open', created_at, "
                                          "updated_at FROM exceptions WHERE state = 'open' LIMIT 1")));
}

void tst_ExceptionRepository::assignAndResolve()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::UnmappedPaymentMethod, QStringLiteral("9"),
                                       QStringLiteral("Payment method Swish is not mapped")));
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.assign(tx, id, QStringLiteral("bertil"), QStringLiteral("anna")).ok());
        QVERIFY(tx.commit().ok());
    }
    auto record = exceptions.load(id);
    QCOMPARE(record->state, ExceptionState::Assigned);
    QCOMPARE(record->assignedTo, QStringLiteral("bertil"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.assigned'"), qint64(1));

    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.assign(tx, id, QStringLiteral("bertil"), QStringLiteral("anna")).ok()); // no change
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    {
        DbTransaction tx(db());
        QVERIFY(exceptions.resolve(tx, id, QStringLiteral("mapped Swish to SWISH"), QStringLiteral("bertil")).ok());
        QVERIFY(tx.commit().ok());
    }
    record = exceptions.load(id);
    QCOMPARE(record->state, ExceptionState::Resolved);
    QCOMPARE(record->resolutionReason, QStringLiteral("mapped Swish to SWISH"));
    auto history = exceptions.history(id);
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(1).fromState, std::optional<ExceptionState>(ExceptionState::Open));
    QCOMPARE(history->at(1).toState, ExceptionState::Assigned);
    QCOMPARE(history->at(2).fromState, std::optional<ExceptionState>(ExceptionState::Assigned));
    QCOMPARE(history->at(2).toState, ExceptionState::Resolved);
    QCOMPARE(history->at(2).actor, QStringLiteral("bertil"));
    QCOMPARE(history->at(2).note, QStringLiteral("mapped Swish to SWISH"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.resolved'"), qint64(1));
    QVERIFY(exceptions.openForEntity(QStringLiteral("order"), QStringLiteral("9"))->isEmpty());
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_ExceptionRepository::rejectAndAutoResolve()
{
    ExceptionRepository exceptions(db());
    const qint64 rejected = raise(makeRecord(ExceptionKind::ReturnExceedsOriginal, QStringLiteral("11"),
                                             QStringLiteral("3 returned, 2 sold")));
    const qint64 gone = raise(makeRecord(ExceptionKind::UnmappedStore, QStringLiteral("12"),
                                         QStringLiteral("Store 200 is not mapped")));
    DbTransaction tx(db());
    QVERIFY(exceptions.reject(tx, rejected, QStringLiteral("fraudulent return"), QStringLiteral("anna")).ok());
    auto closed = exceptions.autoResolve(tx, QStringLiteral("order"), QStringLiteral("12"),
                                         ExceptionKind::UnmappedStore, QStringLiteral("store mapped"));
    QVERIFY(closed.ok());
    QVERIFY(*closed);
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    auto nothing = exceptions.autoResolve(tx, QStringLiteral("order"), QStringLiteral("12"),
                                          ExceptionKind::UnmappedStore, QStringLiteral("again"));
    QVERIFY(nothing.ok());
    QVERIFY(!*nothing);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);
    QVERIFY(tx.commit().ok());

    QCOMPARE(exceptions.load(rejected)->state, ExceptionState::Rejected);
    QCOMPARE(exceptions.load(gone)->state, ExceptionState::AutoResolved);
    QCOMPARE(exceptions.history(gone)->last().actor, QStringLiteral("system"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.rejected'"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.auto-resolved'"), qint64(1));
}

void tst_ExceptionRepository::illegalTransitionsAreRefused()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::PeriodClosed, QStringLiteral("13"),
                                       QStringLiteral("October is closed")));
    {
        DbTransaction tx(db());
        const Status noReason = exceptions.resolve(tx, id, QStringLiteral("  "), QStringLiteral("anna"));
        QCOMPARE(noReason.error().code, ErrorCode::InvalidInput);
        QVERIFY(exceptions.resolve(tx, id, QStringLiteral("posted in November"), QStringLiteral("anna")).ok());
        QVERIFY(tx.commit().ok());
    }
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    const qint64 historyRows = count("SELECT COUNT(*) FROM exception_history");
    DbTransaction tx(db());
    const Status again = exceptions.resolve(tx, id, QStringLiteral("twice"), QStringLiteral("anna"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
    QVERIFY2(again.errorString().contains(u"already resolved"), qPrintable(again.errorString()));
    QVERIFY(!exceptions.assign(tx, id, QStringLiteral("bertil"), QStringLiteral("anna")).ok());
    QVERIFY(!exceptions.reject(tx, id, QStringLiteral("no"), QStringLiteral("anna")).ok());
    QVERIFY(!exceptions.markOverride(tx, id, QStringLiteral("anna"), QStringLiteral("post anyway")).ok());
    QVERIFY(!exceptions.approveOverride(tx, id, QStringLiteral("bertil"), QStringLiteral("ok")).ok());
    QCOMPARE(exceptions.assign(tx, 4242, QStringLiteral("bertil"), QStringLiteral("anna")).error().code,
             ErrorCode::NotFound);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);
    QCOMPARE(count("SELECT COUNT(*) FROM exception_history"), historyRows);
    // Closed is final in the database as well.
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET state = 'open'")));
    QCOMPARE(exceptions.load(id)->state, ExceptionState::Resolved);
}

void tst_ExceptionRepository::makerCannotApproveTheirOwnOverride()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::TaxVariance, QStringLiteral("21"),
                                       QStringLiteral("VAT 103.44 vs 103.45")));
    {
        DbTransaction tx(db());
        // No override yet: nothing to approve.
        QCOMPARE(exceptions.approveOverride(tx, id, QStringLiteral("bertil"), QStringLiteral("ok")).error().code,
                 ErrorCode::InvalidInput);
        QVERIFY(exceptions.markOverride(tx, id, QStringLiteral("anna"), QStringLiteral("1 öre, post as is")).ok());
        QVERIFY(!exceptions.markOverride(tx, id, QStringLiteral("bertil"), QStringLiteral("me too")).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(exceptions.load(id)->madeBy, QStringLiteral("anna"));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.override-proposed'"), qint64(1));

    for (const QString &self : {QStringLiteral("anna"), QStringLiteral("ANNA "), QStringLiteral("system")}) {
        DbTransaction tx(db());
        const Status status = exceptions.approveOverride(tx, id, self, QStringLiteral("looks fine"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
        if (self != u"system")
            QCOMPARE(status.errorString(), kMakerCheckerMessage);
        QVERIFY(status.errorString().contains(u"maker-checker"));
        QVERIFY(tx.commit().ok()); // the refusal's audit event is kept
    }
    auto record = exceptions.load(id);
    QCOMPARE(record->state, ExceptionState::Open);
    QVERIFY(record->approvedBy.isEmpty());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.approval-refused'"), qint64(3));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'exception.approved'"), qint64(0));
    QCOMPARE(exceptions.history(id)->size(), 2); // raised, override proposed
    QVERIFY(lastAuditDetails(db(), QStringLiteral("exception.approval-refused")).contains(u"\"maker\":\"anna\""));
    // The engine cannot make an override either.
    DbTransaction tx(db());
    QCOMPARE(exceptions.markOverride(tx, id, QStringLiteral("system"), QStringLiteral("auto")).error().code,
             ErrorCode::PermissionDenied);
}

void tst_ExceptionRepository::theDatabaseEnforcesMakerChecker()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::TaxVariance, QStringLiteral("22"), QStringLiteral("VAT")));
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.markOverride(tx, id, QStringLiteral("anna"), QStringLiteral("post")).ok());
        QVERIFY(tx.commit().ok());
    }
    // Plain SQL, as a second tool or a careless script would do it.
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET approved_by = made_by, state = 'approved'")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET approved_by = 'Anna', state = 'approved'")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET approved_by = 'system', state = 'approved'")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET state = 'approved'"))); // no checker at all
    // With the triggers gone, the CHECK of migration 2 still holds.
    QVERIFY(execSql(db(), QStringLiteral("DROP TRIGGER exceptions_maker_checker_update")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET approved_by = made_by")));
    QCOMPARE(count("SELECT COUNT(*) FROM exceptions WHERE approved_by IS NOT NULL"), qint64(0));
    QCOMPARE(exceptions.load(id)->state, ExceptionState::Open);
}

void tst_ExceptionRepository::approvalByASecondPersonIsAudited()
{
    ExceptionRepository exceptions(db());
    const qint64 id = raise(makeRecord(ExceptionKind::TaxVariance, QStringLiteral("23"), QStringLiteral("VAT")));
    {
        DbTransaction tx(db());
        QVERIFY(exceptions.assign(tx, id, QStringLiteral("anna"), QStringLiteral("anna")).ok());
        QVERIFY(exceptions.markOverride(tx, id, QStringLiteral("anna"), QStringLiteral("1 öre")).ok());
        const Status approved = exceptions.approveOverride(tx, id, QStringLiteral("bertil"), QStringLiteral("agreed"));
        QVERIFY2(approved.ok(), qPrintable(approved.errorString()));
        QVERIFY(tx.commit().ok());
    }
    auto record = exceptions.load(id);
    QCOMPARE(record->state, ExceptionState::Approved);
    QCOMPARE(record->madeBy, QStringLiteral("anna"));
    QCOMPARE(record->approvedBy, QStringLiteral("bertil"));
    QCOMPARE(record->resolutionReason, QStringLiteral("agreed"));
    auto history = exceptions.history(id);
    QCOMPARE(history->last().toState, ExceptionState::Approved);
    QCOMPARE(history->last().actor, QStringLiteral("bertil"));
    QVERIFY(history->last().note.contains(u"anna"));
    const QJsonObject details =
        QJsonDocument::fromJson(lastAuditDetails(db(), QStringLiteral("exception.approved")).toUtf8()).object();
    QCOMPARE(details.value(QStringLiteral("maker")).toString(), QStringLiteral("anna"));
    QCOMPARE(details.value(QStringLiteral("checker")).toString(), QStringLiteral("bertil"));
    QCOMPARE(details.value(QStringLiteral("from_state")).toString(), QStringLiteral("assigned"));
    // Final: the maker or checker cannot be rewritten afterwards.
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE exceptions SET approved_by = 'cecilia'")));
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_ExceptionRepository::filtersArePagedInSql()
{
    ExceptionRepository exceptions(db());
    StoreRepository stores(db());
    qint64 storeIds[2] = {};
    {
        DbTransaction tx(db());
        for (int i = 0; i < 2; ++i) {
            Store store;
            store.sitooAccount = QStringLiteral("90001");
            store.sitooStoreId = QString::number(200 + i);
            store.name = QStringLiteral("Store %1").arg(i);
            store.currency = Currency::of(u"SEK");
            store.countryCode = QStringLiteral("SE");
            store.taxRegime = TaxRegime::Sweden;
            store.timeZone = QStringLiteral("Europe/Stockholm");
            auto saved = stores.save(tx, store, QStringLiteral("admin"));
            QVERIFY(saved.ok());
            storeIds[i] = saved->id;
        }
        QVERIFY(tx.commit().ok());
    }
    const QList<ExceptionKind> kinds{ExceptionKind::UnknownSku, ExceptionKind::UnmappedStore,
                                     ExceptionKind::TotalsMismatch};
    // 30 exceptions; all share one created_at per batch of ten, so paging must break ties by id.
    QList<qint64> all;
    {
        DbTransaction tx(db());
        for (int i = 0; i < 30; ++i) {
            ExceptionRecord record = makeRecord(kinds[i % 3], QString::number(1000 + i),
                                                QStringLiteral("Problem number %1").arg(i), storeIds[i % 2]);
            record.createdAt = QDateTime(QDate(2026, 11, 1 + i / 10), QTime(8, 0), Qt::UTC);
            auto raised = exceptions.raise(tx, record);
            QVERIFY(raised.ok());
            all.append(raised->id);
            if (i % 5 == 0)
                QVERIFY(exceptions.assign(tx, raised->id, QStringLiteral("anna"), QStringLiteral("anna")).ok());
        }
        QVERIFY(tx.commit().ok());
    }

    auto collect = [&](const ExceptionFilter &filter, int pageSize) {
        QList<qint64> ids;
        std::optional<ExceptionPageKey> after;
        for (int guard = 0; guard < 100; ++guard) {
            auto rows = exceptions.page(filter, after, pageSize);
            if (!rows.ok()) {
                qWarning() << rows.errorString();
                return QList<qint64>{-1};
            }
            for (const ExceptionRecord &row : *rows)
                ids.append(row.id);
            if (rows->size() < pageSize)
                break;
            after = ExceptionRepository::keyOf(rows->last());
        }
        return ids;
    };

    QCOMPARE(collect({}, 7), all); // (created_at, id) order, no row twice, none missing

    ExceptionFilter byKind;
    byKind.kinds = {ExceptionKind::UnknownSku};
    QCOMPARE(collect(byKind, 4).size(), 10);
    ExceptionFilter byTwoKinds;
    byTwoKinds.kinds = {ExceptionKind::UnknownSku, ExceptionKind::TotalsMismatch};
    QCOMPARE(collect(byTwoKinds, 4).size(), 20);
    ExceptionFilter byOwner;
    byOwner.owner = OwnerTeam::RetailOps;
    QCOMPARE(collect(byOwner, 4).size(), 10);
    ExceptionFilter byStore;
    byStore.storeId = storeIds[1];
    QCOMPARE(collect(byStore, 4).size(), 15);
    ExceptionFilter byState;
    byState.states = {ExceptionState::Assigned};
    QCOMPARE(collect(byState, 4).size(), 6);
    ExceptionFilter combined;
    combined.kinds = {ExceptionKind::UnknownSku};
    combined.storeId = storeIds[0];
    combined.states = {ExceptionState::Open, ExceptionState::Assigned};
    combined.text = QStringLiteral("number 1");
    // UnknownSku is i % 3 == 0, store 0 is i even: i in {0, 6, 12, 18, 24}; "number 1" matches 12 and 18.
    QCOMPARE(collect(combined, 2).size(), 2);

    // Random access for the windowed queue: backwards from a row, from the end, and by skipping from either end.
    using Request = PageRequest<ExceptionPageKey>;
    auto ids = [&](const Request &request) {
        QList<qint64> result;
        auto rows = exceptions.page(ExceptionFilter{}, request);
        if (!rows.ok())
            return QList<qint64>{-1};
        for (const ExceptionRecord &row : *rows)
            result.append(row.id);
        return result;
    };
    QCOMPARE(ids(Request{std::nullopt, PageDirection::Backward, 0, 3}),
             (QList<qint64>{all[29], all[28], all[27]})); // the end, newest first
    QCOMPARE(ids(Request{std::nullopt, PageDirection::Forward, 12, 3}), all.mid(12, 3));
    QCOMPARE(ids(Request{std::nullopt, PageDirection::Backward, 5, 2}), (QList<qint64>{all[24], all[23]}));
    // A tie on created_at (rows 10..19 share one) is broken by id in both directions.
    auto row15 = exceptions.page(ExceptionFilter{}, Request{std::nullopt, PageDirection::Forward, 15, 1});
    QVERIFY(row15.ok() && row15->size() == 1);
    const ExceptionPageKey key15 = ExceptionRepository::keyOf(row15->first());
    QCOMPARE(ids(Request{key15, PageDirection::Backward, 99, 4}),
             (QList<qint64>{all[14], all[13], all[12], all[11]})); // skip is ignored next to an anchor
    QCOMPARE(ids(Request{key15, PageDirection::Forward, 0, 2}), all.mid(16, 2));
    QCOMPARE(exceptions.position(ExceptionFilter{}, key15).value(), 15);
    QCOMPARE(exceptions.position(byStore, key15).value(), 7); // store 1 is i odd: 1, 3, …, 13 come before row 15

    auto counts = exceptions.countsByOwnerAndState();
    QVERIFY(counts.ok());
    qint64 assignedFinance = 0;
    qint64 total = 0;
    for (const ExceptionCount &entry : *counts) {
        total += entry.count;
        if (entry.owner == OwnerTeam::Finance && entry.state == ExceptionState::Assigned)
            assignedFinance = entry.count;
    }
    QCOMPARE(total, 30);
    QCOMPARE(assignedFinance, 2); // TotalsMismatch (i % 3 == 2) and assigned (i % 5 == 0): i = 5, 20
}

void tst_ExceptionRepository::hostileSearchTextMatchesLiterally_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("percent") << QStringLiteral("%") << QStringList{QStringLiteral("100% sure")};
    QTest::newRow("underscore") << QStringLiteral("_") << QStringList{QStringLiteral("under_score")};
    QTest::newRow("backslash") << QStringLiteral("\\") << QStringList{QStringLiteral("back\\slash")};
    QTest::newRow("injection") << QStringLiteral("'); DROP TABLE exceptions;--")
                               << QStringList{QStringLiteral("note '); DROP TABLE exceptions;-- end")};
    QTest::newRow("quote") << QStringLiteral("'")
                           << QStringList{QStringLiteral("note '); DROP TABLE exceptions;-- end")};
    QTest::newRow("nothing") << QStringLiteral("%_%") << QStringList{};
}

void tst_ExceptionRepository::hostileSearchTextMatchesLiterally()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    ExceptionRepository exceptions(db());
    const QStringList explanations{QStringLiteral("100% sure"), QStringLiteral("100 sure"),
                                   QStringLiteral("under_score"), QStringLiteral("underXscore"),
                                   QStringLiteral("back\\slash"),
                                   QStringLiteral("note '); DROP TABLE exceptions;-- end")};
    for (int i = 0; i < explanations.size(); ++i)
        QVERIFY(raise(makeRecord(ExceptionKind::MalformedOrder, QString::number(i), explanations[i])) > 0);

    ExceptionFilter filter;
    filter.text = text;
    auto rows = exceptions.page(filter, std::nullopt, 100);
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QStringList found;
    for (const ExceptionRecord &row : *rows)
        found.append(row.explanation);
    QCOMPARE(found, expected);
    QCOMPARE(count("SELECT COUNT(*) FROM exceptions"), qint64(explanations.size()));
}

// The search index (migration 13): any substring of three characters or more, in any case, in the explanation, the
// entity or the assignee; kept in step when an exception is assigned or its explanation changes; shorter texts
// still found row by row; the count agrees with the pages.
void tst_ExceptionRepository::searchFindsAnySubstringAndFollowsChanges()
{
    const qint64 unread =
        raise(makeRecord(ExceptionKind::MalformedOrder, QStringLiteral("90002:20006"),
                         QStringLiteral("Order 20006 could not be read: \"559,20\" is not an amount.")));
    const qint64 sku = raise(makeRecord(ExceptionKind::UnknownSku, QStringLiteral("90002:20028"),
                                        QStringLiteral("Line 1 (ZZ924-XXX-6): SKU not in Prima.")));
    QVERIFY(unread > 0 && sku > 0);
    ExceptionRepository exceptions(db());
    const auto idsFor = [&exceptions](const QString &text) {
        ExceptionFilter filter;
        filter.text = text;
        QList<qint64> ids;
        const auto rows = exceptions.page(filter, std::nullopt, 100);
        for (const ExceptionRecord &row : rows.valueOr({}))
            ids.append(row.id);
        if (exceptions.count(filter).valueOr(-1) != ids.size())
            ids.append(-1); // the count must agree with the rows
        return ids;
    };
    QCOMPARE(idsFor(QStringLiteral("20006")), QList<qint64>{unread});
    QCOMPARE(idsFor(QStringLiteral("zz924-xxx")), QList<qint64>{sku}); // any case
    QCOMPARE(idsFor(QStringLiteral("\"559,20\"")), QList<qint64>{unread}); // quotes are text
    QCOMPARE(idsFor(QStringLiteral("90002:2002")), QList<qint64>{sku}); // the entity
    QCOMPARE(idsFor(QStringLiteral("Order 2000")), QList<qint64>{unread}); // across a space
    QCOMPARE(idsFor(QStringLiteral("ZZ")), QList<qint64>{sku}); // too short for the index: row by row
    QCOMPARE(idsFor(QStringLiteral("not")), (QList<qint64>{unread, sku}));
    QCOMPARE(idsFor(QStringLiteral("maria")), QList<qint64>{});
    ExceptionFilter withNul;
    withNul.text = QString::fromUtf8("2000\0" "6", 6);
    QVERIFY(exceptions.page(withNul, std::nullopt, 100).ok()); // not an FTS syntax error

    {
        DbTransaction tx(db());
        QVERIFY(exceptions.assign(tx, sku, QStringLiteral("maria.lind"), QStringLiteral("maria.lind")).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(idsFor(QStringLiteral("maria")), QList<qint64>{sku}); // the assignee
    QVERIFY(execSql(db(), QStringLiteral("UPDATE exceptions SET explanation = 'Line 1 (ZZ925): SKU not in Prima.' "
                                         "WHERE id = %1").arg(sku)));
    QCOMPARE(idsFor(QStringLiteral("ZZ924")), QList<qint64>{});
    QCOMPARE(idsFor(QStringLiteral("ZZ925")), QList<qint64>{sku});
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM exceptions_search WHERE exceptions_search MATCH "
                                         "'\"20006\"'")),
             qint64(1));
    // FTS5's own check that the index holds exactly the table's text (it fails when a trigger missed a change).
    QVERIFY(execSql(db(), QStringLiteral("INSERT INTO exceptions_search (exceptions_search, rank) "
                                         "VALUES ('integrity-check', 1)")));
    QVERIFY(execSql(db(), QStringLiteral("DROP TRIGGER exceptions_search_update")));
    QVERIFY(execSql(db(), QStringLiteral("UPDATE exceptions SET explanation = 'changed behind the index' WHERE id = %1")
                              .arg(unread)));
    QVERIFY(!execSql(db(), QStringLiteral("INSERT INTO exceptions_search (exceptions_search, rank) "
                                          "VALUES ('integrity-check', 1)")));
}

QTEST_GUILESS_MAIN(tst_ExceptionRepository)
#include "tst_exceptionrepository.moc"
