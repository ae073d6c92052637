// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/connectionsform.h"

#include "core/application.h"
#include "core/secrets/secretstore.h"
#include "core/settings/connectiontester.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

namespace {
QLineEdit *secretField(QWidget *parent, const QString &accessibleName)
{
    auto *field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setPlaceholderText(ConnectionsForm::tr("Leave empty to keep the one in the keychain"));
    field->setAccessibleName(accessibleName);
    return field;
}

QLabel *statusLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ConnectionsForm::ConnectionsForm(Core::SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_secrets(secrets)
    , m_tester(new Core::ConnectionTester(secrets, this))
    , m_sitooUrl(new QLineEdit(this))
    , m_sitooAccount(new QLineEdit(this))
    , m_sitooApiId(new QLineEdit(this))
    , m_sitooPassword(secretField(this, tr("Sitoo API password")))
    , m_primaUrl(new QLineEdit(this))
    , m_primaToken(secretField(this, tr("Prima access token")))
    , m_caFile(new QLineEdit(this))
    , m_testSitoo(new QPushButton(tr("Test connection"), this))
    , m_testPrima(new QPushButton(tr("Test connection"), this))
    , m_sitooStatus(statusLabel(this))
    , m_primaStatus(statusLabel(this))
    , m_saveStatus(statusLabel(this))
{
    m_sitooUrl->setPlaceholderText(QStringLiteral("https://api.mysitoo.com/v2/accounts/90001"));
    m_sitooUrl->setAccessibleName(tr("Sitoo address"));
    m_sitooAccount->setAccessibleName(tr("Sitoo account id"));
    m_sitooApiId->setPlaceholderText(QStringLiteral("90001-1"));
    m_sitooApiId->setAccessibleName(tr("Sitoo API id"));
    m_primaUrl->setPlaceholderText(QStringLiteral("https://erp.example.com/prima/v1"));
    m_primaUrl->setAccessibleName(tr("Prima gateway address"));
    m_caFile->setPlaceholderText(tr("Only for a company certificate authority"));
    m_caFile->setAccessibleName(tr("Extra CA certificate file"));
    m_testSitoo->setAccessibleName(tr("Test the Sitoo connection"));
    m_testPrima->setAccessibleName(tr("Test the Prima connection"));

    auto *sitoo = new QGroupBox(tr("Sitoo POS"), this);
    auto *sitooForm = new QFormLayout(sitoo);
    sitooForm->addRow(tr("Address:"), m_sitooUrl);
    sitooForm->addRow(tr("Account id:"), m_sitooAccount);
    sitooForm->addRow(tr("API id:"), m_sitooApiId);
    sitooForm->addRow(tr("API password:"), m_sitooPassword);
    auto *sitooTestRow = new QHBoxLayout;
    sitooTestRow->addWidget(m_testSitoo);
    sitooTestRow->addWidget(m_sitooStatus, 1);
    sitooForm->addRow(QString(), sitooTestRow);

    auto *prima = new QGroupBox(tr("Prima ERP"), this);
    auto *primaForm = new QFormLayout(prima);
    primaForm->addRow(tr("Gateway address:"), m_primaUrl);
    primaForm->addRow(tr("Access token:"), m_primaToken);
    auto *primaTestRow = new QHBoxLayout;
    primaTestRow->addWidget(m_testPrima);
    primaTestRow->addWidget(m_primaStatus, 1);
    primaForm->addRow(QString(), primaTestRow);

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *tls = new QGroupBox(tr("Certificates"), this);
    auto *tlsForm = new QFormLayout(tls);
    tlsForm->addRow(tr("Extra CA certificate:"), caRow);

    auto *saveButton = new QPushButton(tr("Save connections"), this);
    saveButton->setDefault(true);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(saveButton);
    saveRow->addWidget(m_saveStatus, 1);

    // One label column across the three groups, so the fields line up from Sitoo to Prima to certificates.
    int labelWidth = 0;
    const QList<QFormLayout *> forms{sitooForm, primaForm, tlsForm};
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget())
                labelWidth = std::max(labelWidth, label->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget())
                label->widget()->setMinimumWidth(labelWidth);
        }
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sitoo);
    layout->addWidget(prima);
    layout->addWidget(tls);
    layout->addLayout(saveRow);

    connect(saveButton, &QPushButton::clicked, this, &ConnectionsForm::save);
    connect(m_testSitoo, &QPushButton::clicked, this, &ConnectionsForm::testSitoo);
    connect(m_testPrima, &QPushButton::clicked, this, &ConnectionsForm::testPrima);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Extra CA certificate"), QString(),
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    connect(m_tester, &Core::ConnectionTester::sitooTested, this, [this](bool ok, const QString &message) {
        m_testSitoo->setEnabled(true);
        setStatus(m_sitooStatus, ok, message);
        Q_EMIT sitooTested(ok);
    });
    connect(m_tester, &Core::ConnectionTester::primaTested, this, [this](bool ok, const QString &message) {
        m_testPrima->setEnabled(true);
        setStatus(m_primaStatus, ok, message);
        Q_EMIT primaTested(ok);
    });
}

