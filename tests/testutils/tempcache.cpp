// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutils/tempcache.h"

#include "core/storage/cache.h"

namespace Tillbridge::Test {

TempCache::TempCache() = default;

Core::Result<Core::DatabaseConnectionPtr> TempCache::open(const QString &purpose) const
{
    Core::DatabaseConnection::Options options;
    options.path = path();
    options.purpose = purpose;
    return Core::openCache(options);
}

} // namespace Tillbridge::Test
