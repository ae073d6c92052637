// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closepack.h"
#include "core/result.h"

#include <QString>

namespace Tillbridge::Reports {

/** Who the pack is for and who made it: the cover page's lines. */
struct ClosePackPdfOptions
{
    QString company;   ///< the legal entity the books belong to
    QString preparedBy; ///< the person (or account) who generated the pack
};

/**
 * The close pack as a PDF for the controller (product.md step 8), from the same ClosePackData as the CSV files and
 * the workbook: a cover page (company, period, generated at and by, the close's state at a glance), then gate status
 * with sign-offs, the per-store reconciliation, VAT by rate Sitoo vs Prima with the variance chart, the exception
 * summary by kind, owner and state, the accepted overrides with maker and checker, and the audit chain's head hash.
 * A4 portrait, a running header and "Page n of N" on every page after the cover.
 *
 * QPdfWriter and QTextDocument need a QGuiApplication (fonts); the offscreen platform is enough.
 */
class ClosePackPdf
{
public:
    /** Writes the PDF to @p path; returns the number of pages. */
    static Core::Result<int> write(const Core::ClosePackData &data, const ClosePackPdfOptions &options,
                                   const QString &path);

    /** close-pack-<period>.pdf */
    static QString fileName(const QString &period);

    /** The company name for the cover: the one saved in Settings, else the application's organisation. */
    static QString defaultCompany();

    /** The company name saved in Settings → Close pack ("closePack/company" in openSettings()); empty if none. */
    static QString configuredCompany();
    /** Saves @p company for every later pack; empty removes it. */
    static void setConfiguredCompany(const QString &company);
};

} // namespace Tillbridge::Reports
