// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/exportsources.h"

#include "core/models/payoutsmodel.h"
#include "core/money/vatrate.h"
#include "core/reconciliation/taxvariancereport.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::Exports", text);
}

ExportColumn column(const char *title, ExportCellType type = ExportCellType::Text)
{
    return ExportColumn{tr(title), type};
}

ExportCell optionalText(const QString &text)
{
    return text.isEmpty() ? ExportCell() : ExportCell::text(text);
}

/** A paged model hands out an empty row when its page could not be read (it reports that later, on its thread). */
Error unreadable()
{
    return Error{ErrorCode::Database, tr("A page of the table could not be read from the cache; nothing was exported.")};
}
} // namespace

// --- Exception queue ------------------------------------------------------------------------------------------------

ExceptionQueueExport::ExceptionQueueExport(ExceptionFilter filter)
    : m_filter(std::move(filter))
{
}

QString ExceptionQueueExport::title() const
{
    return tr("Exceptions");
}

QList<ExportColumn> ExceptionQueueExport::columns() const
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Exception"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Raised"), ExportCellType::DateTime),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Kind")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Kind code")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Severity")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Owner")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Store")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Entity")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Reference")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Explanation")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "State")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Assigned to")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Override by")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Approved by")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Updated"), ExportCellType::DateTime)};
}

Result<std::optional<qint64>> ExceptionQueueExport::total(const QSqlDatabase &db)
{
    auto count = ExceptionRepository(db).count(m_filter);
    if (!count)
        return count.error();
    return std::optional<qint64>(*count);
}

Result<QList<ExportRow>> ExceptionQueueExport::nextPage(const QSqlDatabase &db)
{
    if (m_atEnd)
        return QList<ExportRow>();
    if (!m_storesRead) {
        auto stores = StoreRepository(db).all();
        if (!stores)
            return stores.error();
        for (const Store &store : *stores)
            m_storeNames.insert(store.id, store.name);
        m_storesRead = true;
    }
    auto page = ExceptionRepository(db).page(m_filter, m_after, kPageSize);
    if (!page)
        return page.error();
    m_atEnd = page->size() < kPageSize;
    if (!page->isEmpty())
        m_after = ExceptionRepository::keyOf(page->constLast());
    QList<ExportRow> rows;
    rows.reserve(page->size());
    for (const ExceptionRecord &record : *page) {
        rows.append({ExportCell::integer(record.id), ExportCell::dateTime(record.createdAt),
                     ExportCell::text(ExceptionKinds::title(record.kind)),
                     ExportCell::text(ExceptionKinds::code(record.kind)),
                     ExportCell::text(severityCode(record.severity)), ExportCell::text(ownerTeamTitle(record.owner)),
                     optionalText(m_storeNames.value(record.storeId)), ExportCell::text(record.entityType),
                     ExportCell::text(record.entityId), ExportCell::text(record.explanation),
                     ExportCell::text(exceptionStateCode(record.state)), optionalText(record.assignedTo),
                     optionalText(record.madeBy), optionalText(record.approvedBy),
                     ExportCell::dateTime(record.updatedAt)});
    }
    return rows;
}

// --- SKU differences ------------------------------------------------------------------------------------------------

SkuDiffExport::SkuDiffExport(SkuDiffFilter filter)
    : m_filter(std::move(filter))
{
}

QString SkuDiffExport::title() const
{
    return tr("SKU differences");
}

QList<ExportColumn> SkuDiffExport::columns() const
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "SKU")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Difference")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Kind code")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Prima")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sitoo")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Near match")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Exception"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Explanation"))};
}

Result<std::optional<qint64>> SkuDiffExport::total(const QSqlDatabase &db)
{
    // The model counts with the same WHERE clause as its pages.
    const SkuDiffModel &model = m_pager.model(db, [this](SkuDiffModel &m) { m.setFilter(m_filter); });
    return std::optional<qint64>(model.totalCount());
}

Result<QList<ExportRow>> SkuDiffExport::nextPage(const QSqlDatabase &db)
{
    const auto setUp = [this](SkuDiffModel &m) { m.setFilter(m_filter); };
    auto range = m_pager.next(db, setUp);
    if (!range)
        return range.error();
    const SkuDiffModel &model = m_pager.model(db, setUp);
    QList<ExportRow> rows;
    for (int index = range->first; index < range->second; ++index) {
        const auto &row = model.rowAt(index);
        if (row.id == 0)
            return unreadable();
        rows.append({ExportCell::text(row.sku), ExportCell::text(row.difference),
                     ExportCell::text(ExceptionKinds::code(row.kind)), optionalText(row.prima),
                     optionalText(row.sitoo), optionalText(row.hint), ExportCell::integer(row.id),
                     ExportCell::text(row.explanation)});
    }
    return rows;
}

