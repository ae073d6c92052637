// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/uiqueuebench.h"

#include "core/domain/exceptionrecord.h"
#include "core/models/exceptionqueuemodel.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/backgroundwork.h"
#include "core/storage/cache.h"
#include "core/storage/schemamigrator.h"
#include "core/storage/dbtime.h"
#include "tests/bench/benchreport.h"
#include "ui/common/workbenchuser.h"
#include "ui/exceptions/exceptionqueuepage.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

namespace Tillbridge::Bench {

using namespace Tillbridge::Core;

namespace {
constexpr int kStores = 8;
constexpr double kGoalFirstRowsMs = 300;
constexpr double kGoalFilterMs = 300;
constexpr double kGoalJumpMs = 500;
constexpr double kGoalPeakRssMb = 400;

/** What the generated queue holds, to check what the page shows against. */
struct QueueFacts
{
    qint64 toWork = 0;     ///< open or assigned: the page's default filter
    qint64 dataToWork = 0; ///< of those, owned by the data team
    qint64 firstToWorkId = 0;
    qint64 lastToWorkId = 0;
    qint64 firstDataToWorkId = 0;
    qint64 lastDataToWorkId = 0;
};

/** Bench set-up, not the product's path: one prepared INSERT in one transaction (raise() audits each one). */
Result<QueueFacts> fillQueue(const QSqlDatabase &db, int count, quint32 seed)
{
    QSqlDatabase connection = db;
    QSqlQuery store(connection);
    store.prepare(QStringLiteral("INSERT INTO stores (sitoo_account, sitoo_store_id, name, country_code, tax_regime, "
                                 "time_zone, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery exception(connection);
    exception.prepare(QStringLiteral(
        "INSERT INTO exceptions (id, kind, severity, owner_team, store_id, entity_type, entity_id, explanation, "
        "details, state, assigned_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'order', ?, ?, '{}', ?, ?, ?, ?)"));
    if (!connection.transaction())
        return Error{ErrorCode::Database, connection.lastError().text()};
    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    QList<qint64> storeIds;
    for (int i = 1; i <= kStores; ++i) {
        const bool uk = i % 2 == 1;
        store.addBindValue(QStringLiteral("90002"));
        store.addBindValue(QString::number(i));
        store.addBindValue(uk ? QStringLiteral("London %1").arg(i) : QStringLiteral("Stockholm %1").arg(i));
        store.addBindValue(uk ? QStringLiteral("GB") : QStringLiteral("SE"));
        store.addBindValue(uk ? QStringLiteral("UK") : QStringLiteral("SE"));
        store.addBindValue(uk ? QStringLiteral("Europe/London") : QStringLiteral("Europe/Stockholm"));
        store.addBindValue(uk ? QStringLiteral("GBP") : QStringLiteral("SEK"));
        store.addBindValue(now);
        store.addBindValue(now);
        if (!store.exec()) {
            connection.rollback();
            return Error{ErrorCode::Database, QStringLiteral("store: ") + store.lastError().text()};
        }
        storeIds.append(store.lastInsertId().toLongLong());
    }

    const QList<ExceptionKind> kinds = ExceptionKinds::all();
    QRandomGenerator random(seed);
    // A year of queue, oldest first: ids follow created_at, so the expected first and last rows are known.
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    const double step = 365.0 * 86400.0 / count;
    QueueFacts facts;
    for (int i = 1; i <= count; ++i) {
        const ExceptionKind kind = kinds.at(int(random.bounded(quint32(kinds.size()))));
        const OwnerTeam owner = ExceptionKinds::owner(kind);
        const quint32 roll = random.bounded(100U);
        const ExceptionState state = roll < 85 ? ExceptionState::Open
                                   : roll < 90 ? ExceptionState::Assigned
                                               : ExceptionState::Resolved;
        const qint64 storeId = storeIds.at(i % kStores);
        const QString orderId = QString::number(100000 + i);
        const QString created = dbTime(start.addSecs(qint64(i * step)));
        exception.addBindValue(qint64(i));
        exception.addBindValue(ExceptionKinds::code(kind));
        exception.addBindValue(severityCode(ExceptionKinds::defaultSeverity(kind)));
        exception.addBindValue(ownerTeamCode(owner));
        exception.addBindValue(storeId);
        exception.addBindValue(QString(QStringLiteral("90002:") + orderId));
        exception.addBindValue(QStringLiteral("Order %1: lines %2.%3 + VAT %4.%5 = %6.%7; order total differs by 0.0%8 "
                                              "GBP.")
                                   .arg(orderId)
                                   .arg(100 + i % 900)
                                   .arg(i % 100, 2, 10, QLatin1Char('0'))
                                   .arg(20 + i % 180)
                                   .arg(i % 97, 2, 10, QLatin1Char('0'))
                                   .arg(120 + i % 1080)
                                   .arg(i % 89, 2, 10, QLatin1Char('0'))
                                   .arg(1 + i % 9));
        exception.addBindValue(exceptionStateCode(state));
        exception.addBindValue(state == ExceptionState::Assigned ? QVariant(QStringLiteral("maria")) : QVariant());
        exception.addBindValue(created);
        exception.addBindValue(created);
        if (!exception.exec()) {
            connection.rollback();
            return Error{ErrorCode::Database, QStringLiteral("exception: ") + exception.lastError().text()};
        }
        if (state == ExceptionState::Resolved)
            continue;
        ++facts.toWork;
        if (!facts.firstToWorkId)
            facts.firstToWorkId = i;
        facts.lastToWorkId = i;
        if (owner == OwnerTeam::Data) {
            ++facts.dataToWork;
            if (!facts.firstDataToWorkId)
                facts.firstDataToWorkId = i;
            facts.lastDataToWorkId = i;
        }
    }
    if (!connection.commit())
        return Error{ErrorCode::Database, connection.lastError().text()};
    return facts;
}

/** A temporary cache holding the generated queue. */
struct QueueWorld
{
    std::unique_ptr<QTemporaryDir> dir;
    QString path;
    QueueFacts facts;
    double fillSeconds = 0;

    static Result<QueueWorld> create(const UiQueueBenchOptions &options)
    {
        QueueWorld world;
        world.dir = std::make_unique<QTemporaryDir>(
            QDir(options.directory.isEmpty() ? QDir::tempPath() : options.directory)
                .filePath(QStringLiteral("tillbridge-bench-XXXXXX")));
        if (!world.dir->isValid())
            return Error{ErrorCode::Io, QStringLiteral("no temporary folder: %1").arg(world.dir->errorString())};
        if (options.keepFiles) {
            world.dir->setAutoRemove(false);
            BenchReport::progress(QStringLiteral("keeping %1").arg(world.dir->path()));
        }
        world.path = world.dir->filePath(QStringLiteral("queue.sqlite"));
        QElapsedTimer phase;
        phase.start();
        BenchReport::progress(QStringLiteral("writing %1 exceptions").arg(options.exceptions));
        DatabaseConnection::Options setUp;
        setUp.path = world.path;
        setUp.purpose = QStringLiteral("bench-setup");
        auto cache = openCache(setUp);
        if (!cache)
            return cache.error();
        auto filled = fillQueue((*cache)->database(), options.exceptions, options.seed);
        if (!filled)
            return filled.error();
        world.facts = *filled;
        world.fillSeconds = double(phase.nsecsElapsed()) / 1e9;
        return world;
    }
};

QComboBox *comboNamed(const QWidget &page, const QString &accessibleName)
{
    for (QComboBox *box : page.findChildren<QComboBox *>()) {
        if (box->accessibleName() == accessibleName)
            return box;
    }
    return nullptr;
}

/** Milliseconds for @p step plus painting the page, as a person would see it. */
template <typename Step>
double timed(QWidget &page, Step step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    QCoreApplication::processEvents();
    (void)page.grab(); // paints every visible row: each asks the model for its data
    return double(timer.nsecsElapsed()) / 1e6;
}

qint64 idAt(const ExceptionQueueModel &model, int row)
{
    return model.index(row, 0).data(ExceptionQueueModel::IdRole).toLongLong();
}

Error mismatch(const QString &what, qint64 expected, qint64 actual)
{
    return Error{ErrorCode::InvalidInput, QStringLiteral("%1: expected %2, the page shows %3").arg(what).arg(expected).arg(actual)};
}
} // namespace

Result<QJsonObject> runUiQueueBench(const UiQueueBenchOptions &options)
{
    using BenchReport::progress;
    using BenchReport::rounded;

    auto world = QueueWorld::create(options);
    if (!world)
        return world.error();
    const QString path = world->path;
    const QueueFacts facts = world->facts;
    const double fillSeconds = world->fillSeconds;

    // What the workbench does on start: its own GUI-thread connection, the page, the first paint.
    DatabaseConnection::Options gui;
    gui.path = path;
    gui.purpose = QStringLiteral("gui");
    auto connection = openCache(gui);
    if (!connection)
        return connection.error();
    Ui::WorkbenchUser user;
    std::unique_ptr<Ui::ExceptionQueuePage> page;
    QElapsedTimer firstRows;
    firstRows.start();
    page = std::make_unique<Ui::ExceptionQueuePage>((*connection)->database(), path, &user);
    page->resize(1440, 900);
    page->show();
    page->reload();
    QCoreApplication::processEvents();
    (void)page->grab();
    const double firstRowsMs = double(firstRows.nsecsElapsed()) / 1e6;
    ExceptionQueueModel &model = *page->model();
    if (model.totalCount() != facts.toWork)
        return mismatch(QStringLiteral("exceptions to work"), facts.toWork, model.totalCount());
    if (idAt(model, 0) != facts.firstToWorkId)
        return mismatch(QStringLiteral("first row"), facts.firstToWorkId, idAt(model, 0));
    progress(QStringLiteral("ui-queue: first rows %1 ms").arg(firstRowsMs, 0, 'f', 1));

    QComboBox *owner = comboNamed(*page, QStringLiteral("Owner team"));
    if (!owner || owner->findData(int(OwnerTeam::Data)) < 0)
        return Error{ErrorCode::InvalidInput, QStringLiteral("the page has no owner team filter")};
    const double filterMs = timed(*page, [&] { owner->setCurrentIndex(owner->findData(int(OwnerTeam::Data))); });
    if (model.totalCount() != facts.dataToWork)
        return mismatch(QStringLiteral("data team's exceptions"), facts.dataToWork, model.totalCount());
    progress(QStringLiteral("ui-queue: filter %1 ms").arg(filterMs, 0, 'f', 1));

    QTableView *view = page->view();
    view->setFocus();
    const double jumpMs = timed(*page, [&] {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_End, Qt::ControlModifier);
        QCoreApplication::sendEvent(view, &press);
    });
    const int last = model.rowCount() - 1;
    if (view->currentIndex().row() != last || idAt(model, last) != facts.lastDataToWorkId)
        return mismatch(QStringLiteral("last row after Ctrl+End"), facts.lastDataToWorkId,
                        idAt(model, view->currentIndex().row()));
    progress(QStringLiteral("ui-queue: jump to end %1 ms").arg(jumpMs, 0, 'f', 1));

    const double middleMs = timed(*page, [&] {
        QScrollBar *bar = view->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
    });
    const int middleRow = view->rowAt(view->viewport()->height() / 2);
    if (middleRow < 0 || idAt(model, middleRow) == 0)
        return Error{ErrorCode::InvalidInput, QStringLiteral("the middle of the queue shows no rows")};

    QLineEdit *search = page->findChild<QLineEdit *>();
    const QString needle = QString::number(100000 + facts.lastDataToWorkId);
    const double searchMs = timed(*page, [&] {
        search->setText(needle);
        // Enter searches at once (typing alone waits for a pause, which is not the query's time).
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(search, &enter);
    });
    if (model.totalCount() != 1 || idAt(model, 0) != facts.lastDataToWorkId)
        return mismatch(QStringLiteral("search for order %1").arg(needle), facts.lastDataToWorkId, idAt(model, 0));

    // The worst case for the search index: words every explanation holds, so every exception matches.
    const double broadSearchMs = timed(*page, [&] {
        search->setText(QStringLiteral("order total differs"));
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(search, &enter);
    });
    if (model.totalCount() != facts.dataToWork)
        return mismatch(QStringLiteral("search matching every exception"), facts.dataToWork, model.totalCount());
    if (idAt(model, 0) != facts.firstDataToWorkId)
        return mismatch(QStringLiteral("first row of a search matching every exception"), facts.firstDataToWorkId,
                        idAt(model, 0));

    const double peakRssMb = BenchReport::peakRssMb();
    const bool goalMet = firstRowsMs < kGoalFirstRowsMs && filterMs < kGoalFilterMs && jumpMs < kGoalJumpMs
                      && peakRssMb >= 0 && peakRssMb < kGoalPeakRssMb;
    QJsonObject result;
    result.insert(QStringLiteral("scenario"), QStringLiteral("ui-queue"));
    result.insert(QStringLiteral("exceptions"), options.exceptions);
    result.insert(QStringLiteral("to_work"), facts.toWork);
    result.insert(QStringLiteral("first_rows_ms"), rounded(firstRowsMs, 1));
    result.insert(QStringLiteral("filter_ms"), rounded(filterMs, 1));
    result.insert(QStringLiteral("jump_to_end_ms"), rounded(jumpMs, 1));
    result.insert(QStringLiteral("scroll_to_middle_ms"), rounded(middleMs, 1));
    result.insert(QStringLiteral("search_ms"), rounded(searchMs, 1));
    result.insert(QStringLiteral("search_broad_ms"), rounded(broadSearchMs, 1));
    result.insert(QStringLiteral("peak_rss_mb"), rounded(peakRssMb, 1));
    result.insert(QStringLiteral("pages_in_memory"), model.loadedPageCount());
    result.insert(QStringLiteral("fill_seconds"), rounded(fillSeconds, 1));
    result.insert(QStringLiteral("ratio"), rounded(jumpMs / kGoalJumpMs, 3));
    result.insert(QStringLiteral("goal"), QStringLiteral("first rows < 300 ms, filter < 300 ms, jump to end < 500 ms, "
                                                         "peak RSS < 400 MB"));
    result.insert(QStringLiteral("goal_met"), goalMet);
    result.insert(QStringLiteral("file_system"), BenchReport::fileSystemType(world->dir->path()));
    result.insert(QStringLiteral("seed"), qint64(options.seed));
    page.reset();
    BackgroundWork::waitForAll(); // the page's reads finish before their cache folder is removed
    return result;
}

Result<QJsonObject> runStartupBench(const UiQueueBenchOptions &options)
{
    using BenchReport::rounded;
    constexpr double kGoalFirstPaintMs = 1000;

    auto world = QueueWorld::create(options);
    if (!world)
        return world.error();

    // As app/main.cpp: the GUI thread's connection (migrations already done), the window, shown and painted.
    QElapsedTimer timer;
    timer.start();
    DatabaseConnection::Options gui;
    gui.path = world->path;
    gui.purpose = QStringLiteral("gui");
    auto connection = openCache(gui);
    if (!connection)
        return connection.error();
    const int schemaVersion = SchemaMigrator::currentVersion((*connection)->database()).valueOr(0);
    MemorySecretStore secrets; // no keychain in a benchmark; the window reads no secret to paint
    auto window = std::make_unique<Ui::MainWindow>(*connection, schemaVersion, &secrets);
    QSignalSpy refreshed(window.get(), &Ui::MainWindow::refreshed);
    window->show();
    QCoreApplication::processEvents();
    (void)window->grab();
    const double firstPaintMs = double(timer.nsecsElapsed()) / 1e6;
    if (refreshed.isEmpty() && !refreshed.wait(60000))
        return Error{ErrorCode::Database, QStringLiteral("the store-health figures never arrived")};
    const double figuresMs = double(timer.nsecsElapsed()) / 1e6;
    BenchReport::progress(QStringLiteral("startup: first paint %1 ms, figures %2 ms")
                              .arg(firstPaintMs, 0, 'f', 1)
                              .arg(figuresMs, 0, 'f', 1));

    const double peakRssMb = BenchReport::peakRssMb();
    QJsonObject result;
    result.insert(QStringLiteral("scenario"), QStringLiteral("startup"));
    result.insert(QStringLiteral("exceptions"), options.exceptions);
    result.insert(QStringLiteral("first_paint_ms"), rounded(firstPaintMs, 1));
    result.insert(QStringLiteral("figures_ms"), rounded(figuresMs, 1));
    result.insert(QStringLiteral("peak_rss_mb"), rounded(peakRssMb, 1));
    result.insert(QStringLiteral("fill_seconds"), rounded(world->fillSeconds, 1));
    result.insert(QStringLiteral("ratio"), rounded(firstPaintMs / kGoalFirstPaintMs, 3));
    result.insert(QStringLiteral("goal"), QStringLiteral("first paint of the main window < 1 s"));
    result.insert(QStringLiteral("goal_met"), firstPaintMs < kGoalFirstPaintMs);
    result.insert(QStringLiteral("file_system"), BenchReport::fileSystemType(world->dir->path()));
    result.insert(QStringLiteral("seed"), qint64(options.seed));
    window.reset();
    BackgroundWork::waitForAll(); // the window's reads finish before their cache folder is removed
    return result;
}

} // namespace Tillbridge::Bench
