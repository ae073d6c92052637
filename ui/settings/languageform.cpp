// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/languageform.h"

#include "ui/settings/settingsgroup.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace Tillbridge::Ui {

using I18n::Language;

LanguageForm::LanguageForm(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_started(I18n::storedLanguage())
{
    // The languages are offered in their own names, as every program does, so that anyone can find theirs.
    // A computer without a configured locale (the "C" one) has no language name to show in brackets.
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    m_choice->addItem(systemLanguage.isEmpty() ? tr("System") : tr("System (%1)").arg(systemLanguage),
                      QVariant::fromValue(static_cast<int>(Language::System)));
    m_choice->addItem(QStringLiteral("English"), QVariant::fromValue(static_cast<int>(Language::English)));
    m_choice->addItem(QStringLiteral("Svenska"), QVariant::fromValue(static_cast<int>(Language::Swedish)));
    m_choice->setCurrentIndex(m_choice->findData(static_cast<int>(m_started)));
    m_choice->setAccessibleName(tr("Workbench language"));

    const SettingsGroup group = makeSettingsGroup(this, tr("Language"),
                                                  tr("Texts, dates, numbers and amounts follow this choice. "
                                                     "\"System\" uses the language and regional format of this "
                                                     "computer."));
    group.form->insertRow(0, tr("Language:"), m_choice);
    m_status = group.status;

    connect(m_choice, &QComboBox::currentIndexChanged, this, &LanguageForm::save);
}

Language LanguageForm::language() const
{
    return static_cast<Language>(m_choice->currentData().toInt());
}

void LanguageForm::setLanguage(Language language)
{
    m_choice->setCurrentIndex(m_choice->findData(static_cast<int>(language)));
}

QString LanguageForm::statusText() const
{
    return m_status->text();
}

void LanguageForm::save()
{
    const Language chosen = language();
    I18n::storeLanguage(chosen);
    // The views build their texts once, so a change applies from the next start; say so rather than half-switch.
    m_status->setText(chosen == m_started ? QString()
                                          : tr("Saved. Tillbridge uses the new language the next time it starts."));
    Q_EMIT languageChanged(chosen);
}

} // namespace Tillbridge::Ui