void ConnectionsForm::setSettings(const Core::ConnectionSettings &settings)
{
    m_sitooUrl->setText(settings.sitooBaseUrl.toString());
    m_sitooAccount->setText(settings.sitooAccountId);
    m_sitooApiId->setText(settings.sitooApiId);
    m_primaUrl->setText(settings.primaBaseUrl.toString());
    m_caFile->setText(settings.extraCaFile);
}

Core::ConnectionSettings ConnectionsForm::settingsFromForm() const
{
    Core::ConnectionSettings settings;
    settings.sitooBaseUrl = QUrl(m_sitooUrl->text().trimmed());
    settings.sitooAccountId = m_sitooAccount->text().trimmed();
    settings.sitooApiId = m_sitooApiId->text().trimmed();
    settings.primaBaseUrl = QUrl(m_primaUrl->text().trimmed());
    settings.extraCaFile = m_caFile->text().trimmed();
    return settings;
}

QString ConnectionsForm::sitooStatus() const
{
    return m_sitooStatus->accessibleDescription();
}

QString ConnectionsForm::primaStatus() const
{
    return m_primaStatus->accessibleDescription();
}

void ConnectionsForm::setStatus(QLabel *label, bool ok, const QString &text)
{
    // The mark carries the colour (mid-tones that read on light and dark palettes); the words stay plain text.
    label->setTextFormat(Qt::RichText);
    label->setText(QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                       .arg(ok ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                            ok ? QStringLiteral("✔") : QStringLiteral("✖"), text.toHtmlEscaped()));
    label->setAccessibleDescription(text);
}

void ConnectionsForm::save()
{
    const Core::ConnectionSettings settings = settingsFromForm();
    if (auto valid = settings.validate(); !valid) {
        setStatus(m_saveStatus, false, valid.errorString());
        return;
    }
    auto file = Core::openSettings();
    settings.save(*file);
    file->sync();
    setStatus(m_saveStatus, true, tr("Saved."));
    if (!m_sitooPassword->text().isEmpty())
        storeSecret(settings.sitooPasswordKey(), m_sitooPassword, tr("Sitoo API password"));
    if (!m_primaToken->text().isEmpty())
        storeSecret(settings.primaTokenKey(), m_primaToken, tr("Prima access token"));
    Q_EMIT saved(settings);
}

void ConnectionsForm::storeSecret(const QString &key, QLineEdit *field, const QString &what)
{
    const QString secret = field->text();
    field->clear(); // the secret is never kept in the form
    m_secrets->write(key, secret, this, [this, what](const Core::Status &status) {
        if (status)
            setStatus(m_saveStatus, true, tr("Saved. The %1 is in the system keychain.").arg(what));
        else
            setStatus(m_saveStatus, false, tr("The %1 was not saved: %2").arg(what, status.errorString()));
    });
}

void ConnectionsForm::testSitoo()
{
    m_testSitoo->setEnabled(false);
    m_sitooStatus->setText(tr("Asking Sitoo…"));
    m_sitooStatus->setAccessibleDescription(m_sitooStatus->text());
    m_tester->testSitoo(settingsFromForm());
}

void ConnectionsForm::testPrima()
{
    m_testPrima->setEnabled(false);
    m_primaStatus->setText(tr("Asking Prima…"));
    m_primaStatus->setAccessibleDescription(m_primaStatus->text());
    m_tester->testPrima(settingsFromForm());
}

} // namespace Tillbridge::Ui
