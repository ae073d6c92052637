// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/dashboardpage.h"

#include "core/storage/backgroundreader.h"
#include "ui/common/emptystate.h"
#include "ui/common/pageheader.h"
#include "ui/common/summarytile.h"
#include "ui/dashboard/healthlightdelegate.h"
#include "ui/dashboard/syncheatmap.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

DashboardPage::DashboardPage(QString databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(std::move(databasePath))
    , m_storesModel(new Core::StoreHealthModel(this))
    , m_storesView(new QTableView(this))
    , m_storesStack(new QStackedWidget(this))
    , m_heatmap(new SyncHeatmap(this))
    , m_stores(new SummaryTile(tr("Stores"), this))
    , m_orders(new SummaryTile(tr("POS orders in the cache"), this))
    , m_quarantined(new SummaryTile(tr("Quarantined orders"), this))
    , m_openExceptions(new SummaryTile(tr("Open exceptions"), this))
    , m_pendingPostings(new SummaryTile(tr("Waiting to post to Prima"), this))
    , m_auditEntries(new SummaryTile(tr("Audit trail entries"), this))
    , m_byOwner(new QLabel(this))
{
    m_quarantined->setToolTipText(tr("Orders held back from Prima until an exception is resolved."));
    m_openExceptions->setToolTipText(tr("Exceptions not yet resolved, approved or rejected."));
    m_pendingPostings->setToolTipText(tr("Documents written to the outbox that Prima has not confirmed yet."));

    auto *tiles = new QGridLayout;
    tiles->setSpacing(10);
    const QList<SummaryTile *> all{m_stores, m_orders, m_quarantined, m_openExceptions, m_pendingPostings,
                                   m_auditEntries};
    for (int i = 0; i < all.size(); ++i)
        tiles->addWidget(all[i], 0, i);

    m_storesView->setModel(m_storesModel);
    m_storesView->setAccessibleName(tr("Stores"));
    m_storesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_storesView->setAlternatingRowColors(true);
    m_storesView->verticalHeader()->hide();
    m_storesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_storesView->horizontalHeader()->setStretchLastSection(true);
    m_storesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_storesView->setItemDelegateForColumn(Core::StoreHealthModel::LightColumn, new HealthLightDelegate(this));
    m_storesView->setToolTip(tr("Hover a row to see why a store is OK, to check, or to act on."));
    m_byOwner->setAccessibleName(tr("Open exceptions by owner team"));
    m_byOwner->setTextFormat(Qt::RichText);
    m_byOwner->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    connect(m_byOwner, &QLabel::linkActivated, this, [this] { Q_EMIT exceptionsRequested(); });

    auto *empty = new EmptyState(this);
    empty->setTitle(tr("No stores yet"));
    empty->setMessage(tr("Stores appear here after the first pull from Sitoo. Each store will show when its sales "
                         "were last pulled and posted, what is waiting, and a traffic light for its sync health."));
    m_storesStack->addWidget(empty);
    m_storesStack->addWidget(m_storesView);

    auto *storesHeading = new QLabel(tr("Stores"), this);
    QFont headingFont = storesHeading->font();
    headingFont.setBold(true);
    storesHeading->setFont(headingFont);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Store health"),
                                     tr("Where every store's sales stand between the tills and the ledger."), this));
    layout->addLayout(tiles);
    layout->addWidget(m_byOwner);
    layout->addSpacing(12);
    layout->addWidget(storesHeading);
    layout->addWidget(m_storesStack);
    auto *heatmapHeading = new QLabel(tr("Sales that reached Prima, by store and day"), this);
    heatmapHeading->setFont(headingFont);
    auto *heatmapArea = new QScrollArea(this);
    heatmapArea->setWidget(m_heatmap);
    heatmapArea->setWidgetResizable(false);
    heatmapArea->setFrameShape(QFrame::NoFrame);
    heatmapArea->setMinimumHeight(120);
    layout->addSpacing(8);
    layout->addWidget(heatmapHeading);
    layout->addWidget(heatmapArea, 1);
}

void DashboardPage::refresh()
{
    m_pendingParts = 2;
    Core::readInBackground<Core::CacheStatistics>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::readCacheStatistics(db);
    }).then(this, [this](const Core::Result<Core::CacheStatistics> &statistics) {
        if (statistics)
            showStatistics(*statistics);
        else
            Q_EMIT loadFailed(statistics.errorString());
        finishPart();
    });
    Core::readInBackground<Core::StoreHealthReport>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::StoreHealthReport::read(db, QDateTime::currentDateTimeUtc());
    }).then(this, [this](const Core::Result<Core::StoreHealthReport> &report) {
        if (report)
            showHealth(*report);
        else
            Q_EMIT loadFailed(report.errorString());
        finishPart();
    });
}

void DashboardPage::showHealth(const Core::StoreHealthReport &report)
{
    m_storesModel->setHealth(report.stores, QDateTime::currentDateTimeUtc());
    m_storesStack->setCurrentWidget(report.stores.isEmpty() ? m_storesStack->widget(0) : m_storesView);
    // The table is as tall as its stores (up to a dozen rows; more scroll), so the heatmap sits right below it.
    const int visibleRows = std::clamp(int(report.stores.size()), 1, 12);
    const int tableHeight = m_storesView->horizontalHeader()->height()
                            + visibleRows * m_storesView->verticalHeader()->defaultSectionSize() + 4;
    m_storesStack->setFixedHeight(report.stores.isEmpty() ? 180 : tableHeight);
    m_heatmap->setReport(report);
    m_heatmap->resize(m_heatmap->sizeHint());
    QStringList owners;
    qint64 total = 0;
    for (const auto &[team, count] : report.openByOwner) {
        owners << tr("%1 %2").arg(Core::ownerTeamTitle(team)).arg(QLocale().toString(count));
        total += count;
    }
    m_byOwner->setText(total == 0 ? tr("No exceptions waiting for anyone.")
                                  : tr("Open exceptions by owner: %1 — <a href=\"queue\">open the queue</a>")
                                        .arg(owners.join(QStringLiteral(" · "))));
}

void DashboardPage::showStatistics(const Core::CacheStatistics &statistics)
{
    m_stores->setValue(statistics.stores);
    m_orders->setValue(statistics.posOrders);
    m_quarantined->setValue(statistics.quarantinedOrders);
    m_openExceptions->setValue(statistics.openExceptions);
    m_pendingPostings->setValue(statistics.pendingPostings);
    m_auditEntries->setValue(statistics.auditEntries);
}

void DashboardPage::finishPart()
{
    if (--m_pendingParts == 0)
        Q_EMIT refreshed();
}

} // namespace Tillbridge::Ui
