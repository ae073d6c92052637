// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMaximumWidth(620);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    // Keep the message to a readable measure, centred; a word-wrapped label needs a layout (not an alignment flag)
    // to get its height for the width it is given.
    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch(1);
    messageRow->addWidget(m_message, 4);
    messageRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addLayout(messageRow);
    layout->addStretch(2);
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setAccessibleName(title);
}

void EmptyState::setMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace Tillbridge::Ui
