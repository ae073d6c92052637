// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace Tillbridge::Ui {

/** One headline figure with its caption ("3 · Open exceptions"), right-aligned like every number. */
class SummaryTile : public QFrame
{
    Q_OBJECT

public:
    explicit SummaryTile(const QString &caption, QWidget *parent = nullptr);

    /** Shows the figure formatted for the locale; an empty value shows a dash while loading. */
    void setValue(qint64 value);
    void clearValue();
    void setToolTipText(const QString &text);
    QString valueText() const;

private:
    QLabel *m_value;
    QLabel *m_caption;
};

} // namespace Tillbridge::Ui
