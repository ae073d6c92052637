// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/close/closepack.h"

#include "core/close/closeservice.h"
#include "core/logging.h"
#include "core/money/currency.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtime.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ClosePack", text);
}

QString amount(qint64 minor, const QString &currencyCode)
{
    const auto currency = Currency::fromCode(currencyCode);
    return currency ? Money(minor, *currency).toWireString() : QString::number(minor);
}

QString optionalAmount(const std::optional<qint64> &minor, const QString &currency)
{
    return minor ? amount(*minor, currency) : QString();
}

class CsvFile
{
public:
    explicit CsvFile(const QString &path)
        : m_file(path)
    {
    }
    bool open() { return m_file.open(QIODevice::WriteOnly); }
    void add(const QStringList &fields) { m_file.write((ClosePack::csvRecord(fields) + QStringLiteral("\r\n")).toUtf8()); }
    Status commit()
    {
        if (!m_file.commit()) {
            return Error{ErrorCode::Io, tr("%1 could not be written: %2")
                                            .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString())};
        }
        return Status::success();
    }
    QString errorString() const { return m_file.errorString(); }

private:
    QSaveFile m_file;
};

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "close pack:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The close pack could not be read from the cache (%1): %2")
                     .arg(QLatin1StringView(tag), query.lastError().text())};
}

} // namespace

QString ClosePack::csvRecord(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
            QString escaped = field;
            escaped.replace(u'"', QStringLiteral("\"\""));
            quoted.append(u'"' + escaped + u'"');
        } else {
            quoted.append(field);
        }
    }
    return quoted.join(u',');
}

qint64 ClosePackData::varianceLines() const
{
    qint64 lines = 0;
    for (const ReconciliationResultRow &row : reconciliation)
        lines += row.matched ? 0 : 1;
    return lines;
}

