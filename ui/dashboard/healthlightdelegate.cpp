// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/healthlightdelegate.h"

#include "core/models/storehealth.h"

#include <QApplication>
#include <QPainter>

namespace Tillbridge::Ui {

namespace {
QColor healthColour(Core::HealthLight light)
{
    switch (light) {
    case Core::HealthLight::Green:
        return QColor(0x2e, 0x7d, 0x32);
    case Core::HealthLight::Amber:
        return QColor(0xe0, 0x9b, 0x10);
    case Core::HealthLight::Red:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

} // namespace

void HealthLightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem text = option;
    initStyleOption(&text, index);
    const int diameter = option.fontMetrics.height() * 2 / 3;
    const QRect dot(option.rect.left() + 8, option.rect.center().y() - diameter / 2, diameter, diameter);
    text.rect.setLeft(dot.right() + 8);
    // Background and selection first, then the dot and the word.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(healthColour(Core::HealthLight(index.data(Core::StoreHealthModel::LightRole).toInt())));
    painter->drawEllipse(dot);
    painter->restore();
    text.backgroundBrush = Qt::NoBrush;
    text.state &= ~QStyle::State_HasFocus;
    QApplication::style()->drawItemText(painter, text.rect, Qt::AlignLeft | Qt::AlignVCenter, option.palette,
                                        true, text.text,
                                        option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                              : QPalette::Text);
}

QSize HealthLightDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.height() + 16;
    return size;
}

} // namespace Tillbridge::Ui
