// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/pagedtablemodel.h"

#include <QMetaObject>

namespace Tillbridge::Core {

void PagedTableModelBase::reportLoadFailure(const QString &message) const
{
    auto *self = const_cast<PagedTableModelBase *>(this);
    QMetaObject::invokeMethod(self, [self, message] { Q_EMIT self->loadFailed(message); }, Qt::QueuedConnection);
}

} // namespace Tillbridge::Core
