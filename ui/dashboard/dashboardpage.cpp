// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/dashboardpage.h"

#include "core/models/storesmodel.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/storerepository.h"
#include "ui/common/emptystate.h"
#include "ui/common/pageheader.h"
#include "ui/common/summarytile.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

DashboardPage::DashboardPage(QString databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(std::move(databasePath))
    , m_storesModel(new Core::StoresModel(this))
    , m_storesView(new QTableView(this))
    , m_storesStack(new QStackedWidget(this))
    , m_stores(new SummaryTile(tr("Stores"), this))
    , m_orders(new SummaryTile(tr("POS orders in the cache"), this))
    , m_quarantined(new SummaryTile(tr("Quarantined orders"), this))
    , m_openExceptions(new SummaryTile(tr("Open exceptions"), this))
    , m_pendingPostings(new SummaryTile(tr("Waiting to post to Prima"), this))
    , m_auditEntries(new SummaryTile(tr("Audit trail entries"), this))
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
    layout->addSpacing(12);
    layout->addWidget(storesHeading);
    layout->addWidget(m_storesStack, 1);
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
    Core::readInBackground<QList<Core::Store>>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::StoreRepository(db).all();
    }).then(this, [this](const Core::Result<QList<Core::Store>> &stores) {
        if (stores) {
            m_storesModel->setStores(*stores);
            m_storesStack->setCurrentWidget(stores->isEmpty() ? m_storesStack->widget(0) : m_storesView);
        } else {
            Q_EMIT loadFailed(stores.errorString());
        }
        finishPart();
    });
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
