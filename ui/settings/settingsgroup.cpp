// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/settingsgroup.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

SettingsGroup makeSettingsGroup(QWidget *tab, const QString &title, const QString &note)
{
    auto *group = new QGroupBox(title, tab);
    SettingsGroup parts{new QFormLayout(group), new QLabel(tab)};
    auto *noteLabel = new QLabel(note, tab);
    noteLabel->setWordWrap(true);
    parts.form->addRow(noteLabel);
    parts.status->setWordWrap(true);
    parts.form->addRow(parts.status);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(group);
    layout->addStretch(1);
    return parts;
}

} // namespace Tillbridge::Ui
