// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/pagerequest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <optional>

namespace Tillbridge::Core {

/** The signals and the count every paged table shares (a template cannot declare signals itself). */
class PagedTableModelBase : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    /** Matching rows in the cache: the model's row count, whether or not they have been read. */
    qint64 totalCount() const { return m_total; }

Q_SIGNALS:
    void loadFailed(const QString &message);
    /** After a reload: how many match. */
    void totalChanged(qint64 total);

protected:
    /** Emits loadFailed() once control is back in the event loop (reads happen inside const data()). */
    void reportLoadFailure(const QString &message) const;

    qint64 m_total = 0;
};

/**
 * A table of up to millions of rows that stay in SQL, in two modes chosen by the subclass:
 *
 *  - **Counted** (countRows() gives a number): the model knows how many rows match (one COUNT on reload) and holds a
 *    window of pages around what the view has shown. A page is read when the view first asks for one of its rows —
 *    next to a page already read it starts at that page's key (an indexed seek), far from any it skips rows from the
 *    nearer end — so the first rows, a jump to the last row and a drag of the scroll bar each cost one page read, and
 *    memory stays bounded by kMaxPages however far the user scrolls. If rows change after the count (the engine
 *    closed some), the rows past the end show empty until the next reload.
 *  - **Growing** (countRows() gives std::nullopt, for tables too big to count on the GUI thread): the first page,
 *    then one more page each time the view scrolls to the end (canFetchMore/fetchMore), each after the last row's key.
 *
 * A subclass says how to count, how to read one page, and a row's keyset position. Rows are in the key's order; a
 * growing model only ever gets Forward requests.
 */
template <typename Row, typename Key>
class PagedTableModel : public PagedTableModelBase
{
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 40; ///< 8,000 rows kept in memory at most

    using PagedTableModelBase::PagedTableModelBase;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(std::min<qint64>(m_total, INT_MAX));
    }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && (!m_started || (m_growing && !m_atEnd));
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent) || m_fetching)
            return;
        if (!m_started) {
            reload(); // nothing is read until a view first asks
            return;
        }
        // Views and QAbstractItemModelTester call fetchMore() from inside our own insert notifications.
        const QScopedValueRollback guard(m_fetching, true);
        const int index = int(m_total / kPageSize);
        PageRequest<Key> request;
        request.limit = kPageSize;
        if (const auto last = m_pages.constFind(index - 1); last != m_pages.cend() && !last->isEmpty())
            request.anchor = keyOf(last->constLast());
        auto rows = readRows(request);
        if (!rows) {
            m_atEnd = true;
            Q_EMIT loadFailed(rows.errorString());
            return;
        }
        m_atEnd = rows->size() < kPageSize;
        if (rows->isEmpty())
            return;
        beginInsertRows({}, int(m_total), int(m_total + rows->size() - 1));
        m_total += rows->size();
        m_pages.insert(index, std::move(rows).value());
        endInsertRows();
    }

    /** Re-counts and forgets every page read so far (after the engine or a person changed something). */
    void reload()
    {
        QString error;
        beginResetModel();
        {
            // Still guarded at endResetModel(): views fetch more from inside modelReset, which would insert rows
            // while the reset is being announced.
            const QScopedValueRollback guard(m_fetching, true);
            m_started = true;
            prepareReload();
            m_pages.clear();
            m_failedPages.clear();
            m_total = 0;
            m_atEnd = false;
            auto total = countRows();
            m_growing = total && !total->has_value();
            if (!total) {
                error = total.errorString();
            } else if (m_growing) {
                readFirstPage(&error);
            } else {
                m_total = **total;
                if (m_total > 0)
                    page(0, &error); // the first page is read at once: it is what every view shows first
            }
            endResetModel();
        }
        Q_EMIT totalChanged(m_total);
        if (!error.isEmpty())
            Q_EMIT loadFailed(error);
    }

    /** Row @p row, read with its page if it is not in the window; an empty row if it cannot be read. */
    const Row &rowAt(int row) const
    {
        static const Row kEmpty{};
        if (row < 0 || row >= rowCount())
            return kEmpty;
        const QList<Row> *rows = page(row / kPageSize, nullptr);
        const int offset = row % kPageSize;
        return rows && offset < rows->size() ? rows->at(offset) : kEmpty;
    }

    /** The first row, in row order, of those in the window that satisfy @p matches, or -1 (reads nothing). */
    template <typename Predicate>
    int findLoaded(Predicate matches) const
    {
        QList<int> pages = m_pages.keys(); // a QHash has no order; the first match must be the topmost row
        std::sort(pages.begin(), pages.end());
        for (const int page : std::as_const(pages)) {
            const QList<Row> &rows = *m_pages.constFind(page);
            for (int offset = 0; offset < rows.size(); ++offset) {
                if (matches(rows.at(offset)))
                    return page * kPageSize + offset;
            }
        }
        return -1;
    }

    /** Pages held in memory now (for tests and the benchmark's memory figure). */
    int loadedPageCount() const { return int(m_pages.size()); }

    /**
     * For a reader that passes over a growing model's rows once (an export): forgets the pages wholly before @p row,
     * except the last page read, after whose last key the next one is read, so that memory stays at a page or two
     * however many rows go by. A view must not call it (its rows before @p row would show empty). A counted model
     * bounds its window itself; there it does nothing.
     */
    void forgetPagesBefore(int row)
    {
        if (!m_growing || m_total == 0)
            return;
        const int lastPage = int((m_total - 1) / kPageSize);
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (it.key() != lastPage && qint64(it.key() + 1) * kPageSize <= row)
                it = m_pages.erase(it);
            else
                ++it;
        }
    }

