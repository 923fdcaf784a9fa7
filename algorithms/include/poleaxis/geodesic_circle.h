// True geodesic circles on the WGS 84 ellipsoid: every vertex lies at the
// given geodesic distance from the centre (PROJ geod_direct).
#pragma once

#include <vector>

#include "poleaxis/geo_types.h"
#include "poleaxis/polygon_ops.h"

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

// Lon/lat polygons whose vertices were transformed one by one from a
// projected shape (a hull, a corridor, a Voronoi cell in a local azimuthal
// CRS): a ring that jumps across ±180 is unrolled (each step taken the short
// way round), a ring that then winds once around the globe encloses a pole
// and is closed along it (the pole nearer its mean latitude), and the result
// is split at ±180 into [-180, 180] (wrap_antimeridian). Rings that neither
// jump nor wind come back unchanged.
MultiPolygon lonlat_polygons(const MultiPolygon& transformed);

// The narrowest longitude range holding the points: across ±180 when that is
// narrower (Fiji, Chukotka), with xmax then above 180. A local working CRS
// chosen on it is centred on the data, not on the far side of the globe.
Bounds compact_lonlat_bounds(const std::vector<Point>& points);

}  // namespace poleaxis