Result<ClosePackData> ClosePack::load(const QSqlDatabase &db, const QString &periodCode)
{
    auto status = CloseService(db).status(periodCode);
    if (!status)
        return status.error();
    ClosePackData data;
    data.generatedAt = QDateTime::currentDateTimeUtc();
    data.status = *status;
    const ClosePeriod &period = data.status.period;

    ReconciliationRepository reconciliation(db);
    auto results = reconciliation.results(period.first, period.last);
    if (!results)
        return results.error();
    data.reconciliation = *results;
    auto tax = reconciliation.taxVariance(period.first, period.last);
    if (!tax)
        return tax.error();
    data.taxByRate = *tax;

    // Exceptions raised during the period (its UTC month) or still open now.
    const QString from = dbTime(QDateTime(period.first, QTime(0, 0), QTimeZone::utc()));
    const QString to = dbTime(QDateTime(period.last.addDays(1), QTime(0, 0), QTimeZone::utc()));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT kind, owner_team, state, COUNT(*) FROM exceptions WHERE (created_at >= ? "
                                 "AND created_at < ?) OR state IN ('open', 'assigned') "
                                 "GROUP BY kind, owner_team, state ORDER BY kind, owner_team, state"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return dbError(query, "exceptions");
    while (query.next()) {
        data.exceptions.append(ClosePackExceptionCount{query.value(0).toString(), query.value(1).toString(),
                                                       query.value(2).toString(), query.value(3).toLongLong()});
    }

    // Accepted exceptions of the period (raised in it, or concerning its store-days).
    query.prepare(QStringLiteral("SELECT id, kind, COALESCE(store_id, 0), entity_type, entity_id, explanation, made_by, "
                                 "approved_by, COALESCE(resolved_at, updated_at), COALESCE(resolution_reason, '') "
                                 "FROM exceptions WHERE state = 'approved' AND ((created_at >= ? AND created_at < ?) "
                                 "OR (entity_type = 'store-day' AND substr(entity_id, instr(entity_id, ':') + 1) "
                                 "BETWEEN ? AND ?)) ORDER BY id"));
    query.addBindValue(from);
    query.addBindValue(to);
    query.addBindValue(period.first.toString(Qt::ISODate));
    query.addBindValue(period.last.toString(Qt::ISODate));
    if (!query.exec())
        return dbError(query, "overrides");
    while (query.next()) {
        data.overrides.append(ClosePackOverride{query.value(0).toLongLong(), query.value(1).toString(),
                                                query.value(2).toLongLong(), query.value(3).toString(),
                                                query.value(4).toString(), query.value(5).toString(),
                                                query.value(6).toString(), query.value(7).toString(),
                                                query.value(8).toString(), query.value(9).toString()});
    }

    // The audit chain's head, only when the chain verifies.
    auto head = AuditChain::verifiedHead(db);
    if (head) {
        data.auditChainIntact = true;
        data.auditHeadSeq = head->seq;
        data.auditHeadHash = QString::fromLatin1(head->hash);
    } else if (head.error().code == ErrorCode::Tampered) {
        data.auditProblem = head.errorString();
    } else {
        return head.error();
    }
    return data;
}

Result<ClosePackSummary> ClosePack::write(const QSqlDatabase &db, const QString &periodCode, const QString &directory)
{
    auto data = load(db, periodCode);
    if (!data)
        return data.error();
    return writeCsv(*data, directory);
}

Result<ClosePackSummary> ClosePack::writeCsv(const ClosePackData &data, const QString &directory)
{
    const CloseStatus *status = &data.status;
    const ClosePeriod &period = status->period;
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(directory))};
    const QDir dir(directory);
    ClosePackSummary summary;
    summary.directory = dir.absolutePath();
    summary.locked = status->locked;
    summary.allGatesPass = status->allGatesPass();
    summary.auditChainIntact = data.auditChainIntact;
    const auto open = [&](CsvFile &file, const QString &name) -> Status {
        if (!file.open()) {
            return Error{ErrorCode::Io,
                         tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(dir.filePath(name)),
                                                               file.errorString())};
        }
        summary.files.append(name);
        return Status::success();
    };

    // reconciliation.csv
    {
        CsvFile csv(dir.filePath(QStringLiteral("reconciliation.csv")));
        if (auto opened = open(csv, QStringLiteral("reconciliation.csv")); !opened)
            return opened.error();
        csv.add({QStringLiteral("store_id"), QStringLiteral("store"), QStringLiteral("trading_day"),
                 QStringLiteral("kind"), QStringLiteral("item"), QStringLiteral("currency"), QStringLiteral("sitoo"),
                 QStringLiteral("zreports"), QStringLiteral("prima"), QStringLiteral("difference"),
                 QStringLiteral("tolerance"), QStringLiteral("status"), QStringLiteral("exception_id")});
        for (const ReconciliationResultRow &row : data.reconciliation) {
            csv.add({QString::number(row.storeId), row.storeName, row.tradingDay.toString(Qt::ISODate),
                     reconciliationKindCode(row.kind), row.item, row.currency, amount(row.sitooMinor, row.currency),
                     optionalAmount(row.zReportMinor, row.currency), amount(row.primaMinor, row.currency),
                     amount(row.differenceMinor, row.currency), amount(row.toleranceMinor, row.currency),
                     row.matched ? QStringLiteral("matched") : QStringLiteral("variance"),
                     row.exceptionId > 0 ? QString::number(row.exceptionId) : QString()});
        }
        if (auto committed = csv.commit(); !committed)
            return committed.error();
    }

    // tax_by_rate.csv
    {
        CsvFile csv(dir.filePath(QStringLiteral("tax_by_rate.csv")));
        if (auto opened = open(csv, QStringLiteral("tax_by_rate.csv")); !opened)
            return opened.error();
        csv.add({QStringLiteral("store_id"), QStringLiteral("store"), QStringLiteral("trading_day"),
                 QStringLiteral("vat_rate_percent"), QStringLiteral("currency"), QStringLiteral("orders"),
                 QStringLiteral("net"), QStringLiteral("vat"), QStringLiteral("vat_expected"),
                 QStringLiteral("vat_minus_expected"), QStringLiteral("prima_vat"), QStringLiteral("tax_exceptions")});
        for (const TaxVarianceRow &row : data.taxByRate) {
            csv.add({QString::number(row.storeId), row.storeName, row.tradingDay.toString(Qt::ISODate),
                     VatRate::fromUnits(row.vatRateUnits).toString(), row.currency, QString::number(row.orders),
                     amount(row.sitooNetMinor, row.currency), amount(row.sitooVatMinor, row.currency),
                     amount(row.expectedVatMinor, row.currency),
                     amount(row.sitooVatMinor - row.expectedVatMinor, row.currency),
                     optionalAmount(row.primaVatMinor, row.currency), QString::number(row.taxExceptions)});
        }
        if (auto committed = csv.commit(); !committed)
            return committed.error();
    }

    // exceptions.csv
    QJsonObject exceptionsByKind;
    {
        CsvFile csv(dir.filePath(QStringLiteral("exceptions.csv")));
        if (auto opened = open(csv, QStringLiteral("exceptions.csv")); !opened)
            return opened.error();
        csv.add({QStringLiteral("kind"), QStringLiteral("owner"), QStringLiteral("state"), QStringLiteral("count")});
        for (const ClosePackExceptionCount &count : data.exceptions) {
            csv.add({count.kind, count.owner, count.state, QString::number(count.count)});
            exceptionsByKind.insert(count.kind, exceptionsByKind.value(count.kind).toInteger() + count.count);
        }
        if (auto committed = csv.commit(); !committed)
            return committed.error();
    }

    // signoffs.csv
    QJsonArray gates;
    {
        CsvFile csv(dir.filePath(QStringLiteral("signoffs.csv")));
        if (auto opened = open(csv, QStringLiteral("signoffs.csv")); !opened)
            return opened.error();
        csv.add({QStringLiteral("gate"), QStringLiteral("title"), QStringLiteral("passes_now"),
                 QStringLiteral("signed_by"), QStringLiteral("signed_at"), QStringLiteral("comment"),
                 QStringLiteral("explanation")});
        for (const GateEvaluation &gate : status->gates) {
            const QString signedAt = gate.signoff ? dbTime(gate.signoff->signedAt) : QString();
            csv.add({CloseGates::code(gate.gate), CloseGates::title(gate.gate),
                     gate.passes ? QStringLiteral("yes") : QStringLiteral("no"),
                     gate.signoff ? gate.signoff->signedBy : QString(), signedAt,
                     gate.signoff ? gate.signoff->comment : QString(), gate.explanation});
            QJsonObject json{{QStringLiteral("gate"), CloseGates::code(gate.gate)},
                             {QStringLiteral("passes"), gate.passes},
                             {QStringLiteral("explanation"), gate.explanation},
                             {QStringLiteral("evidence"), gate.evidence}};
            if (gate.signoff) {
                json.insert(QStringLiteral("signed_by"), gate.signoff->signedBy);
                json.insert(QStringLiteral("signed_at"), signedAt);
                json.insert(QStringLiteral("comment"), gate.signoff->comment);
            }
            gates.append(json);
        }
        if (status->periodSignoff) {
            csv.add({periodSignoffCode(), tr("Period sign-off"), status->allGatesPass() ? QStringLiteral("yes")
                                                                                          : QStringLiteral("no"),
                     status->periodSignoff->signedBy, dbTime(status->periodSignoff->signedAt),
                     status->periodSignoff->comment, QString()});
        }
        if (auto committed = csv.commit(); !committed)
            return committed.error();
    }

    // overrides.csv
    QJsonArray overrides;
    {
        CsvFile csv(dir.filePath(QStringLiteral("overrides.csv")));
        if (auto opened = open(csv, QStringLiteral("overrides.csv")); !opened)
            return opened.error();
        csv.add({QStringLiteral("exception_id"), QStringLiteral("kind"), QStringLiteral("store_id"),
                 QStringLiteral("entity_type"), QStringLiteral("entity_id"), QStringLiteral("explanation"),
                 QStringLiteral("maker"), QStringLiteral("checker"), QStringLiteral("approved_at"),
                 QStringLiteral("reason")});
        for (const ClosePackOverride &accepted : data.overrides) {
            csv.add({QString::number(accepted.exceptionId), accepted.kind,
                     accepted.storeId > 0 ? QString::number(accepted.storeId) : QString(), accepted.entityType,
                     accepted.entityId, accepted.explanation, accepted.maker, accepted.checker, accepted.approvedAt,
                     accepted.reason});
            overrides.append(QJsonObject{{QStringLiteral("exception_id"), accepted.exceptionId},
                                         {QStringLiteral("kind"), accepted.kind},
                                         {QStringLiteral("maker"), accepted.maker},
                                         {QStringLiteral("checker"), accepted.checker}});
        }
        if (auto committed = csv.commit(); !committed)
            return committed.error();
    }

    // summary.json, with the audit chain's head only when the chain verifies.
    QJsonObject audit;
    if (data.auditChainIntact) {
        audit = QJsonObject{{QStringLiteral("intact"), true},
                            {QStringLiteral("head_seq"), data.auditHeadSeq},
                            {QStringLiteral("head_hash"), data.auditHeadHash}};
    } else {
        audit = QJsonObject{{QStringLiteral("intact"), false}, {QStringLiteral("problem"), data.auditProblem}};
    }
    QJsonObject json{{QStringLiteral("format"), QStringLiteral("tillbridge-close-pack-v1")},
                     {QStringLiteral("period"), period.code},
                     {QStringLiteral("from"), period.first.toString(Qt::ISODate)},
                     {QStringLiteral("to"), period.last.toString(Qt::ISODate)},
                     {QStringLiteral("generated_at"), dbTime(data.generatedAt)},
                     {QStringLiteral("locked"), status->locked},
                     {QStringLiteral("all_gates_pass"), status->allGatesPass()},
                     {QStringLiteral("gates"), gates},
                     {QStringLiteral("reconciliation_lines"), qint64(data.reconciliation.size())},
                     {QStringLiteral("variance_lines"), data.varianceLines()},
                     {QStringLiteral("exceptions_by_kind"), exceptionsByKind},
                     {QStringLiteral("accepted_overrides"), overrides},
                     {QStringLiteral("audit_chain"), audit}};
    if (status->locked) {
        json.insert(QStringLiteral("locked_by"), status->lockedBy);
        json.insert(QStringLiteral("locked_at"), dbTime(status->lockedAt));
    }
    if (status->periodSignoff) {
        json.insert(QStringLiteral("period_signoff"),
                    QJsonObject{{QStringLiteral("signed_by"), status->periodSignoff->signedBy},
                                {QStringLiteral("signed_at"), dbTime(status->periodSignoff->signedAt)},
                                {QStringLiteral("comment"), status->periodSignoff->comment}});
    }
    summary.files.append(QStringLiteral("summary.json"));
    json.insert(QStringLiteral("files"), QJsonArray::fromStringList(summary.files));
    QSaveFile file(dir.filePath(QStringLiteral("summary.json")));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io, tr("%1 could not be written: %2")
                                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString())};
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Error{ErrorCode::Io, tr("%1 could not be written: %2")
                                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString())};
    }
    return summary;
}

} // namespace Tillbridge::Core
