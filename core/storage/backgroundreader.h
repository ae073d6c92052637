// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/databaseconnection.h"

#include <QFuture>
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
template<typename T, typename Work>
QFuture<Result<T>> readInBackground(const QString &databasePath, Work work)
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
    thread->start();
    return future;
}

} // namespace Tillbridge::Core
