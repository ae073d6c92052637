// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/review/mappingfix.h"
#include "core/models/exceptiondetail.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Tillbridge::Core {
class ExceptionQueueModel;
}

namespace Tillbridge::Ui {

class EmptyState;
class ExceptionDetailView;
class WorkbenchUser;

/**
 * The exception queue: everything held back from Prima or otherwise needing a person, oldest first, with filters
 * (owner team, problem, store, state, age, free text), a detail pane that shows the arithmetic behind a variance, and
 * the actions finance staff take — assign, re-check after a fix, resolve with a reason, propose an override, approve
 * or reject it with a second person's sign-in (maker-checker). Every action runs off the GUI thread with its own
 * connection and is audited by the core services it calls.
 */
class ExceptionQueuePage : public QWidget
{
    Q_OBJECT

public:
    ExceptionQueuePage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    Core::ExceptionQueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ExceptionDetailView *detailView() const { return m_detail; }
    /** The last action's outcome or refusal, as shown above the table. */
    QString statusText() const;

public Q_SLOTS:
    void reload();
    /** Shows one exception (from another view): filters cleared to every state, its row selected, its details shown. */
    void focusException(qint64 exceptionId);
    /** Shows the open exceptions of one kind (from the close walkthrough), e.g. "TOTALS_MISMATCH". */
    void showKind(const QString &kindCode);
    void assignToMe();
    void recheck();
    void resolveSelected();
    void proposeOverride();
    void approveOverride();
    void rejectOverride();
    void selectNext();
    void selectPrevious();
    /** Asks for the mapping editor, prefilled with the value the selected UNMAPPED_* exception needs. */
    void fixMapping();

    // The decisions themselves, without their dialogs (the buttons ask, then call these; tests call them directly).
    void resolveWithReason(const QString &reason);
    void proposeWithReason(const QString &reason);
    void approveAs(const QString &approver, const QString &password, const QString &reason);
    void rejectAs(const QString &approver, const QString &password, const QString &reason);

Q_SIGNALS:
    /** After an action changed the cache (the dashboard and audit trail may want to refresh). */
    void changed();
    /** After an action finished (successfully or not) and the queue was read again. */
    void actionFinished(bool succeeded);
    /** Asks the window to sign someone in (actions need a user). */
    void signInRequested();
    /** Asks the window to open the mapping editor for @p kind with @p sourceKey filled in. */
    void fixMappingRequested(Core::MappingKind kind, const QString &sourceKey);

private:
    using Action = std::function<Core::Result<QString>(const QSqlDatabase &db)>;

    void applyFilters();
    /** The mapping that would fix the current exception, if it is an UNMAPPED_* one. */
    std::optional<Core::MappingFix> currentMappingFix() const;
    void updateSelection();
    void updateActions();
    void showDetailOf(qint64 id);
    QList<qint64> selectedIds() const;
    qint64 currentId() const;
    /** Runs a write in the background; shows its message, then reloads and re-selects. */
    void runAction(const QString &busyText, Action action);
    bool requireUser();
    void setStatus(const QString &text, bool error = false);

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    Core::ExceptionQueueModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_owner;
    QComboBox *m_kind;
    QComboBox *m_store;
    QComboBox *m_state;
    QComboBox *m_age;
    QLabel *m_count;
    QLabel *m_status;
    QPushButton *m_assign;
    QPushButton *m_recheck;
    QPushButton *m_fixMapping;
    QPushButton *m_resolve;
    QPushButton *m_propose;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QStackedWidget *m_stack;
    QTableView *m_view;
    EmptyState *m_empty;
    ExceptionDetailView *m_detail;
    QTimer *m_searchDelay;
    qint64 m_detailRequest = 0;
    bool m_busy = false;
};

} // namespace Tillbridge::Ui
