// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exportsource.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Tillbridge::Core {

/**
 * One export running on its own worker thread with its own connection to the cache (Qt SQL connections may not cross
 * threads), so the GUI thread never reads the rows. Made and owned on the GUI thread; its signals arrive there.
 * cancel() asks the worker to stop between pages; it then leaves no file and finished() reports cancelled.
 * Deleting the task while the worker runs cancels it; the worker finishes on its own and cleans up.
 */
class ExportTask : public QObject
{
    Q_OBJECT

public:
    ExportTask(QString databasePath, std::unique_ptr<ExportSource> source, ExportFileOptions options,
               QObject *parent = nullptr);
    ~ExportTask() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const ExportFileOptions &options() const { return m_options; }

Q_SIGNALS:
    /** @p total is -1 when the source cannot say cheaply. */
    void progress(qint64 rows, qint64 total);
    /** Exactly once. On success the outcome says how many rows and whether it was cancelled. */
    void finished(const Tillbridge::Core::Result<Tillbridge::Core::ExportOutcome> &result);

private:
    QString m_databasePath;
    std::shared_ptr<ExportSource> m_source;
    ExportFileOptions m_options;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_total;
    bool m_running = false;
};

} // namespace Tillbridge::Core
