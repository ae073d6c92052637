// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Tillbridge::Ui {

class EmptyState;

/**
 * A view whose data the cache does not hold yet (no orders pulled, no catalogue compared). It says plainly what
 * the view will show and what fills it, instead of showing made-up numbers.
 */
class EmptyViewPage : public QWidget
{
    Q_OBJECT

public:
    EmptyViewPage(const QString &title, const QString &subtitle, const QString &emptyTitle,
                    const QString &emptyMessage, QWidget *parent = nullptr);
};

} // namespace Tillbridge::Ui
