// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/cacheupgrade.h"

#include "core/storage/cache.h"

namespace Tillbridge::Core {

CacheUpgrade::CacheUpgrade(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Tillbridge::Core::Status>();
}

CacheUpgrade::~CacheUpgrade()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void CacheUpgrade::start(const DatabaseConnection::Options &options)
{
    Q_ASSERT(!m_thread);
    m_thread = QThread::create([this, options] {
        Status status = Status::success();
        {
            DatabaseConnection::Options upgrade = options;
            upgrade.purpose = QStringLiteral("upgrade");
            auto connection = openCache(upgrade, [this](int version, int step, int steps) {
                Q_EMIT stepStarted(version, step, steps);
            });
            if (!connection)
                status = connection.error();
        } // the connection is removed here, in the thread that opened it
        Q_EMIT finished(status);
    });
    m_thread->start();
}

} // namespace Tillbridge::Core
