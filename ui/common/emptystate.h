// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace Tillbridge::Ui {

/** A calm, centred message for a view with nothing to show yet: what the view is for and what to do next. */
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setMessage(const QString &message);

private:
    QLabel *m_title;
    QLabel *m_message;
};

} // namespace Tillbridge::Ui
