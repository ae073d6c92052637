// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/synccycle.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Tillbridge::Ui {

/**
 * The status bar's view of the engine: the job running now with its progress (what step, how many orders and
 * documents so far) and a Cancel button that stops it at its next safe point. Hidden while nothing runs.
 */
class JobStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit JobStatusWidget(QWidget *parent = nullptr);

    /** A readable name for a job code ("orders" → "Pulling and posting orders"). */
    static QString jobTitle(const QString &job);

public Q_SLOTS:
    void jobStarted(const QString &job);
    void progressed(const Tillbridge::Core::SyncProgress &progress);
    void jobFinished(const QString &job);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QString m_job;
};

} // namespace Tillbridge::Ui
