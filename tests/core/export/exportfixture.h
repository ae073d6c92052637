// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real cache (migrated by the real code) holding what every export reads: two stores (one with a comma and quotes
// in its name), October 2026 orders reconciled against crafted Prima postings (one day with a variance), exceptions
// with awkward text and an approved override (maker Pete, checker Anna), 230 SKU differences and 450 stock levels
// (more than one page of each view), and the audit trail all of that wrote. Also: how to run Python for the checks.

#include "core/domain/exceptionrecord.h"
#include "core/prima/primatypes.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"
#include "core/storage/userrepository.h"
#include "core/catalogue/skuauditrepository.h"

#include "tests/core/reconciliation/cachefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimeZone>

namespace Tillbridge::Test::Export {

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Recon;

/** Text that CSV and XLSX must carry exactly. */
inline QString awkwardText()
{
    return QStringLiteral("=cmd|' /C calc'!A0; \"quoted\", comma\nsecond line · Åsa Ölund ☃ 税");
}

inline QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

inline PrimaLedgerPosting posting(const QString &location, QDate day, const QString &account, const QString &tender,
                                  qint64 minor, const QString &currency)
{
    PrimaLedgerPosting p;
    p.postingId = QStringLiteral("1");
    p.postingDate = day;
    p.account = account;
    p.location = location;
    p.amount = Money(minor, Currency::of(currency));
    p.tender = tender;
    return p;
}

struct ExportFixture
{
    qint64 stockholm = 0;
    qint64 london = 0;
    qint64 awkwardException = 0;
    qint64 overrideException = 0;
    static constexpr int kSkuDiffs = 230;
    static constexpr int kStockLevels = 450;

