// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/taxvariancereport.h"

#include <QDate>
#include <QSqlDatabase>
#include <QWidget>

class QBarSeries;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Tillbridge::Core {
class PayoutsModel;
class TaxVarianceOrdersModel;
}

namespace Tillbridge::Ui {

class EmptyState;

/**
 * VAT variance and payouts for a month. The "VAT" tab charts, per store and VAT rate, the VAT the tills charged
 * against the VAT the rate gives on the net (bars), the same over the days of the month (lines, one per store), and
 * lists the orders behind a clicked bar. The "Payouts" tab shows the stored reconciliation per store, trading day and
 * tender: Sitoo, Z-report, Prima, difference, tolerance and status. Aggregates are read off the GUI thread.
 */
class TaxVariancePage : public QWidget
{
    Q_OBJECT

public:
    TaxVariancePage(QSqlDatabase guiDb, QString databasePath, QWidget *parent = nullptr);

    Core::TaxVarianceOrdersModel *ordersModel() const { return m_ordersModel; }
    Core::PayoutsModel *payoutsModel() const { return m_payoutsModel; }
    QTableView *ordersView() const { return m_ordersView; }
    QTableView *payoutsView() const { return m_payoutsView; }
    QTabWidget *tabs() const { return m_tabs; }
    QBarSeries *barSeries() const { return m_barSeries; }
    QChart *dailyChart() const { return m_dailyChart; }
    /** The period shown (first day of the month); invalid when the cache holds no results yet. */
    QDate period() const { return m_period; }
    /** The currency the charts show. */
    QString currency() const { return m_currency; }
    /** The store ids of the bar chart's categories, in order. */
    QList<qint64> barStoreIds() const { return m_barStoreIds; }
    /** The per store × rate figures behind the bars. */
    const QList<Core::TaxVarianceCell> &cells() const { return m_cells; }
    bool isShowingVatEmptyState() const;
    bool isShowingPayoutsEmptyState() const;
    QString drillDownTitle() const;

public Q_SLOTS:
    /** Re-reads the months with data and the shown month in the background; loaded() follows. */
    void reload();
    /** Shows the month starting at @p firstOfMonth (must be one the period selector offers). */
    void showPeriod(QDate firstOfMonth);
    /** Lists the orders behind the bar of @p storeId at @p vatRateUnits; drillDownLoaded() follows. */
    void drillDown(qint64 storeId, qint64 vatRateUnits);
    void setStoreFilter(qint64 storeId);
    void setOnlyVariances(bool only);

Q_SIGNALS:
    /** The user double-clicked an order (or a payout line) with an exception: show it in the exception queue. */
    void openExceptionRequested(qint64 exceptionId);
    /** "Reconcile now": the window runs the reconcile job. */
    void reconcileRequested();
    /** A month's figures are shown (or failed with loadFailed()). */
    void loaded();
    void drillDownLoaded();
    void loadFailed(const QString &message);

private:
    struct PeriodData;

    QWidget *buildVatTab();
    QWidget *buildPayoutsTab();
    void loadPeriod(QDate wanted);
    void showData(const PeriodData &data);
    void showCharts();
    void showPayouts();
    void clearDrillDown();
    void styleChart(QChart *chart) const;
    void setStatus(const QString &text, bool error);

    QString m_guiConnection;
    QString m_databasePath;
    QDate m_period;
    QString m_currency;
    QList<Core::TaxVarianceRow> m_rows;
    QList<Core::TaxVarianceCell> m_cells;
    QList<qint64> m_barStoreIds;
    qint64 m_drillStore = 0;
    qint64 m_drillRate = -1;
    quint64 m_periodRequest = 0;
    quint64 m_drillRequest = 0;

    QComboBox *m_periodBox;
    QPushButton *m_reconcile;
    QLabel *m_status;
    QTabWidget *m_tabs;

    // VAT
    QStackedWidget *m_vatStack;
    EmptyState *m_vatEmpty;
    QComboBox *m_currencyBox;
    QLabel *m_vatSummary;
    QChart *m_barChart;
    QChartView *m_barView;
    QBarSeries *m_barSeries;
    QChart *m_dailyChart;
    QChartView *m_dailyView;
    QLabel *m_drillTitle;
    QStackedWidget *m_drillStack;
    EmptyState *m_drillEmpty;
    QTableView *m_ordersView;
    Core::TaxVarianceOrdersModel *m_ordersModel;

    // Payouts
    QStackedWidget *m_payoutsStack;
    EmptyState *m_payoutsEmpty;
    QComboBox *m_storeBox;
    QCheckBox *m_onlyVariances;
    QLabel *m_payoutsCount;
    QTableView *m_payoutsView;
    Core::PayoutsModel *m_payoutsModel;
};

} // namespace Tillbridge::Ui
