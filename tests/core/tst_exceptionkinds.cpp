// SPDX-License-Identifier: GPL-3.0-or-later
// The stable codes of product.md: kinds, owners, severities, states and credit-note dispositions.
#include "core/domain/creditnote.h"
#include "core/domain/exceptionrecord.h"
#include "core/domain/posorder.h"
#include "core/domain/store.h"

#include <QSet>
#include <QTest>

using namespace Tillbridge::Core;

class tst_ExceptionKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownersFollowProductTable_data();
    void ownersFollowProductTable();
    void everyKindHasAUniqueStableCode();
    void onlyRoundingMethodIsInformational();
    void stateCodes();
    void otherCodes();
};

void tst_ExceptionKinds::ownersFollowProductTable_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("owner");
    // Copied from product.md "Exception kinds": a change there must change this table.
    const QList<std::pair<const char *, const char *>> table{
        {"UNKNOWN_SKU", "data"},
        {"SKU_BLOCKED", "data"},
        {"TOTALS_MISMATCH", "finance"},
        {"TAX_VARIANCE", "finance"},
        {"TAX_ROUNDING_METHOD", "finance"},
        {"UNMAPPED_TAX_RATE", "finance"},
        {"UNMAPPED_PAYMENT_METHOD", "finance"},
        {"UNMAPPED_PROMOTION", "finance"},
        {"UNMAPPED_STORE", "retail-ops"},
        {"CURRENCY_MISMATCH", "finance"},
        {"RETURN_WITHOUT_ORIGINAL", "finance"},
        {"RETURN_EXCEEDS_ORIGINAL", "finance"},
        {"DUPLICATE_ORDER", "finance"},
        {"MALFORMED_ORDER", "data"},
        {"POSTING_FAILED", "finance"},
        {"PERIOD_CLOSED", "finance"},
        {"CATALOG_ONLY_IN_SITOO", "data"},
        {"CATALOG_ONLY_IN_PRIMA", "data"},
        {"CATALOG_FIELD_MISMATCH", "data"},
        {"STOCK_PUSH_FAILED", "retail-ops"},
        {"PAYOUT_VARIANCE", "finance"},
        {"STORE_FEED_SILENT", "retail-ops"},
    };
    for (const auto &[code, owner] : table)
        QTest::newRow(code) << QString::fromLatin1(code) << QString::fromLatin1(owner);
}

void tst_ExceptionKinds::ownersFollowProductTable()
{
    QFETCH(QString, code);
    QFETCH(QString, owner);
    const auto kind = ExceptionKinds::fromCode(code);
    QVERIFY2(kind.has_value(), qPrintable(code));
    QCOMPARE(ExceptionKinds::code(*kind), code);
    QCOMPARE(ownerTeamCode(ExceptionKinds::owner(*kind)), owner);
    QVERIFY(!ExceptionKinds::title(*kind).isEmpty());
}

void tst_ExceptionKinds::everyKindHasAUniqueStableCode()
{
    QSet<QString> codes;
    for (ExceptionKind kind : ExceptionKinds::all())
        codes.insert(ExceptionKinds::code(kind));
    QCOMPARE(codes.size(), 22);
    QVERIFY(!ExceptionKinds::fromCode(QStringLiteral("unknown_sku")).has_value());
    QVERIFY(!ExceptionKinds::fromCode(QString()).has_value());
}

void tst_ExceptionKinds::onlyRoundingMethodIsInformational()
{
    for (ExceptionKind kind : ExceptionKinds::all()) {
        const bool info = ExceptionKinds::defaultSeverity(kind) == Severity::Info;
        QCOMPARE(info, kind == ExceptionKind::TaxRoundingMethod);
    }
    QCOMPARE(ExceptionKinds::defaultSeverity(ExceptionKind::TotalsMismatch), Severity::Blocking);
}

void tst_ExceptionKinds::stateCodes()
{
    const QList<std::pair<ExceptionState, QString>> states{
        {ExceptionState::Open, QStringLiteral("open")},
        {ExceptionState::Assigned, QStringLiteral("assigned")},
        {ExceptionState::Resolved, QStringLiteral("resolved")},
        {ExceptionState::Approved, QStringLiteral("approved")},
        {ExceptionState::Rejected, QStringLiteral("rejected")},
        {ExceptionState::AutoResolved, QStringLiteral("auto-resolved")},
    };
    for (const auto &[state, code] : states) {
        QCOMPARE(exceptionStateCode(state), code);
        QCOMPARE(exceptionStateFromCode(code), state);
        QCOMPARE(isTerminal(state), state != ExceptionState::Open && state != ExceptionState::Assigned);
    }
    for (auto severity : {Severity::Blocking, Severity::Warning, Severity::Info})
        QCOMPARE(severityFromCode(severityCode(severity)), severity);
    for (auto team : {OwnerTeam::Finance, OwnerTeam::RetailOps, OwnerTeam::Data})
        QCOMPARE(ownerTeamFromCode(ownerTeamCode(team)), team);
}

void tst_ExceptionKinds::otherCodes()
{
    QCOMPARE(lineDispositionCode(LineDisposition::Restock), QStringLiteral("RESTOCK"));
    QCOMPARE(lineDispositionCode(LineDisposition::WriteOff), QStringLiteral("WRITE_OFF"));
    QCOMPARE(lineDispositionFromCode(QStringLiteral("QUARANTINE")), LineDisposition::Quarantine);
    QCOMPARE(lineDispositionFromCode(QStringLiteral("NO_STOCK_MOVEMENT")), LineDisposition::NoStockMovement);
    QVERIFY(!lineDispositionFromCode(QStringLiteral("restock")).has_value());
    QCOMPARE(posOrderKindFromCode(posOrderKindCode(PosOrderKind::Refund)), PosOrderKind::Refund);
    QCOMPARE(taxRegimeFromCode(taxRegimeCode(TaxRegime::Sweden)), TaxRegime::Sweden);
    QVERIFY(!taxRegimeFromCode(QStringLiteral("DE")).has_value());
}

QTEST_GUILESS_MAIN(tst_ExceptionKinds)
#include "tst_exceptionkinds.moc"
