#include "resourcepath.h"

QString poleaxisResource(const QString& relative) {
  return QStringLiteral(":/" POLEAXIS_RESOURCE_ROOT "/") + relative;
}
