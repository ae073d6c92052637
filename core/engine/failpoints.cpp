// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/failpoints.h"

#include "core/logging.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <csignal>

namespace Tillbridge::Core {

namespace {
struct State
{
    QMutex mutex;
    bool loaded = false;
    QHash<QString, int> triggerAt; ///< name → the hit that fires
    QHash<QString, int> hits;
    std::function<void(const QString &)> action;
};

State &state()
{
    static State s;
    return s;
}

void parse(State &s, const QString &specification)
{
    s.triggerAt.clear();
    for (const QString &item : specification.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.section(u':', 0, 0).trimmed();
        bool ok = false;
        const int at = item.section(u':', 1, 1).trimmed().toInt(&ok);
        s.triggerAt.insert(name, ok && at > 0 ? at : 1);
    }
    s.loaded = true;
}
} // namespace

void FailPoints::hit(const char *name)
{
    State &s = state();
    std::function<void(const QString &)> action;
    QString key;
    {
        QMutexLocker lock(&s.mutex);
        if (!s.loaded)
            parse(s, qEnvironmentVariable("TILLBRIDGE_FAILPOINT"));
        if (s.triggerAt.isEmpty())
            return;
        key = QString::fromLatin1(name);
        const int count = ++s.hits[key];
        if (s.triggerAt.value(key, 0) != count)
            return;
        action = s.action;
    }
    qCWarning(lcSync) << "failpoint" << key << "fires";
    if (action) {
        action(key);
        return;
    }
    std::raise(SIGKILL);
}

int FailPoints::hits(const char *name)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    return s.hits.value(QString::fromLatin1(name));
}

void FailPoints::configureForTest(const QString &specification, std::function<void(const QString &)> action)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    parse(s, specification);
    s.hits.clear();
    s.action = std::move(action);
}

} // namespace Tillbridge::Core
