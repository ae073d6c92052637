// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/jobstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace Tillbridge::Ui {

JobStatusWidget::JobStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_bar->setRange(0, 0); // how much is left is not known in advance: a busy bar
    m_bar->setFixedWidth(120);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Job progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Stop after the step in progress; everything done so far is kept."));
    m_cancel->setAccessibleName(tr("Cancel the running job"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("%1 — stopping…").arg(jobTitle(m_job)));
        Q_EMIT cancelRequested();
    });
    setVisible(false);
}

QString JobStatusWidget::jobTitle(const QString &job)
{
    if (job == u"orders")
        return tr("Pulling and posting orders");
    if (job == u"catalogue")
        return tr("Reading Prima's items, pulling and posting orders");
    if (job == u"catalogue-push")
        return tr("Sending the catalogue to Sitoo");
    if (job == u"sku-audit")
        return tr("Comparing the catalogues");
    if (job == u"reconcile")
        return tr("Reconciling payouts and VAT");
    if (job == u"store-feeds")
        return tr("Checking store feeds");
    if (job == u"stock-full")
        return tr("Sending all stock levels to Sitoo");
    if (job == u"stock-fast-lane")
        return tr("Sending stock at risk to Sitoo");
    return job;
}

void JobStatusWidget::jobStarted(const QString &job)
{
    m_job = job;
    m_label->setText(jobTitle(job));
    m_cancel->setEnabled(true);
    setVisible(true);
}

void JobStatusWidget::progressed(const Core::SyncProgress &progress)
{
    const QLocale locale;
    QString step;
    if (progress.step == u"stores")
        step = tr("stores");
    else if (progress.step == u"catalogue")
        step = tr("Prima's items");
    else if (progress.step == u"orders")
        step = tr("%1 orders pulled").arg(locale.toString(progress.ordersReceived));
    else
        step = tr("%1 orders pulled, %2 posted")
                   .arg(locale.toString(progress.ordersReceived), locale.toString(progress.documentsPosted));
    if (m_cancel->isEnabled())
        m_label->setText(tr("%1 — %2").arg(jobTitle(m_job), step));
}

void JobStatusWidget::jobFinished(const QString &)
{
    m_job.clear();
    setVisible(false);
}

} // namespace Tillbridge::Ui
