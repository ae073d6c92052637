// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/exporttable.h"

#include "core/money/currency.h"
#include "core/money/money.h"

namespace Tillbridge::Core {

ExportCell ExportCell::text(const QString &text)
{
    ExportCell cell;
    cell.m_empty = false;
    cell.m_type = ExportCellType::Text;
    cell.m_text = text;
    return cell;
}

ExportCell ExportCell::integer(qint64 value)
{
    ExportCell cell;
    cell.m_empty = false;
    cell.m_type = ExportCellType::Integer;
    cell.m_integer = value;
    return cell;
}

ExportCell ExportCell::money(qint64 minorUnits, const QString &currencyCode)
{
    ExportCell cell;
    cell.m_empty = false;
    cell.m_type = ExportCellType::Money;
    cell.m_integer = minorUnits;
    cell.m_text = currencyCode;
    return cell;
}

ExportCell ExportCell::date(QDate date)
{
    ExportCell cell;
    cell.m_type = ExportCellType::Date;
    cell.m_empty = !date.isValid();
    cell.m_dateTime = QDateTime(date, QTime(0, 0));
    return cell;
}

ExportCell ExportCell::dateTime(const QDateTime &dateTime)
{
    ExportCell cell;
    cell.m_type = ExportCellType::DateTime;
    cell.m_empty = !dateTime.isValid();
    cell.m_dateTime = dateTime;
    return cell;
}

QString ExportCell::plainText() const
{
    if (m_empty)
        return {};
    switch (m_type) {
    case ExportCellType::Text:
        return m_text;
    case ExportCellType::Integer:
        return QString::number(m_integer);
    case ExportCellType::Money: {
        // Exact decimal text in the currency's units; an unknown currency keeps its minor units rather than guess.
        const auto currency = Currency::fromCode(m_text);
        return currency ? Money(m_integer, *currency).toWireString() : QString::number(m_integer);
    }
    case ExportCellType::Date:
        return m_dateTime.date().toString(Qt::ISODate);
    case ExportCellType::DateTime:
        // With the UTC offset, so that the instant is unambiguous wherever the file is opened.
    {
        const QDateTime local = m_dateTime.toLocalTime();
        return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
    }
    }
    return {};
}

Status TableWriter::writeTable(const ExportTable &table)
{
    if (auto begun = beginTable(table.name, table.columns); !begun)
        return begun;
    for (const ExportRow &row : table.rows) {
        if (auto added = addRow(row); !added)
            return added;
    }
    return Status::success();
}

QString exportFormatSuffix(ExportFormat format)
{
    return format == ExportFormat::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

} // namespace Tillbridge::Core
