// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exporttable.h"

#include <QSqlDatabase>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Tillbridge::Core {

/**
 * The rows of one table view, page by page, read with the same keyset page queries the view uses, so that an export
 * of a million rows never holds more than a page of the cache's reading at a time and shows what the view shows.
 *
 * A source is made on the GUI thread (it carries the view's filter as a value) and then used only on the export's
 * worker thread with that thread's own connection: nextPage() and total() get the worker's database.
 */
class ExportSource
{
public:
    virtual ~ExportSource() = default;

    /** The table's name: the sheet name, and the base of the suggested file name. */
    virtual QString title() const = 0;
    virtual QList<ExportColumn> columns() const = 0;
    /** How many rows the export will have, when the view knows it cheaply; empty: unknown (progress shows rows). */
    virtual Result<std::optional<qint64>> total(const QSqlDatabase &db);
    /** The next rows; an empty list means the end. */
    virtual Result<QList<ExportRow>> nextPage(const QSqlDatabase &db) = 0;
};

/** What an export did. */
struct ExportOutcome
{
    QString path;
    qint64 rows = 0;
    bool cancelled = false; ///< stopped on request: no file was written
};

/** Where and how to write an export. */
struct ExportFileOptions
{
    QString path;
    ExportFormat format = ExportFormat::Csv;
    bool byteOrderMark = false; ///< CSV only: for Excel
};

/** The writer of @p options' format. */
std::unique_ptr<TableWriter> makeTableWriter(const ExportFileOptions &options);

/**
 * Runs a source into a file on the calling thread. @p progress gets the rows written so far and the total when
 * known, after each page; @p cancel is checked between pages: when set, the run stops and leaves no file.
 */
Result<ExportOutcome> runExport(const QSqlDatabase &db, ExportSource &source, const ExportFileOptions &options,
                                const std::atomic<bool> *cancel = nullptr,
                                const std::function<void(qint64 rows, std::optional<qint64> total)> &progress = {});

} // namespace Tillbridge::Core