// --- Stock ----------------------------------------------------------------------------------------------------------

StockLevelsExport::StockLevelsExport(StockFilter filter, StockPushConfig config)
    : m_filter(std::move(filter))
    , m_config(config)
{
}

QString StockLevelsExport::title() const
{
    return tr("Stock");
}

QList<ExportColumn> StockLevelsExport::columns() const
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Store")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Prima location")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "SKU")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Prima available to sell"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sitoo level"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Difference"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "State")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Last error")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Low stock")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sold in window"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Pushed"), ExportCellType::DateTime)};
}

Result<QList<ExportRow>> StockLevelsExport::nextPage(const QSqlDatabase &db)
{
    const auto setUp = [this](StockLevelsModel &model) {
        model.setConfig(m_config);
        model.setFilter(m_filter);
    };
    auto range = m_pager.next(db, setUp);
    if (!range)
        return range.error();
    const StockLevelsModel &model = m_pager.model(db, setUp);
    QList<ExportRow> rows;
    for (int index = range->first; index < range->second; ++index) {
        const auto &row = model.rowAt(index);
        if (row.sku.isEmpty())
            return unreadable();
        const auto difference = row.difference();
        const QString state = row.isFailed() ? tr("Failed")
                              : row.isDue()  ? (row.pushedVersion ? tr("Waiting to push") : tr("Not written yet"))
                                             : tr("In Sitoo");
        rows.append({optionalText(row.storeName), ExportCell::text(row.location), ExportCell::text(row.sku),
                     ExportCell::integer(row.availableToSell),
                     row.pushedLevel ? ExportCell::integer(*row.pushedLevel) : ExportCell(),
                     difference ? ExportCell::integer(*difference) : ExportCell(), ExportCell::text(state),
                     optionalText(row.lastError.simplified()),
                     ExportCell::text(model.isLowStock(row) ? tr("yes") : tr("no")),
                     ExportCell::integer(row.soldInWindow), ExportCell::dateTime(row.pushedAt)});
    }
    return rows;
}

// --- Audit trail ----------------------------------------------------------------------------------------------------

AuditTrailExport::AuditTrailExport(QString filterText)
    : m_filterText(std::move(filterText))
{
}

QString AuditTrailExport::title() const
{
    return tr("Audit trail");
}

QList<ExportColumn> AuditTrailExport::columns() const
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sequence"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Time"), ExportCellType::DateTime),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Actor")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Action")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Action code")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Entity")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Details")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Hash"))};
}

Result<QList<ExportRow>> AuditTrailExport::nextPage(const QSqlDatabase &db)
{
    const auto setUp = [this](AuditTrailModel &model) {
        if (m_filterText.isEmpty())
            model.reload();
        else
            model.setFilterText(m_filterText);
    };
    auto range = m_pager.next(db, setUp);
    if (!range)
        return range.error();
    const AuditTrailModel &model = m_pager.model(db, setUp);
    QList<ExportRow> rows;
    for (int index = range->first; index < range->second; ++index) {
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(index, column).data(role); };
        // The model shows the time in local time to the second ("yyyy-MM-dd HH:mm:ss"), which is what we read back.
        const QDateTime at = QDateTime::fromString(cell(AuditTrailModel::TimeColumn).toString(),
                                                   QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const qint64 seq = cell(0, AuditTrailModel::SeqRole).toLongLong();
        if (seq == 0)
            return unreadable();
        rows.append({ExportCell::integer(seq), ExportCell::dateTime(at),
                     ExportCell::text(cell(AuditTrailModel::ActorColumn).toString()),
                     ExportCell::text(cell(AuditTrailModel::ActionColumn).toString()),
                     ExportCell::text(cell(0, AuditTrailModel::ActionCodeRole).toString()),
                     ExportCell::text(cell(AuditTrailModel::EntityColumn).toString().trimmed()),
                     optionalText(cell(AuditTrailModel::DetailsColumn).toString()),
                     ExportCell::text(cell(0, AuditTrailModel::HashRole).toString())});
    }
    return rows;
}

// --- Reconciliation (payouts) ---------------------------------------------------------------------------------------

