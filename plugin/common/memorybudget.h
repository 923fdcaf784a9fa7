#pragma once

#include <QString>

// How much memory a run may take, checked before a large allocation so that
// a run is refused with the size it needs instead of being killed midway.
namespace memorybudget {

// Bytes of memory a run may use: the POLEAXIS_MEMORY_LIMIT_MB environment
// variable when set (a cap for shared servers, and for tests), else the
// system's MemAvailable (Linux /proc/meminfo); a negative value when neither
// is known.
double availableBytes();

// The process's peak resident memory so far (Linux VmHWM), or a negative
// value where it is not known.
double peakBytes();

// Whether `bytes` fit in 85 % of availableBytes() (true when it is unknown).
bool fits(double bytes);

// Throws a QgsProcessingException naming `parameter` when `bytes` exceed
// 85 % of availableBytes(): "<parameter>: <what> needs 6.4 GB, but 5.1 GB of
// memory is available. <fix>". Does nothing when the budget is unknown.
void require(double bytes, const QString& parameter, const QString& what, const QString& fix);

// "6.4 GB", "210 MB", "12 KB".
QString describeBytes(double bytes);

}  // namespace memorybudget
