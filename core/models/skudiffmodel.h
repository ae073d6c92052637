// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalogue/skuauditrepository.h"
#include "core/domain/exceptionrecord.h"
#include "core/models/pagedtablemodel.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** What the SKU differences view is showing: one Sitoo site, optionally one difference type and a free text. */
struct SkuDiffFilter
{
    int eshopId = 1;
    std::optional<ExceptionKind> kind; ///< one of the three CATALOG_* kinds; empty: all three
    QString text;                      ///< matched literally in the SKU and the explanation
};

/**
 * The SKU audit's findings and the trend of the recent runs, read off the GUI thread (readInBackground) and
 * delivered as a value: the open differences per type (what is left to do) and the latest runs with their counts.
 */
struct SkuDiffSummary
{
    QList<SkuAuditRun> runs; ///< newest first; empty when no audit has run for the site
    int eshopId = 1;         ///< the site of the newest run (or the one asked for)
    qint64 onlyInSitoo = 0;
    qint64 onlyInPrima = 0;
    qint64 fieldMismatch = 0;
    qint64 nearMatches = 0; ///< open only-in differences with a near-match hint

    bool hasRun() const { return !runs.isEmpty(); }
    qint64 total() const { return onlyInSitoo + onlyInPrima + fieldMismatch; }

    /** Reads the summary; @p eshopId empty means the site of the newest run. */
    static Result<SkuDiffSummary> load(const QSqlDatabase &db, std::optional<int> eshopId = std::nullopt,
                                       int runLimit = 12);
};

/** One open catalogue difference as the SKU diff table shows it. */
struct SkuDiffRow
{
    qint64 id = 0;
    QString entityId;
    ExceptionKind kind = ExceptionKind::CatalogFieldMismatch;
    QString sku;
    QString difference;
    QString prima;
    QString sitoo;
    QString hint;
    QString explanation;
};

/** The keyset position of a SKU difference: (entity id, exception id). */
struct SkuDiffKey
{
    QString entityId;
    qint64 id = 0;
};

/**
 * The open catalogue differences of one Sitoo site (CATALOG_ONLY_IN_SITOO, CATALOG_ONLY_IN_PRIMA,
 * CATALOG_FIELD_MISMATCH on "sitoo-product" "<eshopid>/<sku>"), Prima's value beside Sitoo's, in SKU order. Paged
 * from SQL in (entity id, id) order, a window of pages at a time (PagedTableModel); the type and text filters run in SQL. The values come from the figures the
 * audit stored with each exception, so a page is one indexed query.
 */
class SkuDiffModel : public PagedTableModel<SkuDiffRow, SkuDiffKey>
{
    Q_OBJECT

public:
    enum Column { SkuColumn, DifferenceColumn, PrimaColumn, SitooColumn, HintColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 exception id
        KindCodeRole,              ///< "CATALOG_ONLY_IN_SITOO"
        SkuRole,                   ///< the SKU alone
    };

    using Row = SkuDiffRow;

    explicit SkuDiffModel(QSqlDatabase db, QObject *parent = nullptr);

    SkuDiffFilter filter() const { return m_filter; }
    void setFilter(const SkuDiffFilter &filter);
    /** The row of difference @p id among the rows read so far, or -1. */
    int rowOf(qint64 id) const;
    /** The row of @p sku among the rows read so far, or -1. */
    int rowOfSku(const QString &sku) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The three kinds this view shows. */
    static QList<ExceptionKind> kinds();
    /** "Only in Sitoo", "Only in Prima", "Different fields": the view's names for the three kinds. */
    static QString kindTitle(ExceptionKind kind);
    /** Turns one stored exception (kind, entity id, explanation, details JSON text) into a row for people. */
    static Row rowFrom(qint64 id, ExceptionKind kind, const QString &entityId, const QString &explanation,
                       const QString &detailsJson);

private:
    Result<std::optional<qint64>> countRows() const override;
    Result<QList<Row>> readRows(const PageRequest<SkuDiffKey> &request) const override;
    SkuDiffKey keyOf(const Row &row) const override { return SkuDiffKey{row.entityId, row.id}; }

    QString m_connectionName;
    SkuDiffFilter m_filter;
};

/** The recent SKU audit runs with their counts (newest first): the trend of catalogue drift. In memory. */
class SkuAuditTrendModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        FinishedColumn,
        PrimaItemsColumn,
        SitooItemsColumn,
        OnlyInSitooColumn,
        OnlyInPrimaColumn,
        FieldMismatchColumn,
        ResolvedColumn,
        ColumnCount
    };

    explicit SkuAuditTrendModel(QObject *parent = nullptr);

    void setRuns(const QList<SkuAuditRun> &runs);
    const QList<SkuAuditRun> &runs() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SkuAuditRun> m_runs;
};

} // namespace Tillbridge::Core
