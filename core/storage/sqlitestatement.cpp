// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqlitestatement.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QStringEncoder>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::SqliteStatement", text);
}

sqlite3 *handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || db.driver() == nullptr)
        return nullptr;
    // QSQLITE hands out its sqlite3* as a QVariant holding the pointer.
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

const char kEmpty = '\0';
} // namespace

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, SqlText sql)
    : m_db(db)
    , m_statement(statement)
    , m_sql(sql)
    , m_boundText(std::size_t(std::max(0, sqlite3_bind_parameter_count(statement))))
{
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

Result<std::unique_ptr<SqliteStatement>> SqliteStatement::prepare(const QSqlDatabase &db, SqlText sql)
{
    sqlite3 *handle = handleOf(db);
    if (handle == nullptr)
        return Error{ErrorCode::Database, tr("The cache is not an open SQLite database.")};
    sqlite3_stmt *statement = nullptr;
    const int code = sqlite3_prepare_v3(handle, sql.text(), sql.size() + 1, SQLITE_PREPARE_PERSISTENT, &statement,
                                        nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(statement);
        qCWarning(lcDb) << "prepare failed:" << sqlite3_errmsg(handle) << "in" << sql.text();
        return Error{ErrorCode::Database, tr("The cache could not prepare a statement: %1")
                                              .arg(QString::fromUtf8(sqlite3_errmsg(handle)))};
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(handle, statement, sql));
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, QStringView text)
{
    // Converted here (Qt's converter is vectorised; SQLite's, run when the UTF-8 database stores UTF-16 text, is a
    // byte loop), straight into the parameter's own buffer.
    QByteArray *buffer = bufferFor(index);
    if (buffer == nullptr) {
        bindUtf8(index, {}); // out of range: SQLite reports it
        return;
    }
    QStringEncoder encoder(QStringEncoder::Utf8);
    buffer->resize(encoder.requiredSpace(text.size()));
    const char *end = encoder.appendToBuffer(buffer->data(), text);
    buffer->truncate(end - buffer->constData());
    bindBuffer(index, *buffer, false);
}

void SqliteStatement::bind(int index, QLatin1StringView text)
{
    // Latin-1 is UTF-8 only for ASCII; the codes bound this way (states, kinds, hex digests) are ASCII.
    bind(index, QString(text));
}

void SqliteStatement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, const std::optional<int> &value)
{
    if (value)
        bind(index, qint64(*value));
    else
        bindNull(index);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView utf8)
{
    copyAndBind(index, utf8, false);
}

void SqliteStatement::bindBlob(int index, QByteArrayView bytes)
{
    copyAndBind(index, bytes, true);
}

QByteArray *SqliteStatement::bufferFor(int index)
{
    if (index < 1 || std::size_t(index) > m_boundText.size())
        return nullptr;
    return &m_boundText[std::size_t(index - 1)];
}

void SqliteStatement::copyAndBind(int index, QByteArrayView bytes, bool blob)
{
    QByteArray *buffer = bufferFor(index);
    if (buffer == nullptr) {
        // Out of range: there is no buffer, and SQLite keeps nothing but answers SQLITE_RANGE, as for any value.
        if (blob)
            sqlite3_bind_blob64(m_statement, index, &kEmpty, 0, SQLITE_STATIC);
        else
            sqlite3_bind_text64(m_statement, index, &kEmpty, 0, SQLITE_STATIC, SQLITE_UTF8);
        return;
    }
    buffer->resize(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(buffer->data(), bytes.data(), std::size_t(bytes.size()));
    bindBuffer(index, *buffer, blob);
}

void SqliteStatement::bindBuffer(int index, const QByteArray &buffer, bool blob)
{
    // SQLITE_STATIC: SQLite reads the parameter's own buffer, which keeps its bytes until this parameter is bound
    // again or the statement is finalised, and keeps its capacity from one row to the next. With SQLITE_TRANSIENT
    // every text value cost two allocations (Qt's conversion and SQLite's copy), about a hundred per order ingested.
    const char *bytes = buffer.isEmpty() ? &kEmpty : buffer.constData(); // empty, even null, is '' and never NULL
    if (blob)
        sqlite3_bind_blob64(m_statement, index, bytes, sqlite3_uint64(buffer.size()), SQLITE_STATIC);
    else
        sqlite3_bind_text64(m_statement, index, bytes, sqlite3_uint64(buffer.size()), SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

Result<bool> SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE) {
        // Done: release the read snapshot now, not when the statement is next used.
        sqlite3_reset(m_statement);
        return false;
    }
    Error failure = error(code);
    sqlite3_reset(m_statement);
    return failure;
}

Status SqliteStatement::execute()
{
    auto stepped = step();
    if (!stepped)
        return stepped.error();
    if (*stepped) {
        reset();
        return Error{ErrorCode::Database, tr("A statement that should change the cache returned rows.")};
    }
    return Status::success();
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    if (text == nullptr)
        return {};
    return QString::fromUtf16(text, sqlite3_column_bytes16(m_statement, column) / 2);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(m_db);
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

Error SqliteStatement::error(int code) const
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    qCWarning(lcDb) << "statement failed:" << message << "in" << m_sql.text();
    Q_UNUSED(code)
    return Error{ErrorCode::Database, message}; // as QSqlQuery reports it, so callers treat both paths alike
}

} // namespace Tillbridge::Core
