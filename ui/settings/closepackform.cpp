// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/closepackform.h"

#include "core/export/pdf/closepackpdf.h"

#include "ui/settings/settingsgroup.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace Tillbridge::Ui {

using Reports::ClosePackPdf;

ClosePackForm::ClosePackForm(QWidget *parent)
    : QWidget(parent)
    , m_company(new QLineEdit(ClosePackPdf::configuredCompany(), this))
{
    m_company->setPlaceholderText(QCoreApplication::organizationName());
    m_company->setMaxLength(120);
    m_company->setClearButtonEnabled(true);
    m_company->setAccessibleName(tr("Company name on the close pack"));

    const QString fallback = QCoreApplication::organizationName();
    const SettingsGroup group = makeSettingsGroup(
        this, tr("Month-end close pack"),
        fallback.isEmpty() ? tr("Printed on the cover of every close pack (PDF) and in its page headers. Left empty, "
                                "the pack names no company.")
                           : tr("Printed on the cover of every close pack (PDF) and in its page headers. Left empty, "
                                "it says \"%1\".")
                                 .arg(fallback));
    group.form->insertRow(0, tr("Company name:"), m_company);
    m_status = group.status;

    connect(m_company, &QLineEdit::editingFinished, this, &ClosePackForm::save);
}

QString ClosePackForm::statusText() const
{
    return m_status->text();
}

void ClosePackForm::save()
{
    const QString company = m_company->text().trimmed();
    if (company == ClosePackPdf::configuredCompany())
        return;
    ClosePackPdf::setConfiguredCompany(company);
    const QString shown = ClosePackPdf::defaultCompany();
    m_status->setText(shown.isEmpty() ? tr("Saved. The next close pack names no company.")
                                      : tr("Saved. The next close pack shows \"%1\" on its cover.").arg(shown));
}

} // namespace Tillbridge::Ui
