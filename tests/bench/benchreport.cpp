// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/benchreport.h"

#include <QFile>
#include <QJsonDocument>
#include <QStorageInfo>
#include <QThread>

#include <cmath>
#include <cstdio>

namespace Tillbridge::Bench::BenchReport {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith("VmHWM:"))
            continue;
        const QList<QByteArray> parts = line.mid(6).simplified().split(' ');
        bool ok = false;
        const qint64 kib = parts.value(0).toLongLong(&ok);
        return ok ? rounded(double(kib) / 1024.0, 1) : -1.0;
    }
    return -1.0;
}

QString fileSystemType(const QString &path)
{
    const QStorageInfo storage(path);
    return storage.isValid() ? QString::fromLatin1(storage.fileSystemType()) : QStringLiteral("unknown");
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

void printLine(QJsonObject result)
{
    result.insert(QStringLiteral("build_type"), QStringLiteral(TILLBRIDGE_BENCH_BUILD_TYPE));
    result.insert(QStringLiteral("cores"), QThread::idealThreadCount());
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void progress(const QString &text)
{
    const QByteArray line = text.toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace Tillbridge::Bench::BenchReport
