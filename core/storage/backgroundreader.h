// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/backgroundwork.h"
#include "core/storage/databaseconnection.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QThread>

#include <memory>
#include <utility>

namespace Tillbridge::Core {

/**
 * Runs a read (an aggregate, a verification, a diff) on its own short-lived thread with its own connection, so the
 * GUI thread never waits on a long query. Qt SQL connections may not cross threads: the connection is opened, used
 * and removed inside the worker. Consume the result with QFuture::then(context, ...), which does not run the
 * continuation once the context object is gone.
 *
 * `work` is `Result<T>(const QSqlDatabase &)`; it must not touch GUI objects.
 */
/**
 * A read under way. then(context, fn) runs fn(result) on context's thread once the read is done — and never if the
 * context is destroyed first. (It does not use QFuture::then(context, …): Qt 6.4 asserts there when the context
 * dies while the read is still running, which happens whenever a window closes mid-read.)
 */
template<typename T>
class BackgroundRead
{
public:
    explicit BackgroundRead(QFuture<Result<T>> future)
        : m_future(std::move(future))
    {
    }

    template<typename Fn>
    void then(QObject *context, Fn fn) const
    {
        auto *watcher = new QFutureWatcher<Result<T>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, fn = std::move(fn)]() mutable {
            watcher->deleteLater();
            fn(watcher->result());
        });
        watcher->setFuture(m_future);
    }

    QFuture<Result<T>> future() const { return m_future; }

private:
    QFuture<Result<T>> m_future;
};

template<typename T, typename Work>
BackgroundRead<T> readInBackground(const QString &databasePath, Work work)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    QThread *thread = QThread::create([databasePath, work = std::move(work), promise]() {
        promise->start();
        {
            DatabaseConnection::Options options;
            options.path = databasePath;
            options.purpose = QStringLiteral("reader");
            auto connection = DatabaseConnection::open(options);
            if (connection)
                promise->addResult(work((*connection)->database()));
            else
                promise->addResult(Result<T>(connection.error()));
        } // the connection is removed here, in the thread that opened it
        promise->finish();
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    BackgroundWork::start(thread);
    return BackgroundRead<T>(future);
}

} // namespace Tillbridge::Core
