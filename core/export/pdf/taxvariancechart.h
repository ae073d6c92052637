// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconciliation/taxvariancereport.h"

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace Tillbridge::Reports {

/**
 * The close pack's VAT variance chart, painted with QPainter (vector in the PDF): per store and VAT rate, two bars —
 * what the tills charged beyond the rate (Sitoo VAT − VAT from the rate) and Sitoo VAT − Prima VAT — around a zero
 * line, with a value axis in the currency's units. Bar heights come from minor units; only the pixel position is
 * fractional.
 */
class TaxVarianceChart
{
public:
    TaxVarianceChart(QList<Core::TaxVarianceCell> cells, QString currency);

    /** Paints into @p area (device units of @p painter). */
    void paint(QPainter &painter, const QRectF &area) const;

private:
    QList<Core::TaxVarianceCell> m_cells;
    QString m_currency;
};

} // namespace Tillbridge::Reports
