// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/models/exceptiondetail.h"

#include <QTextBrowser>

namespace Tillbridge::Ui {

/**
 * The queue's detail pane: what is wrong and the arithmetic behind it (lines, VAT per rate, expected against
 * actual, the difference), the order and its lines, what Prima answered, the history, and the raw Sitoo payload.
 * Read-only text a finance person can select and copy.
 */
class ExceptionDetailView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ExceptionDetailView(QWidget *parent = nullptr);

    void showDetail(const Core::ExceptionDetail &detail);
    void showMessage(const QString &title, const QString &message);

    /** The HTML for a detail (also what tests inspect). */
    static QString toHtml(const Core::ExceptionDetail &detail);
};

} // namespace Tillbridge::Ui
