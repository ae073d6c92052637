// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/userrepository.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Tillbridge::Ui {

/**
 * Asks for a user name and password, and optionally a reason. Used to sign in at the workbench and for the checker's
 * sign-in when an override is approved or rejected (maker-checker). The password is checked off the GUI thread
 * (PBKDF2 takes about half a second by design) and is never kept after the dialog closes.
 */
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { SignIn, Approve, Reject };

    SignInDialog(QString databasePath, Purpose purpose, QWidget *parent = nullptr);

    /** A line above the fields: what is being signed for, and why someone else may have to. */
    void setExplanation(const QString &text);
    void setUsername(const QString &username);

    QString username() const;
    QString password() const;
    QString reason() const;
    /** After accept() with Purpose::SignIn: the verified account. */
    const Core::User &user() const { return m_user; }

protected:
    void accept() override;

private:
    QString m_databasePath;
    Purpose m_purpose;
    QLabel *m_explanation;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPlainTextEdit *m_reason;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    Core::User m_user;
};

} // namespace Tillbridge::Ui
