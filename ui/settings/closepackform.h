// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace Tillbridge::Ui {

/**
 * What the month-end close pack says about who it is for: the company name on the PDF's cover. Saved in the
 * settings file when the field is left; the next pack, from the walkthrough or `tillbridge-cli close-pack`, uses it.
 */
class ClosePackForm : public QWidget
{
    Q_OBJECT

public:
    explicit ClosePackForm(QWidget *parent = nullptr);

    QLineEdit *companyField() const { return m_company; }
    QString statusText() const;

private:
    void save();

    QLineEdit *m_company;
    QLabel *m_status;
};

} // namespace Tillbridge::Ui
