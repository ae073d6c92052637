// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/exportcontroller.h"

#include "core/export/exporttask.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcExport, "tillbridge.ui.export", QtInfoMsg)

namespace Tillbridge::Ui {

namespace {
const char kDirectoryKey[] = "export/lastDirectory";
const char kFormatKey[] = "export/format";
const char kBomKey[] = "export/csvByteOrderMark";

QString lastDirectory()
{
    const QString stored = QSettings().value(QLatin1String(kDirectoryKey)).toString();
    if (!stored.isEmpty() && QDir(stored).exists())
        return stored;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

/** "SKU differences" → "sku-differences-2026-11-27". */
QString fileBaseName(const QString &title)
{
    QString base;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber())
            base += c;
        else if (!base.endsWith(u'-'))
            base += u'-';
    }
    while (base.endsWith(u'-'))
        base.chop(1);
    return base + u'-' + QDate::currentDate().toString(Qt::ISODate);
}
} // namespace

// --- ExportController -----------------------------------------------------------------------------------------------

ExportController::ExportController(QString databasePath, SourceFactory sourceFactory, QWidget *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_sourceFactory(std::move(sourceFactory))
    , m_parentWidget(parent)
{
}

ExportController::~ExportController()
{
    if (m_task)
        m_task->cancel(); // the worker stops at its next page and removes what it wrote
}

QPushButton *ExportController::makeButton(QWidget *parent)
{
    auto *button = new QPushButton(tr("Export…"), parent);
    button->setToolTip(tr("Save the rows shown here, with the current filters, as an Excel workbook or CSV file"));
    connect(button, &QPushButton::clicked, this, &ExportController::exportWithDialog);
    connect(this, &ExportController::finished, button, [button] { button->setEnabled(true); });
    connect(button, &QPushButton::clicked, button, [this, button] { button->setEnabled(!isRunning()); });
    return button;
}

bool ExportController::isRunning() const
{
    return m_task && m_task->isRunning();
}

QString ExportController::suggestedPath(Core::ExportFormat format) const
{
    return QDir(lastDirectory()).filePath(fileBaseName(m_title) + u'.' + Core::exportFormatSuffix(format));
}

void ExportController::exportWithDialog()
{
    if (isRunning())
        return;
    const std::unique_ptr<Core::ExportSource> probe = m_sourceFactory();
    m_title = probe->title();
    ExportDialog dialog(tr("Export %1").arg(m_title), lastDirectory(), fileBaseName(m_title), m_parentWidget);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Core::ExportFileOptions options = dialog.options();
    QSettings settings;
    settings.setValue(QLatin1String(kDirectoryKey), QFileInfo(options.path).absolutePath());
    settings.setValue(QLatin1String(kFormatKey), Core::exportFormatSuffix(options.format));
    settings.setValue(QLatin1String(kBomKey), options.byteOrderMark);
    startExport(options);
}

bool ExportController::startExport(const Core::ExportFileOptions &options)
{
    if (isRunning())
        return false;
    std::unique_ptr<Core::ExportSource> source = m_sourceFactory();
    m_title = source->title();
    delete m_task;
    m_task = new Core::ExportTask(m_databasePath, std::move(source), options, this);

    m_progress = new QProgressDialog(tr("Exporting %1…").arg(m_title), tr("Cancel"), 0, 0, m_parentWidget);
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // a small export finishes before the dialog would flash
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &ExportController::cancel);
    connect(m_task, &Core::ExportTask::progress, this, [this](qint64 rows, qint64 total) {
        if (!m_progress)
            return;
        const QLocale locale;
        if (total > 0) {
            m_progress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
            m_progress->setValue(int(std::min<qint64>(rows, total)));
            m_progress->setLabelText(tr("Exporting %1: %2 of %3 rows…")
                                         .arg(m_title, locale.toString(rows), locale.toString(total)));
        } else {
            m_progress->setLabelText(tr("Exporting %1: %2 rows…").arg(m_title, locale.toString(rows)));
        }
    });
    connect(m_task, &Core::ExportTask::finished, this, [this](const Core::Result<Core::ExportOutcome> &result) {
        if (m_progress)
            m_progress->deleteLater();
        m_progress = nullptr;
        const QString path = QDir::toNativeSeparators(m_task->options().path);
        if (!result) {
            qCWarning(lcExport) << "export failed:" << result.errorString();
            Q_EMIT statusMessage(tr("The export could not be written: %1").arg(result.errorString()), true);
            Q_EMIT finished(false, QString());
        } else if (result->cancelled) {
            Q_EMIT statusMessage(tr("Export cancelled; no file was written."), false);
            Q_EMIT finished(false, QString());
        } else {
            Q_EMIT statusMessage(tr("Exported %n row(s) to %1", nullptr, int(std::min<qint64>(result->rows, INT_MAX)))
                                     .arg(path),
                                 false);
            Q_EMIT finished(true, m_task->options().path);
        }
    });
    qCInfo(lcExport) << "export of" << m_title << "to" << options.path << "started";
    m_task->start();
    return true;
}

