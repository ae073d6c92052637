// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/storehealth.h"

#include <QWidget>

namespace Tillbridge::Ui {

/**
 * Stores × days: how much of each day's sales reached Prima. A cell is green when all of them did, amber when most
 * did, red when many are held back, and empty when the store sold nothing; the tooltip gives the numbers.
 */
class SyncHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit SyncHeatmap(QWidget *parent = nullptr);

    void setReport(const Core::StoreHealthReport &report);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cell
    {
        QRect rect;
        QString tip;
    };
    int labelWidth() const;

    QStringList m_stores;
    QList<qint64> m_storeIds;
    QList<QDate> m_days;
    QHash<QPair<qint64, QDate>, Core::StoreDaySuccess> m_success;
    QList<Cell> m_cells;
};

} // namespace Tillbridge::Ui
