// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "translations/languagepreference.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace Tillbridge::Ui {

/**
 * The workbench language: System (the operating system's locale), English or Svenska. Saved in the settings file
 * at once and used from the next start, because every view builds its texts when it is created.
 */
class LanguageForm : public QWidget
{
    Q_OBJECT

public:
    explicit LanguageForm(QWidget *parent = nullptr);

    I18n::Language language() const;
    /** Selects `language` and saves it, as if the user had chosen it. */
    void setLanguage(I18n::Language language);
    QString statusText() const;

Q_SIGNALS:
    void languageChanged(Tillbridge::I18n::Language language);

private:
    void save();

    QComboBox *m_choice;
    QLabel *m_status;
    I18n::Language m_started;
};

} // namespace Tillbridge::Ui
