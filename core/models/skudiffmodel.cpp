// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/skudiffmodel.h"

#include "core/logging.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

/** Entity ids of a site are "<eshopid>/<sku>": the half-open range ["1/", "10") holds exactly site 1's. */
std::pair<QString, QString> siteRange(int eshopId)
{
    const QString site = QString::number(eshopId);
    return {site + u'/', site + u'0'}; // '0' follows '/' in every collation SQLite uses for TEXT
}

QString kindCodes()
{
    QStringList codes;
    for (const ExceptionKind kind : SkuDiffModel::kinds())
        codes << u'\'' + ExceptionKinds::code(kind) + u'\'';
    return codes.join(u',');
}

QString priceText(const QJsonObject &side)
{
    if (!side.contains(u"price_minor"))
        return SkuDiffModel::tr("no price");
    const Currency currency = Currency::of(side.value(u"currency").toString());
    if (!currency.isValid())
        return QLocale().toString(side.value(u"price_minor").toInteger()) + u' '
               + side.value(u"currency").toString();
    return Money(side.value(u"price_minor").toInteger(), currency).toDisplayString(QLocale());
}

QString vatText(const QJsonObject &side)
{
    return VatRate::fromUnits(side.value(u"vat_rate_units").toInteger()).toDisplayString(QLocale());
}

/** One field of one side, labelled: "Price 59.00 GBP". */
QString fieldText(const QString &field, const QJsonObject &side, bool isPrima)
{
    if (field == u"price")
        return SkuDiffModel::tr("Price %1").arg(priceText(side));
    if (field == u"vat")
        return SkuDiffModel::tr("VAT %1").arg(vatText(side));
    if (field == u"title")
        return SkuDiffModel::tr("Title “%1”").arg(side.value(u"title").toString());
    if (field == u"barcode") {
        const QString barcode = side.value(u"barcode").toString();
        return barcode.isEmpty() ? SkuDiffModel::tr("No barcode") : SkuDiffModel::tr("Barcode %1").arg(barcode);
    }
    if (field == u"active") {
        const bool active = side.value(u"active").toBool();
        if (isPrima)
            return active ? SkuDiffModel::tr("Active") : SkuDiffModel::tr("Inactive");
        return active ? SkuDiffModel::tr("Sellable in the POS") : SkuDiffModel::tr("Not sellable in the POS");
    }
    return field;
}

QString fieldName(const QString &field)
{
    if (field == u"price")
        return SkuDiffModel::tr("price");
    if (field == u"vat")
        return SkuDiffModel::tr("VAT");
    if (field == u"title")
        return SkuDiffModel::tr("title");
    if (field == u"barcode")
        return SkuDiffModel::tr("barcode");
    if (field == u"active")
        return SkuDiffModel::tr("active flag");
    return field;
}

/** A SKU that exists on one side only: its title and price. */
QString wholeText(const QJsonObject &side)
{
    const QString title = side.value(u"title").toString();
    const QString price = priceText(side);
    return title.isEmpty() ? price : SkuDiffModel::tr("%1 · %2").arg(title, price);
}
} // namespace

// --- SkuDiffSummary ------------------------------------------------------------------------------------------------

