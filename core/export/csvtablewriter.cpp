// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/csvtablewriter.h"

#include <QCoreApplication>
#include <QDir>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::CsvTableWriter", text);
}

bool needsQuotes(const QString &field)
{
    if (field.isEmpty())
        return false;
    if (field.front().isSpace() || field.back().isSpace())
        return true;
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r' || c == u';')
            return true;
    }
    return false;
}
} // namespace

CsvTableWriter::CsvTableWriter(const QString &path, Options options)
    : m_file(std::make_unique<QSaveFile>(path))
    , m_options(options)
{
}

CsvTableWriter::~CsvTableWriter()
{
    // Without finish() the QSaveFile discards what was written: no half file is left behind.
    if (m_file && m_file->isOpen())
        m_file->cancelWriting();
}

QString CsvTableWriter::record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        if (needsQuotes(field)) {
            QString escaped = field;
            escaped.replace(u'"', QStringLiteral("\"\""));
            quoted.append(u'"' + escaped + u'"');
        } else {
            quoted.append(field);
        }
    }
    return quoted.join(u',');
}

Status CsvTableWriter::ioError() const
{
    return Error{ErrorCode::Io, tr("%1 could not be written: %2")
                                    .arg(QDir::toNativeSeparators(m_file->fileName()), m_file->errorString())};
}

Status CsvTableWriter::writeLine(const QStringList &fields)
{
    const QByteArray line = (record(fields) + QStringLiteral("\r\n")).toUtf8();
    if (m_file->write(line) != line.size())
        return ioError();
    return Status::success();
}

Status CsvTableWriter::beginTable(const QString &, const QList<ExportColumn> &columns)
{
    if (m_columns >= 0)
        return Error{ErrorCode::InvalidInput, tr("A CSV file holds one table.")};
    if (!m_file->open(QIODevice::WriteOnly))
        return ioError();
    if (m_options.byteOrderMark && m_file->write("\xEF\xBB\xBF", 3) != 3)
        return ioError();
    m_columns = int(columns.size());
    QStringList titles;
    for (const ExportColumn &column : columns)
        titles.append(column.title);
    return writeLine(titles);
}

Status CsvTableWriter::addRow(const ExportRow &row)
{
    if (m_columns < 0)
        return Error{ErrorCode::InvalidInput, tr("A row was written before the table's columns.")};
    QStringList fields;
    fields.reserve(m_columns);
    for (int column = 0; column < m_columns; ++column)
        fields.append(column < row.size() ? row.at(column).plainText() : QString());
    return writeLine(fields);
}

Status CsvTableWriter::finish()
{
    if (m_columns < 0)
        return Error{ErrorCode::InvalidInput, tr("Nothing was exported.")};
    if (!m_file->commit())
        return ioError();
    return Status::success();
}

} // namespace Tillbridge::Core
