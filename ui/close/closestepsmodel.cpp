// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/close/closestepsmodel.h"

#include <QApplication>
#include <QStyle>

namespace Tillbridge::Ui {

CloseStepsModel::CloseStepsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CloseStepsModel::setStatus(const std::optional<Core::CloseStatus> &status)
{
    beginResetModel();
    m_status = status;
    endResetModel();
}

int CloseStepsModel::finalStepRow() const
{
    return m_status ? int(m_status->gates.size()) : -1;
}

int CloseStepsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_status)
        return 0;
    return int(m_status->gates.size()) + 1;
}

QString CloseStepsModel::statusLine(int row) const
{
    if (row < m_status->gates.size()) {
        const Core::GateEvaluation &gate = m_status->gates.at(row);
        if (gate.signoff)
            return gate.passes ? tr("Passes · signed by %1").arg(gate.signoff->signedBy)
                               : tr("Fails now · was signed by %1").arg(gate.signoff->signedBy);
        if (!gate.passes)
            return tr("Fails · not signed");
        if (!gate.blockedBy.isEmpty())
            return tr("Passes · sign earlier gates first");
        return tr("Passes · ready to sign");
    }
    if (m_status->locked)
        return tr("Locked by %1").arg(m_status->lockedBy);
    if (m_status->periodSignoff)
        return tr("Signed by %1 · not locked").arg(m_status->periodSignoff->signedBy);
    if (m_status->allGatesPass() && m_status->allGatesSigned())
        return tr("Ready for the approver");
    return tr("Waiting for the gates");
}

QVariant CloseStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_status)
        return {};
    const int row = index.row();
    const bool isGate = row < m_status->gates.size();
    const bool passes = isGate ? m_status->gates.at(row).passes : m_status->allGatesPass();
    const bool isSigned = isGate ? m_status->gates.at(row).signoff.has_value() : m_status->periodSignoff.has_value();
    const QString title = isGate ? Core::CloseGates::title(m_status->gates.at(row).gate)
                                 : tr("Sign off and lock the period");
    switch (role) {
    case Qt::DisplayRole:
        return QString(tr("%1. %2").arg(row + 1).arg(title) + u'\n' + statusLine(row));
    case Qt::AccessibleTextRole:
        return tr("Step %1: %2. %3").arg(row + 1).arg(title, statusLine(row));
    case Qt::ToolTipRole:
        return isGate ? m_status->gates.at(row).explanation : statusLine(row);
    case Qt::DecorationRole: {
        QStyle *style = QApplication::style();
        if (!style)
            return {};
        if (!isGate && m_status->locked)
            return style->standardIcon(QStyle::SP_DialogApplyButton);
        if (!passes)
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        return style->standardIcon(isSigned ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxInformation);
    }
    case PassesRole:
        return passes;
    case SignedRole:
        return isSigned;
    case GateCodeRole:
        return isGate ? Core::CloseGates::code(m_status->gates.at(row).gate) : QString();
    case StatusTextRole:
        return statusLine(row);
    default:
        return {};
    }
}

} // namespace Tillbridge::Ui