void ExportController::cancel()
{
    if (m_task)
        m_task->cancel();
}

// --- ExportDialog ---------------------------------------------------------------------------------------------------

ExportDialog::ExportDialog(const QString &title, const QString &suggestedDirectory, const QString &baseName,
                           QWidget *parent)
    : QDialog(parent)
    , m_xlsx(new QRadioButton(tr("Excel workbook (.xlsx): numbers, amounts and dates as real cells"), this))
    , m_csv(new QRadioButton(tr("CSV (.csv): comma-separated text, UTF-8"), this))
    , m_bom(new QCheckBox(tr("Add BOM for Excel"), this))
    , m_path(new QLineEdit(this))
{
    setWindowTitle(title);
    m_bom->setToolTip(tr("Starts the file with a byte-order mark, so that Excel reads å, ä and ö correctly"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *bomRow = new QHBoxLayout;
    bomRow->addSpacing(24);
    bomRow->addWidget(m_bom);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_xlsx);
    layout->addWidget(m_csv);
    layout->addLayout(bomRow);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    layout->addLayout(form);
    layout->addWidget(buttons);

    QSettings settings;
    const bool csv = settings.value(QLatin1String(kFormatKey)).toString() == u"csv";
    (csv ? m_csv : m_xlsx)->setChecked(true);
    m_bom->setChecked(settings.value(QLatin1String(kBomKey), true).toBool());
    m_path->setText(QDir(suggestedDirectory).filePath(baseName + (csv ? QStringLiteral(".csv") : QStringLiteral(".xlsx"))));
    m_path->setMinimumWidth(420);
    formatChanged();

    connect(m_xlsx, &QRadioButton::toggled, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString &text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::formatChanged()
{
    m_bom->setEnabled(m_csv->isChecked());
    // Keep the file name's extension in step with the format.
    const QString suffix = m_csv->isChecked() ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    QString path = m_path->text();
    const QFileInfo info(path);
    if (!path.isEmpty() && !path.endsWith(suffix, Qt::CaseInsensitive)) {
        path = QDir(info.path()).filePath(info.completeBaseName() + suffix);
        m_path->setText(path);
    }
}

void ExportDialog::browse()
{
    const QString filter = m_csv->isChecked() ? tr("CSV files (*.csv)") : tr("Excel workbooks (*.xlsx)");
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(), filter);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
    formatChanged();
}

Core::ExportFileOptions ExportDialog::options() const
{
    Core::ExportFileOptions options;
    options.path = m_path->text().trimmed();
    options.format = m_csv->isChecked() ? Core::ExportFormat::Csv : Core::ExportFormat::Xlsx;
    options.byteOrderMark = m_csv->isChecked() && m_bom->isChecked();
    return options;
}

} // namespace Tillbridge::Ui
