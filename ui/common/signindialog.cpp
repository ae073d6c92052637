// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/signindialog.h"

#include "core/storage/backgroundreader.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

SignInDialog::SignInDialog(QString databasePath, Purpose purpose, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(std::move(databasePath))
    , m_purpose(purpose)
    , m_explanation(new QLabel(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_reason(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    switch (purpose) {
    case Purpose::SignIn:
        setWindowTitle(tr("Sign in to Tillbridge"));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
        break;
    case Purpose::Approve:
        setWindowTitle(tr("Approve the override"));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Approve"));
        break;
    case Purpose::Reject:
        setWindowTitle(tr("Reject the order"));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reject"));
        break;
    }
    m_explanation->setWordWrap(true);
    m_explanation->setVisible(false);
    m_username->setAccessibleName(tr("User name"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why — this goes into the audit trail."));
    m_reason->setFixedHeight(72);
    m_reason->setVisible(purpose != Purpose::SignIn);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("User name"), m_username);
    form->addRow(tr("Password"), m_password);
    if (purpose != Purpose::SignIn)
        form->addRow(tr("Reason"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    setMinimumWidth(420);
}

void SignInDialog::setExplanation(const QString &text)
{
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

QString SignInDialog::username() const
{
    return m_username->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

QString SignInDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void SignInDialog::accept()
{
    if (username().isEmpty() || password().isEmpty()) {
        m_error->setText(tr("Enter a user name and password."));
        m_error->setVisible(true);
        return;
    }
    if (m_purpose != Purpose::SignIn) {
        if (reason().isEmpty()) {
            m_error->setText(tr("Give a reason: it is recorded with the decision."));
            m_error->setVisible(true);
            return;
        }
        // The service checks the password itself, with the decision.
        QDialog::accept();
        return;
    }
    m_buttons->setEnabled(false);
    m_error->setVisible(false);
    const QString name = username();
    const QString secret = password();
    Core::readInBackground<Core::User>(m_databasePath, [name, secret](const QSqlDatabase &db) {
        return Core::UserRepository(db).verify(name, secret);
    }).then(this, [this](const Core::Result<Core::User> &verified) {
        m_buttons->setEnabled(true);
        if (!verified) {
            m_error->setText(verified.errorString());
            m_error->setVisible(true);
            m_password->clear();
            m_password->setFocus();
            return;
        }
        m_user = *verified;
        m_password->clear();
        QDialog::accept();
    });
}

} // namespace Tillbridge::Ui
