// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcDb, "tillbridge.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "tillbridge.core.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "tillbridge.core.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "tillbridge.core.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "tillbridge.core.net", QtInfoMsg)
