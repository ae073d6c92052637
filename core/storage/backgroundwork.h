// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>

class QThread;

namespace Tillbridge::Core::BackgroundWork {

/**
 * Starts a short-lived worker (a background read, an export) and keeps track of it until it finishes. Such threads
 * run on their own, so without this nobody would wait for them: a program that returns from main() while one is
 * still inside SQLite tears Qt's SQL registry down under it, and can crash on the way out. Call it, and the
 * functions below, from the thread the workers' QThread objects live in (the GUI thread).
 */
void start(QThread *thread);

/** Workers started with start() that have not finished yet. */
int running();

/**
 * Blocks until every worker started with start() has finished, or the deadline passes (false). The workbench and
 * the benchmarks call it after their event loop ends, before the application object goes.
 */
bool waitForAll(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));

} // namespace Tillbridge::Core::BackgroundWork
