// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace Tillbridge::Ui {

/** The parts of a one-group settings tab a form fills in: its rows go into `form`, its outcome into `status`. */
struct SettingsGroup
{
    QFormLayout *form = nullptr;
    QLabel *status = nullptr;
};

/**
 * Lays @p tab out as the simple settings tabs are: one titled group holding the form's rows, then @p note wrapped
 * under them and an (initially empty) status line, the rest of the tab left empty.
 */
SettingsGroup makeSettingsGroup(QWidget *tab, const QString &title, const QString &note);

} // namespace Tillbridge::Ui
