// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/skudiff/skudiffpage.h"

#include "core/export/exportsources.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/userrepository.h"
#include "ui/common/emptystate.h"
#include "ui/common/exportcontroller.h"
#include "ui/common/pageheader.h"
#include "ui/common/signindialog.h"
#include "ui/common/summarytile.h"
#include "ui/common/workbenchuser.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace Tillbridge::Ui {

using Core::ExceptionKind;
using Core::SkuDiffModel;

SkuDiffPage::SkuDiffPage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_model(new SkuDiffModel(guiDb, this))
    , m_trend(new Core::SkuAuditTrendModel(this))
    , m_onlyInSitoo(new SummaryTile(tr("Only in Sitoo (sellable)"), this))
    , m_onlyInPrima(new SummaryTile(tr("Only in Prima (active)"), this))
    , m_fieldMismatch(new SummaryTile(tr("Different price, VAT, title, barcode or status"), this))
    , m_nearMatches(new SummaryTile(tr("With a near-match hint"), this))
    , m_latest(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
    , m_runAudit(new QPushButton(tr("Run audit now"), this))
    , m_deactivate(new QPushButton(tr("Deactivate in POS…"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_trendView(new QTableView(this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search SKUs and explanations"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the SKU differences"));
    m_search->setMinimumWidth(260);

    m_kind->setAccessibleName(tr("Difference type"));
    m_kind->addItem(tr("All differences"));
    for (const ExceptionKind kind : SkuDiffModel::kinds())
        m_kind->addItem(SkuDiffModel::kindTitle(kind), int(kind));

    m_runAudit->setAccessibleName(tr("Run audit now"));
    m_runAudit->setToolTip(tr("Read Prima's item master and every Sitoo product again and compare them"));
    m_deactivate->setAccessibleName(tr("Deactivate in POS"));
    m_deactivate->setToolTip(tr("Stop the selected SKU, which Prima does not sell, from being sold in the POS. "
                                "Needs an approver's sign-in."));

    m_onlyInSitoo->setToolTipText(tr("Sellable in the POS but not in Prima's item master: its sales cannot be posted"));
    m_onlyInPrima->setToolTipText(tr("Active in Prima but missing from the Sitoo site: the tills cannot sell it"));
    m_fieldMismatch->setToolTipText(tr("On both sides, but price, VAT rate, title, barcode or active flag differ"));
    m_nearMatches->setToolTipText(tr("Only-in SKUs whose counterpart differs just by letter case, spaces or one "
                                     "matrix segment: probably a typing error, not a missing item"));

    m_latest->setForegroundRole(QPalette::PlaceholderText);
    m_latest->setWordWrap(true);
    m_latest->setAccessibleName(tr("Latest audit"));
    m_count->setAccessibleName(tr("Number of differences"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("SKU differences"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SkuDiffModel::PrimaColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SkuDiffModel::SitooColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(SkuDiffModel::SkuColumn, 150);
    m_view->setColumnWidth(SkuDiffModel::DifferenceColumn, 190);
    m_view->setColumnWidth(SkuDiffModel::HintColumn, 330);

    m_trendView->setModel(m_trend);
    m_trendView->setAccessibleName(tr("Recent SKU audit runs"));
    m_trendView->setSelectionMode(QAbstractItemView::NoSelection);
    m_trendView->setFocusPolicy(Qt::NoFocus);
    m_trendView->setAlternatingRowColors(true);
    m_trendView->verticalHeader()->hide();
    m_trendView->verticalHeader()->setDefaultSectionSize(m_trendView->fontMetrics().height() + 8);
    m_trendView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_trendView->horizontalHeader()->setSectionResizeMode(Core::SkuAuditTrendModel::FinishedColumn,
                                                          QHeaderView::ResizeToContents);
    // Room for the header and six runs; the differences table gets the rest of the height.
    const int trendHeight = m_trendView->verticalHeader()->defaultSectionSize() * 6
                            + m_trendView->horizontalHeader()->sizeHint().height() + 4;
    m_trendView->setMinimumHeight(trendHeight);
    m_trendView->setMaximumHeight(trendHeight);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *pageHeader = new PageHeader(tr("SKU differences"),
                                      tr("Prima's item master beside the Sitoo POS catalogue, from the latest SKU "
                                         "audit. Fix SKUs in Prima; deactivate POS-only SKUs here."),
                                      this);
    pageHeader->addAction(m_search);
    pageHeader->addAction(m_runAudit);
    // Export: the differences as filtered (type and search), in SKU order.
    auto *exporter = new ExportController(
        m_databasePath, [this] { return std::make_unique<Core::SkuDiffExport>(m_model->filter()); }, this);
    pageHeader->addAction(exporter->makeButton(this));
    connect(exporter, &ExportController::statusMessage, this, &SkuDiffPage::setStatus);

    auto *tiles = new QHBoxLayout;
    for (SummaryTile *tile : {m_onlyInSitoo, m_onlyInPrima, m_fieldMismatch, m_nearMatches})
        tiles->addWidget(tile, 1);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kind);
    filters->addWidget(m_deactivate);
    filters->addStretch(1);
    filters->addWidget(m_count);

    auto *trendBox = new QGroupBox(tr("Recent audits (newest first)"), this);
    trendBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *trendLayout = new QVBoxLayout(trendBox);
    trendLayout->addWidget(m_trendView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(trendBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageHeader);
    layout->addLayout(tiles);
    layout->addWidget(m_latest);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &SkuDiffPage::applyFilters);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SkuDiffPage::applyFilters);
    connect(m_runAudit, &QPushButton::clicked, this, [this] {
        setStatus(tr("SKU audit requested. The figures update when it has finished."));
        Q_EMIT auditRequested();
    });
    connect(m_deactivate, &QPushButton::clicked, this, &SkuDiffPage::deactivateSelected);
    connect(m_model, &SkuDiffModel::totalChanged, this, [this](qint64 total) {
        m_count->setText(tr("%Ln difference(s) shown", nullptr, int(std::min<qint64>(total, INT_MAX))));
        updateEmptyState();
    });
    connect(m_model, &SkuDiffModel::loadFailed, this, [this](const QString &message) { setStatus(message, true); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SkuDiffPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SkuDiffPage::updateActions);
    updateEmptyState();
    updateActions();
}

bool SkuDiffPage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString SkuDiffPage::tileText(ExceptionKind kind) const
{
    switch (kind) {
    case ExceptionKind::CatalogOnlyInSitoo:
        return m_onlyInSitoo->valueText();
    case ExceptionKind::CatalogOnlyInPrima:
        return m_onlyInPrima->valueText();
    case ExceptionKind::CatalogFieldMismatch:
        return m_fieldMismatch->valueText();
    default:
        return {};
    }
}

QString SkuDiffPage::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void SkuDiffPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setVisible(!text.isEmpty());
}

bool SkuDiffPage::selectSku(const QString &sku)
{
    const int row = m_model->rowOfSku(sku);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void SkuDiffPage::reload()
{
    m_model->reload();
    const qint64 request = ++m_summaryRequest;
    Core::readInBackground<Core::SkuDiffSummary>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::SkuDiffSummary::load(db);
    }).then(this, [this, request](const Core::Result<Core::SkuDiffSummary> &summary) {
        if (request != m_summaryRequest)
            return;
        if (!summary) {
            setStatus(summary.errorString(), true);
            return;
        }
        applySummary(*summary);
    });
}

void SkuDiffPage::applySummary(const Core::SkuDiffSummary &summary)
{
    m_summaryKnown = true;
    m_hasRun = summary.hasRun();
    m_trend->setRuns(summary.runs);
    if (m_hasRun) {
        m_onlyInSitoo->setValue(summary.onlyInSitoo);
        m_onlyInPrima->setValue(summary.onlyInPrima);
        m_fieldMismatch->setValue(summary.fieldMismatch);
        m_nearMatches->setValue(summary.nearMatches);
        const Core::SkuAuditRun &run = summary.runs.first();
        const QLocale locale;
        m_latest->setText(tr("Latest audit of Sitoo site %1: %2 by %3, %4 Prima SKUs against %5 Sitoo SKUs. "
                             "The tiles count what is still open.")
                              .arg(run.eshopId)
                              .arg(locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat), run.actor,
                                   locale.toString(run.primaItems), locale.toString(run.sitooItems)));
    } else {
        for (SummaryTile *tile : {m_onlyInSitoo, m_onlyInPrima, m_fieldMismatch, m_nearMatches})
            tile->clearValue();
        m_latest->setText(tr("No SKU audit has run yet."));
    }
    if (m_model->filter().eshopId != summary.eshopId) {
        Core::SkuDiffFilter filter = m_model->filter();
        filter.eshopId = summary.eshopId;
        m_model->setFilter(filter);
    }
    updateEmptyState();
    Q_EMIT summaryLoaded();
}

void SkuDiffPage::updateEmptyState()
{
    const bool filtered = m_kind->currentIndex() > 0 || !m_search->text().trimmed().isEmpty();
    if (m_model->totalCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (m_summaryKnown && !m_hasRun) {
        m_emptyTitle = tr("No SKU audit yet");
        m_empty->setMessage(tr("The audit compares Prima's item master with every product of the Sitoo site: "
                               "price, VAT rate, title, barcode and whether it can be sold. Click “Run audit now” "
                               "(or run tillbridge-cli sku-audit); its differences appear here by type."));
    } else if (filtered) {
        m_emptyTitle = tr("No differences match the filter");
        m_empty->setMessage(tr("Choose “All differences” or clear the search box to see every open difference."));
    } else {
        m_emptyTitle = tr("Prima and Sitoo match");
        m_empty->setMessage(tr("The latest audit found no SKU that differs, or every difference has been dealt "
                               "with. Run the audit again after a catalogue change in Prima to check."));
    }
    m_empty->setTitle(m_emptyTitle);
    m_stack->setCurrentWidget(m_empty);
}

void SkuDiffPage::applyFilters()
{
    Core::SkuDiffFilter filter = m_model->filter();
    filter.kind = m_kind->currentIndex() > 0 ? std::optional(ExceptionKind(m_kind->currentData().toInt()))
                                             : std::nullopt;
    filter.text = m_search->text().trimmed();
    m_model->setFilter(filter);
}

void SkuDiffPage::setKindFilter(std::optional<ExceptionKind> kind)
{
    const int index = kind ? m_kind->findData(int(*kind)) : 0;
    if (index == m_kind->currentIndex())
        applyFilters();
    else
        m_kind->setCurrentIndex(std::max(0, index)); // applies through currentIndexChanged
}

void SkuDiffPage::setSearchText(const QString &text)
{
    const QSignalBlocker block(m_search);
    m_search->setText(text);
    m_searchDelay->stop();
    applyFilters();
}

qint64 SkuDiffPage::selectedOnlyInSitoo() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return 0;
    const int row = rows.first().row();
    if (m_model->rowAt(row).kind != ExceptionKind::CatalogOnlyInSitoo)
        return 0;
    return m_model->rowAt(row).id;
}

void SkuDiffPage::updateActions()
{
    m_deactivate->setEnabled(!m_busy && selectedOnlyInSitoo() != 0);
}

void SkuDiffPage::deactivateSelected()
{
    const qint64 id = selectedOnlyInSitoo();
    if (!id || m_busy)
        return;
    const QString sku = m_model->rowAt(m_model->rowOf(id)).sku;
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Approve, this);
    dialog.setWindowTitle(tr("Deactivate %1 in the POS").arg(sku));
    dialog.setExplanation(tr("%1 is sellable in the Sitoo POS but Prima does not have it, so its sales cannot be "
                             "posted. Deactivating it stops the tills from selling it; it stays in Sitoo. "
                             "An approver signs in to decide.")
                              .arg(sku));
    dialog.setUsername(m_user->username());
    if (dialog.exec() != QDialog::Accepted)
        return;
    requestDeactivationAs(dialog.username(), dialog.password(), dialog.reason());
}

void SkuDiffPage::requestDeactivationAs(const QString &approver, const QString &password, const QString &reason)
{
    const qint64 id = selectedOnlyInSitoo();
    if (!id || m_busy)
        return;
    if (reason.trimmed().isEmpty()) {
        setStatus(tr("Nothing was deactivated: a reason is required."), true);
        Q_EMIT deactivationChecked(false);
        return;
    }
    const QString sku = m_model->rowAt(m_model->rowOf(id)).sku;
    m_busy = true;
    updateActions();
    setStatus(tr("Checking the sign-in…"));
    Core::readInBackground<Core::User>(m_databasePath, [approver, password](const QSqlDatabase &db) {
        return Core::UserRepository(db).verify(approver, password);
    }).then(this, [this, id, sku, reason](const Core::Result<Core::User> &verified) {
        m_busy = false;
        updateActions();
        if (!verified) {
            setStatus(tr("Nothing was deactivated: %1").arg(verified.errorString()), true);
            Q_EMIT deactivationChecked(false);
            return;
        }
        const Core::User &user = *verified;
        if (!user.active || (user.role != Core::UserRole::Approver && user.role != Core::UserRole::Admin)) {
            setStatus(tr("Nothing was deactivated: %1 is not an approver. Only an approver or an administrator may "
                         "stop a SKU from being sold.")
                          .arg(user.username),
                      true);
            Q_EMIT deactivationChecked(false);
            return;
        }
        setStatus(tr("Deactivation of %1 in the POS requested by %2. The row disappears once Sitoo has confirmed it.")
                      .arg(sku, user.username));
        Q_EMIT deactivateRequested(id, user.username, reason.trimmed());
        Q_EMIT deactivationChecked(true);
    });
}

void SkuDiffPage::deactivationFinished(bool succeeded, const QString &message)
{
    setStatus(message, !succeeded);
    reload();
}

} // namespace Tillbridge::Ui
