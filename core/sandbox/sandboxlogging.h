// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSandboxSitoo)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxPrima)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxScenario)
