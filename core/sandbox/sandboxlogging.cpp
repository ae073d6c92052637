// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sandboxlogging.h"

Q_LOGGING_CATEGORY(lcSandboxSitoo, "tillbridge.sandbox.sitoo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxPrima, "tillbridge.sandbox.prima", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxScenario, "tillbridge.sandbox.scenario", QtInfoMsg)
