// SPDX-License-Identifier: GPL-3.0-or-later
// tillbridge: the workbench. Opens (and if needed creates) the cache, then shows the main window.
#include "core/application.h"
#include "core/engine/syncengine.h"
#include "core/sandbox/demosession.h"
#include "core/secrets/crossthreadsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/backgroundwork.h"
#include "core/storage/cache.h"
#include "core/storage/schemamigrator.h"
#include "ui/close/closepage.h"
#include "ui/common/cacheupgradedialog.h"
#include "ui/common/workbenchuser.h"
#include "ui/mainwindow.h"
#include "ui/settings/connectionsform.h"
#include "ui/settings/settingspage.h"
#include "translations/languagepreference.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

#include <cstdlib>

using namespace Tillbridge;

namespace {
/**
 * A background read or an export may still be inside SQLite on its own thread when the window closes: waits for it
 * before the process tears Qt's SQL registry down under it. One that is still running after 30 s (a verification of
 * a very long audit trail) is left to the operating system: the process ends at once, as after a crash, which the
 * cache is built to survive, instead of crashing on the way out.
 */
struct BackgroundWorkWait
{
    int exitCode = 0;
    ~BackgroundWorkWait()
    {
        if (Core::BackgroundWork::waitForAll(QDeadlineTimer(30000)))
            return;
        qWarning("Tillbridge: background work still running at exit: %d", Core::BackgroundWork::running());
        std::quick_exit(exitCode);
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Core::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Tillbridge"));
    // The installed icon, embedded; the desktop file name lets Wayland match the window to its desktop entry.
    QApplication::setDesktopFileName(QStringLiteral("app.tillbridge.Tillbridge"));
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/tillbridge-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: "
                                      "%{message}"));
    if (const QStringList args = QCoreApplication::arguments(); args.contains(u"--demo"))
        Core::setSettingsProfile(QStringLiteral("demo")); // the demo keeps its own settings, its language included
    // The language chosen in Settings (or the system's): texts, and money, dates and numbers through QLocale().
    const QLocale locale = I18n::localeFor(I18n::storedLanguage());
    QLocale::setDefault(locale);
    I18n::installTranslators(&app, locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Sitoo POS to Prima ERP reconciliation workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QApplication::translate("main", "Open this cache instead of the default one."),
                                      QApplication::translate("main", "path"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QApplication::translate("main", "Start on this view: %1.")
                                            .arg(Ui::MainWindow::viewNames().join(QStringLiteral(", "))),
                                        QApplication::translate("main", "view"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once its data has loaded, then quit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the demo: a sandbox Sitoo and Prima on this computer with generated "
                                        "sales. Its own cache and settings; its passwords go to the keychain."));
    parser.addOptions({dbOption, pageOption, screenshotOption, demoOption});
    parser.process(app);

    const bool demo = parser.isSet(demoOption);
    const QString demoFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                               + QStringLiteral("/demo");
    if (demo)
        Core::setSettingsProfile(QStringLiteral("demo"));
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                         : demo                 ? demoFolder + QStringLiteral("/tillbridge-demo.sqlite")
                                                : Core::defaultCachePath();
    Core::DatabaseConnection::Options options;
    options.path = path;
    options.purpose = QStringLiteral("gui");
    // Migrations run on a worker first, with a progress dialog when they take long; openCache then finds nothing to
    // do on the GUI thread.
    const auto cannotOpen = [&path](const QString &reason) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Tillbridge cannot open its cache"),
                              QApplication::translate("main", "%1\n\nCache: %2")
                                  .arg(reason, QDir::toNativeSeparators(path)));
        return 2;
    };
    if (auto upgraded = Ui::CacheUpgradeDialog::upgrade(options); !upgraded)
        return cannotOpen(upgraded.errorString());
    auto connection = Core::openCache(options);
    if (!connection)
        return cannotOpen(connection.errorString());
    const int schemaVersion = Core::SchemaMigrator::currentVersion((*connection)->database()).valueOr(0);

    // Declared before the window: destroyed after it (which cancels running exports), on every way out of main().
    BackgroundWorkWait backgroundWork;
    Core::KeychainSecretStore secrets(Core::keychainService());
    Ui::MainWindow window(*connection, schemaVersion, &secrets);
    if (parser.isSet(pageOption)) {
        const auto view = Ui::MainWindow::viewFromName(parser.value(pageOption));
        if (!view) {
            qCritical("Unknown view: %s", qPrintable(parser.value(pageOption)));
            return 2;
        }
        window.showView(*view);
    }
    window.show();

    // With --screenshot, the picture is taken once the window has its data: the dashboard's figures and, in the
    // demo, both connection tests and the figures after the first sync pass.
    int awaitedForScreenshot = demo ? 4 : 1;
    const auto partReady = [&window, &parser, &screenshotOption, &awaitedForScreenshot] {
        if (!parser.isSet(screenshotOption) || --awaitedForScreenshot != 0)
            return;
        const QString file = parser.value(screenshotOption);
        // One more turn of the event loop so that the views have laid out the data they just received.
        QTimer::singleShot(200, &window, [&window, file] { QApplication::exit(window.grab().save(file) ? 0 : 1); });
    };
    QObject::connect(&window, &Ui::MainWindow::refreshed, &window, partReady);

    std::unique_ptr<Sandbox::DemoSession> demoSession;
    std::unique_ptr<Core::SyncEngine> engine;
    if (demo) {
        window.setWindowTitle(QApplication::translate("main", "Tillbridge — demo"));
        Ui::ConnectionsForm *form = window.settingsPage()->connectionsForm();
        QObject::connect(form, &Ui::ConnectionsForm::sitooTested, &window, partReady);
        QObject::connect(form, &Ui::ConnectionsForm::primaTested, &window, partReady);
        demoSession = std::make_unique<Sandbox::DemoSession>(Sandbox::DemoSession::defaultOptions(demoFolder),
                                                             &secrets);
        QObject::connect(
            demoSession.get(), &Sandbox::DemoSession::ready, &window,
            [&window, form, &engine, &demoSession, &demoFolder, &path, &secrets](const Core::ConnectionSettings &connections) {
                form->setSettings(connections);
                // The demo trades in the scenario's weeks: the close walkthrough starts on that month.
                window.closePage()->setPeriod(Sandbox::DemoSession::defaultOptions(demoFolder)
                                                  .scenario.firstTradingDay.toString(QStringLiteral("yyyy-MM")));
                // Two demo people, so that the queue's maker-checker can be tried; Maria (preparer) starts signed in.
                Core::readInBackground<Core::User>(path, [](const QSqlDatabase &db) {
                    return Sandbox::DemoSession::ensureDemoUsers(db);
                }).then(&window, [&window](const Core::Result<Core::User> &user) {
                    if (user)
                        window.workbenchUser()->signIn(*user);
                    else
                        window.statusBar()->showMessage(user.errorString());
                });
                // Test both at once, so Settings shows the demo's connections working.
                form->testSitoo();
                form->testPrima();
                window.statusBar()->showMessage(QApplication::translate(
                    "main", "Demo: the sandbox Sitoo and Prima are running on this computer; syncing…"));
                // Then run the real engine against them: orders flow, some are held back, the rest reach Prima.
                Core::SyncConfig config;
                config.cachePath = path;
                config.connections = connections;
                config.mappingsFile = demoFolder + QStringLiteral("/mappings.json");
                QFile mappings(config.mappingsFile);
                if (mappings.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    mappings.write(demoSession->mappingsJson());
                mappings.close();
                // The worker asks the GUI thread's keychain store: QtKeychain is used from one thread only.
                engine = std::make_unique<Core::SyncEngine>(config, [&secrets](QObject *parent) -> Core::SecretStore * {
                    return new Core::CrossThreadSecretStore(&secrets, parent);
                });
                QObject::connect(engine.get(), &Core::SyncEngine::passFinished, &window,
                                 [&window](const Core::SyncSummary &summary) {
                                     window.refresh();
                                     window.statusBar()->showMessage(
                                         QApplication::translate("main", "Last sync: %1 orders ready, %2 held back, "
                                                                         "%3 posted to Prima.")
                                             .arg(summary.orders.ready)
                                             .arg(summary.orders.quarantined + summary.orders.malformed)
                                             .arg(summary.postings.posted + summary.postings.adopted));
                                 });
                window.setEngine(engine.get());
                QObject::connect(engine.get(), &Core::SyncEngine::jobReported, &window,
                                 [&window](const QString &, const QString &message, bool) {
                                     window.statusBar()->showMessage(message);
                                 });
                QObject::connect(engine.get(), &Core::SyncEngine::failed, &window, [&window](const QString &message) {
                    window.statusBar()->showMessage(QApplication::translate("main", "Sync: %1").arg(message));
                    window.refresh(); // what did get in is shown (and a waiting screenshot is taken)
                });
                engine->start();
            });
        QObject::connect(demoSession.get(), &Sandbox::DemoSession::failed, &window,
                         [&window, &awaitedForScreenshot, partReady](const QString &message) {
                             window.statusBar()->showMessage(message);
                             awaitedForScreenshot = 1; // no connection tests will come
                             partReady();
                             QMessageBox::warning(&window, QApplication::translate("main", "The demo could not start"),
                                                  message);
                         });
        demoSession->start();
    }

    backgroundWork.exitCode = app.exec();
    return backgroundWork.exitCode;
}
