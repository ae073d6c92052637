// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/audittrail/audittrailpage.h"

#include "core/export/exportsources.h"
#include "core/models/audittrailmodel.h"
#include "core/storage/backgroundreader.h"
#include "ui/common/exportcontroller.h"
#include "ui/common/pageheader.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

AuditTrailPage::AuditTrailPage(QSqlDatabase guiDb, QString databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(std::move(databasePath))
    , m_model(new Core::AuditTrailModel(std::move(guiDb), this))
    , m_filter(new QLineEdit(this))
    , m_verify(new QPushButton(tr("Verify chain"), this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_filterDelay(new QTimer(this))
{
    m_filter->setPlaceholderText(tr("Filter by action, user, entity or details"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the audit trail"));
    m_filter->setMinimumWidth(320);
    m_verify->setToolTip(tr("Re-compute every entry's hash and check that none was changed, removed or inserted."));
    m_verify->setAccessibleName(tr("Verify the audit chain"));

    // Filter as the user types, but query once they pause rather than on every key.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text().trimmed()); });
    connect(m_verify, &QPushButton::clicked, this, &AuditTrailPage::verifyChain);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setText(tr("The chain has not been verified in this session."));

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Audit trail"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(Core::AuditTrailModel::SeqColumn, 70);
    m_view->setColumnWidth(Core::AuditTrailModel::TimeColumn, 160);
    m_view->setColumnWidth(Core::AuditTrailModel::ActorColumn, 120);
    m_view->setColumnWidth(Core::AuditTrailModel::ActionColumn, 200);
    m_view->setColumnWidth(Core::AuditTrailModel::EntityColumn, 140);

    auto *header = new PageHeader(tr("Audit trail"),
                                  tr("Every change Tillbridge made or a person approved, in a tamper-evident "
                                     "chain."),
                                  this);
    header->addAction(m_filter);
    header->addAction(m_verify);
    // Export: the trail as filtered, newest first, with each entry's hash.
    auto *exporter = new ExportController(
        m_databasePath, [this] { return std::make_unique<Core::AuditTrailExport>(m_model->filterText()); }, this);
    header->addAction(exporter->makeButton(this));
    connect(exporter, &ExportController::statusMessage, m_status, &QLabel::setText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
}

QString AuditTrailPage::verificationText() const
{
    return m_status->text();
}

void AuditTrailPage::reload()
{
    m_model->reload();
}

void AuditTrailPage::verifyChain()
{
    m_verify->setEnabled(false);
    m_status->setText(tr("Verifying the audit chain…"));
    Core::readInBackground<Core::AuditVerification>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::AuditChain::verify(db);
    }).then(this, [this](const Core::Result<Core::AuditVerification> &result) { showVerification(result); });
}

void AuditTrailPage::showVerification(const Core::Result<Core::AuditVerification> &result)
{
    m_verify->setEnabled(true);
    if (!result) {
        m_status->setText(tr("The audit chain could not be verified: %1").arg(result.errorString()));
        Q_EMIT verificationFinished(false);
        return;
    }
    if (result->intact) {
        m_status->setText(tr("✔ Chain intact: %1 entries verified. Head hash %2")
                              .arg(QLocale().toString(result->entries), QString::fromLatin1(result->headHash)));
    } else {
        m_status->setText(tr("✖ Chain broken at entry %1. %2").arg(result->firstBadSeq).arg(result->explanation));
    }
    Q_EMIT verificationFinished(result->intact);
}

} // namespace Tillbridge::Ui
