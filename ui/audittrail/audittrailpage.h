// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/auditchain.h"

#include <QSqlDatabase>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace Tillbridge::Core {
class AuditTrailModel;
}

namespace Tillbridge::Ui {

/** Every audited event, newest first, filterable, with chain verification that runs off the GUI thread. */
class AuditTrailPage : public QWidget
{
    Q_OBJECT

public:
    AuditTrailPage(QSqlDatabase guiDb, QString databasePath, QWidget *parent = nullptr);

    Core::AuditTrailModel *model() const { return m_model; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *verifyButton() const { return m_verify; }
    QString verificationText() const;

public Q_SLOTS:
    void reload();
    /** Re-computes the whole chain in the background; verificationFinished() follows. */
    void verifyChain();

Q_SIGNALS:
    void verificationFinished(bool intact);

private:
    void showVerification(const Core::Result<Core::AuditVerification> &result);

    QString m_databasePath;
    Core::AuditTrailModel *m_model;
    QLineEdit *m_filter;
    QPushButton *m_verify;
    QLabel *m_status;
    QTableView *m_view;
    QTimer *m_filterDelay;
};

} // namespace Tillbridge::Ui
