// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exceptions/exceptionqueuepage.h"

#include "core/engine/review/mappingfix.h"
#include "core/engine/review/overrideapproval.h"
#include "core/export/exportsources.h"
#include "core/engine/review/quarantinereview.h"
#include "core/models/exceptionqueuemodel.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/storerepository.h"
#include "ui/common/emptystate.h"
#include "ui/common/exportcontroller.h"
#include "ui/common/pageheader.h"
#include "ui/common/signindialog.h"
#include "ui/common/workbenchuser.h"
#include "ui/exceptions/exceptiondetailview.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
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

namespace {
enum class StateChoice { ToWork, Open, Assigned, Closed, All };
} // namespace

ExceptionQueuePage::ExceptionQueuePage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user,
                                       QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_model(new Core::ExceptionQueueModel(guiDb, this))
    , m_search(new QLineEdit(this))
    , m_owner(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_store(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_age(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
    , m_assign(new QPushButton(tr("Assign to me"), this))
    , m_recheck(new QPushButton(tr("Check again"), this))
    , m_fixMapping(new QPushButton(tr("Fix the mapping…"), this))
    , m_resolve(new QPushButton(tr("Resolve…"), this))
    , m_propose(new QPushButton(tr("Propose override…"), this))
    , m_approve(new QPushButton(tr("Approve…"), this))
    , m_reject(new QPushButton(tr("Reject…"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_detail(new ExceptionDetailView(this))
    , m_searchDelay(new QTimer(this))
{
    using Core::ExceptionQueueModel;
    m_search->setPlaceholderText(tr("Search explanations, orders, assignees"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the exception queue"));
    m_search->setMinimumWidth(260);

    m_owner->setAccessibleName(tr("Owner team"));
    m_owner->addItem(tr("All owners"));
    for (const Core::OwnerTeam team : {Core::OwnerTeam::Finance, Core::OwnerTeam::RetailOps, Core::OwnerTeam::Data})
        m_owner->addItem(Core::ownerTeamTitle(team), int(team));
    m_kind->setAccessibleName(tr("Problem"));
    m_kind->addItem(tr("All problems"));
    for (const Core::ExceptionKind kind : Core::ExceptionKinds::all())
        m_kind->addItem(Core::ExceptionKinds::title(kind), int(kind));
    m_store->setAccessibleName(tr("Store"));
    m_store->addItem(tr("All stores"));
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("To work on"), int(StateChoice::ToWork));
    m_state->addItem(tr("Open"), int(StateChoice::Open));
    m_state->addItem(tr("Assigned"), int(StateChoice::Assigned));
    m_state->addItem(tr("Closed"), int(StateChoice::Closed));
    m_state->addItem(tr("All"), int(StateChoice::All));
    m_age->setAccessibleName(tr("Waiting for"));
    m_age->addItem(tr("Any age"), int(Core::ExceptionAge::Any));
    m_age->addItem(tr("Under an hour"), int(Core::ExceptionAge::UnderOneHour));
    m_age->addItem(tr("Under a day"), int(Core::ExceptionAge::UnderOneDay));
    m_age->addItem(tr("1–7 days"), int(Core::ExceptionAge::OneToSevenDays));
    m_age->addItem(tr("Over 7 days"), int(Core::ExceptionAge::OverSevenDays));

    m_assign->setToolTip(tr("Take the selected exceptions (Ctrl+M)"));
    m_recheck->setToolTip(tr("Validate the selected orders again after a mapping or the catalogue was fixed (Ctrl+R)"));
    m_fixMapping->setToolTip(tr("Add the missing mapping for this value, prefilled, and see how many held-back orders it "
                                "releases before it is saved"));
    m_resolve->setToolTip(tr("Close the selected exceptions with a reason: the problem was fixed outside Tillbridge"));
    m_propose->setToolTip(tr("Propose to post the order as it is; a second person must approve (maker-checker)"));
    m_approve->setToolTip(tr("Approve a proposed override with your sign-in (Ctrl+Return)"));
    m_reject->setToolTip(tr("Decide that the order is not posted as it is"));
    for (QPushButton *button : {m_assign, m_recheck, m_fixMapping, m_resolve, m_propose, m_approve, m_reject})
        button->setAccessibleName(button->text().remove(u'…'));

    m_count->setAccessibleName(tr("Number of exceptions"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Exception queue"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ExceptionQueueModel::ExplanationColumn, QHeaderView::Stretch);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    // The explanation is what people read: the other columns get just what their usual content needs.
    m_view->setColumnWidth(ExceptionQueueModel::AgeColumn, 58);
    m_view->setColumnWidth(ExceptionQueueModel::KindColumn, 150);
    m_view->setColumnWidth(ExceptionQueueModel::OwnerColumn, 74);
    m_view->setColumnWidth(ExceptionQueueModel::StoreColumn, 115);
    m_view->setColumnWidth(ExceptionQueueModel::ReferenceColumn, 90);
    // Short values under long titles ("Assigned to", "Tilldelat till"): at least wide enough for the title.
    const auto fitTitle = [this](int column, int width) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column,
                               std::max(width, m_view->horizontalHeader()->fontMetrics().horizontalAdvance(title) + 20));
    };
    fitTitle(ExceptionQueueModel::StateColumn, 64);
    fitTitle(ExceptionQueueModel::AssigneeColumn, 76);

    m_empty->setTitle(tr("Nothing waiting"));
    m_empty->setMessage(tr("Orders that fail validation — an unknown SKU, totals that do not add up, VAT outside "
                           "the rounding rules, an unmapped tax code or payment method — wait here with an "
                           "explanation, an owner and an age until someone fixes or approves them."));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    m_detail->showMessage(tr("Select an exception"),
                          tr("Its explanation, the order's lines and the arithmetic behind the difference appear "
                             "here."));

    auto *header = new PageHeader(tr("Exception queue"),
                                  tr("What is held back from Prima and why, oldest first. Fix, approve or reject."),
                                  this);
    header->addAction(m_search);
    // Export: the queue exactly as filtered (age bucket included), in queue order, off the GUI thread.
    auto *exporter = new ExportController(
        m_databasePath, [this] { return std::make_unique<Core::ExceptionQueueExport>(m_model->effectiveFilter()); },
        this);
    header->addAction(exporter->makeButton(this));
    connect(exporter, &ExportController::statusMessage, this, &ExceptionQueuePage::setStatus);

    auto *filters = new QHBoxLayout;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_owner, m_kind, m_store, m_state, m_age})
        filters->addWidget(widget);
    filters->addStretch(1);
    filters->addWidget(m_count);

    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_assign, m_recheck, m_fixMapping, m_resolve, m_propose, m_approve, m_reject})
        actions->addWidget(button);
    actions->addStretch(1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({1000, 380});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &ExceptionQueuePage::applyFilters);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop(); // Enter searches at once
        applyFilters();
    });
    for (QComboBox *box : {m_owner, m_kind, m_store, m_state, m_age})
        connect(box, &QComboBox::currentIndexChanged, this, &ExceptionQueuePage::applyFilters);
    connect(m_model, &Core::ExceptionQueueModel::totalChanged, this, [this](qint64 total) {
        m_count->setText(tr("%Ln exception(s)", nullptr, int(std::min<qint64>(total, INT_MAX))));
        m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget *>(m_empty) : m_view);
    });
    connect(m_model, &Core::ExceptionQueueModel::loadFailed, this, [this](const QString &message) {
        setStatus(message, true);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExceptionQueuePage::updateSelection);
    connect(m_assign, &QPushButton::clicked, this, &ExceptionQueuePage::assignToMe);
    connect(m_recheck, &QPushButton::clicked, this, &ExceptionQueuePage::recheck);
    connect(m_fixMapping, &QPushButton::clicked, this, &ExceptionQueuePage::fixMapping);
    connect(m_resolve, &QPushButton::clicked, this, &ExceptionQueuePage::resolveSelected);
    connect(m_propose, &QPushButton::clicked, this, &ExceptionQueuePage::proposeOverride);
    connect(m_approve, &QPushButton::clicked, this, &ExceptionQueuePage::approveOverride);
    connect(m_reject, &QPushButton::clicked, this, &ExceptionQueuePage::rejectOverride);
    connect(m_user, &WorkbenchUser::changed, this, &ExceptionQueuePage::updateActions);

    // Keyboard: next/previous without leaving the detail pane, and the two most frequent decisions.
    const auto shortcut = [this](const QKeySequence &keys, void (ExceptionQueuePage::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), &ExceptionQueuePage::selectNext);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), &ExceptionQueuePage::selectPrevious);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_M), &ExceptionQueuePage::assignToMe);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &ExceptionQueuePage::recheck);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), &ExceptionQueuePage::approveOverride);
    updateActions();
}

