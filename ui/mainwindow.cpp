// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "ui/audittrail/audittrailpage.h"
#include "ui/close/closepage.h"
#include "core/engine/syncengine.h"
#include "core/stock/stockpush.h"
#include "ui/common/emptyviewpage.h"
#include "ui/common/jobstatuswidget.h"
#include "ui/common/signindialog.h"
#include "ui/common/workbenchuser.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/exceptions/exceptionqueuepage.h"
#include "ui/settings/mappingsform.h"
#include "ui/settings/settingspage.h"
#include "ui/skudiff/skudiffpage.h"
#include "ui/stock/stockpage.h"
#include "ui/taxvariance/taxvariancepage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace Tillbridge::Ui {

namespace {
constexpr std::array kViewNames{"dashboard", "exceptions", "sku-diff", "tax-variance",
                                "stock",     "audit",      "close",    "settings"};
}

MainWindow::MainWindow(Core::DatabaseConnectionPtr connection, int schemaVersion, Core::SecretStore *secrets,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_connection(std::move(connection))
    , m_user(new WorkbenchUser(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_dashboard(new DashboardPage(m_connection->path(), this))
    , m_auditTrail(new AuditTrailPage(m_connection->database(), m_connection->path(), this))
    , m_exceptions(new ExceptionQueuePage(m_connection->database(), m_connection->path(), m_user, this))
    , m_skuDiff(new SkuDiffPage(m_connection->database(), m_connection->path(), m_user, this))
    , m_taxVariance(new TaxVariancePage(m_connection->database(), m_connection->path(), this))
    , m_stock(new StockPage(m_connection->database(), m_connection->path(), m_user, this))
    , m_close(new ClosePage(m_connection->database(), m_connection->path(), m_user, this))
    , m_settings(new SettingsPage(m_connection->path(), schemaVersion, secrets, m_connection->database(), m_user, this))
{
    setWindowTitle(tr("Tillbridge — Sitoo to Prima reconciliation"));

    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget::item { padding: 7px 10px; }"));

    addView(View::Dashboard, tr("Store health"), tr("Sync health per store"), m_dashboard);
    addView(View::Exceptions, tr("Exception queue"), tr("Quarantined orders and other exceptions to review"),
            m_exceptions);
    addView(View::SkuDiff, tr("SKU differences"), tr("Catalogue differences between Prima and Sitoo"), m_skuDiff);
    addView(View::TaxVariance, tr("VAT and payouts"), tr("VAT differences by store, rate and day; takings against the ledger"),
            m_taxVariance);
    addView(View::Stock, tr("Stock"), tr("Available-to-sell in Prima against the level in Sitoo"), m_stock);
    addView(View::AuditTrail, tr("Audit trail"), tr("Every audited change, with chain verification"),
            m_auditTrail);
    addView(View::Close, tr("Month-end close"), tr("The close checklist for a period"), m_close);
    addView(View::Settings, tr("Settings"), tr("Connections, cache and audit settings"), m_settings);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    auto *pageArea = new QWidget(central);
    auto *pageLayout = new QVBoxLayout(pageArea);
    pageLayout->setContentsMargins(20, 16, 20, 12);
    pageLayout->addWidget(m_pages);
    auto *sidebar = new QWidget(central);
    sidebar->setBackgroundRole(QPalette::Base);
    sidebar->setAutoFillBackground(true);
    sidebar->setFixedWidth(210);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(8, 14, 8, 8);
    auto *brand = new QLabel(QStringLiteral("Tillbridge"), sidebar);
    QFont brandFont = brand->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.35);
    brandFont.setBold(true);
    brand->setFont(brandFont);
    auto *tagline = new QLabel(tr("Sitoo POS → Prima ERP"), sidebar);
    tagline->setForegroundRole(QPalette::PlaceholderText);
    sidebarLayout->addWidget(brand);
    sidebarLayout->addWidget(tagline);
    sidebarLayout->addSpacing(14);
    sidebarLayout->addWidget(m_navigation, 1);
    layout->addWidget(sidebar);
    layout->addWidget(separator);
    layout->addWidget(pageArea, 1);
    setCentralWidget(central);

    auto *refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Re-read every view from the cache (%1)")
                                  .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    addAction(refreshAction);
    for (int i = 0; i < m_pages->count(); ++i) {
        auto *jump = new QAction(this);
        jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(jump, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
        addAction(jump);
    }

    auto *cacheLabel = new QLabel(tr("Cache: %1 · schema %2")
                                      .arg(QDir::toNativeSeparators(m_connection->path()))
                                      .arg(schemaVersion),
                                  this);
    statusBar()->addPermanentWidget(cacheLabel);
    auto *userLabel = new QLabel(m_user->describe(), this);
    userLabel->setAccessibleName(tr("Signed-in user"));
    auto *signInButton = new QToolButton(this);
    signInButton->setText(tr("Sign in…"));
    signInButton->setAutoRaise(true);
    connect(signInButton, &QToolButton::clicked, this, &MainWindow::signIn);
    connect(m_user, &WorkbenchUser::changed, this, [this, userLabel, signInButton] {
        userLabel->setText(m_user->describe());
        signInButton->setText(m_user->isSignedIn() ? tr("Switch user…") : tr("Sign in…"));
    });
    statusBar()->addPermanentWidget(userLabel);
    statusBar()->addPermanentWidget(signInButton);
    connect(m_exceptions, &ExceptionQueuePage::signInRequested, this, &MainWindow::signIn);
    connect(m_dashboard, &DashboardPage::exceptionsRequested, this, [this] { showView(View::Exceptions); });
    connect(m_taxVariance, &TaxVariancePage::openExceptionRequested, this, [this](qint64 id) {
        showView(View::Exceptions);
        m_exceptions->focusException(id);
    });
    connect(m_close, &ClosePage::openExceptionsRequested, this, [this](const QString &kind) {
        showView(View::Exceptions);
        m_exceptions->showKind(kind);
    });
    connect(m_close, &ClosePage::signInRequested, this, &MainWindow::signIn);
    connect(m_close, &ClosePage::changed, this, [this] {
        m_dashboard->refresh();
        m_auditTrail->reload();
    });
    if (MappingsForm *mappings = m_settings->mappingsForm()) {
        connect(m_exceptions, &ExceptionQueuePage::fixMappingRequested, this,
                [this, mappings](Core::MappingKind kind, const QString &sourceKey) {
                    showView(View::Settings);
                    m_settings->showMappings(kind);
                    mappings->fixMapping(kind, sourceKey);
                });
        connect(mappings, &MappingsForm::signInRequested, this, &MainWindow::signIn);
        connect(mappings, &MappingsForm::changed, this, [this] {
            m_exceptions->reload();
            m_dashboard->refresh();
            m_auditTrail->reload();
        });
    }
    connect(m_exceptions, &ExceptionQueuePage::changed, this, [this] {
        m_dashboard->refresh();
        m_auditTrail->reload();
    });

    connect(m_dashboard, &DashboardPage::refreshed, this, &MainWindow::refreshed);
    connect(m_dashboard, &DashboardPage::loadFailed, this, &MainWindow::showLoadError);
    resize(1440, 900);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::addView(View view, const QString &label, const QString &accessibleDescription, QWidget *page)
{
    Q_ASSERT(m_pages->count() == int(view));
    auto *item = new QListWidgetItem(label, m_navigation);
    item->setToolTip(accessibleDescription);
    item->setData(Qt::AccessibleDescriptionRole, accessibleDescription);
    m_pages->addWidget(page);
}

void MainWindow::showView(View view)
{
    m_navigation->setCurrentRow(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_pages->currentIndex());
}

std::optional<MainWindow::View> MainWindow::viewFromName(const QString &name)
{
    for (std::size_t i = 0; i < kViewNames.size(); ++i) {
        if (name == QLatin1StringView(kViewNames[i]))
            return View(i);
    }
    return std::nullopt;
}

QStringList MainWindow::viewNames()
{
    QStringList names;
    for (const char *name : kViewNames)
        names.append(QString::fromLatin1(name));
    return names;
}

void MainWindow::refresh()
{
    statusBar()->clearMessage();
    m_dashboard->refresh();
    m_auditTrail->reload();
    m_exceptions->reload();
    m_taxVariance->reload();
    m_skuDiff->reload();
    m_stock->reload();
    m_close->reload();
}

void MainWindow::setEngine(Core::SyncEngine *engine)
{
    m_engine = engine;
    if (!m_jobStatus) {
        m_jobStatus = new JobStatusWidget(this);
        statusBar()->insertPermanentWidget(0, m_jobStatus);
    }
    connect(engine, &Core::SyncEngine::jobStarted, m_jobStatus, &JobStatusWidget::jobStarted);
    connect(engine, &Core::SyncEngine::progressed, m_jobStatus, &JobStatusWidget::progressed);
    connect(engine, &Core::SyncEngine::jobFinished, m_jobStatus, &JobStatusWidget::jobFinished);
    connect(m_jobStatus, &JobStatusWidget::cancelRequested, engine, &Core::SyncEngine::cancel);
    connect(engine, &Core::SyncEngine::jobFinished, this, [this] { refresh(); });
    connect(engine, &Core::SyncEngine::passFinished, this, &MainWindow::notifyNewBlockingExceptions);
    connect(m_taxVariance, &TaxVariancePage::reconcileRequested, engine,
            [engine] { engine->runJob(QString::fromLatin1(Core::SyncEngine::kReconcileJob)); });
    connect(m_skuDiff, &SkuDiffPage::auditRequested, engine,
            [engine] { engine->runJob(QString::fromLatin1(Core::SyncEngine::kSkuAuditJob)); });
    connect(m_skuDiff, &SkuDiffPage::deactivateRequested, engine, &Core::SyncEngine::deactivateInPos);
    connect(engine, &Core::SyncEngine::deactivationFinished, m_skuDiff, &SkuDiffPage::deactivationFinished);
    connect(m_stock, &StockPage::pushRequested, engine, [engine](bool fastLane) {
        engine->runJob(QString::fromLatin1(fastLane ? Core::SyncEngine::kStockFastLaneJob
                                                    : Core::SyncEngine::kStockFullJob));
    });
    // The stock view marks the fast lane with the thresholds the engine uses.
    if (auto config = Core::StockPushConfig::fromJson(engine->config().document.value(u"stock").toObject()))
        m_stock->setConfig(*config);
}

void MainWindow::notifyNewBlockingExceptions(const Core::SyncSummary &summary)
{
    const qint64 before = std::exchange(m_blockingSeen, summary.blockingExceptionsOpen);
    if (before < 0 || summary.blockingExceptionsOpen <= before)
        return; // the first pass sets the baseline; fewer is good news, not an alert
    const QString message = tr("%n new exception(s) hold orders back from Prima.", nullptr,
                                 int(summary.blockingExceptionsOpen - before));
    statusBar()->showMessage(message);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showView(View::Exceptions);
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(tr("Tillbridge"), message, QSystemTrayIcon::Warning);
}

void MainWindow::signIn()
{
    SignInDialog dialog(m_connection->path(), SignInDialog::Purpose::SignIn, this);
    dialog.setExplanation(tr("Actions in the exception queue are recorded under your name."));
    if (dialog.exec() == QDialog::Accepted)
        m_user->signIn(dialog.user());
}

void MainWindow::showLoadError(const QString &message)
{
    statusBar()->showMessage(message);
}

} // namespace Tillbridge::Ui
