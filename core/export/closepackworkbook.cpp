// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/closepackworkbook.h"

#include "core/domain/exceptionrecord.h"
#include "core/export/exportsources.h"
#include "core/export/xlsxtablewriter.h"
#include "core/money/vatrate.h"

#include <QCoreApplication>
#include <QDir>

namespace Tillbridge::Core::ClosePackWorkbook {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ClosePackWorkbook", text);
}

ExportCell text(const QString &value)
{
    return value.isEmpty() ? ExportCell() : ExportCell::text(value);
}

QString kindTitle(const QString &code)
{
    const auto kind = ExceptionKinds::fromCode(code);
    return kind ? ExceptionKinds::title(*kind) : code;
}

QString ownerTitle(const QString &code)
{
    const auto owner = ownerTeamFromCode(code);
    return owner ? ownerTeamTitle(*owner) : code;
}
} // namespace

QList<ExportTable> tables(const ClosePackData &data)
{
    const CloseStatus &status = data.status;
    QList<ExportTable> result;

    ExportTable summary{tr("Summary"),
                        {{tr("Item"), ExportCellType::Text}, {tr("Value"), ExportCellType::Text}},
                        {}};
    const auto fact = [&summary](const QString &item, const ExportCell &value) {
        summary.rows.append({ExportCell::text(item), value});
    };
    fact(tr("Period"), ExportCell::text(status.period.code));
    fact(tr("From"), ExportCell::date(status.period.first));
    fact(tr("To"), ExportCell::date(status.period.last));
    fact(tr("Generated"), ExportCell::dateTime(data.generatedAt));
    fact(tr("All gates pass"), ExportCell::text(status.allGatesPass() ? tr("yes") : tr("no")));
    fact(tr("Locked"), ExportCell::text(status.locked ? tr("yes, by %1").arg(status.lockedBy) : tr("no")));
    fact(tr("Reconciliation lines"), ExportCell::integer(data.reconciliation.size()));
    fact(tr("Variance lines"), ExportCell::integer(data.varianceLines()));
    fact(tr("Accepted overrides"), ExportCell::integer(data.overrides.size()));
    fact(tr("Audit chain"), ExportCell::text(data.auditChainIntact ? tr("verified") : data.auditProblem));
    if (data.auditChainIntact) {
        fact(tr("Audit chain head"), ExportCell::integer(data.auditHeadSeq));
        fact(tr("Audit chain head hash"), ExportCell::text(data.auditHeadHash));
    }
    result.append(summary);

    ExportTable gates{tr("Gates"),
                      {{tr("Gate"), ExportCellType::Text},
                       {tr("Passes now"), ExportCellType::Text},
                       {tr("Signed by"), ExportCellType::Text},
                       {tr("Signed at"), ExportCellType::DateTime},
                       {tr("Comment"), ExportCellType::Text},
                       {tr("Explanation"), ExportCellType::Text}},
                      {}};
    for (const GateEvaluation &gate : status.gates) {
        gates.rows.append({ExportCell::text(CloseGates::title(gate.gate)),
                           ExportCell::text(gate.passes ? tr("yes") : tr("no")),
                           gate.signoff ? text(gate.signoff->signedBy) : ExportCell(),
                           gate.signoff ? ExportCell::dateTime(gate.signoff->signedAt) : ExportCell(),
                           gate.signoff ? text(gate.signoff->comment) : ExportCell(), text(gate.explanation)});
    }
    if (status.periodSignoff) {
        gates.rows.append({ExportCell::text(tr("Period sign-off")),
                           ExportCell::text(status.allGatesPass() ? tr("yes") : tr("no")),
                           text(status.periodSignoff->signedBy), ExportCell::dateTime(status.periodSignoff->signedAt),
                           text(status.periodSignoff->comment), ExportCell()});
    }
    result.append(gates);

    ExportTable reconciliation{tr("Reconciliation"), ReconciliationExport::reconciliationColumns(), {}};
    for (const ReconciliationResultRow &row : data.reconciliation)
        reconciliation.rows.append(ReconciliationExport::reconciliationRow(row));
    result.append(reconciliation);

    ExportTable tax{tr("VAT by rate"),
                    {{tr("Trading day"), ExportCellType::Date},
                     {tr("Store"), ExportCellType::Text},
                     {tr("VAT rate"), ExportCellType::Text},
                     {tr("Currency"), ExportCellType::Text},
                     {tr("Orders"), ExportCellType::Integer},
                     {tr("Net"), ExportCellType::Money},
                     {tr("Sitoo VAT"), ExportCellType::Money},
                     {tr("VAT from the rate"), ExportCellType::Money},
                     {tr("Variance"), ExportCellType::Money},
                     {tr("Prima VAT"), ExportCellType::Money},
                     {tr("TAX exceptions"), ExportCellType::Integer}},
                    {}};
    for (const TaxVarianceRow &row : data.taxByRate) {
        const auto money = [&row](qint64 minor) { return ExportCell::money(minor, row.currency); };
        tax.rows.append({ExportCell::date(row.tradingDay), ExportCell::text(row.storeName),
                         ExportCell::text(VatRate::fromUnits(row.vatRateUnits).toString()),
                         ExportCell::text(row.currency), ExportCell::integer(row.orders), money(row.sitooNetMinor),
                         money(row.sitooVatMinor), money(row.expectedVatMinor),
                         money(row.sitooVatMinor - row.expectedVatMinor),
                         row.primaVatMinor ? money(*row.primaVatMinor) : ExportCell(),
                         ExportCell::integer(row.taxExceptions)});
    }
    result.append(tax);

    ExportTable exceptions{tr("Exceptions"),
                           {{tr("Kind"), ExportCellType::Text},
                            {tr("Kind code"), ExportCellType::Text},
                            {tr("Owner"), ExportCellType::Text},
                            {tr("State"), ExportCellType::Text},
                            {tr("Count"), ExportCellType::Integer}},
                           {}};
    for (const ClosePackExceptionCount &count : data.exceptions) {
        exceptions.rows.append({ExportCell::text(kindTitle(count.kind)), ExportCell::text(count.kind),
                                ExportCell::text(ownerTitle(count.owner)), ExportCell::text(count.state),
                                ExportCell::integer(count.count)});
    }
    result.append(exceptions);

    ExportTable overrides{tr("Overrides"),
                          {{tr("Exception"), ExportCellType::Integer},
                           {tr("Kind"), ExportCellType::Text},
                           {tr("Entity"), ExportCellType::Text},
                           {tr("Explanation"), ExportCellType::Text},
                           {tr("Maker"), ExportCellType::Text},
                           {tr("Checker"), ExportCellType::Text},
                           {tr("Approved at"), ExportCellType::DateTime},
                           {tr("Reason"), ExportCellType::Text}},
                          {}};
    for (const ClosePackOverride &accepted : data.overrides) {
        overrides.rows.append({ExportCell::integer(accepted.exceptionId), ExportCell::text(kindTitle(accepted.kind)),
                               ExportCell::text(accepted.entityType + u' ' + accepted.entityId),
                               text(accepted.explanation), text(accepted.maker), text(accepted.checker),
                               ExportCell::dateTime(QDateTime::fromString(accepted.approvedAt, Qt::ISODateWithMs)),
                               text(accepted.reason)});
    }
    result.append(overrides);
    return result;
}

Result<QString> writeXlsx(const ClosePackData &data, const QString &directory)
{
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(directory))};
    const QString path = QDir(directory).filePath(QStringLiteral("close-pack-%1.xlsx").arg(data.status.period.code));
    XlsxTableWriter writer(path);
    for (const ExportTable &table : tables(data)) {
        if (auto written = writer.writeTable(table); !written)
            return written.error();
    }
    if (auto finished = writer.finish(); !finished)
        return finished.error();
    return path;
}

} // namespace Tillbridge::Core::ClosePackWorkbook