ReconciliationExport::ReconciliationExport(QDate from, QDate to, bool onlyVariances, qint64 storeId)
    : m_from(from)
    , m_to(to)
    , m_onlyVariances(onlyVariances)
    , m_storeId(storeId)
{
}

QString ReconciliationExport::title() const
{
    return tr("Reconciliation");
}

QList<ExportColumn> ReconciliationExport::reconciliationColumns()
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Trading day"), ExportCellType::Date),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Store")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Compared")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Item")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Currency")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sitoo"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Z-reports"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Prima"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Difference"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Tolerance"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Status")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Exception"), ExportCellType::Integer)};
}

ExportRow ReconciliationExport::reconciliationRow(const ReconciliationResultRow &row)
{
    const auto money = [&row](qint64 minor) { return ExportCell::money(minor, row.currency); };
    return {ExportCell::date(row.tradingDay),
            ExportCell::text(row.storeName),
            ExportCell::text(row.kind == ReconciliationKind::Vat ? tr("VAT") : tr("Tender")),
            ExportCell::text(PayoutsModel::itemTitle(row)),
            ExportCell::text(row.currency),
            money(row.sitooMinor),
            row.zReportMinor ? money(*row.zReportMinor) : ExportCell(),
            money(row.primaMinor),
            money(row.differenceMinor),
            money(row.toleranceMinor),
            ExportCell::text(row.matched ? tr("Matched") : tr("Variance")),
            row.exceptionId > 0 ? ExportCell::integer(row.exceptionId) : ExportCell()};
}

QList<ExportColumn> ReconciliationExport::columns() const
{
    return reconciliationColumns();
}

Result<QList<ExportRow>> ReconciliationExport::nextPage(const QSqlDatabase &db)
{
    if (m_done)
        return QList<ExportRow>();
    m_done = true;
    // The payouts view holds a period's results in memory too: a month is a few thousand lines.
    auto results = ReconciliationRepository(db).results(m_from, m_to);
    if (!results)
        return results.error();
    QList<ExportRow> rows;
    for (const ReconciliationResultRow &row : *results) {
        if ((m_onlyVariances && row.matched) || (m_storeId != 0 && row.storeId != m_storeId))
            continue;
        rows.append(reconciliationRow(row));
    }
    return rows;
}

// --- VAT variance ---------------------------------------------------------------------------------------------------

TaxVarianceExport::TaxVarianceExport(QDate from, QDate to, QString currency)
    : m_from(from)
    , m_to(to)
    , m_currency(std::move(currency))
{
}

QString TaxVarianceExport::title() const
{
    return tr("VAT variance");
}

QList<ExportColumn> TaxVarianceExport::columns() const
{
    return {column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Store")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "VAT rate")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Currency")),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Orders"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Net"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Sitoo VAT"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "VAT from the rate"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Variance"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Prima VAT"), ExportCellType::Money),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "Days Prima known"), ExportCellType::Integer),
            column(QT_TRANSLATE_NOOP("Tillbridge::Core::Exports", "TAX exceptions"), ExportCellType::Integer)};
}

Result<QList<ExportRow>> TaxVarianceExport::nextPage(const QSqlDatabase &db)
{
    if (m_done)
        return QList<ExportRow>();
    m_done = true;
    auto tax = ReconciliationRepository(db).taxVariance(m_from, m_to);
    if (!tax)
        return tax.error();
    QString currency = m_currency;
    if (currency.isEmpty()) {
        const QStringList currencies = TaxVarianceReport::currencies(*tax);
        currency = currencies.isEmpty() ? QString() : currencies.constFirst();
    }
    QList<ExportRow> rows;
    for (const TaxVarianceCell &cell : TaxVarianceReport::byStoreAndRate(*tax, currency)) {
        const auto money = [&cell](qint64 minor) { return ExportCell::money(minor, cell.currency); };
        rows.append({ExportCell::text(cell.storeName), ExportCell::text(VatRate::fromUnits(cell.vatRateUnits).toString()),
                     ExportCell::text(cell.currency), ExportCell::integer(cell.orders), money(cell.netMinor),
                     money(cell.sitooVatMinor), money(cell.expectedVatMinor), money(cell.varianceMinor()),
                     cell.primaDays > 0 ? money(cell.primaVatMinor) : ExportCell(), ExportCell::integer(cell.primaDays),
                     ExportCell::integer(cell.taxExceptions)});
    }
    return rows;
}

} // namespace Tillbridge::Core
