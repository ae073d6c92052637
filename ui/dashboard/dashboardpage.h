// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/storehealth.h"
#include "core/storage/cachestatistics.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace Tillbridge::Ui {

class SummaryTile;
class SyncHeatmap;

/**
 * Store health, for retail ops at a glance: headline figures, the open exception queue by owner team, one row per
 * store (last pull, last post, backlog, oldest unposted sale, failures in 24 h, stock lag, and a traffic light whose
 * tooltip says why), and a stores × days heatmap of how much of each day's sales reached Prima. Reads run off the GUI
 * thread.
 */
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QString databasePath, QWidget *parent = nullptr);

    Core::StoreHealthModel *storesModel() const { return m_storesModel; }
    SyncHeatmap *heatmap() const { return m_heatmap; }

public Q_SLOTS:
    /** Re-reads the figures and the stores in the background; refreshed() follows. */
    void refresh();

Q_SIGNALS:
    /** Both reads are in. */
    void refreshed();
    void loadFailed(const QString &message);
    /** The user clicked an owner team's open exceptions. */
    void exceptionsRequested();

private:
    void showStatistics(const Core::CacheStatistics &statistics);
    void showHealth(const Core::StoreHealthReport &report);
    void finishPart();

    QString m_databasePath;
    Core::StoreHealthModel *m_storesModel;
    QTableView *m_storesView;
    QStackedWidget *m_storesStack;
    SyncHeatmap *m_heatmap;
    SummaryTile *m_stores;
    SummaryTile *m_orders;
    SummaryTile *m_quarantined;
    SummaryTile *m_openExceptions;
    SummaryTile *m_pendingPostings;
    SummaryTile *m_auditEntries;
    QLabel *m_byOwner;
    int m_pendingParts = 0;
};

} // namespace Tillbridge::Ui
