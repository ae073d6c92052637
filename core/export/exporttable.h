// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Tillbridge::Core {

/** What a column holds, so that each writer can store it natively (a number, a date) rather than as text. */
enum class ExportCellType { Text, Integer, Money, Date, DateTime };

/** One column of an exported table: its heading for people and its type. */
struct ExportColumn
{
    QString title;
    ExportCellType type = ExportCellType::Text;
};

/**
 * One typed cell. Money stays integer minor units with its ISO currency code until a writer renders it: the CSV
 * writer as exact decimal text, the XLSX writer as a number (see XlsxTableWriter for why a double there). An empty
 * cell is a missing value (a Z-report that did not cover the day), not zero.
 */
class ExportCell
{
public:
    ExportCell() = default; ///< empty
    static ExportCell text(const QString &text);
    static ExportCell integer(qint64 value);
    static ExportCell money(qint64 minorUnits, const QString &currencyCode);
    static ExportCell date(QDate date);
    static ExportCell dateTime(const QDateTime &dateTime);

    bool isEmpty() const { return m_empty; }
    ExportCellType type() const { return m_type; }
    const QString &textValue() const { return m_text; }   ///< Text: the text; Money: the currency code
    qint64 integerValue() const { return m_integer; }     ///< Integer, or Money's minor units
    const QString &currency() const { return m_text; }
    QDate dateValue() const { return m_dateTime.date(); }
    const QDateTime &dateTimeValue() const { return m_dateTime; }

    /** The exact text of the cell as CSV writes it: "1204.50", "2026-10-14", "2026-10-14T10:00:00+01:00". */
    QString plainText() const;

private:
    bool m_empty = true;
    ExportCellType m_type = ExportCellType::Text;
    QString m_text;
    qint64 m_integer = 0;
    QDateTime m_dateTime;
};

using ExportRow = QList<ExportCell>;

/** A small table held in memory (the close pack's sheets); large tables stream through an ExportSource instead. */
struct ExportTable
{
    QString name; ///< the sheet name, or the CSV file's base name
    QList<ExportColumn> columns;
    QList<ExportRow> rows;
};

/**
 * Receives tables row by row. A writer produces nothing visible until finish() succeeds: an export that fails or is
 * cancelled half-way leaves no half-written file behind (the writer is simply destroyed).
 */
class TableWriter
{
public:
    virtual ~TableWriter() = default;
    /** Starts a table (a sheet; a CSV writer takes exactly one). */
    virtual Status beginTable(const QString &name, const QList<ExportColumn> &columns) = 0;
    /** One row of the current table: as many cells as columns, of the column's type or empty. */
    virtual Status addRow(const ExportRow &row) = 0;
    /** Writes the file into place. */
    virtual Status finish() = 0;

    /** beginTable() and every row of @p table. */
    Status writeTable(const ExportTable &table);
};

/** The export file formats. */
enum class ExportFormat { Csv, Xlsx };
QString exportFormatSuffix(ExportFormat format); ///< "csv", "xlsx"

} // namespace Tillbridge::Core
