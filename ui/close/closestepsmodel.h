// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/close/closetypes.h"

#include <QAbstractListModel>

#include <optional>

namespace Tillbridge::Ui {

/**
 * The steps of the month-end close walkthrough: one row per gate in walkthrough order, then the period's sign-off
 * and lock. Each row says whether the data passes and whether someone signed it. Built from a CloseStatus that was
 * computed off the GUI thread; the model itself never touches the database.
 */
class CloseStepsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PassesRole = Qt::UserRole + 1, ///< bool: the gate's data passes (final step: every gate passes)
        SignedRole,                    ///< bool: signed (final step: the period is signed)
        GateCodeRole,                  ///< "stores-synced", …; empty for the final step
        StatusTextRole,                ///< the short status line shown under the title
    };

    explicit CloseStepsModel(QObject *parent = nullptr);

    void setStatus(const std::optional<Core::CloseStatus> &status);
    const std::optional<Core::CloseStatus> &status() const { return m_status; }

    /** The final step's row (after the gates), or -1 when nothing is loaded. */
    int finalStepRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString statusLine(int row) const;

    std::optional<Core::CloseStatus> m_status;
};

} // namespace Tillbridge::Ui
