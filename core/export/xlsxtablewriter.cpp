// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/xlsxtablewriter.h"

#include "core/money/currency.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::XlsxTableWriter", text);
}

constexpr int kMinWidth = 8;
constexpr int kMaxWidth = 60;
constexpr int kMaxCellText = 32767; // Excel's limit per cell

int exponentOf(const QString &currencyCode)
{
    const auto currency = Currency::fromCode(currencyCode);
    return currency ? currency->exponent() : 0;
}

lxw_datetime toLxw(const QDateTime &dateTime)
{
    const QDate date = dateTime.date();
    const QTime time = dateTime.time();
    return lxw_datetime{date.year(), date.month(), date.day(), time.hour(), time.minute(),
                        time.second() + time.msec() / 1000.0};
}
} // namespace

XlsxTableWriter::XlsxTableWriter(const QString &path)
    : m_path(path)
{
    const QFileInfo info(path);
    m_tempPath = info.dir().filePath(QStringLiteral(".%1.part").arg(info.fileName()));
}

XlsxTableWriter::~XlsxTableWriter()
{
    if (m_workbook) {
        // Abandoned (an error or a cancel): libxlsxwriter frees the workbook only by closing it; drop the result.
        workbook_close(m_workbook);
        QFile::remove(m_tempPath);
    }
}

QString XlsxTableWriter::moneyFormat(const QString &currencyCode)
{
    const int exponent = exponentOf(currencyCode);
    const QString decimals = exponent > 0 ? u'.' + QString(exponent, u'0') : QString();
    return QStringLiteral("#,##0%1 \"%2\"").arg(decimals, currencyCode);
}

