// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/application.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

void setApplicationIdentity()
{
    // No organisation name: data goes to ~/.local/share/Tillbridge rather than a nested vendor folder.
    QCoreApplication::setApplicationName(QStringLiteral("Tillbridge"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("tillbridge.app"));
    QCoreApplication::setApplicationVersion(applicationVersion());
}

QString applicationVersion()
{
    return QStringLiteral(TILLBRIDGE_VERSION);
}

QString keychainService()
{
    return QStringLiteral("Tillbridge");
}

} // namespace Tillbridge::Core
