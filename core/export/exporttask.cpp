// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/exporttask.h"

#include "core/storage/backgroundwork.h"
#include "core/storage/databaseconnection.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThread>

#include <limits>

namespace Tillbridge::Core {

ExportTask::ExportTask(QString databasePath, std::unique_ptr<ExportSource> source, ExportFileOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_source(std::move(source))
    , m_options(std::move(options))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_total(std::make_shared<std::atomic<qint64>>(-1))
{
}

ExportTask::~ExportTask()
{
    m_cancel->store(true);
}

void ExportTask::cancel()
{
    m_cancel->store(true);
}

void ExportTask::start()
{
    if (m_running)
        return;
    m_running = true;
    // A promise and a watcher owned by this task carry progress and the result back to this thread, and never to a
    // task that was deleted meanwhile (the worker keeps the source and the flags alive by itself).
    auto promise = std::make_shared<QPromise<Result<ExportOutcome>>>();
    auto *watcher = new QFutureWatcher<Result<ExportOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int rows) { Q_EMIT progress(rows, m_total->load()); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        const Result<ExportOutcome> result = watcher->future().resultCount() > 0
                                                 ? watcher->result()
                                                 : Result<ExportOutcome>(Error{ErrorCode::Io, tr("The export stopped.")});
        if (result.ok())
            Q_EMIT progress(result->rows, m_total->load());
        Q_EMIT finished(result);
    });
    watcher->setFuture(promise->future());
    QThread *thread = QThread::create([promise, path = m_databasePath, source = m_source, options = m_options,
                                       cancel = m_cancel, total = m_total]() {
        promise->start();
        promise->setProgressRange(0, std::numeric_limits<int>::max());
        {
            DatabaseConnection::Options connectionOptions;
            connectionOptions.path = path;
            connectionOptions.purpose = QStringLiteral("export");
            auto connection = DatabaseConnection::open(connectionOptions);
            if (!connection) {
                promise->addResult(Result<ExportOutcome>(connection.error()));
            } else {
                promise->addResult(runExport((*connection)->database(), *source, options, cancel.get(),
                                             [&](qint64 rows, std::optional<qint64> known) {
                                                 total->store(known.value_or(-1));
                                                 promise->setProgressValue(
                                                     int(std::min<qint64>(rows, std::numeric_limits<int>::max())));
                                             }));
            }
        } // the connection is removed here, in the thread that opened it
        promise->finish();
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    BackgroundWork::start(thread);
}

} // namespace Tillbridge::Core
