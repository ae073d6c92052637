// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/mappingsform.h"

#include "core/domain/creditnote.h"
#include "core/domain/exceptionrecord.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/dbtransaction.h"
#include "ui/common/emptystate.h"
#include "ui/common/workbenchuser.h"
#include "ui/settings/mappingtablemodel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

namespace {

QString kindHelp(Core::MappingKind kind)
{
    switch (kind) {
    case Core::MappingKind::Store:
        return MappingsForm::tr("Each Sitoo store posts to one Prima location. An unmapped store holds its orders "
                                "back as “Unmapped store”.");
    case Core::MappingKind::TaxRate:
        return MappingsForm::tr("Each VAT rate on a receipt becomes a Prima tax code. “25”, “25.0” and “25.00” are "
                                "one rate.");
    case Core::MappingKind::PaymentMethod:
        return MappingsForm::tr("Each Sitoo payment method (as the till names it) becomes a Prima tender.");
    case Core::MappingKind::Promotion:
        return MappingsForm::tr("Each Sitoo voucher or campaign code becomes a Prima promotion code.");
    case Core::MappingKind::RefundReason:
        return MappingsForm::tr("Each Sitoo refund reason decides what happens to returned goods: restock, "
                                "quarantine, write off, or no stock movement.");
    }
    return {};
}

QString emptyMessage(Core::MappingKind kind)
{
    return MappingsForm::tr("No %1 mapping yet. Press “Add…” and type the value as Sitoo sends it and the code Prima "
                            "expects; the orders it holds back are released when you save.")
        .arg(MappingTableModel::kindTitle(kind).toLower());
}

} // namespace

