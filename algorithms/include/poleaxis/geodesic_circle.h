// True geodesic circles on the WGS 84 ellipsoid: every vertex lies at the
// given geodesic distance from the centre (PROJ geod_direct).
#pragma once

#include "poleaxis/geo_types.h"

namespace poleaxis {

// Closed counter-clockwise ring of `segments` vertices (plus the closing
// one), starting due north. Longitudes are unrolled around the centre (they
// may pass ±180) so the ring is continuous near the antimeridian.
Ring geodesic_circle_ring(Point centre, double radius_m, int segments);

// True when the circle contains a pole; such a circle has no lon/lat polygon
// and geodesic_circle() refuses it.
bool circle_reaches_pole(Point centre, double radius_m);

// Throws InputError when geodesic_circle() would refuse these arguments.
void check_circle(Point centre, double radius_m, int segments);

// The circle as lon/lat polygons in [-180, 180]: one polygon, or two when it
// crosses the antimeridian. Throws InputError for radius <= 0, segments < 3,
// latitude outside [-90, 90], or a circle that reaches a pole.
MultiPolygon geodesic_circle(Point centre, double radius_m, int segments);

// Splits unrolled lon/lat polygons at ±180 and shifts the parts into
// [-180, 180]. Polygons already inside are returned unchanged.
MultiPolygon wrap_antimeridian(const MultiPolygon& unrolled);

}  // namespace poleaxis
