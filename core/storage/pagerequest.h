// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

namespace Tillbridge::Core {

/** The order in which a page is read from a keyset-ordered table. */
enum class PageDirection {
    Forward,  ///< in the table's order
    Backward, ///< in reverse order: from the anchor back towards the start, or from the end
};

/**
 * Where one page of a big, keyset-ordered table starts. A page next to one already read starts at its neighbour's
 * key (an indexed seek, however deep in the table); a page far from any read page is reached by skipping rows from
 * the nearer end. Rows come back in reading order: a Backward page is in reverse table order.
 */
template <typename Key>
struct PageRequest
{
    std::optional<Key> anchor; ///< rows strictly after it (Forward) or strictly before it (Backward)
    PageDirection direction = PageDirection::Forward;
    qint64 skip = 0; ///< rows skipped first in the reading direction; used only without an anchor
    int limit = 200;
};

} // namespace Tillbridge::Core