MappingsForm::MappingsForm(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_model(new MappingTableModel(this))
    , m_kind(new QComboBox(this))
    , m_kindHelp(new QLabel(this))
    , m_add(new QPushButton(tr("Add…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_remove(new QPushButton(tr("Remove…"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(this))
    , m_previewBox(new QGroupBox(tr("Change to review"), this))
    , m_preview(new QLabel(this))
    , m_apply(new QPushButton(tr("Save and release"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_status(new QLabel(this))
{
    for (const Core::MappingKind kind : Core::allMappingKinds())
        m_kind->addItem(MappingTableModel::kindTitle(kind), int(kind));
    m_kind->setAccessibleName(tr("Mapping kind"));
    auto *kindLabel = new QLabel(tr("&Mapping:"), this);
    kindLabel->setBuddy(m_kind);
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setForegroundRole(QPalette::PlaceholderText);

    m_add->setAccessibleName(tr("Add a mapping"));
    m_edit->setAccessibleName(tr("Edit the selected mapping"));
    m_remove->setAccessibleName(tr("Remove the selected mapping"));
    m_add->setToolTip(tr("Map another Sitoo value; you see what it releases before it is saved"));
    m_edit->setToolTip(tr("Change the Prima code of the selected mapping; you see what it releases first"));
    m_remove->setToolTip(tr("Orders using this value will be held back again until it is mapped"));

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Mappings"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    m_empty->setTitle(tr("Nothing mapped yet"));

    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAccessibleName(tr("What the change releases"));
    m_apply->setAccessibleName(tr("Save the mapping and release the orders"));
    m_discard->setAccessibleName(tr("Discard the change"));
    auto *previewLayout = new QVBoxLayout(m_previewBox);
    previewLayout->addWidget(m_preview);
    auto *previewButtons = new QHBoxLayout;
    previewButtons->addWidget(m_apply);
    previewButtons->addWidget(m_discard);
    previewButtons->addStretch(1);
    previewLayout->addLayout(previewButtons);
    m_previewBox->setVisible(false);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addStretch(1);
    top->addWidget(m_add);
    top->addWidget(m_edit);
    top->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_kindHelp);
    layout->addWidget(m_previewBox);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &MappingsForm::reload);
    connect(m_add, &QPushButton::clicked, this, &MappingsForm::addMapping);
    connect(m_edit, &QPushButton::clicked, this, &MappingsForm::editMapping);
    connect(m_remove, &QPushButton::clicked, this, &MappingsForm::removeSelected);
    connect(m_apply, &QPushButton::clicked, this, &MappingsForm::applyPendingChange);
    connect(m_discard, &QPushButton::clicked, this, &MappingsForm::discardPendingChange);
    connect(m_view, &QTableView::doubleClicked, this, &MappingsForm::editMapping);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MappingsForm::updateActions);
    reload();
}

Core::MappingKind MappingsForm::kind() const
{
    return Core::MappingKind(m_kind->currentData().toInt());
}

void MappingsForm::setKind(Core::MappingKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

QString MappingsForm::previewText() const
{
    return m_previewBox->isVisible() ? m_preview->text() : QString();
}

QString MappingsForm::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void MappingsForm::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setVisible(!text.isEmpty());
}

bool MappingsForm::requireUser()
{
    if (m_user->isSignedIn())
        return true;
    Q_EMIT signInRequested();
    if (!m_user->isSignedIn())
        setStatus(tr("Sign in first: every mapping change is recorded under your name."), true);
    return m_user->isSignedIn();
}

void MappingsForm::reload()
{
    // One kind's mappings: a small table, read whole on the GUI connection (a page fetch, not an aggregate).
    const Core::MappingKind kind = this->kind();
    auto mappings = Core::MappingRepository(QSqlDatabase::database(m_guiConnection, false)).all(kind);
    if (!mappings) {
        m_model->setMappings(kind, {});
        setStatus(mappings.errorString(), true);
    } else {
        m_model->setMappings(kind, *mappings);
    }
    m_kindHelp->setText(kindHelp(kind));
    m_empty->setMessage(emptyMessage(kind));
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_view);
    updateActions();
}

void MappingsForm::updateActions()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(!m_busy && selected);
    m_remove->setEnabled(!m_busy && selected);
    m_apply->setEnabled(!m_busy && m_pendingReport.has_value());
    m_discard->setEnabled(!m_busy);
}

bool MappingsForm::askForMapping(Core::MappingKind kind, QString *sourceKey, QString *target, bool keyFixed)
{
    QDialog dialog(this);
    dialog.setWindowTitle(keyFixed ? tr("Edit mapping") : tr("Add mapping"));
    auto *form = new QFormLayout(&dialog);
    auto *key = new QLineEdit(*sourceKey, &dialog);
    key->setReadOnly(keyFixed);
    key->setAccessibleName(MappingTableModel::keyTitle(kind));
    key->setPlaceholderText(kind == Core::MappingKind::TaxRate ? tr("for example 25 or 12.5") : tr("as Sitoo sends it"));
    form->addRow(MappingTableModel::keyTitle(kind) + u':', key);
    QLineEdit *text = nullptr;
    QComboBox *disposition = nullptr;
    if (kind == Core::MappingKind::RefundReason) {
        disposition = new QComboBox(&dialog);
        disposition->addItem(tr("Restock"), QStringLiteral("RESTOCK"));
        disposition->addItem(tr("Quarantine"), QStringLiteral("QUARANTINE"));
        disposition->addItem(tr("Write off"), QStringLiteral("WRITE_OFF"));
        disposition->addItem(tr("No stock movement"), QStringLiteral("NO_STOCK_MOVEMENT"));
        disposition->setCurrentIndex(std::max(0, disposition->findData(*target)));
        disposition->setAccessibleName(MappingTableModel::targetTitle(kind));
        form->addRow(MappingTableModel::targetTitle(kind) + u':', disposition);
    } else {
        text = new QLineEdit(*target, &dialog);
        text->setAccessibleName(MappingTableModel::targetTitle(kind));
        text->setPlaceholderText(tr("the code in Prima"));
        form->addRow(MappingTableModel::targetTitle(kind) + u':', text);
    }
    // Prefilled from an exception: what is left to type is Prima's side.
    if (!sourceKey->isEmpty() && !keyFixed) {
        if (text)
            text->setFocus();
        else
            disposition->setFocus();
    }
    auto *note = new QLabel(tr("Nothing is saved yet: next you see how many held-back orders this releases."),
                            &dialog);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Preview"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *sourceKey = key->text();
    *target = disposition ? disposition->currentData().toString() : text->text();
    return true;
}

void MappingsForm::addMapping()
{
    QString key;
    QString target;
    if (!requireUser() || !askForMapping(kind(), &key, &target, false))
        return;
    proposeChange(kind(), key, target);
}

void MappingsForm::fixMapping(Core::MappingKind kind, const QString &sourceKey)
{
    setKind(kind);
    QString key = sourceKey;
    QString target;
    if (!requireUser() || !askForMapping(kind, &key, &target, false))
        return;
    proposeChange(kind, key, target);
}

void MappingsForm::editMapping()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const Core::Mapping mapping = m_model->mappingAt(rows.first().row());
    QString key = mapping.sourceKey;
    QString target = mapping.target;
    if (!requireUser() || !askForMapping(mapping.kind, &key, &target, true))
        return;
    proposeChange(mapping.kind, key, target);
}

QString MappingsForm::describe(const Core::Mapping &mapping) const
{
    return tr("%1 “%2” → %3")
        .arg(MappingTableModel::keyTitle(mapping.kind), mapping.sourceKey, mapping.target);
}

void MappingsForm::proposeChange(Core::MappingKind kind, const QString &sourceKey, const QString &target)
{
    auto checked = Core::MappingRepository::checked(kind, sourceKey, target);
    if (!checked) {
        setStatus(checked.errorString(), true);
        Q_EMIT previewReady(false);
        return;
    }
    m_pending = *checked;
    m_pendingReport.reset();
    setStatus({});
    m_preview->setText(tr("%1: checking the quarantine against this change…").arg(describe(*m_pending)));
    m_previewBox->setVisible(true);
    updateActions();
    const qint64 request = ++m_previewRequest;
    const Core::Mapping change = *m_pending;
    Core::readInBackground<Core::MappingChangeReport>(m_databasePath, [change](const QSqlDatabase &db) {
        return Core::MappingChangeReview(db).preview({change});
    }).then(this, [this, request](const Core::Result<Core::MappingChangeReport> &report) {
        if (request != m_previewRequest || !m_pending)
            return;
        if (!report) {
            m_preview->setText(report.errorString());
            Q_EMIT previewReady(false);
            updateActions();
            return;
        }
        m_pendingReport = *report;
        const Core::ReleaseSummary &quarantine = report->quarantine;
        QString effect;
        if (report->mappings.unchanged > 0 && report->mappings.added == 0 && report->mappings.changed == 0) {
            effect = tr("This is the mapping already saved: nothing changes.");
        } else if (quarantine.reviewed() == 0) {
            effect = tr("No order is held back at the moment, so this change releases none.");
        } else {
            QStringList reasons;
            const QMap<Core::ExceptionKind, int> kept = quarantine.keptByKind();
            for (auto it = kept.cbegin(); it != kept.cend(); ++it)
                reasons << tr("%1 × %2").arg(it.value()).arg(Core::ExceptionKinds::title(it.key()));
            effect = tr("This change releases %1 of %2 quarantined orders to Prima; %3 stay quarantined")
                         .arg(quarantine.releasedCount())
                         .arg(quarantine.reviewed())
                         .arg(quarantine.keptCount());
            effect += reasons.isEmpty() ? QStringLiteral(".") : QStringLiteral(" (%1).").arg(reasons.join(u", "));
        }
        const QString verb = report->mappings.added > 0 ? tr("New mapping") : tr("Changed mapping");
        m_preview->setText(QStringLiteral("%1: %2\n%3\n%4")
                               .arg(verb, describe(*m_pending), effect,
                                    tr("Nothing is saved until you press “Save and release”.")));
        updateActions();
        Q_EMIT previewReady(true);
    });
}

void MappingsForm::discardPendingChange()
{
    ++m_previewRequest;
    m_pending.reset();
    m_pendingReport.reset();
    m_previewBox->setVisible(false);
    updateActions();
}

void MappingsForm::applyPendingChange()
{
    if (!m_pending || !m_pendingReport || !requireUser()) {
        Q_EMIT applied(false);
        return;
    }
    const Core::Mapping change = *m_pending;
    const QString actor = m_user->username();
    m_busy = true;
    updateActions();
    setStatus(tr("Saving the mapping and releasing the orders it frees…"));
    Core::readInBackground<Core::MappingChangeReport>(m_databasePath, [change, actor](const QSqlDatabase &db) {
        return Core::MappingChangeReview(db).apply({change}, actor);
    }).then(this, [this, change](const Core::Result<Core::MappingChangeReport> &report) {
        m_busy = false;
        if (!report) {
            setStatus(report.errorString(), true);
            updateActions();
            Q_EMIT applied(false);
            return;
        }
        m_pending.reset();
        m_pendingReport.reset();
        m_previewBox->setVisible(false);
        setStatus(tr("Saved %1. %n order(s) released to Prima; %2 still held back.", nullptr,
                         int(report->quarantine.releasedCount()))
                      .arg(describe(change))
                      .arg(report->quarantine.keptCount()));
        reload();
        if (const int row = m_model->rowOfKey(change.sourceKey); row >= 0)
            m_view->selectRow(row);
        m_lastApplied = *report;
        Q_EMIT changed();
        Q_EMIT applied(true);
    });
}

void MappingsForm::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || !requireUser())
        return;
    const Core::Mapping mapping = m_model->mappingAt(rows.first().row());
    const auto answer = QMessageBox::question(
        this, tr("Remove mapping"),
        tr("Remove %1? Orders that use “%2” will be held back until it is mapped again.")
            .arg(describe(mapping), mapping.sourceKey));
    if (answer == QMessageBox::Yes)
        removeMapping(mapping.kind, mapping.sourceKey);
}

void MappingsForm::removeMapping(Core::MappingKind kind, const QString &sourceKey)
{
    if (!requireUser()) {
        Q_EMIT removed(false);
        return;
    }
    const QString actor = m_user->username();
    m_busy = true;
    updateActions();
    Core::readInBackground<QString>(m_databasePath, [kind, sourceKey, actor](const QSqlDatabase &db)
                                                        -> Core::Result<QString> {
        Core::DbTransaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus().error();
        if (auto removed = Core::MappingRepository(db).remove(tx, kind, sourceKey, actor); !removed)
            return removed.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        return tr("Removed the mapping of “%1”.").arg(sourceKey);
    }).then(this, [this](const Core::Result<QString> &result) {
        m_busy = false;
        setStatus(result ? *result : result.errorString(), !result);
        reload();
        if (result)
            Q_EMIT changed();
        Q_EMIT removed(result.ok());
    });
}

} // namespace Tillbridge::Ui
