// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

struct UiQueueBenchOptions
{
    int exceptions = 1000000;
    quint32 seed = 1;
    QString directory; ///< where the cache goes; empty: the system's temporary folder (use a real disk)
    bool keepFiles = false;
};

/**
 * The `ui-queue` scenario (issue #6): a cache holding @p exceptions exceptions (every kind, eight stores, a year of
 * ages, most still open), then the real ExceptionQueuePage on it, rendered offscreen at 1440×900. Times, each up to
 * the page painted with the rows in question: the first rows shown (page built, count, first page), a filter applied
 * (owner team = Data), a jump to the last row (Ctrl+End, as a person presses it), and, as figures without a goal, a
 * scroll bar dragged to the middle and a free-text search. Each step checks that the rows shown are the right ones.
 * Goals: first rows < 300 ms, filter < 300 ms, jump to end < 500 ms, peak RSS < 400 MB.
 * Needs a QApplication.
 */
Core::Result<QJsonObject> runUiQueueBench(const UiQueueBenchOptions &options);

/**
 * The `startup` scenario (issue #8): the same cache of @p exceptions exceptions, then the workbench's main window as
 * app/main.cpp builds it (its GUI-thread connection, MainWindow, show). Times the first paint of the window and, as a
 * second figure, the moment the store-health page has its figures (MainWindow::refreshed, read off the GUI thread).
 * Goal: first paint < 1 s. Needs a QApplication.
 */
Core::Result<QJsonObject> runStartupBench(const UiQueueBenchOptions &options);

} // namespace Tillbridge::Bench