    /** Seeds @p db; returns false (with a warning) when something could not be written. */
    bool seed(const QSqlDatabase &db)
    {
        {
            DbTransaction tx(db);
            UserRepository users(db);
            if (!users.create(tx, QStringLiteral("anna"), QStringLiteral("Anna"), UserRole::Approver,
                              QStringLiteral("correct horse 1"), QStringLiteral("admin")).ok()
                || !users.create(tx, QStringLiteral("pete"), QStringLiteral("Pete"), UserRole::Preparer,
                                 QStringLiteral("correct horse 3"), QStringLiteral("admin")).ok()
                || !MappingRepository(db).save(tx, MappingKind::PaymentMethod, QStringLiteral("Card"),
                                               QStringLiteral("CARD"), QStringLiteral("test"))
                || !tx.commit())
                return false;
        }
        stockholm = addStore(db, QStringLiteral("STO-01"), QStringLiteral("Stockholm \"Drottninggatan\", City"),
                             QStringLiteral("SEK"), QStringLiteral("SE"), QStringLiteral("Europe/Stockholm"),
                             QStringLiteral("STO-01"));
        london = addStore(db, QStringLiteral("LDN-01"), QStringLiteral("London Oxford St"), QStringLiteral("GBP"),
                          QStringLiteral("UK"), QStringLiteral("Europe/London"), QStringLiteral("LDN-01"));
        if (stockholm <= 0 || london <= 0)
            return false;
        // Stockholm: 25 % and 12 % sales on 14 October; one line's VAT is 1 öre off the rate.
        addOrder(db, stockholm, 5001, utc(2026, 10, 14, 10, 0), QStringLiteral("posted"),
                 {{250000, 100000, 25000}, {120000, 50000, 6001}}, {{QStringLiteral("Card"), 181001}},
                 QStringLiteral("SEK"));
        // London: 20 % on 14 and 15 October.
        addOrder(db, london, 1001, utc(2026, 10, 14, 11, 0), QStringLiteral("posted"), {{200000, 10000, 2000}},
                 {{QStringLiteral("Card"), 12000}});
        addOrder(db, london, 1002, utc(2026, 10, 15, 11, 0), QStringLiteral("posted"), {{200000, 5000, 1000}},
                 {{QStringLiteral("Card"), 6000}});
        const auto stores = StoreRepository(db).all();
        if (!stores)
            return false;
        ReconciliationService reconciliation(db, nullptr, nullptr);
        for (const Store &store : *stores) {
            if (store.id == stockholm) {
                const QDate day(2026, 10, 14);
                if (!reconciliation
                         .reconcileStoreDay(store, day,
                                            {posting(QStringLiteral("STO-01"), day, QStringLiteral("TENDER"),
                                                     QStringLiteral("CARD"), 181001, QStringLiteral("SEK")),
                                             posting(QStringLiteral("STO-01"), day, QStringLiteral("VAT"), {}, -31001,
                                                     QStringLiteral("SEK"))},
                                            {})
                         .ok())
                    return false;
            } else {
                const QDate first(2026, 10, 14);
                const QDate second(2026, 10, 15);
                // 15 October: Prima has 10.00 less than the till: a payout variance.
                if (!reconciliation
                         .reconcileStoreDay(store, first,
                                            {posting(QStringLiteral("LDN-01"), first, QStringLiteral("TENDER"),
                                                     QStringLiteral("CARD"), 12000, QStringLiteral("GBP")),
                                             posting(QStringLiteral("LDN-01"), first, QStringLiteral("VAT"), {}, -2000,
                                                     QStringLiteral("GBP"))},
                                            {})
                         .ok()
                    || !reconciliation
                            .reconcileStoreDay(store, second,
                                               {posting(QStringLiteral("LDN-01"), second, QStringLiteral("TENDER"),
                                                        QStringLiteral("CARD"), 5000, QStringLiteral("GBP")),
                                                posting(QStringLiteral("LDN-01"), second, QStringLiteral("VAT"), {},
                                                        -1000, QStringLiteral("GBP"))},
                                               {})
                            .ok())
                    return false;
            }
        }

        ExceptionRepository exceptions(db);
        {
            DbTransaction tx(db);
            // Raised during October, so that the close pack of 2026-10 counts them.
            ExceptionRecord awkwardRecord = ExceptionRecord::open(ExceptionKind::UnmappedPromotion,
                                                                  QStringLiteral("order"), QStringLiteral("1500:5001"),
                                                                  awkwardText(), {}, stockholm);
            awkwardRecord.createdAt = utc(2026, 10, 14, 12, 0);
            ExceptionRecord acceptedRecord = ExceptionRecord::open(ExceptionKind::TotalsMismatch,
                                                                   QStringLiteral("order"), QStringLiteral("1500:1001"),
                                                                   QStringLiteral("Order total 1 penny off"), {},
                                                                   london);
            acceptedRecord.createdAt = utc(2026, 10, 14, 12, 5);
            auto awkward = exceptions.raise(tx, awkwardRecord);
            auto accepted = exceptions.raise(tx, acceptedRecord);
            if (!awkward || !accepted || !tx.commit())
                return false;
            awkwardException = awkward->id;
            overrideException = accepted->id;
        }
        {
            DbTransaction tx(db);
            if (!exceptions.markOverride(tx, overrideException, QStringLiteral("pete"), QStringLiteral("post as is"))
                || !exceptions.approveOverride(tx, overrideException, QStringLiteral("anna"),
                                               QStringLiteral("agreed with the store"))
                || !tx.commit())
                return false;
        }
        {
            DbTransaction tx(db);
            for (int n = 0; n < kSkuDiffs; ++n) {
                const auto kind = n % 3 == 0   ? ExceptionKind::CatalogOnlyInSitoo
                                  : n % 3 == 1 ? ExceptionKind::CatalogOnlyInPrima
                                               : ExceptionKind::CatalogFieldMismatch;
                QJsonObject details;
                if (kind == ExceptionKind::CatalogFieldMismatch) {
                    details = QJsonObject{{QStringLiteral("fields"), QJsonArray{QStringLiteral("title")}},
                                          {QStringLiteral("prima"), QJsonObject{{QStringLiteral("title"),
                                                                                 QStringLiteral("Shoe, \"red\"")}}},
                                          {QStringLiteral("sitoo"), QJsonObject{{QStringLiteral("title"),
                                                                                 QStringLiteral("Shoe red")}}}};
                }
                auto raised = exceptions.raise(
                    tx, ExceptionRecord::open(kind, SkuAuditRepository::entityType(),
                                              QStringLiteral("1/SKU-%1").arg(n, 4, 10, QChar(u'0')),
                                              QStringLiteral("Catalogue difference %1").arg(n), details));
                if (!raised)
                    return false;
            }
            if (!tx.commit())
                return false;
        }
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO stock_levels (sku, location, on_hand, allocated, available_to_sell, "
                                     "version, observed_at, pushed_version, pushed_at, pushed_level) "
                                     "VALUES (?, ?, ?, 0, ?, 2, ?, ?, ?, ?)"));
        for (int n = 0; n < kStockLevels; ++n) {
            query.addBindValue(QStringLiteral("SKU-%1").arg(n, 4, 10, QChar(u'0')));
            query.addBindValue(n % 2 ? QStringLiteral("STO-01") : QStringLiteral("LDN-01"));
            query.addBindValue(n % 17);
            query.addBindValue(n % 17);
            query.addBindValue(dbTime(utc(2026, 10, 20, 8, 0)));
            query.addBindValue(n % 5 == 0 ? QVariant() : QVariant(2));
            query.addBindValue(n % 5 == 0 ? QVariant() : QVariant(dbTime(utc(2026, 10, 20, 8, 1))));
            query.addBindValue(n % 5 == 0 ? QVariant() : QVariant(n % 17 + (n % 7 == 0 ? 1 : 0)));
            if (!query.exec()) {
                qWarning() << query.lastError().text();
                return false;
            }
        }
        return true;
    }
};

/** A Python 3 that has openpyxl (Debian's python3-openpyxl is in /usr/bin), or empty. */
inline QString pythonWithOpenpyxl()
{
    for (const QString &candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
        if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

/** Runs a Python script with arguments; returns its standard output, or a null array on failure (with a warning). */
inline QByteArray runPython(const QString &python, const QString &script, const QStringList &arguments)
{
    QProcess process;
    process.start(python, QStringList{QStringLiteral("-c"), script} + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << process.readAllStandardError();
        return {};
    }
    return process.readAllStandardOutput();
}

/** Reads a CSV file with Python's csv module (utf-8-sig when @p bom): the rows as a JSON array of arrays. */
inline QJsonArray readCsvWithPython(const QString &python, const QString &path, bool bom)
{
    const QString script = QStringLiteral(
        "import csv, json, sys\n"
        "with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:\n"
        "    print(json.dumps(list(csv.reader(f))))\n");
    const QByteArray output = runPython(python, script, {path, bom ? QStringLiteral("utf-8-sig") : QStringLiteral("utf-8")});
    return QJsonDocument::fromJson(output).array();
}

} // namespace Tillbridge::Test::Export
