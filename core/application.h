// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tillbridge::Core {

/**
 * Sets the application name, version and organisation on QCoreApplication, so that the GUI and the CLI agree on
 * where the cache, settings and keychain entries live. Call right after constructing the application object.
 */
void setApplicationIdentity();

QString applicationVersion();

/** The keychain service name under which every Tillbridge secret is stored. */
QString keychainService();

} // namespace Tillbridge::Core
