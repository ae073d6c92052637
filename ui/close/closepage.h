// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closetypes.h"
#include "core/result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace Tillbridge::Ui {

class CloseStepsModel;
class EmptyState;
class WorkbenchUser;

/**
 * Month-end close: a walkthrough of a period's gates (core/close). Steps on the left, one per gate and a last one
 * for the period's sign-off and lock; the selected step on the right with its live status computed from the data,
 * the items that block it (with links into the exception queue), its dependencies and its sign-off. The final step
 * signs the period off and locks it (an approver signs in), re-opens it with maker-checker (one approver asks,
 * another agrees) and the header exports the close pack. Reading and every action run off the GUI thread on their
 * own connection; refusals are the core's own words.
 */
class ClosePage : public QWidget
{
    Q_OBJECT

public:
    ClosePage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    QString period() const;
    void setPeriod(const QString &period);

    CloseStepsModel *stepsModel() const { return m_steps; }
    int currentStep() const;
    void setCurrentStep(int row);
    /** The close as last read (empty while the first read runs or when it failed). */
    const std::optional<Core::CloseStatus> &closeStatus() const;
    /** The lines under "What blocks this gate" for the current step. */
    QStringList blockers() const;
    /** The last action's outcome or refusal, as shown above the steps. */
    QString statusText() const;

public Q_SLOTS:
    void reload();
    /** Signs the current gate as the signed-in user with the comment typed on the page. */
    void signCurrentGate();
    void signGate(Core::CloseGate gate, const QString &comment);
    void signPeriod();
    void lockPeriod();
    void askToReopen();
    void approveReopen();
    void rejectReopen();
    void chooseClosePackFolder();

    // The decisions without their dialogs (the buttons ask, then call these; tests call them directly).
    void signPeriodAs(const QString &approver, const QString &password, const QString &comment);
    void lockAs(const QString &approver, const QString &password);
    void requestReopenAs(const QString &approver, const QString &password, const QString &reason);
    void approveReopenAs(const QString &approver, const QString &password, const QString &comment);
    void rejectReopenAs(const QString &approver, const QString &password, const QString &reason);
    void exportClosePack(const QString &directory);

Q_SIGNALS:
    /** The user wants to see the open exceptions of a kind ("UNMAPPED_PROMOTION") in the queue. */
    void openExceptionsRequested(const QString &kindCode);
    /** After the period's status was read (successfully or not). */
    void loaded();
    /** After an action changed the cache. */
    void changed();
    /** After an action finished (successfully or not) and the status was read again. */
    void actionFinished(bool succeeded);
    void closePackExported(bool ok, const QString &message);
    /** Asks the window to sign someone in (signing a gate needs a user). */
    void signInRequested();

private:
    struct Loaded;
    using Action = std::function<Core::Result<QString>(const QSqlDatabase &db)>;

    void showStep();
    void showGate(const Core::GateEvaluation &gate);
    void showFinalStep();
    void clearBlockers();
    void addBlocker(const QString &text, const QString &kindCode = {});
    void runAction(const QString &busyText, Action action);
    /** Locks after SignInDialog checked the approver's password. */
    void lockVerified(const QString &approver);
    void setStatus(const QString &text, bool error = false);
    void updateSummary();
    std::optional<qint64> pendingReopenId() const;
    bool requireUser();

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    CloseStepsModel *m_steps;
    QMap<QString, int> m_catalogueByKind;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QLabel *m_summary;
    QLabel *m_status;
    QListView *m_stepList;
    QStackedWidget *m_stack;
    EmptyState *m_empty;

    // A gate's step
    QWidget *m_gatePanel;
    QLabel *m_gateTitle;
    QLabel *m_gateVerdict;
    QLabel *m_gateExplanation;
    QGroupBox *m_blockerBox;
    QVBoxLayout *m_blockerLayout;
    QStringList m_blockerTexts;
    QLabel *m_dependencies;
    QLabel *m_signoffInfo;
    QPlainTextEdit *m_comment;
    QPushButton *m_signGate;

    // The final step
    QWidget *m_finalPanel;
    QLabel *m_finalTitle;
    QLabel *m_finalSummary;
    QLabel *m_periodSignoffInfo;
    QPlainTextEdit *m_periodComment;
    QPushButton *m_signPeriod;
    QLabel *m_lockInfo;
    QPushButton *m_lock;
    QGroupBox *m_reopenBox;
    QLabel *m_reopenInfo;
    QPushButton *m_askReopen;
    QPushButton *m_approveReopen;
    QPushButton *m_rejectReopen;

    QPushButton *m_back;
    QPushButton *m_next;

    qint64 m_loadRequest = 0;
    bool m_busy = false;
    bool m_loadFailed = false;
};

} // namespace Tillbridge::Ui
