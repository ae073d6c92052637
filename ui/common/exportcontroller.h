// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/export/exportsource.h"

#include <QDialog>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Tillbridge::Core {
class ExportTask;
}

namespace Tillbridge::Ui {

/**
 * "Export…" for any table view: asks where and how (ExportDialog: XLSX or CSV, a byte-order mark for Excel), runs the
 * view's ExportSource on a worker thread with its own connection (Core::ExportTask), shows a progress dialog with
 * Cancel, and reports the outcome as a status message with the file's path. The page gives a factory that captures
 * its current filter, so the export holds exactly the rows the view shows.
 */
class ExportController : public QObject
{
    Q_OBJECT

public:
    using SourceFactory = std::function<std::unique_ptr<Core::ExportSource>()>;

    ExportController(QString databasePath, SourceFactory sourceFactory, QWidget *parent);
    ~ExportController() override;

    /** An "Export…" button wired to exportWithDialog(), owned by @p parent. */
    QPushButton *makeButton(QWidget *parent);

    bool isRunning() const;
    /** The progress dialog while an export runs (for tests), else null. */
    QProgressDialog *progressDialog() const { return m_progress; }

public Q_SLOTS:
    /** Asks for the file and its format, then starts. */
    void exportWithDialog();
    /** Starts without asking (tests, or a caller that knows the file); false when one is running already. */
    bool startExport(const Core::ExportFileOptions &options);
    void cancel();

Q_SIGNALS:
    /** For the page's status line: "Exported 1,204 rows to /home/…/stock.xlsx", a cancel, or what went wrong. */
    void statusMessage(const QString &text, bool error);
    /** Once per export: @p ok with the file written, or not (failed or cancelled, then @p path is empty). */
    void finished(bool ok, const QString &path);

private:
    QString suggestedPath(Core::ExportFormat format) const;

    QString m_databasePath;
    SourceFactory m_sourceFactory;
    QPointer<QWidget> m_parentWidget;
    Core::ExportTask *m_task = nullptr;
    QPointer<QProgressDialog> m_progress;
    QString m_title;
};

/** Where and how to export: the file, XLSX or CSV, and for CSV whether to start with a BOM so Excel reads UTF-8. */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const QString &title, const QString &suggestedDirectory, const QString &baseName,
                 QWidget *parent = nullptr);

    Core::ExportFileOptions options() const;

private:
    void formatChanged();
    void browse();

    QRadioButton *m_xlsx;
    QRadioButton *m_csv;
    QCheckBox *m_bom;
    QLineEdit *m_path;
    QPushButton *m_ok = nullptr;
};

} // namespace Tillbridge::Ui