Result<SkuDiffSummary> SkuDiffSummary::load(const QSqlDatabase &db, std::optional<int> eshopId, int runLimit)
{
    SkuDiffSummary summary;
    if (eshopId) {
        summary.eshopId = *eshopId;
    } else {
        QSqlQuery latest(db);
        if (!latest.exec(QStringLiteral("SELECT eshop_id FROM sku_audit_runs ORDER BY id DESC LIMIT 1")))
            return Error{ErrorCode::Database, SkuDiffModel::tr("The SKU audit runs could not be read: %1")
                                                  .arg(latest.lastError().text())};
        if (latest.next())
            summary.eshopId = latest.value(0).toInt();
    }
    auto runs = SkuAuditRepository(db).recentRuns(summary.eshopId, runLimit);
    if (!runs)
        return runs.error();
    summary.runs = *runs;

    const auto [from, to] = siteRange(summary.eshopId);
    QSqlQuery counts(db);
    counts.setForwardOnly(true);
    counts.prepare(QStringLiteral("SELECT kind, COUNT(*), SUM(json_extract(details, '$.near_match') IS NOT NULL) "
                                  "FROM exceptions WHERE entity_type = :type AND entity_id >= :from "
                                  "AND entity_id < :to AND state IN ('open', 'assigned') AND kind IN (%1) "
                                  "GROUP BY kind")
                       .arg(kindCodes()));
    counts.bindValue(QStringLiteral(":type"), SkuAuditRepository::entityType());
    counts.bindValue(QStringLiteral(":from"), from);
    counts.bindValue(QStringLiteral(":to"), to);
    if (!counts.exec())
        return Error{ErrorCode::Database,
                     SkuDiffModel::tr("The SKU differences could not be counted: %1").arg(counts.lastError().text())};
    while (counts.next()) {
        const auto kind = ExceptionKinds::fromCode(counts.value(0).toString());
        const qint64 n = counts.value(1).toLongLong();
        if (kind == ExceptionKind::CatalogOnlyInSitoo)
            summary.onlyInSitoo = n;
        else if (kind == ExceptionKind::CatalogOnlyInPrima)
            summary.onlyInPrima = n;
        else if (kind == ExceptionKind::CatalogFieldMismatch)
            summary.fieldMismatch = n;
        if (kind != ExceptionKind::CatalogFieldMismatch)
            summary.nearMatches += counts.value(2).toLongLong();
    }
    return summary;
}

// --- SkuDiffModel --------------------------------------------------------------------------------------------------

SkuDiffModel::SkuDiffModel(QSqlDatabase db, QObject *parent)
    : PagedTableModel(parent)
    , m_connectionName(db.connectionName())
{
}

QList<ExceptionKind> SkuDiffModel::kinds()
{
    return {ExceptionKind::CatalogOnlyInSitoo, ExceptionKind::CatalogOnlyInPrima, ExceptionKind::CatalogFieldMismatch};
}

QString SkuDiffModel::kindTitle(ExceptionKind kind)
{
    switch (kind) {
    case ExceptionKind::CatalogOnlyInSitoo:
        return tr("Only in Sitoo");
    case ExceptionKind::CatalogOnlyInPrima:
        return tr("Only in Prima");
    case ExceptionKind::CatalogFieldMismatch:
        return tr("Different fields");
    default:
        return ExceptionKinds::title(kind);
    }
}

SkuDiffModel::Row SkuDiffModel::rowFrom(qint64 id, ExceptionKind kind, const QString &entityId,
                                        const QString &explanation, const QString &detailsJson)
{
    Row row;
    row.id = id;
    row.kind = kind;
    row.entityId = entityId;
    row.sku = entityId.section(u'/', 1);
    row.explanation = explanation;
    const QJsonObject details = QJsonDocument::fromJson(detailsJson.toUtf8()).object();
    const QJsonObject prima = details.value(u"prima").toObject();
    const QJsonObject sitoo = details.value(u"sitoo").toObject();
    switch (kind) {
    case ExceptionKind::CatalogOnlyInSitoo:
        row.difference = kindTitle(kind);
        row.prima = tr("(not in Prima)");
        row.sitoo = sitoo.isEmpty() ? QString() : wholeText(sitoo);
        break;
    case ExceptionKind::CatalogOnlyInPrima:
        row.difference = kindTitle(kind);
        row.prima = prima.isEmpty() ? QString() : wholeText(prima);
        row.sitoo = tr("(not in Sitoo)");
        break;
    default: {
        QStringList names;
        QStringList primaTexts;
        QStringList sitooTexts;
        for (const QJsonValue &value : details.value(u"fields").toArray()) {
            const QString field = value.toString();
            names << fieldName(field);
            if (!prima.isEmpty())
                primaTexts << fieldText(field, prima, true);
            if (!sitoo.isEmpty())
                sitooTexts << fieldText(field, sitoo, false);
        }
        row.difference = names.isEmpty() ? kindTitle(kind) : tr("Different %1").arg(names.join(tr(", ")));
        row.prima = primaTexts.join(tr(" · "));
        row.sitoo = sitooTexts.join(tr(" · "));
        break;
    }
    }
    // Exceptions raised by the push (not the audit) carry other details: fall back to the explanation.
    if (row.prima.isEmpty() && row.sitoo.isEmpty())
        row.sitoo = explanation.simplified();

    const QJsonObject near = details.value(u"near_match").toObject();
    if (!near.isEmpty()) {
        const QString other = near.value(u"sku").toString();
        const QString reason = near.value(u"reason").toString();
        const QString side = kind == ExceptionKind::CatalogOnlyInPrima ? tr("Sitoo") : tr("Prima");
        if (reason == u"case")
            row.hint = tr("%1 has %2 (letter case differs)").arg(side, other);
        else if (reason == u"whitespace")
            row.hint = tr("%1 has %2 (spaces differ)").arg(side, other);
        else if (reason.startsWith(u"dropped-segment:"))
            row.hint = tr("%1 has %2 (segment “%3”)").arg(side, other, reason.section(u':', 1));
        else
            row.hint = tr("%1 has %2").arg(side, other);
    }
    return row;
}

