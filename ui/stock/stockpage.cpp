// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stock/stockpage.h"

#include "core/export/exportsources.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/storerepository.h"
#include "ui/common/emptystate.h"
#include "ui/common/exportcontroller.h"
#include "ui/common/pageheader.h"
#include "ui/common/summarytile.h"
#include "ui/common/workbenchuser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

using Core::StockLevelsModel;
using Core::StockStoresModel;

namespace {
/** Failed writes and levels that differ stand out in red; the text says the same, colour is only a hint. */
class StockLevelDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool failed = index.column() == StockLevelsModel::StateColumn
                            && index.data(StockLevelsModel::FailedRole).toBool();
        const QVariant difference = index.data(StockLevelsModel::DifferenceRole);
        const bool differs = index.column() == StockLevelsModel::DifferenceColumn && difference.isValid()
                             && difference.toLongLong() != 0;
        if (failed || differs)
            option->palette.setColor(QPalette::Text, QColor(0xb3, 0x26, 0x1e));
    }
};
} // namespace

StockPage::StockPage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_model(new StockLevelsModel(guiDb, this))
    , m_stores(new StockStoresModel(this))
    , m_levels(new SummaryTile(tr("SKU levels in all stores"), this))
    , m_differences(new SummaryTile(tr("Sitoo differs from Prima"), this))
    , m_waiting(new SummaryTile(tr("Waiting to be pushed"), this))
    , m_fastLane(new SummaryTile(tr("In the fast lane now"), this))
    , m_failed(new SummaryTile(tr("Failed pushes"), this))
    , m_search(new QLineEdit(this))
    , m_store(new QComboBox(this))
    , m_onlyDifferences(new QCheckBox(tr("Only differences"), this))
    , m_onlyFailed(new QCheckBox(tr("Only failed pushes"), this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
    , m_pushFast(new QPushButton(tr("Push fast lane now"), this))
    , m_pushAll(new QPushButton(tr("Push all now"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_storesView(new QTableView(this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setPlaceholderText(tr("SKU starts with…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search stock by SKU"));
    m_search->setMinimumWidth(220);
    m_store->setAccessibleName(tr("Store"));
    m_store->addItem(tr("All stores"));
    m_onlyDifferences->setAccessibleName(tr("Only differences"));
    m_onlyDifferences->setToolTip(tr("Levels where Sitoo does not show Prima's available-to-sell (or nothing was "
                                     "written yet)"));
    m_onlyFailed->setAccessibleName(tr("Only failed pushes"));
    m_onlyFailed->setToolTip(tr("Levels whose last write to Sitoo failed; they are tried again automatically"));
    m_pushFast->setAccessibleName(tr("Push fast lane now"));
    m_pushFast->setToolTip(tr("Write the levels at risk (low stock, fast movers) to Sitoo now"));
    m_pushAll->setAccessibleName(tr("Push all now"));
    m_pushAll->setToolTip(tr("Write every level that changed in Prima to Sitoo now (normally done nightly)"));

    m_levels->setToolTipText(tr("Stock levels (SKU × store) in the cache"));
    m_differences->setToolTipText(tr("Sitoo's level is not Prima's available-to-sell, or was never written"));
    m_waiting->setToolTipText(tr("Prima changed the level and the change has not been written to Sitoo yet"));
    m_fastLane->setToolTipText(tr("Waiting levels at risk (low stock or fast-moving): the next fast-lane run writes "
                                  "them"));
    m_failed->setToolTipText(tr("Sitoo refused the last write, or it could not be sent; tried again automatically"));

    m_count->setAccessibleName(tr("Levels shown"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new StockLevelDelegate(m_view));
    m_view->setAccessibleName(tr("Stock levels"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(StockLevelsModel::StateColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(StockLevelsModel::StoreColumn, 170);
    m_view->setColumnWidth(StockLevelsModel::SkuColumn, 150);
    m_view->setColumnWidth(StockLevelsModel::PrimaColumn, 95);
    m_view->setColumnWidth(StockLevelsModel::SitooColumn, 95);
    m_view->setColumnWidth(StockLevelsModel::DifferenceColumn, 95);
    m_view->setColumnWidth(StockLevelsModel::FastLaneColumn, 230);
    m_view->setColumnWidth(StockLevelsModel::PushedAtColumn, 175);

    m_storesView->setModel(m_stores);
    m_storesView->setAccessibleName(tr("Stock per store"));
    m_storesView->setSelectionMode(QAbstractItemView::NoSelection);
    m_storesView->setFocusPolicy(Qt::NoFocus);
    m_storesView->setAlternatingRowColors(true);
    m_storesView->verticalHeader()->hide();
    m_storesView->verticalHeader()->setDefaultSectionSize(m_storesView->fontMetrics().height() + 8);
    m_storesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_storesView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const int column : {int(StockStoresModel::StoreColumn), int(StockStoresModel::LastPushColumn)})
        m_storesView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // Room for the header and six stores; the level table gets the rest of the height.
    const int storesHeight = m_storesView->verticalHeader()->defaultSectionSize() * 6
                             + m_storesView->horizontalHeader()->sizeHint().height() + 4;
    m_storesView->setMinimumHeight(storesHeight);
    m_storesView->setMaximumHeight(storesHeight);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *pageHeader = new PageHeader(tr("Stock"),
                                      tr("Prima's available-to-sell beside the level last written to each store's "
                                         "Sitoo warehouse, with the push lag and what failed."),
                                      this);
    pageHeader->addAction(m_search);
    pageHeader->addAction(m_pushFast);
    pageHeader->addAction(m_pushAll);
    // Export: the levels as the table filters them, with the same fast-lane thresholds.
    auto *exporter = new ExportController(
        m_databasePath,
        [this] { return std::make_unique<Core::StockLevelsExport>(m_model->filter(), m_model->config()); }, this);
    pageHeader->addAction(exporter->makeButton(this));
    connect(exporter, &ExportController::statusMessage, this, [this](const QString &text, bool error) {
        m_status->setText(text);
        m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
        m_status->setVisible(true);
    });

    auto *tiles = new QHBoxLayout;
    for (SummaryTile *tile : {m_levels, m_differences, m_waiting, m_fastLane, m_failed})
        tiles->addWidget(tile, 1);

    auto *storesBox = new QGroupBox(tr("Per store"), this);
    storesBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *storesLayout = new QVBoxLayout(storesBox);
    storesLayout->addWidget(m_storesView);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_store);
    filters->addWidget(m_onlyDifferences);
    filters->addWidget(m_onlyFailed);
    filters->addStretch(1);
    filters->addWidget(m_count);

    auto *levels = new QWidget(this);
    auto *levelsLayout = new QVBoxLayout(levels);
    levelsLayout->setContentsMargins(0, 0, 0, 0);
    levelsLayout->addLayout(filters);
    levelsLayout->addWidget(m_stack, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(storesBox);
    splitter->addWidget(levels);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageHeader);
    layout->addLayout(tiles);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &StockPage::applyFilters);
    connect(m_store, &QComboBox::currentIndexChanged, this, &StockPage::applyFilters);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &StockPage::applyFilters);
    connect(m_onlyFailed, &QCheckBox::toggled, this, &StockPage::applyFilters);
    connect(m_pushFast, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Fast-lane push requested. The figures update when it has finished."));
        m_status->setVisible(true);
        Q_EMIT pushRequested(true);
    });
    connect(m_pushAll, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Full push requested. The figures update when it has finished."));
        m_status->setVisible(true);
        Q_EMIT pushRequested(false);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &StockPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StockPage::updateEmptyState);
    connect(m_model, &StockLevelsModel::loadFailed, this, [this](const QString &message) {
        m_status->setText(message);
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_status->setVisible(true);
    });
    updateEmptyState();
}

bool StockPage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void StockPage::setConfig(const Core::StockPushConfig &config)
{
    m_config = config;
    m_model->setConfig(config);
}

bool StockPage::isFiltered() const
{
    return m_store->currentIndex() > 0 || m_onlyDifferences->isChecked() || m_onlyFailed->isChecked()
           || !m_search->text().trimmed().isEmpty();
}

void StockPage::reloadStores()
{
    const QVariant current = m_store->currentData();
    const QSignalBlocker block(m_store);
    while (m_store->count() > 1)
        m_store->removeItem(1);
    if (auto stores = Core::StoreRepository(QSqlDatabase::database(m_guiConnection, false)).all(); stores) {
        for (const Core::Store &store : *stores) {
            if (!store.primaLocation.isEmpty())
                m_store->addItem(store.name, store.primaLocation);
        }
    }
    const int index = m_store->findData(current);
    m_store->setCurrentIndex(index < 0 ? 0 : index);
}

void StockPage::reload()
{
    reloadStores();
    m_model->reload();
    const qint64 request = ++m_summaryRequest;
    const Core::StockPushConfig config = m_config;
    Core::readInBackground<Core::StockSummary>(m_databasePath, [config](const QSqlDatabase &db) {
        return Core::StockSummary::load(db, config);
    }).then(this, [this, request](const Core::Result<Core::StockSummary> &summary) {
        if (request != m_summaryRequest)
            return;
        if (!summary) {
            m_status->setText(summary.errorString());
            m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
            m_status->setVisible(true);
            return;
        }
        applySummary(*summary);
    });
}

void StockPage::applySummary(const Core::StockSummary &summary)
{
    m_summary = summary;
    m_summaryKnown = true;
    m_levels->setValue(summary.levels);
    m_differences->setValue(summary.differences);
    m_waiting->setValue(summary.waiting);
    m_fastLane->setValue(summary.fastLaneNow);
    m_failed->setValue(summary.failed);
    m_stores->setStores(summary.stores);
    updateEmptyState();
    Q_EMIT summaryLoaded();
}

void StockPage::updateEmptyState()
{
    const int shown = m_model->rowCount();
    if (shown > 0) {
        m_count->setText(m_model->canFetchMore({})
                             ? tr("First %1 levels in SKU order; scroll for more").arg(QLocale().toString(shown))
                             : tr("%Ln level(s)", nullptr, int(shown)));
        m_stack->setCurrentWidget(m_view);
        return;
    }
    m_count->clear();
    if (isFiltered()) {
        m_emptyTitle = tr("No levels match the filter");
        m_empty->setMessage(tr("Choose “All stores”, clear the search box or untick “Only differences” and “Only "
                               "failed pushes” to see every level."));
    } else {
        m_emptyTitle = tr("No stock levels yet");
        m_empty->setMessage(tr("Levels arrive from Prima with the first stock push, once the stores are mapped to "
                               "Prima locations (Settings). Click “Push all now”, or run tillbridge-cli stock push."));
    }
    m_empty->setTitle(m_emptyTitle);
    m_stack->setCurrentWidget(m_empty);
}

void StockPage::applyFilters()
{
    Core::StockFilter filter;
    if (m_store->currentIndex() > 0)
        filter.location = m_store->currentData().toString();
    filter.text = m_search->text().trimmed();
    filter.onlyDifferences = m_onlyDifferences->isChecked();
    filter.onlyFailed = m_onlyFailed->isChecked();
    m_model->setFilter(filter);
}

void StockPage::setLocationFilter(const QString &location)
{
    const int index = location.isEmpty() ? 0 : m_store->findData(location);
    if (index < 0 || index == m_store->currentIndex())
        applyFilters();
    else
        m_store->setCurrentIndex(index);
}

void StockPage::setSearchText(const QString &text)
{
    const QSignalBlocker block(m_search);
    m_search->setText(text);
    m_searchDelay->stop();
    applyFilters();
}

void StockPage::setOnlyDifferences(bool only)
{
    m_onlyDifferences->setChecked(only);
}

void StockPage::setOnlyFailed(bool only)
{
    m_onlyFailed->setChecked(only);
}

} // namespace Tillbridge::Ui
