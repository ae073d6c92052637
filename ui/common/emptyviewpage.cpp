// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/emptyviewpage.h"

#include "ui/common/emptystate.h"
#include "ui/common/pageheader.h"

#include <QVBoxLayout>

namespace Tillbridge::Ui {

EmptyViewPage::EmptyViewPage(const QString &title, const QString &subtitle, const QString &emptyTitle,
                                 const QString &emptyMessage, QWidget *parent)
    : QWidget(parent)
{
    auto *empty = new EmptyState(this);
    empty->setTitle(emptyTitle);
    empty->setMessage(emptyMessage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(title, subtitle, this));
    layout->addWidget(empty, 1);
}

} // namespace Tillbridge::Ui
