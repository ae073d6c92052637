// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Tillbridge::Core {

/** What went wrong, in a form callers can branch on. The message is for people. */
enum class ErrorCode {
    None,
    InvalidInput,     ///< text or data that cannot be understood
    Overflow,         ///< an amount outside what 64-bit minor units can hold
    CurrencyMismatch, ///< arithmetic across two currencies
    Database,         ///< the SQL layer refused or failed
    Schema,           ///< the cache's schema or PRAGMAs are not what we require
    NotFound,
    Io,
    Keychain,
    Network,          ///< the server could not be reached, did not answer in time, or failed TLS verification
    Remote,           ///< the server answered with an error
    Tampered,         ///< the audit chain does not verify
    PermissionDenied, ///< a rule (such as maker-checker) forbids the action
};

struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message; ///< translated, written for a finance user
};

/**
 * A value or an error (std::expected is C++23; Debian 12 has C++20). Mark results [[nodiscard]] so that a caller
 * cannot silently drop a failure.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }

    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/** For operations that return nothing but can fail. */
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {
    }
    static Status success() { return {}; }

    bool ok() const { return m_error.code == ErrorCode::None; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    Error m_error;
};

} // namespace Tillbridge::Core
