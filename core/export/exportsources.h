// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exportsource.h"
#include "core/models/audittrailmodel.h"
#include "core/models/skudiffmodel.h"
#include "core/models/stocklevelsmodel.h"
#include "core/reconciliation/reconciliationrepository.h"
#include "core/stock/stockpush.h"
#include "core/storage/exceptionrepository.h"

#include <QDate>
#include <QHash>

#include <memory>

namespace Tillbridge::Core {

/**
 * The exception queue as filtered: ExceptionRepository::page() in the queue's (created_at, id) order, oldest
 * first, with the queue's own filter (kinds, owner, store, states, age, text). Counted with count() for progress.
 */
class ExceptionQueueExport final : public ExportSource
{
public:
    explicit ExceptionQueueExport(ExceptionFilter filter);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<std::optional<qint64>> total(const QSqlDatabase &db) override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

    static constexpr int kPageSize = 500;

private:
    ExceptionFilter m_filter;
    std::optional<ExceptionPageKey> m_after;
    QHash<qint64, QString> m_storeNames;
    bool m_storesRead = false;
    bool m_atEnd = false;
};

/**
 * Drives one of the views' paged models on the export's worker thread, over that thread's connection, so that the
 * export reads exactly the view's rows with the view's own keyset page queries. Uses only what every paged table
 * model offers (rowCount, canFetchMore/fetchMore, rowAt or data, loadFailed): a counted model reads its pages in
 * order as rows are asked for, a growing one one more page per fetchMore(), forgetting the pages already exported.
 */
template<typename Model>
class ModelPager
{
public:
    static constexpr int kPageSize = Model::kPageSize;

    /** The model, created on first use (on the calling thread); @p setUp applies the view's filter and reloads. */
    template<typename SetUp>
    Model &model(const QSqlDatabase &db, SetUp setUp)
    {
        if (!m_model) {
            m_model = std::make_unique<Model>(db);
            QObject::connect(m_model.get(), &Model::loadFailed, m_model.get(),
                             [this](const QString &message) { m_error = message; });
            setUp(*m_model);
        }
        return *m_model;
    }

    /** The next rows [first, last) to export; first == last at the end. */
    template<typename SetUp>
    Result<std::pair<int, int>> next(const QSqlDatabase &db, SetUp setUp)
    {
        Model &paged = model(db, setUp);
        paged.forgetPagesBefore(m_consumed); // exported already: a growing model would otherwise keep every row
        if (m_consumed >= paged.rowCount() && paged.canFetchMore({}))
            paged.fetchMore({});
        if (!m_error.isEmpty())
            return Error{ErrorCode::Database, m_error};
        const int first = m_consumed;
        m_consumed = std::min(paged.rowCount(), first + kPageSize);
        return std::pair(first, m_consumed);
    }

    /** Pages the model holds now (for tests). */
    int loadedPageCount() const { return m_model ? m_model->loadedPageCount() : 0; }

private:
    std::unique_ptr<Model> m_model;
    int m_consumed = 0;
    QString m_error;
};

/** The SKU differences of one Sitoo site as the SKU differences view filters them (SkuDiffModel's pages). */
class SkuDiffExport final : public ExportSource
{
public:
    explicit SkuDiffExport(SkuDiffFilter filter);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<std::optional<qint64>> total(const QSqlDatabase &db) override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

private:
    SkuDiffFilter m_filter;
    ModelPager<SkuDiffModel> m_pager;
};

/** Stock levels, Prima beside Sitoo, as the stock view filters them (StockLevelsModel's pages). */
class StockLevelsExport final : public ExportSource
{
public:
    StockLevelsExport(StockFilter filter, StockPushConfig config);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

private:
    StockFilter m_filter;
    StockPushConfig m_config;
    ModelPager<StockLevelsModel> m_pager;
};

/** The audit trail, newest first, with the trail view's text filter (AuditTrailModel's pages). */
class AuditTrailExport final : public ExportSource
{
public:
    explicit AuditTrailExport(QString filterText);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

private:
    QString m_filterText;
    ModelPager<AuditTrailModel> m_pager;
};

/**
 * Payout reconciliation results of trading days @p from..@p to (ReconciliationRepository::results(), what the payouts
 * view loads), optionally only variances and one store, as the view filters them.
 */
class ReconciliationExport final : public ExportSource
{
public:
    ReconciliationExport(QDate from, QDate to, bool onlyVariances = false, qint64 storeId = 0);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

    static QList<ExportColumn> reconciliationColumns();
    static ExportRow reconciliationRow(const ReconciliationResultRow &row);

private:
    QDate m_from;
    QDate m_to;
    bool m_onlyVariances = false;
    qint64 m_storeId = 0;
    bool m_done = false;
};

/** VAT by store and rate over @p from..@p to in one currency: the VAT variance view's table and chart figures. */
class TaxVarianceExport final : public ExportSource
{
public:
    TaxVarianceExport(QDate from, QDate to, QString currency);
    QString title() const override;
    QList<ExportColumn> columns() const override;
    Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) override;

private:
    QDate m_from;
    QDate m_to;
    QString m_currency;
    bool m_done = false;
};

} // namespace Tillbridge::Core
