// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exporttable.h"

#include <QHash>
#include <QStringList>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace Tillbridge::Core {

/**
 * Tables as an XLSX workbook, one sheet per table, through Debian's libxlsxwriter (streaming, constant memory: a
 * million rows never sit in memory). Each sheet has a bold header row that stays frozen while scrolling, an
 * autofilter, and column widths that fit the longest value (within limits).
 *
 * Cells keep their types: integers are numbers, dates and date-times are real dates (yyyy-mm-dd, yyyy-mm-dd hh:mm:ss,
 * date-times in the local time of the machine that exports, as Excel has no time zones), text is always a text cell
 * (never a formula, whatever it starts with), and money is a number with a currency number format
 * ("#,##0.00 \"SEK\"" — the decimals follow the currency's exponent).
 *
 * Money is the one place in Tillbridge where an amount becomes a double: XLSX stores every number as an IEEE 754
 * double, so a money cell can only hold minor ÷ 10^exponent. The division happens at the cell and nowhere else; for
 * any amount below 2^53 minor units (90 trillion SEK) the double is the nearest one to the exact decimal and shows
 * exactly with the currency's decimals. Sums made in the spreadsheet are the spreadsheet's; the exact figures stay in
 * the CSV export and the cache.
 *
 * The workbook is written to a temporary file next to the target and moved into place by finish(); a writer
 * destroyed before that (failure, cancel) removes its temporary file.
 */
class XlsxTableWriter final : public TableWriter
{
public:
    explicit XlsxTableWriter(const QString &path);
    ~XlsxTableWriter() override;
    XlsxTableWriter(const XlsxTableWriter &) = delete;
    XlsxTableWriter &operator=(const XlsxTableWriter &) = delete;

    Status beginTable(const QString &name, const QList<ExportColumn> &columns) override;
    Status addRow(const ExportRow &row) override;
    Status finish() override;

    /** The number format of a currency's money cells. */
    static QString moneyFormat(const QString &currencyCode);

    /** Excel's limits: 31 characters, none of []:*?/\ , unique in the workbook. */
    static QString sheetName(const QString &wanted, const QStringList &taken);

private:
    Status libraryError(int error) const;
    lxw_format *moneyFormatFor(const QString &currency);
    void closeSheet();
    Status open();

    QString m_path;
    QString m_tempPath;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_header = nullptr;
    lxw_format *m_date = nullptr;
    lxw_format *m_dateTime = nullptr;
    lxw_format *m_integer = nullptr;
    QHash<QString, lxw_format *> m_moneyFormats;
    QList<ExportColumn> m_columns;
    QList<int> m_widths; ///< characters, per column of the current sheet
    QStringList m_sheetNames;
    quint32 m_row = 0;   ///< the next row of the current sheet
    int m_error = 0;     ///< the first libxlsxwriter error
};

} // namespace Tillbridge::Core
