// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QHBoxLayout;

namespace Tillbridge::Ui {

/** The title and one-line purpose at the top of every view, with room for the view's own actions on the right. */
class PageHeader : public QWidget
{
    Q_OBJECT

public:
    PageHeader(const QString &title, const QString &subtitle, QWidget *parent = nullptr);

    /** Adds a widget (a button, a filter) to the right-hand side. */
    void addAction(QWidget *widget);

private:
    QHBoxLayout *m_actions;
};

} // namespace Tillbridge::Ui
