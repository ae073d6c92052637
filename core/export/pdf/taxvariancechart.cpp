// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/pdf/taxvariancechart.h"

#include "core/money/currency.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Tillbridge::Reports {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Reports::TaxVarianceChart", text);
}

const QColor kRateColour(0x2f, 0x6f, 0xb0);  // Sitoo − rate
const QColor kPrimaColour(0xe0, 0x8a, 0x1e); // Sitoo − Prima
const QColor kGrid(0xdd, 0xdd, 0xdd);
const QColor kInk(0x33, 0x33, 0x33);

/** A "nice" step (1, 2 or 5 × 10^n minor units) that splits @p range into about five intervals. */
qint64 niceStep(qint64 range)
{
    if (range <= 0)
        return 1;
    qint64 step = 1;
    while (step * 10 <= range / 5)
        step *= 10;
    for (const qint64 factor : {1, 2, 5, 10}) {
        if (step * factor * 5 >= range)
            return step * factor;
    }
    return step * 10;
}
} // namespace

TaxVarianceChart::TaxVarianceChart(QList<Core::TaxVarianceCell> cells, QString currency)
    : m_cells(std::move(cells))
    , m_currency(std::move(currency))
{
}

void TaxVarianceChart::paint(QPainter &painter, const QRectF &area) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QLocale locale;
    const auto currency = Core::Currency::fromCode(m_currency);
    const auto money = [&](qint64 minor) {
        return currency ? Core::Money(minor, *currency).toDisplayString(locale, Core::Money::CurrencyDisplay::None)
                        : locale.toString(minor);
    };
    QFont font = painter.font();
    font.setPointSizeF(8);
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const qreal line = metrics.height();

    // Legend on top.
    qreal x = area.left();
    const qreal legendY = area.top();
    for (const auto &[colour, label] :
         {std::pair{kRateColour, tr("Sitoo VAT − VAT from the rate")}, std::pair{kPrimaColour, tr("Sitoo VAT − Prima VAT")}}) {
        painter.fillRect(QRectF(x, legendY + line * 0.2, line * 0.8, line * 0.8), colour);
        painter.setPen(kInk);
        painter.drawText(QPointF(x + line * 1.1, legendY + metrics.ascent()), label);
        x += line * 1.6 + metrics.horizontalAdvance(label);
    }

    if (m_cells.isEmpty()) {
        painter.drawText(area.adjusted(0, line * 2, 0, 0), Qt::AlignCenter, tr("No VAT figures for this period."));
        painter.restore();
        return;
    }

    qint64 low = 0;
    qint64 high = 0;
    for (const Core::TaxVarianceCell &cell : m_cells) {
        const qint64 primaDifference = cell.primaDays > 0 ? cell.sitooVatMinor - cell.primaVatMinor : 0;
        low = std::min({low, cell.varianceMinor(), primaDifference});
        high = std::max({high, cell.varianceMinor(), primaDifference});
    }
    const qint64 step = niceStep(std::max<qint64>(high - low, 1));
    low = qint64(std::floor(double(low) / double(step))) * step;   // axis ends on whole steps
    high = qint64(std::ceil(double(high) / double(step))) * step;
    if (high == low)
        high = low + step;

    // Plot area: value labels on the left, category labels below.
    qreal labelWidth = 0;
    for (qint64 value = low; value <= high; value += step)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(money(value)));
    const QRectF plot(area.left() + labelWidth + line, area.top() + line * 2.5,
                      area.width() - labelWidth - line * 1.5, area.height() - line * 7);
    const auto yOf = [&](qint64 minor) {
        return plot.bottom() - plot.height() * double(minor - low) / double(high - low);
    };

    painter.setPen(QPen(kGrid, 0));
    for (qint64 value = low; value <= high; value += step) {
        const qreal y = yOf(value);
        painter.setPen(QPen(value == 0 ? kInk : kGrid, value == 0 ? line * 0.08 : 0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(kInk);
        painter.drawText(QRectF(area.left(), y - line / 2, labelWidth, line), Qt::AlignRight | Qt::AlignVCenter,
                         money(value));
    }
    painter.save();
    painter.translate(area.left() + labelWidth * 0 - line * 0.2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -line, plot.height(), line), Qt::AlignCenter, m_currency);
    painter.restore();

    const qreal group = plot.width() / qreal(m_cells.size());
    const qreal bar = std::min(group * 0.35, line * 3);
    for (int index = 0; index < m_cells.size(); ++index) {
        const Core::TaxVarianceCell &cell = m_cells.at(index);
        const qreal centre = plot.left() + group * (index + 0.5);
        const auto drawBar = [&](qreal left, qint64 minor, const QColor &colour) {
            const qreal top = std::min(yOf(minor), yOf(0));
            const qreal height = std::abs(yOf(minor) - yOf(0));
            painter.fillRect(QRectF(left, top, bar, std::max(height, line * 0.05)), colour);
        };
        drawBar(centre - bar, cell.varianceMinor(), kRateColour);
        if (cell.primaDays > 0)
            drawBar(centre, cell.sitooVatMinor - cell.primaVatMinor, kPrimaColour);
        painter.setPen(kInk);
        const QString rate = Core::VatRate::fromUnits(cell.vatRateUnits).toDisplayString(locale);
        const QRectF labelBox(centre - group / 2, plot.bottom() + line * 0.3, group, line * 3.6);
        painter.drawText(labelBox, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         metrics.elidedText(cell.storeName, Qt::ElideRight, group * 2) + u'\n' + rate);
    }
    painter.restore();
}

} // namespace Tillbridge::Reports
