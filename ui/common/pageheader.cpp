// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/pageheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

PageHeader::PageHeader(const QString &title, const QString &subtitle, QWidget *parent)
    : QWidget(parent)
    , m_actions(new QHBoxLayout)
{
    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    titleLabel->setAccessibleName(title);

    auto *subtitleLabel = new QLabel(subtitle, this);
    subtitleLabel->setForegroundRole(QPalette::PlaceholderText);
    subtitleLabel->setWordWrap(true);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(titleLabel);
    text->addWidget(subtitleLabel);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->addLayout(text, 1);
    layout->addLayout(m_actions);
    m_actions->setSpacing(8);
}

void PageHeader::addAction(QWidget *widget)
{
    m_actions->addWidget(widget, 0, Qt::AlignBottom);
}

} // namespace Tillbridge::Ui
