// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closepack.h"
#include "core/export/exporttable.h"

namespace Tillbridge::Core {

/**
 * The close pack as typed tables for a spreadsheet: Summary, Gates, Reconciliation, VAT by rate (per store, rate and
 * day), Exceptions (by kind, owner and state) and Overrides. Written by XlsxTableWriter as one workbook with a sheet
 * each; the same ClosePackData the CSV files and the PDF are made from.
 */
namespace ClosePackWorkbook {

QList<ExportTable> tables(const ClosePackData &data);

/** Writes close-pack-<period>.xlsx into @p directory; returns its path. */
Result<QString> writeXlsx(const ClosePackData &data, const QString &directory);

} // namespace ClosePackWorkbook

} // namespace Tillbridge::Core
