#pragma once

#include <QString>

// Path of a file from resources/ (e.g. "styles/axes.qml") in this build's Qt
// resources, whose root is unique to the build (see plugin/CMakeLists.txt).
QString poleaxisResource(const QString& relative);
