// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exporttable.h"

#include <QSaveFile>

#include <memory>

namespace Tillbridge::Core {

/** How CsvTableWriter writes. */
struct CsvOptions
{
    bool byteOrderMark = false; ///< start with EF BB BF, for Excel
};

/**
 * One table as CSV (RFC 4180): comma-separated, CRLF line ends, UTF-8, and a field quoted when it holds a comma, a
 * quote (doubled), a line break, a semicolon (Excel in Swedish splits on ';') or leading/trailing spaces. Values are
 * exact: money as decimal text in the currency's units ("-1204.50"), dates ISO 8601, date-times with their UTC
 * offset. Text is written as it is — including text that starts with '=' — because CSV is a data format that must
 * round-trip; the XLSX export is the one meant to be opened in a spreadsheet, where text cells are never formulas.
 *
 * Optionally starts with a UTF-8 byte-order mark: Excel then reads the file as UTF-8 instead of the ANSI code page.
 * Written through QSaveFile: the file appears only when finish() succeeds.
 */
class CsvTableWriter final : public TableWriter
{
public:
    using Options = CsvOptions;

    explicit CsvTableWriter(const QString &path, Options options = {});
    ~CsvTableWriter() override;

    Status beginTable(const QString &name, const QList<ExportColumn> &columns) override;
    Status addRow(const ExportRow &row) override;
    Status finish() override;

    /** One RFC 4180 record, without its line end. */
    static QString record(const QStringList &fields);

private:
    Status writeLine(const QStringList &fields);
    Status ioError() const;

    std::unique_ptr<QSaveFile> m_file;
    Options m_options;
    int m_columns = -1;
};

} // namespace Tillbridge::Core