protected:
    /** Called inside the reset, before counting: refresh what the rows are shown with (names, "now"). */
    virtual void prepareReload() {}
    /** How many rows match, or std::nullopt for a growing model that never counts. */
    virtual Result<std::optional<qint64>> countRows() const = 0;
    /** Up to request.limit rows in reading order (Backward: reverse key order). */
    virtual Result<QList<Row>> readRows(const PageRequest<Key> &request) const = 0;
    virtual Key keyOf(const Row &row) const = 0;

private:
    void readFirstPage(QString *error)
    {
        PageRequest<Key> request;
        request.limit = kPageSize;
        auto rows = readRows(request);
        if (!rows) {
            m_atEnd = true;
            *error = rows.errorString();
            return;
        }
        m_atEnd = rows->size() < kPageSize;
        m_total = rows->size();
        m_pages.insert(0, std::move(rows).value());
    }

    const QList<Row> *page(int index, QString *error) const
    {
        if (auto it = m_pages.constFind(index); it != m_pages.cend())
            return &*it;
        if (m_growing || m_failedPages.contains(index))
            return nullptr; // said once; not read again on every paint until the next reload
        const qint64 first = qint64(index) * kPageSize;
        const qint64 end = std::min<qint64>(m_total, first + kPageSize);
        if (first >= end)
            return nullptr;
        PageRequest<Key> request;
        request.limit = int(end - first);
        const auto before = m_pages.constFind(index - 1);
        const auto after = m_pages.constFind(index + 1);
        if (before != m_pages.cend() && before->size() == kPageSize) {
            request.anchor = keyOf(before->constLast());
        } else if (after != m_pages.cend() && !after->isEmpty()) {
            request.anchor = keyOf(after->constFirst());
            request.direction = PageDirection::Backward;
        } else if (first <= m_total - end) {
            request.skip = first;
        } else {
            request.direction = PageDirection::Backward;
            request.skip = m_total - end;
        }
        auto rows = readRows(request);
        if (!rows) {
            m_failedPages.insert(index);
            if (error)
                *error = rows.errorString();
            else
                reportLoadFailure(rows.errorString());
            return nullptr;
        }
        QList<Row> read = std::move(rows).value();
        if (request.direction == PageDirection::Backward)
            std::reverse(read.begin(), read.end());
        evictFarFrom(index);
        return &*m_pages.insert(index, std::move(read));
    }

    /** Keeps the window bounded: forgets the pages farthest from the one being read. */
    void evictFarFrom(int index) const
    {
        while (m_pages.size() >= kMaxPages) {
            auto farthest = m_pages.begin();
            for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
                if (std::abs(it.key() - index) > std::abs(farthest.key() - index))
                    farthest = it;
            }
            m_pages.erase(farthest);
        }
    }

    mutable QHash<int, QList<Row>> m_pages;
    mutable QSet<int> m_failedPages;
    bool m_started = false; ///< reload() has run: until then the model is empty and fetchMore() starts it
    bool m_growing = false;
    bool m_atEnd = true;
    bool m_fetching = false;
};

} // namespace Tillbridge::Core
