// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/reconciliationtypes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ReconciliationSettings", text);
}

} // namespace

Result<ReconciliationSettings> ReconciliationSettings::load(const QString &configFile)
{
    QFile file(configFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("%1 could not be read: %2").arg(configFile, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error{ErrorCode::InvalidInput, tr("%1 is not a JSON object: %2").arg(configFile, parseError.errorString())};
    return fromJson(document.object());
}

Result<ReconciliationSettings> ReconciliationSettings::fromJson(const QJsonObject &configRoot)
{
    ReconciliationSettings settings;
    const QJsonValue section = configRoot.value(u"reconciliation");
    if (section.isUndefined())
        return settings;
    if (!section.isObject())
        return Error{ErrorCode::InvalidInput, tr("\"reconciliation\" must be an object.")};
    const QJsonObject object = section.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"toleranceMinor") {
            // An integer count of minor units; never a fraction (JSON has no integer type, so check it is one).
            const qint64 minor = it.value().toInteger(-1);
            if (!it.value().isDouble() || minor < 0 || QJsonValue(minor) != it.value())
                return Error{ErrorCode::InvalidInput,
                             tr("\"reconciliation.toleranceMinor\" must be a whole number of minor units, 0 or more.")};
            settings.toleranceMinor = minor;
        } else if (it.key() == u"vatAccount") {
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                return Error{ErrorCode::InvalidInput, tr("\"reconciliation.vatAccount\" must be an account name.")};
            settings.vatAccount = it.value().toString().trimmed();
        } else {
            return Error{ErrorCode::InvalidInput,
                         tr("\"reconciliation.%1\" is not a setting; known: toleranceMinor, vatAccount.").arg(it.key())};
        }
    }
    return settings;
}

} // namespace Tillbridge::Core
