// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/exportsource.h"

#include "core/export/csvtablewriter.h"
#include "core/export/xlsxtablewriter.h"
#include "core/logging.h"

namespace Tillbridge::Core {

Result<std::optional<qint64>> ExportSource::total(const QSqlDatabase &)
{
    return std::optional<qint64>();
}

std::unique_ptr<TableWriter> makeTableWriter(const ExportFileOptions &options)
{
    if (options.format == ExportFormat::Xlsx)
        return std::make_unique<XlsxTableWriter>(options.path);
    return std::make_unique<CsvTableWriter>(options.path, CsvTableWriter::Options{options.byteOrderMark});
}

Result<ExportOutcome> runExport(const QSqlDatabase &db, ExportSource &source, const ExportFileOptions &options,
                                const std::atomic<bool> *cancel,
                                const std::function<void(qint64, std::optional<qint64>)> &progress)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    ExportOutcome outcome;
    outcome.path = options.path;
    auto total = source.total(db);
    if (!total)
        return total.error();
    std::unique_ptr<TableWriter> writer = makeTableWriter(options);
    if (auto begun = writer->beginTable(source.title(), source.columns()); !begun)
        return begun.error();
    if (progress)
        progress(0, *total);
    while (!cancelled()) {
        auto page = source.nextPage(db);
        if (!page)
            return page.error();
        if (page->isEmpty()) {
            if (auto finished = writer->finish(); !finished)
                return finished.error();
            qCInfo(lcDb) << "export:" << source.title() << outcome.rows << "rows written to" << options.path;
            return outcome;
        }
        for (const ExportRow &row : *page) {
            if (auto added = writer->addRow(row); !added)
                return added.error();
        }
        outcome.rows += page->size();
        if (progress)
            progress(outcome.rows, *total);
    }
    // The writer is destroyed unfinished: it removes what it wrote.
    outcome.cancelled = true;
    qCInfo(lcDb) << "export:" << source.title() << "cancelled after" << outcome.rows << "rows";
    return outcome;
}

} // namespace Tillbridge::Core
