#include "memorybudget.h"

#include <qgsexception.h>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace memorybudget {

double availableBytes() {
  bool ok = false;
  const double capMb = qEnvironmentVariable("POLEAXIS_MEMORY_LIMIT_MB").toDouble(&ok);
  if (ok && capMb > 0) return capMb * 1024.0 * 1024.0;
  QFile meminfo(QStringLiteral("/proc/meminfo"));
  if (!meminfo.open(QIODevice::ReadOnly)) return -1;
  static const QRegularExpression available(QStringLiteral("^MemAvailable:\\s+(\\d+)\\s+kB"), QRegularExpression::MultilineOption);
  const QRegularExpressionMatch m = available.match(QString::fromLatin1(meminfo.readAll()));
  return m.hasMatch() ? m.captured(1).toDouble() * 1024.0 : -1;
}

double peakBytes() {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly)) return -1;
  static const QRegularExpression peak(QStringLiteral("^VmHWM:\\s+(\\d+)\\s+kB"), QRegularExpression::MultilineOption);
  const QRegularExpressionMatch m = peak.match(QString::fromLatin1(status.readAll()));
  return m.hasMatch() ? m.captured(1).toDouble() * 1024.0 : -1;
}

QString describeBytes(double bytes) {
  if (bytes >= 1e9) return QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 1);
  if (bytes >= 1e6) return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 0);
  return QStringLiteral("%1 KB").arg(std::max(1.0, bytes / 1e3), 0, 'f', 0);
}

bool fits(double bytes) {
  const double available = availableBytes();
  return available < 0 || bytes <= 0.85 * available;
}

void require(double bytes, const QString& parameter, const QString& what, const QString& fix) {
  if (fits(bytes)) return;
  const double available = availableBytes();
  throw QgsProcessingException(QCoreApplication::translate("MemoryBudget", "%1: %2 needs %3, but %4 of memory is available. %5")
                                   .arg(parameter, what, describeBytes(bytes), describeBytes(available), fix));
}

}  // namespace memorybudget