QString ExceptionQueuePage::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void ExceptionQueuePage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void ExceptionQueuePage::reload()
{
    // Stores for the filter: a handful of rows, read with the page's own short query.
    const QVariant currentStore = m_store->currentData();
    {
        const QSignalBlocker block(m_store);
        while (m_store->count() > 1)
            m_store->removeItem(1);
        if (auto stores = Core::StoreRepository(QSqlDatabase::database(m_guiConnection, false)).all(); stores) {
            for (const Core::Store &store : *stores)
                m_store->addItem(store.name, store.id);
        }
        const int index = m_store->findData(currentStore);
        m_store->setCurrentIndex(index < 0 ? 0 : index);
    }
    const qint64 selected = currentId();
    m_model->reload();
    const int row = selected ? m_model->rowOf(selected) : -1;
    // A queue is worked from the top: with nothing (still) selected, the oldest exception is shown.
    if (row >= 0)
        m_view->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    updateActions();
}

void ExceptionQueuePage::focusException(qint64 exceptionId)
{
    {
        const QSignalBlocker blockOwner(m_owner), blockKind(m_kind), blockStore(m_store), blockState(m_state),
            blockAge(m_age), blockSearch(m_search);
        m_owner->setCurrentIndex(0);
        m_kind->setCurrentIndex(0);
        m_store->setCurrentIndex(0);
        m_age->setCurrentIndex(0);
        m_search->clear();
        m_state->setCurrentIndex(m_state->findData(int(StateChoice::All)));
    }
    applyFilters();
    if (const int row = m_model->rowOf(exceptionId); row >= 0) {
        m_view->selectRow(row);
        m_view->scrollTo(m_model->index(row, 0));
    } else {
        m_view->clearSelection();
        showDetailOf(exceptionId);
    }
}

