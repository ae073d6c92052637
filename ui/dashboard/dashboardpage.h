// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/cachestatistics.h"

#include <QWidget>

class QStackedWidget;
class QTableView;

namespace Tillbridge::Core {
class StoresModel;
}

namespace Tillbridge::Ui {

class SummaryTile;

/** Store health: headline figures for the cache and one row per store. Reads run off the GUI thread. */
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QString databasePath, QWidget *parent = nullptr);

    Core::StoresModel *storesModel() const { return m_storesModel; }

public Q_SLOTS:
    /** Re-reads the figures and the stores in the background; refreshed() follows. */
    void refresh();

Q_SIGNALS:
    /** Emitted when both the figures and the store list have been shown (or failed with loadFailed()). */
    void refreshed();
    void loadFailed(const QString &message);

private:
    void showStatistics(const Core::CacheStatistics &statistics);
    void finishPart();

    QString m_databasePath;
    Core::StoresModel *m_storesModel;
    QTableView *m_storesView;
    QStackedWidget *m_storesStack;
    SummaryTile *m_stores;
    SummaryTile *m_orders;
    SummaryTile *m_quarantined;
    SummaryTile *m_openExceptions;
    SummaryTile *m_pendingPostings;
    SummaryTile *m_auditEntries;
    int m_pendingParts = 0;
};

} // namespace Tillbridge::Ui
