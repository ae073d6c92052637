// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/review/mappingchangereview.h"
#include "core/storage/mappingrepository.h"

#include <QSqlDatabase>
#include <QWidget>

#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Tillbridge::Ui {

class EmptyState;
class MappingTableModel;
class WorkbenchUser;

/**
 * The mapping editor: for each kind (stores, VAT rates, payment methods, vouchers, refund reasons), the Sitoo keys
 * and the Prima codes they become, with add, edit and remove. A change is not written straight away: first the
 * quarantine is reviewed against it in the background (MappingChangeReview::preview) and the page says how many held
 * orders it releases and why the others stay; then "Save and release" writes it, audited under the signed-in user,
 * and releases those orders in one transaction.
 */
class MappingsForm : public QWidget
{
    Q_OBJECT

public:
    MappingsForm(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    MappingTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    Core::MappingKind kind() const;
    void setKind(Core::MappingKind kind);
    /** The release preview of the pending change, as shown; empty when there is none. */
    QString previewText() const;
    /** The last outcome or refusal. */
    QString statusText() const;
    /** The pending change's preview, once computed. */
    const std::optional<Core::MappingChangeReport> &pendingReport() const { return m_pendingReport; }
    /** What the last "Save and release" did. */
    const std::optional<Core::MappingChangeReport> &lastApplied() const { return m_lastApplied; }

public Q_SLOTS:
    void reload();
    void addMapping();
    /** Add a mapping with the Sitoo value already filled in (from an exception): ask for Prima's side, preview. */
    void fixMapping(Core::MappingKind kind, const QString &sourceKey);
    void editMapping();
    void removeSelected();
    /** Checks a change and previews what it releases (in the background); previewReady() follows. */
    void proposeChange(Core::MappingKind kind, const QString &sourceKey, const QString &target);
    /** Writes the previewed change and releases what it frees; applied() follows. */
    void applyPendingChange();
    void discardPendingChange();
    void removeMapping(Core::MappingKind kind, const QString &sourceKey);

Q_SIGNALS:
    void previewReady(bool ok);
    void applied(bool ok);
    void removed(bool ok);
    /** After a change was written (the queue and dashboard may want to refresh). */
    void changed();
    void signInRequested();

private:
    void updateActions();
    void setStatus(const QString &text, bool error = false);
    bool requireUser();
    /** Asks for a key and target; false when cancelled. */
    bool askForMapping(Core::MappingKind kind, QString *sourceKey, QString *target, bool keyFixed);
    QString describe(const Core::Mapping &mapping) const;

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    MappingTableModel *m_model;
    QComboBox *m_kind;
    QLabel *m_kindHelp;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QStackedWidget *m_stack;
    QTableView *m_view;
    EmptyState *m_empty;
    QGroupBox *m_previewBox;
    QLabel *m_preview;
    QPushButton *m_apply;
    QPushButton *m_discard;
    QLabel *m_status;
    std::optional<Core::Mapping> m_pending;
    std::optional<Core::MappingChangeReport> m_pendingReport;
    std::optional<Core::MappingChangeReport> m_lastApplied;
    qint64 m_previewRequest = 0;
    bool m_busy = false;
};

} // namespace Tillbridge::Ui