void ExceptionQueuePage::showKind(const QString &kindCode)
{
    const auto kind = Core::ExceptionKinds::fromCode(kindCode);
    {
        const QSignalBlocker blockKind(m_kind), blockState(m_state);
        m_kind->setCurrentIndex(kind ? std::max(0, m_kind->findData(int(*kind))) : 0);
        m_state->setCurrentIndex(m_state->findData(int(StateChoice::ToWork)));
    }
    applyFilters();
}

void ExceptionQueuePage::applyFilters()
{
    Core::ExceptionFilter filter;
    if (m_owner->currentIndex() > 0)
        filter.owner = Core::OwnerTeam(m_owner->currentData().toInt());
    if (m_kind->currentIndex() > 0)
        filter.kinds = {Core::ExceptionKind(m_kind->currentData().toInt())};
    if (m_store->currentIndex() > 0)
        filter.storeId = m_store->currentData().toLongLong();
    using Core::ExceptionState;
    switch (StateChoice(m_state->currentData().toInt())) {
    case StateChoice::ToWork:
        filter.states = {ExceptionState::Open, ExceptionState::Assigned};
        break;
    case StateChoice::Open:
        filter.states = {ExceptionState::Open};
        break;
    case StateChoice::Assigned:
        filter.states = {ExceptionState::Assigned};
        break;
    case StateChoice::Closed:
        filter.states = {ExceptionState::Resolved, ExceptionState::Approved, ExceptionState::Rejected,
                         ExceptionState::AutoResolved};
        break;
    case StateChoice::All:
        break;
    }
    filter.text = m_search->text().trimmed();
    {
        const QSignalBlocker block(m_model);
        m_model->setAge(Core::ExceptionAge(m_age->currentData().toInt()));
    }
    m_model->setFilter(filter);
    updateActions();
}

