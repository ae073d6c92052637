// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/stocklevelsmodel.h"

#include <QSqlDatabase>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Tillbridge::Ui {

class EmptyState;
class SummaryTile;
class WorkbenchUser;

/**
 * Stock: Prima's available-to-sell beside the level last written to each store's Sitoo warehouse, per store and SKU;
 * the push lag per store, what the fast lane would write now, and the levels whose write failed. The level table is
 * paged from SQL (a cache can hold ten million levels); the per-store figures are aggregated off the GUI thread.
 * "Push now" asks the engine (pushRequested), which owns the Sitoo client.
 */
class StockPage : public QWidget
{
    Q_OBJECT

public:
    StockPage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    Core::StockLevelsModel *model() const { return m_model; }
    Core::StockStoresModel *storesModel() const { return m_stores; }
    QTableView *view() const { return m_view; }
    bool isShowingEmptyState() const;
    QString emptyTitle() const { return m_emptyTitle; }
    /** The last summary shown (tiles and per-store table). */
    const Core::StockSummary &summary() const { return m_summary; }
    /** The fast-lane thresholds used for "at risk" (the engine's StockPushConfig); the defaults hold until set. */
    void setConfig(const Core::StockPushConfig &config);

public Q_SLOTS:
    void reload();
    /** Shows one Prima location (store) only; empty: all. */
    void setLocationFilter(const QString &location);
    void setSearchText(const QString &text);
    void setOnlyDifferences(bool only);
    void setOnlyFailed(bool only);

Q_SIGNALS:
    /** "Push fast lane now" (true) or "Push all now" (false): the engine runs stock-fast-lane or stock-full. */
    void pushRequested(bool fastLane);
    /** After the per-store figures were read and shown. */
    void summaryLoaded();

private:
    void applyFilters();
    void applySummary(const Core::StockSummary &summary);
    void reloadStores();
    void updateEmptyState();
    bool isFiltered() const;

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    Core::StockPushConfig m_config;
    Core::StockLevelsModel *m_model;
    Core::StockStoresModel *m_stores;
    SummaryTile *m_levels;
    SummaryTile *m_differences;
    SummaryTile *m_waiting;
    SummaryTile *m_fastLane;
    SummaryTile *m_failed;
    QLineEdit *m_search;
    QComboBox *m_store;
    QCheckBox *m_onlyDifferences;
    QCheckBox *m_onlyFailed;
    QLabel *m_count;
    QLabel *m_status;
    QPushButton *m_pushFast;
    QPushButton *m_pushAll;
    QStackedWidget *m_stack;
    QTableView *m_view;
    EmptyState *m_empty;
    QTableView *m_storesView;
    QTimer *m_searchDelay;
    Core::StockSummary m_summary;
    QString m_emptyTitle;
    qint64 m_summaryRequest = 0;
    bool m_summaryKnown = false;
};

} // namespace Tillbridge::Ui
