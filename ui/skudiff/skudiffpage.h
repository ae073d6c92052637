// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/skudiffmodel.h"

#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Tillbridge::Ui {

class EmptyState;
class SummaryTile;
class WorkbenchUser;

/**
 * SKU differences: Prima's item master beside the Sitoo POS catalogue, from the latest SKU audit. Tiles count what is
 * still open per difference type, the table lists each SKU with both sides' values and a near-match hint, and the
 * recent runs show whether the catalogues drift apart or come together. An approver can have a SKU that is sellable
 * only in Sitoo deactivated in the POS; the page asks (deactivateRequested) and the engine, which owns the Sitoo
 * client, does it. Every read that is more than a page runs off the GUI thread.
 */
class SkuDiffPage : public QWidget
{
    Q_OBJECT

public:
    SkuDiffPage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    Core::SkuDiffModel *model() const { return m_model; }
    Core::SkuAuditTrendModel *trendModel() const { return m_trend; }
    QTableView *view() const { return m_view; }
    /** True while the page shows its empty state instead of the table. */
    bool isShowingEmptyState() const;
    /** The empty state's title (what the user is told when there is nothing to show). */
    QString emptyTitle() const { return m_emptyTitle; }
    /** The figure on a kind's tile ("–" while loading). */
    QString tileText(Core::ExceptionKind kind) const;
    QString statusText() const;
    /** Selects the row of @p sku, if it is loaded; returns whether it was. */
    bool selectSku(const QString &sku);

public Q_SLOTS:
    void reload();
    /** Filters the table (also what the type filter and search box do). */
    void setKindFilter(std::optional<Core::ExceptionKind> kind);
    void setSearchText(const QString &text);
    /** Asks for an approver's sign-in, then for the selected Sitoo-only SKU to be deactivated in the POS. */
    void deactivateSelected();
    /** The decision without its dialog: verifies the approver off the GUI thread, then emits deactivateRequested. */
    void requestDeactivationAs(const QString &approver, const QString &password, const QString &reason);
    /** The engine's answer to deactivateRequested: shown above the table, then the view is read again. */
    void deactivationFinished(bool succeeded, const QString &message);

Q_SIGNALS:
    /** "Run audit now": the engine runs its "sku-audit" job. */
    void auditRequested();
    /** A verified approver asks for the CATALOG_ONLY_IN_SITOO exception's SKU to be deactivated in the POS. */
    void deactivateRequested(qint64 exceptionId, const QString &approver, const QString &reason);
    /** After the summary (tiles, trend) was read and shown. */
    void summaryLoaded();
    /** After a deactivation request was refused here or sent on. */
    void deactivationChecked(bool sent);

private:
    void applyFilters();
    void applySummary(const Core::SkuDiffSummary &summary);
    void updateEmptyState();
    void updateActions();
    qint64 selectedOnlyInSitoo() const;
    void setStatus(const QString &text, bool error = false);

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    Core::SkuDiffModel *m_model;
    Core::SkuAuditTrendModel *m_trend;
    SummaryTile *m_onlyInSitoo;
    SummaryTile *m_onlyInPrima;
    SummaryTile *m_fieldMismatch;
    SummaryTile *m_nearMatches;
    QLabel *m_latest;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QLabel *m_count;
    QLabel *m_status;
    QPushButton *m_runAudit;
    QPushButton *m_deactivate;
    QStackedWidget *m_stack;
    QTableView *m_view;
    EmptyState *m_empty;
    QTableView *m_trendView;
    QTimer *m_searchDelay;
    QString m_emptyTitle;
    qint64 m_summaryRequest = 0;
    bool m_hasRun = false;
    bool m_summaryKnown = false;
    bool m_busy = false;
};

} // namespace Tillbridge::Ui
