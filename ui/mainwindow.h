// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/databaseconnection.h"

#include <QMainWindow>

class QListWidget;
class QSystemTrayIcon;
class QStackedWidget;

namespace Tillbridge::Core {
class SecretStore;
class SyncEngine;
struct SyncSummary;
}

namespace Tillbridge::Ui {

class AuditTrailPage;
class ClosePage;
class DashboardPage;
class ExceptionQueuePage;
class JobStatusWidget;
class SettingsPage;
class SkuDiffPage;
class StockPage;
class TaxVariancePage;
class WorkbenchUser;

/** The workbench: a navigation list of the views finance, retail ops and controllers work in, and the views. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Dashboard, Exceptions, SkuDiff, TaxVariance, Stock, AuditTrail, Close, Settings };

    /**
     * `connection` is the GUI thread's own connection to the (already migrated) cache; `secrets` (not owned) is
     * the keychain the connection settings store passwords in.
     */
    MainWindow(Core::DatabaseConnectionPtr connection, int schemaVersion, Core::SecretStore *secrets,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void showView(View view);
    View currentView() const;

    /** Stable names for the command line ("dashboard", "audit", ...); nullopt for an unknown name. */
    static std::optional<View> viewFromName(const QString &name);
    static QStringList viewNames();

    DashboardPage *dashboardPage() const { return m_dashboard; }
    AuditTrailPage *auditTrailPage() const { return m_auditTrail; }
    ExceptionQueuePage *exceptionQueuePage() const { return m_exceptions; }
    TaxVariancePage *taxVariancePage() const { return m_taxVariance; }
    SkuDiffPage *skuDiffPage() const { return m_skuDiff; }
    StockPage *stockPage() const { return m_stock; }
    ClosePage *closePage() const { return m_close; }
    WorkbenchUser *workbenchUser() const { return m_user; }
    SettingsPage *settingsPage() const { return m_settings; }

public Q_SLOTS:
    /** Re-reads every view from the cache; refreshed() follows once the dashboard has its figures. */
    void refresh();
    /** Asks for a user name and password and signs that person in at this workbench. */
    void signIn();

public:
    /**
     * Connects the running engine (not owned): its jobs show in the status bar with progress and Cancel, the views
     * refresh when a job finishes, a notification says when new blocking exceptions arrive, and the views' "run now"
     * buttons reach it.
     */
    void setEngine(Core::SyncEngine *engine);

Q_SIGNALS:
    void refreshed();

private:
    void addView(View view, const QString &label, const QString &accessibleDescription, QWidget *page);
    void showLoadError(const QString &message);

    void notifyNewBlockingExceptions(const Core::SyncSummary &summary);

    Core::DatabaseConnectionPtr m_connection;
    WorkbenchUser *m_user;
    Core::SyncEngine *m_engine = nullptr;
    JobStatusWidget *m_jobStatus = nullptr;
    qint64 m_blockingSeen = -1;
    QSystemTrayIcon *m_tray = nullptr;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    DashboardPage *m_dashboard;
    AuditTrailPage *m_auditTrail;
    ExceptionQueuePage *m_exceptions;
    SkuDiffPage *m_skuDiff;
    TaxVariancePage *m_taxVariance;
    StockPage *m_stock;
    ClosePage *m_close;
    SettingsPage *m_settings;
};

} // namespace Tillbridge::Ui