QList<qint64> ExceptionQueuePage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(Core::ExceptionQueueModel::IdRole).toLongLong());
    return ids;
}

qint64 ExceptionQueuePage::currentId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(Core::ExceptionQueueModel::IdRole).toLongLong() : 0;
}

void ExceptionQueuePage::updateSelection()
{
    updateActions();
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 1) {
        showDetailOf(ids.first());
    } else if (ids.isEmpty()) {
        m_detail->showMessage(tr("Select an exception"),
                              tr("Its explanation, the order's lines and the arithmetic behind the difference appear "
                                 "here."));
    } else {
        m_detail->showMessage(tr("%1 exceptions selected").arg(ids.size()),
                              tr("Assign, check again or resolve them together with the buttons above."));
    }
}

void ExceptionQueuePage::showDetailOf(qint64 id)
{
    const qint64 request = ++m_detailRequest;
    Core::readInBackground<Core::ExceptionDetail>(m_databasePath, [id](const QSqlDatabase &db) {
        return Core::ExceptionDetail::load(db, id);
    }).then(this, [this, request](const Core::Result<Core::ExceptionDetail> &detail) {
        if (request != m_detailRequest)
            return; // the user has moved on
        if (!detail) {
            m_detail->showMessage(tr("The details could not be read"), detail.errorString());
            return;
        }
        m_detail->showDetail(*detail);
    });
}

void ExceptionQueuePage::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty() && !m_busy;
    const bool one = rows.size() == 1 && !m_busy;
    bool allOpen = any;
    for (const QModelIndex &row : rows) {
        const QString state = row.data(Core::ExceptionQueueModel::StateCodeRole).toString();
        allOpen = allOpen && (state == u"open" || state == u"assigned");
    }
    const QString madeBy = one ? rows.first().data(Core::ExceptionQueueModel::MadeByRole).toString() : QString();
    // Written out rather than as a ternary on std::optional: GCC -O2 warns (falsely) that it may be uninitialised.
    bool overridable = false;
    if (one) {
        if (const auto kind = Core::ExceptionKinds::fromCode(
                rows.first().data(Core::ExceptionQueueModel::KindCodeRole).toString()))
            overridable = Core::OverrideApproval::isOverridable(*kind);
    }
    m_assign->setEnabled(allOpen);
    m_recheck->setEnabled(allOpen);
    m_fixMapping->setEnabled(one && allOpen && currentMappingFix().has_value());
    m_resolve->setEnabled(allOpen);
    m_propose->setEnabled(one && allOpen && overridable && madeBy.isEmpty());
    m_approve->setEnabled(one && allOpen && !madeBy.isEmpty());
    m_reject->setEnabled(one && allOpen && overridable);
    if (m_approve->isEnabled() && m_user->isSignedIn() && madeBy.compare(m_user->username(), Qt::CaseInsensitive) == 0)
        m_approve->setToolTip(tr("You proposed this override: another approver signs in to approve it."));
    else
        m_approve->setToolTip(tr("Approve a proposed override with your sign-in (Ctrl+Return)"));
}

std::optional<Core::MappingFix> ExceptionQueuePage::currentMappingFix() const
{
    // The selection, not the current index: selectionChanged() arrives before the current index moves.
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    const Core::ExceptionRecord &record = m_model->recordAt(rows.first().row());
    QString sitooStoreId;
    if (record.kind == Core::ExceptionKind::UnmappedStore && record.storeId) {
        // A store without a Prima location is mapped by its Sitoo store id (a handful of stores: a short read).
        if (auto stores = Core::StoreRepository(QSqlDatabase::database(m_guiConnection, false)).all()) {
            for (const Core::Store &store : *stores) {
                if (store.id == record.storeId)
                    sitooStoreId = store.sitooStoreId;
            }
        }
    }
    return Core::mappingFixFor(record, sitooStoreId);
}

