// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/syncheatmap.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Tillbridge::Ui {

namespace {
constexpr int kCell = 22;
constexpr int kGap = 3;
constexpr int kHeader = 38; // a row of month names over a row of day numbers
} // namespace

SyncHeatmap::SyncHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Sync success by store and day"));
    setMouseTracking(true);
}

void SyncHeatmap::setReport(const Core::StoreHealthReport &report)
{
    m_stores.clear();
    m_storeIds.clear();
    for (const Core::StoreHealth &health : report.stores) {
        m_stores.append(health.store.name);
        m_storeIds.append(health.store.id);
    }
    m_days = report.days;
    m_success.clear();
    for (const Core::StoreDaySuccess &success : report.daySuccess)
        m_success.insert({success.storeId, success.day}, success);
    updateGeometry();
    update();
}

int SyncHeatmap::labelWidth() const
{
    int width = 0;
    for (const QString &name : m_stores)
        width = std::max(width, fontMetrics().horizontalAdvance(name));
    return width + 12;
}

QSize SyncHeatmap::sizeHint() const
{
    return QSize(labelWidth() + int(m_days.size()) * (kCell + kGap), kHeader + int(m_stores.size()) * (kCell + kGap));
}

void SyncHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QLocale locale;
    const int left = labelWidth();
    m_cells.clear();
    painter.setPen(palette().color(QPalette::PlaceholderText));
    for (int d = 0; d < m_days.size(); ++d) {
        // The day of the month over each column; the month's name over its first column (and the first one shown).
        const QDate day = m_days.at(d);
        const int x = left + d * (kCell + kGap);
        painter.drawText(QRect(x - 4, 18, kCell + 8, kHeader - 22), Qt::AlignHCenter | Qt::AlignBottom,
                         QString::number(day.day()));
        if (d == 0 || day.day() == 1)
            painter.drawText(QRect(x, 0, 120, 16), Qt::AlignLeft | Qt::AlignBottom,
                             locale.toString(day, QStringLiteral("MMMM yyyy")));
    }
    for (int s = 0; s < m_stores.size(); ++s) {
        const int top = kHeader + s * (kCell + kGap);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(0, top, left - 8, kCell), Qt::AlignRight | Qt::AlignVCenter, m_stores.at(s));
        for (int d = 0; d < m_days.size(); ++d) {
            const QRect cell(left + d * (kCell + kGap), top, kCell, kCell);
            const auto it = m_success.constFind({m_storeIds.at(s), m_days.at(d)});
            QColor colour = palette().color(QPalette::AlternateBase);
            QString tip = tr("%1, %2: no sales").arg(m_stores.at(s), locale.toString(m_days.at(d), QLocale::LongFormat));
            if (it != m_success.constEnd() && it->orders > 0) {
                const qint64 percent = it->posted * 100 / it->orders;
                colour = percent == 100 ? QColor(0x43, 0xa0, 0x47) : percent >= 95 ? QColor(0xf2, 0xb1, 0x34)
                                                                                    : QColor(0xd3, 0x3b, 0x3b);
                tip = tr("%1, %2: %3 of %4 orders in Prima")
                          .arg(m_stores.at(s), locale.toString(m_days.at(d), QLocale::LongFormat))
                          .arg(it->posted)
                          .arg(it->orders);
            }
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRoundedRect(cell, 3, 3);
            m_cells.append({cell, tip});
        }
    }
}

bool SyncHeatmap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const Cell &cell : std::as_const(m_cells)) {
            if (cell.rect.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), cell.tip, this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Tillbridge::Ui