void SkuDiffModel::setFilter(const SkuDiffFilter &filter)
{
    m_filter = filter;
    reload();
}

int SkuDiffModel::rowOf(qint64 id) const
{
    return findLoaded([id](const Row &row) { return row.id == id; });
}

int SkuDiffModel::rowOfSku(const QString &sku) const
{
    return findLoaded([&sku](const Row &row) { return row.sku == sku; });
}

int SkuDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
/** The WHERE clause shared by the page and the count. */
QString whereClause()
{
    return QStringLiteral("WHERE entity_type = :type AND entity_id >= :from AND entity_id < :to "
                          "AND state IN ('open', 'assigned') AND kind IN (%1) AND (:anyKind = 1 OR kind = :kind) "
                          "AND (:all = 1 OR entity_id LIKE :p ESCAPE '\\' OR explanation LIKE :p ESCAPE '\\') ")
        .arg(kindCodes());
}

void bindFilter(QSqlQuery &query, const SkuDiffFilter &filter)
{
    const auto [from, to] = siteRange(filter.eshopId);
    query.bindValue(QStringLiteral(":type"), SkuAuditRepository::entityType());
    query.bindValue(QStringLiteral(":from"), from);
    query.bindValue(QStringLiteral(":to"), to);
    query.bindValue(QStringLiteral(":anyKind"), filter.kind ? 0 : 1);
    query.bindValue(QStringLiteral(":kind"), filter.kind ? ExceptionKinds::code(*filter.kind) : QString());
    const QString text = filter.text.trimmed();
    query.bindValue(QStringLiteral(":all"), text.isEmpty() ? 1 : 0);
    query.bindValue(QStringLiteral(":p"), text.isEmpty() ? QString() : likePattern(text));
}
} // namespace

Result<std::optional<qint64>> SkuDiffModel::countRows() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM exceptions ") + whereClause());
    bindFilter(query, m_filter);
    if (!query.exec() || !query.next())
        return Error{ErrorCode::Database,
                     tr("The SKU differences could not be counted: %1").arg(query.lastError().text())};
    const qint64 n = query.value(0).toLongLong();
    query.finish();
    return std::optional<qint64>(n);
}