void ExceptionQueuePage::fixMapping()
{
    if (const auto fix = currentMappingFix())
        Q_EMIT fixMappingRequested(fix->kind, fix->sourceKey);
}

bool ExceptionQueuePage::requireUser()
{
    if (m_user->isSignedIn())
        return true;
    Q_EMIT signInRequested();
    return m_user->isSignedIn();
}

void ExceptionQueuePage::runAction(const QString &busyText, Action action)
{
    m_busy = true;
    updateActions();
    setStatus(busyText);
    Core::readInBackground<QString>(m_databasePath, std::move(action))
        .then(this, [this](const Core::Result<QString> &result) {
            m_busy = false;
            if (result)
                setStatus(*result);
            else
                setStatus(result.errorString(), true);
            reload();
            if (const qint64 id = currentId())
                showDetailOf(id);
            Q_EMIT changed();
            Q_EMIT actionFinished(result.ok());
        });
}

void ExceptionQueuePage::assignToMe()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_assign->isEnabled() || !requireUser())
        return;
    const QString me = m_user->username();
    runAction(tr("Assigning…"), [ids, me](const QSqlDatabase &db) -> Core::Result<QString> {
        Core::DbTransaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus().error();
        Core::ExceptionRepository exceptions(db);
        for (const qint64 id : ids) {
            if (auto assigned = exceptions.assign(tx, id, me, me); !assigned)
                return assigned.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        return tr("%n exception(s) assigned to %1.", nullptr, int(ids.size())).arg(me);
    });
}

void ExceptionQueuePage::recheck()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_recheck->isEnabled() || !requireUser())
        return;
    const QString me = m_user->username();
    runAction(tr("Checking the orders again…"), [ids, me](const QSqlDatabase &db) -> Core::Result<QString> {
        Core::QuarantineReview review(db);
        int released = 0;
        int kept = 0;
        QStringList notOrders;
        QSet<qint64> seen; // several exceptions of one order: check the order once
        for (const qint64 id : ids) {
            auto detail = Core::ExceptionDetail::load(db, id);
            if (!detail)
                return detail.error();
            if (!detail->posOrderId || detail->orderState != u"quarantined") {
                notOrders << Core::ExceptionKinds::title(detail->record.kind);
                continue;
            }
            if (seen.contains(*detail->posOrderId))
                continue;
            seen.insert(*detail->posOrderId);
            auto reviewed = review.retryOrder(*detail->posOrderId, me);
            if (!reviewed)
                return reviewed.error();
            reviewed->released ? ++released : ++kept;
        }
        QString message = tr("Checked %n order(s): %1 released to Prima, %2 still held back.", nullptr,
                                 int(released + kept))
                              .arg(released)
                              .arg(kept);
        if (!notOrders.isEmpty())
            message += u' ' + tr("%n selected item(s) are not held-back orders and were left as they are.",
                                     nullptr, int(notOrders.size()));
        return message;
    });
}

void ExceptionQueuePage::resolveSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_resolve->isEnabled() || !requireUser())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(
                               this, tr("Resolve"),
                               tr("What was done about it? This is recorded in the audit trail."), QString(), &ok)
                               .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        setStatus(tr("Nothing was resolved: a reason is required."), true);
        return;
    }
    resolveWithReason(reason);
}

void ExceptionQueuePage::resolveWithReason(const QString &reason)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !requireUser())
        return;
    const QString me = m_user->username();
    runAction(tr("Resolving…"), [ids, me, reason](const QSqlDatabase &db) -> Core::Result<QString> {
        Core::DbTransaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus().error();
        Core::ExceptionRepository exceptions(db);
        for (const qint64 id : ids) {
            if (auto resolved = exceptions.resolve(tx, id, reason, me); !resolved)
                return resolved.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        return tr("%n exception(s) resolved.", nullptr, int(ids.size()));
    });
}

