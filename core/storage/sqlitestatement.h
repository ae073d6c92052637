// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Tillbridge::Core {

/**
 * SQL text that is a compile-time constant. The constructor is consteval, so only a string literal (or another
 * constant expression) can become SqlText: no value can ever be pasted into the SQL of a SqliteStatement, which is
 * what the R10 gate (tests/security/check-sql.py) otherwise has to prove for every Qt query.
 */
class SqlText
{
public:
    template<std::size_t N>
    consteval SqlText(const char (&text)[N]) // NOLINT(google-explicit-constructor): literals convert implicitly
        : m_text(text)
        , m_size(int(N - 1))
    {
    }
    const char *text() const { return m_text; }
    int size() const { return m_size; }

private:
    const char *m_text;
    int m_size;
};

/**
 * One prepared SQLite statement on a Qt connection's own handle, with values bound directly, for the few statements
 * that run for every order of a page. Qt's QSqlQuery costs about as much as SQLite itself there: it wraps every value
 * in a QVariant, names every placeholder with QString::arg and copies each row into a cache. Everything else keeps
 * using QSqlQuery; both share the connection and its transaction.
 *
 * Binding is by 1-based index, as in SQLite. Text is always bound as text: an empty (even null) QString is '', never
 * NULL; bindNull() and the std::optional overload are the only ways to bind NULL. A bound value is copied at once
 * (into a buffer the statement keeps per parameter), so the caller's string may change or go before the step.
 *
 * Get one from DbTransaction::sqlite(): it is prepared once per transaction and reset before it is handed out again.
 */
class SqliteStatement
{
public:
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /** Prepares @p sql on @p db's SQLite handle; fails if @p db is not an open QSQLITE connection. */
    static Result<std::unique_ptr<SqliteStatement>> prepare(const QSqlDatabase &db, SqlText sql);

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, bool value) { bind(index, qint64(value ? 1 : 0)); }
    void bind(int index, QStringView text);
    void bind(int index, const QString &text) { bind(index, QStringView(text)); }
    void bind(int index, QLatin1StringView text);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const std::optional<int> &value);
    /** Text already in UTF-8 (JSON, hex digests), bound without a round trip through UTF-16. */
    void bindUtf8(int index, QByteArrayView utf8);
    void bindBlob(int index, QByteArrayView bytes);
    void bindNull(int index);

    /** Runs the statement to its next row: true with a row to read, false when done; an error keeps the reason. */
    Result<bool> step();
    /** step() for a statement that returns no rows. */
    Status execute();

    qint64 columnInt64(int column) const;
    QString columnText(int column) const;
    bool columnIsNull(int column) const;

    /** Rows changed by the last INSERT, UPDATE or DELETE on the connection. */
    qint64 changes() const;
    qint64 lastInsertRowId() const;

    /** Ends a read early and clears the bindings; the statement stays prepared. */
    void reset();

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, SqlText sql);
    Error error(int code) const;
    QByteArray *bufferFor(int index);
    void copyAndBind(int index, QByteArrayView bytes, bool blob);
    void bindBuffer(int index, const QByteArray &buffer, bool blob);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    SqlText m_sql;
    std::vector<QByteArray> m_boundText; ///< per parameter: the bytes SQLite reads when the statement runs
};

} // namespace Tillbridge::Core
