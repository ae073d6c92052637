// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/databaseconnection.h"

#include <QTemporaryDir>

namespace Tillbridge::Test {

/** A cache file in a fresh temporary folder, created by the real migration code. */
class TempCache
{
public:
    TempCache();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }
    QString dirPath() const { return m_dir.path(); }

    /** A migrated connection for the calling thread. */
    Core::Result<Core::DatabaseConnectionPtr> open(const QString &purpose = QStringLiteral("test")) const;

private:
    QTemporaryDir m_dir;
};

} // namespace Tillbridge::Test
