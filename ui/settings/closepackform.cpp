// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/closepackform.h"

#include "core/export/pdf/closepackpdf.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

using Reports::ClosePackPdf;

ClosePackForm::ClosePackForm(QWidget *parent)
    : QWidget(parent)
    , m_company(new QLineEdit(ClosePackPdf::configuredCompany(), this))
    , m_status(new QLabel(this))
{
    m_company->setPlaceholderText(QCoreApplication::organizationName());
    m_company->setMaxLength(120);
    m_company->setClearButtonEnabled(true);
    m_company->setAccessibleName(tr("Company name on the close pack"));

    auto *group = new QGroupBox(tr("Month-end close pack"), this);
    auto *form = new QFormLayout(group);
    form->addRow(tr("Company name:"), m_company);
    const QString fallback = QCoreApplication::organizationName();
    auto *note = new QLabel(fallback.isEmpty()
                                ? tr("Printed on the cover of every close pack (PDF) and in its page headers. Left "
                                     "empty, the pack names no company.")
                                : tr("Printed on the cover of every close pack (PDF) and in its page headers. Left "
                                     "empty, it says \"%1\".")
                                      .arg(fallback),
                            this);
    note->setWordWrap(true);
    form->addRow(note);
    m_status->setWordWrap(true);
    form->addRow(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group);
    layout->addStretch(1);

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