QString XlsxTableWriter::sheetName(const QString &wanted, const QStringList &taken)
{
    QString name = wanted;
    for (const QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(c, u'-');
    name = name.trimmed().left(31);
    if (name.isEmpty())
        name = QStringLiteral("Sheet");
    QString unique = name;
    for (int n = 2; taken.contains(unique, Qt::CaseInsensitive); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        unique = name.left(31 - int(suffix.size())) + suffix;
    }
    return unique;
}

Status XlsxTableWriter::libraryError(int error) const
{
    return Error{ErrorCode::Io, tr("%1 could not be written: %2")
                                    .arg(QDir::toNativeSeparators(m_path),
                                         QString::fromUtf8(lxw_strerror(lxw_error(error))))};
}

Status XlsxTableWriter::open()
{
    QFile::remove(m_tempPath);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows stream to a temporary file: memory does not grow with the export
    const QByteArray tempDir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    options.tmpdir = const_cast<char *>(tempDir.constData());
    m_workbook = workbook_new_opt(QFile::encodeName(m_tempPath).constData(), &options);
    if (!m_workbook)
        return Error{ErrorCode::Io, tr("%1 could not be created.").arg(QDir::toNativeSeparators(m_path))};
    m_header = workbook_add_format(m_workbook);
    format_set_bold(m_header);
    format_set_bottom(m_header, LXW_BORDER_THIN);
    m_date = workbook_add_format(m_workbook);
    format_set_num_format(m_date, "yyyy-mm-dd");
    m_dateTime = workbook_add_format(m_workbook);
    format_set_num_format(m_dateTime, "yyyy-mm-dd hh:mm:ss");
    m_integer = workbook_add_format(m_workbook);
    format_set_num_format(m_integer, "0");
    return Status::success();
}

lxw_format *XlsxTableWriter::moneyFormatFor(const QString &currency)
{
    if (lxw_format *format = m_moneyFormats.value(currency))
        return format;
    lxw_format *format = workbook_add_format(m_workbook);
    format_set_num_format(format, moneyFormat(currency).toUtf8().constData());
    m_moneyFormats.insert(currency, format);
    return format;
}

void XlsxTableWriter::closeSheet()
{
    if (!m_sheet)
        return;
    // Widths are known only once every row has been seen; libxlsxwriter writes the column records at close.
    for (int column = 0; column < m_widths.size(); ++column) {
        const int width = std::clamp(m_widths.at(column) + 2, kMinWidth, kMaxWidth);
        worksheet_set_column(m_sheet, lxw_col_t(column), lxw_col_t(column), width, nullptr);
    }
    if (!m_columns.isEmpty())
        worksheet_autofilter(m_sheet, 0, 0, m_row > 0 ? m_row - 1 : 0, lxw_col_t(m_columns.size() - 1));
    m_sheet = nullptr;
}

Status XlsxTableWriter::beginTable(const QString &name, const QList<ExportColumn> &columns)
{
    if (!m_workbook) {
        if (auto opened = open(); !opened)
            return opened;
    }
    closeSheet();
    const QString sheet = sheetName(name, m_sheetNames);
    m_sheetNames.append(sheet);
    m_sheet = workbook_add_worksheet(m_workbook, sheet.toUtf8().constData());
    if (!m_sheet)
        return Error{ErrorCode::Io, tr("The sheet %1 could not be added.").arg(sheet)};
    m_columns = columns;
    m_widths.clear();
    m_row = 0;
    worksheet_freeze_panes(m_sheet, 1, 0);
    for (int column = 0; column < columns.size(); ++column) {
        m_widths.append(int(columns.at(column).title.size()));
        const lxw_error error = worksheet_write_string(m_sheet, 0, lxw_col_t(column),
                                                       columns.at(column).title.toUtf8().constData(), m_header);
        if (error != LXW_NO_ERROR)
            return libraryError(error);
    }
    m_row = 1;
    return Status::success();
}

Status XlsxTableWriter::addRow(const ExportRow &row)
{
    if (!m_sheet)
        return Error{ErrorCode::InvalidInput, tr("A row was written before the table's columns.")};
    for (int column = 0; column < m_columns.size() && column < row.size(); ++column) {
        const ExportCell &cell = row.at(column);
        if (cell.isEmpty())
            continue;
        const auto col = lxw_col_t(column);
        lxw_error error = LXW_NO_ERROR;
        int width = 0;
        switch (cell.type()) {
        case ExportCellType::Text: {
            const QString text = cell.textValue().left(kMaxCellText);
            error = worksheet_write_string(m_sheet, m_row, col, text.toUtf8().constData(), nullptr);
            width = int(text.section(u'\n', 0, 0).size());
            break;
        }
        case ExportCellType::Integer:
            error = worksheet_write_number(m_sheet, m_row, col, double(cell.integerValue()), m_integer);
            width = int(QString::number(cell.integerValue()).size());
            break;
        case ExportCellType::Money: {
            // The only conversion of money to double in Tillbridge: XLSX numbers are doubles (see the class note).
            const int exponent = exponentOf(cell.currency());
            const double amount = double(cell.integerValue()) / std::pow(10.0, exponent);
            error = worksheet_write_number(m_sheet, m_row, col, amount, moneyFormatFor(cell.currency()));
            // Digits, grouping separators, the currency code and its quotes' space.
            const int digits = int(cell.plainText().size());
            width = digits + digits / 3 + int(cell.currency().size()) + 1;
            break;
        }
        case ExportCellType::Date: {
            lxw_datetime date = toLxw(cell.dateTimeValue());
            date.hour = date.min = 0;
            date.sec = 0;
            error = worksheet_write_datetime(m_sheet, m_row, col, &date, m_date);
            width = 10;
            break;
        }
        case ExportCellType::DateTime: {
            lxw_datetime dateTime = toLxw(cell.dateTimeValue().toLocalTime());
            error = worksheet_write_datetime(m_sheet, m_row, col, &dateTime, m_dateTime);
            width = 19;
            break;
        }
        }
        if (error != LXW_NO_ERROR)
            return libraryError(error);
        m_widths[column] = std::max(m_widths.at(column), width);
    }
    ++m_row;
    return Status::success();
}

Status XlsxTableWriter::finish()
{
    if (!m_workbook)
        return Error{ErrorCode::InvalidInput, tr("Nothing was exported.")};
    closeSheet();
    const lxw_error error = workbook_close(std::exchange(m_workbook, nullptr));
    if (error != LXW_NO_ERROR) {
        QFile::remove(m_tempPath);
        return libraryError(error);
    }
    QFile::remove(m_path);
    if (!QFile::rename(m_tempPath, m_path)) {
        QFile::remove(m_tempPath);
        return Error{ErrorCode::Io, tr("%1 could not be written.").arg(QDir::toNativeSeparators(m_path))};
    }
    return Status::success();
}

} // namespace Tillbridge::Core