Result<QList<SkuDiffModel::Row>> SkuDiffModel::readRows(const PageRequest<SkuDiffKey> &request) const
{
    const bool forward = request.direction == PageDirection::Forward;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, kind, entity_id, explanation, details FROM exceptions ") + whereClause()
                  + (forward ? QStringLiteral("AND (:anchored = 0 OR (entity_id, id) > (:entity, :id)) "
                                              "ORDER BY entity_id, id LIMIT :limit OFFSET :skip")
                             : QStringLiteral("AND (:anchored = 0 OR (entity_id, id) < (:entity, :id)) "
                                              "ORDER BY entity_id DESC, id DESC LIMIT :limit OFFSET :skip")));
    bindFilter(query, m_filter);
    query.bindValue(QStringLiteral(":anchored"), request.anchor ? 1 : 0);
    query.bindValue(QStringLiteral(":entity"), request.anchor ? request.anchor->entityId : QStringLiteral(""));
    query.bindValue(QStringLiteral(":id"), request.anchor ? request.anchor->id : qint64(0));
    query.bindValue(QStringLiteral(":limit"), request.limit);
    query.bindValue(QStringLiteral(":skip"), request.anchor ? qint64(0) : request.skip);
    if (!query.exec()) {
        qCWarning(lcDb) << "SKU differences page:" << query.lastError().text();
        return Error{ErrorCode::Database,
                     tr("The SKU differences could not be read: %1").arg(query.lastError().text())};
    }
    QList<Row> page;
    while (query.next()) {
        const auto kind = ExceptionKinds::fromCode(query.value(1).toString());
        page.append(rowFrom(query.value(0).toLongLong(), kind.value_or(ExceptionKind::CatalogFieldMismatch),
                            query.value(2).toString(), query.value(3).toString(), query.value(4).toString()));
    }
    query.finish();
    return page;
}

QVariant SkuDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SkuColumn:
            return row.sku;
        case DifferenceColumn:
            return row.difference;
        case PrimaColumn:
            return row.prima;
        case SitooColumn:
            return row.sitoo;
        case HintColumn:
            return row.hint;
        }
        break;
    case Qt::ToolTipRole:
        return row.explanation;
    case IdRole:
        return row.id;
    case KindCodeRole:
        return ExceptionKinds::code(row.kind);
    case SkuRole:
        return row.sku;
    }
    return {};
}

QVariant SkuDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SkuColumn:
        return tr("SKU");
    case DifferenceColumn:
        // Swedish "skillnad", not the figure "differens".
        return tr("Difference", "what differs between the catalogues");
    case PrimaColumn:
        return tr("Prima (master)");
    case SitooColumn:
        return tr("Sitoo POS");
    case HintColumn:
        return tr("Near match");
    }
    return {};
}

// --- SkuAuditTrendModel --------------------------------------------------------------------------------------------

SkuAuditTrendModel::SkuAuditTrendModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SkuAuditTrendModel::setRuns(const QList<SkuAuditRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int SkuAuditTrendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int SkuAuditTrendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SkuAuditTrendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SkuAuditRun &run = m_runs.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FinishedColumn:
            return locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
        case PrimaItemsColumn:
            return locale.toString(run.primaItems);
        case SitooItemsColumn:
            return locale.toString(run.sitooItems);
        case OnlyInSitooColumn:
            return locale.toString(run.onlyInSitoo);
        case OnlyInPrimaColumn:
            return locale.toString(run.onlyInPrima);
        case FieldMismatchColumn:
            return locale.toString(run.fieldMismatch);
        case ResolvedColumn:
            return locale.toString(run.autoResolved);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case FinishedColumn:
            return run.startedAt;
        case PrimaItemsColumn:
            return run.primaItems;
        case SitooItemsColumn:
            return run.sitooItems;
        case OnlyInSitooColumn:
            return run.onlyInSitoo;
        case OnlyInPrimaColumn:
            return run.onlyInPrima;
        case FieldMismatchColumn:
            return run.fieldMismatch;
        case ResolvedColumn:
            return run.autoResolved;
        }
        break;
    case Qt::ToolTipRole:
        return tr("Run %1 by %2, finished %3")
            .arg(run.id)
            .arg(run.actor, locale.toString(run.finishedAt.toLocalTime(), QLocale::ShortFormat));
    case Qt::TextAlignmentRole:
        if (index.column() != FinishedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant SkuAuditTrendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == FinishedColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FinishedColumn:
        return tr("Audit run");
    case PrimaItemsColumn:
        return tr("Prima SKUs");
    case SitooItemsColumn:
        return tr("Sitoo SKUs");
    case OnlyInSitooColumn:
        return tr("Only in Sitoo");
    case OnlyInPrimaColumn:
        return tr("Only in Prima");
    case FieldMismatchColumn:
        return tr("Different fields");
    case ResolvedColumn:
        return tr("Resolved since last");
    }
    return {};
}

} // namespace Tillbridge::Core