void ExceptionQueuePage::proposeOverride()
{
    const qint64 id = currentId();
    if (!id || !m_propose->isEnabled() || !requireUser())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(
                               this, tr("Propose override"),
                               tr("Why should this order be posted as it is? A second person will see this when "
                                  "they approve or reject it."),
                               QString(), &ok)
                               .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        setStatus(tr("No override was proposed: a reason is required."), true);
        return;
    }
    proposeWithReason(reason);
}

void ExceptionQueuePage::proposeWithReason(const QString &reason)
{
    const qint64 id = currentId();
    if (!id || !requireUser())
        return;
    const QString me = m_user->username();
    runAction(tr("Proposing the override…"), [id, me, reason](const QSqlDatabase &db) -> Core::Result<QString> {
        if (auto proposed = Core::OverrideApproval(db).propose(id, me, reason); !proposed)
            return proposed.error();
        return tr("Override proposed. Another approver must approve it before the order is posted.");
    });
}

void ExceptionQueuePage::approveOverride()
{
    const qint64 id = currentId();
    if (!id || !m_approve->isEnabled())
        return;
    const QString madeBy = m_model->recordAt(m_model->rowOf(id)).madeBy;
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Approve, this);
    const bool ownProposal = m_user->isSignedIn() && madeBy.compare(m_user->username(), Qt::CaseInsensitive) == 0;
    if (ownProposal) {
        dialog.setExplanation(tr("You proposed this override, so you cannot approve it yourself (maker-checker). "
                                 "Another approver signs in here."));
    } else {
        dialog.setExplanation(tr("%1 proposed to post this order as it is. Sign in as an approver to approve it.")
                                  .arg(madeBy));
        dialog.setUsername(m_user->username());
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    approveAs(dialog.username(), dialog.password(), dialog.reason());
}

void ExceptionQueuePage::approveAs(const QString &approver, const QString &password, const QString &reason)
{
    const qint64 id = currentId();
    if (!id)
        return;
    runAction(tr("Approving…"), [id, approver, password, reason](const QSqlDatabase &db) -> Core::Result<QString> {
        auto approved = Core::OverrideApproval(db).approve(id, approver, password, reason);
        if (!approved)
            return approved.error();
        if (approved->released)
            return tr("Approved by %1. The order is released and will be posted to Prima.").arg(approver);
        QStringList kinds;
        for (const Core::ExceptionKind kind : approved->blockingKinds)
            kinds << Core::ExceptionKinds::title(kind);
        return tr("Approved by %1. The order is still held back by: %2.").arg(approver, kinds.join(u", "));
    });
}

void ExceptionQueuePage::rejectOverride()
{
    const qint64 id = currentId();
    if (!id || !m_reject->isEnabled())
        return;
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Reject, this);
    dialog.setExplanation(tr("The order will not be posted as it is. Sign in as an approver."));
    dialog.setUsername(m_user->username());
    if (dialog.exec() != QDialog::Accepted)
        return;
    rejectAs(dialog.username(), dialog.password(), dialog.reason());
}

void ExceptionQueuePage::rejectAs(const QString &approver, const QString &password, const QString &reason)
{
    const qint64 id = currentId();
    if (!id)
        return;
    runAction(tr("Rejecting…"), [id, approver, password, reason](const QSqlDatabase &db) -> Core::Result<QString> {
        if (auto rejected = Core::OverrideApproval(db).reject(id, approver, password, reason); !rejected)
            return rejected.error();
        return tr("Rejected by %1. The order stays held back.").arg(approver);
    });
}

void ExceptionQueuePage::selectNext()
{
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : 0;
    if (row < m_model->rowCount())
        m_view->selectRow(row);
}

void ExceptionQueuePage::selectPrevious()
{
    const int row = m_view->currentIndex().row() - 1;
    if (row >= 0)
        m_view->selectRow(row);
}

} // namespace Tillbridge::Ui
