// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/summarytile.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

SummaryTile::SummaryTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_caption(new QLabel(caption, this))
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    setAccessibleName(caption);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    setMinimumWidth(150);
}

void SummaryTile::setValue(qint64 value)
{
    m_value->setText(QLocale().toString(value));
    setAccessibleDescription(m_value->text());
}

void SummaryTile::clearValue()
{
    m_value->setText(QStringLiteral("–"));
}

void SummaryTile::setToolTipText(const QString &text)
{
    setToolTip(text);
}

QString SummaryTile::valueText() const
{
    return m_value->text();
}

} // namespace Tillbridge::Ui
