// Plain value types shared by every planning algorithm. No Qt, no QGIS.
#pragma once

#include <vector>

namespace poleaxis {

// A position. On geographic data x is longitude and y latitude, in degrees
// (WGS 84); on projected data both are metres.
struct Point {
  double x = 0.0;
  double y = 0.0;
};

// A closed ring: the first point is repeated at the end.
using Ring = std::vector<Point>;

// rings[0] is the shell, the rest are holes.
struct Polygon {
  std::vector<Ring> rings;
};

using MultiPolygon = std::vector<Polygon>;

}  // namespace poleaxis
