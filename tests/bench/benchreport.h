// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

/** Machine-readable results: one compact JSON object per scenario on its own stdout line; people read stderr. */
namespace BenchReport {

/** The process's peak resident set (VmHWM in /proc/self/status) in MiB; -1 where there is no /proc. */
double peakRssMb();

/** The file system type of @p path ("ext4", "tmpfs", "overlay", …), or "unknown". */
QString fileSystemType(const QString &path);

/** Rounds @p value to @p decimals places, for figures that are not meant to look more precise than they are. */
double rounded(double value, int decimals = 3);

/** Adds what every line carries (build type, cores) and writes @p result as one line to stdout, flushed. */
void printLine(QJsonObject result);

/** A progress line for people, on stderr. */
void progress(const QString &text);

} // namespace BenchReport

} // namespace Tillbridge::Bench
